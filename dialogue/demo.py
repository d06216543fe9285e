"""Demo content of "Trao đổi và tháo gỡ" for `manage.py load_demo_data`; a second run changes
nothing. Published Q&A come from dialogue/data/demo_questions.json (real, already redacted
questions answered on baohiemxahoi.gov.vn — see the file's "source"); one question more sits
in every other status. Askers are invented (example.vn addresses).
"""

import datetime
import json
from pathlib import Path

from django.utils import timezone
from wagtail.log_actions import log

from . import deadlines, masking
from .anonymise import asker_label
from .intake import fingerprint
from .models import Agency, AnswerTemplate, PublishedQuestion, Question, Sector

FIXTURE = Path(__file__).resolve().parent / "data" / "demo_questions.json"
S = Question.Status

SECTORS = ["Ốm đau, thai sản", "Sổ BHXH - Thẻ BHYT", "Hộ tịch", "Đất đai", "Giáo dục"]
LEADERS = ["Chủ tịch UBND thành phố", "Phó Chủ tịch UBND thành phố phụ trách văn xã"]
AGENCIES = {
    "Bảo hiểm xã hội thành phố": "bhxh@example.gov.vn",
    "Sở Tư pháp": "stp@example.gov.vn",
    "Sở Nông nghiệp và Môi trường": "snnmt@example.gov.vn",
    "Sở Giáo dục và Đào tạo": "sgddt@example.gov.vn",
}
TEMPLATES = {
    "Hướng dẫn liên hệ cơ quan trực tiếp giải quyết": (
        "Cảm ơn ông/bà đã gửi câu hỏi. Nội dung ông/bà hỏi thuộc thẩm quyền giải quyết của "
        "[cơ quan]. Đề nghị ông/bà liên hệ trực tiếp [địa chỉ, điện thoại] để được hướng dẫn."
    ),
    "Trả lời theo quy định pháp luật": (
        "Căn cứ [văn bản], quy định như sau: [trích dẫn].\n\nĐối chiếu quy định trên, "
        "[kết luận cho trường hợp của ông/bà]."
    ),
}
ASKERS = [
    ("Nguyễn Thị Hoa", 19753, "Phường Phú Xuân", "12 Lê Lợi"),
    ("Trần Văn Bình", 19777, "Phường Vỹ Dạ", "45 Nguyễn Sinh Cung"),
    ("Lê Thị Mai", 19774, "Phường Kim Long", "8 Kim Long"),
    ("Phạm Minh Tuấn", 19753, "Phường Phú Xuân", "3 Đinh Tiên Hoàng"),
    ("Hoàng Thị Lan", 19777, "Phường Vỹ Dạ", "20 Ưng Bình"),
]
# (code, status, sector, title, content, days ago, agency)
IN_PROGRESS = [
    (
        "HD-DEMO-0101",
        S.NEW,
        "Hộ tịch",
        "Đăng ký khai sinh khi cha mẹ chưa đăng ký kết hôn",
        "Con tôi sinh tháng trước, cha mẹ chưa đăng ký kết hôn. Xin hỏi thủ tục đăng ký khai sinh "
        "cho cháu và có cần có mặt cả hai người không?",
        1,
        None,
    ),
    (
        "HD-DEMO-0102",
        S.ASSIGNED,
        "Đất đai",
        "Thời hạn cấp giấy chứng nhận quyền sử dụng đất",
        "Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu đã hơn hai tháng. Xin hỏi "
        "thời hạn giải quyết theo quy định là bao lâu?",
        30,
        "Sở Nông nghiệp và Môi trường",
    ),
    (
        "HD-DEMO-0103",
        S.IN_PROGRESS,
        "Giáo dục",
        "Tuyển sinh lớp 10 cho học sinh chuyển tỉnh",
        "Gia đình tôi chuyển về Huế sinh sống. Con tôi học lớp 9 ở tỉnh khác thì đăng ký dự "
        "tuyển lớp 10 tại Huế như thế nào?",
        5,
        "Sở Giáo dục và Đào tạo",
    ),
    (
        "HD-DEMO-0104",
        S.ANSWERED,
        "Hộ tịch",
        "Chứng thực bản sao từ bản chính",
        "Tôi cần chứng thực bản sao bằng tốt nghiệp. Có thể làm ở phường nơi tôi tạm trú không?",
        4,
        "Sở Tư pháp",
    ),
    (
        "HD-DEMO-0105",
        S.REJECTED,
        "Đất đai",
        "Tranh chấp lối đi chung với hàng xóm",
        "Nhà hàng xóm xây tường lấn lối đi chung. Xin lãnh đạo thành phố xử lý giúp.",
        8,
        None,
    ),
]


def _ensure_lists():
    for order, name in enumerate(SECTORS):
        Sector.objects.get_or_create(name=name, defaults={"sort_order": order})
    # Leaders are written from the government section's leader pages when it has them
    # (government/addressees.py); these offices stand in without it.
    if not Agency.objects.filter(kind=Agency.Kind.LEADER).exists():
        for order, name in enumerate(LEADERS):
            Agency.objects.get_or_create(
                name=name, defaults={"kind": Agency.Kind.LEADER, "sort_order": order}
            )
    for order, (name, email) in enumerate(AGENCIES.items()):
        Agency.objects.get_or_create(name=name, defaults={"email": email, "sort_order": order})
    for title, body in TEMPLATES.items():
        AnswerTemplate.objects.get_or_create(title=title, defaults={"body": body})


def _aware(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _new_question(code, number, sector, addressee, title, content, submitted):
    name, ward_code, ward, street = ASKERS[number % len(ASKERS)]
    email = f"nguoidan{number}@example.vn"
    return Question(
        tracking_code=code,
        full_name=name,
        province_code=46,
        province_name="Thành phố Huế",
        ward_code=ward_code,
        ward_name=ward,
        street=street,
        phone=f"0912000{number:03d}",
        email=email,
        consent_at=submitted,
        sector=Sector.objects.get(name=sector),
        addressee=addressee,
        title=title,
        content=content,
        submitted_at=submitted,
        due_date=deadlines.due_date(timezone.localdate(submitted)),
        fingerprint=fingerprint(email, content),
    )


def _published(number, item, leader, agency):
    code = f"HD-DEMO-{number:04d}"
    if Question.objects.filter(tracking_code=code).exists():
        return 0
    asked = datetime.datetime.strptime(item["asked"], "%d/%m/%Y").date()
    answered = datetime.datetime.strptime(item["answered"], "%d/%m/%Y").date()
    question = _new_question(
        code, number, item["sector"], leader, item["title"], item["question"], _aware(asked)
    )
    question.status = S.PUBLISHED
    question.assigned_agency = agency
    question.assigned_at = question.submitted_at
    question.answer = item["answer"]
    question.answered_at = question.reviewed_at = _aware(answered, 15)
    question.save()
    PublishedQuestion.objects.create(
        question=question,
        title=masking.mask(question.title, question),
        question_text=masking.mask(question.content, question),
        answer_text=masking.mask(question.answer, question),
        sector=question.sector,
        addressee=leader,
        answering_body=agency,
        asker=asker_label(question),
        asked_on=asked,
        answered_on=answered,
        published_at=question.answered_at,
    )
    log(question, "dialogue.submit", user=None, title=code)
    return 1


def _in_progress(number, row, leader):
    code, status, sector, title, content, days_ago, agency_name = row
    if Question.objects.filter(tracking_code=code).exists():
        return 0
    submitted = timezone.now() - datetime.timedelta(days=days_ago)
    question = _new_question(code, number, sector, leader, title, content, submitted)
    question.status = status
    if agency_name:
        question.assigned_agency = Agency.objects.get(name=agency_name)
        question.assigned_at = submitted + datetime.timedelta(hours=4)
    if status == S.ANSWERED:
        question.answer = (
            "Theo Nghị định 23/2015/NĐ-CP, người dân có thể yêu cầu chứng thực bản sao từ bản "
            "chính tại bất kỳ UBND cấp xã nào, không phụ thuộc nơi cư trú."
        )
        question.answered_at = timezone.now() - datetime.timedelta(days=1)
    if status == S.REJECTED:
        question.rejection_reason = (
            "Tranh chấp đất đai giữa các hộ gia đình được hòa giải tại UBND phường trước; "
            "đề nghị ông/bà liên hệ UBND phường nơi có đất."
        )
    question.save()
    log(question, "dialogue.submit", user=None, title=code)
    return 1


def load(home, stdout):
    """Add the dialogue demo rows that are missing; report how many were created."""
    _ensure_lists()
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))["items"]
    leader = Agency.objects.filter(kind=Agency.Kind.LEADER).order_by("sort_order", "pk").first()
    bhxh = Agency.objects.get(name="Bảo hiểm xã hội thành phố")
    created = sum(
        _published(number, item, leader, bhxh) for number, item in enumerate(items, start=1)
    )
    created += sum(
        _in_progress(number, row, leader) for number, row in enumerate(IN_PROGRESS, start=101)
    )
    stdout.write(f"Demo data: {created} dialogue question(s) created.")
    return created

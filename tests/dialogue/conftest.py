"""Builders for the dialogue tests: the section page, managed lists, staff users, questions."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from dialogue import workflow
from dialogue.intake import fingerprint
from dialogue.models import Agency, DialogueIndexPage, Question, Sector
from dialogue.models.questions import new_tracking_code
from dialogue.permissions import ANSWERER_GROUP, MODERATOR_GROUP
from tests.conftest import add_page

SECTION = "/trao-doi-va-thao-go/"
ASK = SECTION + "gui-cau-hoi/"
LOOKUP = SECTION + "tra-cuu/"
FEED = SECTION + "rss/"
STATS = SECTION + "thong-ke/"
ADMIN_QUEUE = "/admin/trao-doi/cau-hoi/"

# Identity of the asker used throughout: none of it may ever appear publicly.
IDENTITY = {
    "full_name": "Trần Thị Bích Ngọc",
    "province": "46",
    "ward": "19753",  # Phường Phú Xuân
    "street": "27 Kiệt 14 Nguyễn Trường Tộ",
    "phone": "0914 222 333",
    "email": "bichngoc.tran@example.vn",
}


@pytest.fixture(autouse=True)
def _private_attachments(settings, tmp_path):
    settings.DIALOGUE_ATTACHMENT_ROOT = tmp_path / "private"


@pytest.fixture
def post(client, section, django_capture_on_commit_callbacks):
    """POST to the question form, running what waits for the commit (e-mails) as it would."""

    def _post(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(ASK, data, **extra)

    return _post


@pytest.fixture
def section(home_page):
    return add_page(
        home_page,
        DialogueIndexPage,
        title="Trao đổi và tháo gỡ",
        slug="trao-doi-va-thao-go",
        intro="Hỏi lãnh đạo tỉnh",
    )


@pytest.fixture
def sector(db):
    return Sector.objects.create(name="Hộ tịch")


@pytest.fixture
def agency(db):
    return Agency.objects.create(name="Sở Tư pháp", email="stp@example.gov.vn")


@pytest.fixture
def other_agency(db):
    return Agency.objects.create(name="Sở Y tế")


@pytest.fixture
def leader(db):
    return Agency.objects.create(name="Chủ tịch UBND tỉnh", kind=Agency.Kind.LEADER)


def make_user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="pw-" + username, email=f"{username}@example.gov.vn", **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderator(django_user_model):
    return make_user(django_user_model, "kiemduyet", MODERATOR_GROUP)


@pytest.fixture
def second_moderator(django_user_model):
    return make_user(django_user_model, "kiemduyet2", MODERATOR_GROUP)


@pytest.fixture
def answerer(django_user_model, agency):
    user = make_user(django_user_model, "sotuphap", ANSWERER_GROUP)
    agency.members.add(user)
    return user


@pytest.fixture
def other_answerer(django_user_model, other_agency):
    user = make_user(django_user_model, "soyte", ANSWERER_GROUP)
    other_agency.members.add(user)
    return user


@pytest.fixture
def editor(django_user_model):
    """A news editor ("Biên tập viên"): admin access, no dialogue role."""
    from news.editorial import ensure_editorial_setup

    editors, _reviewers = ensure_editorial_setup()
    return make_user(django_user_model, "bientap", editors.name)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri", password="pw-quantri", email="quantri@example.gov.vn"
    )


def make_question(sector, addressee, **fields):
    """A question as the form would store it, without going through HTTP."""
    now = timezone.now()
    content = fields.pop("content", "Tôi muốn hỏi thủ tục đăng ký khai sinh cho con.")
    values = {
        "tracking_code": new_tracking_code(),
        "full_name": IDENTITY["full_name"],
        "province_code": 46,
        "province_name": "Thành phố Huế",
        "ward_code": 19753,
        "ward_name": "Phường Phú Xuân",
        "street": IDENTITY["street"],
        "phone": "0914222333",
        "email": IDENTITY["email"],
        "consent_at": now,
        "sector": sector,
        "addressee": addressee,
        "title": "Đăng ký khai sinh",
        "content": content,
        "submitted_at": now,
        "due_date": (now + datetime.timedelta(days=21)).date(),
        **fields,
    }
    # Unique per question unless a test asks for a duplicate.
    values.setdefault("fingerprint", fingerprint(values["tracking_code"], content))
    return Question.objects.create(**values)


@pytest.fixture
def question(sector, leader):
    return make_question(sector, leader)


def publish(question, agency, moderator, answerer, second_moderator=None, **public):
    """Walk a question through the whole workflow up to publication."""
    workflow.assign(question, moderator, agency)
    workflow.start(question, answerer)
    workflow.answer(question, answerer, public.pop("answer", "Ông bà liên hệ UBND phường."))
    question.refresh_from_db()
    workflow.approve(
        question,
        second_moderator or moderator,
        title=public.get("title", question.title),
        question_text=public.get("question_text", question.content),
        answer_text=public.get("answer_text", question.answer),
    )
    question.refresh_from_db()
    return question

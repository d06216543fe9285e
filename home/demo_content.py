"""The demo portal's content: our own text, built on the public facts of the Huế portal."""

import datetime
from zoneinfo import ZoneInfo

HUE = ZoneInfo("Asia/Ho_Chi_Minh")

SITE_NAME = "Cổng thông tin điện tử tỉnh Thừa Thiên Huế"

HOME = {
    "title": "Trang chủ",
    "slug": "trang-chu",
    "intro": "Thông tin chính thống về hoạt động của chính quyền tỉnh, thủ tục hành chính "
    "và kênh trao đổi giữa người dân, doanh nghiệp với lãnh đạo tỉnh.",
}

PORTAL_SETTINGS = {
    "organisation": "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
    "address": "16 Lê Lợi, thành phố Huế, tỉnh Thừa Thiên Huế",
    "phone": "0234 3822 527",
    "email": "ubnd@thuathienhue.gov.vn",
    "licence": "Giấy phép số 34/GP-TTĐT do Bộ Thông tin và Truyền thông cấp (dữ liệu minh họa)",
    "portal_name_en": "Thua Thien Hue Provincial Web Portal",
    "organisation_en": "People's Committee of Thua Thien Hue Province",
    "address_en": "16 Le Loi Street, Hue City, Thua Thien Hue Province",
    "licence_en": "Licence No. 34/GP-TTĐT issued by the Ministry of Information and "
    "Communications (sample data)",
}

NEWS_INDEX = {
    "title": "Tin tức",
    "slug": "tin-tuc",
    "intro": "Tin hoạt động, cải cách hành chính và chính quyền điện tử của tỉnh.",
}

ARTICLES = [
    {
        "slug": "ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023",
        "title": "Kết quả xây dựng chính quyền điện tử năm 2023",
        "date": datetime.datetime(2024, 10, 27, 8, 30, tzinfo=HUE),
        "author": "Hải Định",
        "lead": "Năm 2023, các cơ quan trong tỉnh tiếp nhận 288.008 hồ sơ thủ tục hành chính, "
        "trong đó 121.527 hồ sơ được nộp trực tuyến.",
        "body": "<p>Theo số liệu tổng hợp, trong năm 2023 toàn tỉnh tiếp nhận 288.008 hồ sơ "
        "và đã giải quyết 279.079 hồ sơ. Số hồ sơ nộp qua mạng đạt 121.527, cho thấy người "
        "dân ngày càng quen với việc làm thủ tục không cần đến trụ sở.</p>"
        "<p>Bộ thủ tục hành chính áp dụng trên địa bàn gồm 2.106 thủ tục: 2.088 thủ tục do "
        "trung ương ban hành và 18 thủ tục đặc thù của tỉnh.</p>",
    },
    {
        "slug": "2106-thu-tuc-hanh-chinh-duoc-cong-khai",
        "title": "Công khai đầy đủ 2.106 thủ tục hành chính trên cổng thông tin",
        "date": datetime.datetime(2024, 9, 12, 9, 0, tzinfo=HUE),
        "author": "Ban biên tập",
        "lead": "Người dân có thể tra cứu thành phần hồ sơ, thời hạn và phí của từng thủ tục.",
        "body": "<p>Danh mục thủ tục hành chính trên cổng được đồng bộ với Cơ sở dữ liệu "
        "quốc gia. Mỗi thủ tục ghi rõ cơ quan thực hiện, cách thức nộp, thời hạn giải quyết, "
        "phí và lệ phí.</p><p>Tìm kiếm hỗ trợ gõ không dấu, ví dụ “dang ky khai sinh”.</p>",
    },
    {
        "slug": "mo-kenh-trao-doi-va-thao-go",
        "title": "Mở kênh “Trao đổi và tháo gỡ” giữa người dân và lãnh đạo tỉnh",
        "date": datetime.datetime(2024, 8, 5, 14, 0, tzinfo=HUE),
        "author": "Ban biên tập",
        "lead": "Câu hỏi được tiếp nhận trực tuyến, có mã theo dõi và câu trả lời được công khai.",
        "body": "<p>Người dân, doanh nghiệp gửi câu hỏi kèm họ tên, địa chỉ, điện thoại và "
        "thư điện tử theo quy định. Thông tin cá nhân chỉ dùng để liên hệ, không công khai.</p>",
    },
    {
        "slug": "ho-so-truc-tuyen-tang-manh",
        "title": "Hồ sơ trực tuyến chiếm hơn 42% tổng số hồ sơ tiếp nhận",
        "date": datetime.datetime(2024, 3, 18, 10, 15, tzinfo=HUE),
        "author": "Minh Thư",
        "lead": "Tỷ lệ hồ sơ nộp trực tuyến tiếp tục tăng nhờ dịch vụ công toàn trình.",
        "body": "<p>Với 121.527 trên 288.008 hồ sơ được nộp qua mạng trong năm 2023, tỷ lệ "
        "hồ sơ trực tuyến đạt khoảng 42,2%. Các dịch vụ công toàn trình được ưu tiên mở rộng.</p>",
    },
]

DIALOGUE = {
    "title": "Trao đổi và tháo gỡ",
    "slug": "trao-doi-va-thao-go",
    "intro": "Người dân và doanh nghiệp gửi câu hỏi tới lãnh đạo tỉnh; câu trả lời được công khai.",
}

PROCEDURES = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "intro": "Tra cứu 2.106 thủ tục hành chính áp dụng trên địa bàn tỉnh.",
}

STRUCTURE = {
    "title": "Cơ cấu tổ chức",
    "slug": "co-cau-to-chuc",
    "intro": "Chức năng, nhiệm vụ và cơ cấu tổ chức của Ủy ban nhân dân tỉnh.",
    "body": "<p>Ủy ban nhân dân tỉnh gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên; giúp "
    "việc có Văn phòng và các sở, ban, ngành chuyên môn.</p>",
}

CONTACT = {
    "title": "Liên hệ",
    "slug": "lien-he",
    "address": PORTAL_SETTINGS["address"],
    "phone": PORTAL_SETTINGS["phone"],
    "email": PORTAL_SETTINGS["email"],
    "body": "<p>Mọi góp ý về nội dung cổng thông tin xin gửi về Ban biên tập.</p>",
    "officials": [
        {
            "name": "Nguyễn Văn An",
            "title": "Trưởng Ban biên tập",
            "phone": "0234 3822 000",
            "email": "bbt@thuathienhue.gov.vn",
        },
    ],
}

"""The demo portal's content: our own text, built on the public facts of the Huế portal."""

SITE_NAME = "Cổng thông tin điện tử thành phố Huế"

HOME = {
    "title": "Trang chủ",
    "slug": "trang-chu",
    "intro": "Thông tin chính thống về hoạt động của chính quyền thành phố, thủ tục hành chính "
    "và kênh trao đổi giữa người dân, doanh nghiệp với lãnh đạo thành phố.",
}

PORTAL_SETTINGS = {
    "organisation": "Ủy ban nhân dân thành phố Huế",
    "locality": "thanh-pho",  # a centrally-run city: "lãnh đạo thành phố", "Toàn thành phố"
    "address": "16 Lê Lợi, phường Thuận Hóa, thành phố Huế",
    "phone": "0234 3822 527",
    "email": "ubnd@hue.gov.vn",
    "licence": "Giấy phép số 34/GP-TTĐT do Bộ Thông tin và Truyền thông cấp (dữ liệu minh họa)",
    "portal_name_en": "Hue City Web Portal",
    "organisation_en": "People's Committee of Hue City",
    "address_en": "16 Le Loi Street, Thuan Hoa Ward, Hue City",
    "licence_en": "Licence No. 34/GP-TTĐT issued by the Ministry of Information and "
    "Communications (sample data)",
}

DIALOGUE = {
    "title": "Trao đổi và tháo gỡ",
    "slug": "trao-doi-va-thao-go",
    "intro": "Người dân và doanh nghiệp gửi câu hỏi tới lãnh đạo thành phố; câu trả lời được "
    "công khai.",
}

PROCEDURES = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "intro": "Tra cứu thủ tục hành chính áp dụng trên địa bàn thành phố theo tên, mã, lĩnh vực "
    "hoặc cơ quan thực hiện; số thủ tục hiện có được đếm ngay trên trang.",
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
            "email": "bbt@hue.gov.vn",
        },
    ],
}

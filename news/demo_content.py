"""Demo news: our own text, built on the facts of the Huế portal article "Kết quả công tác xây
dựng chính quyền điện tử năm 2023" (Ngày cập nhật 27/10/2024, Hải Định): 2.106 procedures
(2.088 central, 18 local), 288.008 dossiers received, 279.079 settled, 121.527 online, the
business information system, e-invoices, the "Trao đổi và tháo gỡ" channel and the inspection
by the Government's administrative reform steering committee.
"""

import datetime
from zoneinfo import ZoneInfo

HUE = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HUE)


NEWS_INDEX = {
    "title": "Tin tức",
    "slug": "tin-tuc",
    "intro": "Tin hoạt động, cải cách hành chính và chính quyền điện tử của thành phố.",
}

CATEGORIES = [
    {
        "slug": "cai-cach-hanh-chinh",
        "name": "Cải cách hành chính",
        "description": "Thủ tục hành chính, cơ chế một cửa và kết quả cải cách của thành phố.",
        "sort_order": 1,
    },
    {
        "slug": "chinh-quyen-dien-tu",
        "name": "Chính quyền điện tử",
        "description": "Dịch vụ công trực tuyến, chuyển đổi số trong cơ quan nhà nước.",
        "sort_order": 2,
    },
    {
        "slug": "kinh-te-xa-hoi",
        "name": "Kinh tế – xã hội",
        "description": "Doanh nghiệp, đầu tư và đời sống người dân trên địa bàn.",
        "sort_order": 3,
    },
    {
        "slug": "thong-bao",
        "name": "Thông báo",
        "description": "Thông báo của Ủy ban nhân dân thành phố và Ban biên tập cổng.",
        "sort_order": 4,
    },
]

# Illustrations drawn by news.illustrations (no photograph is shipped); the description is
# the alt text, and says what the picture shows.
IMAGES = [
    {
        "title": "Minh họa: chính quyền điện tử",
        "description": "Màn hình máy tính hiển thị danh sách hồ sơ trên cổng dịch vụ công, "
        "nối với các điểm mạng xung quanh.",
        "scene": "e_government",
        "filename": "minh-hoa-chinh-quyen-dien-tu.jpg",
    },
    {
        "title": "Minh họa: bộ phận một cửa",
        "description": "Năm quầy tiếp nhận hồ sơ có bảng số thứ tự; cán bộ ngồi sau quầy, "
        "người dân chờ phía trước.",
        "scene": "counters",
        "filename": "minh-hoa-bo-phan-mot-cua.jpg",
    },
    {
        "title": "Minh họa: hội nghị",
        "description": "Hội trường có băng rôn đỏ, đoàn chủ tọa ngồi ở bàn phía trên, "
        "đại biểu ngồi kín các hàng ghế.",
        "scene": "conference",
        "filename": "minh-hoa-hoi-nghi.jpg",
    },
    {
        "title": "Minh họa: xã nông thôn",
        "description": "Cánh đồng lúa xanh của một xã, con đường đất dẫn về phía đồi núi.",
        "scene": "rice_fields",
        "filename": "minh-hoa-xa-nong-thon.jpg",
    },
    {
        "title": "Minh họa: cầu đi bộ",
        "description": "Người dân đi bộ trên cây cầu vòm bắc qua sông lúc hoàng hôn, "
        "phía xa là dãy nhà ven sông.",
        "scene": "footbridge",
        "filename": "minh-hoa-cau-di-bo.jpg",
    },
    {
        "title": "Minh họa: số hóa hồ sơ",
        "description": "Các chồng hồ sơ giấy được chuyển thành danh sách trên máy tính bảng, "
        "lưu trên đám mây.",
        "scene": "documents",
        "filename": "minh-hoa-so-hoa-ho-so.jpg",
    },
    {
        "title": "Minh họa: khu công nghiệp",
        "description": "Khu công nghiệp với các tòa nhà, cần cẩu đang thi công và xe tải "
        "trên đường.",
        "scene": "industrial",
        "filename": "minh-hoa-khu-cong-nghiep.jpg",
    },
    {
        "title": "Minh họa: di sản",
        "description": "Cổng thành cổ mái vàng, tường có ba cửa vòm, phía trước là hồ sen.",
        "scene": "heritage",
        "filename": "minh-hoa-di-san.jpg",
    },
]

# Each article's illustration, by slug (an article's own "image" wins).
ARTICLE_IMAGES = {
    "so-hoa-ho-so-cap-co-so": "Minh họa: xã nông thôn",
    "doan-kiem-tra-cai-cach-hanh-chinh-lam-viec-tai-tinh": "Minh họa: hội nghị",
    "2106-thu-tuc-hanh-chinh-duoc-cong-khai": "Minh họa: bộ phận một cửa",
    "tra-cuu-thu-tuc-khong-can-go-dau": "Minh họa: chính quyền điện tử",
    "mo-kenh-trao-doi-va-thao-go": "Minh họa: cầu đi bộ",
    "khung-kien-truc-chinh-quyen-dien-tu": "Minh họa: số hóa hồ sơ",
    "nang-cap-he-thong-thong-tin-doanh-nghiep": "Minh họa: khu công nghiệp",
    "hoa-don-dien-tu-toan-bo-doanh-nghiep": "Minh họa: khu công nghiệp",
    "ho-so-truc-tuyen-tang-manh": "Minh họa: số hóa hồ sơ",
    "ra-mat-cong-thong-tin-phien-ban-moi": "Minh họa: di sản",
}

DOCUMENT = {
    "title": "Tóm tắt số liệu giải quyết thủ tục hành chính năm 2023",
    "filename": "so-lieu-thu-tuc-hanh-chinh-2023.txt",
    "text": "Số liệu tóm tắt (dữ liệu minh họa của cổng)\n"
    "Thủ tục hành chính áp dụng trên địa bàn: 2.106\n"
    "  - do cơ quan trung ương quy định: 2.088\n"
    "  - đặc thù của địa phương: 18\n"
    "Hồ sơ tiếp nhận: 288.008\n"
    "Hồ sơ đã giải quyết: 279.079\n"
    "Hồ sơ tiếp nhận trực tuyến: 121.527\n",
}

RESULTS_TABLE = {
    "table_caption": "Số liệu giải quyết thủ tục hành chính năm 2023",
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "data": [
        ["Chỉ tiêu", "Số lượng"],
        ["Thủ tục hành chính áp dụng trên địa bàn", "2.106"],
        ["– do cơ quan trung ương quy định", "2.088"],
        ["– đặc thù của địa phương", "18"],
        ["Hồ sơ tiếp nhận (3 cấp chính quyền)", "288.008"],
        ["Hồ sơ đã giải quyết", "279.079"],
        ["Hồ sơ tiếp nhận trực tuyến", "121.527"],
    ],
}


def p(*paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def h(text, level="h2"):
    return [("heading", {"text": text, "level": level})]


ARTICLES = [
    {
        "slug": "ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023",
        "title": "Kết quả xây dựng chính quyền điện tử năm 2023",
        "category": "chinh-quyen-dien-tu",
        "date": at(2024, 10, 27, 8, 30),
        "author": "Hải Định",
        "featured": True,
        "image": "Minh họa: chính quyền điện tử",
        "lead": "Xây dựng chính quyền điện tử được thành phố xác định là nhiệm vụ cấp bách để "
        "chuyển từ “chính quyền quản lý” sang “chính quyền phục vụ, kiến tạo”. Năm 2023, "
        "121.527 hồ sơ thủ tục hành chính đã được nộp trực tuyến.",
        "body": h("Hoàn thiện hệ thống văn bản")
        + p(
            "Trên cơ sở luật, nghị định và hướng dẫn của Bộ Thông tin và Truyền thông, "
            "Ủy ban nhân dân thành phố đã ban hành kịp thời các quy định về ứng dụng công nghệ "
            "thông tin trong cơ quan nhà nước theo hướng tinh gọn, dễ triển khai.",
            "Khung kiến trúc chính quyền điện tử của thành phố được xây dựng theo hướng dẫn của "
            "Bộ, qua đó hình thành các chuẩn kỹ thuật chung cho các sở, ngành và địa phương.",
        )
        + h("Thủ tục hành chính và hồ sơ trực tuyến")
        + p(
            "Toàn bộ 2.106 thủ tục hành chính áp dụng trên địa bàn được đưa vào thực hiện "
            "theo cơ chế một cửa, một cửa liên thông. Ba cấp chính quyền đã tiếp nhận "
            "288.008 hồ sơ và giải quyết 279.079 hồ sơ."
        )
        + [("table", RESULTS_TABLE)]
        + [
            (
                "image",
                {
                    "image": "Minh họa: bộ phận một cửa",
                    "caption": "Bộ phận Một cửa các cấp là địa chỉ quen thuộc của người dân.",
                    "credit": "Ảnh minh họa",
                },
            ),
            (
                "gallery",
                {
                    "title": "Hình ảnh chính quyền điện tử năm 2023",
                    "credit": "Ảnh minh họa",
                    "images": [
                        {
                            "image": "Minh họa: chính quyền điện tử",
                            "alt_text": "",
                            "caption": "Hệ thống thông tin giải quyết thủ tục hành chính.",
                        },
                        {
                            "image": "Minh họa: bộ phận một cửa",
                            "alt_text": "",
                            "caption": "Tiếp nhận hồ sơ tại Bộ phận Một cửa.",
                        },
                    ],
                },
            ),
        ]
        + h("Khó khăn và kiến nghị")
        + p(
            "Thành phố còn thiếu nguồn lực, việc số hóa hồ sơ ở cấp cơ sở và liên thông thủ tục "
            "chưa đồng bộ. Thành phố đề nghị các bộ, ngành hướng dẫn cụ thể việc bố trí công "
            "chức, viên chức tại Trung tâm Phục vụ hành chính công theo Nghị định số "
            "61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP."
        )
        + [("document", {"document": DOCUMENT["title"], "title": ""})],
    },
    {
        "slug": "so-hoa-ho-so-cap-co-so",
        "title": "Số hóa hồ sơ ở cấp xã: những việc cần làm tiếp",
        "category": "chinh-quyen-dien-tu",
        "date": at(2024, 10, 27, 15, 0),
        "author": "Minh Thư",
        "lead": "Số hóa hồ sơ cấp cơ sở và làm giàu dữ liệu là hai việc được nêu hàng đầu "
        "trong các khó khăn cần tháo gỡ.",
        "body": p(
            "Bên cạnh kết quả đạt được, việc số hóa hồ sơ, kết quả giải quyết thủ tục ở "
            "cấp xã còn chậm, ảnh hưởng đến việc tái sử dụng dữ liệu khi người dân làm thủ "
            "tục lần sau.",
            "Các địa phương được yêu cầu tiếp tục cập nhật dữ liệu, nâng cao chất lượng dịch "
            "vụ công và lấy sự hài lòng của người dân làm thước đo.",
        ),
    },
    {
        "slug": "doan-kiem-tra-cai-cach-hanh-chinh-lam-viec-tai-tinh",
        "title": "Đoàn kiểm tra cải cách hành chính của Chính phủ làm việc tại thành phố",
        "category": "cai-cach-hanh-chinh",
        "date": at(2024, 10, 10, 16, 0),
        "author": "Ban biên tập",
        "lead": "Đoàn do Thứ trưởng Bộ Nội vụ Nguyễn Trọng Thừa làm trưởng đoàn đã nghe thành phố "
        "báo cáo kết quả và kiến nghị tháo gỡ vướng mắc.",
        "body": p(
            "Tại buổi làm việc, lãnh đạo thành phố đề nghị các bộ, ngành nghiên cứu, hướng dẫn mô "
            "hình và việc bố trí nhân sự tại Trung tâm Phục vụ hành chính công thành phố và bộ "
            "phận một cửa cấp huyện.",
            "Thành phố cũng kiến nghị ban hành hướng dẫn đồng bộ về giải quyết thủ tục hành chính "
            "trên môi trường mạng và cách tính số hồ sơ tiếp nhận trên hệ thống của các bộ.",
        ),
    },
    {
        "slug": "2106-thu-tuc-hanh-chinh-duoc-cong-khai",
        "title": "Công khai đầy đủ 2.106 thủ tục hành chính trên cổng thông tin",
        "category": "cai-cach-hanh-chinh",
        "date": at(2024, 9, 12, 9, 0),
        "author": "Ban biên tập",
        "featured": True,
        "lead": "Người dân có thể tra cứu thành phần hồ sơ, thời hạn và phí của từng thủ tục.",
        "body": p(
            "Danh mục thủ tục hành chính trên cổng được đồng bộ với Cơ sở dữ liệu quốc gia. "
            "Mỗi thủ tục ghi rõ cơ quan thực hiện, cách thức nộp, thời hạn giải quyết, phí và "
            "lệ phí.",
            "Trong 2.106 thủ tục, 2.088 thủ tục do cơ quan trung ương quy định và 18 thủ tục "
            "là thủ tục đặc thù của thành phố.",
        ),
    },
    {
        "slug": "tra-cuu-thu-tuc-khong-can-go-dau",
        "title": "Hướng dẫn tra cứu thủ tục hành chính không cần gõ dấu",
        "category": "thong-bao",
        "date": at(2024, 9, 12, 14, 30),
        "source": "Ban biên tập cổng thông tin",
        "lead": "Ô tìm kiếm hiểu cả chữ không dấu, ví dụ “dang ky khai sinh”.",
        "body": p(
            "Người dùng chỉ cần gõ tên thủ tục, có dấu hoặc không dấu, hoặc mã thủ tục. Kết "
            "quả trùng khớp đầy đủ dấu được xếp lên trước.",
        ),
    },
    {
        "slug": "mo-kenh-trao-doi-va-thao-go",
        "title": "Mở kênh “Trao đổi và tháo gỡ” giữa người dân và lãnh đạo thành phố",
        "category": "thong-bao",
        "date": at(2024, 8, 5, 14, 0),
        "author": "Ban biên tập",
        "featured": True,
        "lead": "Câu hỏi được tiếp nhận trực tuyến, có mã theo dõi và câu trả lời được công khai.",
        "body": p(
            "Chuyên mục giúp lãnh đạo thành phố nắm bắt tâm tư, nguyện vọng của cá nhân, tổ chức "
            "trên địa bàn. Người gửi câu hỏi ghi họ tên, địa chỉ, điện thoại và thư điện tử "
            "theo quy định; các thông tin này chỉ dùng để liên hệ, không công khai.",
        ),
    },
    {
        "slug": "khung-kien-truc-chinh-quyen-dien-tu",
        "title": "Khung kiến trúc chính quyền điện tử: nền tảng chuẩn hóa kỹ thuật",
        "category": "chinh-quyen-dien-tu",
        "date": at(2024, 7, 25, 10, 0),
        "author": "Hải Định",
        "lead": "Các chuẩn kỹ thuật chung bảo đảm tính tập trung trong lộ trình xây dựng "
        "chính quyền điện tử của thành phố.",
        "body": p(
            "Quy hoạch ứng dụng và phát triển công nghệ thông tin đến năm 2020, định hướng "
            "đến năm 2030 là căn cứ để các cấp, các ngành triển khai.",
            "Thông qua khung kiến trúc, các chuẩn kỹ thuật được cụ thể hóa bằng văn bản, tránh "
            "đầu tư trùng lặp giữa các đơn vị.",
        ),
    },
    {
        "slug": "mot-cua-lien-thong-100-phan-tram-thu-tuc",
        "title": "100% thủ tục hành chính thực hiện theo cơ chế một cửa, một cửa liên thông",
        "category": "cai-cach-hanh-chinh",
        "date": at(2024, 6, 20, 9, 15),
        "author": "Minh Thư",
        "image": "Minh họa: bộ phận một cửa",
        "lead": "Việc tiếp nhận và trả kết quả được thực hiện tại Trung tâm Phục vụ hành "
        "chính công thành phố, cấp huyện và bộ phận một cửa cấp xã.",
        "body": p(
            "Bộ phận Một cửa các cấp làm việc nghiêm túc, trở thành địa chỉ thân thiện của "
            "người dân và tổ chức khi cần giải quyết thủ tục.",
        ),
    },
    {
        "slug": "nang-cap-he-thong-thong-tin-doanh-nghiep",
        "title": "Nâng cấp Hệ thống thông tin doanh nghiệp của thành phố",
        "category": "kinh-te-xa-hoi",
        "date": at(2024, 5, 15, 8, 0),
        "source": "Sở Kế hoạch và Đầu tư (dữ liệu minh họa)",
        "lead": "Hệ thống giúp khai thác thông tin doanh nghiệp và trao đổi giữa doanh "
        "nghiệp với cơ quan nhà nước.",
        "body": p(
            "Hệ thống được vận hành tại địa chỉ "
            '<a href="https://thongtindoanhnghiep.thuathienhue.gov.vn">'
            "thongtindoanhnghiep.thuathienhue.gov.vn</a>, cùng với các ứng dụng hỗ trợ "
            "doanh nghiệp khác của thành phố.",
        ),
    },
    {
        "slug": "hoa-don-dien-tu-toan-bo-doanh-nghiep",
        "title": "Toàn bộ doanh nghiệp, hộ kinh doanh thuộc diện đã dùng hóa đơn điện tử",
        "category": "kinh-te-xa-hoi",
        "date": at(2024, 4, 2, 10, 30),
        "author": "Minh Thư",
        "lead": "100% tổ chức, doanh nghiệp, hộ và cá nhân kinh doanh thuộc đối tượng đã "
        "đăng ký và áp dụng hóa đơn điện tử.",
        "body": p(
            "Việc chuyển đổi giúp giảm chi phí in ấn, lưu trữ và rút ngắn thời gian kê khai "
            "thuế cho người nộp thuế trên địa bàn.",
        ),
    },
    {
        "slug": "ho-so-truc-tuyen-tang-manh",
        "title": "Hồ sơ trực tuyến chiếm hơn 42% tổng số hồ sơ tiếp nhận",
        "category": "chinh-quyen-dien-tu",
        "date": at(2024, 3, 18, 10, 15),
        "author": "Minh Thư",
        "lead": "Tỷ lệ hồ sơ nộp trực tuyến tiếp tục tăng nhờ dịch vụ công toàn trình.",
        "body": p(
            "Với 121.527 trên 288.008 hồ sơ được nộp qua mạng trong năm 2023, tỷ lệ hồ sơ "
            "trực tuyến đạt khoảng 42,2%. Người dân tiết kiệm được chi phí và thời gian đi lại.",
        ),
    },
    {
        "slug": "ra-mat-cong-thong-tin-phien-ban-moi",
        "title": "Cổng thông tin điện tử thành phố ra mắt phiên bản mới",
        "category": "thong-bao",
        "date": at(2024, 1, 8, 9, 0),
        "source": "Ban biên tập cổng thông tin",
        "lead": "Giao diện mới dễ đọc trên điện thoại, có bản in cho mọi bài viết và xem tin "
        "theo ngày.",
        "body": p(
            "Mỗi bài viết có nút in, đường dẫn chia sẻ và danh sách các tin khác cùng chuyên "
            "mục. Bạn đọc có thể nhận tin mới qua RSS theo từng chuyên mục.",
        ),
    },
]

# "Ngày cập nhật" differs from the publication date where the article was corrected later.
UPDATED = {
    "2106-thu-tuc-hanh-chinh-duoc-cong-khai": at(2024, 9, 20, 11, 0),
    "mot-cua-lien-thong-100-phan-tram-thu-tuc": at(2024, 7, 1, 8, 0),
}

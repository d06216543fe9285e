"""The demo organisation: the real structure of the province after the 2025 reorganisation
(provincial departments as merged from 1 Mar 2025, the 40 communes and wards of Huế from
1 Jul 2025, read from dialogue/static/dialogue/divisions.json). Addresses follow the real
agencies' streets; phone numbers, e-mail addresses and every official's name are invented
(sample data), and so are the schedules and announcements.
"""

STRUCTURE = {
    "title": "Cơ cấu tổ chức",
    "slug": "co-cau-to-chuc",
    "intro": "Chức năng, nhiệm vụ, cơ cấu tổ chức và thông tin liên hệ của Ủy ban nhân dân "
    "thành phố, các sở, ban, ngành, đơn vị sự nghiệp và Ủy ban nhân dân các xã, phường.",
    "body": "<p>Ủy ban nhân dân thành phố gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên; giúp "
    "việc có Văn phòng và các sở, ban, ngành chuyên môn.</p>",
}

COMMITTEE = {
    "title": "Ủy ban nhân dân thành phố",
    "slug": "uy-ban-nhan-dan-tinh",
    "kind": "ubnd",
    "short_name": "UBND thành phố",
    "functions": "<p>Cơ quan hành chính nhà nước ở địa phương, chấp hành Hiến pháp, luật, văn "
    "bản của cơ quan nhà nước cấp trên và nghị quyết của Hội đồng nhân dân thành phố; tổ chức thi "
    "hành pháp luật, quản lý nhà nước trên các lĩnh vực kinh tế – xã hội, quốc phòng, an ninh "
    "trên địa bàn thành phố (Luật Tổ chức chính quyền địa phương 2025).</p>",
    "address": "16 Lê Lợi, phường Thuận Hóa, thành phố Huế",
    "phone": "0234 3822 527",
    "email": "ubnd@hue.gov.vn",
    "website": "https://hue.gov.vn",
    "accepts_questions": False,
}

# The People's Committee's leaders (fictional names). The first two take over the
# dialogue's addressees of the same office ("migrated").
LEADERS = [
    {
        "title": "Nguyễn Văn Thành",
        "slug": "nguyen-van-thanh",
        "position": "Chủ tịch Ủy ban nhân dân thành phố",
        "is_chair": True,
        "portfolio": "Lãnh đạo, điều hành chung; quốc phòng, an ninh; tổ chức bộ máy, cán bộ.",
        "phone": "0234 3822 520",
        "email": "chutich@hue.gov.vn",
        "biography": "<p>Sinh năm 1970. Thạc sĩ Quản lý công (dữ liệu minh họa).</p>",
        "accepts_questions": True,
        "addressee": "Chủ tịch UBND thành phố",
    },
    {
        "title": "Trần Thị Hạnh",
        "slug": "tran-thi-hanh",
        "position": "Phó Chủ tịch Ủy ban nhân dân thành phố",
        "portfolio": "Văn hóa – xã hội: giáo dục, y tế, lao động, văn hóa, thể thao, du lịch.",
        "phone": "0234 3822 521",
        "email": "pct.vanxa@hue.gov.vn",
        "biography": "<p>Sinh năm 1974. Tiến sĩ Giáo dục học (dữ liệu minh họa).</p>",
        "accepts_questions": True,
        "addressee": "Phó Chủ tịch UBND thành phố phụ trách văn xã",
    },
    {
        "title": "Lê Quang Minh",
        "slug": "le-quang-minh",
        "position": "Phó Chủ tịch Ủy ban nhân dân thành phố",
        "portfolio": "Kinh tế: tài chính, đầu tư, công thương, xây dựng, giao thông.",
        "phone": "0234 3822 522",
        "email": "pct.kinhte@hue.gov.vn",
        "biography": "<p>Sinh năm 1972. Thạc sĩ Kinh tế (dữ liệu minh họa).</p>",
        "accepts_questions": True,
    },
    {
        "title": "Phan Thị Thu",
        "slug": "phan-thi-thu",
        "position": "Phó Chủ tịch Ủy ban nhân dân thành phố",
        "portfolio": "Nông nghiệp và môi trường, đất đai, khoa học và công nghệ, chuyển đổi số.",
        "phone": "0234 3822 523",
        "email": "pct.nongnghiep@hue.gov.vn",
        "biography": "<p>Sinh năm 1976. Kỹ sư Nông nghiệp (dữ liệu minh họa).</p>",
        "accepts_questions": True,
    },
]

# (title, slug, short name, address, phone, e-mail local part, functions, head's name)
DEPARTMENTS = [
    (
        "Văn phòng Ủy ban nhân dân thành phố",
        "van-phong-ubnd-tinh",
        "VP UBND",
        "16 Lê Lợi, phường Thuận Hóa",
        "0234 3822 530",
        "vpubnd",
        "Tham mưu, giúp việc cho Ủy ban nhân dân và Chủ tịch Ủy ban nhân dân thành phố; quản lý Cổng thông tin điện tử thành phố.",
        "Hồ Văn Sơn",
    ),
    (
        "Sở Nội vụ",
        "so-noi-vu",
        "SNV",
        "14 Lý Thường Kiệt, phường Thuận Hóa",
        "0234 3822 540",
        "snv",
        "Tổ chức bộ máy, công chức, viên chức, chính quyền địa phương, lao động, người có công.",
        "Nguyễn Thị Lan",
    ),
    (
        "Sở Tư pháp",
        "so-tu-phap",
        "STP",
        "30 Tôn Đức Thắng, phường Thuận Hóa",
        "0234 3822 550",
        "stp",
        "Xây dựng và thi hành pháp luật, hộ tịch, chứng thực, trợ giúp pháp lý, bổ trợ tư pháp.",
        "Trương Văn Hải",
    ),
    (
        "Sở Tài chính",
        "so-tai-chinh",
        "STC",
        "5 Tôn Đức Thắng, phường Thuận Hóa",
        "0234 3822 560",
        "stc",
        "Tài chính, ngân sách, đầu tư công, kế hoạch phát triển kinh tế – xã hội, doanh nghiệp.",
        "Đặng Văn Phúc",
    ),
    (
        "Sở Công Thương",
        "so-cong-thuong",
        "SCT",
        "7 Trần Cao Vân, phường Thuận Hóa",
        "0234 3822 570",
        "sct",
        "Công nghiệp, thương mại, năng lượng, an toàn thực phẩm thuộc ngành công thương.",
        "Võ Thị Hồng",
    ),
    (
        "Sở Nông nghiệp và Môi trường",
        "so-nong-nghiep-va-moi-truong",
        "SNNMT",
        "15 Tôn Đức Thắng, phường Thuận Hóa",
        "0234 3822 580",
        "snnmt",
        "Nông nghiệp, lâm nghiệp, thủy sản, thủy lợi, đất đai, tài nguyên, môi trường, phòng chống thiên tai.",
        "Lê Văn Tâm",
    ),
    (
        "Sở Xây dựng",
        "so-xay-dung",
        "SXD",
        "2 Hoàng Hoa Thám, phường Thuận Hóa",
        "0234 3822 590",
        "sxd",
        "Xây dựng, quy hoạch, nhà ở, hạ tầng đô thị, giao thông vận tải.",
        "Ngô Văn Đức",
    ),
    (
        "Sở Khoa học và Công nghệ",
        "so-khoa-hoc-va-cong-nghe",
        "SKHCN",
        "6 Hoàng Hoa Thám, phường Thuận Hóa",
        "0234 3822 600",
        "skhcn",
        "Khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, bưu chính, viễn thông.",
        "Hoàng Minh Khoa",
    ),
    (
        "Sở Giáo dục và Đào tạo",
        "so-giao-duc-va-dao-tao",
        "SGDĐT",
        "22 Lê Lợi, phường Thuận Hóa",
        "0234 3822 610",
        "sgddt",
        "Giáo dục mầm non, phổ thông, thường xuyên, giáo dục nghề nghiệp; tuyển sinh, thi cử.",
        "Phạm Thị Ngọc",
    ),
    (
        "Sở Y tế",
        "so-y-te",
        "SYT",
        "28 Lê Lợi, phường Thuận Hóa",
        "0234 3822 620",
        "syt",
        "Y tế dự phòng, khám bệnh, chữa bệnh, dược, an toàn thực phẩm, bảo hiểm y tế, dân số.",
        "Bùi Văn Hòa",
    ),
    (
        "Sở Văn hóa và Thể thao",
        "so-van-hoa-va-the-thao",
        "SVHTT",
        "1 Điện Biên Phủ, phường Thuận Hóa",
        "0234 3822 630",
        "svhtt",
        "Văn hóa, gia đình, thể dục, thể thao, báo chí, xuất bản, thông tin cơ sở.",
        "Trần Văn Lộc",
    ),
    (
        "Sở Du lịch",
        "so-du-lich",
        "SDL",
        "9 Phạm Ngũ Lão, phường Thuận Hóa",
        "0234 3822 640",
        "sdl",
        "Quản lý nhà nước về du lịch, xúc tiến du lịch.",
        "Nguyễn Thị Thủy",
    ),
    (
        "Thanh tra thành phố",
        "thanh-tra-tinh",
        "TTr",
        "16 Lê Lợi, phường Thuận Hóa",
        "0234 3822 650",
        "thanhtra",
        "Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo, phòng chống tham nhũng.",
        "Đoàn Văn Chính",
    ),
]

PUBLIC_SERVICE_UNITS = [
    (
        "Trung tâm Phục vụ hành chính công thành phố",
        "trung-tam-phuc-vu-hanh-chinh-cong",
        "TTPVHCC",
        "1 Lê Lai, phường Thuận Hóa",
        "0234 3689 678",
        "hcc",
        "Tiếp nhận, trả kết quả hồ sơ thủ tục hành chính một cửa của các sở, ngành.",
        "Lê Thị Bích",
    ),
    (
        "Trung tâm Giám sát, điều hành đô thị thông minh",
        "trung-tam-giam-sat-dieu-hanh",
        "IOC",
        "2 Lê Lai, phường Thuận Hóa",
        "0234 3999 999",
        "ioc",
        "Giám sát, điều hành đô thị thông minh; tiếp nhận phản ánh hiện trường của người dân.",
        "Phan Văn Trí",
    ),
    (
        "Trung tâm Bảo tồn Di tích Cố đô Huế",
        "trung-tam-bao-ton-di-tich",
        "TTBTDTCĐH",
        "23 Tống Duy Tân, phường Phú Xuân",
        "0234 3523 237",
        "ttbtdt",
        "Bảo tồn, tu bổ và phát huy giá trị Quần thể di tích Cố đô Huế.",
        "Hoàng Việt Trung",
    ),
]

COMMUNE_PHONE_PREFIX = "0234 38"

SPOKESPERSON = {
    "title": "Người phát ngôn",
    "slug": "nguoi-phat-ngon",
    "body": "<p>Theo Nghị định số 09/2017/NĐ-CP, Chủ tịch Ủy ban nhân dân thành phố là người "
    "phát ngôn và cung cấp thông tin cho báo chí của Ủy ban nhân dân thành phố, và giao Chánh Văn "
    "phòng Ủy ban nhân dân thành phố thực hiện phát ngôn thường xuyên. Các cơ quan báo chí liên hệ "
    "theo thông tin dưới đây.</p>",
    "people": [
        (
            "Nguyễn Văn Thành",
            "Chủ tịch Ủy ban nhân dân thành phố",
            "Người phát ngôn",
            "0234 3822 520",
            "chutich@hue.gov.vn",
        ),
        (
            "Hồ Văn Sơn",
            "Chánh Văn phòng Ủy ban nhân dân thành phố",
            "Người được giao nhiệm vụ phát ngôn",
            "0234 3822 530",
            "vpubnd@hue.gov.vn",
        ),
    ],
}

SCHEDULE_PAGE = {
    "title": "Lịch công tác",
    "slug": "lich-cong-tac",
    "intro": "Lịch công tác tuần của Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân thành phố.",
}

ANNOUNCEMENTS_PAGE = {
    "title": "Thông báo",
    "slug": "thong-bao",
    "intro": "Thông báo và thông cáo báo chí của Ủy ban nhân dân thành phố.",
}

# (weekday 0–6, "HH:MM", end or None, leader index, content, place, participants, preparing unit)
WEEK_ENTRIES = [
    (
        0,
        "07:30",
        "09:00",
        0,
        "Chào cờ đầu tuần, giao ban lãnh đạo Ủy ban nhân dân thành phố",
        "Phòng họp số 1, 16 Lê Lợi",
        "Các Phó Chủ tịch UBND thành phố, Chánh Văn phòng",
        "Văn phòng UBND thành phố",
    ),
    (
        0,
        "14:00",
        "17:00",
        1,
        "Làm việc với Sở Giáo dục và Đào tạo về kỳ thi tuyển sinh lớp 10",
        "Sở Giáo dục và Đào tạo",
        "Lãnh đạo Sở Giáo dục và Đào tạo",
        "Sở Giáo dục và Đào tạo",
    ),
    (
        1,
        "08:00",
        "11:00",
        2,
        "Họp bàn tiến độ giải ngân vốn đầu tư công",
        "Phòng họp số 2, 16 Lê Lợi",
        "Sở Tài chính, Sở Xây dựng, các chủ đầu tư",
        "Sở Tài chính",
    ),
    (
        1,
        "14:00",
        None,
        3,
        "Kiểm tra công tác phòng, chống thiên tai mùa mưa bão",
        "Phường Hương Thủy",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và Môi trường",
    ),
    (
        2,
        "08:00",
        "11:30",
        0,
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân thành phố",
        "Thanh tra thành phố, các sở liên quan",
        "Thanh tra thành phố",
    ),
    (
        2,
        "14:00",
        "16:30",
        1,
        "Hội nghị triển khai chương trình chăm sóc sức khỏe ban đầu",
        "Sở Y tế",
        "Các cơ sở y tế trên địa bàn",
        "Sở Y tế",
    ),
    (
        3,
        "08:00",
        "11:00",
        2,
        "Đối thoại với doanh nghiệp về thủ tục đầu tư",
        "Trung tâm Phục vụ hành chính công thành phố",
        "Hiệp hội Doanh nghiệp thành phố, các sở",
        "Sở Tài chính",
    ),
    (
        3,
        "14:00",
        "17:00",
        3,
        "Làm việc về chuyển đổi số và Trung tâm điều hành đô thị thông minh",
        "Trung tâm Giám sát, điều hành đô thị thông minh",
        "Sở Khoa học và Công nghệ",
        "Sở Khoa học và Công nghệ",
    ),
    (
        4,
        "08:00",
        "11:30",
        0,
        "Phiên họp thường kỳ Ủy ban nhân dân thành phố",
        "Phòng họp số 1, 16 Lê Lợi",
        "Thành viên UBND thành phố",
        "Văn phòng UBND thành phố",
    ),
    (
        4,
        "14:00",
        "16:00",
        1,
        "Kiểm tra công tác bảo tồn di tích Kinh thành Huế",
        "Trung tâm Bảo tồn Di tích Cố đô Huế",
        "Sở Văn hóa và Thể thao, Sở Du lịch",
        "Trung tâm Bảo tồn Di tích Cố đô Huế",
    ),
]

# (kind, title, number, summary, days from now it began, days from now it ends or None)
ANNOUNCEMENTS = [
    (
        "thong-bao",
        "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND thành phố",
        "215/TB-UBND",
        "Chủ tịch Ủy ban nhân dân thành phố tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân thành phố.",
        -3,
        30,
    ),
    (
        "thong-cao-bao-chi",
        "Thông cáo báo chí về kết quả phiên họp thường kỳ Ủy ban nhân dân thành phố",
        "12/TCBC-UBND",
        "Ủy ban nhân dân thành phố thông tin kết quả phiên họp thường kỳ tháng và nhiệm vụ trọng tâm thời gian tới.",
        -1,
        14,
    ),
    (
        "thong-bao",
        "Thông báo tạm ngừng tiếp nhận hồ sơ trực tiếp để nâng cấp hệ thống",
        "198/TB-UBND",
        "Trung tâm Phục vụ hành chính công thành phố tạm ngừng tiếp nhận hồ sơ trực tiếp trong hai ngày cuối tuần.",
        -40,
        -30,
    ),
]

# English versions (Decree 42/2022 Art. 7: structure, functions and contacts in English).
ENGLISH_UNITS = {
    "uy-ban-nhan-dan-tinh": (
        "Hue City People's Committee",
        "provincial-peoples-committee",
        "<p>The State administrative body of the city: it implements the Constitution, laws and the resolutions of the Hue City People's Council, and manages the economy, society, defence and security in the city.</p>",
    ),
    "van-phong-ubnd-tinh": (
        "Office of the Hue City People's Committee",
        "office-of-the-peoples-committee",
        "<p>Advises and assists the People's Committee and its Chairperson; runs the city's web portal.</p>",
    ),
    "so-noi-vu": (
        "Department of Home Affairs",
        "department-of-home-affairs",
        "<p>Organisation of the administration, civil servants, local government, labour and veterans' affairs.</p>",
    ),
    "so-tu-phap": (
        "Department of Justice",
        "department-of-justice",
        "<p>Law-making and enforcement, civil status, certification, legal aid.</p>",
    ),
    "so-tai-chinh": (
        "Department of Finance",
        "department-of-finance",
        "<p>Finance, budget, public investment, socio-economic planning, enterprises.</p>",
    ),
    "so-cong-thuong": (
        "Department of Industry and Trade",
        "department-of-industry-and-trade",
        "<p>Industry, trade, energy.</p>",
    ),
    "so-nong-nghiep-va-moi-truong": (
        "Department of Agriculture and Environment",
        "department-of-agriculture-and-environment",
        "<p>Agriculture, forestry, fisheries, irrigation, land, natural resources, environment, disaster prevention.</p>",
    ),
    "so-xay-dung": (
        "Department of Construction",
        "department-of-construction",
        "<p>Construction, planning, housing, urban infrastructure, transport.</p>",
    ),
    "so-khoa-hoc-va-cong-nghe": (
        "Department of Science and Technology",
        "department-of-science-and-technology",
        "<p>Science, technology, innovation, digital transformation, post and telecommunications.</p>",
    ),
    "so-giao-duc-va-dao-tao": (
        "Department of Education and Training",
        "department-of-education-and-training",
        "<p>Pre-school, general, continuing and vocational education; admissions and examinations.</p>",
    ),
    "so-y-te": (
        "Department of Health",
        "department-of-health",
        "<p>Preventive medicine, medical treatment, pharmaceuticals, food safety, health insurance, population.</p>",
    ),
    "so-van-hoa-va-the-thao": (
        "Department of Culture and Sports",
        "department-of-culture-and-sports",
        "<p>Culture, family, physical training and sports, press, publishing.</p>",
    ),
    "so-du-lich": (
        "Department of Tourism",
        "department-of-tourism",
        "<p>State management of tourism and its promotion.</p>",
    ),
    "thanh-tra-tinh": (
        "Hue City Inspectorate",
        "provincial-inspectorate",
        "<p>Inspection, citizen reception, complaints and denunciations, anti-corruption.</p>",
    ),
}

ENGLISH_LEADERS = {
    "nguyen-van-thanh": "Chairman of the Hue City People's Committee",
    "tran-thi-hanh": "Vice-Chairwoman of the Hue City People's Committee",
    "le-quang-minh": "Vice-Chairman of the Hue City People's Committee",
    "phan-thi-thu": "Vice-Chairwoman of the Hue City People's Committee",
}

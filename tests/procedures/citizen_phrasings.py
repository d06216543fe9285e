"""How citizens ask for procedures, with the procedures they mean (national catalogue codes).

Compiled by the team for issue #15: the phrasings at the top of the issue, then the ways
people write about each domain (abbreviations, everyday words, filler, missing diacritics,
typos, words the official name does not contain). A phrasing passes when one of its codes is
in the first five results. `test_citizen_phrasings.py` runs them on both backends over the
whole catalogue (`tests/procedures/data/catalogue-search.jsonl.gz`).

"name:…" instead of codes: any procedure whose name contains those words passes (for a
question as vague as "thủ tục xin giấy phép như thế nào").
"""

KHAI_SINH = ("1.001193",)
KHAI_TU = ("1.000656",)
KET_HON = ("1.000894",)
CAN_CUOC = ("1.014061", "2.000200", "1.001247", "1.014062", "1.012549", "1.012543")
CAN_CUOC_LAI = ("1.014064", "2.001194", "1.000757")
CAN_CUOC_DOI = ("1.014063", "2.001195", "1.000889")
CAP_GCN = ("1.012753", "1.013978", "1.012787")
HO_KINH_DOANH = ("1.001612",)
GPLX = ("3.000346", "3.000347", "3.000348")
GPXD = ("1.013225", "1.013229", "1.013226", "1.013227", "1.013228")
BHYT = ("2.000639", "1.003116", "1.001294", "1.001327", "1.001321", "1.002438")
DANG_KY_XE = ("1.012575", "1.013066", "1.013076")

PHRASINGS = [
    # the issue's own examples
    ("làm sổ hồng", CAP_GCN),
    ("CMT", CAN_CUOC + CAN_CUOC_LAI + CAN_CUOC_DOI + ("1.012566",)),
    ("ĐKKD", HO_KINH_DOANH + ("2.001610", "2.001583", "2.001199", "2.002043")),
    ("giấy chứng tử", KHAI_TU),
    ("trợ cấp thất nghiệp cho người mất việc", ("1.001601",)),
    ("dang ky ket hn", KET_HON),
    ("thủ tục xin giấy phép như thế nào", "name:giấy phép"),
    ("làm giấy khai sinh cho con", KHAI_SINH),
    ("đăng ký khai sinh cho con ở phường", KHAI_SINH),
    # civil status
    ("dang ki khai sinh", KHAI_SINH),
    ("khai sinh cho bé", KHAI_SINH),
    ("báo tử cho bố", KHAI_TU),
    ("đăng kí kết hôn", KET_HON),
    ("thủ tục cưới vợ cần giấy tờ gì", KET_HON),
    ("giấy xác nhận độc thân", ("1.004873",)),
    ("xin giấy xác nhận tình trạng hôn nhân ở đâu", ("1.004873",)),
    ("sửa tên trong giấy khai sinh", ("1.004859",)),
    ("mất giấy khai sinh làm lại", ("1.004884", "2.000635")),
    ("nhận cha cho con", ("1.001022", "1.000689")),
    ("xin con nuôi", ("2.001263", "2.001255")),
    ("đăng ký giám hộ cho cháu", ("1.004837",)),
    ("dang ky khai tu", KHAI_TU),
    # residence
    ("nhập hộ khẩu", ("1.004222",)),
    ("cắt khẩu", ("1.003197",)),
    ("đăng ký tạm trú cho người thuê trọ", ("1.004194",)),
    ("khai báo tạm vắng", ("1.003677",)),
    ("giấy xác nhận cư trú CT07", ("1.010041",)),
    ("báo lưu trú cho khách", ("2.001159",)),
    # identity
    ("làm căn cước công dân", CAN_CUOC),
    ("làm CCCD cho con dưới 14 tuổi", ("1.014062", "1.012549", "1.012543")),
    ("mất CCCD làm lại", CAN_CUOC_LAI),
    ("đổi chứng minh thư sang căn cước", CAN_CUOC_DOI + CAN_CUOC),
    ("cccd het han", CAN_CUOC_DOI),
    ("xác nhận số CMND 9 số", ("1.012566",)),
    ("tài khoản định danh mức 2 VNeID", ("3.000228",)),
    ("làm hộ chiếu", ("1.001456", "1.001471")),
    ("mất passport", ("1.001445", "1.010385", "1.010386", "2.000539")),
    # land and housing, construction
    ("cấp sổ đỏ", CAP_GCN),
    ("sang tên sổ đỏ", ("1.012787", "1.013980", "1.013831")),
    ("tách sổ đỏ", ("1.012784",)),
    ("thế chấp sổ đỏ vay ngân hàng", ("1.011441",)),
    ("xóa thế chấp sổ đỏ", ("1.011443",)),
    ("thuế trước bạ nhà đất", ("1.007277",)),
    ("đăng ký mua nhà ở xã hội", ("1.014632",)),
    ("xin giấy phép xây dựng nhà ở", GPXD),
    ("gia hạn GPXD", ("1.013227",)),
    # vehicles and driving
    ("đổi bằng lái xe", ("3.000347",)),
    ("mất bằng lái", ("3.000348",)),
    ("bằng lái quốc tế", ("3.000353",)),
    ("sang tên xe máy", ("1.013076",)),
    ("bấm biển số xe máy mới", DANG_KY_XE + ("1.013076",)),
    # business
    ("đăng ký hộ kinh doanh cá thể", HO_KINH_DOANH),
    ("mở cửa hàng tạp hóa", HO_KINH_DOANH),
    ("đóng cửa hộ kinh doanh", ("1.001266",)),
    ("tạm nghỉ kinh doanh", ("1.001570", "2.002029")),
    ("thành lập công ty TNHH 1 thành viên", ("2.001583",)),
    ("lập công ty cổ phần", ("2.002043",)),
    ("thành lập HTX", ("1.005280",)),
    ("giải thể công ty", ("2.002023",)),
    # tax
    ("đăng ký mã số thuế cá nhân", ("1.008498",)),
    ("đóng MST", ("1.007607",)),
    ("quyết toán thuế TNCN", ("1.008309", "1.014976")),
    ("đăng ký người phụ thuộc giảm trừ gia cảnh", ("1.008498",)),
    ("hóa đơn điện tử", ("1.010337",)),
    # social and health insurance, labour
    ("làm thẻ BHYT", BHYT),
    ("mất thẻ bảo hiểm y tế", ("1.001294", "1.001327")),
    ("tiền sinh con bảo hiểm", ("2.000693",)),
    ("chế độ nghỉ ốm", ("1.001667",)),
    ("rút bảo hiểm xã hội một lần", ("1.001613",)),
    ("tiền tuất khi bố mất", ("2.000821",)),
    ("sổ BHXH tự nguyện", ("1.002179",)),
    # justice and legal aid
    ("xin lý lịch tư pháp", ("3.000333", "3.000330")),
    ("giấy xác nhận không tiền án tiền sự", ("3.000333", "3.000330")),
    ("cần luật sư miễn phí", ("2.000829",)),
    ("photo công chứng giấy tờ", ("2.000815",)),
    ("công chứng chữ ký", ("2.000884",)),
    ("làm di chúc", ("2.001019",)),
    # typos
    ("dang ky khai snh", KHAI_SINH),
    ("giay phep lai xee", GPLX),
]

TOP = 5
CATALOGUE_SIZE = 2642


def passes(expected, results):
    """Whether `results` (the response's hits, best first) answer the phrasing."""
    top = results[:TOP]
    if isinstance(expected, str):
        from portal.vietnamese import normalise

        wanted = normalise(expected.removeprefix("name:"))
        return any(wanted in normalise(hit["name"]) for hit in top)
    return any(hit["code"] in expected for hit in top)


def evaluate(search):
    """[(query, passed, top codes)] for every phrasing; `search(q)` returns a response."""
    outcomes = []
    for query, expected in PHRASINGS:
        results = search(query).results
        outcomes.append((query, passes(expected, results), [hit["code"] for hit in results[:TOP]]))
    return outcomes

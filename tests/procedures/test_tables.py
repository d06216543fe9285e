"""Recovering rows from the catalogue's flattened tables (strings taken from real records)."""

from procedures.importing import tables

WAYS = (
    "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến2 Ngày làm việcMiễn phíTrong thời hạn 02 "
    "ngày làm việc kể từ ngày nhận hồ sơ đầy đủ, hợp lệ.Dịch vụ bưu chính2 Ngày làm việc"
    "Miễn phíTrực tiếp7 Ngày50,000 Việt Nam Đồng(theo Thông tư số 281/2016/TT-BTC)"
    "Nộp trực tiếp tại trụ sở Công an cấp xã"
)


def test_ways_give_method_time_fee_and_description():
    online, post, direct = tables.parse_ways(WAYS)
    assert (online.method, online.time_value, online.time_unit) == ("online", 2, "Ngày làm việc")
    assert online.fee_text == "Miễn phí" and online.fee_amount == 0
    assert online.description.startswith("Trong thời hạn 02 ngày làm việc")
    assert post.method == "post" and post.description == ""
    assert direct.time_text == "7 Ngày"
    assert direct.fee_amount == 50000
    assert "281/2016/TT-BTC" in direct.fee_text
    assert direct.description == "Nộp trực tiếp tại trụ sở Công an cấp xã"


def test_method_words_inside_a_description_do_not_start_a_row():
    text = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 NgàyMiễn phíTrực tiếp: tại Sở"
    (way,) = tables.parse_ways(text)
    assert way.description == "Trực tiếp: tại Sở"


def test_dossier_items_keep_their_case_and_quantities():
    text = (
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Tờ khai đăng ký khai sinh theo mẫu;TK1.docx1 bản chính"
        "Giấy chứng sinh0 bản chính,1 bản sao"
        "Trường hợp trẻ bị bỏ rơiTên giấy tờMẫu đơn, tờ khaiSố lượngBiên bản xác nhận1 bản chính"
    )
    first, second, third = tables.parse_dossier(text)
    assert (first.name, first.template, first.originals) == (
        "Tờ khai đăng ký khai sinh theo mẫu;",
        "TK1.docx",
        1,
    )
    assert (second.name, second.originals, second.copies, second.group) == (
        "Giấy chứng sinh",
        0,
        1,
        "",
    )
    assert (third.group, third.name) == ("Trường hợp trẻ bị bỏ rơi", "Biên bản xác nhận")


def test_legal_basis_splits_title_and_number_even_when_the_title_ends_with_it():
    text = (
        "Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Thuế xuất khẩu, thuế nhập khẩu"
        "107/2016/QH13Quyết định 601/QĐ-BTC601/QĐ-BTCNghị định số 53/2026/NĐ-CP ngày 05/02/2026 "
        "của Chính phủ53/2026/NĐ-CP"
    )
    documents = tables.parse_legal_basis(text)
    assert [(d.number, d.title) for d in documents] == [
        ("54/2014/QH13", "Luật 54/2014/QH13"),
        ("107/2016/QH13", "Thuế xuất khẩu, thuế nhập khẩu"),
        ("601/QĐ-BTC", "Quyết định 601/QĐ-BTC"),
        ("53/2026/NĐ-CP", "Nghị định số 53/2026/NĐ-CP ngày 05/02/2026 của Chính phủ"),
    ]


def test_results_drop_codes_and_page_furniture():
    text = (
        "Giấy khai sinhMã: KQ.G12.001222Văn bản từ chốiMã: G19-KQ0060102Từ khóaKhông có thông tin"
        "Mô tảKhông có thông tinChọn cơ quan thực hiệnNộp hồ sơ"
    )
    assert tables.parse_results(text) == ["Giấy khai sinh", "Văn bản từ chối"]


def test_levels_and_agencies():
    assert tables.parse_levels("Cấp bộ, Cấp tỉnh, Cơ quan khác") == ["bo", "tinh", "khac"]
    assert tables.split_agencies(
        "Cục cảnh sát quản lý hành chính về trật tự, xã hội, Công an tỉnh\nSở Tư pháp"
    ) == ["Cục cảnh sát quản lý hành chính về trật tự, xã hội", "Công an tỉnh", "Sở Tư pháp"]
    assert tables.split_agencies("Không có thông tin") == []


def test_unparseable_text_gives_no_rows():
    assert tables.parse_ways("Không có thông tin") == []
    assert tables.parse_dossier("") == []
    assert tables.parse_legal_basis("Không có thông tin") == []

"""Folding, spelling variants, collation and highlighting: the pieces both backends share."""

from portal.search.highlight import highlight, passage_source, snippet
from portal.search.text import words
from portal.vietnamese import collation_key, fold, fold_aligned, normalise


def test_fold_strips_diacritics_and_d_stroke():
    assert fold("  Đăng KÝ  khai sinh ") == "dang ky khai sinh"
    assert fold("Đường bộ") == "duong bo"


def test_fold_handles_decomposed_input():
    assert fold("Đa\u0306ng ky\u0301") == "dang ky"


def test_normalise_makes_i_and_y_spellings_one():
    assert normalise("Đăng kí") == normalise("Đăng ký") == "dang ki"
    assert normalise("quy định") == normalise("qui định")
    assert normalise("Mỹ thuật") == normalise("mĩ thuật")


def test_normalise_keeps_y_that_belongs_to_the_vowel():
    assert normalise("Thủy lợi") == "thuy loi"
    assert normalise("hay, tuy, nguyễn") == "hay, tuy, nguyen"


def test_words_split_like_the_standard_tokenizer_and_keep_codes():
    assert words("Thủ tục 1.000178 (cấp xã)") == ["thu", "tuc", "1.000178", "cap", "xa"]


def test_collation_follows_the_vietnamese_alphabet():
    names = ["Đăng ký", "Dân cư", "Ăn uống", "An toàn", "Ân xá", "Bà con", "Ba"]
    assert sorted(names, key=collation_key) == [
        "An toàn",
        "Ăn uống",
        "Ân xá",
        "Ba",
        "Bà con",
        "Dân cư",
        "Đăng ký",
    ]


def test_collation_compares_tones_only_between_equal_letters():
    assert sorted(["má", "mà", "ma", "mạ"], key=collation_key) == ["ma", "mà", "má", "mạ"]


def test_aligned_fold_keeps_positions():
    text = "Đăng ký khai sinh"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text) == "dang ky khai sinh"


def test_highlight_marks_the_written_words_and_escapes_the_rest():
    html = highlight("Đăng ký <b>khai</b> sinh", words("dang ki khai sinh"))
    assert "<mark>Đăng</mark> <mark>ký</mark>" in html
    assert "&lt;b&gt;<mark>khai</mark>&lt;/b&gt;" in html
    assert "<b>" not in html


def test_snippet_is_the_passage_around_the_first_match():
    text = "Mở đầu. " * 60 + "Giấy chứng sinh do cơ sở y tế cấp. " + "Kết thúc. " * 60
    passage = snippet(text, words("giay chung sinh"))
    assert "<mark>Giấy</mark> <mark>chứng</mark> <mark>sinh</mark>" in passage
    assert passage.startswith("… ") and passage.endswith(" …")
    assert len(passage) < 400
    assert snippet(text, words("xuat nhap khau")) == ""


def test_highlight_marks_whole_words_only_as_the_search_splits_them():
    html = highlight("Thủ tục 1.000178; mức 1,5 triệu; quy 5 bước", words("000178 5 ki quy"))
    assert "1.000178" in html and "<mark>000178</mark>" not in html  # one word, not two
    assert "1,5" in html and "1,<mark>5</mark>" not in html
    assert "<mark>quy</mark> <mark>5</mark> bước" in html
    assert highlight("Ký tên, kí nhận", words("ky")) == "<mark>Ký</mark> tên, <mark>kí</mark> nhận"


def test_a_snippet_from_a_stored_folded_copy_is_the_same_as_one_folded_on_the_spot():
    text = "Hồ sơ gồm:\n  Tờ khai đăng ký kết hôn;  " + "giấy tờ tùy thân; " * 100
    prepared, folded = passage_source(text)
    tokens = words("dang ki ket hon")
    assert snippet(prepared, tokens, folded=folded) == snippet(text, tokens)
    assert "<mark>đăng</mark> <mark>ký</mark> <mark>kết</mark> <mark>hôn</mark>" in snippet(
        prepared, tokens, folded=folded
    )

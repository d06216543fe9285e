"""Shapes of personal data that identify anyone, asker or not: e-mails, phones, identity and
account numbers, licence plates, house numbers with streets, dates of birth.

Every regex runs on the fold of the text (lower case, no diacritics, same length as the NFC
text), so "Điện thoại", "dien thoai" and "ĐIỆN THOẠI" are one context word; capitalisation,
where it matters (street names), is read from the original at the same positions.

Kept on purpose (tested in the corpus): procedure codes "1.000894" and "1.000894.000.00.00.H38",
document numbers "61/2018/NĐ-CP" and "1234/QĐ-UBND", dates that are not a birth date, sums of
money ("1.500.000.000 đồng", "15 triệu"), years, hotlines 1900/1800.
"""

import re

from .findings import Finding

# --- e-mail -----------------------------------------------------------------------------

_LOCAL = r"[a-z0-9][a-z0-9._%+\-]*"
_AT_WORD = r"(?:at|a cong|acong|a-cong)"
# A bare "a" stands for @ only before a mail provider's name ("lan a gmail chấm com"); in
# brackets it always does ("lan (a) gmail.com").
_MAIL_PROVIDER = r"(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|mail)(?![a-z0-9])"
_AT = (
    r"(?:\s?@\s?"
    rf"|\s*[\[\(\{{<]\s*(?:{_AT_WORD}|@|a)\s*[\]\)\}}>]\s*"
    rf"|\s+{_AT_WORD}\s+"
    rf"|\s+a\s+(?={_MAIL_PROVIDER}))"
)
_DOT_WORD = r"(?:dot|cham)"
_DOT = rf"(?:\.|\s\.\s|\s*[\[\(\{{<]\s*(?:{_DOT_WORD}|\.)\s*[\]\)\}}>]\s*|\s+{_DOT_WORD}\s+)"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
# The local part's dots may be spelled too: "ngoc dot tran85 at example dot com". (A plain
# "." is already a character of _LOCAL: allowing it here too would backtrack exponentially.)
_SPELLED_DOT = rf"(?:\s\.\s|\s*[\[\(\{{<]\s*(?:{_DOT_WORD}|\.)\s*[\]\)\}}>]\s*|\s+{_DOT_WORD}\s+)"
EMAIL = re.compile(
    rf"(?<![a-z0-9._%+\-])(?:{_LOCAL}\s?@\s?{_LABEL}(?:(?:\.|\s\.\s){_LABEL})*"
    rf"|{_LOCAL}(?:{_SPELLED_DOT}{_LOCAL})*{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[a-z]{{2,6}})(?![a-z0-9])"
)

# --- numbers ----------------------------------------------------------------------------

# A run of digit groups joined by single separators: "0914 222 333", "0461.8500.1234",
# "(0234) 3822 123", "+84 914-222-333". Slashes end a run: 61/2018, 01/07/2025 stay whole.
NUMBER = re.compile(r"(?<![\d/])(?:\+|\()?\+?\d+\)?(?:(?:[ .\-]|\) ?)\(?\d+\)?)*(?![\d/])")
PROCEDURE_CODE = re.compile(r"\d\.\d{6}(?:\.|$)")
THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")
# A unit after a number makes it a sum or a quantity: "1.500.000 đồng", "12 hồ sơ".
UNIT_AFTER = re.compile(r"\s?(?:dong|d\b|vnd|vnđ|trieu|ty|nghin|ngan|usd|%|lan|nguoi|ho so|m2|km)")
MONEY_BEFORE = re.compile(
    r"(?:tien|phi|le phi|muc|gia|luong|tri gia|ho tro|boi thuong|kinh phi|von|thu nhap)"
    r"\s*(?:la|:|=)?\s*$"
)
# Context words before a number say what it is; nearer wins.
CONTEXT = [
    ("passport", r"ho chieu|passport"),
    ("tax_code", r"ma so thue|mst|ma so doanh nghiep|msdn"),
    ("insurance", r"bhxh|bhyt|bao hiem xa hoi|bao hiem y te|so so|the bao hiem|ma so bao hiem"),
    ("bank_account", r"tai khoan|stk|so tk|tk so|tk:|ngan hang|vietcombank|agribank|bidv"),
    ("id_number", r"cmnd|cccd|can cuoc|chung minh|dinh danh|cmt|so giay to"),
    ("phone", r"dien thoai|sdt|dt|di dong|zalo|goi|nhan tin|so may|hotline|phone|tel"),
]
CONTEXT_RE = re.compile(
    "|".join(f"(?P<{kind}>(?<![a-z])(?:{words})(?![a-z]))" for kind, words in CONTEXT)
)
SERVICE_NUMBER = re.compile(r"1[89]00[ .]?\d")


def _context(folded, start):
    """The kind a context word right before `start` names (within the same clause)."""
    window = folded[max(0, start - 40) : start]
    window = re.split(r"[;!?\n]|\.\s", window)[-1]
    found = None
    for match in CONTEXT_RE.finditer(window):
        found = match.lastgroup
    return found


def _classify(text, folded, match):
    number = match.group()
    digits = re.sub(r"\D", "", number)
    count = len(digits)
    start, end = match.span()
    if PROCEDURE_CODE.match(number) or SERVICE_NUMBER.match(number):
        return None
    before, after = folded[max(0, start - 30) : start], folded[end : end + 12]
    money = UNIT_AFTER.match(after) or MONEY_BEFORE.search(before)
    if money and not digits.startswith("0"):
        return None
    context = _context(folded, start)
    if context and count >= 6:
        return context
    international = number.lstrip("(+").startswith("84")
    if (digits.startswith("0") and count in (10, 11)) or (international and count in (11, 12)):
        return "phone"
    if THOUSANDS.fullmatch(number) and count < 12:
        return None  # 1.500.000.000 without a unit: a sum, not an identifier
    if count in (9, 12):
        return "id_number"
    if count >= 9:
        return "bank_account" if count > 13 else "id_number"
    return None


# "0905/123/456": slashes end a NUMBER run (61/2018, 01/07/2025), but ten or eleven digits
# from a leading 0 in slash-joined groups are a phone written that way.
SLASHED_PHONE = re.compile(r"(?<![\d/])0\d{2,4}(?:/\d{2,4}){1,3}(?![\d/])")


def numbers(text, folded):
    for match in SLASHED_PHONE.finditer(folded):
        if len(re.sub(r"\D", "", match.group())) in (10, 11):
            yield Finding(*match.span(), "phone", True, "")
    for match in NUMBER.finditer(folded):
        kind = _classify(text, folded, match)
        if kind:
            start, end = match.span()
            # A parenthesis that opens the run belongs to it only if it closes inside it.
            if folded[start] == "(" and ")" not in folded[start:end]:
                start += 1
            yield Finding(start, end, kind, True, "")


# Digits spelled in words: "không chín một bốn hai hai hai ba ba ba", also mixed with digits
# ("0 9 0 tám 1 2 3…"). Eight or more digits in a row never happen in ordinary prose ("năm"
# is also "year", "ba" also "three").
_DIGIT_WORD = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|linh|\d{1,4})"
SPELLED = re.compile(rf"(?<![a-z0-9]){_DIGIT_WORD}(?:[\s,.\-]{{1,3}}{_DIGIT_WORD})+(?![a-z0-9])")


def spelled_numbers(text, folded):
    for match in SPELLED.finditer(folded):
        tokens = re.findall(r"[a-z]+|\d+", match.group())
        digits = sum(len(token) if token.isdigit() else 1 for token in tokens)
        words = sum(1 for token in tokens if not token.isdigit())
        # Mostly digits with a word among them ("0 9 0 tám 1 2 3 4 5 6") is spelled too, if
        # no group is as long as a year ("năm 2020 2021") and it is not a sum ("đầu tư
        # 1.500.000.000 đồng": "tư" is also four).
        mixed = (
            words >= 1
            and digits >= 9
            and all(len(token) <= 3 for token in tokens if token.isdigit())
            and not THOUSANDS.search(match.group())
            and not UNIT_AFTER.match(folded, match.end())
        )
        if digits >= 8 and (words >= 3 or mixed):
            yield Finding(*match.span(), "phone_words", True, "")


# --- passports, insurance cards, plates ---------------------------------------------------

# One letter and seven digits ("B1234567"), anywhere in capitals; eight digits
# ("C12345678") only after "hộ chiếu", whose digits alone were masked as "C[đã ẩn]".
PASSPORT = re.compile(r"(?<![a-z0-9])[a-z]\s?\d{7}\d?(?![a-z0-9])")
INSURANCE_CARD = re.compile(r"(?<![a-z0-9])[a-z]{2}\s?\d(?:[\s.]?\d){12}(?![a-z0-9])")
PLATE = re.compile(
    r"(?<![a-z0-9./])\d{2}\s?-?\s?[a-z]{1,2}\d?\s?[\-. ]?\s?\d{3}\.?\d{1,2}(?![a-z0-9/]|\.\d)"
)


# A dossier's receipt code ("000.00.12.H38-240101-0001", "H38.12-240105-0012"): looked up on
# the public-services portals it shows the applicant, so it is masked whole (its digits
# alone were half masked as an ID number, leaving "000.00.12.H").
DOSSIER_CODE = re.compile(
    r"(?<![a-z0-9.])(?:\d{3}\.\d{2}\.\d{2}\.)?[a-z]\d{2}(?:\.\d{1,3})*-\d{6}-\d{4}(?![a-z0-9])"
)


def identifiers(text, folded):
    for match in DOSSIER_CODE.finditer(folded):
        yield Finding(*match.span(), "dossier_code", True, "")
    for match in PASSPORT.finditer(folded):
        after_cue = _context(folded, match.start()) == "passport"
        seven = len(re.sub(r"\D", "", match.group())) == 7
        if after_cue or (seven and text[match.start()].isupper()):
            yield Finding(*match.span(), "passport", True, "")
    for match in INSURANCE_CARD.finditer(folded):
        yield Finding(*match.span(), "insurance", True, "")
    for match in PLATE.finditer(folded):
        yield Finding(*match.span(), "plate", True, "")


# --- house numbers and streets ------------------------------------------------------------

_HOUSE = r"\d+[a-z]?(?:\s?/\s?\d+[a-z]?)*"
_LANE = rf"(?:ngo|ngach|hem|kiet)\s+{_HOUSE}"
_STREET_WORD = r"(?:duong|pho)"
# "27 K14 Nguyễn Trường Tộ", "K14/27 Nguyễn Trường Tộ": kiệt (lane) written K and its number;
# no keyword, so only with a street of two capitalised words after it.
_LANE_ABBR = r"k\d+[a-z]?"
ADDRESS = re.compile(
    r"(?<![a-z0-9/])(?:"
    rf"(?:so\s+)?{_HOUSE}\s*,?\s*{_LANE_ABBR}(?:/\d+[a-z]?)*(?=\s)"
    rf"|{_LANE_ABBR}(?:/\d+[a-z]?)+(?=\s)"
    r"|"
    rf"(?:so nha|nha so)\s*{_HOUSE}(?:\s*,?\s*{_LANE})*(?:\s*,?\s*{_STREET_WORD})?"
    rf"|(?:so\s+)?{_HOUSE}(?:\s*,?\s*{_LANE})*\s*,?\s*{_STREET_WORD}(?=\s)"
    rf"|(?:so\s+)?{_HOUSE}\s*,?\s*{_LANE}(?:\s*,?\s*{_LANE})*(?:\s*,?\s*{_STREET_WORD})?"
    rf"|{_LANE}(?:\s*,?\s*{_LANE})*(?:\s*,?\s*{_STREET_WORD})?"
    r"|(?:so\s+)?\d+[a-z]?(?:/\d+[a-z]?)+(?=\s+[^\W\d_])"
    r")"
)
_NOT_AN_ADDRESS_BEFORE = re.compile(
    r"(?:ngay|quyet dinh|cong van|thong tu|nghi dinh|luat|van ban|ke hoach|to trinh|chi thi"
    r"|thong bao|ho so|phieu|dieu|khoan|muc|so hieu|ma)\s*(?:so)?\s*$"
)
_WORD = re.compile(r"\s*([^\W\d_][\w']*)")


def _street_words(text, position, limit=4):
    """End of the capitalised words (a street's name) from `position` on."""
    end, taken = position, 0
    while taken < limit:
        word = _WORD.match(text, end)
        if not word or not word.group(1)[0].isupper():
            break
        end, taken = word.end(), taken + 1
    return end, taken


# "ở 45 Hùng Vương", "tại 7 Tôn Đức Thắng", "ở số 5 Lê Lợi": a number after where-words
# (and "số"), then a name.
HOUSE_AFTER_WHERE = re.compile(
    r"(?<![a-z])(?:o|tai|dia chi|cu tru|song|nha|tru)\s*:?\s*(?:so\s+)?(?P<house>\d+[a-z]?)(?=\s)"
)
# Capitalised words that start an office or a division, not a street.
_NOT_A_STREET = re.compile(
    r"(?:phuong|xa|so|bo|uy|ubnd|huyen|tinh|thanh|trung|khu|co|cong|chi|phong|hoi|ban|nam)\b"
)


def addresses(text, folded):
    for match in HOUSE_AFTER_WHERE.finditer(folded):
        start = match.start("house")
        name_end, words = _street_words(text, match.end("house"))
        street = folded[match.end("house") : name_end].strip()
        if words >= 2 and not _NOT_A_STREET.match(street):
            yield Finding(start, name_end, "address", True, "")

    for match in ADDRESS.finditer(folded):
        start, end = match.span()
        matched = match.group()
        if _NOT_AN_ADDRESS_BEFORE.search(folded[max(0, start - 20) : start]):
            continue
        name_end, words = _street_words(text, end)
        has_keyword = re.search(r"so nha|nha so|ngo|ngach|hem|kiet|duong|pho", matched)
        if not has_keyword and words < 2:
            continue  # "12/3 Sở ..." is not an address without a street of two words
        yield Finding(start, name_end, "address", True, "")


# --- dates of birth -----------------------------------------------------------------------

# Day and month also spelled ("mười hai tháng năm"), the year also in two digits after a
# day and month ("12/5/85"), ISO order ("1985-05-12").
_SPELLED_DAY = r"(?:(?:muoi|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|gieng|chap)\s?){1,3}"
_DATE = (
    r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)?\d{2}"
    rf"|(?:ngay\s+)?(?:\d{{1,2}}|{_SPELLED_DAY})\s*thang\s+(?:\d{{1,2}}|{_SPELLED_DAY})\s*"
    r"nam\s+(?:19|20)\d{2}"
    r"|(?:thang\s+)?\d{1,2}\s?[/.\-]\s?(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}"
)
BIRTH = re.compile(
    r"(?<![a-z])(?P<cue>ngay sinh|nam sinh|ngay thang nam sinh|sinh ngay|sinh nam|sinh thang"
    r"|sinh|ns|sn|dob)\s*(?:la|:|vao|ngay|nam)?\s*:?\s*"
    rf"(?P<date>{_DATE})(?![\d/])"
)
# "sinh năm 85", "SN 85": a two-digit year right after the cue, not a count ("sinh năm 85
# người" is unusual, but a unit after it is a quantity).
BIRTH_YEAR_SHORT = re.compile(
    r"(?<![a-z])(?P<cue>nam sinh|sinh nam|ns|sn)\s*:?\s*(?P<date>[4-9]\d|0\d)(?![\d/]|[.,]\d|\s?%)"
    r"(?!\s+(?:tuoi|nguoi|ho|ca|tre|chau|em|con|lan|hoc sinh))"
)
# "phát sinh năm 2023", "vệ sinh ngày 5/6/2024", "khai sinh năm 2024", a martyr's "hy sinh
# năm 1972": not a birth date.
_NOT_BIRTH_BEFORE = re.compile(
    r"(?:phat|ve|khai|hoc|hoi|ho|tai|nay|xay|thai|giay khai|chung|ky|truong|sinh|hy|hi)\s$"
)


def birth_dates(text, folded):
    for match in (*BIRTH.finditer(folded), *BIRTH_YEAR_SHORT.finditer(folded)):
        if match.group("cue").startswith("sinh") and _NOT_BIRTH_BEFORE.search(
            folded[max(0, match.start() - 12) : match.start()]
        ):
            continue
        yield Finding(*match.span("date"), "birth_date", True, "")


def emails(text, folded):
    for match in EMAIL.finditer(folded):
        yield Finding(*match.span(), "email", True, "")


DETECTORS = (emails, numbers, spelled_numbers, identifiers, addresses, birth_dates)


def find_all(text, folded):
    for detector in DETECTORS:
        yield from detector(text, folded)

"""Parsers for the HTML tables that the national catalogue export flattened into plain text.

The scraper joined every cell without a separator, e.g.
"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 NgàyMiễn phíNộp tại trụ sở ...".
Each parser recovers the rows where the text's structure allows and returns an empty list
when it does not; the raw text is always kept beside what was parsed.
"""

import re
import unicodedata
from dataclasses import dataclass

NO_INFO = "Không có thông tin"

_LOWER = "".join(ch for ch in map(chr, range(0x61, 0x1EFF + 1)) if ch.isalpha() and ch.islower())
_NOT_LOWER = f"(?![{re.escape(_LOWER)}])"


def clean(text):
    """Trim and drop the catalogue's "no information" placeholder."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    return "" if text in {NO_INFO, "Không", "--"} else text


# --- Ways of submission: method, processing time, fee, description -------------------------

METHODS = {
    "Trực tiếp": "direct",
    "Trực tuyến": "online",
    "Dịch vụ bưu chính": "post",
}
_METHOD_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
# A method name starts a row only where a time (a number or "no information") follows.
_METHOD_SPLIT = re.compile(rf"({'|'.join(METHODS)})(?=\d|{NO_INFO})")
_TIME = re.compile(
    r"(?P<value>\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Phút)?"
)
_FEE = re.compile(
    r"(?P<fee>Miễn phí|Không có thông tin|(?P<amount>\d[\d.,]*)?\s*(?:Việt Nam Đồng|VNĐ|Đồng))"
)


@dataclass
class WayOfSubmission:
    method: str
    time_text: str = ""
    time_value: float | None = None
    time_unit: str = ""
    fee_text: str = ""
    fee_amount: int | None = None
    description: str = ""


def _balanced_parenthesis(text):
    """The text of a leading "( ... )" group and what follows it."""
    if not text.startswith("("):
        return "", text
    depth = 0
    for index, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return text[1:index].strip(), text[index + 1 :]
    return text[1:].strip(), ""


def _amount(text):
    digits = re.sub(r"[.,]", "", text or "")
    return int(digits) if digits.isdigit() and len(digits) < 13 else None


def parse_ways(text):
    """Rows of the "Cách thức thực hiện" table."""
    text = (text or "").strip()
    if not text.startswith(_METHOD_HEADER):
        return []
    parts = _METHOD_SPLIT.split(text[len(_METHOD_HEADER) :])
    ways = []
    for name, rest in zip(parts[1::2], parts[2::2], strict=True):
        way = WayOfSubmission(method=METHODS[name])
        time = _TIME.match(rest)
        if time:
            way.time_text = time.group(0).strip()
            way.time_value = float(time.group("value").replace(",", "."))
            way.time_unit = time.group("unit") or ""
            rest = rest[time.end() :]
        elif rest.startswith(NO_INFO):
            rest = rest[len(NO_INFO) :]
        fee = _FEE.match(rest.lstrip())
        if fee:
            rest = rest.lstrip()[fee.end() :]
            note, rest = _balanced_parenthesis(rest)
            fee_text = clean(fee.group("fee"))
            way.fee_text = f"{fee_text} ({note})" if fee_text and note else fee_text or note
            way.fee_amount = 0 if fee.group("fee") == "Miễn phí" else _amount(fee.group("amount"))
        way.description = clean(rest)
        ways.append(way)
    return ways


# --- Dossier components ---------------------------------------------------------------------

_DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_QUANTITY = re.compile(r"(?:(?P<originals>\d+) bản chính(?:,\s*(?P<copies>\d+) bản sao)?)")
_TEMPLATE = re.compile(r"(?<=[;.:)\]])\s*(?P<file>[^;:)\]]{1,120}\.(?:docx?|xlsx?|pdf|odt))$")


@dataclass
class DossierItem:
    name: str
    group: str = ""
    template: str = ""
    originals: int | None = None
    copies: int | None = None


def parse_dossier(text):
    """Rows of the "Thành phần hồ sơ" tables, each with the case (group) it belongs to."""
    chunks = (text or "").split(_DOSSIER_HEADER)
    if len(chunks) < 2:
        return []
    items = []
    group = clean(chunks[0].strip(" -"))
    for chunk in chunks[1:]:
        position, chunk_items = 0, []
        for quantity in _QUANTITY.finditer(chunk):
            name = chunk[position : quantity.start()].strip()
            position = quantity.end()
            if not name:
                continue
            item = DossierItem(
                name=name,
                group=group,
                originals=int(quantity.group("originals")),
                copies=int(quantity.group("copies")) if quantity.group("copies") else None,
            )
            template = _TEMPLATE.search(name)
            if template:
                item.template = template.group("file").strip()
                item.name = name[: template.start()].strip()
            chunk_items.append(item)
        items.extend(chunk_items)
        # What follows the last quantity names the next table's case ("--" when unnamed).
        group = clean(chunk[position:].strip(" -"))
    return items


# --- Legal basis ----------------------------------------------------------------------------

_LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
_DOC_NUMBER = re.compile(
    rf"\d{{1,4}}(?:/\d{{4}})?/(?:[A-ZĐ]+-)*(?:TTg|UBTVQH\d{{2}}|QH\d{{2}}|[A-ZĐ]+{_NOT_LOWER})"
    r"|\d{1,4}-CP"
)


@dataclass
class LegalDocument:
    number: str
    title: str = ""


def parse_legal_basis(text):
    """Rows of the "Căn cứ pháp lý" table: a title followed by the document's number."""
    text = (text or "").strip()
    if not text.startswith(_LEGAL_HEADER):
        return []
    body = text[len(_LEGAL_HEADER) :]
    documents, start = [], 0
    for number in _DOC_NUMBER.finditer(body):
        after = body[number.end() : number.end() + 1]
        # A number ends a row only where the next row's title (upper-case) or the end follows.
        if after and not after.isupper():
            continue
        title = body[start : number.start()].strip(" ;,.")
        documents.append(LegalDocument(number=number.group(0), title=title))
        start = number.end()
    return documents


# --- Results --------------------------------------------------------------------------------

_RESULT_CODE = re.compile(r"Mã:\s*[A-Z0-9.\-]*\d")
_PAGE_FURNITURE = re.compile(r"Từ khóa.*$", re.DOTALL)


def parse_results(text):
    """The results a procedure gives, one per "Mã: KQ..." entry, without the page's furniture."""
    text = _PAGE_FURNITURE.sub("", text or "")
    results = [clean(part.strip(" ;,")) for part in _RESULT_CODE.split(text)]
    return [result for result in results if result]


LEVELS = {"cấp bộ": "bo", "cấp tỉnh": "tinh", "cấp huyện": "huyen", "cấp xã": "xa"}
OTHER_LEVEL = "khac"


def parse_levels(text):
    """ "Cấp bộ, Cấp tỉnh" -> ["bo", "tinh"]; "Cơ quan khác" and the unknown -> "khac"."""
    levels = []
    for part in re.split(r"[,;\n]", text or ""):
        if not part.strip():
            continue
        value = LEVELS.get(" ".join(part.lower().split()), OTHER_LEVEL)
        if value and value not in levels:
            levels.append(value)
    return levels


def split_agencies(text):
    """Several agencies in one cell: by line, or by ", " before a capitalised name."""
    agencies = []
    for line in (text or "").splitlines():
        for name in re.split(r",\s+(?=[A-ZĐÀ-Ỹ])", line):
            name = clean(name.strip(" ,;"))
            if name and name not in agencies and len(name) <= 255:
                agencies.append(name)
    return agencies

"""Readers for the two source formats, each turning a line or row into an `ImportRecord`.

- The national catalogue's JSONL export (one procedure per line, see tables.py for its
  flattened tables): every field of a procedure.
- The official XLSX lists of dichvucong.gov.vn (columns "Mã số, Tên, Cơ quan ban hành, Cơ
  quan thực hiện, Lĩnh vực" under a banner row): the fields it has, nothing else touched.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from procedures.importing import tables
from procedures.models.procedures import (
    CODE_PATTERN,
    PROVINCE_CODE_PATTERN,
    OnlineLevel,
    ProcedureSource,
    SubmissionMethod,
)

NAME_MAX_LENGTH = 1500

# The ministry folders of the national export and the ministry each stands for.
ISSUING_AGENCIES = {
    "bo-cong-an": "Bộ Công an",
    "bo-tai-chinh": "Bộ Tài chính",
    "bo-tu-phap": "Bộ Tư pháp",
    "bo-xay-dung": "Bộ Xây dựng",
    "bo-nong-nghiep-mt": "Bộ Nông nghiệp và Môi trường",
    "ngan-hang-nha-nuoc": "Ngân hàng Nhà nước Việt Nam",
    "toa-an-nhan-dan": "Tòa án nhân dân",
}


class RecordError(Exception):
    """A line or row that cannot be imported; the message is shown to the operator."""


@dataclass
class ImportRecord:
    line: int
    code: str
    kind: str  # "jsonl" or "xlsx": which raw field and fingerprint it fills
    values: dict
    levels: list | None = None
    agencies: list | None = None
    ways: list | None = None
    dossier: list | None = None
    legal: list | None = None
    raw: dict = field(default_factory=dict)
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    def fingerprint(self):
        """A digest of everything this record would write, to tell "unchanged" cheaply."""
        if self._fingerprint is None:
            content = {
                "values": self.values,
                "levels": self.levels,
                "agencies": self.agencies,
                "ways": [vars(way) for way in self.ways or []],
                "dossier": [vars(item) for item in self.dossier or []],
                "legal": [vars(doc) for doc in self.legal or []],
            }
            encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
            self._fingerprint = hashlib.sha256(encoded.encode()).hexdigest()
        return self._fingerprint


def _code(value):
    code = str(value or "").strip()
    if not code:
        raise RecordError(_("thiếu mã thủ tục"))
    if not re.match(CODE_PATTERN, code):
        raise RecordError(_("mã thủ tục không hợp lệ: %(code)s") % {"code": code[:50]})
    return code


def _name(value):
    name = tables.clean(str(value or ""))
    if not name:
        raise RecordError(_("thiếu tên thủ tục"))
    if len(name) > NAME_MAX_LENGTH:
        raise RecordError(_("tên thủ tục dài quá %(n)s ký tự") % {"n": NAME_MAX_LENGTH})
    return name


def _source(code):
    return (
        ProcedureSource.PROVINCE
        if re.search(PROVINCE_CODE_PATTERN, code)
        else ProcedureSource.CENTRAL
    )


def online_level(ways):
    """The catalogue export has no online-service level; it is derived from how one submits.

    Online as the only way -> toàn trình; online beside other ways -> một phần; editors
    correct it in the admin where the real level differs.
    """
    methods = {way.method for way in ways}
    if SubmissionMethod.ONLINE not in methods:
        return OnlineLevel.NONE
    return OnlineLevel.FULL if methods == {SubmissionMethod.ONLINE} else OnlineLevel.PARTIAL


def _steps(text):
    lines = [line.strip() for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if line and line != tables.NO_INFO)


def _long_text(text):
    text = (text or "").strip()
    return "" if text in {tables.NO_INFO, "Không"} else text


def _url(text):
    text = (text or "").strip()
    return text if text.startswith(("https://", "http://")) and len(text) <= 500 else ""


def record_from_json(line, data):
    if not isinstance(data, dict):
        raise RecordError(_("dòng không phải một đối tượng JSON"))
    code = _code(data.get("ma_thu_tuc"))
    ways = tables.parse_ways(data.get("cach_thuc_thuc_hien"))
    values = {
        "name": _name(data.get("ten_thu_tuc")),
        "field": tables.clean(data.get("linh_vuc"))[:255],
        "procedure_type": tables.clean(data.get("loai_thu_tuc"))[:255],
        "issuing_agency": ISSUING_AGENCIES.get(data.get("source_folder"), ""),
        "competent_agency": tables.clean(data.get("co_quan_co_tham_quyen")),
        "delegated_agency": tables.clean(data.get("co_quan_duoc_uy_quyen")),
        "coordinating_agency": tables.clean(data.get("co_quan_phoi_hop")),
        "reception_address": tables.clean(data.get("dia_chi_tiep_nhan")),
        "applicants": tables.clean(data.get("doi_tuong_thuc_hien")),
        "steps": _steps(data.get("trinh_tu_thuc_hien")),
        "conditions": _long_text(data.get("yeu_cau_dieu_kien")),
        "results": "\n".join(tables.parse_results(data.get("ket_qua_xu_ly"))),
        "related_procedures": tables.clean(data.get("thu_tuc_lien_quan")),
        "decision_number": tables.clean(data.get("so_quyet_dinh"))[:100],
        "original_url": _url(data.get("detail_url")),
        "online_level": online_level(ways),
        "source": _source(code),
    }
    return ImportRecord(
        line=line,
        code=code,
        kind="jsonl",
        values=values,
        levels=tables.parse_levels(data.get("cap_thuc_hien")),
        agencies=tables.split_agencies(data.get("co_quan_thuc_hien")),
        ways=ways,
        dossier=tables.parse_dossier(data.get("thanh_phan_ho_so")),
        legal=tables.parse_legal_basis(data.get("can_cu_phap_ly")),
        raw=data,
    )


def read_jsonl(path):
    """Yield (line number, ImportRecord or RecordError) for each non-empty line."""
    with Path(path).open(encoding="utf-8", errors="replace") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                yield number, RecordError(_("JSON không hợp lệ (%(e)s)") % {"e": error.msg})
                continue
            try:
                yield number, record_from_json(number, data)
            except RecordError as error:
                yield number, error


XLSX_COLUMNS = {
    "Mã số": "code",
    "Tên": "name",
    "Cơ quan ban hành": "issuing_agency",
    "Cơ quan thực hiện": "agencies",
    "Lĩnh vực": "field",
}


def record_from_row(line, row):
    code = _code(row.get("code"))
    values = {"name": _name(row.get("name")), "source": _source(code)}
    if row.get("issuing_agency") is not None:
        values["issuing_agency"] = tables.clean(str(row["issuing_agency"]))[:255]
    if row.get("field") is not None:
        values["field"] = tables.clean(str(row["field"]))[:255]
    agencies = None
    if row.get("agencies") is not None:
        agencies = tables.split_agencies(str(row["agencies"]))
    raw = {header: row.get(key) for header, key in XLSX_COLUMNS.items()}
    return ImportRecord(
        line=line, code=code, kind="xlsx", values=values, agencies=agencies, raw=raw
    )


def read_xlsx(path):
    """Yield (row number, ImportRecord or RecordError) for the rows under the header row."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            columns = None
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                texts = [str(cell).strip() if cell is not None else "" for cell in cells]
                if columns is None:
                    if "Mã số" in texts and "Tên" in texts:
                        columns = {
                            i: XLSX_COLUMNS[t] for i, t in enumerate(texts) if t in XLSX_COLUMNS
                        }
                    continue
                if not any(texts):
                    continue
                row = {key: cells[i] for i, key in columns.items() if i < len(cells)}
                try:
                    yield number, record_from_row(number, row)
                except RecordError as error:
                    yield number, error
    finally:
        workbook.close()


def read(path):
    """The reader for `path`, chosen by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        return read_jsonl(path)
    if suffix in {".xlsx", ".xlsm"}:
        return read_xlsx(path)
    raise RecordError(_("Không đọc được tệp %(name)s: chỉ nhận .jsonl hoặc .xlsx") % {"name": path})

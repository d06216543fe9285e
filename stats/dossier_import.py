"""Import dossier statistics from CSV: all rows or none, with a report of every bad row.

Columns (header row required; order free; Vietnamese with or without diacritics):
  nam, thang, cap, tiep_nhan, da_giai_quyet, tiep_nhan_truc_tuyen[, nguon]
`thang` empty or 0 = the whole year; `cap` = tỉnh / huyện / xã / empty for all three levels.
Numbers may carry thousands separators (288.008, 288,008, 288 008). UTF-8 (with or without
the BOM Excel writes), comma, semicolon or tab separated. A row for a period and level that
already exists replaces its figures.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from portal.vietnamese import fold
from stats.models import DossierStatistic, Level
from stats.models.dossiers import FIRST_YEAR, LAST_YEAR

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000

COLUMNS = {
    "nam": "year",
    "thang": "month",
    "cap": "level",
    "tiep nhan": "received",
    "ho so tiep nhan": "received",
    "da giai quyet": "resolved",
    "ho so da giai quyet": "resolved",
    "tiep nhan truc tuyen": "received_online",
    "ho so tiep nhan truc tuyen": "received_online",
    "truc tuyen": "received_online",
    "nguon": "source",
    "nguon so lieu": "source",
}
REQUIRED = {
    "year": "nam",
    "month": "thang",
    "level": "cap",
    "received": "tiep_nhan",
    "resolved": "da_giai_quyet",
    "received_online": "tiep_nhan_truc_tuyen",
}
LEVELS = {
    "": Level.ALL,
    "tat ca": Level.ALL,
    "ca ba cap": Level.ALL,
    "ca 3 cap": Level.ALL,
    "toan tinh": Level.ALL,
    "tinh": Level.PROVINCE,
    "cap tinh": Level.PROVINCE,
    "huyen": Level.DISTRICT,
    "cap huyen": Level.DISTRICT,
    "xa": Level.COMMUNE,
    "cap xa": Level.COMMUNE,
}
WHOLE_YEAR = {"", "0", "ca nam"}
NUMBER = re.compile(r"^\d{1,3}([., \u00a0]\d{3})+$|^\d+$")


class ImportRejected(Exception):
    def __init__(self, report):
        super().__init__(report.summary())
        self.report = report


@dataclass
class RowError:
    line: int
    messages: list


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rows: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        if self.errors:
            return _("Không nhập dòng nào: %(count)s dòng có lỗi.") % {"count": len(self.errors)}
        return _("Đã nhập %(rows)s dòng: %(created)s dòng mới, %(updated)s dòng cập nhật.") % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
        }

    def lines(self):
        for error in self.errors:
            for message in error.messages:
                yield _("Dòng %(line)s: %(message)s") % {"line": error.line, "message": message}


def _column_key(header):
    return COLUMNS.get(fold(header).replace("_", " ").replace("-", " ").strip())


def _number(raw, label, errors):
    value = raw.strip()
    if not NUMBER.match(value):
        errors.append(
            _("“%(label)s” phải là số nguyên không âm, nhận được “%(value)s”.")
            % {"label": label, "value": value}
        )
        return None
    return int(re.sub(r"\D", "", value))


def parse_row(row):
    """(fields, errors) for one CSV row already keyed by our field names."""
    errors = []
    year = _number(row.get("year", ""), _("Năm"), errors)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        errors.append(
            _("Năm phải từ %(first)s đến %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    month_raw = fold(row.get("month", "")).removeprefix("thang").strip()
    month = 0 if month_raw in WHOLE_YEAR else _number(month_raw, _("Tháng"), errors)
    if month is not None and not 0 <= month <= 12:
        errors.append(_("Tháng phải từ 1 đến 12 (để trống hoặc 0 là cả năm)."))
    level = LEVELS.get(fold(row.get("level", "")))
    if level is None:
        errors.append(
            _("Cấp “%(value)s” không hợp lệ: dùng tỉnh, huyện, xã hoặc để trống.")
            % {"value": row.get("level", "")}
        )
    received = _number(row.get("received", ""), _("Tiếp nhận"), errors)
    resolved = _number(row.get("resolved", ""), _("Đã giải quyết"), errors)
    online = _number(row.get("received_online", ""), _("Tiếp nhận trực tuyến"), errors)
    if received is not None and online is not None and online > received:
        errors.append(_("Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận."))
    fields = {
        "year": year,
        "month": month,
        "level": level,
        "received": received,
        "resolved": resolved,
        "received_online": online,
        "source": row.get("source", "").strip()[:255],
    }
    return fields, errors


def read_rows(data):
    """Decode and split the upload; raises ImportRejected for a file that is not a CSV table."""
    report = ImportReport()
    if len(data) > MAX_BYTES:
        report.errors.append(RowError(None, [_("Tệp quá lớn (tối đa 2 MB).")]))
        raise ImportRejected(report)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(RowError(None, [_("Tệp phải được lưu với mã hóa UTF-8.")]))
        raise ImportRejected(report) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # Excel in Vietnamese writes ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return _split(reader, report)
    except csv.Error as error:
        report.errors.append(
            RowError(reader.line_num, [_("Tệp CSV hỏng: %(error)s") % {"error": error}])
        )
        raise ImportRejected(report) from None


def _split(reader, report):
    header = next(reader, None)
    keys = [_column_key(name) for name in header or []]
    missing = [column for name, column in REQUIRED.items() if name not in keys]
    if missing:
        message = _("Thiếu cột: %(missing)s. Hàng đầu phải có các cột: %(columns)s.") % {
            "missing": ", ".join(missing),
            "columns": ", ".join(REQUIRED.values()),
        }
        report.errors.append(RowError(1, [message]))
        raise ImportRejected(report)
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        rows.append((line, {key: value for key, value in zip(keys, values, strict=False) if key}))
        if len(rows) > MAX_ROWS:
            report.errors.append(RowError(line, [_("Quá nhiều dòng (tối đa 20.000).")]))
            raise ImportRejected(report)
    return rows


def import_dossier_statistics(data, *, dry_run=False):
    """Validate every row, then write all of them in one transaction, or none."""
    rows = read_rows(data)
    report = ImportReport(rows=len(rows))
    parsed, seen = [], {}
    for line, row in rows:
        fields, errors = parse_row(row)
        key = (fields["year"], fields["month"], fields["level"])
        if not errors and key in seen:
            errors.append(_("Trùng kỳ và cấp với dòng %(line)s.") % {"line": seen[key]})
        seen.setdefault(key, line)
        if errors:
            report.errors.append(RowError(line, errors))
        parsed.append(fields)
    if not rows:
        report.errors.append(RowError(2, [_("Tệp không có dòng số liệu nào.")]))
    if report.errors:
        raise ImportRejected(report)
    if dry_run:
        return report
    with transaction.atomic():
        for fields in parsed:
            key = {name: fields.pop(name) for name in ("year", "month", "level")}
            __, created = DossierStatistic.objects.update_or_create(**key, defaults=fields)
            if created:
                report.created += 1
            else:
                report.updated += 1
    return report

"""Reading synonym dictionaries from CSV: `load_search_synonyms` and the default dictionary.

Columns: `loai` (tuong_duong | mo_rong | bo_qua), `tu` (terms separated by ";"),
`mo_rong` (expansions for mo_rong), `ghi_chu` (optional). English headers `kind, terms,
expansions, note` are accepted too. An entry is identified by its kind and its terms
(compared folded, in any order), so loading the same file twice changes nothing, and a
changed expansion updates the entry in place. Every line gets one line in the report.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from portal.vietnamese import normalise

DEFAULT_FILE = Path(settings.BASE_DIR) / "procedures" / "fixtures" / "search-synonyms.csv"
HEADERS = {"loai": "kind", "tu": "terms", "mo_rong": "expansions", "ghi_chu": "note"}
KINDS = ("tuong_duong", "mo_rong", "bo_qua")
SEPARATOR = "; "


@dataclass
class Report:
    lines: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0

    def add(self, number, outcome, text):
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.lines.append((number, outcome, text))


def _column(name):
    name = (name or "").strip().lower()
    return HEADERS.get(name, name)


def _split(text):
    parts = (part.strip() for part in (text or "").replace(",", ";").split(";"))
    return [" ".join(part.split()) for part in parts if part.strip()]


def _key(kind, terms):
    return kind, tuple(sorted({normalise(term) for term in terms}))


def _check(kind, terms, expansions):
    from procedures.models.synonyms import MAX_EXPANSION_WORDS, MAX_TERM_WORDS, MAX_TERMS

    if kind not in KINDS:
        return f"loại “{kind}” không hợp lệ (tuong_duong, mo_rong hoặc bo_qua)"
    if not any(normalise(term) for term in terms):
        return "thiếu từ"
    if kind == "tuong_duong" and len(terms) < 2:
        return "nhóm tương đương cần ít nhất hai từ"
    if kind == "mo_rong" and not expansions:
        return "thiếu cụm từ mở rộng"
    if len(terms) > MAX_TERMS or len(expansions) > MAX_TERMS:
        return f"tối đa {MAX_TERMS} từ mỗi mục"
    if any(len(term.split()) > MAX_TERM_WORDS for term in terms):
        return f"mỗi từ tối đa {MAX_TERM_WORDS} chữ"
    if any(len(term.split()) > MAX_EXPANSION_WORDS for term in expansions):
        return f"mỗi cụm mở rộng tối đa {MAX_EXPANSION_WORDS} chữ"
    return ""


def load(rows, model, dry_run=False):
    """Upsert `rows` (dicts from a CSV reader, numbered from line 2) into `model`."""
    report = Report()
    existing = {}
    for entry in model.objects.all():
        existing[_key(entry.kind, _split(entry.terms))] = entry
    for number, raw in rows:
        row = {_column(name): value for name, value in raw.items()}
        kind = (row.get("kind") or "").strip()
        terms, expansions = _split(row.get("terms")), _split(row.get("expansions"))
        if kind != "mo_rong":
            expansions = []
        problem = _check(kind, terms, expansions)
        if problem:
            report.add(number, "rejected", problem)
            continue
        values = {
            "terms": SEPARATOR.join(terms),
            "expansions": SEPARATOR.join(expansions),
            "note": (row.get("note") or "").strip()[:255],
        }
        key = _key(kind, terms)
        entry = existing.get(key)
        if entry is None:
            entry = model(kind=kind, **values)
            if not dry_run:
                entry.save()
            existing[key] = entry
            report.add(number, "created", values["terms"])
        elif _split(entry.expansions) != expansions:
            entry.expansions = values["expansions"]
            if not dry_run:
                entry.save(update_fields=["expansions", "updated_at"])
            report.add(number, "updated", values["terms"])
        else:
            report.add(number, "unchanged", values["terms"])
    return report


def read(path):
    """(line number, row) pairs of a CSV file (UTF-8, with or without a BOM)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {_column(name) for name in reader.fieldnames or []}
        if {"kind", "terms"} - columns:
            raise ValueError("Tệp CSV cần các cột loai, tu, mo_rong (và ghi_chu nếu có).")
        return [(index + 2, row) for index, row in enumerate(reader)]

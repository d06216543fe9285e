"""Write imported records: an idempotent upsert by code, all or nothing.

Records are compared with what the last import of the same format wrote (a fingerprint per
format on each procedure), so re-importing an unchanged file writes nothing, and an editor's
correction in the admin stays until the source itself changes. Everything is written in one
transaction with bulk statements: 2,642 procedures take seconds, and a failure leaves the
database as it was.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from procedures.models import Agency, DossierItem, LegalDocument, Procedure, SubmissionWay
from procedures.searchtext import search_fields_for

BATCH = 500
DERIVED = ["name_sort", "name_words", "name_search", "search_text"]


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list = field(default_factory=list)  # (line, message)
    changed_ids: list = field(default_factory=list)

    def reject(self, line, message):
        self.rejected += 1
        self.errors.append((line, message))


class ProcedureImporter:
    def __init__(self, progress=None):
        self.progress = progress or (lambda iterable, **kwargs: iterable)

    def run(self, items, dry_run=False):
        """`items` yields (line, ImportRecord | RecordError); returns an ImportSummary."""
        summary = ImportSummary()
        records = self._collect(items, summary)
        with transaction.atomic():
            existing = {
                p.code: p
                for p in Procedure.objects.filter(code__in=list(records)).only(
                    "pk", "code", "import_fingerprints"
                )
            }
            to_write = []
            for code, record in records.items():
                current = existing.get(code)
                if current and current.import_fingerprints.get(record.kind) == record.fingerprint():
                    summary.unchanged += 1
                else:
                    to_write.append(record)
            created_ids, updated_ids = self._write(to_write, existing)
            summary.created, summary.updated = len(created_ids), len(updated_ids)
            summary.changed_ids = created_ids + updated_ids
            if dry_run:
                transaction.set_rollback(True)
        return summary

    def _collect(self, items, summary):
        """Keep the valid records by code; a later differing line with the same code is rejected."""
        from django.utils.translation import gettext as _

        records, seen = {}, {}
        for line, item in self.progress(items, desc="đọc", unit=" dòng"):
            if isinstance(item, Exception):
                summary.reject(line, str(item))
                continue
            if item.code in records:
                if records[item.code].fingerprint() == item.fingerprint():
                    summary.unchanged += 1
                else:
                    summary.reject(
                        line,
                        _("mã %(code)s trùng với dòng %(first)s")
                        % {"code": item.code, "first": seen[item.code]},
                    )
                continue
            records[item.code] = item
            seen[item.code] = line
        return records

    # --- writing ---------------------------------------------------------------------------

    def _write(self, records, existing):
        agency_ids = self._agencies(records)
        now = timezone.now()
        new, changed = [], []
        partial = [r for r in records if r.code in existing and r.dossier is None]
        current = {
            p.code: p
            for p in Procedure.objects.filter(
                code__in=[r.code for r in records if r.code in existing]
            )
        }
        dossier_names = self._dossier_names([current[r.code].pk for r in partial])
        agency_names = self._agency_names([current[r.code].pk for r in partial])
        for record in self.progress(records, desc="ghi", unit=" thủ tục"):
            procedure = current.get(record.code) or Procedure(code=record.code)
            for name, value in record.values.items():
                setattr(procedure, name, value)
            procedure.updated_at = now
            raw_field = "raw_record" if record.kind == "jsonl" else "raw_list_row"
            setattr(procedure, raw_field, record.raw)
            procedure.import_fingerprints = {
                **procedure.import_fingerprints,
                record.kind: record.fingerprint(),
            }
            agencies = (
                record.agencies
                if record.agencies is not None
                else agency_names.get(procedure.pk, [])
            )
            dossier = (
                [item.name for item in record.dossier]
                if record.dossier is not None
                else dossier_names.get(procedure.pk, [])
            )
            for name, value in search_fields_for(procedure, agencies, dossier).items():
                setattr(procedure, name, value)
            (changed if procedure.pk else new).append((procedure, record))

        Procedure.objects.bulk_create([p for p, _ in new], batch_size=BATCH)
        fields = sorted(
            {name for _, r in changed for name in r.values}
            | set(DERIVED)
            | {"updated_at", "import_fingerprints", "raw_record", "raw_list_row"}
        )
        # One UPDATE per row: bulk_update's CASE expressions grow with rows × columns and are
        # far slower for wide rows like these.
        for procedure, _record in changed:
            values = {name: getattr(procedure, name) for name in fields}
            Procedure.objects.filter(pk=procedure.pk).update(**values)
        self._relations(new + changed, agency_ids, replace=[p.pk for p, _ in changed])
        return [p.pk for p, _ in new], [p.pk for p, _ in changed]

    def _agencies(self, records):
        names = {name for r in records for name in r.agencies or []}
        known = dict(Agency.objects.filter(name__in=names).values_list("name", "pk"))
        missing = [Agency(name=name) for name in sorted(names - set(known))]
        Agency.objects.bulk_create(missing, batch_size=BATCH, ignore_conflicts=True)
        if missing:
            known = dict(Agency.objects.filter(name__in=names).values_list("name", "pk"))
        return known

    def _dossier_names(self, pks):
        names = {}
        rows = DossierItem.objects.filter(procedure_id__in=pks).order_by("sort_order")
        for pk, name in rows.values_list("procedure_id", "name"):
            names.setdefault(pk, []).append(name)
        return names

    def _agency_names(self, pks):
        names = {}
        through = Procedure.implementing_agencies.through.objects.filter(procedure_id__in=pks)
        for pk, name in through.values_list("procedure_id", "agency__name"):
            names.setdefault(pk, []).append(name)
        return names

    def _relations(self, pairs, agency_ids, replace):
        """Replace the levels, agencies and tables that each record provides."""
        level_through = Procedure.levels.through
        agency_through = Procedure.implementing_agencies.through
        provided = Counter()
        levels, agencies, ways, dossier, legal = [], [], [], [], []
        for procedure, record in pairs:
            pk = procedure.pk
            if record.levels is not None:
                provided["levels", pk] = 1
                levels += [level_through(procedure_id=pk, level_id=code) for code in record.levels]
            if record.agencies is not None:
                provided["agencies", pk] = 1
                agencies += [
                    agency_through(procedure_id=pk, agency_id=agency_ids[name])
                    for name in record.agencies
                ]
            if record.ways is not None:
                provided["ways", pk] = 1
                ways += [
                    SubmissionWay(
                        procedure_id=pk,
                        sort_order=i,
                        method=way.method,
                        processing_time=way.time_text[:255],
                        time_value=way.time_value,
                        time_unit=way.time_unit,
                        fee=way.fee_text,
                        fee_amount=way.fee_amount,
                        description=way.description,
                    )
                    for i, way in enumerate(record.ways)
                ]
            if record.dossier is not None:
                provided["dossier", pk] = 1
                dossier += [
                    DossierItem(
                        procedure_id=pk,
                        sort_order=i,
                        group=item.group,
                        name=item.name,
                        template=item.template[:255],
                        originals=_small(item.originals),
                        copies=_small(item.copies),
                    )
                    for i, item in enumerate(record.dossier)
                ]
            if record.legal is not None:
                provided["legal", pk] = 1
                legal += [
                    LegalDocument(
                        procedure_id=pk, sort_order=i, number=doc.number[:100], title=doc.title
                    )
                    for i, doc in enumerate(record.legal)
                ]
        replaced = set(replace)
        for kind, model, key in (
            ("levels", level_through, "procedure_id__in"),
            ("agencies", agency_through, "procedure_id__in"),
            ("ways", SubmissionWay, "procedure_id__in"),
            ("dossier", DossierItem, "procedure_id__in"),
            ("legal", LegalDocument, "procedure_id__in"),
        ):
            stale = [pk for (k, pk) in provided if k == kind and pk in replaced]
            for start in range(0, len(stale), BATCH):
                model.objects.filter(**{key: stale[start : start + BATCH]}).delete()
        for model, rows in (
            (level_through, levels),
            (agency_through, agencies),
            (SubmissionWay, ways),
            (DossierItem, dossier),
            (LegalDocument, legal),
        ):
            model.objects.bulk_create(rows, batch_size=BATCH)


def _small(number):
    return number if number is not None and 0 <= number < 32768 else None

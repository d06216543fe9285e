"""Citizen phrasings against the whole catalogue, on Elasticsearch and on the database.

    DATABASE_URL=postgres://... ELASTICSEARCH_URL=http://... \
        .venv/bin/python bench/search_quality.py [--keep]

Imports `tests/procedures/data/catalogue-search.jsonl.gz` (all 2,642 procedures) into a database
of its own (`quality_<name>`, kept with --keep so that the next run skips the import), indexes
it, then prints each phrasing of `tests/procedures/citizen_phrasings.py` that misses and the
share that passes on each backend, and how many official names (every 25th procedure's)
find their procedure in the top 5. The same checks run in the test suite
(`tests/procedures/test_citizen_phrasings.py`); this is the quick loop for editing the
dictionary.
"""

import argparse
import gzip
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
FIXTURE = ROOT / "tests" / "procedures" / "data" / "catalogue-search.jsonl.gz"


def import_catalogue():
    from procedures.importing.sources import read
    from procedures.importing.upsert import ProcedureImporter

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.jsonl"
        with gzip.open(FIXTURE, "rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
        return ProcedureImporter().run(read(path))


def official_names(procedures):
    """Every 25th procedure's official name and the codes bearing it (as the test suite)."""
    names = list(procedures.objects.order_by("code").values_list("name", flat=True)[::25])
    codes = {}
    for code, name in procedures.objects.filter(name__in=names).values_list("code", "name"):
        codes.setdefault(name, set()).add(code)
    return codes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the database for next time")
    args = parser.parse_args()
    os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "quality")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    from portal.search import elastic
    from procedures import indexing, synonym_csv
    from procedures.links import procedure_url_builder
    from procedures.models import Procedure, SearchSynonym
    from procedures.queries import SearchParams, search_procedures
    from tests.procedures.citizen_phrasings import CATALOGUE_SIZE, PHRASINGS, TOP, evaluate

    setup_test_environment()
    database = settings.DATABASES["default"]
    database["TEST"] = {**database.get("TEST", {}), "NAME": f"quality_{database['NAME']}"}
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    try:
        # The dictionary as the file now says (a kept database has the file of last time).
        SearchSynonym.objects.all().delete()
        synonym_csv.load(synonym_csv.read(synonym_csv.DEFAULT_FILE), SearchSynonym)
        if Procedure.objects.count() != CATALOGUE_SIZE:
            print(f"importing: {import_catalogue().created} procedures")
        if elastic.is_configured():
            es = elastic.get_client()
            if not es.indices.exists_alias(name=indexing.alias_name()) or args.keep is False:
                print(f"indexed: {indexing.rebuild()['count']}")
        url_for = procedure_url_builder()
        backends = ["elasticsearch", "database"] if elastic.is_configured() else ["database"]
        url = settings.ELASTICSEARCH_URL
        for backend in backends:
            settings.ELASTICSEARCH_URL = url if backend == "elasticsearch" else ""
            started = time.perf_counter()
            outcomes = evaluate(lambda q: search_procedures(SearchParams(q=q), url_for))
            seconds = time.perf_counter() - started
            passed = sum(ok for _, ok, _ in outcomes)
            for query, ok, top in outcomes:
                if not ok:
                    print(f"  MISS [{backend}] {query!r}: {top}")
            print(
                f"{backend}: {passed}/{len(PHRASINGS)} = {passed / len(PHRASINGS):.0%} "
                f"({seconds / len(PHRASINGS) * 1000:.0f} ms a phrasing)"
            )
            names = official_names(Procedure)
            missed = [
                name
                for name, codes in names.items()
                if not {
                    hit["code"]
                    for hit in search_procedures(SearchParams(q=name), url_for).results[:TOP]
                }
                & codes
            ]
            for name in missed:
                print(f"  MISS [{backend}] official name {name!r}")
            print(f"{backend}: official names {len(names) - len(missed)}/{len(names)}")
        settings.ELASTICSEARCH_URL = url
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(database["NAME"], verbosity=0)


if __name__ == "__main__":
    main()

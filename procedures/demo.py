"""Demo procedures for `manage.py load_demo_data`: the shipped fixture, indexed when possible."""

from pathlib import Path

from django.db import transaction

from procedures import indexing
from procedures.importing.sources import read
from procedures.importing.upsert import ProcedureImporter

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "procedures-sample.jsonl"


def load(home, stdout):
    """Import the sample catalogue (a second run changes nothing) and index it."""
    summary = ProcedureImporter().run(read(FIXTURE))
    stdout.write(
        f"Demo procedures: {summary.created} created, {summary.updated} updated, "
        f"{summary.unchanged} unchanged."
    )
    if indexing.is_enabled():
        transaction.on_commit(lambda: _index(stdout))


def _index(stdout):
    try:
        health = indexing.health()
        if not health["in_sync"]:
            result = indexing.rebuild()
            stdout.write(f"Demo procedures indexed in Elasticsearch ({result['count']}).")
    except indexing.IndexUnavailable as error:
        stdout.write(f"Elasticsearch unavailable, procedures searched in the database: {error}")

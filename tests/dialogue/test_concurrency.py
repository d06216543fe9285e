"""Real concurrency on PostgreSQL: counters stay exact, a double click stays one question."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from dialogue import intake, throttling
from dialogue.models import Question

from .conftest import IDENTITY

# serialized_rollback: the flush after these tests must not re-create content types under new
# ids, or later tests that restore the serialized database would collide with them.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
THREADS = 12


def run_together(function, count=THREADS):
    barrier = threading.Barrier(count)

    def worker(number):
        try:
            barrier.wait(timeout=10)
            return function(number)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(worker, range(count)))


def test_counter_increments_are_exact_under_concurrency():
    hits = run_together(lambda _number: throttling.increment("submit_ip:same", 3600)[0])
    assert sorted(hits) == list(range(1, THREADS + 1))


def test_simultaneous_identical_submissions_make_one_question(sector, leader, settings):
    # Limits off: this is about the partial unique constraint, not the per-e-mail quota.
    settings.DIALOGUE_RATE_LIMITS_ENABLED = False
    data = {
        "full_name": IDENTITY["full_name"],
        "province": 46,
        "ward": 19753,
        "street": IDENTITY["street"],
        "phone": "0914222333",
        "email": IDENTITY["email"],
        "sector": sector,
        "addressee": leader,
        "title": "Bấm gửi hai lần",
        "content": "Cùng một câu hỏi được gửi nhiều lần cùng lúc do bấm nút liên tục.",
        "procedure_codes": [],
    }

    receipts = run_together(lambda _number: intake.submit(data, "198.51.100.1"), count=6)

    assert Question.objects.count() == 1
    assert {receipt.question.tracking_code for receipt in receipts} == {
        Question.objects.get().tracking_code
    }
    assert sum(not receipt.duplicate for receipt in receipts) == 1

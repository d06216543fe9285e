"""The PostgreSQL restart drill of bench/drills.py: pages read and questions submitted while the
database stops and starts again.

Pass: during the gap every answer is 200 (served without the database) or 503 with Retry-After,
never a 500 or a stack trace; every question whose submission was confirmed is stored; pages
answer 200 again after PostgreSQL is back, with no restart of gunicorn.
"""

import importlib.util
import json
import secrets
import subprocess
import time
import urllib.error
import urllib.request

from load import BYPASS, Load, between, get, record, summary
from stack import PYTHON, ROOT

GAP_SECONDS = 6
READ_PATHS = ["/tin-tuc/", "/", "/trao-doi-va-thao-go/"]
CONFIRMED = "Đã nhận câu hỏi của bạn"


def _dialogue_bench():
    """bench/dialogue.py (a module name the `dialogue` app already takes)."""
    spec = importlib.util.spec_from_file_location("bench_dialogue", ROOT / "bench" / "dialogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def django_json(stack, code):
    """Run `code` (which prints JSON) in a Django process on the stack's database."""
    script = f"import django, json; django.setup()\n{code}"
    out = subprocess.run(  # noqa: S603
        [PYTHON, "-c", script], cwd=ROOT, env=stack.env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


IDS = """
from dialogue.models import Agency, Sector
print(json.dumps({"sector": str(Sector.objects.first().pk), "ward": "19753",
    "addressee": str(Agency.objects.filter(accepts_questions=True).first().pk)}))
"""

STORED = """
from dialogue.models import Question
print(json.dumps(list(Question.objects.filter(email__endswith="@drill-{run}.example")
    .values_list("email", flat=True))))
"""


def question_fields(citizen, ids, run, number):
    return {
        "csrfmiddlewaretoken": citizen.token,
        "full_name": f"Người Diễn Tập {number}",
        "province": "46",
        "ward": ids["ward"],
        "street": f"{number} Trần Hưng Đạo",
        "phone": f"09{number:08d}",
        "email": f"citizen{number}@drill-{run}.example",
        "sector": ids["sector"],
        "addressee": ids["addressee"],
        "title": f"Câu hỏi diễn tập số {number}",
        "content": f"Nội dung câu hỏi diễn tập số {number} của lượt {run}, về thủ tục đất đai.",
        "consent": "on",
        "website": "",
    }


def make_job(stack, citizens, ids, run, bench):
    section = stack.base + "/trao-doi-va-thao-go/gui-cau-hoi/"

    def job(client, number, started):
        if client % 2 == 0:  # readers
            path = READ_PATHS[number % len(READ_PATHS)]
            status, headers, body = get(stack.base + path, BYPASS)
            time.sleep(0.05)
            return record(started, status, headers, body, kind="read")
        citizen = citizens[client // 2]
        serial = client * 100_000 + number
        body, content_type = bench.multipart(question_fields(citizen, ids, run, serial), {})
        request = urllib.request.Request(  # noqa: S310
            section, data=body, headers={"Content-Type": content_type, "Referer": section}
        )
        try:
            with citizen.opener.open(request, timeout=30) as response:
                status, headers = response.status, response.headers
                page = response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, headers, page = error.code, error.headers, error.read().decode(errors="replace")
        except OSError as error:
            status, headers, page = 0, {}, str(error)
        time.sleep(0.2)
        return record(
            started,
            status,
            headers,
            page,
            kind="submit",
            email=f"citizen{serial}@drill-{run}.example",
            confirmed=status == 200 and CONFIRMED in page,
        )

    return job


def acceptable_in_gap(answer):
    """Served without the database (200), or refused with a retry time (503 + Retry-After)."""
    return answer["status"] == 200 or (answer["status"] == 503 and bool(answer["retry_after"]))


def pg_restart(stack, clients=4):
    bench = _dialogue_bench()
    ids = django_json(stack, IDS)
    run = secrets.token_hex(4)
    submitters = clients // 2
    citizens = [bench.Citizen(stack.base + "/trao-doi-va-thao-go/", ids) for _ in range(submitters)]
    master = stack.gunicorn.pid
    load = Load(make_job(stack, citizens, ids, run, bench), clients).start()
    time.sleep(3)
    stack.pause("postgres")
    t_down = load.now()
    time.sleep(GAP_SECONDS)
    t_restart = load.now()
    stack.resume("postgres")
    t_up = load.now()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not [
        r for r in load.snapshot() if r["t"] > t_up and r["status"] == 200 and r["kind"] == "read"
    ]:
        time.sleep(0.5)
    time.sleep(3)
    records = load.stop()
    stored = set(django_json(stack, STORED.format(run=run)))
    confirmed = {r["email"] for r in records if r["kind"] == "submit" and r["confirmed"]}
    gap = between(records, t_down, t_restart)
    back = next((r["t"] for r in records if r["t"] > t_up and r["status"] == 200), None)
    bad_gap = [r for r in gap if r["trace"] or not acceptable_in_gap(r)]
    after = [r for r in records if back is not None and r["t"] > back + 1]
    figures = summary(records)
    result = {
        "timeline_s": {"down": t_down, "restart": t_restart, "up": t_up},
        "gap_s": round(t_restart - t_down, 1),
        **figures,
        "gap_answers": summary(gap)["statuses"],
        "gap_503_with_retry_after": sum(1 for r in gap if r["status"] == 503 and r["retry_after"]),
        "gap_bad_answers": bad_gap[:5],
        "confirmed": len(confirmed),
        "confirmed_stored": len(confirmed & stored),
        "lost": sorted(confirmed - stored)[:10],
        "service_back_after_s": None if back is None else round(back - t_up, 2),
        "errors_after_recovery": sum(1 for r in after if r["status"] != 200),
        "app_restarted": stack.gunicorn.pid != master or stack.gunicorn.poll() is not None,
    }
    result["passed"] = bool(
        gap
        and not bad_gap
        and result["gap_503_with_retry_after"] > 0
        and figures["stack_traces"] == 0
        and sum(1 for r in records if r["status"] == 500) == 0
        and confirmed
        and confirmed <= stored
        and back is not None
        and result["errors_after_recovery"] == 0
        and not result["app_restarted"]
    )
    return result

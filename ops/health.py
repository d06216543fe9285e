"""Probes for load balancers and orchestration.

/healthz answers while the process can serve Python (no database, no Elasticsearch).
/readyz says whether this app server should get traffic: 503 without the database;
Elasticsearch down only degrades it (search answers from the database), so it stays 200.
"""

import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from portal.search import elastic


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def database_status():
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def elasticsearch_status():
    if not elastic.is_configured():
        return {"ok": False, "configured": False}
    started = time.monotonic()
    try:
        client = elastic.get_client().options(request_timeout=settings.READYZ_ES_TIMEOUT)
        health = client.cluster.health()
    except Exception as error:  # any transport failure means "unavailable", never a 500
        return {"ok": False, "configured": True, "error": type(error).__name__}
    return {
        "ok": health["status"] in {"green", "yellow"},
        "configured": True,
        "cluster_status": health["status"],
        "ms": round((time.monotonic() - started) * 1000, 1),
    }


@never_cache
def readyz(request):
    database = database_status()
    search = elasticsearch_status()
    if not database["ok"]:
        status = "unavailable"
    elif search["configured"] and not search["ok"]:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "database": database, "elasticsearch": search},
        status=503 if status == "unavailable" else 200,
    )

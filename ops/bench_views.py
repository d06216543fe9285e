"""Baselines for bench/ops.py, mounted only when settings.BENCH_VIEWS is on.

- cached: the machine's ceiling, a bare view returning a page body from the page cache.
- template: an uncached trivial template, no database.
"""

from django.core.cache import caches
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

BODY_KEY = "bench:bare-body"


def cached(request):
    body = caches["pages"].get(BODY_KEY)
    if body is None:
        body = b"<!DOCTYPE html><html lang='vi'><title>bench</title>" + b"x" * 20_000
        caches["pages"].set(BODY_KEY, body, 3600)
    return HttpResponse(body)


@never_cache
def template(request):
    return render(request, "ops/bench_template.html", {"items": range(20)})

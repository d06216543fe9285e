"""Baselines and editor stand-ins for bench/ops.py and the drills, mounted only when
settings.BENCH_VIEWS is on (never in production).

- cached: the machine's ceiling, a bare view returning a page body from the page cache.
- template: an uncached trivial template, no database.
- menu_label, publish_article (POST): what an editor's save does, in this server's process
  (the ORM save and Wagtail's publish, with their signals), so the scale-out drill
  (bench/drill_scale.py) can make an edit "through server A" and watch server B.
"""

from django.core.cache import caches
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

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


@csrf_exempt
@require_POST
@never_cache
def menu_label(request):
    """Rename the last item of the Vietnamese header menu to POST["label"]."""
    from home.models import MainMenu

    label = request.POST.get("label", "").strip()
    menu = MainMenu.objects.filter(
        placement=MainMenu.Placement.HEADER, locale__language_code="vi"
    ).first()
    if not label or menu is None:
        return HttpResponseBadRequest("label and a Vietnamese header menu are needed")
    item = menu.items.order_by("sort_order").last()
    item.label = label
    item.save()
    return JsonResponse({"label": label})


@csrf_exempt
@require_POST
@never_cache
def publish_article(request):
    """Publish a news article titled POST["title"] under the first news index."""
    from news.models import NewsIndexPage, NewsPage

    title = request.POST.get("title", "").strip()
    index = NewsIndexPage.objects.live().first()
    if not title or index is None:
        return HttpResponseBadRequest("title and a news index are needed")
    slug = f"bench-{timezone.now():%Y%m%d%H%M%S%f}"
    article = index.add_child(instance=NewsPage(title=title, slug=slug, date=timezone.now()))
    article.save_revision().publish()
    return JsonResponse({"url": article.url, "index_url": index.url})

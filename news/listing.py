"""The article lists readers see, each built from a fixed number of SQL queries.

Every list is: one query for view restrictions (``public()``), one COUNT, one page of rows
(categories joined in, StreamField bodies left out), and one query each for the images and
their renditions — however many articles exist.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import TruncDay
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from news.models import NewsIndexPage, NewsPage

PER_PAGE = 20
OTHER_NEWS_COUNT = 6
MAX_PAGE_DIGITS = 6


class PageNumberInvalid(ValueError):
    """?trang= is not a positive whole number."""


@dataclass
class PageNumberOutOfRange(Exception):
    number: int
    num_pages: int


def published_under(index):
    """Live, publicly visible articles that are direct children of ``index``."""
    return NewsPage.objects.live().public().child_of(index)


def for_listing(queryset):
    images = get_image_model().objects.prefetch_renditions()
    return (
        queryset.defer_streamfields()
        .select_related("category")
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-date", "-pk")
    )


def parse_page_number(raw):
    if raw is None or raw == "":
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        raise PageNumberInvalid(raw)
    return int(raw)


def paginate(queryset, raw_page_number, per_page=PER_PAGE):
    """One page of ``queryset``; raises PageNumberInvalid or PageNumberOutOfRange."""
    number = parse_page_number(raw_page_number)
    paginator = Paginator(for_listing(queryset), per_page)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise PageNumberOutOfRange(number, paginator.num_pages) from error
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page


def page_or_problem(queryset, raw_page_number):
    """(page, None, 200), or (None, a message for the reader, 400 or 404)."""
    try:
        return paginate(queryset, raw_page_number), None, 200
    except PageNumberInvalid:
        return None, _("Số trang không hợp lệ."), 400
    except PageNumberOutOfRange as error:
        message = _("Không có trang %(number)s; danh sách chỉ có %(pages)s trang.") % {
            "number": error.number,
            "pages": error.num_pages,
        }
        return None, message, 404


def day_bounds(day):
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    return start, start + datetime.timedelta(days=1)


def on_day(queryset, day):
    start, end = day_bounds(day)
    return queryset.filter(date__gte=start, date__lt=end)


def count_by_day(queryset, first_day, last_day):
    """{date: number of articles} for the days in [first_day, last_day] that have news."""
    start = day_bounds(first_day)[0]
    end = day_bounds(last_day)[1]
    rows = (
        queryset.filter(date__gte=start, date__lt=end)
        .annotate(day=TruncDay("date"))
        .order_by()
        .values("day")
        .annotate(articles=Count("pk"))
    )
    return {timezone.localtime(row["day"]).date(): row["articles"] for row in rows}


def parent_index(article):
    return NewsIndexPage.objects.parent_of(article).first()


def other_news(article, limit=OTHER_NEWS_COUNT):
    """ "Các tin khác": the latest other articles, the article's own category first."""
    siblings = NewsPage.objects.live().public().sibling_of(article, inclusive=False)
    if article.category_id is None:
        same = siblings.filter(category__isnull=True)
    else:
        same = siblings.filter(category_id=article.category_id)
    found = list(for_listing(same)[:limit])
    if len(found) < limit:
        rest = siblings.exclude(pk__in=[a.pk for a in found])
        if article.category_id is None:
            rest = rest.exclude(category__isnull=True)
        else:
            rest = rest.exclude(category_id=article.category_id)
        found += list(for_listing(rest)[: limit - len(found)])
    return found


def featured(limit=4):
    """Articles marked "tin nổi bật", newest first, for the home page."""
    return list(for_listing(NewsPage.objects.live().public().filter(featured=True))[:limit])

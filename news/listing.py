"""The article lists readers see, each built from a fixed number of SQL queries.

A list page costs: one query for the index's listing version (NewsListingVersion), under which
the total, the categories and the private sections are cached; one query for the ids of the
page, which reads only the narrow (listed_in, date, id) index of news_newspage so that a deep
page number skips rows without touching wagtailcore_page; one for those rows (categories and
images joined in, StreamField bodies left out) and one for the images' renditions. However
many articles exist.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import TruncDay
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from news.models import NewsIndexPage, NewsPage

PER_PAGE = 20
OTHER_NEWS_COUNT = 6
MAX_PAGE_DIGITS = 6
COUNT_SECONDS = 24 * 3600


class PageNumberInvalid(ValueError):
    """?trang= is not a positive whole number."""


@dataclass
class PageNumberOutOfRange(Exception):
    number: int
    num_pages: int


def published_under(index):
    """Live, publicly visible articles that are direct children of ``index``.

    Not `.public()`: Wagtail's reads every PageViewRestriction each time it is called, where
    `index.private_paths` comes from the cache. Measured on the demo portal, warm and
    uncached by the page cache: `.public()` here and in home.front_page made /tin-tuc/, its
    category pages and /en/ cost 11 queries instead of 10, and / 14 instead of 13.
    """
    articles = NewsPage.objects.filter(listed_in=index)
    for path in index.private_paths:  # what Page.public() excludes, without its query
        articles = articles.exclude(path__startswith=path)
    return articles


def for_listing(queryset):
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        queryset.defer_streamfields()
        .select_related("category", "image")
        # Wagtail's image tags look for `prefetched_renditions` before asking the database.
        .prefetch_related(
            Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
        .order_by("-date", "-pk")
    )


def parse_page_number(raw):
    if raw is None or raw == "":
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        raise PageNumberInvalid(raw)
    return int(raw)


class CachedCountPaginator(Paginator):
    """A paginator whose total is read from the cache under a key that changes whenever the
    listed articles may have (see NewsListingVersion)."""

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cache.get_or_set(self.count_key, lambda: self.object_list.count(), COUNT_SECONDS)


def count_key(index, *parts):
    """The cache key of a list's size: the index, its listing version, then what filters it."""
    return ":".join(["news-count", str(index.pk), str(index.listing_version), *map(str, parts)])


class LazyRows(Sequence):
    """A page's rows, read from the database the first time they are looked at: a list page
    whose rendered list is still cached (news_index_page.html) runs neither query."""

    def __init__(self, load):
        self._load, self._rows = load, None

    def _all(self):
        if self._rows is None:
            self._rows = self._load()
        return self._rows

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self):
        return len(self._all())


def paginate(queryset, raw_page_number, count_key, per_page=PER_PAGE, prepare=None):
    """One page of ``queryset``, newest first; raises PageNumberInvalid or PageNumberOutOfRange.

    The page number is checked against the cached total at once; the rows are read when first
    used (LazyRows), then passed to ``prepare``. Ids come first from the narrow index, then the
    rows of those ids. Past the middle of the list the ids are read from the other end (oldest
    first, reversed), so the deepest page skips at most half the list.
    """
    number = parse_page_number(raw_page_number)
    newest = queryset.order_by("-date", "-pk").values_list("pk", flat=True)
    paginator = CachedCountPaginator(newest, per_page, count_key)
    try:
        number = paginator.validate_number(number)
    except EmptyPage as error:
        raise PageNumberOutOfRange(number, paginator.num_pages) from error
    total = paginator.count
    bottom = (number - 1) * per_page
    top = min(bottom + per_page, total)

    def load():
        if bottom > total // 2:
            oldest = queryset.order_by("date", "pk").values_list("pk", flat=True)
            page_ids = list(oldest[total - top : total - bottom])[::-1]
        else:
            page_ids = list(newest[bottom:top])
        articles = for_listing(NewsPage.objects.filter(pk__in=page_ids))
        rows = {article.pk: article for article in articles}
        found = [rows[pk] for pk in page_ids if pk in rows]
        if prepare is not None:
            prepare(found)
        return found

    page = paginator._get_page(LazyRows(load), number, paginator)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page


def page_or_problem(queryset, raw_page_number, count_key, prepare=None):
    """(page, None, 200), or (None, a message for the reader, 400 or 404)."""
    try:
        return paginate(queryset, raw_page_number, count_key, prepare=prepare), None, 200
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


def other_news(article, index, limit=OTHER_NEWS_COUNT):
    """ "Các tin khác": the latest other articles, the article's own category first."""
    if index is None or article.listed_in_id != index.pk:  # a draft being previewed
        return []
    siblings = published_under(index).exclude(pk=article.pk)
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
    featured = NewsPage.objects.filter(featured=True, listed_in__isnull=False).public()
    return list(for_listing(featured)[:limit])

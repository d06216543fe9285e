"""Which cached addresses show an article: what publishing or withdrawing it purges.

The page cache (ops.pagecache) empties itself on most changes; an article says instead which
URL paths show it, so that a busy editorial day leaves the other articles, the procedure
directory and the dialogue pages cached: the article and its versions in other languages, its
news index with every list and feed under it (categories, by date), the home page in every
language, the site search and the sitemap. Other articles cached with it in their "Các tin
khác" keep that list until their copy expires (PAGE_CACHE_SECONDS). An article linked from a
menu is shown on every page, so it empties the whole cache.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site


def url_path(page):
    url = page.get_url()  # relative with one site, absolute with several
    return urlsplit(url).path if url else None


def article_paths(article):
    """The URL paths showing `article`, or None when every page may show it."""
    from home.models import MenuItem
    from news.listing import parent_index

    if MenuItem.objects.filter(link_page_id=article.pk).exists():
        return None
    paths = {url_path(article)}
    # Its versions in other languages name it (language links, hreflang).
    paths.update(url_path(version) for version in article.get_translations())
    index = parent_index(article)
    if index is not None:
        base = url_path(index)
        if base:
            paths.update(base + path.lstrip("/") for path in index.get_cached_paths())
    for site in Site.objects.select_related("root_page"):
        for home in site.root_page.get_translations(inclusive=True).live():
            paths.add(url_path(home))
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            paths.add(reverse("site_search"))
    paths.add(reverse("sitemap"))
    return sorted(path for path in paths if path)

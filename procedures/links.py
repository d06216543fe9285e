"""Where procedures live on the site, and what other sections link to them."""

import logging

from django.core.cache import cache

from dialogue.links import questions_about_procedure
from procedures.models import ProcedureDirectoryPage

logger = logging.getLogger(__name__)


DIRECTORY_URL_CACHE = 300  # seconds; the directory page moves rarely, searches are many


def directory_page():
    return ProcedureDirectoryPage.objects.live().public().order_by("path").first()


CACHE_KEY = "procedure-directory-urls"


def _directory_url(request):
    """The directory page's URL, cached: it costs three queries a search need not make.

    procedures/signal_handlers.py forgets it whenever a directory page is published, moved or
    deleted.
    """
    host = request.get_host() if request is not None else ""
    urls = cache.get(CACHE_KEY) or {}
    if host not in urls:
        directory = directory_page()
        urls[host] = directory.get_url(request) if directory is not None else "/api/v1/procedures/"
        cache.set(CACHE_KEY, urls, DIRECTORY_URL_CACHE)
    return urls[host]


def forget_directory_url(**kwargs):
    cache.delete(CACHE_KEY)


def procedure_url_builder(request=None, directory=None, absolute=False):
    """A function code -> URL of the procedure's page (or its API record without a page)."""
    if directory is not None and absolute:
        # On the Site's root URL, like every page's canonical, not the host the request named.
        base = directory.get_full_url(request)
    else:
        base = directory.get_url(request) if directory is not None else _directory_url(request)
        if absolute and request is not None:
            base = request.build_absolute_uri(base)
    return lambda code: f"{base}{code}/"


def questions_about(code):
    """The dialogue section's questions about this procedure, or None.

    `dialogue.links.questions_about_procedure(code)` gives an iterable of items with `title`
    and `url`; the procedure page lists them.
    """
    try:
        return list(questions_about_procedure(code))
    except Exception:  # a failure there must not take the procedure page down
        logger.exception("dialogue.links.questions_about_procedure(%s) failed", code)
        return None

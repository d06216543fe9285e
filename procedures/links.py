"""Where procedures live on the site, and what other sections link to them."""

import logging

from dialogue.links import questions_about_procedure
from portal.section_url import CachedSectionUrl
from procedures.models import ProcedureDirectoryPage

logger = logging.getLogger(__name__)


def directory_page():
    return ProcedureDirectoryPage.objects.live().public().order_by("path").first()


# The directory page's URL, cached (procedures/signal_handlers.py connects its forgetting).
directory_url = CachedSectionUrl(
    "procedure-directory-urls",
    directory_page,
    lambda page, request: page.get_url(request),
    missing="/api/v1/procedures/",
)


def procedure_url_builder(request=None, directory=None, absolute=False):
    """A function code -> URL of the procedure's page (or its API record without a page)."""
    if directory is not None and absolute:
        # On the Site's root URL, like every page's canonical, not the host the request named.
        base = directory.get_full_url(request)
    else:
        base = directory.get_url(request) if directory is not None else directory_url(request)
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

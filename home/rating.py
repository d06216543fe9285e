"""The "Bạn có hài lòng với thông tin này không?" rating (Decree 42/2022 Art. 8d).

Which page types carry the widget is decided here, in one place, so sections that
land later are added with one line. The rate limit counts a visitor's stored ratings,
so it holds across processes and app servers without a shared cache.
"""

import hashlib
import hmac
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from home.models import PageRating
from ops.client_ip import client_ip

RATED_PAGE_TYPES = {
    "home.standardpage",
    "home.contactpage",
    "news.newspage",
    "government.organisationindexpage",
    "government.unitpage",
    "government.leaderpage",
}
WINDOW = timedelta(hours=1)


def is_rated(page):
    if page is None or not hasattr(page, "specific_class"):
        return False
    model = page.specific_class
    return model is not None and model._meta.label_lower in RATED_PAGE_TYPES


def visitor_key(request):
    """A keyed hash of the visitor's address: enough to rate-limit, not to identify.

    The address is the one django-axes uses (ops.client_ip: behind a trusted proxy, the
    address that proxy saw, never a client-supplied header)."""
    address = client_ip(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def is_limited(visitor):
    since = timezone.now() - WINDOW
    recent = PageRating.objects.filter(visitor=visitor, created_at__gte=since)
    return recent.count() >= settings.RATING_MAX_PER_HOUR


def is_same_origin(request):
    """Cross-site request forgery check for the rating form.

    The form carries no per-visitor CSRF token so that the pages showing it stay in the
    anonymous page cache; instead the browser's own Origin header (or, failing that, the
    Referer) must name this site, as OWASP's "verifying origin with standard headers"
    describes. Browsers send Origin with every form POST; a forged cross-site form cannot
    fake it, and a request carrying neither header is refused.
    """
    here = f"{request.scheme}://{request.get_host()}"
    trusted = {here, *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null":
        return origin in trusted
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in trusted


def record(page, satisfied, visitor):
    return PageRating.objects.create(page=page, satisfied=satisfied, visitor=visitor)

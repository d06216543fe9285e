"""The "Bạn có hài lòng với thông tin này không?" rating (Decree 42/2022 Art. 8d).

Which page types carry the widget is decided here, in one place, so sections that
land later are added with one line. The rate limit counts a visitor's stored ratings,
so it holds across processes and app servers without a shared cache.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from home.models import PageRating

RATED_PAGE_TYPES = {"home.standardpage", "home.contactpage", "news.newspage"}
WINDOW = timedelta(hours=1)


def is_rated(page):
    if page is None or not hasattr(page, "specific_class"):
        return False
    model = page.specific_class
    return model is not None and model._meta.label_lower in RATED_PAGE_TYPES


def visitor_key(request):
    """A keyed hash of the visitor's address: enough to rate-limit, not to identify."""
    address = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def is_limited(visitor):
    since = timezone.now() - WINDOW
    recent = PageRating.objects.filter(visitor=visitor, created_at__gte=since)
    return recent.count() >= settings.RATING_MAX_PER_HOUR


def record(page, satisfied, visitor):
    return PageRating.objects.create(page=page, satisfied=satisfied, visitor=visitor)

"""The visitor's first-party cookie: who they are and where their visit stands.

`portal_visit` holds, signed with SECRET_KEY (not encrypted; nothing personal in it):
visitor id . visit id . day of the visit . time of the last write (Unix seconds).
It lives as long as a visit may (VISITS_WINDOW_MINUTES after the last write).

`portal_seen` only says "written less than a minute ago" and expires after a minute; a proxy
cache in front (site/nginx.conf) passes requests without it to the app, so that a visitor
reaches the counter at most once a minute and every other request may be served from cache.
"""

import hashlib
import uuid
from dataclasses import dataclass, replace
from functools import lru_cache

from django.conf import settings
from django.core import signing

SALT = "stats.visitor-cookie"


@lru_cache(maxsize=4)
def _signer_for(secret_key):
    return signing.Signer(key=secret_key, salt=SALT)


def _signer():
    return _signer_for(settings.SECRET_KEY)


@dataclass(frozen=True)
class VisitCookie:
    visitor: uuid.UUID
    visit: uuid.UUID
    day: int  # date.toordinal() of the visit's local day
    written: int  # Unix seconds of the last database write for this visitor

    @classmethod
    def read(cls, request):
        value = request.COOKIES.get(settings.VISITS_COOKIE_NAME)
        if not value:
            return None
        try:
            visitor, visit, day, written = _signer().unsign(value).split(".")
            return cls(uuid.UUID(hex=visitor), uuid.UUID(hex=visit), int(day), int(written))
        except (signing.BadSignature, ValueError):
            return None

    @classmethod
    def new_visitor(cls, day, written):
        return cls(uuid.uuid4(), uuid.uuid4(), day, written)

    def next_visit(self, day, written):
        """The visit after this one. Derived, not random: two requests racing to start it
        name the same visit, and the database keeps one."""
        digest = hashlib.sha256(self.visitor.bytes + self.visit.bytes).digest()
        return replace(
            self, visit=uuid.UUID(bytes=digest[:16], version=4), day=day, written=written
        )

    def touched(self, written):
        return replace(self, written=written)

    def value(self):
        return _signer().sign(f"{self.visitor.hex}.{self.visit.hex}.{self.day}.{self.written}")

    def set_on(self, response):
        common = {
            "secure": settings.VISITS_COOKIE_SECURE,
            "httponly": True,
            "samesite": "Lax",
        }
        response.set_cookie(
            settings.VISITS_COOKIE_NAME,
            self.value(),
            max_age=settings.VISITS_WINDOW_MINUTES * 60 + settings.VISITS_WRITE_INTERVAL_SECONDS,
            **common,
        )
        response.set_cookie(
            settings.VISITS_FRESH_COOKIE_NAME,
            "1",
            max_age=settings.VISITS_WRITE_INTERVAL_SECONDS,
            **common,
        )

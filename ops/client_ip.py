"""The visitor's address as django-axes should see it.

Behind nginx every request comes from the proxy, so REMOTE_ADDR would lock out everyone at
once. When the direct peer is a trusted proxy, the visitor is the last address that proxy
appended to X-Forwarded-For (`$proxy_add_x_forwarded_for`); earlier entries are
client-supplied and never trusted.
"""

from django.conf import settings


def client_ip(request, *args):
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote in settings.TRUSTED_PROXIES and forwarded:
        return forwarded.split(",")[-1].strip() or remote
    return remote

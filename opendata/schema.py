"""How /api/v1/openapi.json is generated: drf-spectacular over the open-data views only.

Wagtail's admin API also runs on DRF; its endpoints are internal and stay out of the
document. The document itself is not described in itself.
"""

PREFIX = "/api/v1/"
DOCUMENT_PATH = "/api/v1/openapi.json"


def only_open_data(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: keep the public /api/v1/ endpoints."""
    return [
        (path, regex, method, callback)
        for path, regex, method, callback in endpoints
        if path.startswith(PREFIX) and path != DOCUMENT_PATH
    ]

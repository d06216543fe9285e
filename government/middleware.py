"""Fills the live slots (emergency banner, home announcements) of every HTML response.

Place it outside (before) the page cache middleware, as settings do: a page served from
the cache is filled here too, so the banner shows on it within the refresh period and
disappears at its end time without the cache being emptied. See government/live.py.
"""

from government import live


class EmergencyBannerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or request.path_info.startswith("/admin/")
        ):
            return response
        content = response.content
        filled = live.fill(content)
        if filled is not content:
            response.content = filled
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(filled))
        return response

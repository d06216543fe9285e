"""The pages Wagtail routed through to reach the page shown, kept for the breadcrumbs.

Wagtail finds a page by walking down from the home page, loading each ancestor on the way.
Pages that can have children remember themselves on the request as they are walked, so the
breadcrumb trail costs no query; when the walk is not fully known (a parent type without the
mixin, a page rendered outside routing), the breadcrumbs query the ancestors as before.
"""


class RouteTrailMixin:
    def route(self, request, path_components):
        remember(request, self)
        return super().route(request, path_components)


def remember(request, page):
    """Note that routing went through `page` (for a route() that does not call super())."""
    trail = getattr(request, "portal_route_trail", None)
    if trail is None:
        trail = request.portal_route_trail = []
    trail.append(page)


def known_ancestors(request, page, top_depth):
    """Ancestors of `page` from depth `top_depth` down to its parent, if routing saw them all."""
    walked = getattr(request, "portal_route_trail", None) or []
    ancestors = [p for p in walked if top_depth <= p.depth < page.depth]
    expected = list(range(top_depth, page.depth))
    if [p.depth for p in ancestors] != expected:
        return None
    if not all(page.path.startswith(p.path) for p in ancestors):
        return None
    return ancestors

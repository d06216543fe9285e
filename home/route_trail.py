"""The pages Wagtail routed through to reach the page shown, kept for the breadcrumbs.

Wagtail finds a page by walking down from the home page, loading each ancestor on the way.
Pages that can have children remember themselves on the request as they are walked, so the
breadcrumb trail costs no query; when the walk is not fully known (a parent type without the
mixin, a page rendered outside routing), the breadcrumbs query the ancestors as before.

The walk itself costs a query less per step below such a page. Wagtail finds a child in two
queries: its row in the page table, then its own type's row (`.specific`). Each process
remembers which type the child at a slug had the last time, and asks that type's table
directly: one query, which also checks the answer (the page still there, still of that type).
When it finds nothing, Wagtail's own walk answers, so a remembered type can be stale but
never wrong. Routable pages keep Wagtail's order (their sub-routes before their children).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.routable_page.models import RoutablePageMixin

_child_types = {}  # (parent pk, child slug) -> the child's page model, per process


class RouteTrailMixin:
    def route(self, request, path_components):
        remember(request, self)
        if path_components and not isinstance(self, RoutablePageMixin):
            child = typed_child(self, path_components[0])
            if child is not None:
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


def typed_child(parent, slug):
    """The child of `parent` at `slug` in one query when its type is remembered, else None."""
    model = _child_types.get((parent.pk, slug))
    if model is None:
        return None
    child = model.objects.child_of(parent).filter(slug=slug).first()
    if child is None or child.content_type_id != ContentType.objects.get_for_model(model).pk:
        return None  # gone, or of a subtype: Wagtail's walk decides
    child._cached_parent_obj = parent  # as Wagtail's Page.route does
    return child


def forget_types():
    """Drop the remembered child types (tests)."""
    _child_types.clear()


def remember(request, page):
    """Note that routing went through `page` (for a route() that does not call super())."""
    trail = getattr(request, "portal_route_trail", None)
    if trail is None:
        trail = request.portal_route_trail = []
    elif trail[-1].depth == page.depth - 1 and page.path.startswith(trail[-1].path):
        # `page` is the child routing came to from the last page: remember its type
        if len(_child_types) > 10_000:
            _child_types.clear()
        _child_types[(trail[-1].pk, page.slug)] = type(page)
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

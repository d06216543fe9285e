"""Tags of the design system's components (templates/components/).

`{% pagination page %}` is the portal's one pagination: every list passes its Django `Page`
and gets the same markup, the same `trang` parameter and the same elided page range, with the
other query parameters of the request kept.
"""

from django import template

register = template.Library()


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page, label=None):
    paginator = page.paginator
    elided = getattr(page, "elided_range", None)
    if elided is None:
        elided = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return {
        "request": context.get("request"),
        "page": page,
        "elided_range": elided,
        "ellipsis": paginator.ELLIPSIS,
        "label": label,
    }

from django import template

from home import rating

register = template.Library()


@register.filter
def takes_rating(page):
    """True for the page types that carry the "Bạn có hài lòng…" widget."""
    return rating.is_rated(page)

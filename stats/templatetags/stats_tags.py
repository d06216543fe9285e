from django import template
from django.utils import formats

from stats import counters

register = template.Library()


@register.inclusion_tag("stats/includes/visit_counters.html")
def visit_counters():
    """The footer's "Lượt truy cập" box; figures refreshed by stats.middleware when cached.
    The page's thousands separator goes with it, for visits.js to group refreshed figures."""
    return {
        "figures": counters.current_figures(),
        "thousands": formats.get_format("THOUSAND_SEPARATOR"),
    }

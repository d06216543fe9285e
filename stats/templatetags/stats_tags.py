from django import template

from stats import counters

register = template.Library()


@register.inclusion_tag("stats/includes/visit_counters.html")
def visit_counters():
    """The footer's "Lượt truy cập" box; figures refreshed by stats.middleware when cached."""
    return {"figures": counters.current_figures()}

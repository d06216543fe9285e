"""Template tags of the government section: the live slots filled outside the page cache."""

from django import template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from government import live

register = template.Library()


@register.simple_tag
def live_fragment_now(name):
    """The slot already filled (correct without the middleware); the middleware refreshes it."""
    language = translation.get_language() or "vi"
    inner = live.RENDERERS[name](language, timezone.now())
    return mark_safe(f"<!--live:{name}:{language}-->{inner}<!--/live:{name}-->")  # noqa: S308 - rendered by templates that escape


@register.simple_tag(takes_context=True)
def unit_json_ld(context, unit, leaders=(), parent=None):
    """schema.org GovernmentOrganization of a unit, its leaders as `employee` Persons."""
    from government.organisation import unit_json_ld as build
    from home.templatetags.seo_tags import json_ld

    return json_ld(build(unit, context.get("request"), leaders, parent))


@register.simple_tag(takes_context=True)
def leader_json_ld(context, leader, unit=None):
    """schema.org Person of a leader, working for their unit."""
    from government.organisation import leader_json_ld as build
    from home.templatetags.seo_tags import json_ld

    return json_ld(build(leader, context.get("request"), unit=unit))


@register.simple_tag(takes_context=True)
def schedule_link(context, leader):
    """This week's schedule of `leader`, or "" when there is no schedule page.

    The schedule is published in Vietnamese only, so English leader pages do not link to it.
    """
    from government.models import WorkSchedulePage

    if (translation.get_language() or "vi") != "vi":
        return ""
    schedule_page = WorkSchedulePage.objects.live().order_by("path").first()
    if schedule_page is None:
        return ""
    return schedule_page.get_url(context.get("request")) + schedule_page.reverse_subpage(
        "leader_week", args=(leader.slug,)
    )

"""Canonical URLs, OpenGraph and schema.org JSON-LD."""

from urllib.parse import urlencode

from django import template
from django.utils.html import strip_tags
from wagtail.models import Page

from home.templatetags.navigation_tags import portal_info, site_home
from portal.jsonld import json_ld_script

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


@register.simple_tag
def json_ld(data):
    """`data` as a <script type="application/ld+json"> block (a data block, not code)."""
    return json_ld_script(data)


# Query parameters that select different content (a list's page, the news of a day or month,
# a week of the work schedule, the archive of ended announcements): kept in the canonical
# URL, in this order. Others (filters, searches, print views, tracking) are dropped.
CANONICAL_PARAMETERS = ("ngay", "thang", "tuan", "het-hieu-luc", "trang")


def _own_query(request):
    kept = [
        (name, request.GET[name])
        for name in CANONICAL_PARAMETERS
        if request.GET.get(name) and not (name == "trang" and request.GET[name] == "1")
    ]
    return "?" + urlencode(kept) if kept else ""


def is_routed_subpage(request, page):
    """True when `page` answered through one of its routes (a procedure, an answer, a news
    category…) rather than at its own address."""
    if request is None or not isinstance(page, Page):
        return False
    own_path = page.get_url(request)
    return bool(own_path) and not own_path.startswith("http") and request.path != own_path


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    """The one canonical address of what is shown: a view's own `canonical_url` if it gave
    one; else the page's address; on a routed sub-page that address plus the sub-path (and
    the parameters that choose its content), so a sub-page never claims to be its parent."""
    if context.get("canonical_url"):
        return context["canonical_url"]
    request = context.get("request")
    if isinstance(page, Page):
        url = page.get_full_url(request)
        if url and is_routed_subpage(request, page):
            own_path = page.get_url(request)
            if request.path.startswith(own_path):
                return url + request.path[len(own_path) :] + _own_query(request)
            return request.build_absolute_uri(request.path) + _own_query(request)
        if url:
            return url + _own_query(request) if request is not None else url
    return request.build_absolute_uri(request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def routed_subpage(context, page=None):
    return is_routed_subpage(context.get("request"), page)


@register.simple_tag(takes_context=True)
def page_description(context, page=None):
    """The view's or template's `meta_description`, else the page's search_description,
    else its own summary field, as plain text (Lighthouse counts a page without one)."""
    if context.get("meta_description"):
        return strip_tags(str(context["meta_description"]))[:300]
    if not isinstance(page, Page):
        return ""
    for field in ("search_description", "lead", "intro"):
        value = getattr(page, field, "")
        if value:
            return strip_tags(str(value))[:300]
    return ""


ARTICLE_TYPES = {"news.newspage"}


@register.simple_tag
def og_type(page=None):
    model = page.specific_class if isinstance(page, Page) else None
    if model is not None and model._meta.label_lower in ARTICLE_TYPES:
        return "article"
    return "website"


@register.simple_tag
def og_locale(language_code):
    return OG_LOCALES.get(language_code, "vi_VN")


@register.simple_tag(takes_context=True)
def organisation_json_ld(context):
    """schema.org GovernmentOrganization for the home page."""
    info = portal_info(context)
    home = site_home(context)
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": info.get("organisation", ""),
        "alternateName": info.get("portal_name", ""),
    }
    if home is not None:
        data["url"] = home.get_full_url(request)
    if info.get("address"):
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": info["address"],
            "addressCountry": "VN",
        }
    if info.get("phone"):
        data["telephone"] = info["phone"]
    if info.get("email"):
        data["email"] = info["email"]
    return json_ld(data)

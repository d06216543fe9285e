"""Canonical URLs, OpenGraph and schema.org JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.templatetags.navigation_tags import portal_info, site_home

register = template.Library()

# What json_script escapes, so data can never close the <script> element.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


@register.simple_tag
def json_ld(data):
    """`data` as a <script type="application/ld+json"> block (a data block, not code)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    request = context.get("request")
    if isinstance(page, Page):
        url = page.get_full_url(request)
        if url:
            return url
    return request.build_absolute_uri(request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def page_description(context, page=None):
    """search_description, else the page's own summary field, as plain text."""
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

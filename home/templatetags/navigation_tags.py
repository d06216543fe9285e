"""Header, footer, breadcrumbs and language links, for the language being shown."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from home.models import MainMenu, PortalSettings

register = template.Library()

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def _request(context):
    return context.get("request")


def _site(request):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.select_related("root_page").filter(is_default_site=True).first()


def _active_language():
    return (get_language() or "vi").split("-")[0]


@register.simple_tag(takes_context=True)
def site_home(context):
    """The site's home page in the language being shown (falls back to Vietnamese)."""
    if "_site_home" not in context.render_context:
        site = _site(_request(context))
        context.render_context["_site_home"] = site.root_page.localized if site else None
    return context.render_context["_site_home"]


@register.simple_tag(takes_context=True)
def portal_info(context):
    """PortalSettings facts in the language being shown, plus the portal's name."""
    request = _request(context)
    site = _site(request)
    info = PortalSettings.for_site(site).localized(_active_language()) if site else {}
    if site and not info.get("portal_name"):
        info["portal_name"] = site.site_name
    return info


def _menu_for(placement):
    menus = MainMenu.objects.filter(placement=placement).prefetch_related("items__link_page")
    active = Locale.get_active()
    return menus.filter(locale=active).first() or menus.filter(locale=Locale.get_default()).first()


def _link(request, label, url, home_url="/"):
    """A menu link; it is current on its own page and, unless it is a home page, below it."""
    path = request.path if request is not None else ""
    is_home = url in {"/", home_url}
    current = bool(url) and (path == url or (not is_home and path.startswith(url)))
    return {"label": label, "url": url, "current": current}


@register.simple_tag(takes_context=True)
def menu_links(context, placement="header"):
    """The editable menu for `placement` (a MainMenu snippet), as label/url/current."""
    request = _request(context)
    menu = _menu_for(placement)
    if menu is None:
        return _fallback_links(context) if placement == "header" else []
    home = site_home(context)
    home_url = home.get_url(request) if home is not None else "/"
    links = []
    for item in menu.items.all():
        if item.link_page_id:
            if item.link_page is None:
                continue
            target = item.link_page.localized
            if not target.live:
                continue
            url = target.get_url(request)
            if url:
                links.append(_link(request, item.label or target.title, url, home_url))
        elif item.link_url:
            links.append(_link(request, item.label, item.link_url, home_url))
    return links


def _fallback_links(context):
    """Before any menu is edited: home plus the home page's children shown in menus."""
    request = _request(context)
    home = site_home(context)
    if home is None:
        return []
    home_url = home.get_url(request)
    links = [_link(request, home.title, home_url, home_url)]
    for child in home.get_children().live().in_menu():
        links.append(_link(request, child.title, child.get_url(request), home_url))
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """Ancestors from the home page down to the page's parent (empty on the home page)."""
    home = site_home(context)
    if not isinstance(page, Page) or home is None or page.depth <= home.depth:
        return []
    request = _request(context)
    trail = []
    for ancestor in page.get_ancestors().filter(depth__gte=home.depth).live():
        url = ancestor.get_url(request)
        if url:
            trail.append({"label": ancestor.title, "url": url})
    return trail


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """Live versions of `page` in every language, itself included, for hreflang links."""
    if not isinstance(page, Page):
        return []
    request = _request(context)
    versions = []
    for version in page.get_translations(inclusive=True).live().select_related("locale"):
        code = version.locale.language_code
        url = version.get_full_url(request)
        if url:
            versions.append({"code": code, "url": url, "name": LANGUAGE_NAMES.get(code, code)})
    return sorted(versions, key=lambda version: version["code"] != "vi")


@register.simple_tag(takes_context=True)
def other_language_links(context, page=None):
    """Links to the same page in the other languages, or to their home page if untranslated."""
    request = _request(context)
    current = _active_language()
    home = site_home(context)
    links = []
    for code, name in LANGUAGE_NAMES.items():
        if code == current:
            continue
        target = None
        if isinstance(page, Page):
            target = page.get_translations().live().filter(locale__language_code=code).first()
        if target is None and home is not None:
            target = (
                home.get_translations(inclusive=True)
                .live()
                .filter(locale__language_code=code)
                .first()
            )
        if target is not None:
            links.append({"code": code, "name": name, "url": target.get_url(request)})
    return links

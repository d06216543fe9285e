"""Header, footer, breadcrumbs and language links, for the language being shown.

Everything is looked up once per request (see `Navigation`) so the site-wide frame costs a
handful of queries whatever the page.
"""

from functools import cached_property

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from home import menu_cache, route_cache
from home.models import MainMenu, PortalSettings
from home.route_trail import known_ancestors

register = template.Library()

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class Navigation:
    """The site, language, home page, menus and settings of one request, loaded lazily."""

    def __init__(self, request, page=None):
        self.request = request
        self.page = page if isinstance(page, Page) else None
        self.language = (get_language() or "vi").split("-")[0]

    @cached_property
    def site(self):
        site = Site.find_for_request(self.request) if self.request is not None else None
        return site or Site.objects.select_related("root_page").filter(is_default_site=True).first()

    @cached_property
    def locale(self):
        home = self.homes.get(self.language)
        if home is not None:  # read with its locale already
            return home.locale
        return Locale.objects.filter(language_code=self.language).first()

    @cached_property
    def default_locale(self):
        if self.language == settings.LANGUAGE_CODE:
            return self.locale
        return Locale.get_default()

    @cached_property
    def translations(self):
        """{translation key: {language: live page}} for the home page and the page shown.

        One query serves the header (home page per language), the language links and the
        hreflang alternates of the page being shown; it is kept with the routes, under the
        version any page change moves on (home.route_cache).
        """
        if self.site is None:
            return {}
        keys = {self.site.root_page.translation_key}
        if self.page is not None:
            keys.add(self.page.translation_key)

        def read():
            found = {}
            pages = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
            for page in pages:
                found.setdefault(page.translation_key, {})[page.locale.language_code] = page
            return found

        return route_cache.remember(self.request, "translations", sorted(keys), read)

    @cached_property
    def homes(self):
        """The site's home page in every language, by language code (live ones only)."""
        if self.site is None:
            return {}
        return self.translations.get(self.site.root_page.translation_key, {})

    @cached_property
    def home(self):
        if self.site is None:
            return None
        return self.homes.get(self.language) or self.site.root_page

    @cached_property
    def home_url(self):
        return (self.home.get_url(self.request) if self.home is not None else None) or "/"

    @cached_property
    def info(self):
        if self.site is None:
            return {}
        if self.request is not None:
            settings = PortalSettings.for_request(self.request)
        else:
            settings = PortalSettings.for_site(self.site)
        info = settings.localized(self.language)
        if not info.get("portal_name"):
            info["portal_name"] = self.site.site_name
        info.update(settings.identity())
        return info

    @cached_property
    def menu_labels(self):
        """{placement: [(label, url), ...]} from the shared menu cache, read once per request
        (the header and the footer each show a menu: one version check and one read, not two)."""
        if self.site is None:
            return {}
        return menu_cache.get_or_build(self.site.pk, self.language, lambda: _menu_labels(self))

    @cached_property
    def menus(self):
        """MainMenu per placement, in this language, else in the default language."""
        wanted = [self.locale, self.default_locale]
        menus = MainMenu.objects.filter(locale__in=[loc for loc in wanted if loc]).order_by("pk")
        found = {}
        for menu in menus.prefetch_related("items__link_page"):
            current = found.get(menu.placement)
            if current is None or (self.locale and menu.locale_id == self.locale.pk):
                found[menu.placement] = menu
        return found

    def translated(self, pages):
        """Each page in this language when a live translation exists, else itself."""
        if self.locale is None:
            return {page.pk: page for page in pages}
        foreign = [page for page in pages if page.locale_id != self.locale.pk]
        translations = {}
        if foreign:
            for page in Page.objects.live().filter(
                locale=self.locale, translation_key__in={p.translation_key for p in foreign}
            ):
                translations[page.translation_key] = page
        return {page.pk: translations.get(page.translation_key, page) for page in pages}

    def link(self, label, url):
        """A menu link; current on its own page and, unless it is a home page, below it."""
        path = self.request.path if self.request is not None else ""
        is_home = url in {"/", self.home_url}
        current = bool(url) and (path == url or (not is_home and path.startswith(url)))
        return {"label": label, "url": url, "current": current}


def navigation(context):
    request = context.get("request")
    if request is None:
        return Navigation(None)
    if not hasattr(request, "_portal_navigation"):
        request._portal_navigation = Navigation(request, page=context.get("page"))
    return request._portal_navigation


@register.simple_tag(takes_context=True)
def site_home(context):
    """The site's home page in the language being shown (falls back to Vietnamese)."""
    return navigation(context).home


@register.simple_tag(takes_context=True)
def site_home_url(context):
    """The address of the site's home page in the language being shown."""
    return navigation(context).home_url


@register.simple_tag(takes_context=True)
def portal_info(context):
    """PortalSettings facts in the language being shown, plus the portal's name."""
    return navigation(context).info


@register.simple_tag(takes_context=True)
def menu_links(context, placement="header"):
    """The editable menu for `placement` (a MainMenu snippet), as label/url/current."""
    nav = navigation(context)
    return [nav.link(label, url) for label, url in nav.menu_labels.get(placement, [])]


def _menu_labels(nav):
    """{placement: [(label, url), ...]} for every menu of this language, plain data to cache."""
    found = {}
    for placement, menu in nav.menus.items():
        items = list(menu.items.all())
        pages = [item.link_page for item in items if item.link_page is not None]
        targets = nav.translated(pages)
        found[placement] = []
        for item in items:
            if item.link_page is not None:
                target = targets[item.link_page.pk]
                url = target.get_url(nav.request) if target.live else None
                if url:
                    found[placement].append((item.label or target.title, url))
            elif item.link_url:
                found[placement].append((item.label, item.link_url))
    if "header" not in found and nav.home is not None:
        found["header"] = _fallback_labels(nav)
    return found


def _fallback_labels(nav):
    """Before any menu is edited: home plus the home page's children shown in menus."""
    labels = [(nav.home.title, nav.home_url)]
    for child in nav.home.get_children().live().in_menu():
        labels.append((child.title, child.get_url(nav.request)))
    return labels


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """Ancestors from the home page down to the page's parent (empty on the home page)."""
    nav = navigation(context)
    home = nav.home
    if not isinstance(page, Page) or home is None or page.depth <= home.depth:
        return []
    ancestors = known_ancestors(nav.request, page, home.depth) if nav.request else None
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=home.depth)
    trail = []
    for ancestor in ancestors:
        if not ancestor.live:
            continue
        url = ancestor.get_url(nav.request)
        if url:
            trail.append({"label": ancestor.title, "url": url})
    return trail


def _versions(nav, page):
    """Live versions of `page` in every language, itself included, keyed by language."""
    key = f"_versions_{page.pk}"
    if not hasattr(nav, key):
        if page.translation_key in nav.translations:  # the page shown, or a home page
            setattr(nav, key, dict(nav.translations[page.translation_key]))
            return getattr(nav, key)
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        setattr(nav, key, {version.locale.language_code: version for version in versions})
    return getattr(nav, key)


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """Live versions of `page` in every language, for hreflang links (Vietnamese first)."""
    if not isinstance(page, Page):
        return []
    nav = navigation(context)
    versions = []
    for code, version in _versions(nav, page).items():
        url = version.get_full_url(nav.request)
        if url:
            versions.append({"code": code, "url": url, "name": LANGUAGE_NAMES.get(code, code)})
    return sorted(versions, key=lambda version: version["code"] != "vi")


@register.simple_tag(takes_context=True)
def other_language_links(context, page=None):
    """Links to the same page in the other languages, or to their home page if untranslated."""
    nav = navigation(context)
    versions = _versions(nav, page) if isinstance(page, Page) else {}
    links = []
    for code, name in LANGUAGE_NAMES.items():
        if code == nav.language:
            continue
        target = versions.get(code) or nav.homes.get(code)
        if target is not None:
            links.append({"code": code, "name": name, "url": target.get_url(nav.request)})
    return links

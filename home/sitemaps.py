"""sitemap.xml: every live public page in every language, with hreflang alternates, and
what sections serve outside the page tree (procedures, published answers, …).

Sections add their own with Wagtail's hook mechanism, from their `wagtail_hooks.py`:

    @hooks.register("register_sitemaps")
    def procedure_sitemaps():
        return {"procedures": ProcedureSitemap}

Each hook returns {name: Sitemap class}: a `SectionSitemap` (`location()` returns a path,
prefixed with the Wagtail Site's root URL like the pages', not with whatever host the request
named), or Wagtail's for pages (given the request). All sections share one file.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

SITEMAPS_HOOK = "register_sitemaps"


def portal_sitemaps():
    """{name: Sitemap class}: the page tree first, then every registered section."""
    sections = {"pages": PortalSitemap}
    for hook in hooks.get_hooks(SITEMAPS_HOOK):
        sections.update(hook())
    return sections


class SectionSitemap(DjangoSitemap):
    """Addresses outside the page tree (procedures, answers, announcements), on the default
    Site's scheme, host and port, so they match the pages' canonical addresses."""

    def get_urls(self, page=1, site=None, protocol=None):
        default = Site.objects.filter(is_default_site=True).first()
        if default is None:
            return super().get_urls(page=page, site=site, protocol=protocol)
        root = urlsplit(default.root_url)
        return self._urls(page, root.scheme, root.netloc)


class PortalSitemap(Sitemap):
    def roots(self):
        return self.get_wagtail_site().root_page.get_translations(inclusive=True)

    def items(self):
        under_a_root = Q()
        for root in self.roots():
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)

        urls = []
        for item in pages:
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
                for other in translations[item.translation_key]
            ]
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

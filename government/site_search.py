"""Units and leaders as one type of the site search ("Cơ quan, lãnh đạo"), with their contacts.

Searched through Wagtail's search like the page sources, but registered as its own source so
that each hit's summary is the contact a visitor is looking for (phone, e-mail, address)
rather than an intro. Units and leaders use `FoldedSearchMixin`, so "so tu phap" finds
"Sở Tư pháp". Results are in the visitor's language (English unit pages under /en/).
"""

from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from sitesearch.site_search import ExternalSource, Hit, MappedHits, search_terms, wagtail_query

from .models import LeaderPage, UnitPage

KEY = "co-quan"


def contact_summary(page):
    parts = []
    if isinstance(page, LeaderPage):
        parts.append(page.position)
    elif page.address:
        parts.append(_t("Địa chỉ: %(value)s") % {"value": page.address})
    if page.phone:
        parts.append(_t("Điện thoại: %(value)s") % {"value": page.phone})
    if page.email:
        parts.append(_t("Thư điện tử: %(value)s") % {"value": page.email})
    return " · ".join(parts)


def to_hit(page):
    page = page.specific
    kind = _t("Lãnh đạo") if isinstance(page, LeaderPage) else _t("Cơ quan, đơn vị")
    return Hit(title=page.title, url=page.get_url(), kind=kind, summary=contact_summary(page))


def search(query, language_code):
    terms = search_terms(query)
    locale = Locale.objects.filter(language_code=language_code).first()
    if not terms or locale is None:
        return []
    pages = Page.objects.live().public().type(UnitPage, LeaderPage).filter(locale=locale)
    return MappedHits(pages.search(wagtail_query(terms)), to_hit)


SOURCE = ExternalSource(KEY, _("Cơ quan, lãnh đạo"), search)

"""The procedure directory as one type of the site search ("Thủ tục hành chính").

The site search asks the directory's own search (`procedures.queries.search_procedures`:
Elasticsearch, or the database when Elasticsearch is not configured or fails), so a
procedure is found the same way here as on the directory page: diacritics optional, kí/ký
alike, codes by prefix.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.links import procedure_url_builder
from procedures.queries import SearchParams, search_procedures
from sitesearch.site_search import PER_PAGE, ExternalSource, Hit, PagedHits

KEY = "thu-tuc"


def procedure_hit(result):
    """A directory result as a site-search hit: its name, code, levels and field."""
    facts = [_("Mã %(code)s") % {"code": result["code"]}]
    if result["levels"]:
        facts.append(", ".join(str(level["name"]) for level in result["levels"]))
    if result["field"]:
        facts.append(result["field"])
    return Hit(
        title=result["name"],
        url=result["url"],
        kind=_("Thủ tục hành chính"),
        summary=" · ".join(facts),
    )


def search(query, language_code):
    url_for = procedure_url_builder()

    def fetch(page_number, page_size):
        params = SearchParams(q=query, page=page_number, page_size=page_size)
        response = search_procedures(params, url_for)
        return [procedure_hit(result) for result in response.results], response.count

    return PagedHits(fetch, PER_PAGE)


SOURCE = ExternalSource(KEY, gettext_lazy("Thủ tục hành chính"), search)

"""Published questions and answers as one type of the site search ("Hỏi đáp").

Only `PublishedQuestion` is searched: the anonymised copy made at approval, which has no
field for a name, address, phone or e-mail (see models/publication.py). Its search columns
are folded, so the query is folded too and "dang ky" finds "Đăng ký"; `folded_query` adds
the directory's synonyms and the kí/ký spellings.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from sitesearch.site_search import ExternalSource, Hit, MappedHits, folded_query, search_terms

from .models import DialogueIndexPage, PublishedQuestion

KEY = "hoi-dap"
SUMMARY_WORDS = 40


def search(query, language_code):
    terms = folded_query(search_terms(query))
    page = DialogueIndexPage.objects.live().public().first()
    if terms is None or page is None:
        return []
    results = get_search_backend().search(terms, PublishedQuestion.objects.all())
    # The section page's address once, then each answer's address without a query.
    base = page.get_url() or "/"

    def to_hit(publication):
        return Hit(
            title=publication.title,
            url=base + page.reverse_subpage("detail", args=(publication.pk,)),
            kind=str(_("Hỏi đáp")),
            summary=Truncator(publication.question_text).words(SUMMARY_WORDS),
            date=publication.answered_on,
        )

    return MappedHits(results, to_hit)


SOURCE = ExternalSource(KEY, _("Hỏi đáp"), search)

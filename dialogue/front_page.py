"""The home page's "recently answered questions" slot: the latest published answers.

Reads `PublishedQuestion` only (anonymised, see models/publication.py); publishing or
withdrawing an answer empties the page cache (PAGE_CACHE_PURGE_MODELS), so the home page
shows the change at once.
"""

from home import front_page

from .models import PublishedQuestion

RECENT_ANSWERS = 5


def recent_answers(home, request):
    page = front_page.section_page(home, request, "dialogue.DialogueIndexPage")
    if page is None:
        return []
    base = page.get_url(request) or "/"
    latest = PublishedQuestion.objects.order_by("-published_at", "-pk").only(
        "pk", "title", "answered_on"
    )[:RECENT_ANSWERS]
    return [
        {
            "title": item.title,
            "url": base + page.reverse_subpage("detail", args=(item.pk,)),
            "date": item.answered_on,
        }
        for item in latest
    ]

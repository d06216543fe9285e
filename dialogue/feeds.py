"""RSS of published answers. Items are PublishedQuestion rows: no personal data to leak."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import PublishedQuestion

ITEMS = 30


class PublishedQuestionsFeed(Feed):
    def __init__(self, page):
        super().__init__()
        self.page = page

    def title(self):
        return _("%(page)s – %(site)s") % {
            "page": self.page.title,
            "site": settings.WAGTAIL_SITE_NAME,
        }

    def link(self):
        return self.page.url or "/"

    def description(self):
        return self.page.intro or _("Câu hỏi của người dân và câu trả lời của cơ quan nhà nước.")

    def items(self):
        return PublishedQuestion.objects.select_related("answering_body").order_by(
            "-published_at", "-pk"
        )[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers render descriptions as HTML: citizen-derived text is escaped first.
        return escape(
            _("%(body)s trả lời: %(answer)s")
            % {"body": item.answering_body.name, "answer": Truncator(item.answer_text).words(60)}
        )

    def item_link(self, item):
        return self.page.subpage_url("detail", item.pk)

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.answering_body.name

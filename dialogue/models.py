from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class DialogueIndexPage(Page):
    """ "Trao đổi và tháo gỡ": where citizens ask and read published answers."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang trao đổi và tháo gỡ")

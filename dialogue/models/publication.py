"""The public, anonymised copy of an answered question.

Public pages, the RSS feed and search read only this model. It has no field for a name,
address, phone, e-mail or attachment, so none can leak by accident: anonymity holds by
construction. The texts are copied at approval, after `dialogue.masking.mask` has masked
the asker's own identity and anything shaped like an e-mail or an identity number.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.vietnamese import fold

from .directory import Agency, Sector
from .questions import Question


class PublishedQuestion(index.Indexed, models.Model):
    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="publication", editable=False
    )
    title = models.CharField(_("tiêu đề"), max_length=200)
    question_text = models.TextField(_("nội dung câu hỏi"))
    answer_text = models.TextField(_("nội dung trả lời"))
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+"
    )
    addressee = models.ForeignKey(
        Agency, verbose_name=_("gửi tới"), on_delete=models.PROTECT, related_name="+"
    )
    answering_body = models.ForeignKey(
        Agency, verbose_name=_("cơ quan trả lời"), on_delete=models.PROTECT, related_name="+"
    )
    asker = models.CharField(_("người hỏi"), max_length=150)
    asked_on = models.DateField(_("ngày hỏi"))
    answered_on = models.DateField(_("ngày trả lời"))
    published_at = models.DateTimeField(_("ngày công khai"), db_index=True)
    # Folded (no diacritics, lower case) copies for search: "dang ky" finds "Đăng ký".
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    search_fields = [
        index.SearchField("search_title", boost=3),
        index.SearchField("search_text"),
        index.FilterField("sector"),
        index.FilterField("addressee"),
        index.FilterField("published_at"),
    ]

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("câu hỏi đã công khai")
        verbose_name_plural = _("câu hỏi đã công khai")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_title = fold(self.title)
        self.search_text = fold(f"{self.question_text} {self.answer_text}")
        super().save(*args, **kwargs)

    def get_url(self, request=None):
        """The public detail page, under the live "Trao đổi và tháo gỡ" page (None if none)."""
        from .pages import DialogueIndexPage

        page = DialogueIndexPage.objects.live().first()
        return page.subpage_url("detail", self.pk, request=request) if page else None

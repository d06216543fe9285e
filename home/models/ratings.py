from django.db import models
from django.utils.translation import gettext_lazy as _


class PageRating(models.Model):
    """One answer to "Bạn có hài lòng với thông tin này không?" (Decree 42/2022 Art. 8d).

    `visitor` is a keyed hash of the visitor's address, kept only to rate-limit; the
    address itself is never stored.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="ratings")
    satisfied = models.BooleanField(_("hài lòng"))
    visitor = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("đánh giá thông tin")
        verbose_name_plural = _("đánh giá thông tin")
        indexes = [models.Index(fields=["visitor", "created_at"])]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.satisfied else '-'}"

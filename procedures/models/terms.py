"""How many results each logged search term found, for the "Search terms" report.

Wagtail's `Query` counts how often a term is searched; it does not know whether anything was
found. The site search records the count of its last answer here, so the report can mark the
terms that found nothing and offer "add a synonym" from the row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchTermResult(models.Model):
    query_string = models.CharField(_("từ tìm kiếm"), max_length=255, unique=True)
    results = models.PositiveIntegerField(_("số kết quả lần gần nhất"), default=0)
    searched_at = models.DateTimeField(_("lần tìm gần nhất"), auto_now=True)

    class Meta:
        verbose_name = _("kết quả từ tìm kiếm")
        verbose_name_plural = _("kết quả từ tìm kiếm")

    def __str__(self):
        return f"{self.query_string}: {self.results}"

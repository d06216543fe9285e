"""Where the visitor counters live: the shared store of every app server (the database).

A visit is one row of `Visit`, inserted once with a key nobody else can produce, so N
visitors arriving at once on any number of processes make exactly N rows. Rows of past days
are folded into `VisitDay` (the daily history the charts read) by `stats.store.roll_up`,
which moves rows and counts in one transaction: the figures are exact at every moment.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visit(models.Model):
    """A visit of today (or of a day not rolled up yet): one row per visit, never per request."""

    id = models.UUIDField(primary_key=True)
    visitor = models.UUIDField(_("khách"))
    day = models.DateField(_("ngày"), db_index=True)
    last_seen = models.DateTimeField(_("lần cuối thấy"), db_index=True)

    class Meta:
        verbose_name = _("lượt truy cập")
        verbose_name_plural = _("lượt truy cập")

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.pk}"


class VisitDay(models.Model):
    """How many visits began on each day: the history kept for charts."""

    day = models.DateField(_("ngày"), primary_key=True)
    visits = models.PositiveIntegerField(_("số lượt truy cập"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("lượt truy cập theo ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"

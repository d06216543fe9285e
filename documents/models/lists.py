"""The managed lists a document picks from: its type, its issuing body and its field.

Editors keep them in *Snippets → Văn bản*; the search facets read their names. A row in use
cannot be deleted (PROTECT), so no document loses its type or issuer by accident.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NamedListItem(models.Model):
    name = models.CharField(_("tên"), max_length=255, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class DocumentType(NamedListItem):
    """Luật, Nghị định, Quyết định, Công văn …"""

    class Meta(NamedListItem.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class Issuer(NamedListItem):
    """Quốc hội, Chính phủ, UBND tỉnh …"""

    class Meta(NamedListItem.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class DocumentField(NamedListItem):
    """Lĩnh vực: Hành chính, Đất đai, Giáo dục …"""

    class Meta(NamedListItem.Meta):
        verbose_name = _("lĩnh vực văn bản")
        verbose_name_plural = _("lĩnh vực văn bản")

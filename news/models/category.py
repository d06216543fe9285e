from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NewsCategory(index.Indexed, models.Model):
    """A news section ("Cải cách hành chính", "Thông báo", ...).

    A snippet rather than a page level: an article's URL does not change when it moves to
    another category, and "same category" is one indexed column on the article.
    """

    name = models.CharField(_("tên chuyên mục"), max_length=100, unique=True)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Chữ không dấu, nối bằng gạch ngang, ví dụ: cai-cach-hanh-chinh."),
    )
    description = models.TextField(_("mô tả"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    def __str__(self):
        return self.name

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin


class MainMenu(TranslatableMixin, ClusterableModel):
    """An editable menu, one per placement and language (translate it for English)."""

    class Placement(models.TextChoices):
        HEADER = "header", _("Menu chính (đầu trang)")
        FOOTER = "footer", _("Liên kết chân trang")

    placement = models.CharField(
        _("vị trí"), max_length=20, choices=Placement.choices, default=Placement.HEADER
    )

    panels = [FieldPanel("placement"), InlinePanel("items", label=_("Mục menu"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menu")
        unique_together = [("translation_key", "locale"), ("placement", "locale")]

    def __str__(self):
        return f"{self.get_placement_display()} ({self.locale.language_code})"


def validate_link(value):
    if not value.startswith(("/", "https://", "http://")):
        raise ValidationError(_("Nhập đường dẫn bắt đầu bằng / hoặc https://."))


class MenuItem(Orderable):
    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(
        _("nhãn"), max_length=100, blank=True, help_text=_("Để trống: dùng tiêu đề trang.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        _("đường dẫn"), max_length=500, blank=True, validators=[validate_link]
    )

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = _("mục menu")

    def __str__(self):
        return self.label or (self.link_page.title if self.link_page else self.link_url)

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Chọn một trang hoặc nhập một đường dẫn (chỉ một trong hai)."))
        if self.link_url and not self.label:
            raise ValidationError({"label": _("Mục có đường dẫn cần có nhãn.")})

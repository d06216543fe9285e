from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Facts shown in every page's header and footer, editable by the portal's editors."""

    organisation = models.CharField(
        _("cơ quan chủ quản"), max_length=255, default="Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    portal_name_en = models.CharField(
        _("tên cổng (tiếng Anh)"),
        max_length=255,
        blank=True,
        help_text=_("Hiển thị ở đầu các trang tiếng Anh."),
    )
    organisation_en = models.CharField(
        _("cơ quan chủ quản (tiếng Anh)"), max_length=255, blank=True
    )
    address_en = models.CharField(_("địa chỉ (tiếng Anh)"), max_length=255, blank=True)
    licence_en = models.CharField(_("giấy phép (tiếng Anh)"), max_length=255, blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("licence"),
        MultiFieldPanel(
            [
                FieldPanel("portal_name_en"),
                FieldPanel("organisation_en"),
                FieldPanel("address_en"),
                FieldPanel("licence_en"),
            ],
            heading=_("Trang tiếng Anh"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin cổng")

    def localized(self, language_code):
        """The footer's facts in `language_code`, English falling back to Vietnamese."""
        english = language_code == "en"

        def pick(name):
            return (english and getattr(self, f"{name}_en")) or getattr(self, name, "")

        return {
            "portal_name": self.portal_name_en if english else "",
            "organisation": pick("organisation"),
            "address": pick("address"),
            "licence": pick("licence"),
            "phone": self.phone,
            "email": self.email,
        }

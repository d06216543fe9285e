from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home import menu_cache
from home.branding import colours
from home.branding.logo import logo_kind, validate_logo

SETTINGS_KEY = "portal:settings"
SETTINGS_VERSION_KEY = "portal:settings:version"
SETTINGS_SECONDS = 300  # bounds the life of copies no version points to any more


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Facts shown in every page's header and footer, editable by the portal's editors."""

    class Locality(models.TextChoices):
        """What visitors' text calls the place: a province, or one of the centrally-run cities
        (Thành phố Huế, Hà Nội…), so the same portal says "lãnh đạo tỉnh" or "lãnh đạo thành
        phố" without a template edit."""

        PROVINCE = "tinh", _("tỉnh")
        CITY = "thanh-pho", _("thành phố")

    portal_name = models.CharField(
        _("tên cổng"),
        max_length=255,
        blank=True,
        help_text=_("Dòng chữ lớn ở dải tên đầu trang. Để trống: dùng tên của Site."),
    )
    organisation = models.CharField(
        _("cơ quan chủ quản"), max_length=255, default="Ủy ban nhân dân thành phố Huế"
    )
    locality = models.CharField(
        _("địa phương là"),
        max_length=10,
        choices=Locality.choices,
        default=Locality.PROVINCE,
        help_text=_(
            "Từ dùng trong các câu như “Gửi câu hỏi tới lãnh đạo tỉnh”, “Toàn tỉnh”: chọn "
            "“thành phố” cho thành phố trực thuộc trung ương."
        ),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(_("giấy phép"), max_length=255, blank=True)
    logo = models.FileField(
        _("biểu trưng"),
        upload_to="branding/",
        blank=True,
        validators=[validate_logo],
        help_text=_(
            "Tệp SVG hoặc PNG (PNG ít nhất 180×180 điểm ảnh, gần vuông). Biểu tượng trang "
            "(favicon) và biểu tượng ứng dụng được tạo từ tệp này. Để trống: dùng biểu trưng "
            "mặc định của cổng."
        ),
    )
    colour_brand = models.CharField(
        _("màu chủ đạo"),
        max_length=7,
        default=colours.DEFAULTS["brand"],
        validators=[colours.validate_hex],
        help_text=_("Nền dải tên và nút bấm; chữ trắng trên nền này."),
    )
    colour_accent = models.CharField(
        _("màu nhấn"),
        max_length=7,
        default=colours.DEFAULTS["accent"],
        validators=[colours.validate_hex],
        help_text=_("Tên cơ quan trên dải tên và đường viền; đặt trên màu chủ đạo."),
    )
    colour_link = models.CharField(
        _("màu liên kết"),
        max_length=7,
        default=colours.DEFAULTS["link"],
        validators=[colours.validate_hex],
        help_text=_("Liên kết trên nền trắng và nền xám nhạt."),
    )
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
        FieldPanel("portal_name"),
        FieldPanel("organisation"),
        FieldPanel("locality"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("licence"),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("colour_brand"),
                FieldPanel("colour_accent"),
                FieldPanel("colour_link"),
            ],
            heading=_("Nhận diện"),
        ),
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

    @classmethod
    def for_site(cls, site):
        """The settings row, from the shared cache when it holds it.

        Every page reads these; from the database that is one query (about 1 ms of an
        uncached article, #21). They sit under a version key, as menus do (home/menu_cache.py):
        saving or deleting the row bumps it (home/signal_handlers.py), so a copy read from
        the database before a save and stored after it is never used, on any app server.
        """
        key = f"{SETTINGS_KEY}:{cache.get(SETTINGS_VERSION_KEY, 0)}:{site.pk}"
        found = cache.get(key)
        if found is None:
            found = super().for_site(site)
            cache.set(key, found, SETTINGS_SECONDS)
        return found

    @staticmethod
    def forget(**kwargs):
        menu_cache.bump(SETTINGS_VERSION_KEY)

    def clean(self):
        super().clean()
        chosen = (self.colour_brand, self.colour_accent, self.colour_link)
        if all(colours.HEX.match(colour or "") for colour in chosen):
            errors = colours.contrast_errors(*chosen)
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.logo and not self.logo.name.lower().endswith((".svg", ".png")):
            # Name the file after what it contains, so it is served with the right type.
            self.logo.file.seek(0)
            kind = logo_kind(self.logo.file.read())
            self.logo.file.seek(0)
            self.logo.name = f"{self.logo.name.rsplit('.', 1)[0]}.{kind}"
        super().save(*args, **kwargs)

    @property
    def has_custom_colours(self):
        return self.chosen_colours != colours.DEFAULTS

    @property
    def chosen_colours(self):
        return {"brand": self.colour_brand, "accent": self.colour_accent, "link": self.colour_link}

    def identity(self):
        """The emblem and the colour overrides every page's head and header need."""
        version = "-".join(self.chosen_colours.values()).replace("#", "")
        return {
            "emblem_url": self.logo.url if self.logo else static("img/emblem.svg"),
            "emblem_is_svg": not self.logo or self.logo.name.lower().endswith(".svg"),
            "theme_css_version": version if self.has_custom_colours else "",
            "theme_colour": self.colour_brand,
        }

    def localized(self, language_code):
        """The footer's facts in `language_code`, English falling back to Vietnamese."""
        english = language_code == "en"

        def pick(name):
            return (english and getattr(self, f"{name}_en")) or getattr(self, name, "")

        return {
            "portal_name": self.portal_name_en if english else self.portal_name,
            "organisation": pick("organisation"),
            "address": pick("address"),
            "licence": pick("licence"),
            "phone": self.phone,
            "email": self.email,
            "locality": self.get_locality_display(),
        }

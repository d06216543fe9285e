"""Colour tokens and the WCAG 2.1 contrast check that guards them.

Editors choose three colours; each is used against a fixed partner (white text on the brand
band, the gold accent on the brand band, links on white and on the footer's surface), so each
pair must reach 4.5:1 (WCAG 1.4.3) or the settings form refuses it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM = 4.5
WHITE = "#ffffff"
SURFACE = "#f6f3f2"
DEFAULTS = {"brand": "#8a1c14", "accent": "#ffd54f", "link": "#0b4f9c"}


def validate_hex(value):
    if not HEX.match(value or ""):
        raise ValidationError(_("Mã màu phải có dạng #RRGGBB, ví dụ #8a1c14."))


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour):
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first, second):
    """WCAG contrast ratio of two #rrggbb colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker(colour, factor=0.78):
    """The brand's darker shade (the menu bar): each channel scaled towards black."""
    channels = (round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def pairs(brand, accent, link):
    """(field, foreground, background, what it is) for every pair the portal shows."""
    return [
        ("colour_brand", WHITE, brand, _("chữ trắng trên dải tên")),
        ("colour_accent", accent, brand, _("màu nhấn trên dải tên")),
        ("colour_link", link, WHITE, _("liên kết trên nền trắng")),
        ("colour_link", link, SURFACE, _("liên kết ở chân trang")),
    ]


def contrast_errors(brand, accent, link):
    """{field: [Vietnamese message]} for each pair under 4.5:1."""
    errors = {}
    for field, foreground, background, what in pairs(brand, accent, link):
        ratio = contrast(foreground, background)
        if ratio < MINIMUM:
            message = _(
                "Độ tương phản của %(what)s chỉ đạt %(ratio)s:1, cần ít nhất 4,5:1 "
                "để người nhìn kém đọc được."
            ) % {"what": what, "ratio": f"{ratio:.2f}".replace(".", ",")}
            errors.setdefault(field, []).append(message)
    return errors


def theme_css(brand, accent, link):
    """The token overrides, served as /giao-dien.css when they differ from the defaults."""
    return (
        ":root {\n"
        f"  --color-brand: {brand};\n"
        f"  --color-brand-dark: {darker(brand)};\n"
        f"  --color-accent: {accent};\n"
        f"  --color-link: {link};\n"
        f"  --color-info: {link};\n"
        "}\n"
    )

"""Favicon and app icons, drawn with Pillow from the logo (or the default emblem).

An SVG logo is rasterised once by CairoSVG (the logo was checked for external references on
upload, and CairoSVG fetches none unless told to), then Pillow scales it and writes the ICO
(16, 32, 48 px) and the PNG icons. Results are cached under the logo's name, so each size is
drawn once per logo.
"""

import io

import cairosvg
from django.contrib.staticfiles import finders
from django.core.cache import cache
from PIL import Image

from home.branding.logo import PNG_SIGNATURE

DEFAULT_EMBLEM = "img/emblem.svg"
SIZES = {"favicon.ico": 48, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]
CACHE_SECONDS = 24 * 3600


def default_emblem_bytes():
    with open(finders.find(DEFAULT_EMBLEM), "rb") as emblem:
        return emblem.read()


def logo_bytes(settings):
    if settings is not None and settings.logo:
        try:
            with settings.logo.open("rb") as logo:
                return logo.read()
        except OSError:  # the file went missing: the default mark rather than a 500
            pass
    return default_emblem_bytes()


def raster(data, side):
    """The logo as a square RGBA image of `side` pixels, centred on transparency."""
    if data.startswith(PNG_SIGNATURE):
        image = Image.open(io.BytesIO(data)).convert("RGBA")
    else:
        png = cairosvg.svg2png(bytestring=data, output_width=side, output_height=side)
        image = Image.open(io.BytesIO(png)).convert("RGBA")
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    square.paste(image, ((side - image.width) // 2, (side - image.height) // 2), image)
    return square


def render_icon(data, name):
    side = SIZES[name]
    output = io.BytesIO()
    if name.endswith(".ico"):
        raster(data, 256).save(output, format="ICO", sizes=ICO_SIZES)
    else:
        image = raster(data, side)
        if name == "apple-touch-icon.png":  # iOS shows transparency as black
            background = Image.new("RGBA", image.size, (255, 255, 255, 255))
            image = Image.alpha_composite(background, image)
        image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def icon(settings, name):
    """The bytes of icon `name` for these settings' logo, from the cache when drawn before."""
    logo_name = settings.logo.name if settings is not None and settings.logo else "default"
    key = f"portal-icon:{logo_name}:{name}"
    cached = cache.get(key)
    if cached is None:
        cached = render_icon(logo_bytes(settings), name)
        cache.set(key, cached, CACHE_SECONDS)
    return cached

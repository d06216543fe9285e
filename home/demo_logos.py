"""Stand-in logos for the demo's national portal links, drawn with Pillow.

The real portals' logos are their owners' artwork and are not shipped: each demo link gets a
plain badge with the portal's initials, which editors replace by uploading the real logo
(Trang chủ → Liên kết cổng quốc gia → Biểu trưng).
"""

import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

BADGES = {
    "https://dichvucong.gov.vn": ("DVC", "#0b4f9c"),
    "https://chinhphu.vn": ("CP", "#8a1c14"),
    "https://vbpl.vn": ("VB", "#1e6b34"),
}
SIDE = 160


def _badge(initials, colour):
    picture = Image.new("RGB", (SIDE, SIDE), "white")
    pen = ImageDraw.Draw(picture)
    pen.rounded_rectangle([4, 4, SIDE - 4, SIDE - 4], radius=28, fill=colour)
    pen.rounded_rectangle([14, 14, SIDE - 14, SIDE - 14], radius=20, outline="#ffd54f", width=5)
    font = ImageFont.load_default(size=64 if len(initials) < 3 else 48)
    pen.text((SIDE / 2, SIDE / 2), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def logo_for(url):
    """The demo badge image for a national portal's address (created once), or None."""
    if url not in BADGES:
        return None
    initials, colour = BADGES[url]
    title = f"Biểu trưng minh họa: {initials}"
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        image = Image_(title=title, description="")
        image.file = ImageFile(io.BytesIO(_badge(initials, colour)), name=f"cong-{initials}.png")
        image._set_image_file_metadata()
        image.save()
    return image

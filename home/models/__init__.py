"""The home app's models, one module per thing an editor manages."""

from .navigation import MainMenu, MenuItem
from .pages import ContactOfficial, ContactPage, HomePage, NationalPortalLink, StandardPage
from .portal_settings import PortalSettings
from .ratings import PageRating

__all__ = [
    "ContactOfficial",
    "ContactPage",
    "HomePage",
    "MainMenu",
    "MenuItem",
    "NationalPortalLink",
    "PageRating",
    "PortalSettings",
    "StandardPage",
]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    """The site search `/tim-kiem/`. Its sources register themselves from their own apps'
    `ready()` (procedures, dialogue, government); it has no models of its own."""

    name = "sitesearch"
    verbose_name = _("Tìm kiếm trên cổng")

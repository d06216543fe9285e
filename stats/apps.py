from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Thống kê và lượt truy cập")

    def ready(self):
        from stats import front_page

        front_page.connect()

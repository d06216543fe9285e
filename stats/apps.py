from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Thống kê và lượt truy cập")

    def ready(self):
        from home import front_page
        from stats.front_page import key_statistics
        from stats.signal_handlers import register_signal_handlers

        front_page.register("key_statistics", key_statistics)
        register_signal_handlers()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernmentConfig(AppConfig):
    name = "government"
    verbose_name = _("Chính quyền")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import front_page
        from sitesearch import site_search

        from .front_page import upcoming_schedule, valid_announcements
        from .signal_handlers import register_signal_handlers
        from .site_search import SOURCE

        site_search.register(SOURCE)
        front_page.register("announcements", valid_announcements)
        front_page.register("schedule", upcoming_schedule)
        register_signal_handlers()

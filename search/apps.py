from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm và thủ tục hành chính")

    def ready(self):
        from search import signals, site_search
        from search.site_search_procedures import SOURCE

        signals.connect()
        site_search.register(SOURCE)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    """The procedure directory. Its label stays "search", the app's first name, so that its
    tables (search_procedure, ...), migrations and permissions keep their names."""

    name = "procedures"
    label = "search"
    verbose_name = _("Tìm kiếm và thủ tục hành chính")

    def ready(self):
        from sitesearch import site_search

        from .signal_handlers import register_signal_handlers
        from .site_search import SOURCE

        register_signal_handlers()
        site_search.register(SOURCE)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Trao đổi và tháo gỡ")

    def ready(self):
        from search import site_search

        from .site_search import SOURCE

        site_search.register(SOURCE)

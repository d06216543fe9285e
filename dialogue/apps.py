from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Trao đổi và tháo gỡ")

    def ready(self):
        from home import front_page
        from sitesearch import site_search

        from .front_page import recent_answers
        from .site_search import SOURCE

        site_search.register(SOURCE)
        front_page.register("recent_answers", recent_answers)

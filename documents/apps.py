from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from documents.signal_handlers import register_signal_handlers

        register_signal_handlers()

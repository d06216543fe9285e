from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Vận hành")

    def ready(self):
        from ops.signal_handlers import register_signal_handlers

        register_signal_handlers()

"""Forget the home page's key figures when a procedure or a dossier row is saved or deleted.

Wagtail's convention: connected from `StatsConfig.ready()`, each receiver with `sender=`.
"""

from django.db.models.signals import post_delete, post_save

from procedures.models import Procedure
from stats.front_page import forget_key_figures
from stats.models import DossierStatistic


def register_signal_handlers():
    for model in (DossierStatistic, Procedure):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                forget_key_figures,
                sender=model,
                dispatch_uid=f"home-key-figures-{name}-{model.__name__}",
            )

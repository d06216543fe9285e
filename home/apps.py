from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ")

    def ready(self):
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from home import menu_cache
        from home.models import MainMenu, MenuItem

        for model in (MainMenu, MenuItem):
            post_save.connect(menu_cache.invalidate, sender=model, dispatch_uid=f"menus-{model}")
            post_delete.connect(menu_cache.invalidate, sender=model, dispatch_uid=f"menud-{model}")
        post_delete.connect(menu_cache.invalidate, sender=Page, dispatch_uid="menus-page-del")
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(menu_cache.invalidate, dispatch_uid=f"menus-{signal}")

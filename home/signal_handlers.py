"""Forget the cached menus when a menu or a page they may link to changes, this process's
Sites when a Site changes, the cached portal settings when they change, and the cached routes
(home.route_cache) when a page, a Site, a Locale or a view restriction changes.

Wagtail's convention: connected from `HomeConfig.ready()`, each receiver with `sender=`
(every page model for Wagtail's page signals, the base `Page` row for deletions).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home import menu_cache, route_cache, site_lookup
from home.models import MainMenu, MenuItem, PortalSettings


def register_signal_handlers():
    post_save.connect(site_lookup.forget, sender=Site, dispatch_uid="site-lookup-saved")
    post_delete.connect(site_lookup.forget, sender=Site, dispatch_uid="site-lookup-deleted")
    post_save.connect(PortalSettings.forget, sender=PortalSettings, dispatch_uid="settings-saved")
    post_delete.connect(PortalSettings.forget, sender=PortalSettings, dispatch_uid="settings-del")
    for model in (MainMenu, MenuItem):
        post_save.connect(menu_cache.invalidate, sender=model, dispatch_uid=f"menus-{model}")
        post_delete.connect(menu_cache.invalidate, sender=model, dispatch_uid=f"menud-{model}")
    post_delete.connect(menu_cache.invalidate, sender=Page, dispatch_uid="menus-page-del")
    page_signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "slug": page_slug_changed,
        "moved": post_page_move,
    }
    for model in get_page_models():
        for name, signal in page_signals.items():
            uid = f"menus-{name}-{model._meta}"
            signal.connect(menu_cache.invalidate, sender=model, dispatch_uid=uid)
        # Routes: a publish, an unpublish or a new slug saves the page too; a move does not.
        post_save.connect(route_cache.page_saved, sender=model, dispatch_uid=f"routes-{model}")
        post_page_move.connect(route_cache.invalidate, sender=model, dispatch_uid=f"routem-{model}")
    post_delete.connect(route_cache.invalidate, sender=Page, dispatch_uid="routes-page-del")
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(route_cache.invalidate, sender=model, dispatch_uid=f"routes-{model}")
        post_delete.connect(route_cache.invalidate, sender=model, dispatch_uid=f"routed-{model}")

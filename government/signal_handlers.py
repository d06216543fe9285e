"""Keeps the dialogue section's addressee list ("Gửi tới") in step with units and leaders.

The question form lists `dialogue.Agency` rows (questions, assignments and answering bodies'
permissions all point at them). Here they are *written from* the government data: publishing
a Vietnamese leader or unit page that accepts questions creates or updates its agency
(name, e-mail, order) and links the page to it; unpublishing, or unticking "nhận câu hỏi",
takes it off the form (the row stays, for the questions already addressed to it).
An existing agency of the same name is adopted, so addressees from before keep their
questions (`manage.py sync_dialogue_addressees` does it for every page at once).

Saving an announcement also drops this process's copy of the home page's announcements
(government/live.py), so the editor sees the change at once.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from . import live
from .addressees import sync_page, withdraw_page
from .models import Announcement, LeaderPage, UnitPage


def on_published(sender, instance, **kwargs):
    sync_page(instance)


def on_unpublished(sender, instance, **kwargs):
    withdraw_page(instance)


def on_announcement_changed(sender, **kwargs):
    """This process shows the change at once; other processes within their refresh time."""
    live.forget("announcements")


def register_signal_handlers():
    post_save.connect(on_announcement_changed, sender=Announcement, dispatch_uid="gov-ann-save")
    post_delete.connect(on_announcement_changed, sender=Announcement, dispatch_uid="gov-ann-delete")
    for model in (LeaderPage, UnitPage):
        page_published.connect(on_published, sender=model, dispatch_uid=f"gov-pub-{model.__name__}")
        page_unpublished.connect(
            on_unpublished, sender=model, dispatch_uid=f"gov-unpub-{model.__name__}"
        )

"""Announcements (`/thong-bao/<id>/`) in /sitemap.xml (registered in wagtail_hooks). Units and
leaders are pages, so the page tree's own sitemap already lists them in both languages."""

from django.utils import timezone

from government.models import Announcement, AnnouncementIndexPage
from home.sitemaps import SectionSitemap


class AnnouncementSitemap(SectionSitemap):
    def items(self):
        self.section = (
            AnnouncementIndexPage.objects.live().public().filter(locale__language_code="vi").first()
        )
        if self.section is None:
            return Announcement.objects.none()
        started = Announcement.objects.filter(valid_from__lte=timezone.now())
        return started.only("pk", "valid_from").order_by("pk")

    def location(self, announcement):  # a path: the Site's root URL is prefixed
        path = self.section.get_url_parts()[2]
        return path + self.section.reverse_subpage("detail", args=[announcement.pk])

    def lastmod(self, announcement):
        return announcement.valid_from

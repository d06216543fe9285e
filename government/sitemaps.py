"""Announcements (`/thong-bao/<id>/`) in /sitemap.xml (registered in wagtail_hooks). Units and
leaders are pages, so the page tree's own sitemap already lists them in both languages."""

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from government.models import Announcement, AnnouncementIndexPage


class AnnouncementSitemap(Sitemap):
    def items(self):
        self.section = (
            AnnouncementIndexPage.objects.live().public().filter(locale__language_code="vi").first()
        )
        if self.section is None:
            return Announcement.objects.none()
        started = Announcement.objects.filter(valid_from__lte=timezone.now())
        return started.only("pk", "valid_from").order_by("pk")

    def location(self, announcement):  # a path: Django prefixes the request's scheme and host
        path = self.section.get_url_parts()[2]
        return path + self.section.reverse_subpage("detail", args=[announcement.pk])

    def lastmod(self, announcement):
        return announcement.valid_from

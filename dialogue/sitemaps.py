"""Published answers (<section>/<id>/) in /sitemap.xml (registered in wagtail_hooks).

Reads PublishedQuestion only: a question not yet answered and approved has no public page.
"""

from dialogue.models import DialogueIndexPage, PublishedQuestion
from home.sitemaps import SectionSitemap


class PublishedAnswerSitemap(SectionSitemap):
    def items(self):
        self.section = DialogueIndexPage.objects.live().public().first()
        if self.section is None:
            return PublishedQuestion.objects.none()
        return PublishedQuestion.objects.only("pk", "published_at").order_by("pk")

    def location(self, publication):  # a path: the Site's root URL is prefixed
        path = self.section.get_url_parts()[2]
        return path + self.section.reverse_subpage("detail", args=[publication.pk])

    def lastmod(self, publication):
        return publication.published_at

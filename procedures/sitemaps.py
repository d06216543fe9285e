"""Procedure pages (<directory>/<code>/) in /sitemap.xml (registered in wagtail_hooks)."""

from home.sitemaps import SectionSitemap
from procedures.links import directory_page
from procedures.models import Procedure


class ProcedureSitemap(SectionSitemap):
    """Every procedure of the catalogue, at its page under the live directory page; none
    while there is no directory page (the API record is not a page)."""

    def items(self):
        self.directory = directory_page()
        if self.directory is None:
            return Procedure.objects.none()
        return Procedure.objects.only("code", "updated_at").order_by("code")

    def location(self, procedure):  # a path: the Site's root URL is prefixed
        return f"{self.directory.get_url_parts()[2]}{procedure.code}/"

    def lastmod(self, procedure):
        return procedure.updated_at

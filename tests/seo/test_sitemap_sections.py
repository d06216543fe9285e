"""sitemap.xml lists procedures and published answers beside the pages, and sections plug in
through the "register_sitemaps" hook."""

import re
import xml.etree.ElementTree as ET

from wagtail import hooks

from home.sitemaps import SITEMAPS_HOOK, SectionSitemap
from procedures.models import Procedure, ProcedureDirectoryPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return [node.text for node in tree.findall("s:url/s:loc", NS)]


def test_lists_every_procedure_and_published_answer_once(client, sections):
    found = locations(client)
    procedures = [url for url in found if re.search(r"/thu-tuc-hanh-chinh/\d", url)]
    answers = [url for url in found if "/trao-doi-va-thao-go/" in url]

    assert len(procedures) == Procedure.objects.count() == 84
    # Every address on the Site's root URL, like the pages', whatever host the request named.
    assert all(url.startswith("http://localhost/") for url in found)
    assert "http://localhost/thu-tuc-hanh-chinh/1.001193/" in procedures
    assert len(set(found)) == len(found)
    # The section page itself (a page) and one answer: the pending question has no page.
    assert answers == [
        "http://localhost/trao-doi-va-thao-go/",
        f"http://localhost/trao-doi-va-thao-go/{sections.pk}/",
    ]
    for url in (procedures[0], answers[1]):
        assert client.get(url.replace("http://localhost", "")).status_code == 200


def test_procedures_leave_with_their_directory_page(client, sections):
    ProcedureDirectoryPage.objects.get().unpublish()
    assert not any("/thu-tuc-hanh-chinh/" in url for url in locations(client))


class _Extra(SectionSitemap):
    def items(self):
        return ["/co-cau-to-chuc/so-tu-phap/"]

    def location(self, item):
        return item


def test_a_section_adds_its_own_through_the_hook(client, home_page):
    with hooks.register_temporarily(SITEMAPS_HOOK, lambda: {"units": _Extra}):
        found = locations(client)
    assert "http://localhost/co-cau-to-chuc/so-tu-phap/" in found
    assert "http://localhost/" in found  # the page tree is still there

"""Point the default Site at the address the portal is served on.

Wagtail builds every absolute link (canonical, hreflang, the sitemap, links in e-mails to
editors) from the Site's hostname and port, so a demo served on 127.0.0.1:8080 must say so;
otherwise every such link points to http://localhost/.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

# Listening on every interface is not an address a browser can open.
BROWSABLE = {"0.0.0.0": "127.0.0.1", "::": "localhost", "[::]": "localhost"}  # noqa: S104


class Command(BaseCommand):
    help = "Sets the default Site's hostname and port (e.g. `set_site_address 127.0.0.1 8000`)."

    def add_arguments(self, parser):
        parser.add_argument("host")
        parser.add_argument("port", type=int)

    def handle(self, *args, host, port, **options):
        if not 0 < port < 65536:
            raise CommandError(f"Cổng không hợp lệ: {port}")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Chưa có Site mặc định; chạy load_demo_data trước.")
        hostname = BROWSABLE.get(host, host)
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()  # saving a Site empties the page cache (PAGE_CACHE_PURGE_MODELS)
        self.stdout.write(f"Site: http://{hostname}:{port}/")

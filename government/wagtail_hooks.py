from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import GovernmentViewSetGroup

register_snippet(GovernmentViewSetGroup)


@hooks.register("register_sitemaps")
def announcement_sitemaps():
    from government.sitemaps import AnnouncementSitemap

    return {"announcements": AnnouncementSitemap}

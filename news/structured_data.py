"""What an article tells other sites: OpenGraph tags, schema.org NewsArticle, share links."""

from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from portal.jsonld import json_ld_text

SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def _description(article):
    return article.lead or article.search_description or ""


def social_image_url(article, request):
    if article.image is None:
        return ""
    try:
        rendition = article.image.get_rendition(SOCIAL_IMAGE_SPEC)
    except SourceImageIOError:  # the file is missing from storage: share without a picture
        return ""
    if rendition.url.startswith(("http://", "https://")):  # remote storage
        return rendition.url
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + rendition.url


def site_name(request):
    site = Site.find_for_request(request)
    return site.site_name if site and site.site_name else ""


def opengraph(article, request):
    """(property, content) pairs for <meta property=…> in the page head."""
    tags = [
        ("og:type", "article"),
        ("og:locale", "vi_VN"),
        ("og:site_name", site_name(request)),
        ("og:title", article.seo_title or article.title),
        ("og:description", _description(article)),
        ("og:url", article.get_full_url(request)),
        ("og:image", social_image_url(article, request)),
        ("og:image:alt", article.image.description if article.image else ""),
        ("article:published_time", _iso(article.date)),
        ("article:modified_time", _iso(article.updated_at)),
        ("article:section", article.category.name if article.category else ""),
    ]
    return [(name, content) for name, content in tags if content]


def news_article_json_ld(article, request):
    """schema.org NewsArticle as a JSON string safe to place inside <script>."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": _description(article),
        "datePublished": _iso(article.date),
        "dateModified": _iso(article.updated_at),
        "inLanguage": "vi",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.get_full_url(request)},
        "publisher": {"@type": "GovernmentOrganization", "name": site_name(request)},
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    elif article.source:
        data["author"] = {"@type": "Organization", "name": article.source}
    if article.category:
        data["articleSection"] = article.category.name
    image = social_image_url(article, request)
    if image:
        data["image"] = [image]
    data = {key: value for key, value in data.items() if value}
    return json_ld_text(data)


def share_links(article, request):
    url = article.get_full_url(request)
    title = article.title
    return [
        (
            _("Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        (
            _("X (Twitter)"),
            "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}),
        ),
        (
            _("LinkedIn"),
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        (
            _("Thư điện tử"),
            "mailto:?" + urlencode({"subject": title, "body": url}).replace("+", "%20"),
        ),
    ]

from django import template

from news import listing

register = template.Library()


@register.inclusion_tag("news/includes/featured_news.html", takes_context=True)
def featured_news(context, limit=4):
    """ "Tin nổi bật" for the home page: {% load news_tags %}{% featured_news %}."""
    return {"request": context.get("request"), "articles": listing.featured(limit)}

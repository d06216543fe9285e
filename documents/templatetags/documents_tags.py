from django import template

from documents.links import document_urls

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_basis_rows(context, documents):
    """[(row, URL or "")] for a procedure's legal-basis rows: linked when the document is here."""
    rows = list(documents)
    urls = document_urls([row.number for row in rows], context.get("request"))
    return [(row, urls.get(row.number, "")) for row in rows]

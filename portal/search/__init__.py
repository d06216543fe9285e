"""Search plumbing shared by every index the portal searches (procedures, documents).

The procedure directory (`procedures/`) and the legal documents (`documents/`) both import
from here and never from each other: the Elasticsearch connection and its error rule
(`elastic`), the alias-swap rebuild and bulk loading (`indexes`), the words a query and a
document are split into (`text`), marking matched words (`highlight`), the result shape
(`response`), parameter validation (`params`) and id lists for the database fallback
(`database`). Vietnamese folding itself is `portal.vietnamese`. Wagtail's own search (the
admin, `Page.search`) is configured here too: `wagtail_backend`.
"""

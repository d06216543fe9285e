"""The one result shape every search returns, from Elasticsearch or the database (pages and the
JSON API render it): procedures and documents alike."""

import math
from dataclasses import dataclass, field


@dataclass
class SearchResponse:
    count: int
    results: list
    facets: dict
    backend: str  # "elasticsearch" or "database"
    page: int = 1
    page_size: int = 20
    fuzzy: bool = False  # words the catalogue lacks were corrected (a lower tier of results)
    corrected_query: str = ""  # the corrected query, shown as "Kết quả cho: …"
    # Elasticsearch failed and the database answered: never cached (page cache, browsers), so
    # visitors get Elasticsearch's answers again as soon as it is back.
    degraded: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    def as_json(self):
        return {
            "count": self.count,
            "page": self.page,
            "num_pages": self.num_pages,
            "results": [
                {key: value for key, value in hit.items() if not key.endswith("_html")}
                | {"highlight": {"name": hit["name_html"], "snippet": hit["snippet_html"]}}
                for hit in self.results
            ],
            "facets": self.facets,
            "backend": self.backend,
            "corrected_query": self.corrected_query,
        }

"""/api/v1/openapi.json: a valid OpenAPI 3 document (openapi-spec-validator), describing
every /api/v1/ route, and the API's real answers match what it says."""

import re

import pytest
from django.core.management import call_command
from openapi_schema_validator import OAS31Validator
from openapi_schema_validator import validate as validate_instance
from openapi_spec_validator import validate as validate_document

from documents.models import DocumentIndexPage
from tests.conftest import add_page
from tests.documents.conftest import make_document
from tests.ops.test_permissions import route_patterns
from tests.procedures.conftest import catalogue, database_search, directory  # noqa: F401 - fixtures

from .conftest import at, make_article, make_image, make_question, publish

DOCUMENT = "/api/v1/openapi.json"


@pytest.fixture
def document(client, db):
    response = client.get(DOCUMENT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def openapi_path(route):
    """A URLconf route as OpenAPI writes it: <int:pk> and (?P<code>…) become {id}, {code}."""
    path = "/" + route.lstrip("^").rstrip("$")
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", path)
    path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
    return path.replace("{pk}", "{id}")


def test_document_is_valid_openapi(document):
    validate_document(document)  # raises on any violation of the OpenAPI 3.1 schema
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Dữ liệu mở – Cổng thông tin điện tử tỉnh"


def test_the_generator_has_no_warning(tmp_path, db):
    """drf-spectacular warns when it must guess (an undescribed view, a name clash)."""
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", tmp_path / "api.json")


def test_every_api_route_is_described(document):
    routes = {
        openapi_path(route) for route in route_patterns() if route.lstrip("^").startswith("api/v1/")
    }
    routes.discard(DOCUMENT)

    assert routes == set(document["paths"])
    assert {
        "/api/v1/news/",
        "/api/v1/questions/",
        "/api/v1/procedures/",
        "/api/v1/procedures/{code}/",
        "/api/v1/procedures/autocomplete/",
        "/api/v1/visits/",
    } <= routes
    for path, item in document["paths"].items():
        assert set(item) == {"get"}, f"{path} must be read-only"
        assert item["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def test_lists_document_their_filters_and_pages(document):
    def parameters(path):
        return {p["name"] for p in document["paths"][path]["get"]["parameters"]}

    assert parameters("/api/v1/news/") == {
        "category",
        "date",
        "date_from",
        "date_to",
        "lang",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/questions/") >= {"sector", "agency", "date", "page"}
    news_errors = document["paths"]["/api/v1/news/"]["get"]["responses"]
    assert {"400", "404", "429"} <= set(news_errors)


def resolved(node, components):
    """The schema with every $ref replaced by the component it names."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return resolved(components[name], components)
        return {key: resolved(value, components) for key, value in node.items()}
    if isinstance(node, list):
        return [resolved(value, components) for value in node]
    return node


def assert_matches_document(document, path, status, response):
    operation = document["paths"][path]["get"]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    schema = resolved(schema, document["components"]["schemas"])
    assert response.status_code == status, response.content[:300]
    validate_instance(response.json(), schema, cls=OAS31Validator)


@pytest.fixture
def content(news_index, categories, section, sector, leader, agency, moderator, answerer):
    article = make_article(
        news_index, categories["thong-bao"], "Một tin", at(2024, 10, 27), image=make_image()
    )
    make_article(news_index, None, "Tin không chuyên mục, không ảnh", at(2024, 10, 26))
    question = publish(make_question(sector, leader), agency, moderator, answerer)
    index = add_page(news_index.get_parent(), DocumentIndexPage, title="Văn bản", slug="van-ban")
    legal = make_document(index, "12/2024/QĐ-UBND", "Quy định tiếp nhận hồ sơ trực tuyến")
    return article, question.publication, legal


@pytest.mark.usefixtures("catalogue", "database_search", "directory")
def test_real_answers_match_the_document(client, document, content):
    article, publication, legal = content
    checks = [
        ("/api/v1/news/", "/api/v1/news/", 200),
        ("/api/v1/news/{id}/", f"/api/v1/news/{article.pk}/", 200),
        ("/api/v1/news/", "/api/v1/news/?date=hôm-nay", 400),
        ("/api/v1/news/", "/api/v1/news/?page=9", 404),
        ("/api/v1/questions/", "/api/v1/questions/", 200),
        ("/api/v1/questions/{id}/", f"/api/v1/questions/{publication.pk}/", 200),
        ("/api/v1/procedures/", "/api/v1/procedures/?q=khai+sinh", 200),
        ("/api/v1/procedures/", "/api/v1/procedures/?level=vu-tru", 400),
        ("/api/v1/procedures/{code}/", "/api/v1/procedures/1.001193/", 200),
        ("/api/v1/procedures/{code}/", "/api/v1/procedures/9.999999/", 404),
        ("/api/v1/procedures/autocomplete/", "/api/v1/procedures/autocomplete/?q=khai", 200),
        ("/api/v1/visits/", "/api/v1/visits/", 200),
        ("/api/v1/documents/", "/api/v1/documents/", 200),
        ("/api/v1/documents/", "/api/v1/documents/?year=12", 400),
        ("/api/v1/documents/{id}/", f"/api/v1/documents/{legal.pk}/", 200),
        ("/api/v1/documents/{id}/", "/api/v1/documents/99999999/", 404),
    ]
    for path, url, status in checks:
        assert_matches_document(document, path, status, client.get(url))


def test_a_throttled_answer_matches_the_document(client, settings, document, db):
    settings.API_RATE_LIMIT = "1/minute"
    settings.PAGE_CACHE_ENABLED = False
    client.get("/api/v1/questions/")
    assert_matches_document(document, "/api/v1/questions/", 429, client.get("/api/v1/questions/"))

"""The suite really talks to PostgreSQL and Elasticsearch (no mocks)."""

import uuid

import pytest
from django.db import connection

from portal.vietnamese import fold


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_is_postgresql_with_unicode_text():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT upper(%s), current_setting('server_encoding')", ["đăng ký"])
        upper, encoding = cursor.fetchone()
    assert upper == "ĐĂNG KÝ"
    assert encoding == "UTF8"


@pytest.mark.elasticsearch
def test_elasticsearch_finds_folded_vietnamese(es_client):
    index = f"test-foundation-{uuid.uuid4().hex[:8]}"
    es_client.indices.create(index=index, mappings={"properties": {"name": {"type": "text"}}})
    try:
        es_client.index(index=index, document={"name": fold("Đăng ký khai sinh")}, refresh=True)
        es_client.index(
            index=index, document={"name": fold("Cấp giấy phép xây dựng")}, refresh=True
        )

        hits = es_client.search(index=index, query={"match": {"name": fold("dang ky khai sinh")}})

        names = [hit["_source"]["name"] for hit in hits["hits"]["hits"]]
        assert names[0] == "dang ky khai sinh"
        assert len(names) == 1
    finally:
        es_client.indices.delete(index=index)


def test_fold_strips_vietnamese_diacritics():
    assert fold("Đăng ký khai sinh") == "dang ky khai sinh"
    assert fold("  Thừa   Thiên Huế ") == "thua thien hue"
    assert fold("") == ""

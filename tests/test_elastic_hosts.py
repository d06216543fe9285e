"""ELASTICSEARCH_URL names one node or every node of a cluster (comma-separated)."""

from portal.search import elastic


def test_one_url_is_one_node(settings):
    settings.ELASTICSEARCH_URL = "http://es1:9200"
    assert elastic.hosts() == ["http://es1:9200"]


def test_a_cluster_is_every_node_comma_separated(settings):
    settings.ELASTICSEARCH_URL = " http://es1:9200, http://es2:9200 ,"
    assert elastic.hosts() == ["http://es1:9200", "http://es2:9200"]


def test_unset_is_no_node(settings):
    settings.ELASTICSEARCH_URL = ""
    assert elastic.hosts() == [] and not elastic.is_configured()

"""API errors never echo raw input: an invalid value is quoted neutralised and truncated."""

import pytest

LIST = "/api/v1/procedures/"
ATTACK = '<script>alert("x")</script>' + "A" * 5000


@pytest.mark.django_db
@pytest.mark.parametrize("parameter", ["level", "online", "sort"])
def test_invalid_choice_is_quoted_neutralised_and_truncated(client, parameter):
    response = client.get(LIST, {parameter: ATTACK})

    assert response.status_code == 400
    message = response.json()["error"]
    assert "không hợp lệ" in message
    for raw in ("<", ">", '"', "script>", "A" * 41):
        assert raw not in message
    assert "·script·alert" in message and "…" in message
    assert len(message) < 120


@pytest.mark.django_db
def test_a_plain_invalid_value_is_still_named(client):
    response = client.get(LIST, {"level": "quoc-te"})
    assert response.json()["error"] == "Cấp thực hiện không hợp lệ: quoc-te."

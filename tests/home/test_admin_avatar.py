"""No Gravatar in the admin (WAGTAIL_GRAVATAR_PROVIDER_URL = None): Wagtail would otherwise
point every editor's avatar at a third-party server that learns a hash of their e-mail, and
the admin's Content-Security-Policy blocks it, so the avatar showed as a broken image."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_admin_screens_show_the_built_in_avatar_not_gravatar(client, settings):
    editor = get_user_model().objects.create_superuser(
        "bientap-avatar", "nguyen.van.a@hue.gov.vn", "x"
    )
    client.force_login(editor)

    screens = {
        url: client.get(url).content.decode()
        for url in ("/admin/", "/admin/account/", "/admin/users/")
    }

    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    for url, html in screens.items():
        assert "gravatar" not in html.lower(), url
    assert "default-user-avatar" in screens["/admin/"]  # the sidebar's avatar
    assert "default-user-avatar" in screens["/admin/users/"]  # the users list

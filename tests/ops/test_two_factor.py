"""Optional two-factor login for staff (STAFF_TWO_FACTOR): password, then a TOTP code."""

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFY = "/admin/xac-thuc/"
PASSWORD = "mat-khau-dung-1"  # noqa: S105 - a test account


@pytest.fixture
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR = True
    return settings


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("canbo", "canbo@example.vn", PASSWORD)


def password_login(client):
    response = client.post("/admin/login/", {"username": "canbo", "password": PASSWORD})
    assert response.status_code == 302  # the password itself is right
    return response


def current_code(device, offset=0):
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{code:06d}"


def wrong_code(device):
    """A code valid in none of the accepted time steps."""
    valid = {current_code(device, offset) for offset in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in valid)


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


@pytest.mark.django_db
def test_password_alone_does_not_open_the_admin(client, staff, two_factor_on):
    confirmed_device(staff)
    password_login(client)

    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY + "?next=")

    page = client.get(VERIFY + "?next=/admin/pages/")
    assert page.status_code == 200
    assert "Nhập mã 6 chữ số" in page.content.decode()
    assert "<svg" not in page.content.decode()  # already enrolled: no QR code again


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_then_even_the_right_one_waits(client, staff, two_factor_on):
    device = confirmed_device(staff)
    password_login(client)

    refused = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/"})
    hurried = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})

    assert refused.status_code == 400
    assert "Mã xác thực không đúng hoặc đã hết hạn" in refused.content.decode()
    assert hurried.status_code == 429  # django-otp's back-off after a wrong code
    assert "Đã nhập sai mã nhiều lần" in hurried.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_malformed_code_is_refused(client, staff, two_factor_on):
    confirmed_device(staff)
    password_login(client)

    for code in ("12ab56", "12345", ""):
        response = client.post(VERIFY, {"code": code, "next": "/admin/"})
        assert response.status_code == 400
    assert "Mã xác thực gồm đúng 6 chữ số" in client.post(VERIFY, {"code": "12ab"}).content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_current_code_opens_the_admin_where_the_user_was_going(client, staff, two_factor_on):
    device = confirmed_device(staff)
    password_login(client)

    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_next_never_leaves_the_site(client, staff, two_factor_on):
    device = confirmed_device(staff)
    password_login(client)

    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})

    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_first_login_enrols_an_authenticator_with_a_qr_code(client, staff, two_factor_on):
    password_login(client)

    page = client.get(VERIFY)
    html = page.content.decode()
    assert page.status_code == 200
    assert "quét mã QR" in html and "<svg" in html
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    assert "no-store" in page["Cache-Control"]

    assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 400
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # the back-off after a wrong code has passed
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_unverified_session_is_anonymous_outside_the_admin(
    client, staff, two_factor_on, home_page
):
    confirmed_device(staff)
    password_login(client)

    page = client.get("/").content.decode()

    assert "wagtail-userbar" not in page  # editors' toolbar: only for a verified session
    assert client.post(VERIFY, {"code": current_code(TOTPDevice.objects.get())}).status_code == 302
    assert "wagtail-userbar" in client.get("/").content.decode()


@pytest.mark.django_db
def test_switched_off_the_password_is_enough(client, staff, settings):
    settings.STAFF_TWO_FACTOR = False
    confirmed_device(staff)
    password_login(client)

    assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY + "?next=/admin/pages/")["Location"] == "/admin/pages/"


@pytest.mark.django_db
def test_citizens_and_public_pages_are_untouched(client, two_factor_on, home_page):
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # to the password login, as always
    assert "/admin/login/" in client.get("/admin/")["Location"]


@pytest.mark.django_db
def test_reset_two_factor_makes_the_user_enrol_again(client, staff, two_factor_on):
    confirmed_device(staff)
    call_command("reset_two_factor", "canbo")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    password_login(client)
    assert "<svg" in client.get(VERIFY).content.decode()

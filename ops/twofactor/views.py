"""The code step of the staff login: enrol an authenticator app once, then a code each time."""

import math
from base64 import b32encode

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ops.twofactor.middleware import is_staff
from ops.twofactor.qr import qr_svg


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Mã xác thực (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": _("Hãy nhập mã 6 chữ số từ ứng dụng xác thực."),
            "invalid": _("Mã xác thực gồm đúng 6 chữ số."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


WRONG_CODE = _("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị.")


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/admin/"


def _device(user):
    """The user's confirmed TOTP device, or the one being enrolled (created on first visit)."""
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed:
        return confirmed
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return pending or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


@never_cache
def verify(request):
    if not is_staff(request.user):
        return redirect("wagtailadmin_login")
    if not settings.STAFF_TWO_FACTOR or request.user.is_verified():
        return redirect(_next_url(request))
    device = _device(request.user)
    form = CodeForm(request.POST or None)
    status, error = 200, ""
    allowed, why = device.verify_is_allowed()
    if request.method == "POST" and not allowed:  # repeated wrong codes: django-otp's back-off
        form, error, status = CodeForm(), throttled_message(why), 429
    elif request.method == "POST":
        if form.is_valid() and device.verify_token(form.cleaned_data["code"].strip()):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        if form.is_valid():
            form.add_error("code", WRONG_CODE)
        status = 400
    context = {
        "form": form,
        "error": error,
        "next": _next_url(request),
        "enrolling": not device.confirmed,
    }
    if not device.confirmed:
        context.update(
            qr_svg=qr_svg(device.config_url),
            secret=device_secret(device),
            issuer=settings.OTP_TOTP_ISSUER,
        )
    return render(request, "ops/two_factor.html", context, status=status)


def throttled_message(why):
    seconds = 1
    locked_until = (why or {}).get("locked_until")
    if locked_until:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return _("Đã nhập sai mã nhiều lần. Hãy chờ %(n)d giây rồi thử lại.") % {"n": seconds}


def device_secret(device):
    """The key in base32, in groups of four, for typing into an app without a camera."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))

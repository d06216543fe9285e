"""Staff who signed in with a password but not yet with a code get nothing more than that.

Under /admin/ they are sent to the code step (ops.twofactor.views); anywhere else they are
anonymous visitors, so no staff-only view (attachments, previews) opens on a password alone.
Install after django_otp.middleware.OTPMiddleware.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

ADMIN = "/admin/"
EXEMPT = (  # the steps before the code, and the admin's translated JS strings
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/xac-thuc/",
    "/admin/jsi18n/",
)


def is_staff(user):
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


def needs_code(user):
    return is_staff(user) and not user.is_verified()


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.STAFF_TWO_FACTOR or request.path_info.startswith(EXEMPT):
            return self.get_response(request)
        if not needs_code(request.user):
            return self.get_response(request)
        if request.path_info.startswith(ADMIN):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        request.user = AnonymousUser()

        async def anonymous():
            return request.user

        request.auser = anonymous
        return self.get_response(request)

"""Credential stuffing: a limit per address across usernames, on top of django-axes' lock per
username and address.

Why not axes' own `AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]`:
axes (8.3) compares one `AXES_FAILURE_LIMIT` with the largest failure count over all its
parameter sets, and the count for the address alone is never smaller than the count for a
username at that address. The address limit would then be the only one, at 5: a provincial
office behind one NAT address would be locked out by five typos of five colleagues.

So this handler keeps axes' records, lockout page (429), cool-off and `axes_reset_ip`
command, and adds a second, higher limit: `LOGIN_ADDRESS_FAILURE_LIMIT` failures from one
address, whatever the usernames, within axes' cool-off period, lock that address. Axes
stores one row per username and address, so the count is a sum over the address's rows.
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


class AddressLimitHandler(AxesDatabaseHandler):
    """Axes' database handler plus the per-address limit across usernames."""

    def address_failures(self, request):
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        since = timezone.now() - datetime.timedelta(hours=float(settings.AXES_COOLOFF_TIME))
        total = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
            total=Sum("failures_since_start")
        )["total"]
        return total or 0

    def address_locked(self, request):
        return self.address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT

    def is_locked(self, request, credentials=None):
        # Axes asks only after its allow-list (AXES_NEVER_LOCKOUT_WHITELIST and friends).
        if super().is_locked(request, credentials):
            return True
        return settings.AXES_LOCK_OUT_AT_FAILURE and self.address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if (
            request is not None
            and settings.AXES_LOCK_OUT_AT_FAILURE
            and not self.is_whitelisted(request, credentials)
            and self.address_locked(request)
        ):
            request.axes_locked_out = True
            request.axes_credentials = credentials

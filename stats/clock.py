"""The one clock the counters read, so that tests can move time forward."""

from django.utils import timezone


def now():
    return timezone.now()

from django.urls import path
from wagtail import hooks

from ops.twofactor import views as two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("xac-thuc/", two_factor.verify, name="two_factor_verify")]

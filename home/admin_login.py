"""The admin's login form with a translatable password label.

Wagtail's `LoginForm` redeclares `password` without a label, so Django falls back to the
field name and every language sees "Password". Selected by `WAGTAILADMIN_USER_LOGIN_FORM`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class PortalLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")

"""Small page builders for the site-wide tests (no demo fixture needed)."""

from wagtail.models import Locale, Page

from home.models import HomePage
from tests.conftest import add_page


def english_home(home_page, **fields):
    """The English translation of `home_page`, a second root as Wagtail's i18n has it."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    fields.setdefault("title", "Home")
    fields.setdefault("slug", "home-en-test")
    page = Page.get_first_root_node().add_child(
        instance=HomePage(locale=english, translation_key=home_page.translation_key, **fields)
    )
    page.save_revision().publish()
    return page


def translate(page, parent, **fields):
    """Publish a translation of `page` under `parent` (already in the target language)."""
    return add_page(
        parent,
        type(page),
        locale=parent.locale,
        translation_key=page.translation_key,
        **fields,
    )

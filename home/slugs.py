"""Page slugs in plain ASCII from Vietnamese titles: "Khánh thành cầu đi bộ" ->
"khanh-thanh-cau-di-bo", never "kh%C3%A1nh-..." nor Wagtail's "tnh-m-djng".

Two places make a slug, and both fold with `portal.vietnamese.slugify()`:
- the admin's slug field, filled from the title as the editor types by Wagtail's `w-slug`
  Stimulus controller. Its own transliteration has no Vietnamese table (letters with two
  marks, "ỉ", "ồ", are dropped), so `VietnameseSlugInput` hands it, through the widget's
  supported `formatters`, one character class per ASCII letter built from the same folding.
  The page editor gets it for every SlugField; the copy-page form, which Wagtail builds by
  hand with its own `SlugInput` and no title-to-slug sync, gets it through the pages'
  `copy_form_class` (`VietnameseCopyForm`), with the new title filling the new slug too;
- the model, for pages saved without a slug or with a non-ASCII one (code, imports, the API):
  `AsciiSlugMixin` folds the slug, or makes it from the title (numbered "-2", "-3" when a
  sibling has it, as Wagtail does), before Wagtail's own validation runs.

WAGTAIL_ALLOW_UNICODE_SLUGS is False (portal/settings/base.py), so the slug field also refuses
a non-ASCII slug typed by hand if the script did not run.
"""

from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.widgets.slug import SlugInput

from portal.vietnamese import folded_letters, slugify

# Decomposed text (a base letter followed by combining marks) loses its marks first.
_COMBINING_MARKS = "[\u0300-\u036f]"


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, folding Vietnamese letters before its own clean-up."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        folding = [(_COMBINING_MARKS, "")]
        folding += [
            (f"[{letters}]", ascii_letter) for ascii_letter, letters in folded_letters().items()
        ]
        super().__init__(attrs=attrs, formatters=folding + list(formatters or []), locale=locale)


class VietnameseCopyForm(CopyForm):
    """Wagtail's copy-page form, its new slug folded and filled from the new title as typed.

    The title field gets the attributes Wagtail's `TitleFieldPanel` gives the page editor's
    title (the `w-sync` controller); like there, the slug follows the title only while it is
    still the title's slug, so a slug the editor changed by hand is left alone.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_slug"].widget = VietnameseSlugInput(locale=self.page.locale)
        self.fields["new_title"].widget.attrs.update(
            {
                "data-controller": "w-sync",
                "data-action": "focus->w-sync#check blur->w-sync#apply "
                "change->w-sync#apply keyup->w-sync#apply",
                "data-w-sync-target-value": "#id_new_slug",
            }
        )


def register_slug_widget(db_field_class):
    """Every slug field of the admin's model forms (pages, snippets) uses the folding widget."""
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(db_field_class, override={"widget": VietnameseSlugInput})


class AsciiSlugMixin:
    """For every page model of the portal: the slug is ASCII whatever the page was saved with."""

    copy_form_class = VietnameseCopyForm  # read by Wagtail's copy view

    def full_clean(self, *args, **kwargs):
        self.fold_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.fold_slug()
        super().minimal_clean()

    def fold_slug(self):
        """Fold a non-ASCII slug; make a missing one from the title, numbered past its siblings'.

        A slug the editor gave keeps its folded form even if a sibling has it: Wagtail's
        uniqueness check then says so (in Vietnamese, locale/vi) instead of renaming it.
        """
        if self.slug:
            if not self.slug.isascii():
                self.slug = slugify(self.slug) or self.slug
            return
        base = slugify(self.title)
        if not base or not (self.path or getattr(self, "_cached_parent_obj", None)):
            # Not in the tree yet: Wagtail cleans again once it is, with the siblings known.
            return
        siblings = self.get_parent().get_children()
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        self.slug = candidate

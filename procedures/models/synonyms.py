"""Citizens' words for procedures ("Từ đồng nghĩa"), edited in the admin.

People rarely type a procedure's official name: they write "sổ hồng", "CMT", "ĐKKD". An entry
here tells the search (`procedures/synonyms.py`, used by both backends) that words are
interchangeable, that a word also means a longer official phrase, or that a word is filler
to be ignored when not every word matches. Expansion happens at query time in Python, so an
edit takes effect on the next search without reindexing (the Elasticsearch mapping stays on
the server's core: no synonym filter).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.vietnamese import normalise

MAX_TERMS = 20  # per entry
MAX_TERM_WORDS = 8  # a term longer than this is a sentence, not a name
MAX_EXPANSION_WORDS = 16  # official phrases are longer
SEPARATOR = ";"


class SynonymKind(models.TextChoices):
    EQUIVALENT = "tuong_duong", _("Tương đương (mỗi từ thay được cho nhau)")
    EXPANSION = "mo_rong", _("Mở rộng một chiều (từ → cụm từ chính thức)")
    FILLER = "bo_qua", _("Từ đệm (bỏ qua khi không khớp đủ mọi từ)")


def split_terms(text):
    """ "CCCD; căn cước công dân" -> ["CCCD", "căn cước công dân"] (commas also separate)."""
    parts = (part.strip() for part in (text or "").replace(",", SEPARATOR).split(SEPARATOR))
    return [part for part in parts if part]


class SearchSynonym(models.Model):
    kind = models.CharField(
        _("loại"), max_length=20, choices=SynonymKind.choices, default=SynonymKind.EQUIVALENT
    )
    terms = models.CharField(
        _("từ người dân gõ"),
        max_length=500,
        help_text=_("Một hay nhiều từ, ngăn cách bằng dấu chấm phẩy: CCCD; căn cước công dân"),
    )
    expansions = models.CharField(
        _("mở rộng thành"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Chỉ cho loại mở rộng: các cụm từ chính thức, ngăn cách bằng dấu chấm phẩy. "
            "Ví dụ: sổ hồng → giấy chứng nhận quyền sở hữu nhà ở"
        ),
    )
    enabled = models.BooleanField(_("đang dùng"), default=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")

    def __str__(self):
        if self.kind == SynonymKind.EXPANSION:
            return f"{self.terms} → {self.expansions}"
        return self.terms

    def term_list(self):
        return split_terms(self.terms)

    def expansion_list(self):
        return split_terms(self.expansions) if self.kind == SynonymKind.EXPANSION else []

    def clean(self):
        errors = {}
        terms = self.term_list()
        if not any(normalise(term).strip() for term in terms):
            errors["terms"] = _("Hãy nhập ít nhất một từ.")
        limits = (
            ("terms", terms, MAX_TERM_WORDS),
            ("expansions", self.expansion_list(), MAX_EXPANSION_WORDS),
        )
        for name, values, most_words in limits:
            if len(values) > MAX_TERMS:
                errors[name] = _("Tối đa %(n)d từ mỗi mục.") % {"n": MAX_TERMS}
            elif any(len(value.split()) > most_words for value in values):
                errors[name] = _("Mỗi từ tối đa %(n)d chữ.") % {"n": most_words}
        if self.kind == SynonymKind.EQUIVALENT and len(terms) < 2 and "terms" not in errors:
            errors["terms"] = _("Một nhóm tương đương cần ít nhất hai từ.")
        if self.kind == SynonymKind.EXPANSION and not self.expansion_list():
            errors["expansions"] = _("Hãy nhập cụm từ mà từ này được mở rộng thành.")
        if errors:
            raise ValidationError(errors)

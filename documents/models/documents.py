"""A legal or direction document (văn bản), its attachments and its relations to others.

Documents are pages under the one "Văn bản" index, so they go through the same Wagtail
workflow as news (Biên tập viên write, Người duyệt publish; see documents/editorial.py).

What a revision must not roll back lives outside the page: the text extracted from an
attachment and its download count are kept per stored file in `AttachmentFile`, because
publishing an older revision would otherwise restore an older count or an empty text.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from documents.attachments import extension_of, validate_attachment
from documents.searchtext import search_fields_for
from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin
from portal.vietnamese import fold


class Source(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Của tỉnh")


class Validity(models.TextChoices):
    IN_FORCE = "in-force", _("Còn hiệu lực")
    NOT_YET = "not-yet", _("Chưa có hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REPEALED = "repealed", _("Bị bãi bỏ")
    REPLACED = "replaced", _("Bị thay thế")


class RelationKind(models.TextChoices):
    """What the document being edited does to the other one."""

    REPLACES = "replaces", _("Thay thế")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    GUIDES = "guides", _("Hướng dẫn")
    REPEALS = "repeals", _("Bãi bỏ")


# How the other document shows the same relation.
INVERSE_LABELS = {
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
    RelationKind.REPEALS: _("Bị bãi bỏ bởi"),
}
# Relations that end the other document's validity once this one takes effect.
ENDING = {RelationKind.REPLACES: Validity.REPLACED, RelationKind.REPEALS: Validity.REPEALED}


def today():
    """Today in Asia/Ho_Chi_Minh (TIME_ZONE): validity changes at the province's midnight."""
    return timezone.localdate()


def validity_on(day, *, in_force_from, expiry_date, ended_on, ended_kind):
    """The validity of a document on `day` (the one rule both search backends mirror)."""
    if ended_on and ended_on <= day:
        return Validity(ended_kind)
    if in_force_from and in_force_from > day:
        return Validity.NOT_YET
    if expiry_date and expiry_date <= day:
        return Validity.EXPIRED
    return Validity.IN_FORCE


def validity_periods(*, in_force_from, expiry_date, ended_on, ended_kind):
    """`validity_on` as periods: {validity: (first day, first day after it)}, None for an
    open end, empty periods left out. Any day falls in exactly one period, the one whose
    validity `validity_on` gives for that day.

    The search index stores these (documents/search_document.py) so that validity on a day
    is one lookup of the day in a date range, for the filter and each bucket of the facet:
    Elasticsearch counts those from its index, where the equivalent date conditions
    ("ended on or before today, or else…") had to be tested document by document.
    """

    def earliest(*days):
        return min((day for day in days if day), default=None)

    def latest(*days):
        return max((day for day in days if day), default=None)

    periods = {}

    def add(validity, start, end):
        if start is None or end is None or start < end:
            periods[validity] = (start, end)

    if ended_on:
        add(Validity(ended_kind), ended_on, None)
    if in_force_from:
        add(Validity.NOT_YET, None, earliest(in_force_from, ended_on))
    if expiry_date:
        add(Validity.EXPIRED, latest(expiry_date, in_force_from), ended_on)
    add(Validity.IN_FORCE, in_force_from, earliest(expiry_date, ended_on))
    return periods


def number_key(number):
    """The number as searched: folded, lower case, no spaces ("61/2018/nd-cp")."""
    return "".join(fold(number).split())


# Sub-paths of the index served by its own routes; documents never take these slugs.
ROUTE_SLUGS = frozenset({"rss", "tai-ve"})


class DocumentIndexPage(AsciiSlugMixin, KnownRestrictionsMixin, RoutablePageMixin, Page):
    """ "Văn bản": the search over every document; documents are its children."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang văn bản")

    def route(self, request, path_components):
        # A document's page in one query, with its three list rows (Wagtail's route takes
        # two for the page alone); anything else goes the usual way.
        if len(path_components) == 1 and path_components[0] not in ROUTE_SLUGS:
            document = (
                LegalDocumentPage.objects.live()
                .child_of(self)
                .select_related("document_type", "issuer", "field")
                .filter(slug=path_components[0])
                .first()
            )
            if document is not None:
                return document.route(request, [])
        return super().route(request, path_components)

    @path("")
    def search(self, request):
        from documents import views

        return views.search_page(request, self)

    @path("rss/")
    def feed(self, request):
        from documents.feeds import NewDocumentsFeed

        return NewDocumentsFeed(self)(request)

    @path("tai-ve/<int:pk>/")
    def download(self, request, pk):
        from documents import views

        return views.download(request, self, pk)


class LegalDocumentPage(AsciiSlugMixin, KnownRestrictionsMixin, Page):
    """One document; the page title is its excerpt (trích yếu)."""

    number = models.CharField(
        _("số, ký hiệu"), max_length=100, help_text=_("Ví dụ: 61/2018/NĐ-CP, 15/2024/QĐ-UBND.")
    )
    document_type = models.ForeignKey(
        "documents.DocumentType",
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        "documents.Issuer",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    field = models.ForeignKey(
        "documents.DocumentField",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(
        _("ngày có hiệu lực"), null=True, blank=True, help_text=_("Trống: từ ngày ban hành.")
    )
    expiry_date = models.DateField(
        _("ngày hết hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Ngày đầu tiên văn bản không còn hiệu lực; trống nếu không định trước."),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("toàn văn"), blank=True)
    source = models.CharField(
        _("nguồn"), max_length=20, choices=Source.choices, default=Source.PROVINCE
    )
    # Derived on save (documents.searchtext) and by documents.validity for relations.
    in_force_from = models.DateField(editable=False, null=True)
    issue_year = models.PositiveSmallIntegerField(editable=False, default=0)
    ended_on = models.DateField(editable=False, null=True)
    ended_kind = models.CharField(editable=False, max_length=20, blank=True)
    number_key = models.CharField(editable=False, max_length=100, default="", db_index=True)
    title_words = models.TextField(editable=False, default="")
    title_search = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("field")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("source")]),
                FieldRowPanel(
                    [
                        FieldPanel("issue_date"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Tệp đính kèm")),
        InlinePanel("relations", label=_("Văn bản liên quan")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("issue_date"),
    ]

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [
            models.Index(fields=["issue_date", "page_ptr"], name="documents_date_idx"),
        ]

    def __str__(self):
        return f"{self.number} – {self.title}"

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *DERIVED_FIELDS}
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.number:
            self.slug = slugify(fold(self.number).replace("/", "-"))[:200]
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        start = self.effective_date or self.issue_date
        if start and self.expiry_date and self.expiry_date <= start:
            raise ValidationError(
                {"expiry_date": _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")}
            )

    def refresh_derived_fields(self):
        self.in_force_from = self.effective_date or self.issue_date
        self.issue_year = self.issue_date.year if self.issue_date else 0
        self.number_key = number_key(self.number)
        for name, value in search_fields_for(self).items():
            setattr(self, name, value)

    def get_template(self, request, *args, **kwargs):
        if request.GET.get(PRINT_PARAMETER):
            return "documents/legal_document_page_print.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from documents.structured_data import json_ld_text, legislation

        context = super().get_context(request, *args, **kwargs)
        attachments = self.attachment_links(request)
        outgoing, incoming = self.related_documents()
        url = self.get_full_url(request)
        context.update(
            attachments=attachments,
            outgoing=outgoing,
            incoming=incoming,
            validity=self.validity(),
            print_url=f"{self.get_url(request)}?{PRINT_PARAMETER}=1",
            json_ld=json_ld_text(legislation(self, url, attachments)),
        )
        return context

    def attachment_links(self, request=None, absolute=False):
        """Each attachment with its download address and count (one query for the counts).

        Downloads are served by the index page (`<index>/tai-ve/<id>/`), the parent of this
        page's address.
        """
        own = self.get_full_url(request) if absolute else self.get_url(request)
        base = own[: -len(self.slug) - 1]
        attachments = list(self.attachments.all())
        counts = dict(
            AttachmentFile.objects.filter(name__in=[a.file.name for a in attachments]).values_list(
                "name", "downloads"
            )
        )
        return [
            {
                "attachment": attachment,
                "url": f"{base}tai-ve/{attachment.pk}/",
                "downloads": counts.get(attachment.file.name, 0),
            }
            for attachment in attachments
        ]

    def validity(self, day=None):
        return validity_on(
            day or today(),
            in_force_from=self.in_force_from or self.effective_date or self.issue_date,
            expiry_date=self.expiry_date,
            ended_on=self.ended_on,
            ended_kind=self.ended_kind,
        )

    @property
    def validity_label(self):
        return self.validity().label

    def related_documents(self):
        """(outgoing, incoming): [(label, document)] for the relations this document declares
        and those other documents declare to it; live and public documents only (a private
        one is listed nowhere), in one query besides Wagtail's read of the restrictions."""
        from django.db.models import Q

        from documents.indexing import indexed

        public = indexed().values("pk")
        rows = DocumentRelation.objects.filter(
            Q(page_id=self.pk, target__in=public) | Q(target_id=self.pk, page__in=public)
        ).select_related("page", "target")
        outgoing, incoming = [], []
        for row in rows.order_by("sort_order", "pk"):
            if row.page_id == self.pk:
                outgoing.append((row.get_kind_display(), row.target))
            else:
                incoming.append((INVERSE_LABELS[RelationKind(row.kind)], row.page))
        return outgoing, incoming


PRINT_PARAMETER = "ban-in"
DERIVED_FIELDS = (
    "in_force_from",
    "issue_year",
    "number_key",
    "title_words",
    "title_search",
    "search_text",
)


def attachment_path(instance, filename):
    return f"van-ban/{datetime.date.today():%Y/%m}/{filename}"


class DocumentAttachment(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file = models.FileField(
        _("tệp"), upload_to=attachment_path, max_length=255, validators=[validate_attachment]
    )

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    @property
    def extension(self):
        return extension_of(self.file.name)


class AttachmentFile(models.Model):
    """Per stored file: its extracted text (for search) and how often it was downloaded.

    Text is extracted by `manage.py extract_document_text` (or the import), never in a
    web request: a 200-page PDF takes seconds.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ trích xuất")
        DONE = "done", _("Đã trích xuất")
        NONE = "none", _("Không có văn bản")
        FAILED = "failed", _("Lỗi")

    name = models.CharField(max_length=255, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    text = models.TextField(blank=True)
    downloads = models.PositiveIntegerField(default=0)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tệp văn bản")

    def __str__(self):
        return self.name


class DocumentRelation(Orderable):
    """`page` replaces / amends / guides / repeals `target`; shown on both documents."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")

    def __str__(self):
        return f"{self.get_kind_display()} {self.target}"

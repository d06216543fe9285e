"""Consultation on drafts ("Lấy ý kiến dự thảo", Decree 42/2022 Art. 8).

A draft is a page under the consultation index, open for comments from its opening date to
its closing date inclusive (days in Asia/Ho_Chi_Minh). Comments are stored before the
visitor sees the confirmation, wait for moderation, and are shown with the commenter's
initials (like the dialogue's answers) unless they wrote as an organisation. After closing,
the drafting agency attaches its synthesis ("Báo cáo tổng hợp, tiếp thu, giải trình").
Both files are kept private and served only by the draft's page (documents/draft_files.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from documents.attachments import extension_of, validate_attachment
from documents.draft_files import PrivateFileInput, private_storage
from documents.models.documents import today
from home.route_cache import KnownRestrictionsMixin
from home.slugs import AsciiSlugMixin


class ConsultationIndexPage(AsciiSlugMixin, KnownRestrictionsMixin, Page):
    """ "Lấy ý kiến dự thảo": the drafts, open ones first."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.DraftPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import EmptyPage, Paginator
        from django.http import Http404

        from documents.consultation import page_number

        context = super().get_context(request, *args, **kwargs)
        drafts = DraftPage.objects.live().public().child_of(self).order_by("-closes_on", "-pk")
        day = today()
        open_first = sorted(drafts, key=lambda draft: not draft.is_open(day))
        try:
            context["drafts"] = Paginator(open_first, 20).page(page_number(request))
        except EmptyPage as error:
            raise Http404(_("Không có trang này.")) from error
        context["day"] = day
        return context


# The draft's files and the sub-routes serving them.
FILE_ROUTES = {"draft_file": "serve_draft_file", "synthesis_file": "serve_synthesis_file"}


def draft_file_path(instance, filename):
    return f"du-thao/{timezone.localdate():%Y/%m}/{filename}"


class DraftPage(AsciiSlugMixin, KnownRestrictionsMixin, RoutablePageMixin, Page):
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung dự thảo"), blank=True)
    draft_file = models.FileField(
        _("tệp dự thảo"),
        upload_to=draft_file_path,
        storage=private_storage,
        blank=True,
        validators=[validate_attachment],
    )
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(
        _("ngày kết thúc lấy ý kiến"), help_text=_("Nhận góp ý hết ngày này.")
    )
    drafting_agency = models.CharField(_("cơ quan chủ trì soạn thảo"), max_length=255)
    contact_name = models.CharField(_("người liên hệ"), max_length=255)
    contact_email = models.EmailField(_("thư điện tử liên hệ"))
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=50, blank=True)
    synthesis_file = models.FileField(
        _("báo cáo tổng hợp, tiếp thu, giải trình"),
        upload_to=draft_file_path,
        storage=private_storage,
        blank=True,
        validators=[validate_attachment],
        help_text=_("Đính kèm sau khi kết thúc lấy ý kiến."),
    )

    parent_page_types = ["documents.ConsultationIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("draft_file", widget=PrivateFileInput),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("drafting_agency"),
                FieldRowPanel(
                    [
                        FieldPanel("contact_name"),
                        FieldPanel("contact_email"),
                        FieldPanel("contact_phone"),
                    ]
                ),
            ],
            heading=_("Lấy ý kiến"),
        ),
        FieldPanel("synthesis_file", widget=PrivateFileInput),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        if self.synthesis_file and self.closes_on and self.closes_on >= today():
            raise ValidationError(
                {"synthesis_file": _("Chỉ đính kèm báo cáo tổng hợp sau khi kết thúc lấy ý kiến.")}
            )

    def is_open(self, day=None):
        day = day or today()
        return self.opens_on <= day <= self.closes_on

    def days_left(self, day=None):
        """Days left including today: 1 on the closing day."""
        day = day or today()
        return (self.closes_on - day).days + 1 if self.is_open(day) else 0

    def has_ended(self, day=None):
        return (day or today()) > self.closes_on

    @property
    def draft_file_extension(self):
        return extension_of(self.draft_file.name) if self.draft_file else ""

    def file_url(self, field_name):
        """Where the page serves the file in `field_name` (FILE_ROUTES), "" if it has none."""
        if not getattr(self, field_name) or not self.url:
            return ""
        return self.url + self.reverse_subpage(FILE_ROUTES[field_name])

    @property
    def draft_file_url(self):
        return self.file_url("draft_file")

    @property
    def synthesis_file_url(self):
        return self.file_url("synthesis_file")

    @path("")
    def detail(self, request):
        from documents import consultation

        return consultation.draft_page(request, self)

    # The files, served here so that Wagtail's routing (live pages only) and its
    # view-restriction hook decide who gets them, as for the page itself.
    @path("tep/du-thao/")
    def serve_draft_file(self, request):
        from documents.views import file_response

        return file_response(self.draft_file, self.title)

    @path("tep/tong-hop/")
    def serve_synthesis_file(self, request):
        from documents.views import file_response

        return file_response(
            self.synthesis_file, _("Báo cáo tổng hợp %(title)s") % {"title": self.title}
        )


class DraftComment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã công khai")
        REJECTED = "rejected", _("Không công khai")

    draft = models.ForeignKey(
        DraftPage, verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="comments"
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    email = models.EmailField(_("thư điện tử"))
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=255, blank=True)
    content = models.TextField(_("nội dung góp ý"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        indexes = [models.Index(fields=["draft", "status", "created_at"])]

    def __str__(self):
        return f"{self.public_author} – {self.draft.title}"

    @property
    def public_author(self):
        """An organisation writes in its own name; a person is shown by initials only."""
        from dialogue.anonymise import initials

        return self.organisation or initials(self.full_name) or str(_("Người dân"))

"""Administrative procedures (thủ tục hành chính), as the national catalogue publishes them.

Every imported procedure keeps the record it came from (`raw_record`, `raw_list_row`) next to
the fields parsed out of it, so a parser's mistake can always be checked against the source.
"""

from django import forms
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable

from procedures.searchtext import search_fields_for

# "1.000178", "2.002843", province-specific variants "1.000948.H38".
CODE_PATTERN = r"^\d{1,2}\.\d{6}(\.[A-Z0-9]{1,10})?$"
PROVINCE_CODE_PATTERN = r"\.[A-Z]\d+$"


class OnlineLevel(models.TextChoices):
    FULL = "toan_trinh", _("Toàn trình")
    PARTIAL = "mot_phan", _("Một phần")
    NONE = "khong", _("Không trực tuyến")


class ProcedureSource(models.TextChoices):
    CENTRAL = "trung_uong", _("Trung ương ban hành")
    PROVINCE = "dia_phuong", _("Đặc thù của tỉnh")


class SubmissionMethod(models.TextChoices):
    DIRECT = "direct", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POST = "post", _("Dịch vụ bưu chính")


# The rows of Level, created by migration 0002 (kept here for labels without a query).
LEVELS = {
    "bo": "Cấp bộ",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
    "khac": "Cơ quan khác",
}


class Level(models.Model):
    """Cấp thực hiện: bộ, tỉnh, huyện, xã (the rows are created by a migration)."""

    code = models.CharField(_("mã"), max_length=10, primary_key=True)
    name = models.CharField(_("tên"), max_length=50)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("cấp thực hiện")
        verbose_name_plural = _("cấp thực hiện")

    def __str__(self):
        return self.name


class Agency(models.Model):
    """An agency that carries out procedures (cơ quan thực hiện)."""

    name = models.CharField(_("tên cơ quan"), max_length=255, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan thực hiện")
        verbose_name_plural = _("cơ quan thực hiện")

    def __str__(self):
        return self.name


class Procedure(ClusterableModel):
    code = models.CharField(
        _("mã thủ tục"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(CODE_PATTERN, _("Mã thủ tục có dạng 1.000178 hoặc 1.000948.H38."))
        ],
    )
    name = models.CharField(_("tên thủ tục"), max_length=1500)
    levels = ParentalManyToManyField(
        Level, verbose_name=_("cấp thực hiện"), blank=True, related_name="procedures"
    )
    field = models.CharField(_("lĩnh vực"), max_length=255, blank=True)
    procedure_type = models.CharField(_("loại thủ tục"), max_length=255, blank=True)
    issuing_agency = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    competent_agency = models.TextField(_("cơ quan có thẩm quyền"), blank=True)
    implementing_agencies = ParentalManyToManyField(
        Agency, verbose_name=_("cơ quan thực hiện"), blank=True, related_name="procedures"
    )
    delegated_agency = models.TextField(_("cơ quan được ủy quyền"), blank=True)
    coordinating_agency = models.TextField(_("cơ quan phối hợp"), blank=True)
    reception_address = models.TextField(_("địa chỉ tiếp nhận hồ sơ"), blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    results = models.TextField(
        _("kết quả thực hiện"), blank=True, help_text=_("Mỗi dòng một kết quả.")
    )
    related_procedures = models.TextField(_("thủ tục liên quan"), blank=True)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=20,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    source = models.CharField(
        _("nguồn"), max_length=20, choices=ProcedureSource.choices, default=ProcedureSource.CENTRAL
    )
    decision_number = models.CharField(_("quyết định công bố"), max_length=100, blank=True)
    original_url = models.URLField(_("địa chỉ gốc"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), default=timezone.now)
    raw_record = models.JSONField(_("bản ghi gốc (danh mục quốc gia)"), default=dict, blank=True)
    raw_list_row = models.JSONField(_("dòng gốc (danh sách XLSX)"), default=dict, blank=True)
    # What the last import of each format wrote (see procedures/importing/upsert.py).
    import_fingerprints = models.JSONField(default=dict, editable=False)
    # Derived from the fields above on every save, for sorting and the database search.
    name_sort = models.TextField(editable=False, default="")
    name_words = models.TextField(editable=False, default="")
    name_search = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("code"),
                        FieldPanel("name"),
                        FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("field"),
                        FieldPanel("procedure_type"),
                        FieldPanel("online_level"),
                        FieldPanel("source"),
                        FieldPanel("decision_number"),
                        FieldPanel("original_url"),
                    ],
                    heading=_("Thông tin chung"),
                ),
                ObjectList(
                    [
                        FieldPanel("issuing_agency"),
                        FieldPanel("competent_agency"),
                        FieldPanel("implementing_agencies"),
                        FieldPanel("delegated_agency"),
                        FieldPanel("coordinating_agency"),
                        FieldPanel("reception_address"),
                    ],
                    heading=_("Cơ quan"),
                ),
                ObjectList(
                    [
                        FieldPanel("applicants"),
                        FieldPanel("steps"),
                        InlinePanel("ways", label=_("Cách thức thực hiện")),
                        InlinePanel("dossier_items", label=_("Thành phần hồ sơ")),
                        FieldPanel("conditions"),
                        FieldPanel("results"),
                        InlinePanel("legal_documents", label=_("Căn cứ pháp lý")),
                        FieldPanel("related_procedures"),
                    ],
                    heading=_("Nội dung"),
                ),
                ObjectList(
                    [
                        MultiFieldPanel(
                            [FieldPanel("raw_record"), FieldPanel("raw_list_row")],
                            heading=_("Dữ liệu gốc khi nhập"),
                        )
                    ],
                    heading=_("Dữ liệu gốc"),
                ),
            ]
        )
    ]

    class Meta:
        ordering = ["name_sort", "code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.name}"

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        self.refresh_search_fields()
        # One transaction for the row and its child rows, so that re-indexing on commit
        # (procedures/signal_handlers.py) sees them all.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def refresh_search_fields(self):
        agencies = [agency.name for agency in self.implementing_agencies.all()]
        dossier = [item.name for item in self.dossier_items.all()]
        for name, value in search_fields_for(self, agencies, dossier).items():
            setattr(self, name, value)

    @property
    def result_list(self):
        return [line.strip() for line in self.results.splitlines() if line.strip()]

    @property
    def step_list(self):
        return [line.strip() for line in self.steps.splitlines() if line.strip()]


class SubmissionWay(Orderable):
    """One row of "Cách thức thực hiện": how to submit, how long it takes, what it costs."""

    procedure = ParentalKey(Procedure, on_delete=models.CASCADE, related_name="ways")
    method = models.CharField(_("hình thức nộp"), max_length=20, choices=SubmissionMethod.choices)
    processing_time = models.CharField(_("thời hạn giải quyết"), max_length=255, blank=True)
    time_value = models.FloatField(_("số lượng thời gian"), null=True, blank=True)
    time_unit = models.CharField(_("đơn vị thời gian"), max_length=50, blank=True)
    fee = models.TextField(_("phí, lệ phí"), blank=True)
    fee_amount = models.BigIntegerField(_("số tiền (đồng)"), null=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("cách thức thực hiện")

    def __str__(self):
        return f"{self.get_method_display()} – {self.processing_time}"


class DossierItem(Orderable):
    """One document of "Thành phần hồ sơ", in its case (group) when the source has cases."""

    procedure = ParentalKey(Procedure, on_delete=models.CASCADE, related_name="dossier_items")
    group = models.TextField(_("trường hợp"), blank=True)
    name = models.TextField(_("tên giấy tờ"))
    template = models.CharField(_("mẫu đơn, tờ khai"), max_length=255, blank=True)
    originals = models.PositiveSmallIntegerField(_("số bản chính"), null=True, blank=True)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("giấy tờ trong hồ sơ")

    def __str__(self):
        return self.name


class LegalDocument(Orderable):
    """One row of "Căn cứ pháp lý": the document's number and title."""

    procedure = ParentalKey(Procedure, on_delete=models.CASCADE, related_name="legal_documents")
    number = models.CharField(_("số ký hiệu"), max_length=100)
    title = models.TextField(_("trích yếu"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")

    def __str__(self):
        return f"{self.number} {self.title}".strip()

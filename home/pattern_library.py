"""The design system's pattern library, in the admin (Help → Thư viện giao diện).

Every component of templates/components/ rendered with sample data and the public style
sheet, next to the line that includes it, so editors and developers see what exists before
building a new section. Staff only (registered through `register_admin_urls`, which requires
admin access); the page is never cached and never indexed.
"""

import datetime
from types import SimpleNamespace

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.images import get_image_model

from portal.pagination import page_window

# Every name components/icon.html draws (the home page's quick links use the first four).
ICONS = ["service", "lookup", "question", "document", "calendar"]


class SampleForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), help_text=_("Như trên căn cước công dân."))
    email = forms.EmailField(label=_("Thư điện tử"))
    sector = forms.ChoiceField(
        label=_("Lĩnh vực"), choices=[("", "—"), ("ho-tich", _("Hộ tịch"))], required=False
    )


def _sample_article():
    image = get_image_model().objects.order_by("pk").first()
    return SimpleNamespace(
        title=_("Khánh thành cầu đi bộ qua sông, nối hai bờ trung tâm thành phố"),
        list_url="#",
        date=timezone.now() - datetime.timedelta(hours=3),
        lead=_("Cây cầu dài 470 m dành cho người đi bộ và xe đạp được đưa vào sử dụng."),
        image=image,
        category=SimpleNamespace(name=_("Kinh tế – xã hội"), list_url="#"),
    )


def _sample_procedure():
    return {
        "code": "1.001193",
        "name_html": _("Thủ tục đăng ký khai sinh"),
        "url": "#",
        "levels": [{"name": _("Cấp xã")}],
        "field": _("Hộ tịch"),
        "agency": _("Ủy ban nhân dân cấp xã"),
        "online": {"name": _("Trực tuyến toàn trình")},
        "snippet_html": "",
    }


def _sample_answer():
    return SimpleNamespace(
        pk=1,
        title=_("Thời hạn cấp lại giấy phép lái xe bị mất?"),
        sector=SimpleNamespace(name=_("Giao thông vận tải")),
        addressee=SimpleNamespace(name=_("Sở Xây dựng")),
        answering_body=SimpleNamespace(name=_("Sở Xây dựng")),
        answered_on=timezone.localdate(),
        question_text=_("Tôi bị mất giấy phép lái xe hạng B2, thủ tục cấp lại mất bao lâu?"),
    )


@never_cache
def pattern_library(request):
    form = SampleForm({"name": "", "email": "khong-hop-le", "sector": ""})
    form.is_valid()
    context = {
        "article": _sample_article(),
        "procedure": _sample_procedure(),
        "answer": _sample_answer(),
        "form": form,
        "icons": ICONS,
        "pages": page_window(3, 95, 10),
        "trail": [{"label": _("Trang chủ"), "url": "/"}, {"label": _("Tin tức"), "url": "#"}],
        "tabs": [
            {"url": "#", "label": _("Câu hỏi đã trả lời"), "current": True},
            {"url": "#", "label": _("Gửi câu hỏi"), "current": False},
            {"url": "#", "label": _("Thống kê"), "current": False},
        ],
    }
    return TemplateResponse(request, "home/pattern_library.html", context)

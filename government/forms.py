"""Admin forms: a new schedule week can start as a copy of the week before."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from government import schedule


class ScheduleWeekForm(WagtailAdminModelForm):
    copy_previous = forms.BooleanField(
        label=_("Sao chép lịch tuần trước"),
        required=False,
        help_text=_(
            "Chép mọi công việc của tuần liền trước sang tuần này (lùi đúng 7 ngày), "
            "sau đó sửa những gì thay đổi."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields.pop("copy_previous", None)
        elif not self.initial.get("monday"):
            # A new week most often is next week.
            self.initial["monday"] = schedule.this_monday() + datetime.timedelta(days=7)

    def clean_monday(self):
        monday = self.cleaned_data["monday"]
        if monday and monday.weekday() != 0:
            raise forms.ValidationError(_("Tuần làm việc bắt đầu từ thứ Hai."))
        return monday

    def save(self, commit=True):
        week = super().save(commit=commit)
        if commit and self.cleaned_data.get("copy_previous"):
            from government.models import ScheduleWeek

            previous = ScheduleWeek.objects.filter(
                monday=week.monday - datetime.timedelta(days=7)
            ).first()
            if previous is not None:
                schedule.copy_week(previous, week)
        return week

"""`manage.py create_commune_units [--province CODE] [--dry-run]`: a real portal's commune
and ward units without the demo (government/communes.py does the work; the demo calls it too).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from dialogue.divisions import home_province, province_name
from government.communes import ensure_commune_units
from government.models import OrganisationIndexPage


class Command(BaseCommand):
    help = (
        "Creates and publishes a unit page under “Cơ cấu tổ chức” for each commune and ward "
        "of the province (divisions in force from 1 Jul 2025), one line per commune; "
        "communes that already have a page (same division code) are left alone, so running "
        "it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            type=int,
            default=None,
            help="the province's code (default: DIALOGUE_HOME_PROVINCE, the portal's own)",
        )
        parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")

    def handle(self, *args, province=None, dry_run=False, **options):
        code = home_province() if province is None else province
        name = province_name(code)
        if not name:
            raise CommandError(
                f"Không có tỉnh, thành phố mã {code} trong danh mục đơn vị hành chính."
            )
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        index = site and OrganisationIndexPage.objects.child_of(site.root_page).first()
        if index is None:
            raise CommandError(
                "Chưa có trang “Cơ cấu tổ chức” dưới trang chủ: hãy tạo trang này trước."
            )
        with transaction.atomic():
            communes = ensure_commune_units(index, code, dry_run=dry_run)
        created = sum(commune.created for commune in communes)
        missing = sum(commune.page is None for commune in communes)
        for commune in communes:
            if commune.created:
                state = f"đã tạo {commune.page.url}"
            elif commune.page is None:
                state = "sẽ tạo (chạy thử)"
            else:
                state = f"đã có {commune.page.url}"
            self.stdout.write(f"{commune.title} (mã {commune.code}): {state}")
        summary = f"{name}: {len(communes)} xã, phường; "
        if dry_run:
            summary += f"sẽ tạo {missing}, đã có {len(communes) - missing}. Chạy thử: chưa ghi gì."
        else:
            summary += f"đã tạo {created}, đã có {len(communes) - created}."
        self.stdout.write(summary)

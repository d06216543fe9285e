"""manage.py rebuild_procedure_index: a new index, bulk-loaded, then an atomic alias swap."""

from django.core.management.base import BaseCommand, CommandError

from procedures import indexing


class Command(BaseCommand):
    help = "Rebuilds the procedure index without downtime (new index, bulk load, alias swap)."

    def handle(self, *args, **options):
        if not indexing.is_enabled():
            raise CommandError("ELASTICSEARCH_URL chưa được đặt: tìm kiếm đang dùng cơ sở dữ liệu.")
        try:
            result = indexing.rebuild()
        except indexing.IndexUnavailable as error:
            raise CommandError(f"Không dựng lại được chỉ mục: {error}") from error
        replaced = ", ".join(result["replaced"]) or "không có"
        self.stdout.write(
            f"Chỉ mục {result['index']}: {result['count']} thủ tục trong "
            f"{result['seconds']:.1f} giây; bí danh {indexing.alias_name()} đã chuyển sang "
            f"(chỉ mục cũ đã xóa: {replaced})."
        )

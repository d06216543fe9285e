"""manage.py procedure_index_health: is the index there, and in step with the database?"""

from django.core.management.base import BaseCommand, CommandError

from procedures import indexing


class Command(BaseCommand):
    help = "Reports the procedure index: alias, index, document count against the database."

    def handle(self, *args, **options):
        if not indexing.is_enabled():
            self.stdout.write("ELASTICSEARCH_URL chưa được đặt: tìm kiếm dùng cơ sở dữ liệu.")
            return
        try:
            report = indexing.health()
        except indexing.IndexUnavailable as error:
            raise CommandError(f"Elasticsearch không trả lời: {error}") from error
        self.stdout.write(f"Cụm Elasticsearch: {report['cluster_status']}")
        self.stdout.write(
            f"Bí danh: {report['alias']} → {', '.join(report['indices']) or 'chưa có'}"
        )
        self.stdout.write(
            f"Số thủ tục: chỉ mục {report.get('index_count', 0)}, "
            f"cơ sở dữ liệu {report['database_count']}"
        )
        if report["leftovers"]:
            self.stdout.write(f"Chỉ mục thừa (có thể xóa): {', '.join(report['leftovers'])}")
        if not report["indices"]:
            raise CommandError("Chưa có chỉ mục: chạy manage.py rebuild_procedure_index.")
        if not report["in_sync"]:
            raise CommandError(
                "Chỉ mục lệch với cơ sở dữ liệu: chạy manage.py rebuild_procedure_index."
            )
        self.stdout.write(self.style.SUCCESS("Chỉ mục khớp với cơ sở dữ liệu."))

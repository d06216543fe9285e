"""Synthetic articles in bulk, for benchmarks and volume tests (never for the real site).

Creating pages one by one (add_child + save_revision + publish) costs tens of queries each;
100,000 articles would take hours. Here the treebeard paths are computed up front — children
of the index get consecutive steps after its last child — and the rows go in with one
multi-row INSERT per batch for wagtailcore_page and one for news_newspage. No revisions are
written (the admin edits a page without one from its live row) and Wagtail's search index is
not updated: run ``manage.py update_index`` if admin search over them matters.
"""

import datetime
import json
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsCategory, NewsListingVersion, NewsPage

SLUG_PREFIX = "tin-tong-hop-"

TOPICS = [
    "Cải cách thủ tục hành chính",
    "Chuyển đổi số",
    "Dịch vụ công trực tuyến",
    "Bộ phận một cửa",
    "Đầu tư công",
    "Hỗ trợ doanh nghiệp",
    "Du lịch di sản",
    "Nông thôn mới",
    "An sinh xã hội",
    "Giáo dục nghề nghiệp",
]
PLACES = [
    "thành phố Huế",
    "thị xã Hương Thủy",
    "thị xã Hương Trà",
    "huyện Phú Vang",
    "huyện Phong Điền",
    "huyện Quảng Điền",
    "huyện Phú Lộc",
    "huyện A Lưới",
    "huyện Nam Đông",
]
ACTIONS = [
    "tiếp tục chuyển biến tích cực",
    "rút ngắn thời gian giải quyết hồ sơ",
    "sơ kết sáu tháng đầu năm",
    "triển khai kế hoạch năm mới",
    "lấy ý kiến người dân và doanh nghiệp",
    "đẩy mạnh tuyên truyền",
    "hoàn thành chỉ tiêu được giao",
]


def article_text(rng):
    topic, place, action = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(ACTIONS)
    title = f"{topic} tại {place} {action}"
    lead = (
        f"Theo báo cáo của {place}, công tác {topic.lower()} {action}; "
        f"số hồ sơ trực tuyến đạt {rng.randint(20, 95)}% (dữ liệu tổng hợp)."
    )
    body = [
        {
            "type": "paragraph",
            "value": f"<p>{lead}</p><p>Bài viết được tạo tự động để đo tải.</p>",
            "id": str(uuid.uuid4()),
        }
    ]
    return title, lead, body


def _next_step(index):
    last = (
        Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def _next_number():
    """Synthetic slugs are numbered; continue after the ones already there."""
    synthetic = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX)
    number = synthetic.count() + 1
    while synthetic.filter(slug=f"{SLUG_PREFIX}{number}").exists():
        number += 1000
    return number


class _Table:
    """Multi-row INSERTs built by hand: model instances and Django's SQL compiler cost more
    than the database itself at this volume."""

    def __init__(self, model, constants, varying, raw=()):
        names = set(constants) | set(varying)
        self.fields = [f for f in model._meta.local_concrete_fields if f.attname in names]
        self.by_name = {f.attname: f for f in self.fields}
        self.table = model._meta.db_table
        self.raw = set(raw)  # already in database form (JSON text)
        self.constants = {
            name: self.by_name[name].get_db_prep_save(value, connection)
            for name, value in constants.items()
        }

    def row(self, **values):
        prepped = dict(self.constants)
        for name, value in values.items():
            field = self.by_name[name]
            prepped[name] = value if name in self.raw else field.get_db_prep_save(value, connection)
        return [prepped[f.attname] for f in self.fields]

    def insert(self, rows, returning=None):
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields)
        group = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        # Only quoted names from model metadata go into the text; every value is a parameter.
        values = ", ".join([group] * len(rows))
        sql = f"INSERT INTO {quote(self.table)} ({columns}) VALUES {values}"  # noqa: S608
        if returning:
            sql += f" RETURNING {quote(returning)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for row in rows for value in row])
            return [found[0] for found in cursor.fetchall()] if returning else []


PAGE_VARYING = (
    "path",
    "title",
    "draft_title",
    "slug",
    "url_path",
    "first_published_at",
    "last_published_at",
    "translation_key",
)


def _page_table(index, content_type):
    template = Page(
        content_type=content_type,
        live=True,
        has_unpublished_changes=False,
        locale_id=index.locale_id,
        depth=index.depth + 1,
        numchild=0,
    )
    constants = {
        f.attname: getattr(template, f.attname)
        for f in Page._meta.local_concrete_fields
        if not f.primary_key and f.attname not in PAGE_VARYING
    }
    return _Table(Page, constants, PAGE_VARYING)


def _article_table(index):
    return _Table(
        NewsPage,
        constants={
            "image_id": None,
            "author": "Ban biên tập",
            "source": "",
            "featured": False,
            "listed_in_id": index.pk,
        },
        varying=("page_ptr_id", "date", "category_id", "lead", "body"),
        raw=("body",),
    )


def generate(index, count, *, years=8, batch_size=2000, seed=42, now=None):
    """Add ``count`` live articles under ``index``, dated over the last ``years`` years."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    now = now or timezone.now()
    span = int(datetime.timedelta(days=365 * years).total_seconds())
    categories = list(NewsCategory.objects.values_list("pk", flat=True)) or [None]
    content_type = ContentType.objects.get_for_model(NewsPage)
    pages, articles = _page_table(index, content_type), _article_table(index)
    created = 0
    with transaction.atomic():
        index = Page.objects.select_for_update().get(pk=index.pk)
        step = _next_step(index)
        number = _next_number()
        while created < count:
            size = min(batch_size, count - created)
            page_rows, article_rows = [], []
            for _ in range(size):
                title, lead, body = article_text(rng)
                date = now - datetime.timedelta(seconds=rng.randrange(span))
                slug = f"{SLUG_PREFIX}{number}"
                page_rows.append(
                    pages.row(
                        path=Page._get_path(index.path, index.depth + 1, step),
                        title=title,
                        draft_title=title,
                        slug=slug,
                        url_path=f"{index.url_path}{slug}/",
                        first_published_at=date,
                        last_published_at=date,
                        translation_key=uuid.uuid4(),
                    )
                )
                article_rows.append((date, rng.choice(categories), lead, json.dumps(body)))
                step += 1
                number += 1
            ids = pages.insert(page_rows, returning="id")
            articles.insert(
                [
                    articles.row(
                        page_ptr_id=pk, date=date, category_id=category, lead=lead, body=body
                    )
                    for pk, (date, category, lead, body) in zip(ids, article_rows, strict=True)
                ]
            )
            created += size
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + created)
        NewsListingVersion.bump(index.pk)
    return created


def refresh_statistics():
    """After a bulk load PostgreSQL has no statistics and no visibility map for the new rows:
    its plans would be poor and index-only scans would visit the heap until autovacuum ran."""
    if connection.vendor != "postgresql":
        return
    # VACUUM cannot run inside a transaction (a test, or a caller's atomic block).
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} news_newspage")
        cursor.execute(f"{command} wagtailcore_page")

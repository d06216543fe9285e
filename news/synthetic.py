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
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsCategory, NewsPage

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
    slugs = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
    numbers = [
        int(s[len(SLUG_PREFIX) :]) for s in slugs.iterator() if s[len(SLUG_PREFIX) :].isdigit()
    ]
    return max(numbers, default=0) + 1


def generate(index, count, *, years=8, batch_size=2000, seed=42, now=None):
    """Add ``count`` live articles under ``index``, dated over the last ``years`` years."""
    rng = random.Random(seed)
    now = now or timezone.now()
    span = int(datetime.timedelta(days=365 * years).total_seconds())
    categories = list(NewsCategory.objects.values_list("pk", flat=True)) or [None]
    content_type = ContentType.objects.get_for_model(NewsPage)
    created = 0
    with transaction.atomic():
        index = Page.objects.select_for_update().get(pk=index.pk)
        step = _next_step(index)
        number = _next_number()
        while created < count:
            size = min(batch_size, count - created)
            pages, extras = [], []
            for _ in range(size):
                title, lead, body = article_text(rng)
                date = now - datetime.timedelta(seconds=rng.randrange(span))
                slug = f"{SLUG_PREFIX}{number}"
                pages.append(
                    Page(
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        numchild=0,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        url_path=f"{index.url_path}{slug}/",
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=date,
                        last_published_at=date,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
                extras.append((date, rng.choice(categories), lead, body))
                step += 1
                number += 1
            Page.objects.bulk_create(pages)
            rows = [
                NewsPage(
                    page_ptr_id=page.pk,
                    date=date,
                    category_id=category,
                    lead=lead,
                    body=json.dumps(body),
                    author="Ban biên tập",
                    featured=False,
                )
                for page, (date, category, lead, body) in zip(pages, extras, strict=True)
            ]
            # bulk_create refuses multi-table models; insert the child table's own columns.
            NewsPage._base_manager._insert(rows, fields=NewsPage._meta.local_concrete_fields)
            created += size
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + created)
    return created

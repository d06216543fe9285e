"""The portal's one way to read a page number and cut a list into pages.

Every public list (news, the dialogue archive, the site search, the procedure directory)
reads the page from `?trang=` and renders `{% pagination page %}`
(templates/components/pagination.html). A page number that is not a positive whole number is
a 400, a number past the end a 404, both with a Vietnamese message, instead of Django's
`get_page()`, which silently shows another page than the one asked for.

Lists whose own search is already paginated (Elasticsearch) build a `Page` for the component
with `page_window(number, count, per_page)`: a `Paginator` over a `range` costs nothing.
"""

from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _

PARAMETER = "trang"
MAX_PAGE_DIGITS = 6


class PageProblem(Exception):
    """A page the visitor asked for and cannot have: `status` (400/404) and `message`."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def parse_page_number(raw):
    """`?trang=` as an int (1 when absent); PageProblem(400) for anything else."""
    if raw is None or raw == "":
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        raise PageProblem(400, _("Số trang không hợp lệ."))
    return int(raw)


def out_of_range(number, num_pages):
    message = _("Không có trang %(number)s; danh sách chỉ có %(pages)s trang.") % {
        "number": number,
        "pages": num_pages,
    }
    return PageProblem(404, message)


def page_of(object_list, raw, per_page):
    """The page `raw` (the `trang` parameter as sent) of `object_list`; raises PageProblem.

    An empty list has one empty page 1, as Django's `Paginator` says.
    """
    number = parse_page_number(raw)
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(number)
    except EmptyPage as error:
        raise out_of_range(number, paginator.num_pages) from error


def page_window(number, count, per_page):
    """A `Page` of `count` items for the component, when the list itself is not a queryset."""
    paginator = Paginator(range(count), per_page)
    try:
        return paginator.page(number)
    except EmptyPage as error:
        raise out_of_range(number, paginator.num_pages) from error

""" "Xem tin theo ngày": the articles of one day (?ngay=) or one month (?thang=)."""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from news import listing, months
from news.forms import DayForm, parse_month
from news.models.index import PAGE_PARAMETER

TEMPLATE = "news/news_by_date.html"


class ByDate:
    def __init__(self, index, request):
        self.index = index
        self.request = request
        self.articles = listing.published_under(index)

    def response(self):
        params = self.request.GET
        if params.get("ngay"):
            return self.day()
        if params.get("thang"):
            return self.month()
        return self.render(months.month_grid(self.articles, timezone.localdate()), DayForm())

    def day(self):
        form = DayForm(self.request.GET)
        if not form.is_valid():
            grid = months.month_grid(self.articles, timezone.localdate())
            message = " ".join(form.errors["ngay"])
            return self.render(grid, form, error_message=message, status=400)
        day = form.cleaned_data["ngay"]
        grid = months.month_grid(self.articles, day, selected=day)
        count_key = listing.count_key(self.index, "day", day.isoformat())
        return self.render_page(listing.on_day(self.articles, day), count_key, grid, form, day=day)

    def month(self):
        month = parse_month(self.request.GET["thang"])
        if month is None:
            grid = months.month_grid(self.articles, timezone.localdate())
            message = _("Tháng không hợp lệ. Hãy chọn theo dạng tháng/năm, ví dụ 10/2024.")
            return self.render(grid, DayForm(), error_message=message, status=400)
        grid = months.month_grid(self.articles, month)
        start = listing.day_bounds(grid.month)[0]
        end = listing.day_bounds(grid.last_day)[1]
        in_month = self.articles.filter(date__gte=start, date__lt=end)
        count_key = listing.count_key(self.index, "month", month.isoformat())
        return self.render_page(in_month, count_key, grid, DayForm(), month=month)

    def render_page(self, articles, count_key, grid, form, **context):
        raw_number = self.request.GET.get(PAGE_PARAMETER)
        page, problem, status = listing.page_or_problem(articles, raw_number, count_key)
        if problem:
            return self.render(grid, form, error_message=problem, status=status)
        self.index.prepare_links(self.request)
        self.index.link_articles(page)
        return self.render(grid, form, articles=page, **context)

    def render(self, grid, form, status=200, **extra):
        context = self.index.get_context(self.request)
        context.update(extra, month_grid=grid, day_form=form)
        return TemplateResponse(self.request, TEMPLATE, context, status=status)

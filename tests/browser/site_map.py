"""One URL per page type of the demo portal: what the browser checks walk through.

When a section lands, add its page types here and every accessibility and layout check
covers them. `LINKED_PAGE_TYPES` are pages whose address the demo does not fix (a database
id): the walk opens the first page, follows the first link the selector finds, and checks
the page it lands on.
"""

ARTICLE = "/tin-tuc/ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023/"
PROCEDURE = "/thu-tuc-hanh-chinh/1.001193/"

PAGE_TYPES = {
    "home": "/",
    "news-index": "/tin-tuc/",
    "news-category": "/tin-tuc/chuyen-muc/cai-cach-hanh-chinh/",
    "news-article": ARTICLE,
    "news-print": ARTICLE + "?ban-in=1",
    "news-by-date": "/tin-tuc/theo-ngay/?ngay=27/10/2024",
    "procedure-directory": "/thu-tuc-hanh-chinh/",
    "procedure-search": "/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh",
    "procedure-detail": PROCEDURE,
    "procedure-print": PROCEDURE + "in/",
    "dialogue-index": "/trao-doi-va-thao-go/",
    "dialogue-search": "/trao-doi-va-thao-go/?q=khai+sinh",
    "dialogue-ask": "/trao-doi-va-thao-go/gui-cau-hoi/",
    "dialogue-lookup": "/trao-doi-va-thao-go/tra-cuu/",
    "dialogue-statistics": "/trao-doi-va-thao-go/thong-ke/",
    "document-search": "/van-ban/",
    "document-search-results": "/van-ban/?q=mot+cua+lien+thong",
    "document-detail": "/van-ban/61-2018-nd-cp/",
    "document-print": "/van-ban/61-2018-nd-cp/?ban-in=1",
    "consultation-index": "/lay-y-kien-du-thao/",
    "draft-open": "/lay-y-kien-du-thao/du-thao-quy-che-trung-tam-phuc-vu-hanh-chinh-cong/",
    "draft-ended": "/lay-y-kien-du-thao/du-thao-ke-hoach-chuyen-doi-so/",
    "statistics": "/thong-ke/",
    "standard-page": "/huong-dan/tra-cuu-thu-tuc/",
    "organisation-tree": "/co-cau-to-chuc/",
    "unit-page": "/co-cau-to-chuc/so-tu-phap/",
    "committee-page": "/co-cau-to-chuc/uy-ban-nhan-dan-tinh/",
    "leader-page": "/co-cau-to-chuc/uy-ban-nhan-dan-tinh/tran-thi-hanh/",
    "commune-page": "/co-cau-to-chuc/xa-19815/",
    "work-schedule": "/lich-cong-tac/",
    "work-schedule-leader": "/lich-cong-tac/lanh-dao/tran-thi-hanh/",
    "work-schedule-print": "/lich-cong-tac/?ban-in=1",
    "announcements": "/thong-bao/",
    "spokesperson": "/thong-bao/nguoi-phat-ngon/",
    "site-search-units": "/tim-kiem/?q=so+tu+phap&loai=co-quan",
    "guidance-section": "/huong-dan/",
    "guidance-page": "/huong-dan/nop-ho-so-truc-tuyen/",
    "contact-page": "/lien-he/",
    "site-search-results": "/tim-kiem/?q=ho+so+truc+tuyen",
    "site-search-all-types": "/tim-kiem/?q=khai+sinh",
    "site-search-procedures": "/tim-kiem/?q=dang+ky+khai+sinh&loai=thu-tuc",
    "site-search-qa": "/tim-kiem/?q=chung+thuc&loai=hoi-dap",
    "site-search-empty": "/tim-kiem/",
    "rating-thanks": "/co-cau-to-chuc/?danh_gia=cam-on",
    "not-found": "/khong-co-trang-nay/",
    "english-home": "/en/",
    "english-structure": "/en/organisational-structure/",
    "english-contact": "/en/contact/",
    "english-unit": "/en/organisational-structure/department-of-justice/",
    "english-leader": "/en/organisational-structure/provincial-peoples-committee/tran-thi-hanh/",
}

LINKED_PAGE_TYPES = {
    "dialogue-answer": ("/trao-doi-va-thao-go/", ".qa-list h3 a"),
    "announcement": ("/thong-bao/", ".announcement-list h2 a"),
}


EXPECTED_STATUS = {"not-found": 404}


def visit_every_page_type(tab, portal, statuses=None):
    """Open each page type in `tab`, yielding its name once it has loaded.

    A page answering with another status than expected (200, or 404 for "not-found") is
    recorded in `statuses` (name -> status), so a walk never checks an error page instead.
    """
    for name, path in PAGE_TYPES.items():
        response = tab.goto(portal + path)
        _check(name, response, statuses)
        yield name
    for name, (path, selector) in LINKED_PAGE_TYPES.items():
        tab.goto(portal + path)
        with tab.expect_navigation() as navigation:
            tab.locator(selector).first.click()
        _check(name, navigation.value, statuses)
        yield name


def _check(name, response, statuses):
    status = response.status if response is not None else None
    if statuses is not None and status != EXPECTED_STATUS.get(name, 200):
        statuses[name] = status

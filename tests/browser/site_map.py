"""One URL per page type of the demo portal: what the browser checks walk through.

When a section lands, add its page types here (procedure detail, question form, Q&A
detail, statistics, news by date, ...) and every accessibility and layout check covers
them.
"""

PAGE_TYPES = {
    "home": "/",
    "news-index": "/tin-tuc/",
    "news-article": "/tin-tuc/ket-qua-xay-dung-chinh-quyen-dien-tu-nam-2023/",
    "procedure-directory": "/thu-tuc-hanh-chinh/",
    "dialogue-index": "/trao-doi-va-thao-go/",
    "dialogue-ask": "/trao-doi-va-thao-go/gui-cau-hoi/",
    "dialogue-statistics": "/trao-doi-va-thao-go/thong-ke/",
    "standard-page": "/co-cau-to-chuc/",
    "guidance-section": "/huong-dan/",
    "guidance-page": "/huong-dan/nop-ho-so-truc-tuyen/",
    "contact-page": "/lien-he/",
    "site-search-results": "/tim-kiem/?q=ho+so+truc+tuyen",
    "site-search-empty": "/tim-kiem/",
    "rating-thanks": "/co-cau-to-chuc/?danh_gia=cam-on",
    "not-found": "/khong-co-trang-nay/",
    "english-home": "/en/",
    "english-structure": "/en/organisational-structure/",
    "english-contact": "/en/contact/",
}

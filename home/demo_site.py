"""Demo content for the site-wide parts: guidance pages, English pages, menus, portal links.

Our own text. Every step looks before it writes, so a second run changes nothing; menu
items whose page does not exist yet (e.g. "Thống kê" before that section lands) are
added by the first run after the page appears.
"""

from wagtail.models import Locale, Page

from home.demo_logos import logo_for
from home.models import (
    ContactOfficial,
    HomePage,
    MainMenu,
    MenuItem,
    NationalPortalLink,
    StandardPage,
)

GUIDANCE = {
    "title": "Hướng dẫn",
    "slug": "huong-dan",
    "intro": "Hướng dẫn người dân, doanh nghiệp sử dụng các dịch vụ trên cổng thông tin.",
    "body": "<p>Chọn một hướng dẫn bên dưới. Nếu cần hỗ trợ thêm, vui lòng xem trang Liên hệ.</p>",
}

GUIDANCE_CHILDREN = [
    {
        "title": "Hướng dẫn nộp hồ sơ trực tuyến",
        "slug": "nop-ho-so-truc-tuyen",
        "intro": "Các bước nộp hồ sơ thủ tục hành chính qua mạng.",
        "body": "<p>Bước 1: tra cứu thủ tục cần làm trong mục Thủ tục hành chính. "
        "Bước 2: đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử. "
        "Bước 3: điền tờ khai, đính kèm thành phần hồ sơ và nộp. Bước 4: theo dõi kết quả "
        "bằng mã hồ sơ được cấp.</p>",
    },
    {
        "title": "Hướng dẫn tra cứu thủ tục hành chính",
        "slug": "tra-cuu-thu-tuc",
        "intro": "Tìm thủ tục theo tên, mã hoặc lĩnh vực, gõ có dấu hay không dấu đều được.",
        "body": "<p>Gõ tên thủ tục, ví dụ “đăng ký khai sinh” hoặc “dang ky khai sinh”, "
        "hoặc mã thủ tục. Kết quả cho biết cơ quan thực hiện, thời hạn giải quyết, phí và "
        "lệ phí.</p>",
    },
]

PORTAL_LINKS = {
    "vi": [
        ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
        ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
        ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ],
    "en": [
        ("National Public Service Portal", "https://dichvucong.gov.vn"),
        ("Vietnam Government Portal", "https://chinhphu.vn"),
    ],
}

ENGLISH_HOME = {
    "title": "Home",
    "slug": "home-en",
    "intro": "Official information from the People's Committee of Hue City: "
    "its organisational structure, functions and contacts. Most of the portal is in "
    "Vietnamese.",
}

ENGLISH_PAGES = {
    "co-cau-to-chuc": {
        "title": "Organisational structure",
        "slug": "organisational-structure",
        "intro": "Functions, duties and organisational structure of the Hue City "
        "People's Committee.",
        "body": "<p>The Hue City People's Committee consists of the Chairperson, the "
        "Vice-Chairpersons and the Members. It is assisted by its Office and by the "
        "specialised departments and agencies of the city.</p>",
    },
    "lien-he": {
        "title": "Contact",
        "slug": "contact",
        "address": "16 Le Loi Street, Thuan Hoa Ward, Hue City",
        "body": "<p>Please send comments about the portal's content to the Editorial Board.</p>",
        "officials": [
            {
                "name": "Nguyễn Văn An",
                "title": "Head of the Editorial Board",
                "phone": "0234 3822 000",
                "email": "bbt@hue.gov.vn",
            },
        ],
    },
}

# (label, slug of the home page's child, or None for the home page itself, or a URL)
MENUS = {
    ("vi", MainMenu.Placement.HEADER): [
        ("", None),
        ("", "tin-tuc"),
        ("", "thu-tuc-hanh-chinh"),
        ("", "trao-doi-va-thao-go"),
        ("Thống kê", "thong-ke"),
        ("", "lien-he"),
        ("", "co-cau-to-chuc"),
        ("", "lich-cong-tac"),
    ],
    ("vi", MainMenu.Placement.FOOTER): [
        ("", "co-cau-to-chuc"),
        ("", "thong-bao"),
        ("", "huong-dan"),
        ("", "lien-he"),
        ("Tìm kiếm", "/tim-kiem/"),
    ],
    ("en", MainMenu.Placement.HEADER): [
        ("", None),
        ("", "organisational-structure"),
        ("", "contact"),
    ],
    ("en", MainMenu.Placement.FOOTER): [
        ("", "organisational-structure"),
        ("", "contact"),
    ],
}


# Child objects that translated pages carry: field name -> (model, item -> its fields).
CHILD_RELATIONS = {
    "officials": (ContactOfficial, dict),
    "portal_links": (NationalPortalLink, lambda link: {"title": link[0], "url": link[1]}),
}


class SiteDemo:
    def __init__(self, home, stdout=None):
        self.home = home
        self.stdout = stdout
        self.created = 0

    def load(self):
        self.ensure_portal_links(self.home, "vi")
        guidance = self.ensure_child(self.home, GUIDANCE)
        for child in GUIDANCE_CHILDREN:
            self.ensure_child(guidance, child)
        english = Locale.objects.get_or_create(language_code="en")[0]
        english_home = self.ensure_translation(
            self.home, english, {**ENGLISH_HOME, "portal_links": PORTAL_LINKS["en"]}
        )
        for slug, fields in ENGLISH_PAGES.items():
            original = self.home.get_children().filter(slug=slug).first()
            if original is not None:
                self.ensure_translation(original.specific, english, fields)
        for (language, placement), items in MENUS.items():
            home = self.home if language == "vi" else english_home
            self.ensure_menu(home, placement, items)
        return self.created

    def ensure_child(self, parent, fields):
        existing = StandardPage.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if existing:
            return existing
        page = parent.add_child(instance=StandardPage(show_in_menus=True, **fields))
        page.save_revision().publish()
        self.created += 1
        return page

    def ensure_portal_links(self, home, language):
        if home.portal_links.exists():
            return
        home.portal_links = [
            NationalPortalLink(title=title, url=url, logo=logo_for(url))
            for title, url in PORTAL_LINKS[language]
        ]
        home.save_revision().publish()

    def ensure_translation(self, page, locale, fields):
        """`page` in `locale` under its parent's translation (the root for a home page)."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        parent = page.get_parent()
        if not parent.is_root():
            parent = parent.get_translation(locale)
        values = {name: value for name, value in fields.items() if name not in CHILD_RELATIONS}
        translation = type(page)(
            locale=locale, translation_key=page.translation_key, show_in_menus=True, **values
        )
        for name, (model, build) in CHILD_RELATIONS.items():
            if name in fields:
                setattr(translation, name, [model(**build(item)) for item in fields[name]])
        parent.add_child(instance=translation)
        translation.save_revision().publish()
        self.created += 1
        return translation

    def ensure_menu(self, home, placement, items):
        menu = MainMenu.objects.filter(placement=placement, locale=home.locale).first()
        if menu is None:
            original = MainMenu.objects.filter(placement=placement).first()
            menu = MainMenu(placement=placement, locale=home.locale)
            if original is not None:
                menu.translation_key = original.translation_key
            menu.save()
        present = {(item.link_page_id, item.link_url) for item in menu.items.all()}
        for order, (label, target) in enumerate(items):
            if target is not None and target.startswith("/"):
                page, url = None, target
            elif target is None:
                page, url = home, ""
            else:
                # child_of, not get_children(): `home` may be a fresh object whose cached
                # numchild still says it has no children.
                page = Page.objects.child_of(home).filter(slug=target).first()
                url = ""
                if page is None:
                    continue
            if ((page.pk if page else None), url) in present:
                continue
            MenuItem.objects.create(
                menu=menu, label=label, link_page=page, link_url=url, sort_order=order
            )


def load(home, stdout=None):
    """Called by `load_demo_data`; returns the number of pages created."""
    if not isinstance(home, HomePage):
        home = home.specific
    return SiteDemo(home, stdout).load()

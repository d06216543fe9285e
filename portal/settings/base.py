"""Settings shared by every configuration; safe for production as they stand.

Everything that differs between machines is read from the environment here, in one place.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Đặt biến môi trường SECRET_KEY (SECRET_KEY is required).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# In order: the portal's apps first (their templates and translations win), then the
# libraries, Wagtail and Django; the apps added later by the site features come last.
INSTALLED_APPS = [
    "home",  # home, content and contact pages, menus, settings, ratings, sitemap
    "news",  # "Tin tức": articles, their index, categories, feeds
    "dialogue",  # "Trao đổi và tháo gỡ": citizens' questions and published answers
    # "Thủ tục hành chính": the procedure directory, its Elasticsearch index and database
    # fallback, import, API, synonyms and the search-terms report; app label "search".
    "procedures",
    "sitesearch",  # the site search /tim-kiem/ across pages, procedures, answers, units
    "stats",  # visitor counters and the statistics section
    "documents",  # legal documents ("Văn bản") and consultation on drafts
    "government",  # Cơ cấu tổ chức, Lãnh đạo, Lịch công tác, Thông báo, Cảnh báo khẩn
    "ops",  # security headers, error pages, health checks, page cache, backups, two-factor
    "opendata",  # the open-data JSON API under /api/v1/ and its OpenAPI document
    "axes",  # admin brute-force lockout (django-axes)
    "csp",  # Content-Security-Policy (django-csp)
    "wagtail.contrib.forms",  # form pages
    "wagtail.contrib.routable_page",  # sub-routes of news and directory pages
    "wagtail.contrib.table_block",  # tables in StreamField bodies
    "wagtail.contrib.redirects",  # editor-managed redirects (old portal addresses)
    "wagtail.contrib.settings",  # site-wide settings (home.PortalSettings)
    "wagtail.contrib.sitemaps",  # /sitemap.xml
    "wagtail.embeds",  # video embeds in bodies
    "wagtail.sites",  # the admin's site management
    "wagtail.users",  # the admin's users and groups
    "wagtail.snippets",  # snippets (menus, categories, agencies)
    "wagtail.documents",  # the document library
    "wagtail.images",  # the image library
    "wagtail.search",  # Wagtail's own search (database backend)
    "wagtail.admin",  # the editors' admin
    "wagtail",  # pages, revisions, workflows
    "modelcluster",  # Wagtail's child relations (menu items, links on the home page)
    "taggit",  # tags (Wagtail's images and documents)
    "django_filters",  # admin report filters
    "rest_framework",  # the open-data API's views (Wagtail's own dependency)
    "drf_spectacular",  # /api/v1/openapi.json generated from those views
    "corsheaders",  # GET /api/v1/ open to other origins
    "django.contrib.auth",  # users, groups, permissions
    "django.contrib.contenttypes",  # generic relations (pages' specific types)
    "django.contrib.sessions",  # editors' sessions
    "django.contrib.messages",  # one-time messages after a form
    "django.contrib.staticfiles",  # collectstatic
    "django.contrib.sitemaps",  # the sitemap framework Wagtail's builds on
    "django.contrib.humanize",  # number formatting in templates
    "wagtail.locales",  # the admin's locale management (Vietnamese, English)
    "wagtail.contrib.simple_translation",  # "Translate" copies a page to English
    "wagtail.contrib.search_promotions",  # editors' picks and the search-terms report
    "django_otp",  # two-factor login for staff (STAFF_TWO_FACTOR)
    "django_otp.plugins.otp_totp",  # its TOTP devices (authenticator apps)
]

# In order: a request passes them top to bottom, the response bottom to top.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",  # HTTPS redirect, HSTS, nosniff
    # CORS headers on /api/v1/ (CORS_URLS_REGEX); outside the page cache, so cached API
    # answers get them too whichever origin asks.
    "corsheaders.middleware.CorsMiddleware",
    # Outermost after SecurityMiddleware: pages from the page cache get the header too.
    "ops.middleware.ContentSecurityPolicyMiddleware",
    # Bodies larger than REQUEST_BODY_MAX_SIZE answer 413 before they are read.
    "ops.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files (dev and test drop it)
    # Outside the page cache, so that cached pages still count and get fresh figures.
    "stats.middleware.VisitCounterMiddleware",
    # Likewise outside it: cached pages get the current emergency banner (government.live).
    "government.middleware.EmergencyBannerMiddleware",
    # Before sessions: a hit answers without touching the database.
    "ops.pagecache.PageCacheMiddleware",
    "home.site_lookup.SiteLookupMiddleware",  # the request's Site, once a second per process
    "django.contrib.sessions.middleware.SessionMiddleware",  # editors' sessions
    "django.middleware.locale.LocaleMiddleware",  # Vietnamese at /, English under /en/
    "django.middleware.common.CommonMiddleware",  # trailing slashes
    "django.middleware.csrf.CsrfViewMiddleware",  # CSRF on every form
    "django.contrib.auth.middleware.AuthenticationMiddleware",  # request.user
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    # With STAFF_TWO_FACTOR: staff without a verified code are anonymous outside /admin/.
    "ops.twofactor.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",  # one-time messages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",  # X-Frame-Options: DENY
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",  # editors' redirects on 404
    "axes.middleware.AxesMiddleware",  # the admin lockout's 429 page
    # A database outage answers 503 + Retry-After with a Vietnamese page, not a stack trace.
    "ops.middleware.DatabaseUnavailableMiddleware",
    "ops.storage.StorageFullMiddleware",  # a full disk answers 507, not a 500
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production); a local SQLite file when unset.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first: dd/mm/yyyy dates and 290.365 numbers (see portal/formats/vi).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves MEDIA_URL itself: `make run` only (dev.py); in production nginx does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "ops.storage.CleanFileSystemStorage"},  # no partial files on a full disk
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Secure by default; dev.py relaxes what needs plain HTTP.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Email: console output unless an SMTP host is configured.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")

# Wagtail. Its own search (admin, Page.search) always uses the database backend
# (PostgreSQL full-text search in production); what the portal searches in Elasticsearch
# it indexes itself through the elasticsearch-dsl documents in procedures/ and documents/.
WAGTAIL_SITE_NAME = env("SITE_NAME", "Cổng thông tin điện tử thành phố Huế")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: the admin's avatars would be fetched from a foreign host, which our CSP blocks
# (a broken image on every screen) and which would tell it who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page slugs are plain ASCII: Vietnamese titles are folded (đ -> d, marks dropped) by
# home/slugs.py in the admin and on save, and the slug field refuses anything else.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No "Wagtail upgrade available" panel on the dashboard: it calls releases.wagtail.io from
# every editor's browser (blocked by our CSP) and upgrades go through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's login form leaves "Password" untranslatable; ours labels it.
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_login.PortalLoginForm"
# Wagtail's database backend; on SQLite, with queries written so FTS5 accepts them.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.wagtail_backend"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# mp4, webm and vtt: self-hosted videos and their captions in articles (news/media_blocks.py).
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "xlsx",
    "odt",
    "ods",
    "txt",
    "zip",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Elasticsearch for the portal's own indexes (procedures first). Unset: search answers
# from the database. Time-outs are short so that a slow cluster never holds a page.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "portal")
ELASTICSEARCH_TIMEOUT = float(env("ELASTICSEARCH_TIMEOUT", "2"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        # Two INFO lines per task run (every page save indexes and updates references):
        # hundreds of lines of chatter while the demo data loads, none of them useful.
        "django_tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
        # fpdf2 subsetting a font for a PDF (the demo's documents, generate_documents) logs
        # dozens of INFO lines per file: noise wherever it runs.
        "fontTools": {"level": "WARNING"},
        # Loggers kept to warnings and errors where LOG_QUIET names them (comma separated).
        # dev.py names the page log and the page cache's purges, hundreds of INFO lines while
        # the demo loads; production keeps them.
        **{name: {"level": "WARNING"} for name in env_list("LOG_QUIET")},
    },
}

# --- ops: security headers, brute-force protection, limits, page cache, logging ---
from csp.constants import NONE, SELF  # noqa: E402

# Content-Security-Policy (django-csp). Public pages: no inline or foreign scripts at all.
# Wagtail's admin still ships inline scripts and styles, so ops.middleware relaxes the
# policy under /admin/ only (see CSP_ADMIN_RELAXATIONS).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env_list("CSP_IMG_SRC")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *env_list("CSP_FRAME_SRC", "https://www.youtube-nocookie.com")],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_RELAXATIONS = {
    "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *env_list("CSP_IMG_SRC")],
    "frame-ancestors": [SELF],  # the live preview panel frames admin views
}

# Uploads and request bodies. Form fields: 2.5 MB; files stream to disk past 2.5 MB; any
# body larger than the biggest allowed document (plus form overhead) is refused with 413
# before it is read (nginx's client_max_body_size should match).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(env("FILE_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
REQUEST_BODY_MAX_SIZE = int(env("REQUEST_BODY_MAX_SIZE", str(25 * 1024 * 1024)))

# Full-page cache for anonymous GETs (ops.pagecache); emptied on every publish, unpublish,
# move or delete, and on saving or deleting any model below (each shows on cached pages).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/healthz", "/readyz", "/_bench/"]
PAGE_CACHE_PURGE_MODELS = [
    "wagtailcore.Site",  # host names and the root page
    "wagtailredirects.Redirect",  # a redirect replaces a cached page
    "home.PortalSettings",  # the footer's address, phone, licence
    "home.MainMenu",  # menus appear on every page
    "home.MenuItem",
    "wagtailcore.PageViewRestriction",  # making a page private hides it from lists
    "news.NewsCategory",  # category names in every list
    # A procedure edited in the admin (imports, which write in bulk, purge it themselves:
    # procedures/management/commands).
    "search.Procedure",
    # A synonym saved in the admin changes search results at once: result pages go too.
    "search.SearchSynonym",
    "dialogue.PublishedQuestion",  # publishing or withdrawing an answer
    "dialogue.Sector",  # field and agency names on the answers
    "dialogue.Agency",
    "stats.DossierStatistic",  # the statistics page's dossier figures
    # Schedules and announcements are listed in cached pages (the emergency banner is not
    # here: it is filled in outside the page cache, government.live).
    "government.ScheduleWeek",
    "government.ScheduleEntry",
    "government.Announcement",
]


def cache_from_url(url, table=None):
    """One CACHES entry from a URL: "redis://host:6379/0" (Django's RedisCache, redis-py),
    "memcached://host:11211" (pymemcache), "locmem" (this process only) or "db" (a table of
    the database named `table`, created by a migration)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        # Django's RedisCache that answers a Redis outage with a miss (ops/cache.py).
        return {"BACKEND": "ops.cache.RedisCache", "LOCATION": url}
    if url.startswith("memcached://"):
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": url.removeprefix("memcached://"),
        }
    if url == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url == "db" and table:
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    raise ImproperlyConfigured(f"Unknown cache URL {url!r} (redis://, memcached://, locmem, db).")


# Three aliases (on Redis, give each its own database number: clearing one is FLUSHDB).
# CACHE_URL is the shared cache of menus, key figures and the like: Redis on every
# multi-process or multi-server set-up (production, make test, the drills); unset, this
# process's memory (the embedded default, `make run`, one process). PAGE_CACHE_URL and
# VISITS_CACHE_URL default to tables of the database, which every app server shares too.
CACHE_URL = env("CACHE_URL", "locmem")
VISITS_CACHE_ALIAS = "visits"
CACHES = {
    "default": cache_from_url(CACHE_URL),
    "pages": cache_from_url(env("PAGE_CACHE_URL", "db"), table="portal_page_cache"),
    VISITS_CACHE_ALIAS: cache_from_url(env("VISITS_CACHE_URL", "db"), table="portal_visits_cache"),
}
if env("PAGE_CACHE_URL", "db") == "db":
    CACHES["pages"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
# Fragments of pages that depend only on published content (an article's body, head and
# "Các tin khác") are kept in the default cache under keys that change when the content does
# (page, news index and its listing version): FRAGMENT_CACHE_SECONDS only bounds how long an
# unused one stays.
FRAGMENT_CACHE_SECONDS = int(env("FRAGMENT_CACHE_SECONDS", "86400"))
# Where an address leads (home/route_cache.py), kept in the default cache under a version that
# any page, Site, Locale or view-restriction change moves on; ROUTE_CACHE_SECONDS bounds how
# long an unused entry stays (an article's is about 7 KB), 0 turns it off.
ROUTE_CACHE_SECONDS = int(env("ROUTE_CACHE_SECONDS", "600"))

# Admin brute-force protection (django-axes): 5 failures from one address for one username
# lock that pair out for 15 minutes with a Vietnamese 429 page. Behind nginx the client's
# address is the last X-Forwarded-For hop (see ops.client_ip).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_CLIENT_IP_CALLABLE = "ops.client_ip.client_ip"
# Credential stuffing: besides the lock per username and address above, this many failures
# from one address across any usernames, within the cool-off, lock the address
# (ops.login_abuse explains why axes' own parameter sets cannot say it).
AXES_HANDLER = "ops.login_abuse.AddressLimitHandler"
LOGIN_ADDRESS_FAILURE_LIMIT = int(env("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

DATABASE_RETRY_AFTER_SECONDS = 30

# Structured logs: LOG_FORMAT=json writes one JSON object per line (python-json-logger).
if env("LOG_FORMAT", "plain") == "json":
    LOGGING["formatters"]["json"] = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
    LOGGING["handlers"]["console"]["formatter"] = "json"

# Benchmark baselines (bench/ops.py): mounted only when BENCH_VIEWS=true.
BENCH_VIEWS = env_bool("BENCH_VIEWS")
CSRF_FAILURE_VIEW = "ops.errors.csrf_failure"
READYZ_ES_TIMEOUT = 1.0
# --- site: navigation, English pages, site search, ratings ---
# Vietnamese pages at /, their English translations under /en/ (Decree 42/2022 Art. 7).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Bạn có hài lòng…" ratings: at most this many per visitor (IP) per hour, across pages.
RATING_MAX_PER_HOUR = int(env("RATING_MAX_PER_HOUR", "10"))
# --- news ---
# The image library's description is the alt text: news.image_forms makes it required.
WAGTAILIMAGES_IMAGE_FORM_BASE = "news.image_forms.AltTextImageForm"
# --- procedures (procedures/, app label "search") ---
# Shards and replicas of the procedure index; one shard keeps facet counts exact.
ELASTICSEARCH_PROCEDURE_REPLICAS = int(env("ELASTICSEARCH_PROCEDURE_REPLICAS", "0"))
# Results per page of the procedure search (page and API).
PROCEDURE_PAGE_SIZE = 20

# --- documents ("Văn bản", documents/) ---
# Results per page of the document search (page and API).
DOCUMENT_PAGE_SIZE = 20
# Largest attachment an editor may upload to a document (PDF, DOC/DOCX, XLS/XLSX, ZIP).
DOCUMENT_ATTACHMENT_MAX_BYTES = int(env("DOCUMENT_ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# Drafts for comment and their synthesis reports: outside MEDIA_ROOT, never served publicly;
# only the draft's own page hands them out, to those it would be shown to.
DOCUMENTS_PRIVATE_ROOT = Path(env("DOCUMENTS_PRIVATE_ROOT", BASE_DIR / "private" / "documents"))

# --- dialogue ("Trao đổi và tháo gỡ") ---
# Answer deadline in working days (Mon–Fri minus holidays); fixed-date holidays as MM-DD,
# movable ones (Tết, Giỗ Tổ) as ISO dates in DIALOGUE_HOLIDAYS.
DIALOGUE_DEADLINE_WORKING_DAYS = int(env("DIALOGUE_DEADLINE_WORKING_DAYS", "15"))
DIALOGUE_FIXED_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"]
DIALOGUE_HOLIDAYS = env_list("DIALOGUE_HOLIDAYS")
# Home province of the address chooser (GSO code; 46 = Huế): its wards are listed.
DIALOGUE_HOME_PROVINCE = int(env("DIALOGUE_HOME_PROVINCE", "46"))
# Rate limits as "count/seconds", counted in the database so they hold across processes;
# the visitor's address is ops.client_ip's (TRUSTED_PROXIES).
DIALOGUE_RATE_LIMITS_ENABLED = env_bool("DIALOGUE_RATE_LIMITS_ENABLED", True)
DIALOGUE_RATE_LIMITS = {
    "submit_ip": env("DIALOGUE_RATE_LIMIT_SUBMIT_IP", "5/3600"),
    "submit_email": env("DIALOGUE_RATE_LIMIT_SUBMIT_EMAIL", "3/86400"),
    "lookup_ip": env("DIALOGUE_RATE_LIMIT_LOOKUP_IP", "30/3600"),
    # Comments on drafts for consultation (documents/consultation.py), same counters table.
    "comment_ip": env("DOCUMENT_RATE_LIMIT_COMMENT_IP", "10/3600"),
    "comment_email": env("DOCUMENT_RATE_LIMIT_COMMENT_EMAIL", "5/86400"),
}
DIALOGUE_DUPLICATE_WINDOW_DAYS = int(env("DIALOGUE_DUPLICATE_WINDOW_DAYS", "30"))
# The question form's captcha: a sum in Vietnamese words, accessible (no image, no sound,
# no JavaScript), so on by default; answers sooner than MIN_SECONDS after display refused.
DIALOGUE_CAPTCHA = env_bool("DIALOGUE_CAPTCHA", True)
DIALOGUE_CAPTCHA_MIN_SECONDS = int(env("DIALOGUE_CAPTCHA_MIN_SECONDS", "3"))
# Citizens' attachments: outside MEDIA_ROOT, never served publicly.
DIALOGUE_ATTACHMENT_ROOT = Path(env("DIALOGUE_ATTACHMENT_ROOT", BASE_DIR / "private" / "dialogue"))
DIALOGUE_ATTACHMENT_MAX_BYTES = int(env("DIALOGUE_ATTACHMENT_MAX_BYTES", str(5 * 1024 * 1024)))
# Moderators told by e-mail of each new question (comma-separated), and the SMTP time-out.
DIALOGUE_NOTIFY_EMAILS = env_list("DIALOGUE_NOTIFY_EMAILS")
DIALOGUE_EMAIL_TIMEOUT = float(env("DIALOGUE_EMAIL_TIMEOUT", "10"))
# The reviewer who approves publication must not be the author of the answer.
DIALOGUE_SEPARATE_REVIEWER = env_bool("DIALOGUE_SEPARATE_REVIEWER", True)

# --- stats: visitor counters and statistics ---
# A visit begins with a browser's first page view, after 30 minutes without one, or on a new
# day; the visitor's signed cookie limits database writes to one per visitor per minute.
# The store is the database (exact under concurrency on any number of servers).
VISITS_STARTING_TOTAL = int(env("VISITS_STARTING_TOTAL", "290365"))  # the old portal's total
VISITS_WINDOW_MINUTES = 30
VISITS_ONLINE_MINUTES = 5
VISITS_WRITE_INTERVAL_SECONDS = 60
VISITS_STATEMENT_TIMEOUT_MS = int(env("VISITS_STATEMENT_TIMEOUT_MS", "300"))
VISITS_COOKIE_NAME = "portal_visit"
VISITS_FRESH_COOKIE_NAME = "portal_seen"
VISITS_COOKIE_SECURE = SESSION_COOKIE_SECURE
VISITS_EXCLUDED_PATHS = [
    STATIC_URL,
    MEDIA_URL,
    "/admin/",
    "/documents/",
    "/healthz",
    "/readyz",
    "/api/v1/visits/",
    "/favicon.ico",
    "/robots.txt",
    "/sitemap.xml",
]
# Figures shown are at most 30 s old: 25 s in the shared cache + 5 s in each process. With the
# shared cache on Redis, reading it costs less than a database query, so no process keeps
# a copy of its own (every worker shows the same figures at every moment).
VISITS_CACHE_SECONDS = 25
VISITS_MEMO_SECONDS = 0 if CACHES[VISITS_CACHE_ALIAS]["BACKEND"] == "ops.cache.RedisCache" else 5
# The shared cache (alias VISITS_CACHE_ALIAS, declared with CACHES above) must be one every
# process and app server reads: a database table by default (created by stats' migrations),
# or VISITS_CACHE_URL=redis://host:6379/2, or "locmem" (one process only).

# --- ops: two-factor login for staff ---
# STAFF_TWO_FACTOR=true: everyone who can open the Wagtail admin enters a TOTP code from an
# authenticator app after the password (enrolment by QR code at the first login); until then
# the session is anonymous outside /admin/. `manage.py reset_two_factor USER` for a lost phone.
STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Cổng thông tin điện tử tỉnh")

# --- open data: the JSON API under /api/v1/ (opendata/) ---
# Anyone may read it from any origin (GET only, no cookies); the API's answers are cached by
# the page cache and by browsers and proxies for API_CACHE_SECONDS.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
API_CACHE_SECONDS = int(env("API_CACHE_SECONDS", "300"))
# Uncached API requests allowed per visitor address (ops.client_ip), DRF's "count/period"
# (second, minute, hour, day); past it a 429 in Vietnamese with Retry-After.
API_RATE_LIMIT = env("API_RATE_LIMIT", "120/minute")
# Where the rate limit counts, shared by every process: "db" (a table, the default),
# "redis://host:6379/3" or "locmem" (one process only).
CACHES["api"] = cache_from_url(env("API_CACHE_URL", "db"), table="portal_api_cache")
# Only the schema generator is set globally: Wagtail's admin API runs on DRF too and keeps
# its own authentication, throttling and errors; ours are set on opendata.http.OpenDataView.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dữ liệu mở – Cổng thông tin điện tử tỉnh",
    "DESCRIPTION": (
        "Tin tức, câu hỏi đã được trả lời (ẩn danh), thủ tục hành chính và số lượt truy cập "
        "của cổng, dạng JSON. Chỉ đọc (GET), mở cho mọi nguồn gốc (CORS), có bộ nhớ đệm và "
        "giới hạn tần suất (HTTP 429)."
    ),
    "VERSION": "1",
    # 3.1: a field that may be null is "oneOf [object, null]", which JSON Schema validators
    # read as meant (3.0's "nullable" beside "allOf" rejects null: tests/opendata).
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["opendata.schema.only_open_data"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}

# --- government: organisation, leaders, work schedule, announcements, emergency banner ---
# The banner is re-read from the database at most this often (one query per period), into the
# shared cache; each process then keeps its copy LIVE_FRAGMENT_MEMO_SECONDS more, so a
# published banner shows on every page (cached ones too) within the sum: 3 s, under the 5 s
# promised (government/live.py).
EMERGENCY_BANNER_REFRESH_SECONDS = float(env("EMERGENCY_BANNER_REFRESH_SECONDS", "2"))
LIVE_FRAGMENT_MEMO_SECONDS = 1.0

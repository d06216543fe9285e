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

INSTALLED_APPS = [
    "home",
    "news",
    "dialogue",
    "search",
    "stats",
    "ops",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
# it indexes itself through the elasticsearch-dsl documents in search/.
WAGTAIL_SITE_NAME = env("SITE_NAME", "Cổng thông tin điện tử tỉnh Thừa Thiên Huế")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "odt", "ods", "txt", "zip"]
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
    "loggers": {"elastic_transport": {"level": "WARNING"}},
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
MIDDLEWARE.insert(  # outermost after SecurityMiddleware: cached pages get the header too
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "ops.middleware.ContentSecurityPolicyMiddleware",
)

# Uploads and request bodies. Form fields: 2.5 MB; files stream to disk past 2.5 MB; any
# body larger than the biggest allowed document (plus form overhead) is refused with 413
# before it is read (nginx's client_max_body_size should match).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(env("FILE_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
REQUEST_BODY_MAX_SIZE = int(env("REQUEST_BODY_MAX_SIZE", str(25 * 1024 * 1024)))
MIDDLEWARE.insert(
    MIDDLEWARE.index("ops.middleware.ContentSecurityPolicyMiddleware") + 1,
    "ops.middleware.RequestBodyLimitMiddleware",
)

# Full-page cache for anonymous GETs (ops.pagecache); emptied on every publish, unpublish,
# move or delete. Its own cache alias so that purging never empties other caches.
# PAGE_CACHE_URL: "db" (default: a table every app server shares), "locmem",
# "redis://host:6379/1" (pip install redis) or "memcached://host:11211" (pip install pymemcache).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/healthz", "/readyz", "/_bench/"]
PAGE_CACHE_PURGE_MODELS = ["wagtailcore.Site", "wagtailredirects.Redirect", "home.PortalSettings"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "db": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }.get(env("PAGE_CACHE_URL", "db"), {}),
}
if not CACHES["pages"]:
    _cache_url = env("PAGE_CACHE_URL")
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache"
        if _cache_url.startswith("redis")
        else "django.core.cache.backends.memcached.PyMemcacheCache",
        "LOCATION": _cache_url.removeprefix("memcached://"),
    }
MIDDLEWARE.insert(  # before sessions: a hit answers without touching the database
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "ops.pagecache.PageCacheMiddleware",
)

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
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

# A database outage answers 503 + Retry-After with a Vietnamese page, not a stack trace.
MIDDLEWARE.append("ops.middleware.DatabaseUnavailableMiddleware")
MIDDLEWARE.append("ops.storage.StorageFullMiddleware")  # a full disk answers 507, not a 500
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
INSTALLED_APPS += [
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
]
# Vietnamese pages at /, their English translations under /en/ (Decree 42/2022 Art. 7).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Bạn có hài lòng…" ratings: at most this many per visitor (IP) per hour, across pages.
RATING_MAX_PER_HOUR = int(env("RATING_MAX_PER_HOUR", "10"))
# Menus appear on every cached page: editing one empties the page cache.
PAGE_CACHE_PURGE_MODELS += ["home.MainMenu", "home.MenuItem"]
# --- news ---
# The image library's description is the alt text: news.image_forms makes it required.
WAGTAILIMAGES_IMAGE_FORM_BASE = "news.image_forms.AltTextImageForm"
# Making a page private, or renaming a news category, changes what cached pages show.
PAGE_CACHE_PURGE_MODELS += ["wagtailcore.PageViewRestriction", "news.NewsCategory"]
# --- procedures (search/) ---
# Shards and replicas of the procedure index; one shard keeps facet counts exact.
ELASTICSEARCH_PROCEDURE_REPLICAS = int(env("ELASTICSEARCH_PROCEDURE_REPLICAS", "0"))
# Results per page of the procedure search (page and API).
PROCEDURE_PAGE_SIZE = 20
# A procedure edited in the admin empties the page cache like a published page does
# (imports, which write in bulk, purge it themselves: search/management/commands).
PAGE_CACHE_PURGE_MODELS = [*PAGE_CACHE_PURGE_MODELS, "search.Procedure"]
# A synonym saved in the admin changes search results at once: cached result pages go too.
PAGE_CACHE_PURGE_MODELS += ["search.SearchSynonym"]

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
# Publishing or withdrawing an answer, or renaming a field or agency, empties the page cache.
PAGE_CACHE_PURGE_MODELS += ["dialogue.PublishedQuestion", "dialogue.Sector", "dialogue.Agency"]

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
# Figures shown are at most 30 s old: 25 s in the shared cache + 5 s in each process.
VISITS_CACHE_SECONDS = 25
VISITS_MEMO_SECONDS = 5
# The shared cache must be one every process and app server reads: a database table by
# default (created by stats' migrations), or VISITS_CACHE_URL=redis://host:6379/2
# (Django's Redis backend; needs `pip install redis`) or "locmem" (one process only).
VISITS_CACHE_ALIAS = "visits"
_visits_cache_url = env("VISITS_CACHE_URL", "db")
if _visits_cache_url == "locmem":
    _visits_cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
elif _visits_cache_url.startswith("redis"):
    _visits_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _visits_cache_url,
    }
else:
    _visits_cache = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_visits_cache",
    }
CACHES[VISITS_CACHE_ALIAS] = _visits_cache
# The statistics page lives in the page cache too: new dossier figures must empty it.
PAGE_CACHE_PURGE_MODELS += ["stats.DossierStatistic"]
# Outside any full-page cache middleware, so that pages served from it still count and get
# fresh figures: right after WhiteNoise (static files never reach it) or SecurityMiddleware.
_visits_anchor = next(
    name
    for name in (
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.middleware.security.SecurityMiddleware",
    )
    if name in MIDDLEWARE
)
MIDDLEWARE.insert(MIDDLEWARE.index(_visits_anchor) + 1, "stats.middleware.VisitCounterMiddleware")

# --- ops: two-factor login for staff ---
# STAFF_TWO_FACTOR=true: everyone who can open the Wagtail admin enters a TOTP code from an
# authenticator app after the password (enrolment by QR code at the first login); until then
# the session is anonymous outside /admin/. `manage.py reset_two_factor USER` for a lost phone.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Cổng thông tin điện tử tỉnh")
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth + 1 : _auth + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "ops.twofactor.middleware.StaffTwoFactorMiddleware",
]

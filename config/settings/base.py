"""Settings shared by every environment.

The embedded default needs no server: SQLite, a cache in a second SQLite file
that every worker shares, media on the local disk, console e-mail. Each production service is switched on by an
environment variable (see README, "Production").
"""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "practice",
    "practice_admin",
    "home",
    "services",
    "blog",
    "contact",
    "booking",
    "search",
    "pagecache",
    "insights",
    "backups",
    "accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads a form: a body in another character set is a
    # 400 here, not a 500 (and a flood of log lines) further in.
    "config.middleware.UnreadableFormBodyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Admin previews may be framed by the admin itself (public pages never).
    "home.preview_framing.AllowAdminToFramePreviews",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so pages served from it are counted too.
    "insights.middleware.InsightsMiddleware",
    # Serves anonymous visitors' pages from the cache before sessions, CSRF or
    # any page code run; outside them, it sees every cookie a response sets.
    "pagecache.middleware.PageCacheMiddleware",
    # Every "is this page public?" of a request shares one query (home/visibility.py).
    "home.visibility.PrivateSectionsMiddleware",
    # The Site, site settings, practice facts and menu: one cache read (home/site_cache.py).
    "home.site_cache.SiteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step verification: django-otp marks verified sessions; ours sends
    # editors who turned it on to the code page until they give one.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireSecondStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the final answer to every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/templates holds what every page shares: base, includes, 404, 500.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite by default. WAL lets readers carry on while one process writes, the
# busy timeout makes a second writer wait instead of failing at once, and
# IMMEDIATE transactions take the write lock up front so two gunicorn workers
# never deadlock upgrading a read lock. Reads go through a memory map of the
# file rather than a system call per page: the operating system's copy of the
# file is shared by every worker, where SQLite's own page cache (2 MB) is per
# connection. A search for a word in most of 10,000 posts, which reads every
# matching index row, went from 28 to 21 ms (issue 18).
SQLITE_PATH = env_str("SQLITE_PATH") or str(BASE_DIR / "db.sqlite3")
SQLITE_MMAP_BYTES = 256 * 1024 * 1024
SQLITE_OPTIONS = {
    "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size={SQLITE_MMAP_BYTES};",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}

# Django's SQLite backend, but the file (and its -wal/-shm) is created owner-only:
# it holds enquiries.
SQLITE_ENGINE = "config.private_sqlite"

if env_str("DATABASE_URL"):
    # dj-database-url accepts both postgres:// and postgresql://.
    DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL"), conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["ENGINE"] = SQLITE_ENGINE
        DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": SQLITE_ENGINE,
            "NAME": SQLITE_PATH,
            "OPTIONS": SQLITE_OPTIONS,
            # Each worker thread keeps its connection, as on PostgreSQL: opening
            # one (the pragmas, Django's SQL functions, the file-mode check) was a
            # fifth of an uncached page's time (issue 18, py-spy under gunicorn).
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
        }
    }

USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    # Decided by the engine, not the URL scheme, so postgres:// and
    # postgresql:// both get PostgreSQL's full-text search.
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
# One cache that every gunicorn worker, every server and every management
# command shares, so a publish (from the admin or from `publish_scheduled`)
# empties the page cache everywhere at once, and rate limits count every try.
# Redis when REDIS_URL is set; otherwise a SQLite file of its own beside the
# database (needs no server; see pagecache/shared_cache.py). A per-process
# local-memory cache would be stale in every worker but the one that changed.
if env_str("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env_str("REDIS_URL"),
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "practice"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    # Rendered pages live apart from everything else (rate-limit counters),
    # so emptying the page cache never touches them.
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + ":pages"}
else:
    CACHE_SQLITE_PATH = env_str("CACHE_SQLITE_PATH") or str(Path(SQLITE_PATH).with_suffix(".cache.sqlite3"))
    DATABASES["cache"] = {
        "ENGINE": SQLITE_ENGINE,
        "NAME": CACHE_SQLITE_PATH,
        "OPTIONS": SQLITE_OPTIONS,
        # Kept open by each worker thread: a cached page then costs two small
        # reads and no new connection.
        "CONN_MAX_AGE": None,
    }
    DATABASE_ROUTERS = ["config.routers.SharedCacheRouter"]
    _SHARED = "pagecache.shared_cache.AtomicDatabaseCache"
    CACHES = {
        "default": {"BACKEND": _SHARED, "LOCATION": "cache_default", "OPTIONS": {"MAX_ENTRIES": 20_000}},
        # Rendered pages in a table of their own: culling pages never drops a rate-limit count.
        "pages": {"BACKEND": _SHARED, "LOCATION": "cache_pages", "OPTIONS": {"MAX_ENTRIES": 5_000}},
    }

# Wagtail's image renditions: the shared cache, without the write-back of
# every rendition it has just read (pagecache/renditions.py).
CACHES["renditions"] = {"BACKEND": "pagecache.renditions.RenditionCache", "LOCATION": "default"}

# --- E-mail -----------------------------------------------------------------
if env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
elif env_str("EMAIL_FILE_PATH"):
    # A local run as in production (`make serve`): each message is written to a file in this
    # owner-only folder, so the links in it (confirming a call request) can be followed.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
else:
    # Nothing is sent and nothing is written to the log (the console backend would
    # print visitors' details there); enquiries show "Not sent: e-mail is not set
    # up" and `check --deploy` warns. Development prints e-mails (settings/dev.py).
    EMAIL_BACKEND = "contact.mail.NoEmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "website@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Contact form -------------------------------------------------------------
# Enquiries one visitor (IP address) may send: "<count>/<period>", period s, m,
# h or d, e.g. "5/h" or "10/15m". Counted in the default cache, which every
# worker shares, so it is exact however many workers answer.
CONTACT_RATE_LIMIT = env_str("CONTACT_RATE_LIMIT", "5/h")
# How many reverse proxies in front of the site append to X-Forwarded-For.
# 0 (the default) ignores the header, which any visitor can forge. Read by
# home.client_ip, the one place that decides a visitor's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Passwords and accounts ----------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed admin logins: five in a row for one username from one address lock
# that pair out for an hour (django-axes). Successful logins reset the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# Who is signing in is decided by the same function as the enquiry rate limit,
# so behind nginx each visitor is counted by their own address (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "home.client_ip.client_ip"
AXES_VERBOSE = False

# Two-step verification (django-otp: TOTP apps, and static tokens as one-time
# backup codes). Any editor can turn it on
# from Account › Two-step verification.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Practice website")

# --- Security headers ------------------------------------------------------
# Public pages run only our own script file: no inline script, nothing from
# another host. The admin is excluded: Wagtail's editor needs inline script
# and styles, and only signed-in staff see it.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [], "camera": [], "geolocation": [], "gyroscope": [], "magnetometer": [],
    "microphone": [], "payment": [], "usb": [], "interest-cohort": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Full-page cache ---------------------------------------------------------
# Anonymous visitors get pages from the "pages" cache; publishing,
# unpublishing, moving or deleting a page, or saving a setting, empties it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# A CDN or caching proxy in front is told to drop a page when it changes
# (Wagtail's frontend cache): an HTTP PURGE endpoint (Varnish, nginx) or
# Cloudflare, each switched on by its variables.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Run every minute beside the web server by `make run`, `make serve` and the
# container (scripts/with-publisher.sh), and by systemd timers in deploy/.
PERIODIC_COMMANDS = ["publish_scheduled", "booking_tasks"]

# --- Insights ----------------------------------------------------------------
# Cookie-free daily page-view totals (insights/). Counts are gathered in each
# worker's memory and written every INSIGHTS_FLUSH_SECONDS by a background
# thread, so visitors never wait for a database write.
INSIGHTS_ENABLED = env_bool("INSIGHTS_ENABLED", True)
INSIGHTS_FLUSH_SECONDS = env_int("INSIGHTS_FLUSH_SECONDS", 10)

# --- Language and time -------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Let Django serve uploads itself (only for a one-machine site with no web
# server in front, such as `make serve`).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Uploads stay readable by a web server in front (nginx serves /media/ as its
# own user) even though the services run with UMask=0077, which keeps the
# database and backups owner-only.
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o755
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Beyond one machine: uploads in an S3-compatible store shared by every app
# server (needs `pip install django-storages[s3]`; see README).
if env_str("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("MEDIA_S3_BUCKET"),
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ---------------------------------------------------------------
# Topics match whatever the capitals: typing "starting therapy" joins the
# existing "Starting therapy" instead of making a second topic (django-taggit).
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Practice website")
# The one public address of the site (scheme, host and port, no path). Every
# absolute link uses it: canonical links, sitemap, feed, robots.txt, JSON-LD,
# Open Graph images and links in e-mails. The default Wagtail Site record is
# brought in step with it on every `migrate` (home/public_url.py), and
# `check --deploy` refuses localhost or a bare IP address. A new name rather
# than WAGTAILADMIN_BASE_URL, whose name says "admin" though it is the address
# visitors see; that setting (which Wagtail reads for image URLs and e-mails)
# now follows it. WAGTAILADMIN_BASE_URL alone is still read, for older set-ups.
PUBLIC_URL = (env_str("PUBLIC_URL") or env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_URL
WAGTAIL_I18N_ENABLED = False
# One therapist edits alone: no moderation step ("Submit to moderators") and
# no workflow menus. WAGTAIL_WORKFLOW_ENABLED=1 brings them back.
WAGTAIL_WORKFLOW_ENABLED = env_bool("WAGTAIL_WORKFLOW_ENABLED", False)
# Comments are for editors reviewing each other's drafts: off, for the same reason.
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
# Search: Wagtail's database backend by default, which uses SQLite's FTS5 (with
# titles weighted, search/backends/) or, when DATABASE_URL points at
# PostgreSQL, its full-text search with English stemming ("walking" finds
# "walk"). SEARCH_BACKEND=opensearch3 (or opensearch2, elasticsearch7/8/9)
# with SEARCH_URL moves search to a search server (README, "Search").
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "english"}}
elif SEARCH_BACKEND in {"elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"}:
    from .env import env_required

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            # Comma-separated; credentials may be in the URL (https://user:password@host:9200).
            "URLS": env_list("SEARCH_URL") or [env_required("SEARCH_URL")],
            # Several sites (or staging and live) can share one cluster.
            "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "practice_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            # English stemming, as on PostgreSQL.
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "english"}}}}},
        }
    }
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be database, opensearch2, opensearch3, elasticsearch7, elasticsearch8 or elasticsearch9, not {SEARCH_BACKEND!r}"
    )
# The admin does not look for new Wagtail releases: upgrades come through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar in the admin: it would send a hash of each editor's e-mail
# address to another host on every page; Wagtail shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING"), "propagate": False},
        "contact": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "booking": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

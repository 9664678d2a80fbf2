"""Settings of Weten wat werkt, driven by environment variables.

Every variable is listed in the README. Debug is off unless DJANGO_DEBUG=1, and
production refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name, default=False):
    """An on/off variable. A value that is neither refuses to start: a typo must not turn a protection off."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not on or off: use one of {sorted(TRUE_WORDS | FALSE_WORDS)}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is not 1.")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DJANGO_DEBUG is not 1.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The public address of the site, used in e-mails, feeds, posters and QR codes
# that are read outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where vulnerabilities are reported (/.well-known/security.txt, RFC 9116).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:security@wetenwatwerkt.nl")
# Where people send questions and requests about their personal data (/privacy/).
PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT", "privacy@wetenwatwerkt.nl")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_prose_editor",
    "django_htmx",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "cop",
    "glossary",
    "privacy",
    "ops",
    "visuals",
    "portal",
    "factors",
    "cases",
    "meetings",
    "notifications",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "cop.middleware.RequestIdMiddleware",
    "cop.middleware.HealthCheckMiddleware",
    # Before the NUL check, so that its 400 under /api/v1 becomes a problem too.
    "portal.api.middleware.ApiMiddleware",
    "cop.middleware.RejectNullCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cop.locale.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cop.middleware.DatabaseUnavailableMiddleware",
    # Keeps the views' own responses (cop/cache.py). Before the two-factor rule: a member's own
    # kept page answers without the role lookup (cop.middleware.RequireTwoFactorMiddleware.process_view).
    "cop.cache.PublicPageCacheMiddleware",
    "cop.middleware.RequireTwoFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# Benchmark instrumentation (bench/run sets BENCH_MODE=1): an X-Query-Count header on
# every response and the bare baseline view /bench/bare/ (devtools/benchmw.py). Never in production.
BENCH_MODE = env_bool("BENCH_MODE")
# Demo data, the generator and the bench instrumentation (devtools/) exist only where they are
# used: development, the benchmark and the test suite (tests/settings.py adds it too).
if DEBUG or BENCH_MODE:
    INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
if BENCH_MODE:
    MIDDLEWARE = ["devtools.benchmw.QueryCountMiddleware", *MIDDLEWARE]
    ROOT_URLCONF = "devtools.benchmw"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "cop.context_processors.site",
                "notifications.context_processors.unread",
            ],
        },
    },
]

FORM_RENDERER = "cop.renderers.SiteFormRenderer"

# Database: a SQLite file next to manage.py unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write
    # lock at the start of a transaction so concurrent writers wait instead of
    # failing half-way (the live mode writes from many phones at once).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (and show the 503 page) when the database host does not answer.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    # Short web queries: JIT compiling a query with a high estimated cost took seconds
    # longer than running it (docs/scaling.md); parallel workers only queue up on few cores.
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", os.environ.get("DATABASE_SESSION_OPTIONS", "-c jit=off -c max_parallel_workers_per_gather=0")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "cop.User"

# Two caches. "default" must be one store for every app process: allauth keeps its rate limits
# (failed logins, sign-ups) there. "pages" holds what a process may keep for itself (rendered
# pages and fragments, the glossary's link index, map layouts). With Redis both live there;
# without it, "default" is a table in the database (created by migration cop 0006) and "pages"
# each process's memory. The live mode's limits are counters in the database (cop/ratelimit.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        name: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
        for name, prefix in (("default", "www"), ("pages", "www-pages"))
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cop_shared_cache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
# Background tasks (django-tasks, docs/decisions.md): mail, digests and heavy renders never run in a
# request. "database" (the default without Redis) keeps the queue in a table and `manage.py
# db_worker` runs it (`make run` starts one); "rq" (the default with REDIS_URL) queues in Redis for
# `manage.py rqworker`; "immediate" runs a task at once in the caller (the tests).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "rq" if REDIS_URL else "database")
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND={TASKS_BACKEND!r} is not one of {sorted(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}}
# A task whose mail could not be sent tries again this many times, waiting longer each time.
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 5)

# Behind a reverse proxy every request comes from the proxy's address. With N trusted proxies in
# front of the app, the client is the N-th address from the right in X-Forwarded-For (each proxy
# appends the address it saw). 0: no proxy, REMOTE_ADDR is the client. Used by the live mode's
# limits (cop/ratelimit.py) and by allauth's.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# A guest form must have been on screen this long before it makes a guest (meetings.access).
LIVE_GUEST_MIN_SECONDS = env_int("LIVE_GUEST_MIN_SECONDS", 1)
# Push to the live walls (meetings/push.py): a stream per wall, held by a thread of a threaded
# worker (gunicorn --worker-class gthread, runserver); sync workers fall back to polling.
LIVE_PUSH = env_bool("LIVE_PUSH", True)
LIVE_PUSH_STREAMS = env_int("LIVE_PUSH_STREAMS", 10)  # per process; keep it below gunicorn's --threads
LIVE_PUSH_POLL_MS = env_int("LIVE_PUSH_POLL_MS", 250)  # without PostgreSQL's LISTEN: how often the hub looks
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={TRUSTED_PROXY_COUNT} must be 0 or more.")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Public pages for visitors are cached per content version for at most this long
# (cop/cache.py); 0 turns page and fragment caching off (the test suite does).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: e-mail accounts, verified before first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
# Changing the password keeps this session and ends every other one (Django's
# session hash); a password reset ends all of them.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Changing e-mail addresses or the password asks for the password again when the
# last login is older than ACCOUNT_REAUTHENTICATION_TIMEOUT (5 minutes).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_PREVENT_ENUMERATION = True
# Per address (the client behind TRUSTED_PROXY_COUNT proxies), generous enough for a room on one
# venue wifi address signing in at once; per account (key) strict, so guessing one password fails.
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "30/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_SIGNUP_FORM_CLASS = "cop.forms.SignupExtraForm"
# Hashes the password for a taken address too, so both answers take as long (cop/signup.py).
ACCOUNT_FORMS = {"signup": "cop.signup.SignupForm"}
# Co-editor invitations (cases/invitations.py): at most this many per owner per hour, and
# the answer waits at least this long, so that it takes as long for every address.
COEDITOR_INVITATIONS_PER_HOUR = env_int("COEDITOR_INVITATIONS_PER_HOUR", 10)
COEDITOR_INVITE_MIN_SECONDS = 0.5
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Weten wat werkt] "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "profile"
# Facilitators land on "Mijn bijeenkomsten" instead (privacy.adapter); account mails are in the
# site's voice (templates/account/email/) and leave from the task queue (cop.adapter).
ACCOUNT_ADAPTER = "privacy.adapter.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Weten wat werkt"
# Facilitators and staff must set up TOTP before they can do anything else
# (cop.middleware.RequireTwoFactorMiddleware). Only tests of other features turn it off.
MFA_REQUIRED_FOR_FACILITATORS = env_bool("MFA_REQUIRED_FOR_FACILITATORS", True)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("DJANGO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve static files straight from the app folders when they are not collected.
WHITENOISE_USE_FINDERS = DEBUG or env_bool("DJANGO_PLAIN_STATIC")
# Media on S3-compatible object storage (django-storages with boto3) when a bucket is
# set, so that several app servers share the uploads. The keys come from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. URLs are public and unsigned (file
# names are random, made by cop.images), so pages with images stay cacheable.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")  # where images are served from, for the CSP
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").rstrip("/")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    if not MEDIA_ORIGINS:
        MEDIA_ORIGINS = [
            f"https://{AWS_S3_CUSTOM_DOMAIN}"
            if AWS_S3_CUSTOM_DOMAIN
            else AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
        ]

# Uploads: refuse anything larger than this before Pillow reads it.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 8 * 1024 * 1024)
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# E-mail: SMTP from the environment; the console in debug when no host is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Weten wat werkt <noreply@wetenwatwerkt.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production defaults are strict; each can be loosened by its variable
# (for example behind a TLS-terminating proxy on a private network).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The load balancer's health check may use plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
if env_bool("USE_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"  # django-prose-editor 0.28.0

# Content-Security-Policy: scripts only from our own origin or with the
# per-request nonce; nothing inline, no eval, no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # The hash is the one <style> Tiptap (inside django-prose-editor's editor.js) adds to
        # every editor page, its core CSS: allowed exactly, never 'unsafe-inline'.
        # tests/cop/test_editor_csp.py recomputes it from the installed package.
        "style-src": [SELF, PROSE_EDITOR_STYLE_HASH],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

# The community's licence for published knowledge, shown on every public page
# and in every export.
COP_LICENCE_NAME = os.environ.get("COP_LICENCE_NAME", "CC BY 4.0")
COP_LICENCE_URL = os.environ.get("COP_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.nl")

# The open data API (portal/api/, docs/api-changelog.md). Its full semantic version is the
# API-Version header of every answer and the schema's info.version; /api/v1 carries the major.
API_VERSION = "1.2.0"
API_CONTACT_EMAIL = os.environ.get("API_CONTACT_EMAIL", PRIVACY_CONTACT)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": None,
    # Every error as problem details (RFC 9457): portal/api/problems.py.
    "EXCEPTION_HANDLER": "portal.api.problems.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Weten wat werkt — open data",
    "DESCRIPTION": "Read-only open data of the Community of Practice gebiedsgericht werken Gelderland.",
    "VERSION": API_VERSION,
    "CONTACT": {"name": "Weten wat werkt", "url": f"{SITE_URL}/api/", "email": API_CONTACT_EMAIL},
    "LICENSE": {"name": COP_LICENCE_NAME, "url": COP_LICENCE_URL},
    # Paths relative to the server, which names the major version (/core/uri-version); absolute,
    # so that a copy of the document still says where the API is (https in production).
    "SERVERS": [{"url": f"{SITE_URL}/api/v1", "description": "This site"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    # Several fields are called "kind"; give each choice set its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "FactorKindEnum": "factors.models.Factor.Kind",
        "RelationKindEnum": "factors.models.FactorRelation.Kind",
        "PerspectiveEnum": "cop.models.Perspective",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api.schema.document_standard_responses",
    ],
}

# Logs: one JSON object per line (cop.logging.JSONFormatter, with the request id)
# unless LOG_FORMAT=plain; plain is the default in debug.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "cop.logging.JSONFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "plain"}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here and change only what differs.
Secrets and deployment details come from the environment, never from this file.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [host for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host]

INSTALLED_APPS = [
    # Ours, from the bottom up: the task worker's heartbeat (before django_tasks_db: its `db_worker` replaces theirs),
    # the site (cms), the workflows on it, the events calendar that hosts registration forms, and the demo that fills
    # them all. Each imports only what is listed before it (tests/test_architecture.py).
    "taskworker",
    "cms",
    "workflows",
    "events",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]

# Widgets render with the project's templates too (e.g. the date range widget of application forms).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://user@host/db) selects anything else.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A worker and a web server share the file: wait for locks instead of failing at once. In write-ahead-log mode
    # readers do not wait for the writer, and a commit appends to the log instead of syncing the whole file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. German is the source of every page and form; the others follow the partner cities.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("fr", "Français"),
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("cs", "Čeština"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("mr", "मराठी"),
    ("ja", "日本語"),
    ("zh-hans", "简体中文"),
    ("he", "עברית"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads of applicants go to "private": no base URL, served only by permission-checked views. In production
# PRIVATE_STORAGE_BACKEND can name an S3-compatible backend whose bucket is not public.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": os.environ.get("PRIVATE_STORAGE_BACKEND", "workflows.storage.PrivateFileSystemStorage"),
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Background work goes through the django-tasks API. The database backend is durable and needs only
# `manage.py db_worker`; TASK_BACKEND can name another backend (e.g. an RQ backend on Redis) without code changes.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Our `db_worker` records every TASK_WORKER_HEARTBEAT_SECONDS that it is alive. A task left running by a worker not
# seen for TASK_WORKER_TIMEOUT_SECONDS (killed, out of memory, machine restarted) is queued again, until it has been
# started TASK_MAX_ATTEMPTS times; then it is recorded as failed.
TASK_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("TASK_WORKER_HEARTBEAT_SECONDS", "5"))
TASK_WORKER_TIMEOUT_SECONDS = float(os.environ.get("TASK_WORKER_TIMEOUT_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "3"))

# Decisions (PDF): a rendering that takes longer than DECISION_RENDER_SECONDS is stopped and reported as failed; a
# decision still pending DECISION_PENDING_MARGIN_SECONDS after that (queued behind others, or its worker died) may be
# tried again by staff. The link in the applicant's email works for DECISION_LINK_DAYS.
DECISION_RENDER_SECONDS = int(os.environ.get("DECISION_RENDER_SECONDS", "60"))
DECISION_PENDING_MARGIN_SECONDS = int(os.environ.get("DECISION_PENDING_MARGIN_SECONDS", "240"))
DECISION_LINK_DAYS = int(os.environ.get("DECISION_LINK_DAYS", "90"))

# Application forms: at most FORM_RATE_LIMIT="count/seconds" submissions per address, and request bodies (all
# files together) up to FORM_MAX_REQUEST_MB.
_rate_count, _rate_seconds = os.environ.get("FORM_RATE_LIMIT", "10/600").split("/")
FORM_RATE_LIMIT = (int(_rate_count), int(_rate_seconds))
FORM_MAX_REQUEST_BYTES = int(os.environ.get("FORM_MAX_REQUEST_MB", "60")) * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 40
# Applicants asking for their status links again: at most STATUS_LINK_RATE_LIMIT="count/seconds" requests per network
# address, and as many emails to one address.
_link_count, _link_seconds = os.environ.get("STATUS_LINK_RATE_LIMIT", "5/3600").split("/")
STATUS_LINK_RATE_LIMIT = (int(_link_count), int(_link_seconds))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "aussenbeziehungen@stuttgart.example")

WAGTAIL_SITE_NAME = _("Städtepartnerschaften Stuttgart")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are Wagtail's own: staff email hashes are not sent to Gravatar (data protection; works offline too).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": os.environ.get("MACHINE_TRANSLATOR_CLASS", "wagtail_localize.machine_translators.dummy.DummyTranslator"),
    "OPTIONS": {},
}

# Whether `load_demo` may create the demo users with their well-known passwords. Only dev and test allow it.
DEMO_USERS_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; the audit log in the admin already records them.
        "wagtail": {"level": "WARNING"},
        # The worker logs every task start and finish at INFO; failures come at WARNING and above.
        "django_tasks": {"level": os.environ.get("TASK_LOG_LEVEL", "WARNING")},
        # WeasyPrint reports every step of every rendering at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

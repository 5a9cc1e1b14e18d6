"""Settings for the unit tests: a minimal project with django_prodserver installed."""

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django_prodserver",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = True
ROOT_URLCONF = "tests.urls"
WSGI_APPLICATION = "demo.wsgi.application"
PRODUCTION_PROCESSES = {
    "web": {
        "BACKEND": "django_prodserver.backends.granian.GranianASGIServer",
        "ARGS": {"address": "127.0.0.1", "port": "8000", "workers": "1"},
    },
}

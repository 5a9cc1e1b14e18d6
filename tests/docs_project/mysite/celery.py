import os

from celery import Celery

# The settings module Celery's command line uses; manage.py has set it already.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

app = Celery("mysite")
# Celery's settings are Django's, prefixed CELERY_: CELERY_BROKER_URL is broker_url.
app.config_from_object("django.conf:settings", namespace="CELERY")
# The tasks.py module of each installed app.
app.autodiscover_tasks()

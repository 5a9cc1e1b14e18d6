"""Sphinx configuration: MyST pages, plus the local extension that renders references from the code."""

import os
import sys
from pathlib import Path

import django

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
# The package, the example project and the local extension (docs/_ext/prodserver_docs).
sys.path[:0] = [str(ROOT), str(ROOT / "example"), str(DOCS / "_ext")]
# The reference directives read the setting and the command: the unit tests' minimal project.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

project = "django-prodserver"
author = "django-prodserver developers"
copyright = "django-prodserver developers"
release = "4.0.0.dev0"

extensions = ["myst_parser", "prodserver_docs"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext", "_mutation.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "alabaster"
html_title = "django-prodserver"

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

extensions = ["myst_parser", "sphinx_copybutton", "prodserver_docs"]
source_suffix = {".md": "markdown"}
# _tools: the browser check of the built pages (make docs-check), not a page.
exclude_patterns = ["_build", "_ext", "_tools", "_mutation.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# Quotes as printed: check messages and settings keep their straight quotes, not curly ones.
smartquotes = False

# Furo: responsive (a drawer for the navigation on phones), light and dark modes, working search.
html_theme = "furo"
html_title = "django-prodserver"
html_static_path = ["_static"]
# Code blocks wrap instead of scrolling; wide tables become one card per row on narrow screens.
html_css_files = ["prodserver.css"]
html_theme_options = {"top_of_page_buttons": []}
# Copy buttons copy the commands, not the prompts or the output lines of console blocks.
copybutton_exclude = ".linenos, .gp, .go"

"""Sphinx configuration: MyST pages, plus the local extension that fits them to a phone.

The reference content (option tables, checks, the servers side by side) is Markdown committed in
the pages (``docs/_tools/generate.py``), so building needs neither Django nor the servers.
"""

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The local extension (docs/_ext/prodserver_docs).
sys.path.insert(0, str(DOCS / "_ext"))

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

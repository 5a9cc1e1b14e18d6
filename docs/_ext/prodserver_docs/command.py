"""``prodserver-help``: the help of ``manage.py prodserver``, from the command's own parser."""

from __future__ import annotations

import os
from typing import ClassVar
from unittest import mock

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

WIDTH = "100"
"""argparse wraps help to the terminal width; fixed so the page does not depend on the builder."""


class CommandHelpDirective(SphinxDirective):
    """``{prodserver-help}``: ``manage.py prodserver --help`` for the docs' settings (one ASGI process)."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        from django.core.management import load_command_class

        with mock.patch.dict(os.environ, {"COLUMNS": WIDTH}):
            command = load_command_class("django_prodserver", "prodserver")
            text = command.create_parser("manage.py", "prodserver").format_help()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]

"""``prodserver-check-output``: a setting and what ``manage.py check`` says about it, run at build time.

The content is a ``PRODUCTION_PROCESSES`` value (a Python literal).  The page shows it, then
the messages of the registered ``prodserver`` check under that setting, as Django prints them.
"""

from __future__ import annotations

import ast
from typing import ClassVar

from django.core import checks
from django.test.utils import override_settings
from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class CheckOutputDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar[dict[str, object]] = {}

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content)
        try:
            setting = ast.literal_eval(source)
        except (ValueError, SyntaxError) as exc:
            raise self.error(f"The setting must be a Python literal: {exc}") from None
        with override_settings(PRODUCTION_PROCESSES=setting):
            messages = checks.run_checks(tags=["prodserver"], include_deployment_checks=False)
        if not messages:
            raise self.error("This example is meant to show check messages, but the check found nothing.")
        output = "\n".join(str(message) for message in messages)
        return [code_block(f"PRODUCTION_PROCESSES = {source}", "python"), code_block(output, "text")]


def code_block(text: str, language: str) -> nodes.literal_block:
    block = nodes.literal_block(text, text)
    block["language"] = language
    return block

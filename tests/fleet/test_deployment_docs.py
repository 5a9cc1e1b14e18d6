"""The exports shown in docs/deployment.md and README.md are generated, not written by hand.

Each block marked ``<!-- example: export FORMAT [FILE] -->`` must be exactly what ``prodserver
--export FORMAT`` writes (FILE: the one file of a systemd export) for the setting above it on its
page, on the machine the page describes (:data:`LAUNCH`).  After a change to an exporter,
``python -m tests.fleet.test_deployment_docs`` rewrites the blocks; the tests of
tests/fleet/test_exports.py check the same exporters with each engine's own tool.
"""

from __future__ import annotations

from typing import Any

import django
import pytest

from django_prodserver.fleet.export import exporter
from django_prodserver.fleet.launch import Launch
from django_prodserver.fleet.plan import member
from django_prodserver.validation import validate_process
from tests.unit.test_docs_blocks import Block, all_blocks
from tests.unit.test_docs_examples import docs_project_on_path, page_settings, setting_above

LAUNCH = Launch("/srv/mysite/.venv/bin/python", ("/srv/mysite/manage.py",), "/srv/mysite", "mysite.settings")
"""The project of the docs: in /srv/mysite, its virtualenv in .venv, its settings mysite.settings."""
IMAGE = "registry.example.com/mysite:1.0"


def export_blocks() -> list[Block]:
    return [block for block in all_blocks() if block.kind == "export"]


def rendered(block: Block) -> str:
    """What the export of ``block`` writes for the setting above it."""
    fmt, *name = block.args
    namespace: dict[str, Any] = setting_above(block)
    processes = namespace["PRODUCTION_PROCESSES"]
    with page_settings(namespace), docs_project_on_path():
        members = [member(validate_process(key, config), config) for key, config in processes.items()]
        files = exporter(fmt).files(members, LAUNCH, IMAGE)
    return files[name[0]] if name else "".join(files.values())


def test_the_pages_show_every_format() -> None:
    assert {block.args[0] for block in export_blocks()} == {
        "procfile",
        "supervisord",
        "systemd",
        "compose",
        "kubernetes",
    }


@pytest.mark.parametrize("block", export_blocks(), ids=lambda block: block.where)
def test_export_example_is_what_the_export_writes(block: Block) -> None:
    assert block.text == rendered(block), f"{block.where}: run python -m tests.fleet.test_deployment_docs"


def main() -> None:
    """Rewrite every export block with what its export writes now."""
    for path in sorted({block.path for block in export_blocks()}):
        lines = path.read_text().splitlines(keepends=True)
        # Bottom up, so that the line numbers of the blocks above stay right.
        for block in sorted((b for b in export_blocks() if b.path == path), key=lambda b: -b.line):
            length = len(block.text.splitlines())
            lines[block.line : block.line + length] = rendered(block).splitlines(keepends=True)
        path.write_text("".join(lines))


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    main()

"""The reference content committed in the Markdown pages is what the code renders now.

Option tables and the checks reference are written into the pages (``python
docs/_tools/generate.py``) so that each reads as Markdown on a forge; like ``types.py``, a page
that differs from the generator's output is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from prodserver_docs import checks_pages, chooser, generated  # noqa: E402

sys.path.insert(0, str(ROOT / "docs" / "_tools"))
from generate import pages  # noqa: E402

PAGES = [page for page in pages() if generated.regions(page.read_text())]


# The pages are written on the main run's Python (3.11, Django 5.2, the tools its .venv holds);
# the matrix's other Pythons install other releases (uvicorn 0.54 on 3.10), whose messages differ.
MAIN_RUN = sys.version_info[:2] == (3, 11)


@pytest.mark.skipif(not MAIN_RUN, reason="the pages are generated on the main run's Python, 3.11")
@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_generated_content_is_current(page: Path) -> None:
    text = page.read_text()
    assert generated.regenerated(text) == text, f"{page.relative_to(ROOT)} is stale: run python docs/_tools/generate.py"


def test_every_check_id_has_its_heading_on_its_page() -> None:
    for example, _ in checks_pages.shown():
        page = ROOT / "docs" / "reference" / "checks" / f"{checks_pages.page_of(example.id)}.md"
        assert f"\n### {example.id}\n" in page.read_text(), example.id


def test_a_module_without_a_concern_gets_a_section_of_its_own() -> None:
    # A new rules module still shows its IDs (titled by its name) before anyone gives it a title.
    assert checks_pages.concern("some_rules") == "Some rules"
    assert checks_pages.concern("shape") == "The setting and its processes"


def test_an_unknown_region_fails() -> None:
    with pytest.raises(ValueError, match="unknown generated region 'nothing'"):
        generated.regenerated("<!-- generated: nothing -->\n<!-- end generated -->")


def test_the_servers_facts_fail_on_another_release_than_they_were_read_from(monkeypatch: pytest.MonkeyPatch) -> None:
    # docs/choosing.md's facts are typed from one release of each server: a new minor release asks for a re-read.
    first = chooser.SERVERS[0]
    major, minor, *_ = first.checked.split(".")
    newer = f"{major}.{int(minor) + 1}.0"
    monkeypatch.setattr(chooser, "version", lambda _: newer)
    message = f"the facts on {first.name} were read from {first.key} {first.checked}, and {newer} is installed"
    with pytest.raises(ValueError, match=re.escape(message)):
        generated.render("servers")


def test_a_patch_release_keeps_the_servers_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2.8.9 -> 2.8.99: the same series, the same facts, and the page still names the release they were read from.
    checked = {server.key: server.checked for server in chooser.SERVERS}
    monkeypatch.setattr(chooser, "version", lambda key: checked[key] + "9")
    first = chooser.SERVERS[0]
    assert f"{first.key} {first.checked}," in generated.render("servers")

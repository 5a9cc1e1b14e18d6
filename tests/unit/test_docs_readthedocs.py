"""docs/.readthedocs.yaml builds what ``make docs`` builds, from what the docs extra installs."""

from __future__ import annotations

from pathlib import Path

import yaml

from .test_docs_migrating import extras

ROOT = Path(__file__).resolve().parents[2]


def test_read_the_docs_builds_the_sphinx_project_with_the_docs_extra() -> None:
    config = yaml.safe_load((ROOT / "docs" / ".readthedocs.yaml").read_text())
    assert config["version"] == 2
    assert (ROOT / config["sphinx"]["configuration"]).is_file()
    assert config["sphinx"]["fail_on_warning"] is True
    [install] = config["python"]["install"]
    assert (install["method"], install["path"], install["extra_requirements"]) == ("pip", ".", ["docs"])
    assert "docs" in extras()


def test_make_docs_installs_the_docs_extra_only() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "docs: $(VENV)/.installed-docs\n" in makefile
    assert '$(PIP) install -e ".[docs]"' in makefile

"""The application a server loads must be found without importing it: E063, for each way it is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.checks import Error
from django.test import override_settings

from tests.unit.checking import WEB, check, web

HINT = "Point ASGI_APPLICATION (ASGI) or WSGI_APPLICATION at your project's application."


def test_a_parent_package_that_fails_to_import_is_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # find_spec imports the parent package: the project's own code, which may raise anything.
    (tmp_path / "brokensite").mkdir()
    (tmp_path / "brokensite" / "__init__.py").write_text("raise RuntimeError('no SECRET in the environment')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with override_settings(ASGI_APPLICATION="brokensite.asgi.application"):
        assert check(web({})) == [
            Error(
                f"{WEB} serves 'brokensite.asgi:application', but its module 'brokensite.asgi' cannot be found "
                "(RuntimeError: no SECRET in the environment).",
                hint=HINT,
                id="prodserver.E063",
            )
        ]


def test_a_module_of_a_package_that_exists_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "goodsite").mkdir()
    (tmp_path / "goodsite" / "__init__.py").write_text("")
    (tmp_path / "goodsite" / "asgi.py").write_text("application = None\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with override_settings(ASGI_APPLICATION="goodsite.asgi.application"):
        assert check(web({})) == []

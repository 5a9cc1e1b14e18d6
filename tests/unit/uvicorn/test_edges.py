"""uvicorn's command line at its edges: options uvicorn's CLI has no ``--no-`` form of."""

from __future__ import annotations

from django_prodserver.backends.uvicorn import UvicornASGIArgs, UvicornServer


def line(**raw: object) -> list[str]:
    return UvicornServer().command_line(UvicornASGIArgs.model_validate(raw))


def test_reload_is_a_flag_uvicorn_has_no_negative_of() -> None:
    assert "--reload" in line(reload=True)
    # uvicorn's CLI knows --reload only: reload set to False is said by leaving it out.
    off = line(reload=False)
    assert "--reload" not in off
    assert "--no-reload" not in off
    assert off == line()

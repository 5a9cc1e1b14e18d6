"""Every built-in server declares the common ARGS as ``django_prodserver/args/common.py`` does.

``address``, ``port``, ``workers``, ``threads``, ``backlog``, ``log-level``, ``log-access``,
``ssl-cert`` and ``ssl-key`` must mean the same on every server, so that switching servers is a
change of ``BACKEND`` alone: the same documented name, type, default, bounds, group and base
description.  Where a server differs on purpose, :data:`OWN` says so and why; a new server, or one
whose declaration drifts, fails here.
"""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

import pytest
from annotated_types import Ge, Gt, Le, Lt
from django.utils.module_loading import import_string
from pydantic.fields import FieldInfo

from django_prodserver.args import common
from django_prodserver.args.addresses import HostAddress
from django_prodserver.args.base import BackendArgs
from django_prodserver.args.describe import choices
from django_prodserver.args.values import Int
from django_prodserver.backends.base import TypedBackend
from django_prodserver.backends.uvicorn.options import WSGI_THREADS
from django_prodserver.backends.waitress.options import Host
from django_prodserver.registry import BUILTIN_BACKENDS

_GRANIAN = "django_prodserver.backends.granian."
_UVICORN = "django_prodserver.backends.uvicorn."

NOT_PRODUCTION_SERVERS = {
    "django_prodserver.backends.celery.CeleryFlower": "Celery's monitor: its address and port are Flower's own (5555)",
}
"""Servers whose options of these names are not the common ones."""

OWN: dict[str, dict[str, dict[str, Any]]] = {
    # Granian's CLI refuses a backlog below 128; its blocking threads are a usize.
    f"{_GRANIAN}GranianASGIServer": {"backlog": {"ge": 128}},
    # Its blocking threads start on demand: not judged against the machine's limit (ThreadCount).
    f"{_GRANIAN}GranianWSGIServer": {"backlog": {"ge": 128}, "threads": {"le": 2**64 - 1, "type": Int}},
    # 0 passes the type so that gunicorn's rules say why it would serve nothing (E086); it binds host names.
    "django_prodserver.backends.gunicorn.GunicornServer": {
        "workers": {"ge": 0},
        "threads": {"ge": 0},
        "address": {"type": HostAddress},
    },
    # 0 passes the type so that uvicorn's rules say it runs 1 worker instead (W091); it binds host names.
    f"{_UVICORN}UvicornServer": {"workers": {"ge": 0}, "address": {"type": HostAddress}},
    # The WSGI adapter's threads: its own default, no uvicorn flag.
    f"{_UVICORN}UvicornWSGIServer": {
        "workers": {"ge": 0},
        "threads": {"default": WSGI_THREADS},
        "address": {"type": HostAddress},
    },
    # waitress keeps 3.x's defaults (0.0.0.0:8080, 4 threads) and binds host names too.
    "django_prodserver.backends.waitress.WaitressServer": {
        "address": {"type": Host, "default": "0.0.0.0"},
        "port": {"default": 8080},
        "threads": {"default": 4},
    },
}
"""Backend -> field -> what it declares unlike :mod:`django_prodserver.args.common`, on purpose."""


def _servers() -> list[str]:
    return [
        path for path in BUILTIN_BACKENDS if import_string(path).kind == "server" and path not in NOT_PRODUCTION_SERVERS
    ]


SERVERS = _servers()


def args_model(path: str) -> type[BackendArgs]:
    backend: type[TypedBackend[Any]] = import_string(path)
    return backend.args_model


def spec_of(info: FieldInfo, field: str) -> common.Common:
    """The common declaration a field must follow: ``threads`` on an ASGI server is a placeholder."""
    if field == "threads" and info.default is None:
        return common.ASGI_THREADS
    return common.COMMON[field]


BOUNDS = (Ge, Gt, Le, Lt)


def declared_type(info: FieldInfo) -> Any:
    """The field's type and validators, without its bounds; a server's log levels as the common ones."""
    metadata = tuple(item for item in info.metadata if not isinstance(item, BOUNDS))
    annotation = info.annotation
    if get_origin(annotation) is Literal and set(get_args(common.LogLevel)) <= set(choices(info)):
        # A server may have more levels (uvicorn's trace, Granian's notset): it has the common ones.
        annotation = common.LogLevel
    return annotation, metadata


def bounds(info: FieldInfo) -> dict[str, Any]:
    return {
        "ge": next((item.ge for item in info.metadata if isinstance(item, Ge)), None),
        "le": next((item.le for item in info.metadata if isinstance(item, Le)), None),
        "gt": next((item.gt for item in info.metadata if isinstance(item, Gt)), None),
        "lt": next((item.lt for item in info.metadata if isinstance(item, Lt)), None),
    }


def facts(model: type[BackendArgs], field: str) -> dict[str, Any]:
    info = model.model_fields[field]
    meta = model.options()[field]
    return {
        "name": meta.name,
        "documented": meta.documented,
        "group": meta.group,
        "path": meta.path,
        "type": declared_type(info),
        "default": info.default,
        **bounds(info),
    }


def expected(spec: common.Common, own: dict[str, Any]) -> dict[str, Any]:
    own = dict(own)
    if "type" in own:
        own["type"] = declared_type(FieldInfo.from_annotation(own["type"]))
    return {
        "name": spec.name,
        "documented": True,
        "group": spec.group,
        "path": spec.path,
        "type": declared_type(FieldInfo.from_annotation(spec.annotation)),
        "default": spec.default,
        "ge": spec.bounds.get("ge"),
        "le": spec.bounds.get("le"),
        "gt": None,
        "lt": None,
    } | own


CASES = [
    pytest.param(path, field, id=f"{path.rpartition('.')[2]}.{field}")
    for path in SERVERS
    for field in args_model(path).model_fields
    if field in common.COMMON
]


def test_the_production_servers_are_checked() -> None:
    checked = {str(case.values[0]).rpartition(".")[2] for case in CASES}
    servers = {"GranianASGIServer", "GranianWSGIServer", "GunicornServer", "UvicornServer", "UvicornWSGIServer"}
    assert servers | {"WaitressServer"} <= checked


@pytest.mark.parametrize(("path", "field"), CASES)
def test_a_common_option_is_declared_as_args_common_says(path: str, field: str) -> None:
    model = args_model(path)
    spec = spec_of(model.model_fields[field], field)
    assert facts(model, field) == expected(spec, OWN.get(path, {}).get(field, {}))


@pytest.mark.parametrize(("path", "field"), CASES)
def test_a_description_starts_with_the_common_one(path: str, field: str) -> None:
    info = args_model(path).model_fields[field]
    base = spec_of(info, field).description
    # What common.described() makes of it with a server's note: "Log level (...", "... (PEM; ...".
    with_note = common.described(base, "")[:-1]
    assert info.description is not None
    assert info.description == base or (info.description.startswith(with_note) and info.description.endswith(")"))


def test_every_difference_is_one_a_server_has() -> None:
    for path, fields in OWN.items():
        assert path in SERVERS
        assert set(fields) <= set(args_model(path).model_fields), path


@pytest.mark.parametrize("path", [f"{_GRANIAN}GranianASGIServer", f"{_UVICORN}UvicornServer"])
def test_threads_on_an_asgi_server_is_the_placeholder_never_passed_on(path: str) -> None:
    model = args_model(path)
    assert spec_of(model.model_fields["threads"], "threads") is common.ASGI_THREADS
    assert (model.options()["threads"].cli, model.options()["threads"].server) == (None, None)


def test_a_server_must_offer_the_common_log_levels() -> None:
    with pytest.raises(TypeError, match=r"lack the common \['debug'\]"):
        common.LOG_LEVEL.declare(choices=Literal["critical", "error", "warning", "info"], cli="log-level")


@pytest.mark.parametrize(
    ("note", "description"),
    [
        (None, "TLS private key file (PEM)"),
        ("PKCS#8, RSA or EC", "TLS private key file (PEM; PKCS#8, RSA or EC)"),
    ],
)
def test_a_note_joins_a_description_that_ends_with_a_parenthesis(note: str | None, description: str) -> None:
    assert common.described(common.SSL_KEY.description, note) == description
    assert common.described("Log level", note) == ("Log level" if note is None else f"Log level ({note})")


@pytest.mark.parametrize(
    ("host", "port", "text"),
    [("127.0.0.1", 8000, "127.0.0.1:8000"), ("::1", 8000, "[::1]:8000"), ("0.0.0.0", 0, "0.0.0.0:0")],
)
def test_host_and_port_brackets_ipv6(host: str, port: int, text: str) -> None:
    assert common.host_and_port(host, port) == text

"""Value types shared by every ARGS model: how settings values are coerced.

Settings are often written with strings (``"8000"``, ``"False"``), as in the original documentation, so
each type accepts its native form and the string form.  Types are plain ``Annotated``
aliases so that pydantic does the work and mypy sees the Python type.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, GetCoreSchemaHandler, PlainSerializer
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

SLEEP_MAX_SECONDS = 2**33
"""The longest wait Python's ``time.sleep`` and ``threading.Event.wait`` take (2**34 and inf overflow)."""

POLL_MAX_SECONDS = (2**31 - 1) // 1000
"""The longest wait ``select.poll`` takes, in whole seconds (its C int of milliseconds): what
``multiprocessing``'s ``Connection.poll`` and waitress' poll loop wait with; longer is an OverflowError."""

_DURATION = re.compile(r"^(?:(?P<d>\d+)d)?(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?$")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def _reject_bool(value: Any) -> Any:
    # pydantic's lax mode reads True as 1: `workers: True` is a mistake, not one worker.
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def parse_duration(value: Any) -> Any:
    """Seconds from an int or a duration text (``"90"``, ``"1h30m"``, ``"2d"``)."""
    if isinstance(value, bool):
        raise PydanticCustomError("duration", "Input should be a duration such as 90, '90s' or '1h30m'")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isdecimal():
            return int(text)
        match = _DURATION.fullmatch(text) if text else None
        if match is not None:
            return sum(int(n) * _SECONDS[unit] for unit, n in match.groupdict().items() if n)
    raise PydanticCustomError("duration", "Input should be a duration such as 90, '90s' or '1h30m'")


def _lower_choice(value: Any) -> Any:
    # Choices are case-insensitive on the servers' command lines; `http: 2` is as natural as `"2"`.
    if isinstance(value, str):
        return value.strip().lower()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _one_or_many(value: Any) -> Any:
    # A repeatable option given once may be written as a single value.
    if isinstance(value, (str, PathLike)):
        return [value]
    if isinstance(value, (set, frozenset)):
        # A set has no order, and order matters (each static route goes with the mount at its place).
        raise PydanticCustomError("list_type", "Input should be a list: a set has no order")
    if isinstance(value, tuple):
        return list(value)
    return value


def comma_list(value: Any) -> Any:
    # As the servers' command lines take such lists: one string, items separated by commas.
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return _one_or_many(value)


def _each_once(items: list[Any]) -> list[Any]:
    # Lists whose tool refuses a repeated value at start (gunicorn's "Duplicate protocols specified").
    seen: list[Any] = []
    for item in items:
        if item in seen:
            raise PydanticCustomError("list_duplicate", "Input should give each value once", {"item": item})
        seen.append(item)
    return items


def _octal(value: Any) -> Any:
    # As the servers' command lines read permissions: a leading 0 means octal ("0660").
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text, 8 if text.startswith("0") and len(text) > 1 else 10)
        except ValueError:
            raise PydanticCustomError("octal", "Input should be file permissions such as '0660'") from None
    return value


def reads_decimal_text(validators: list[Any]) -> bool:
    """Whether a type's validators read permissions text without a leading 0 as decimal (as Granian's CLI)."""
    return any(getattr(item, "func", None) is _octal for item in validators)


def _ip_address(value: str) -> str:
    # A listener that parses an IP literal refuses host names ("localhost" included).
    if "%" in value:
        # Python accepts an IPv6 zone index ("fe80::1%eth0"); servers parse the address without one.
        raise PydanticCustomError("ip_address", "Input should be an IP address without a zone index (%interface)")
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise PydanticCustomError(
            "ip_address", "Input should be an IP address such as '127.0.0.1' or '::1', not a host name"
        ) from None
    return value


def unusable_character(text: str) -> str | None:
    """What in ``text`` no file name, process title or C string can hold: a NUL or an unpaired surrogate."""
    if "\x00" in text:
        return "a NUL character ('\\x00')"
    try:
        text.encode()
    except UnicodeEncodeError as error:
        return f"an unpaired surrogate ({text[error.start]!r}, not UTF-8)"
    return None


def _usable_text(value: Any) -> Any:
    # The OS (paths, process titles) and Granian's Rust core take C or UTF-8 strings: a NUL or a lone
    # surrogate (os.environ's surrogateescape) raises ValueError or UnicodeEncodeError at start.
    if isinstance(value, str) and (what := unusable_character(value)) is not None:
        raise PydanticCustomError("text_unusable", "Input should not hold {what}", {"what": what})
    return value


def _not_empty_text(value: Any) -> Any:
    if value == "":
        raise PydanticCustomError("text_empty", "Input should be a non-empty string")
    return value


def _not_empty_path(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("path_empty", "Input should be a non-empty path")
    return _usable_text(os.fspath(value) if isinstance(value, PathLike) else value)


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise PydanticCustomError(
            "regex", "Input should be a valid regular expression ({error})", {"error": str(exc)}
        ) from None
    return value


def _number_as_text(value: Any) -> Any:
    # Options the tool reads as text but users write as numbers too: 'auto' or 4, '8000' or 8000.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def octal_text(value: int) -> str:
    """Permissions as a command line reads them back: ``0660``."""
    return f"0{value:o}"


Int = Annotated[int, BeforeValidator(_reject_bool)]
NumberOrText = Annotated[str, BeforeValidator(_number_as_text)]
"""Text that may be written as a whole number (Celery's ``concurrency``, runserver's ``addrport``)."""
Duration = Annotated[int, BeforeValidator(parse_duration)]
Choice = BeforeValidator(_lower_choice)
IPAddress = Annotated[str, AfterValidator(_ip_address)]
OctalPermissions = Annotated[int, BeforeValidator(_octal), BeforeValidator(_reject_bool), PlainSerializer(octal_text)]
AnyPath = Annotated[Path, BeforeValidator(_not_empty_path)]
PathList = Annotated[list[AnyPath], BeforeValidator(_one_or_many)]
StrList = Annotated[list[str], BeforeValidator(_one_or_many)]
Text = Annotated[str, BeforeValidator(_usable_text)]
"""Text that reaches the OS or a server's native code (routes, ignored names): no NUL, valid UTF-8."""
NonEmptyText = Annotated[str, BeforeValidator(_not_empty_text), BeforeValidator(_usable_text)]
"""Optional text the server reads as "unset" when empty (so ``""`` would silently do nothing)."""
TextList = Annotated[list[Text], BeforeValidator(_one_or_many)]
CommaList = Annotated[list[str], BeforeValidator(comma_list)]
"""A list given as a list or as one comma-separated string (``"127.0.0.1,::1"``)."""
Unique = AfterValidator(_each_once)
"""``Annotated`` metadata of a list whose tool refuses a value given twice (E031)."""
RegexList = Annotated[list[Annotated[str, AfterValidator(_regex)]], BeforeValidator(_one_or_many)]


@dataclass(frozen=True)
class ClassPath:
    """What a dotted-path option names: a class deriving from ``base`` (``Annotated`` metadata).

    One shared rule (``rules/imports.py``) reads it for every backend, so that ``check``, ``--dry-run``
    and the start agree: the check imports the named module, as the tool would when it starts.
    """

    base: str
    """The dotted name of the class the tool instantiates it as (compared along the MRO, by name)."""
    kind: str
    """The kind in words, for messages: ``"gunicorn worker class"``."""
    colon: bool = False
    """Whether ``module:Class`` is read too (Celery's ``symbol_by_name``)."""
    trusted: frozenset[str] = frozenset()
    """The tool's own values (short names included): known good, never imported by the check."""


@dataclass(frozen=True)
class Account:
    """What a user or group option names: an account the process switches to (``rules/accounts.py``)."""

    kind: Literal["user", "group"]
    by_id_too: bool = False
    """Whether a numeric id must have an account as well: the tool looks it up (Celery's uid: initgroups
    reads the user's name); gunicorn switches to a bare id."""


@dataclass(frozen=True)
class Since:
    """The release of the tool that has this option (or, with ``value``, that value of it): models follow
    the newest release, and an older one within the pins refuses it at start (``rules/packages.py``)."""

    distribution: str
    version: str
    value: object = None
    """The one value that needs the release (Celery's ``concurrency: auto``); None: any value but the default."""


@dataclass(frozen=True)
class PercentKeys:
    """Text in which the tool expands ``%x`` abbreviations (Celery's ``%h``): a key not in ``keys``
    (``%%`` is a literal ``%``) makes the tool refuse the value at start (``rules/formats.py``)."""

    keys: str
    tool: str


@dataclass(frozen=True)
class Threads:
    """A number of threads each worker process starts: judged against what this machine can run
    (``rules/threads.py``); a count above it fails in every worker at start."""


@dataclass(frozen=True)
class StaleSocketFails:
    """A socket path whose tool binds it without removing a stale socket there (one nobody listens on, left
    by a server that did not stop): its bind fails with EADDRINUSE (``rules/files.py``).

    A socket option without it is replaced when stale, as gunicorn, waitress and Tornado do."""

    tool: str


@dataclass(frozen=True)
class PidFile:
    """A file the tool writes its process id to, refusing to start over a running process's
    (``rules/files.py``); ``unreadable``: whether it refuses a file that holds no process id, too."""

    tool: str
    unreadable: bool = False


@dataclass(frozen=True)
class ModulePath:
    """What a module-list option names: modules the tool imports at start (Celery's ``include``)."""


ModuleList = Annotated[list[str], BeforeValidator(comma_list), ModulePath()]
"""Modules given as a list or as one comma-separated string; each must import (``rules/imports.py``)."""


@dataclass(frozen=True)
class ServesFrom:
    """A request limit below which the server refuses every request (``Annotated`` metadata of an int).

    ``least`` is what the smallest request needs (``smallest`` says which), so a lower limit serves
    nobody; ``off`` is the value that turns the limit off (gunicorn's 0), accepted too.
    """

    least: int
    smallest: str
    off: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._judge, handler(source))

    def _judge(self, value: int) -> int:
        if value != self.off and value < self.least:
            raise PydanticCustomError(
                "refuses_every_request",
                "Input refuses every request",
                {"least": self.least, "smallest": self.smallest, "off": self.off},
            )
        return value

    def words(self, most: object = None) -> str:
        """The bounds in words, for messages and help texts: ``0 (no limit) or between 14 and 8190``."""
        served = f"at least {self.least}" if most is None else f"between {self.least} and {most}"
        return served if self.off is None else f"{self.off} (no limit) or {served}"


SCRIPT_NAME_AS_TEXT = (
    "{server} passes it as SCRIPT_NAME as written, not as PEP 3333's Latin-1 decoded bytes, "
    "so Django cannot decode it and answers every request with 500"
)
"""The outcome of a non-ASCII prefix on a WSGI server that does not encode it (waitress, Granian)."""


@dataclass(frozen=True)
class AsciiURLPath:
    """A URL path the server puts in every request's scope or environ (ASGI ``root_path``, WSGI
    ``SCRIPT_NAME``) that serves only in ASCII (``Annotated`` metadata of text, E032).

    ``outcome``: what the server does with any other character, in its terms.
    """

    outcome: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.judge, handler(source))

    def judge(self, value: Any) -> Any:
        if isinstance(value, str) and not value.isascii():
            raise PydanticCustomError("url_path_not_ascii", "Input should be ASCII", {"outcome": self.outcome})
        return value


ThreadCount = Annotated[int, BeforeValidator(_reject_bool), Threads()]
"""Threads per worker process (the common ``threads`` of a WSGI server): an int, judged by rules/threads.py."""

"""Users and groups a process switches to, judged where it runs: the kind lives on the option's type.

Every backend that switches user (gunicorn's ``user``/``group``, Celery's ``uid``/``gid``) marks the
option with ``Account`` (``args/values.py``); the tool looks the name up at start and fails with a
traceback (Celery) or refuses to start (gunicorn) when it does not exist; Celery looks a numeric uid up too
(``Account("user", by_id_too=True)``), gunicorn switches to a bare id.
"""

from __future__ import annotations

import grp
import pwd
from collections.abc import Callable
from typing import Any

from ..args.base import BackendArgs
from ..args.describe import item_type
from ..args.values import Account
from ..problems import Problem, Severity

E085 = "prodserver.E085"
ID_MAX = 2**32 - 2
"""The largest user or group id: ``uid_t`` is 32 bits, and -1 (2**32 - 1) means "unchanged" to setuid."""
_LOOKUPS: dict[str, Callable[[str], Any]] = {"user": pwd.getpwnam, "group": grp.getgrnam}
_ID_LOOKUPS: dict[str, Callable[[int], Any]] = {"user": pwd.getpwuid, "group": grp.getgrgid}


def account_problems(args: BackendArgs) -> list[Problem]:
    """Each user or group option whose name no account has here, or whose id is out of range."""
    problems = []
    for field, info in type(args).model_fields.items():
        account = next((item for item in item_type(info)[1] if isinstance(item, Account)), None)
        value = getattr(args, field)
        if account is not None and value is not None and (fault := _fault(value, account)) is not None:
            problems.append(Problem(E085, Severity.ERROR, ("ARGS", field), *fault))
    return problems


def _fault(value: int | str, account: Account) -> tuple[str, str] | None:
    kind, text = account.kind, str(value).strip()
    if isinstance(value, int) or text.lstrip("-").isdigit():
        return _id_fault(int(text), account)
    try:
        _LOOKUPS[kind](text)
    except (KeyError, ValueError):
        return (
            f"is {text!r}, but no {kind} has that name on this machine; the process would fail to start.",
            f"Name an existing {kind}, or give its numeric id.",
        )
    return None


def _id_fault(number: int, account: Account) -> tuple[str, str] | None:
    kind = account.kind
    if not 0 <= number <= ID_MAX:
        return (
            f"is {number}, which is not a {kind} id (0 to {ID_MAX}); the process would fail to start.",
            f"Give the numeric id of an existing {kind}, or its name.",
        )
    if not account.by_id_too:
        return None
    try:
        _ID_LOOKUPS[kind](number)
    except KeyError:
        return (
            f"is {number}, but no {kind} has that id on this machine, and the process looks its account up "
            "when it switches to it: it would fail to start.",
            f"Give the id or the name of an existing {kind}.",
        )
    return None

"""The option tables as Markdown: an ARGS model's options, and the common ARGS on each server.

Read from the pydantic fields, as ``check`` and the launch read them; written into the pages by
:mod:`.generated`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic.fields import FieldInfo

from django_prodserver.args.base import BackendArgs
from django_prodserver.args.common import COMMON, Common
from django_prodserver.args.describe import choices, range_words
from django_prodserver.args.groups import GROUPS
from tests.tools.typegen import value_type

OPTION_HEADERS = ("Option", "CLI flag", "Type", "Default", "Range or choices", "Description")

# The value-type aliases of django_prodserver.types, in words.
TYPE_WORDS = {
    "Integer": "integer",
    "Duration": "duration",
    "Boolean": "boolean",
    "Number": "number",
    "PathValue": "path",
    "PathValues": "path(s)",
    "Strings": "string(s)",
    "str": "string",
    "int": "integer",
}


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [_row(headers), _row(["---"] * len(headers)), *(_row(row) for row in rows)]
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def code(text: object) -> str:
    """Inline code: ``8000``; a backtick inside gets a longer fence."""
    text = str(text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escaped(text: str) -> str:
    """Prose that Markdown reads as written: ``*.py``, ``<pid>`` and ``__init__`` are no markup.

    Only what would be markup is escaped, so that the raw page reads as the message
    (``PRODUCTION_PROCESSES['web']``: an underscore inside a word and brackets are text).
    """
    return _MARKUP.sub(r"\\\g<0>", text)


# Backslashes, backticks, asterisks, angle brackets, and underscores not between two letters or digits.
_MARKUP = re.compile(r"[\\`*<>]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def options_table(model: type[BackendArgs], *, own: bool = False, documented: bool = False) -> str:
    fields = list(model.options())
    if own:
        base = model.__mro__[1]
        inherited = base.model_fields if issubclass(base, BackendArgs) else {}
        fields = [field for field in fields if field not in inherited]
    if documented:
        fields = [field for field in fields if model.options()[field].documented]
    return table(OPTION_HEADERS, [option_row(model, field) for field in fields])


def option_row(model: type[BackendArgs], field: str) -> list[str]:
    meta = model.options()[field]
    info = model.model_fields[field]
    description = info.description or ""
    if meta.secret:
        description += ". A secret: printed as ********"
    name = f"**{code(meta.name)}**"
    if meta.spellings[1:]:
        name += f" (also {', '.join(code(other) for other in meta.spellings[1:])})"
    return [
        name,
        code(f"--{meta.cli}") if meta.cli else "(none)",
        type_words(field, model),
        default_text(info.default, always=meta.documented),
        limits_text(info),
        escaped(description),
    ]


def type_words(field: str, model: type[BackendArgs]) -> str:
    text = value_type(field, model.model_fields[field]).removesuffix(" | None")
    if text.startswith("Literal["):
        return "choice(s)" if "Sequence[" in text else "choice"
    if text.startswith("Mapping["):
        return "mapping"
    # "Integer | str" (a user id or name), "Integer | Sequence[Integer]" (one or a list).
    parts = [part for part in text.split(" | ") if not part.startswith("Sequence[")]
    words = " or ".join(TYPE_WORDS[part] for part in parts)
    return f"{words} (or a list)" if len(parts) < len(text.split(" | ")) else words


def default_text(default: Any, *, always: bool) -> str:
    if default is None or default == [] or default == {}:
        # An unset option is left out of the server's call: the server's own default applies.
        return "*unset*"
    return code(default) + (" (always passed)" if always else "")


def limits_text(info: FieldInfo) -> str:
    accepted = choices(info)
    if accepted:
        return ", ".join(code(choice) for choice in accepted)
    return range_words(info) or ""


def groups_table() -> str:
    """A row per group an option can be in (``args.groups.GROUPS``): its name and what it holds."""
    return table(
        ["Group", "What its options are about"], [[code(group), escaped(meaning)] for group, meaning in GROUPS.items()]
    )


def common_args_table(columns: Sequence[tuple[str, type[BackendArgs]]]) -> str:
    """A row per common option (``args.common.COMMON``), a column per server."""
    rows = [[common_text(spec), *(server_text(spec, model) for _, model in columns)] for spec in COMMON.values()]
    return table(["ARG", *(title for title, _ in columns)], rows)


def common_text(spec: Common) -> str:
    """The ARG, its common default and what it is."""
    default = "unset" if spec.default is None else str(spec.default)
    return f"**{code(spec.name)}** ({escaped(default)}): {escaped(spec.description)}"


def server_text(spec: Common, model: type[BackendArgs]) -> str:
    """The server's flag, then what differs from the common option, from the model's field."""
    info = model.model_fields.get(spec.field_name)
    if info is None:
        return "not an option"
    meta = model.options()[spec.field_name]
    flag = code(f"--{meta.cli}") if meta.cli else "*no flag of its own*"
    words = differences(spec, info)
    return f"{flag}; {escaped('; '.join(words))}" if words else flag


def differences(spec: Common, info: FieldInfo) -> list[str]:
    """What one server's field says beyond the common option: its default, bounds and note."""
    words: list[str] = []
    description = info.description or ""
    if not description.startswith(spec.description.removesuffix(")")):
        # A field of its own under the common name (``threads`` on an ASGI server).
        return [description]
    if info.default != spec.default:
        words.append(f"default {info.default}")
    own, common = range_words(info), _common_range(spec)
    if own != common:
        words.append(own or "no bounds")
    note = _note(spec.description, description)
    if note:
        words.append(note)
    return words


def _common_range(spec: Common) -> str | None:
    return range_words(FieldInfo.from_field(spec.default, ge=spec.bounds.get("ge"), le=spec.bounds.get("le")))


def _note(common: str, description: str) -> str:
    """The server's note: what :func:`django_prodserver.args.common.described` added to ``common``."""
    if common.endswith(")"):
        return description.removeprefix(common[:-1]).removeprefix(";").removesuffix(")").strip()
    return description.removeprefix(common).strip().removeprefix("(").removesuffix(")")

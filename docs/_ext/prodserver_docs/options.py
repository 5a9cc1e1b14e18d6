"""``prodserver-options``: the table of an ARGS model's options, read from its pydantic fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from django.utils.module_loading import import_string
from docutils import nodes
from docutils.parsers.rst import directives
from pydantic.fields import FieldInfo
from sphinx.util.docutils import SphinxDirective

from django_prodserver.args.base import BackendArgs
from django_prodserver.args.describe import choices, range_words
from tests.tools.typegen import value_type

from .tables import Cell, code, codes, table

HEADERS = ("Option", "CLI flag", "Type", "Default", "Range or choices", "Description")
WIDTHS = (22, 14, 14, 12, 14, 30)

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


class OptionsDirective(SphinxDirective):
    """``{prodserver-options} dotted.Model``, every option of an ARGS model.

    ``:own:`` keeps only the options the model adds to its base class; ``:contract:`` only
    those whose default the original Granian page fixes (always passed to Granian).
    """

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"own": directives.flag, "contract": directives.flag}

    def run(self) -> list[nodes.Node]:
        model = import_string(self.arguments[0])
        if not (isinstance(model, type) and issubclass(model, BackendArgs)):
            raise self.error(f"{self.arguments[0]} is not an ARGS model (a BackendArgs subclass).")
        fields = list(model.options())
        if "own" in self.options:
            base = model.__mro__[1]
            inherited = base.model_fields if issubclass(base, BackendArgs) else {}
            fields = [field for field in fields if field not in inherited]
        if "contract" in self.options:
            fields = [field for field in fields if model.options()[field].contract]
        return [table(HEADERS, [option_row(model, field) for field in fields], WIDTHS)]


def option_row(model: type[BackendArgs], field: str) -> list[Cell]:
    meta = model.options()[field]
    info = model.model_fields[field]
    description = info.description or ""
    if meta.secret:
        description += ". A secret: printed as ********"
    return [
        name_cell(meta.name, meta.spellings[1:]),
        code(f"--{meta.cli}") if meta.cli else "(none)",
        type_words(field, model),
        default_cell(info.default, always=meta.contract),
        limits_cell(info),
        description,
    ]


def name_cell(name: str, others: Sequence[str]) -> list[nodes.Node]:
    cell: list[nodes.Node] = [nodes.strong("", "", code(name))]
    if others:
        cell += [nodes.Text(" (also "), *codes(others), nodes.Text(")")]
    return cell


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


def default_cell(default: Any, *, always: bool) -> list[nodes.Node]:
    if default is None or default == []:
        # An unset option is left out of the Granian call: Granian's default applies.
        return [nodes.emphasis("", "unset")]
    cell: list[nodes.Node] = [code(str(default))]
    if always:
        cell.append(nodes.Text(" (always passed)"))
    return cell


def limits_cell(info: FieldInfo) -> list[nodes.Node]:
    accepted = choices(info)
    if accepted:
        return codes([str(choice) for choice in accepted])
    words = range_words(info)
    return [nodes.Text(words)] if words else []

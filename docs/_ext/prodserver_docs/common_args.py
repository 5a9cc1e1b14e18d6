"""``prodserver-common-args``: what each common ARG is on each server, read from the servers' models.

A row per common option (``django_prodserver.args.common.COMMON``), a column per server: the
server's own flag, its own default and bounds where they differ from the common ones, and the
note its options module gives.  Written by hand, this table drifted from the models; read from
them, it says what ``check`` and the launch do.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.module_loading import import_string
from docutils import nodes
from pydantic.fields import FieldInfo
from sphinx.util.docutils import SphinxDirective

from django_prodserver.args.base import BackendArgs
from django_prodserver.args.common import COMMON, Common
from django_prodserver.args.describe import range_words

from .tables import Cell, code, table


class CommonArgsDirective(SphinxDirective):
    """``{prodserver-common-args}`` with one ``Title: dotted.Model`` line per server column."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        columns: list[tuple[str, type[BackendArgs]]] = []
        for line in self.content:
            title, _, path = line.partition(":")
            model = import_string(path.strip())
            if not (isinstance(model, type) and issubclass(model, BackendArgs)):
                raise self.error(f"{path.strip()} is not an ARGS model (a BackendArgs subclass).")
            columns.append((title.strip(), model))
        if not columns:
            raise self.error("prodserver-common-args needs one 'Title: dotted.Model' line per server.")
        rows = [[common_cell(spec), *(server_cell(spec, model) for _, model in columns)] for spec in COMMON.values()]
        widths = [16] + [max(12, 84 // len(columns))] * len(columns)
        return [table(["ARG", *(title for title, _ in columns)], rows, widths)]


def common_cell(spec: Common) -> list[nodes.Node]:
    """The ARG, its common default and what it is."""
    default = "unset" if spec.default is None else str(spec.default)
    return [nodes.strong("", "", code(spec.name)), nodes.Text(f" ({default}): {spec.description}")]


def server_cell(spec: Common, model: type[BackendArgs]) -> Cell:
    """The server's flag, then what differs from the common option, from the model's field."""
    info = model.model_fields.get(spec.field_name)
    if info is None:
        return "not an option"
    meta = model.options()[spec.field_name]
    cell: list[nodes.Node] = [code(f"--{meta.cli}") if meta.cli else nodes.emphasis("", "no flag of its own")]
    words = differences(spec, info)
    if words:
        cell.append(nodes.Text(f"; {'; '.join(words)}"))
    return cell


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

"""The base of every ARGS model, and the per-option metadata the rest of the package reads.

Each option is one pydantic field declared with :func:`option`.  What the option *is* lives on
the field: its CLI flag, the keyword of the tool's in-process call, every accepted spelling,
whether a path must exist, which options it needs, which package it needs, whether it is a
secret.  The shared rules, the renderers, the command-line overrides, the typed settings and
the docs all read that one declaration, so no table keyed by option names can drift from it:
a metadata entry that names no field fails when the model class is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo

from .describe import choices, item_type
from .environment import FromEnvironment
from .groups import Group, is_group

MASK = "********"
"""How every output of the package shows a secret option's value."""

PathRole = Literal["file", "directory", "exists", "created", "socket"]
"""What a path option must name: an existing file, an existing directory, anything that exists,
a file the tool creates (its directory must exist, and it must not be a directory), or a Unix
socket the tool creates (as created, and short enough for a socket address)."""


BoolSpelling = Literal["on-off", "on-only", "valued"]
"""How the tool's command line spells a boolean: ``--name`` / ``--no-name`` (on-off); ``--name``, or
nothing for False (on-only: the tool has no ``--no-`` form, and False is its default); ``--name=true``
/ ``--name=false`` (valued: tornado's options, Flower's)."""


def dashed(name: str) -> str:
    return name.replace("_", "-")


def underscored(name: str) -> str:
    return name.replace("-", "_")


@dataclass(frozen=True)
class Package:
    """A Python package an option or a backend needs: found by ``module``, installed by ``requirement``."""

    module: str
    requirement: str


@dataclass(frozen=True)
class ToolSpec:
    """What one backend's own code reads of an option, beyond :class:`OptionMeta`: subclassed per backend.

    A backend whose renderer (or rule) needs a fact no other reads declares a frozen dataclass of
    typed fields deriving from this one (gunicorn's ``Hook``, Celery's ``GlobalOption``) and reads
    it back with :meth:`OptionMeta.tool_spec_of`.  Shared code never reads one.
    """


SpecT = TypeVar("SpecT", bound=ToolSpec)


@dataclass(frozen=True)
class OptionMeta:
    """What the package knows about one option, beyond its type and default."""

    name: str
    """The ARGS key documented for it: its ``documented`` name where it has one, else the tool's flag."""
    cli: str | None
    """The tool's CLI flag without dashes (``host``), or None when its CLI has no such option."""
    server: str | None
    """Keyword of the tool's in-process call; a dotted name goes into a nested settings object."""
    inverted: bool
    """Whether ``server`` holds the opposite of the flag (``--nothreading`` is ``use_threading=False``)."""
    spellings: tuple[str, ...]
    """Every key accepted in ARGS for this option, the documented one first."""
    documented: bool
    """Whether the documented ARGS name it (declared with ``documented=``): they keep its name and its
    default, which is therefore always passed to the tool, even where the tool's own default differs."""
    secret: bool
    group: Group
    """The section ``prodserver --help`` lists it under, and what rules read of its topic (:mod:`.groups`)."""
    path: PathRole | None = None
    needs: tuple[str, ...] = ()
    """Fields that must be set (true, or not empty) for this option to have any effect."""
    requires: Package | Mapping[str, Package] | None = None
    """The package this option needs when set, or per value (``{"uvloop": Package(...)}``)."""
    native: str | None = None
    """The tool's own type its in-process value converts to (a name its renderer resolves)."""
    bools: BoolSpelling = "on-off"
    """How the tool's command line spells this boolean option (read by :func:`.argv.flags`)."""
    tool_spec: ToolSpec | None = None
    """What only the backend's own code reads of this option (:class:`ToolSpec`)."""

    def tool_spec_of(self, kind: type[SpecT]) -> SpecT | None:
        """This option's ``tool_spec`` when it is a ``kind`` (the backend's own subclass), else None."""
        return self.tool_spec if isinstance(self.tool_spec, kind) else None


def option(
    default: Any,
    description: str,
    *,
    cli: str | None,
    group: Group,
    documented: str | None = None,
    server: str | None = None,
    inverted: bool = False,
    also: tuple[str, ...] = (),
    secret: bool = False,
    path: PathRole | None = None,
    needs: tuple[str, ...] = (),
    requires: Package | Mapping[str, Package] | None = None,
    native: str | None = None,
    bools: BoolSpelling = "on-off",
    tool_spec: ToolSpec | None = None,
    **constraints: Any,
) -> Any:
    """Declare one option: a pydantic ``Field`` that accepts every spelling of its name.

    ``documented`` is the name the documented ARGS give the option, when it is one of them (their
    default is then always passed: :attr:`OptionMeta.documented`); ``cli`` the tool's flag.
    The attribute name must be the underscored ARGS key (``documented``, else ``cli``);
    ``BackendArgs`` verifies that, and every field name in ``needs``, when the class is built.
    """
    name = documented or cli
    assert name is not None, "an option needs a documented or a CLI name"
    bases = [name, *([cli] if cli and cli != name else []), *also]
    # The name as the tool spells it too, when it mixes both (gunicorn's --limit-request-field_size).
    forms = (form for base in bases for form in (dashed(base), underscored(base), base))
    spellings = tuple(dict.fromkeys(forms))
    meta = OptionMeta(
        name=name,
        cli=cli,
        server=server if server is not None else (underscored(cli) if cli else None),
        inverted=inverted,
        spellings=spellings,
        documented=documented is not None,
        secret=secret,
        group=group,
        path=path,
        needs=needs,
        requires=requires,
        native=native,
        bools=bools,
        tool_spec=tool_spec,
    )
    return Field(
        default,
        description=description,
        validation_alias=AliasChoices(*spellings),
        json_schema_extra={"option": meta},  # type: ignore[dict-item]  # read back by option_meta()
        **constraints,
    )


def option_meta(info: FieldInfo) -> OptionMeta:
    extra = info.json_schema_extra
    meta = extra.get("option") if isinstance(extra, dict) else None
    assert isinstance(meta, OptionMeta), "every ARGS field is declared with option()"
    return meta


class BackendArgs(BaseModel):
    """Validated ARGS of one process.  Subclass per backend; declare options with :func:`option`."""

    model_config = ConfigDict(
        extra="forbid",
        validate_default=True,
        validate_by_name=True,
        validate_by_alias=True,
        frozen=True,
        use_attribute_docstrings=False,
        # Validators are compiled on first use: the base models never are, and a setting with
        # only ASGI processes never compiles the WSGI model (every manage.py command pays this).
        defer_build=True,
    )

    _options: ClassVar[dict[str, OptionMeta]]
    _spellings: ClassVar[dict[str, str]]
    environment_defaults: ClassVar[tuple[FromEnvironment, ...]] = ()
    """Variables the tool's own command reads as defaults of these options (``PORT``): prodserver reads them too."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._options = {name: option_meta(info) for name, info in cls.model_fields.items()}
        cls._spellings = {}
        for name, meta in cls._options.items():
            _verify(cls, name, meta)
            for spelling in meta.spellings:
                if spelling in cls._spellings:
                    raise TypeError(f"{spelling!r} names two options of {cls.__name__}")
                cls._spellings[spelling] = name

    @model_validator(mode="before")
    @classmethod
    def _strip_whitespace(cls, data: Any) -> Any:
        """One rule for padded values: surrounding whitespace is ignored, except in secrets.

        Settings read from the environment often carry a stray space or newline ("8000 ", "true\n").
        """
        if not isinstance(data, dict):
            return data
        return {key: value if cls._is_secret(key) else _stripped(value) for key, value in data.items()}

    @classmethod
    def _is_secret(cls, key: object) -> bool:
        field = cls.field_for(key) if isinstance(key, str) else None
        return field is not None and cls._options[field].secret

    @classmethod
    def options(cls) -> dict[str, OptionMeta]:
        """Field name -> metadata, in declaration order."""
        return cls._options

    @classmethod
    def field_for(cls, key: str) -> str | None:
        """The field an ARGS key names, under any accepted spelling, or None."""
        return cls._spellings.get(key)


def _stripped(value: Any) -> Any:
    """A text value, or each text of a list, without surrounding whitespace."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple)):
        return type(value)(item.strip() if isinstance(item, str) else item for item in value)
    return value


def _verify(model: type[BackendArgs], name: str, meta: OptionMeta) -> None:
    """Metadata that names what does not exist is a bug of the model: fail when it is defined."""
    where = f"{model.__name__}.{name}"
    if not is_group(meta.group):
        raise TypeError(f"{where} is in group {meta.group!r}, which is not one of args.groups.GROUPS")
    if name != underscored(meta.name):
        raise TypeError(f"{where} should be named {underscored(meta.name)}")
    unknown = [needed for needed in meta.needs if needed not in model.model_fields or needed == name]
    if unknown:
        raise TypeError(f"{where} needs {unknown}, which are not other options of {model.__name__}")
    info = model.model_fields[name]
    if isinstance(meta.requires, Mapping):
        stray = [value for value in meta.requires if value not in choices(info)]
        if stray:
            raise TypeError(f"{where} requires packages for {stray}, which are not among its choices")
    if meta.path is not None and item_type(info)[0] is not Path:
        raise TypeError(f"{where} has a path role but its values are not paths")

"""The base of every ARGS model, and the per-option metadata the rest of the package reads.

Each option is one pydantic field declared with :func:`option`.  Its metadata (the
Granian CLI flag, the Granian ``Server`` keyword, the accepted spellings, whether the
seed contract fixes its default) lives on the field itself, so the renderer, the check,
the typed settings and the docs all read the same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

MASK = "********"
"""How every output of the package shows a secret option's value (the TLS key password)."""


def dashed(name: str) -> str:
    return name.replace("_", "-")


def underscored(name: str) -> str:
    return name.replace("-", "_")


@dataclass(frozen=True)
class OptionMeta:
    """What the package knows about one option, beyond its type and default."""

    name: str
    """The documented spelling: the seed page's name where it has one, else Granian's flag."""
    cli: str | None
    """Granian's CLI flag without dashes (``host``), or None when Granian has no such option."""
    server: str | None
    """Granian ``Server`` keyword; a dotted name goes into HTTP1Settings / HTTP2Settings."""
    spellings: tuple[str, ...]
    """Every key accepted in ARGS for this option, the documented one first."""
    contract: bool
    """The seed page fixes this default, so it is always passed to Granian."""
    secret: bool


def option(
    default: Any,
    description: str,
    *,
    cli: str | None,
    seed: str | None = None,
    server: str | None = None,
    also: tuple[str, ...] = (),
    secret: bool = False,
    **constraints: Any,
) -> Any:
    """Declare one option: a pydantic ``Field`` that accepts every spelling of its name.

    The attribute name must be the underscored documented name (``seed`` or ``cli``);
    ``ServerArgs`` verifies that when the model class is built.
    """
    name = seed or cli
    assert name is not None, "an option needs a seed or a CLI name"
    bases = [name, *([cli] if cli and cli != name else []), *also]
    spellings = list(dict.fromkeys(form for base in bases for form in (dashed(base), underscored(base))))
    extra: dict[str, Any] = {
        "option": {
            "name": name,
            "cli": cli,
            "server": server if server is not None else (underscored(cli) if cli else None),
            "spellings": spellings,
            "contract": seed is not None,
            "secret": secret,
        }
    }
    return Field(
        default,
        description=description,
        validation_alias=AliasChoices(*spellings),
        json_schema_extra=extra,
        **constraints,
    )


def option_meta(info: FieldInfo) -> OptionMeta:
    extra = info.json_schema_extra
    assert isinstance(extra, dict), "every ARGS field is declared with option()"
    raw = extra["option"]
    assert isinstance(raw, dict)
    return OptionMeta(
        name=str(raw["name"]),
        cli=raw["cli"] if isinstance(raw["cli"], str) else None,
        server=raw["server"] if isinstance(raw["server"], str) else None,
        spellings=tuple(str(s) for s in raw["spellings"]),  # type: ignore[union-attr]
        contract=bool(raw["contract"]),
        secret=bool(raw["secret"]),
    )


class ServerArgs(BaseModel):
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

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._options = {field: option_meta(info) for field, info in cls.model_fields.items()}
        cls._spellings = {}
        for field, meta in cls._options.items():
            assert field == underscored(meta.name), f"{cls.__name__}.{field} should be named {underscored(meta.name)}"
            for spelling in meta.spellings:
                assert spelling not in cls._spellings, f"{spelling!r} names two options of {cls.__name__}"
                cls._spellings[spelling] = field

    @classmethod
    def options(cls) -> dict[str, OptionMeta]:
        """Field name -> metadata, in declaration order."""
        return cls._options

    @classmethod
    def field_for(cls, key: str) -> str | None:
        """The field an ARGS key names, under any accepted spelling, or None."""
        return cls._spellings.get(key)

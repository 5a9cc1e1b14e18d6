"""Validate one process or the whole setting, once per command: the code shared by the check and ``prodserver``.

Turns a raw ``PRODUCTION_PROCESSES`` entry (plus command-line overrides) into a backend (loaded by
:func:`~django_prodserver.backends.loading.load_backend`: a 3.x one behind the typed interface), a
validated ARGS model and the list of problems, without raising.  :func:`validated_setting` returns
them all as a :class:`Validation`: the ``check`` command's checks show its problems, and
``prodserver NAME`` starts the report it holds (``checks`` says how the two meet).  The rules in
:mod:`django_prodserver.rules` say what is wrong; this module says where: each message starts
with the key the user wrote (``PRODUCTION_PROCESSES['web']['ARGS']['log_access']``) or the
command-line option (``Command-line option --log-access``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Literal

from pydantic import ValidationError

from .args.base import BackendArgs, dashed
from .args.environment import environment_values
from .backends.base import TypedBackend
from .backends.drain import UNKNOWN
from .backends.listening import serving
from .backends.loading import load_backend
from .conf import forwarded_headers, production_platform
from .problems import Problem, Severity, located, setting_path
from .rules.accounts import account_problems
from .rules.addresses import Binding, shared_addresses
from .rules.args import error_problems, octal_int_problems
from .rules.dependencies import dependency_problems
from .rules.deploy_key import deploy_problems
from .rules.files import file_problems
from .rules.formats import format_problems
from .rules.imports import import_problems
from .rules.packages import backend_package_problems, option_package_problems, version_problems
from .rules.platform import drain_problems, platform_of
from .rules.printable import nul_problems
from .rules.proxy import trust_list_problems
from .rules.proxy_deploy import DjangoProxySettings, proxy_deploy_problems, removed_header_problems
from .rules.shape import E003, E005, E006, backend_not_created, backend_rules_failed, process_problems, setting_problems
from .rules.threads import thread_problems

Source = Literal["default", "environment", "settings", "command line"]


@dataclass
class ProcessReport:
    """The outcome of validating one process."""

    name: str
    backend: TypedBackend[Any] | None = None
    args: BackendArgs | None = None
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    """Each field of the ARGS model -> where its value came from (empty for a 3.x backend: it has no options)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


@dataclass(frozen=True)
class Origins:
    """Where the ARGS keys came from, to name each one in messages as the user gave it."""

    model: type[BackendArgs] | None = None
    validated: frozenset[Hashable] = frozenset()
    """The keys of the dict given to the model (settings keys as written, overrides by field)."""
    command_line: frozenset[Hashable] = frozenset()
    settings_keys: Mapping[str, Hashable] = field(default_factory=dict)
    """Field -> the key the settings used for it."""
    environment: Mapping[str, str] = field(default_factory=dict)
    """Field -> the variable its value came from (``PORT``), as the tool's own command reads it."""

    def locate(self, problem: Problem, name: str) -> Problem:
        """``problem`` (relative to process ``name``) at its full path, the message prefixed with its location."""
        if problem.path[:1] != ("ARGS",) or len(problem.path) < 2:
            path = (name, *problem.path)
            return located(problem, path, setting_path(path))
        key, rest = problem.path[1], problem.path[2:]
        if key in self.command_line:
            return located(problem, (name, "ARGS", key, *rest), f"Command-line option --{dashed(str(key))}")
        if isinstance(key, str) and key in self.environment:
            return located(problem, (name, "ARGS", key, *rest), f"Environment variable {self.environment[key]}")
        # A rule that says what an option nobody set "is" judges its default: say so, not as if the user
        # had written it ("['no-control-socket'] is False" reads as a setting).
        default = isinstance(key, str) and self.model is not None and key not in self.validated
        default = default and key not in self.settings_keys
        default = default and problem.message.startswith("is ") and not problem.message.startswith("is not set")
        if key not in self.validated and isinstance(key, str):
            # Rules name options by field; show the spelling the settings used.
            key = self.settings_keys.get(key, self._documented(key))
        path = (name, "ARGS", key, *rest)
        label = setting_path(path) + (" (not set, so its default)" if default else "")
        return located(self._overrides_named(problem), path, label)

    def _overrides_named(self, problem: Problem) -> Problem:
        """A setting's problem caused by a command-line override names the override, not a setting."""
        message = problem.message
        for overridden in self.command_line:
            option = self._documented(str(overridden))
            named = rf"(?<![\w'-]){re.escape(option)}(?![\w'-])"
            message = re.sub(named, f"--{dashed(option)} (command line)", message)
        return problem if message == problem.message else replace(problem, message=message)

    def _documented(self, field: str) -> str:
        options = self.model.options() if self.model else {}
        return options[field].spellings[0] if field in options else field


@dataclass(frozen=True)
class Validation:
    """What one validation of the setting found: every problem, and the report of each process it validated."""

    problems: tuple[Problem, ...]
    reports: Mapping[str, ProcessReport]


def validated_setting(
    value: object,
    *,
    only: str | None = None,
    overrides: Mapping[str, object] | None = None,
    starting: bool = False,
) -> Validation:
    """The whole setting validated, or its shape and process ``only`` (with ``overrides``).

    ``prodserver NAME`` starts what ``reports[NAME]`` holds: the process is validated once per command.
    """
    problems = [_at_setting(problem) for problem in setting_problems(value)]
    reports: dict[str, ProcessReport] = {}
    if isinstance(value, Mapping):
        for name, config in value.items():
            if isinstance(name, str) and only in (None, name):
                report = validate_process(name, config, overrides=overrides if only else None, starting=starting)
                problems.extend(report.problems)
                reports[name] = report
        if only is None:
            problems.extend(shared_address_problems(reports.values()))
            problems.extend(platform_problems(reports.values()))
    return Validation(tuple(problems), reports)


def validate_setting(
    value: object,
    *,
    only: str | None = None,
    overrides: Mapping[str, object] | None = None,
    starting: bool = False,
) -> list[Problem]:
    """Every problem of the whole setting, or of its shape and process ``only`` (with ``overrides``)."""
    return list(validated_setting(value, only=only, overrides=overrides, starting=starting).problems)


def platform_problems(reports: Iterable[ProcessReport]) -> list[Problem]:
    """``PRODUCTION_PLATFORM``'s own problems, then each valid process's drain against it."""
    value = production_platform()
    if value is None:
        return []
    platform = platform_of(value)
    if isinstance(platform, list):
        return platform
    problems = []
    for report in reports:
        if report.backend is None or report.args is None:
            continue
        drain = report.backend.drain(report.args)
        if drain is not UNKNOWN:
            # A backend that declares no drain (a 3.x one) cannot be judged against the platform's stop.
            problems.extend(drain_problems(platform, report.name, drain.signals, drain.seconds, drain.option))
    return problems


def shared_address_problems(reports: Iterable[ProcessReport]) -> list[Problem]:
    """W047 for each address that two of these processes bind, located at the setting."""
    bound = [binding for report in reports for binding in _bindings(report)]
    return [_at_setting(problem) for problem in shared_addresses(bound)]


def _at_setting(problem: Problem) -> Problem:
    """A problem whose path starts at the setting, its message prefixed with that path."""
    return located(problem, problem.path, setting_path(problem.path))


def _bindings(report: ProcessReport) -> list[Binding]:
    """Where a valid process listens, each place under its option's documented name (these problems are
    located at the setting); only where the application is served is bound with the backend's ``SO_REUSEPORT``."""
    backend, args = report.backend, report.args
    if backend is None or args is None:
        return []
    options, given = type(args).options(), args.model_fields_set
    return [
        Binding(
            report.name,
            listener.address,
            options[listener.option].spellings[0],
            reuses_port=backend.reuses_port and listener.serves,
            default=listener.option not in given,
        )
        for listener in backend.listeners(args)
    ]


def validate_process(
    name: str, config: object, *, overrides: Mapping[str, object] | None = None, starting: bool = False
) -> ProcessReport:
    """Validate ``PRODUCTION_PROCESSES[name]``; ``overrides`` are ARGS from the command line, by field name.

    ``starting`` is True when the process is about to start: missing files are then errors.
    """
    report = ProcessReport(name)
    problems = process_problems(config)
    origins = Origins()
    kind = None
    if isinstance(config, Mapping) and not _has_no_backend(problems):
        backend_class = load_backend(config["BACKEND"])
        if isinstance(backend_class, Problem):
            problems.append(backend_class)
        else:
            kind = backend_class.kind
            if backend_class.process_keys:
                # Keys are judged again with the backend's own top-level keys, known now.
                problems = process_problems(config, backend_class.process_keys)
            backend_problems, origins = _validate_backend(report, backend_class, config, overrides or {}, starting)
            problems.extend(backend_problems)
    # A worker listens nowhere: a health path in its DEPLOY would be probed by nothing (a backend of
    # neither kind may listen).
    problems.extend(deploy_problems(config, worker=kind == "worker"))
    report.problems = [origins.locate(problem, name) for problem in problems]
    return report


def _has_no_backend(problems: list[Problem]) -> bool:
    """Whether the process has no ``BACKEND`` to load: not a dict, or ``BACKEND`` missing or not a string."""
    return any(problem.id in {E003, E005, E006} for problem in problems)


def _validate_backend(
    report: ProcessReport,
    backend_class: type[TypedBackend[Any]],
    config: Mapping[Any, Any],
    overrides: Mapping[str, object],
    starting: bool,
) -> tuple[list[Problem], Origins]:
    given = backend_class.given_args(config.get("ARGS", {}))
    if isinstance(given, Problem):
        # Judged before the backend is created: a 3.x constructor formats ARGS, and would fail on them.
        return [given], Origins(backend_class.args_model)
    try:
        # Any exception: a third party's backend reads its settings here.
        report.backend = backend = backend_class(
            **{key: value for key, value in config.items() if isinstance(key, str)}
        )
    except Exception as error:
        return [backend_not_created(error)], Origins()
    problems, origins = _validate_args(report, backend, given, overrides, starting)
    installed = backend_package_problems(type(backend).__name__, backend.requires)
    return [*installed, *problems, *_target_problems(backend, report.args)], origins


def _validate_args(
    report: ProcessReport,
    backend: TypedBackend[Any],
    given: Mapping[Any, Any],
    overrides: Mapping[str, object],
    starting: bool,
) -> tuple[list[Problem], Origins]:
    model = backend.args_model
    raw, origins = merged(model, given, overrides)
    report.sources = sources(model, origins)
    try:
        report.args = model.model_validate(raw)
    except ValidationError as error:
        problems = error_problems(error.errors(), model, raw, type(backend).__name__)
        # The rules still judge the options that are valid, so that every problem shows at once, but
        # not what follows from a rejected value being left out: judged without it, a certificate of
        # the wrong type would be reported again as "a key without a certificate".
        rest = _rule_problems(backend, valid_part(model, raw, error), starting)
        rejected = {_documented_name(model, details["loc"][0]) for details in error.errors() if details["loc"]}
        return [*problems, *(problem for problem in rest if not _mentions(problem, rejected))], origins
    return [*octal_int_problems(raw, model), *_rule_problems(backend, report.args, starting)], origins


def valid_part(model: type[BackendArgs], raw: Mapping[Any, Any], error: ValidationError) -> BackendArgs | None:
    """The model of ``raw`` without the keys that ``error`` rejects, if that validates."""
    rejected = {details["loc"][0] for details in error.errors() if details["loc"]}
    try:
        return model.model_validate({key: value for key, value in raw.items() if key not in rejected})
    except ValidationError:
        return None


def _rule_problems(backend: TypedBackend[Any], args: BackendArgs | None, starting: bool) -> list[Problem]:
    """The shared rules, which read the options' metadata, then the backend's own."""
    if args is None:
        return []
    shared = [
        *file_problems(args, starting=starting),
        *dependency_problems(args),
        *option_package_problems(args),
        *import_problems(args),
        *account_problems(args),
        *version_problems(args),
        *nul_problems(args),
        *format_problems(args),
        *thread_problems(args),
    ]
    try:
        return [*shared, *_proxy_problems(backend, args), *backend.rules(args, starting=starting)]
    except Exception as error:
        # A third party's backend may have its own rules.
        return [*shared, backend_rules_failed(error)]


def _proxy_problems(backend: TypedBackend[Any], args: BackendArgs) -> list[Problem]:
    """Trust lists judged against where the server listens (a Unix socket's peers have no address); and,
    as deploy advice, what a client that reaches the server around the proxy makes Django believe."""
    served = serving(backend.listeners(args))
    problems = trust_list_problems(args, None if served is None else served.address)
    if served is not None:
        django = DjangoProxySettings(*forwarded_headers())
        problems.extend(removed_header_problems(args, django))
        problems.extend(proxy_deploy_problems(args, served.address, served.host, served.option, django))
    return problems


def _documented_name(model: type[BackendArgs], key: object) -> str:
    field = model.field_for(key) if isinstance(key, str) else None
    return model.options()[field].name if field is not None else str(key)


def _mentions(problem: Problem, names: set[str]) -> bool:
    """Whether ``problem`` is about one of the options ``names``: at its key, or named in its message."""
    key = str(problem.path[1]) if len(problem.path) > 1 else ""
    return any(
        key.replace("_", "-") == name or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", problem.message)
        for name in names
    )


def merged(
    model: type[BackendArgs],
    settings_args: Mapping[Any, Any],
    overrides: Mapping[str, object],
    environ: Mapping[str, str] | None = None,
) -> tuple[dict[Any, Any], Origins]:
    """The settings' ARGS with each override replacing its option, whatever spelling the settings used.

    Below both, the variables the tool's own command reads as defaults (``model.environment_defaults``, from
    ``environ``: this process's environment unless given).
    """
    overridden = {model.field_for(key) or key: value for key, value in overrides.items()}
    kept = {key: value for key, value in settings_args.items() if _field(model, key) not in overridden}
    raw = {**kept, **overridden}
    settings_keys: dict[str, Hashable] = {}
    for key in kept:
        field = _field(model, key)
        if field is not None:
            settings_keys.setdefault(field, key)
    given = {field for field in map(partial(_field, model), raw) if field is not None}
    found = environment_values(model.environment_defaults, os.environ if environ is None else environ, given)
    raw = {**found.raw, **raw}
    origins = Origins(model, frozenset(raw), frozenset(overridden), settings_keys, found.variables)
    return raw, origins


def sources(model: type[BackendArgs], origins: Origins) -> dict[str, Source]:
    def source(field: str) -> Source:
        if field in origins.command_line:
            return "command line"
        if field in origins.environment:
            return "environment"
        return "settings" if field in origins.settings_keys else "default"

    return {field: source(field) for field in model.options()}


def _field(model: type[BackendArgs], key: object) -> str | None:
    return model.field_for(key) if isinstance(key, str) else None


def _target_problems(backend: TypedBackend[Any], args: BackendArgs | None) -> list[Problem]:
    try:
        return backend.target_problems(args)
    except Exception as error:
        # A third party's backend computes its target from settings of its own.
        return [backend_rules_failed(error)]


__all__ = [
    "Origins",
    "ProcessReport",
    "Source",
    "Validation",
    "validate_process",
    "validate_setting",
    "validated_setting",
]

"""Flower's own rules: values it refuses at start (exit 1 after a log line), what it ignores, production advice.

Flower judges ``--auth``, ``--broker-api`` and the TLS pair in ``flower/command.py``
(``extract_settings``) after the app has loaded; these rules say the same before anything runs.
Its two validators are restated here (a few lines each) because importing flower loads tornado
and prometheus on every management command; ``test_flower_rules.py`` pins them against Flower's.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlparse

from ...problems import Problem, Severity
from ...rules.text import shown
from .flower_options import FlowerArgs

E135 = "prodserver.E135"
E136 = "prodserver.E136"
E137 = "prodserver.E137"
E138 = "prodserver.E138"
W135 = "prodserver.W135"
W136 = "prodserver.W136"
W137 = "prodserver.W137"
W138 = "prodserver.W138"
W139 = "prodserver.W139"

NO_AUTH_HINT = "Set basic-auth ('user:password'), or auth with auth-provider, or serve it behind your own login."
TLS_HINT = "Use PEM files and an unencrypted key: Flower takes no key password."
W137_NO_AUTH = Problem(
    W137,
    Severity.WARNING,
    ("ARGS",),
    "sets no authentication: anyone who reaches Flower can revoke tasks and shut workers down.",
    NO_AUTH_HINT,
    deploy=True,
)
W137_NO_AUTH_READ_ONLY = Problem(
    W137,
    Severity.WARNING,
    ("ARGS",),
    "sets no authentication: anyone who reaches Flower reads every task's arguments and results.",
    NO_AUTH_HINT,
    deploy=True,
)
W138_DEBUG = Problem(
    W138,
    Severity.WARNING,
    ("ARGS", "debug"),
    "is True: tornado reloads on code changes and shows tracebacks to every visitor.",
    "Remove it in production.",
    deploy=True,
)
W139_COOKIE_SECRET = Problem(
    W139,
    Severity.WARNING,
    ("ARGS", "auth"),
    "is set without cookie-secret: Flower signs the login cookie with a new random secret at each start.",
    "Set cookie-secret to a long random value, so a restart or a second Flower keeps everyone signed in.",
    deploy=True,
)


def flower_problems(args: FlowerArgs) -> list[Problem]:
    """Problems with valid-typed Flower ARGS; paths are relative to the process."""
    return [
        *auth_problems(args),
        *basic_auth_problems(args),
        *broker_api_problems(args),
        *tls_problems(args),
        *socket_problems(args),
        *production_problems(args),
    ]


def valid_auth(pattern: str) -> bool:
    """As ``flower.utils.authentication.validate_auth_option``: one '*', not with '|', not in the domain."""
    if pattern.count("*") > 1 or ("*" in pattern and "|" in pattern):
        return False
    return "*" not in pattern.rsplit("@", 1)[-1]


def auth_problems(args: FlowerArgs) -> list[Problem]:
    if not args.auth:
        return []
    if not valid_auth(args.auth):
        return [
            Problem(
                E135,
                Severity.ERROR,
                ("ARGS", "auth"),
                f"is {shown(args.auth)}, which Flower refuses: one '*' at most, not in the domain, not with '|'.",
                "Write 'a@x.org|b@x.org', or '.*@x.org' for a whole domain.",
            )
        ]
    if args.auth_provider is None:
        return [
            Problem(
                W135,
                Severity.WARNING,
                ("ARGS", "auth"),
                "is set without auth-provider: Flower's login page answers 404, so no one can sign in.",
                "Set auth-provider, e.g. 'flower.views.auth.GoogleAuth2LoginHandler'.",
            )
        ]
    return []


def basic_auth_problems(args: FlowerArgs) -> list[Problem]:
    """Each pair must be 'user:password', without a comma: tornado splits the option at commas."""
    problems = []
    for index, pair in enumerate(args.basic_auth or []):
        text = pair.get_secret_value()
        if ":" not in text or "," in text:
            problems.append(
                Problem(
                    E136,
                    Severity.ERROR,
                    ("ARGS", "basic_auth", index),
                    "is not one 'user:password' pair (no ':', or a comma, where Flower splits the list).",
                    "Write 'user:password'; neither part may contain a comma.",
                )
            )
    return problems


def broker_api_problems(args: FlowerArgs) -> list[Problem]:
    """As ``flower.utils.broker.validate_broker_api``: an http(s) URL with a host."""
    if args.broker_api is None:
        return []
    url = urlparse(args.broker_api.get_secret_value())
    if url.scheme in ("http", "https") and url.netloc:
        return []
    return [
        Problem(
            E137,
            Severity.ERROR,
            ("ARGS", "broker_api"),
            "is not an http(s) URL with a host; Flower refuses to start.",
            "Write the management API's URL, e.g. 'http://guest:guest@localhost:15672/api/'.",
        )
    ]


def tls_problems(args: FlowerArgs) -> list[Problem]:
    if (args.certfile is None) != (args.keyfile is None):
        given, missing = ("certfile", "keyfile") if args.keyfile is None else ("keyfile", "certfile")
        return [
            Problem(
                E138,
                Severity.ERROR,
                ("ARGS", given),
                f"is set without {missing}; Flower refuses to start with half a TLS pair.",
                f"Set {missing} too, or remove {given}.",
            )
        ]
    if args.certfile is None:
        return []
    # Imported here: it loads ssl, which a setting without certfile (every worker's too) never needs.
    from ...rules.tls import certificate_problems

    # The shared rules load the pair, then judge the certificate's dates (W053), as for every server;
    # Flower passes no password, so an encrypted key cannot load.
    loaded = certificate_problems(
        args.certfile, args.keyfile, "", cert_field="certfile", key_name="keyfile", password_name="password"
    )
    return [
        dataclasses.replace(problem, hint=TLS_HINT) if "password" in problem.message else problem for problem in loaded
    ]


def socket_problems(args: FlowerArgs) -> list[Problem]:
    if args.unix_socket is None:
        return []
    return [
        Problem(
            W136,
            Severity.WARNING,
            ("ARGS", field),
            "is ignored: Flower listens on unix-socket instead.",
            f"Remove {field}, or unix-socket.",
        )
        for field in ("address", "port")
        if field in args.model_fields_set
    ]


def production_problems(args: FlowerArgs) -> list[Problem]:
    problems = [W138_DEBUG] if args.debug else []
    if args.auth and args.cookie_secret is None:
        problems.append(W139_COOKIE_SECRET)
    if not args.basic_auth and not args.auth:
        problems.append(W137_NO_AUTH_READ_ONLY if args.read_only else W137_NO_AUTH)
    return problems

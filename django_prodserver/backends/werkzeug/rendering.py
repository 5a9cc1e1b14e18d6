"""runserver_plus renders as every development server does: see ``backends.django_runserver.rendering``."""

from ..django_runserver.rendering import command_argv, command_options, listen_address

__all__ = ["command_argv", "command_options", "listen_address"]

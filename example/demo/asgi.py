"""
ASGI config for demo project.

It exposes the ASGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/asgi/
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo.settings")

django_application = get_asgi_application()

# Django has no WebSocket handler: route /ws/echo/ to a tiny echo consumer (import it
# after Django is set up), and everything else to Django.
from demo.websocket import websocket_echo  # noqa: E402


async def application(scope, receive, send):
    if scope["type"] == "websocket" and scope["path"] == "/ws/echo/":
        await websocket_echo(scope, receive, send)
    else:
        await django_application(scope, receive, send)

import asyncio
import time

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

from demo.models import Greeting


def hello(request):
    return HttpResponse("Hello from Django\n", content_type="text/plain")


async def hello_async(request):
    await asyncio.sleep(0)
    scope = getattr(request, "scope", {})
    return JsonResponse({"message": "Hello from an async view", "http_version": scope.get("http_version")})


def greetings(request):
    # A template and a query on SQLite: the "typical page" of the benchmarks.
    return render(request, "demo/greetings.html", {"greetings": Greeting.objects.order_by("id")[:20]})


def slow(request):
    # Lets tests hold a request in flight (graceful shutdown).
    seconds = min(float(request.GET.get("seconds", "1")), 10.0)
    time.sleep(seconds)
    return HttpResponse(f"slept {seconds}\n", content_type="text/plain")


def whoami(request):
    # What Django believes of a request once the server applied the proxy headers it trusts (tests of
    # forwarded headers: a client that is not the proxy must not make Django see https or another address).
    return JsonResponse(
        {"is_secure": request.is_secure(), "remote_addr": request.META.get("REMOTE_ADDR"), "host": request.get_host()}
    )

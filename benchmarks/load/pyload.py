"""A small pure-Python HTTP/1.1 keep-alive load generator, for machines without wrk (the smoke test).

``python -m benchmarks.load.pyload URL --connections N --duration S`` prints the same JSON line
as wrk's ``summary.lua``.  It is far slower than wrk: use it to exercise the harness, not to rank servers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from urllib.parse import urlsplit

from benchmarks.load.result import percentile


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; return its status code and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length, keep_alive = 0, True
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
        elif name.strip().lower() == "connection" and value.strip().lower() == "close":
            keep_alive = False
    await reader.readexactly(length)
    return status, keep_alive


async def _connection(url: str, deadline: float, latencies: list[float]) -> int:
    """Send requests one after another until the deadline; return the error count.

    One connection, reopened when the server closes it after a response (gunicorn's sync
    workers do, as wrk handles too).
    """
    parts = urlsplit(url)
    request = f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode()
    errors = 0
    while time.perf_counter() < deadline:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            keep_alive = True
            while keep_alive and time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(request)
                status, keep_alive = await _read_response(reader)
                latencies.append(time.perf_counter() - started)
                errors += not 200 <= status < 400
        finally:
            writer.close()
    return errors


async def load(url: str, connections: int, duration: float) -> dict[str, float]:
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + duration
    errors = await asyncio.gather(*(_connection(url, deadline, latencies) for _ in range(connections)))
    seconds = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": sum(errors),
        "seconds": seconds,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=float, default=1.0)
    options = parser.parse_args()
    print(json.dumps(asyncio.run(load(options.url, options.connections, options.duration))))


if __name__ == "__main__":
    main()

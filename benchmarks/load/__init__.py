"""Load generators (wrk, h2load, a pure-Python HTTP/1.1 client), each parsed into a :class:`LoadResult`."""

from benchmarks.load.result import LoadResult
from benchmarks.load.run import Load, available, command, generate

__all__ = ["Load", "LoadResult", "available", "command", "generate"]

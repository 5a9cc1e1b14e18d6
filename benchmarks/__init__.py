"""The benchmark suite behind ``make bench``: see ``docs/benchmarks.md`` for what it measures.

Benchmarks are not tests: nothing here runs under ``make test`` except a smoke run of the
harness on a tiny load (``tests/integration/test_bench_smoke.py``), which times nothing.
"""

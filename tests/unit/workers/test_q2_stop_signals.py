"""django-q2's stop signals are held while its cluster starts, and never in the processes it forks."""

from __future__ import annotations

import os
import signal
import threading

from django_prodserver.backends.django_q2.backend import STOP_SIGNALS, stop_signals_held


def blocked() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_held_while_the_cluster_starts_then_delivered() -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        with stop_signals_held():
            assert blocked() >= STOP_SIGNALS
            # To this thread: a test runner's other threads (xdist's) would take a signal to the process.
            signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
            assert received == []
        assert not STOP_SIGNALS & blocked()
        assert received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_process_forked_meanwhile_starts_with_them_unblocked() -> None:
    reading, writing = os.pipe()
    with stop_signals_held():
        child = os.fork()
        if child == 0:  # pragma: no cover  (the child reports through the pipe)
            os.write(writing, b"held" if STOP_SIGNALS & blocked() else b"free")
            os._exit(0)
    os.waitpid(child, 0)
    os.close(writing)
    assert os.read(reading, 4) == b"free"
    os.close(reading)

"""`--page-timeout`: a page whose cleaning takes too long becomes an error record (PageTimeout).

Python can interrupt running code in two ways, and which one applies depends on the thread:

- in a process's main thread (the local pool's workers, `--workers 1`): SIGALRM from a one-shot
  interval timer, whose handler raises PageTimeout. Python runs the handler between bytecodes and
  also inside regular-expression matching (which checks for signals), so a runaway regex stops too;
- in any other thread (dask runs its tasks in a worker thread): a timer thread raises PageTimeout
  in the cleaning thread (PyThreadState_SetAsyncExc), which Python delivers between bytecodes.

Neither can stop a C library call in progress (an HTML parse by libxml2): the page stops when the call
returns. The worker then goes on with the next page: nothing else of its state is lost.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from deboiler.errors import DeboilerError


class PageTimeout(DeboilerError):
    """Cleaning this page took longer than --page-timeout."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise PageTimeout in this thread if the body runs longer than `seconds` (None: no limit)."""
    if not seconds:
        yield
        return
    in_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    started = time.monotonic()
    try:
        with _alarm(seconds) if in_main else _raised_from_a_timer(seconds):
            yield
    except PageTimeout as exc:
        if exc.args:
            raise
        raise _timed_out(seconds) from None
    # The interruption can come too late (a long C call) or be swallowed by code that catches Exception
    # (a library's own fallback): a page that took longer than the limit is a timeout all the same, so
    # the local pool and dask's threads give the same record for it.
    if time.monotonic() - started > seconds:
        raise _timed_out(seconds)


def _timed_out(seconds: float) -> PageTimeout:
    return PageTimeout(f"cleaning this page took more than {seconds:g} s (--page-timeout)")


def _on_alarm(signum, frame) -> None:
    raise PageTimeout


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    old = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, old)


@contextmanager
def _raised_from_a_timer(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    running = [True]

    def fire() -> None:
        with lock:
            if running[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(PageTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            running[0] = False
            # A raise set but not yet delivered (the page finished just in time) is withdrawn.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)

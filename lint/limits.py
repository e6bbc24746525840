"""Per-file limits for ``crossfoot check`` (``batch`` puts each worker process under its own).

:func:`deadline` raises :class:`FileTimeout` in the main thread when a file takes longer than its time
(Unix: ``SIGALRM``); :func:`headroom` caps how much more address space the process may take while
checking (``RLIMIT_AS`` set to what it uses now plus the allowance), so a pathological file raises
``MemoryError``, which the caller reports for that file, instead of exhausting the machine. Both restore
what was there before; where the platform has neither, they do nothing.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager


class FileTimeout(BaseException):
    """A file took longer than its time. An interruption, like Ctrl-C, rather than an error: a reader's
    ``except Exception`` around its parser must not take it for a damaged file."""


@contextmanager
def deadline(seconds: float):
    main = threading.current_thread() is threading.main_thread()
    if not (seconds and hasattr(signal, "setitimer") and main):
        yield
        return

    def expire(signum, frame):
        raise FileTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def headroom(megabytes: int):
    try:
        import resource
    except ImportError:  # pragma: no cover - not Unix
        resource = None
    now = _address_space() if megabytes and resource is not None else None
    if now is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = now + megabytes * 2**20
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft != resource.RLIM_INFINITY:
        want = min(want, soft)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def die_with(parent: int) -> None:
    """Have the kernel kill this (child) process when ``parent`` dies, however it dies (``kill -9``
    included: no handler of the parent's runs then). Linux only; elsewhere the child sees its pipe close."""
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)

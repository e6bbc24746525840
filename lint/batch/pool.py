"""Executors: where batch tasks run. Each yields one record per task, as tasks finish.

* :func:`inline` runs them one after another in this process (no isolation; for tests and as the
  benchmark's single-process floor).
* :func:`local` runs them in ``jobs`` worker processes, each with an address-space limit (``memory_mb``).
  A task that runs longer than ``timeout`` seconds has its worker killed; a worker that dies (out of
  memory, a crash in a C library) is replaced. Either way that file gets an error record and the batch
  goes on. Workers are started once and reused, so imports and checks are loaded once per worker.
* :func:`dask` sends them to a Dask distributed scheduler (``pip install 'crossfoot[dask]'``).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait

from .work import Task, audit_file, error


def inline(tasks: Iterable[Task], **_) -> Iterator[dict]:
    for task in tasks:
        yield audit_file(task)


def _serve(conn, memory_mb: int, parent: int = 0) -> None:
    """A worker: take chunks of tasks from ``conn`` until ``None``, send back a record for each task as it
    finishes (so the parent knows which file is running, for its time limit)."""
    if parent:  # (the kernel kills this worker when the batch's process dies, however it dies)
        from ..limits import die_with

        die_with(parent)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it stops the workers
    if memory_mb and sys.platform != "win32":
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return  # the batch is gone
        if chunk is None:
            return
        for task in chunk:
            try:
                record = audit_file(task)
            except MemoryError:
                message = f"{task.path}: ran out of memory (the limit is {memory_mb} MB a file)"
                conn.send({**error(task.path, message), "restart": True})
                return  # a process that ran out of memory is not trusted with the next file
            conn.send(record)


class _Worker:
    def __init__(self, context, memory_mb: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_mb, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.queue: list[Task] = []  # given and not finished; the first is running
        self.started = 0.0  # when the running task started

    def give(self, chunk: list[Task]) -> None:
        self.queue, self.started = list(chunk), time.monotonic()
        self.conn.send(chunk)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def local(tasks: Iterable[Task], jobs: int = 0, timeout: float = 120.0, memory_mb: int = 2048,
          chunk: int = 8, **_) -> Iterator[dict]:
    """Run ``tasks`` in ``jobs`` worker processes (all cores when 0), handed out ``chunk`` at a time (less
    near the end, so the workers finish together); see the module notes."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pending = list(tasks)
    jobs = min(jobs or os.cpu_count() or 1, len(pending))
    workers = [_Worker(context, memory_mb) for _ in range(jobs)]

    def replace(i: int) -> None:
        """Stop worker ``i`` (killed if busy), hand its unstarted tasks back, start a fresh one."""
        w = workers[i]
        pending[:0] = w.queue[1:]
        w.stop(kill=bool(w.queue))
        workers[i] = _Worker(context, memory_mb)

    try:
        while pending or any(w.queue for w in workers):
            for w in workers:
                if not w.queue and pending:
                    size = max(1, min(chunk, len(pending) // (2 * jobs)))
                    w.give(pending[:size])
                    del pending[:size]
            busy = [w for w in workers if w.queue]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.2)
            for i, w in enumerate(workers):
                if not w.queue:
                    continue
                record, gone = None, False
                if w.conn in ready:
                    try:
                        record = w.conn.recv()
                    except (EOFError, OSError):
                        gone = True  # the worker closed its end: it died
                if record is not None:
                    restart = record.pop("restart", False)
                    yield record
                    if restart:
                        replace(i)
                    else:
                        w.queue.pop(0)
                        w.started = time.monotonic()
                    continue
                task = w.queue[0]
                if gone or w.process.sentinel in ready or not w.process.is_alive():
                    w.process.join(5)  # reaped, so its exit code is known
                    yield error(task.path, f"{task.path}: the worker checking it stopped (exit code "
                                           f"{w.process.exitcode}: out of memory, or a crash in a library)")
                elif time.monotonic() - w.started > timeout:
                    yield error(task.path, f"{task.path}: took longer than {timeout:g} s; stopped",
                                seconds=timeout)
                else:
                    continue
                replace(i)
    finally:
        for w in workers:
            w.stop(kill=bool(w.queue))


def dask(tasks: Iterable[Task], scheduler: str = "", chunk: int = 20, **_) -> Iterator[dict]:
    """Run ``tasks`` on the Dask cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``), sent in
    chunks of ``chunk`` files.

    The workers need crossfoot installed (the same version) and read access to the files at the same
    paths. Limits are the cluster's own (``--memory-limit`` of ``dask worker``)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise RuntimeError("the dask executor needs distributed: pip install 'crossfoot[dask]'") from None
    tasks = list(tasks)
    chunks = [tasks[i:i + chunk] for i in range(0, len(tasks), chunk)]
    with Client(scheduler) as client:
        futures = {client.submit(audit_files, c, pure=False, key=f"crossfoot-{i}"): c
                   for i, c in enumerate(chunks)}
        for future in as_completed(futures):
            try:
                yield from future.result()
            except Exception as exc:  # noqa: BLE001 - a worker lost, a pickling failure: these files' error
                for task in futures[future]:
                    yield error(task.path, f"{task.path}: the Dask task failed: {type(exc).__name__}: {exc}")


def audit_files(tasks: list[Task]) -> list[dict]:
    """A chunk of tasks as one Dask task: the scheduler's cost per task is paid once per chunk."""
    return [audit_file(t) for t in tasks]


EXECUTORS = {"inline": inline, "local": local, "dask": dask}

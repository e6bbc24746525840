"""Batch throughput on 1,000 generated reports (``tests/generate.py``: prose and tables, one in five with
an injected error): in this process (the floor every other figure is a ratio to), local worker processes
with 1 and 2 jobs, and the Dask executor on a local cluster (2 worker processes) when installed. No cache;
each the best of two runs, after a warm-up."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import generate  # noqa: E402

from crossfoot import batch  # noqa: E402
from crossfoot.config import Settings  # noqa: E402

N = 1000


def timed(folder: Path, out: Path, runs: int = 2, **options) -> float:
    """The best of ``runs`` runs, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        records = batch.run([str(folder)], out, lambda p: Settings(), html=False, **options)
        best = min(best, time.perf_counter() - start)
        assert len(records) == N and all(r["status"] == "ok" for r in records)
    return best


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="crossfoot-bench-"))
    expected = generate.write(work / "in", N)
    errors = sum(1 for codes in expected.values() if codes)
    print(f"batch: {N} generated reports ({errors} with an injected error), "
          f"{sum(p.stat().st_size for p in (work / 'in').iterdir()) / 1e6:.1f} MB")
    generate.write(work / "warm", 20)
    batch.run([str(work / "warm")], work / "warm-out", lambda p: Settings(), executor="inline")  # imports
    floor = timed(work / "in", work / "inline", executor="inline")
    print(f"in this process (floor)      {N / floor:7.0f} files/s")
    for jobs in (1, 2):
        seconds = timed(work / "in", work / f"local{jobs}", executor="local", jobs=jobs)
        print(f"local, {jobs} job{'s' if jobs > 1 else ' '}                {N / seconds:7.0f} files/s   "
              f"{floor / seconds:4.2f}x the floor")
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask: not installed (pip install 'crossfoot[dask]')")
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True, silence_logs=50) as cluster:
        seconds = timed(work / "in", work / "dask", executor="dask", scheduler=cluster.scheduler_address)
    print(f"dask, local cluster of 2     {N / seconds:7.0f} files/s   {floor / seconds:4.2f}x the floor")


if __name__ == "__main__":
    main()

"""``--executor ray``: the documents of a ``prepare`` run as Ray tasks, on one machine or a cluster.

Each document goes through the same function as in a local run (:func:`process_document`
then :func:`write_shard`), so the shards, and the outputs merged from them, are identical.
Without translation every document is a task; a task lost with its worker (a crash, a
node gone) is retried up to ``max_retries`` times. With translation, documents go to
long-lived actors that load the model once each, and reserve a GPU each with ``--device
cuda``; a dead actor is restarted and its calls retried.

The shards are written to ``outdir`` by the workers, so on a cluster ``outdir`` must be a
folder every node sees (NFS, a shared volume) and ``corpus_tools`` must be installed on
every node. ``RAY_ADDRESS`` (or ``ray start --head`` on this machine) selects a running
cluster; otherwise a local Ray instance is started for the run and stopped after it.
"""

from __future__ import annotations

import functools
import logging
import os
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from corpus_tools.errors import BackendUnavailableError, CorpusToolsError
from corpus_tools.pipeline import (
    DocumentJob,
    PrepareConfig,
    Stages,
    build_stages,
    run_document,
)

MAX_RETRIES = 3
IN_FLIGHT_PER_WORKER = 2


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise BackendUnavailableError("--executor ray", "ray") from None
    return ray


@functools.lru_cache(maxsize=1)
def _worker_stages(config: PrepareConfig) -> Stages:
    # Built once per Ray worker process and kept for the next documents of the same run.
    return build_stages(config, with_translator=False)


def _process(outdir: str, job: DocumentJob, config: PrepareConfig, extra: frozenset[str]) -> dict[str, int]:
    """One document, in a Ray worker: the local pool's function, unchanged."""
    return run_document(Path(outdir), job, _worker_stages(config), extra, keep_going=True).counts


class _DocumentWorker:
    """A Ray actor holding the stages, translator included, for all the documents it gets."""

    def __init__(self, config: PrepareConfig) -> None:
        self._config = config
        self._stages = build_stages(config)

    def process(self, outdir: str, job: DocumentJob, extra: frozenset[str]) -> dict[str, int]:
        return run_document(Path(outdir), job, self._stages, extra, keep_going=True).counts


def _connect(ray: Any, num_cpus: int | None) -> bool:
    """Join ``RAY_ADDRESS`` or an instance already set up by the caller, else start one; True if started."""
    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": True}
    if os.environ.get("RAY_ADDRESS"):
        ray.init(address=os.environ["RAY_ADDRESS"], **kwargs)
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False, **kwargs)
    return True


def _unwrap(ray: Any, exc: BaseException) -> BaseException:
    """The user-facing error inside a Ray task error (an InputError stays an InputError)."""
    cause = getattr(exc, "cause", None)
    if isinstance(exc, ray.exceptions.RayTaskError) and isinstance(cause, CorpusToolsError):
        return cause
    return exc


def run_ray(jobs: Sequence[DocumentJob], outdir: str, config: PrepareConfig,
            extra_boilerplate: frozenset[str] = frozenset(), *,
            num_cpus: int | None = None) -> Iterator[dict[str, int]]:
    """Process ``jobs`` on Ray, writing their shards under ``outdir``; yield each document's counts.

    Documents finish in any order; the caller merges the shards in job order. ``num_cpus``
    sizes a local instance (default: all cores) and is ignored on an existing cluster.
    """
    ray = _import_ray()
    if not jobs:
        return
    started = _connect(ray, num_cpus)
    try:
        yield from _run(ray, jobs, outdir, config, extra_boilerplate)
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, jobs: Sequence[DocumentJob], outdir: str, config: PrepareConfig,
         extra: frozenset[str]) -> Iterator[dict[str, int]]:
    config_ref = ray.put(config)
    extra_ref = ray.put(extra)
    translating = config.translate or config.translate_for_alignment
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    if translating:
        gpu = config.device == "cuda"
        n_workers = max(1, int(ray.cluster_resources().get("GPU", 0))) if gpu else cpus
        actor_cls = ray.remote(num_cpus=0 if gpu else 1, num_gpus=1 if gpu else 0,
                               max_restarts=MAX_RETRIES, max_task_retries=MAX_RETRIES)(_DocumentWorker)
        # The config itself, not an object-store reference: a restarted actor needs it again.
        actors = [actor_cls.remote(config) for _ in range(min(n_workers, len(jobs)))]

        def submit(i: int, job: DocumentJob) -> Any:
            return actors[i % len(actors)].process.remote(outdir, job, extra_ref)
    else:
        n_workers = cpus
        task = ray.remote(num_cpus=1, max_retries=MAX_RETRIES)(_process)

        def submit(i: int, job: DocumentJob) -> Any:
            return task.remote(outdir, job, config_ref, extra_ref)

    # A bounded window of documents in flight: a folder of 100,000 documents must not
    # become 100,000 pending tasks in the driver.
    window = n_workers * IN_FLIGHT_PER_WORKER
    queue = deque(enumerate(jobs))
    pending: list[Any] = []
    try:
        while queue or pending:
            while queue and len(pending) < window:
                pending.append(submit(*queue.popleft()))
            ready, pending = ray.wait(pending, num_returns=1)
            for ref in ready:
                try:
                    counts = ray.get(ref)
                except Exception as exc:  # noqa: BLE001  (re-raised, unwrapped)
                    raise _unwrap(ray, exc) from None
                yield dict(counts)
    finally:
        for ref in pending:
            ray.cancel(ref)

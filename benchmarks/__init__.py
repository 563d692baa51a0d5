"""Benchmarks of hivemq_rest against hand-written baselines, on one machine and one server.

Run them all with ``python -m benchmarks`` (or ``python benchmarks/run.py``); the
results go to ``BENCHMARKS.md``. ``--smoke`` runs each one at a tiny size, for CI:
it checks that the benchmarks still work, never how fast anything is.
"""

"""``python -m benchmarks``: run every benchmark and write BENCHMARKS.md."""

from benchmarks.run import main

raise SystemExit(main())

"""A stand-in benchmark for tests/bench/test_run_all.py: `python -m tests.bench.fake_bench MODE`.

MODE `unmet`: prints figures with a target not met and exits 1 (as bench.lookups does);
`crash`: prints a traceback and no figures.
"""

import json
import sys

if sys.argv[1] == "crash":
    raise SystemExit("Traceback (most recent call last):\n  boom")
print("GET /dsc/subscribers/{msisdn} on the default world")  # braces before the figures
print(json.dumps({"req_per_s": 4321, "targets": {"free >= 30%": {"value": 0.27, "met": False}}}))
print("progress line after the figures", file=sys.stderr)
sys.exit(1)

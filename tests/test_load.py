"""Load, as readers and staff bring it: the HTTP benchmark at a smaller scale, asserted.

Marked ``hard`` (``make check-hard``): gunicorn as in production on PostgreSQL, wrk walking both
request mixes with and without the results cache, two staff accounts moving cases all along.
The figures for the README come from the full run (``benchmarks/http_load.py``, 100,000
records, 60 s per run); this test asserts what must hold at any scale: no error answer, and
every workflow invariant after concurrent transitions under load.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.hard, pytest.mark.postgres]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL at TEST_DATABASE_URL")
def test_no_error_under_load_and_staff_transitions_keep_every_invariant():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "http_load.py"), "--postgres",
         "--records", "10000", "--seconds", "15", "--paths", "6000", "--staff-writers", "2"],
        capture_output=True, text=True, timeout=900, cwd=ROOT, check=False)
    out = done.stdout
    assert done.returncode == 0, f"{out}\n{done.stderr}"
    assert "database postgresql" in out
    # On failure, the whole printout: which run, which answers, which writer failed and why.
    assert "errors in all runs: 0" in out, out
    transitions = re.search(r"staff writers, all runs: (\d+) transitions", out)
    assert transitions and int(transitions.group(1)) > 10, out
    assert "invariants hold" in out, out
    assert re.search(r"refused as stale \(409\), 0 failures; invariants", out), out

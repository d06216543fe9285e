"""`make audit` (bin/audit) fails when pip-audit could not run: no audit is not a clean one."""

import os
import shutil
import subprocess
from pathlib import Path

AUDIT = Path(__file__).resolve().parent.parent / "bin" / "audit"


def run_audit(tmp_path, **env):
    # A copy in an empty tree: its tool virtualenv cannot be created within the time-out,
    # as when PyPI is unreachable.
    (tmp_path / "bin").mkdir()
    shutil.copy(AUDIT, tmp_path / "bin" / "audit")
    environment = {**os.environ, "AUDIT_TIMEOUT": "0.01", "AUDIT_ALLOW_OFFLINE": "false", **env}
    return subprocess.run(  # noqa: S603 - our own script
        [str(tmp_path / "bin" / "audit")], env=environment, capture_output=True, text=True
    )


def test_an_audit_that_could_not_run_fails_ci(tmp_path):
    result = run_audit(tmp_path, CI="true")

    assert result.returncode == 2
    assert "ERROR" in result.stderr and "NOT done" in result.stderr


def test_offline_outside_ci_it_may_only_warn_when_asked(tmp_path):
    result = run_audit(tmp_path, CI="false", AUDIT_ALLOW_OFFLINE="true")

    assert result.returncode == 0
    assert "WARNING" in result.stderr

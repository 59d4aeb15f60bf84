"""Shared fixtures: the repository, the ../shared data, and the CLI to compare with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"


def shared(relative: str) -> Path:
    """A path under ../shared; under CI=true a missing one fails the test instead of skipping it."""
    path = SHARED / relative
    if not path.exists():
        message = f"{path} not found (the evaluation data lives in ../shared beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def cli() -> Path:
    """The salient binary built from this checkout (release), or $SALIENT_BIN."""
    given = os.environ.get("SALIENT_BIN")
    if given:
        return Path(given)
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "--quiet", "--bin", "salient"],
        cwd=ROOT,
        check=True,
    )
    return ROOT / "target" / "release" / "salient"


def run_cli(cli: Path, *args: str) -> dict:
    """`salient summarize ARGS --format json`, parsed."""
    out = subprocess.run(
        [str(cli), "summarize", *args, "--format", "json"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        env=dict(os.environ, RAYON_NUM_THREADS="2"),
    )
    return json.loads(out.stdout)


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) == limit:
                break
    return rows

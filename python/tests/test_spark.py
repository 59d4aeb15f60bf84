"""examples/spark_summarize.py in Spark local mode writes the summaries the CLI prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_jsonl, run_cli, shared
from test_parity import without_path, write_jsonl

if os.environ.get("CI") != "true":
    pytest.importorskip("pyspark")

EXAMPLE = ROOT / "examples" / "spark_summarize.py"


def spark_job(tmp_path: Path, data: Path, *args: str) -> list[dict]:
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    subprocess.run(
        [sys.executable, str(EXAMPLE), str(data), str(out), "--master", "local[2]", *args],
        check=True,
        env=env,
    )
    rows = []
    for part in sorted(out.glob("part-*")):
        rows.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line)
    return rows


def test_articles_scope_matches_the_cli(cli, tmp_path):
    instances = read_jsonl(shared("eval/bbc_news_summary/dev.jsonl"), 300)
    data = tmp_path / "bbc.jsonl"
    write_jsonl(data, [{"id": i["id"], "title": i["title"], "text": i["documents"][0]} for i in instances])
    flags = ["--method", "lexrank", "--words", "60"]
    expected = run_cli(cli, str(data), "--scope", "articles", *flags)["articles"]
    # Small batches: several summarize_many calls per partition.
    got = spark_job(tmp_path, data, "--batch-size", "64", "--partitions", "3", *flags)
    assert len(got) == len(expected) == 300
    by_id = {a["id"]: without_path(a) for a in got}
    assert by_id == {a["id"]: without_path(a) for a in expected}


def test_corpus_scope_matches_the_cli(cli, tmp_path):
    instances = read_jsonl(shared("eval/duc2004/dev.jsonl"), 6)
    clusters = tmp_path / "duc.jsonl"
    write_jsonl(clusters, instances)
    expected = run_cli(cli, str(clusters), "--scope", "corpus", "--words", "100")["corpora"]
    articles = tmp_path / "articles.jsonl"
    write_jsonl(
        articles,
        [{"id": f"{i['id']}#{k + 1}", "story": i["id"], "text": d} for i in instances for k, d in enumerate(i["documents"])],
    )
    got = spark_job(tmp_path, articles, "--scope", "corpus", "--words", "100")
    assert len(got) == len(expected) == 6
    assert {c["id"]: without_path(c) for c in got} == {c["id"]: without_path(c) for c in expected}


def test_bad_options_fail_on_the_driver(tmp_path):
    data = tmp_path / "one.jsonl"
    write_jsonl(data, [{"id": "a", "text": "One sentence here."}])
    p = subprocess.run(
        [sys.executable, str(EXAMPLE), str(data), str(tmp_path / "out"), "--master", "local[1]", "--method", "texrank"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert p.returncode == 2
    assert "unknown method 'texrank'; did you mean 'textrank'?" in p.stderr

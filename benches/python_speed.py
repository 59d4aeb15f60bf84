#!/usr/bin/env python3
"""Speed of the salient Python package (docs/benchmarks.md, "From Python").

    python benches/python_speed.py sumy --peers /tmp/peers          # with the peers' venv python, salient installed in it
    python benches/python_speed.py overhead
    python benches/python_speed.py many --articles 10000
    python benches/python_speed.py spark --articles 20000

sumy      in one process: salient.summarize vs sumy's TextRank and LexRank on
          the peers' one-document news corpora (out/news_N.jsonl from
          make_corpus.py), 10 sentences each, as the peers' run_peer.py runs
          sumy (PlaintextParser + Tokenizer/Stemmer "english" + sumy's stop
          words; parsing included in the time). salient: median of --repeat
          calls; sumy: one call each (seconds to a minute).
overhead  salient.summarize on a 20-sentence article (seeds/004...) against
          the same library call made from Rust in a loop
          (`salient::summarize::summarize`), best of interleaved rounds.
many      summarize_many on N articles (the BBC dev set's articles, cycled),
          in a fresh process each for RAYON_NUM_THREADS=1 and 2.
spark     examples/spark_summarize.py in local[2] on N articles (BBC dev,
          cycled, unique ids) against `salient summarize FILE --scope
          articles --format json` on the same file (release CLI).

Every mode checks its answer: the sentences returned are the ones expected
(salient's against the CLI or the serial run, sumy's count), so a fast but
wrong run cannot pass.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
BBC = SHARED / "eval" / "bbc_news_summary" / "dev.jsonl"
SEED_20 = ROOT / "seeds" / "004_7d61056f019242aa.txt"


def median_time(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def bbc_articles(n: int) -> list[dict]:
    rows = [json.loads(line) for line in open(BBC, encoding="utf-8") if line.strip()]
    out = []
    for k in range(n):
        r = rows[k % len(rows)]
        out.append({"id": f"{r['id']}~{k // len(rows)}", "title": r.get("title"), "text": r["documents"][0]})
    return out


def sumy_mode(args) -> None:
    import salient
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = Tokenizer("english")
    rows = ["| document | sentences (salient / sumy) | salient TextRank | sumy TextRank | ratio | salient LexRank | sumy LexRank | ratio |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for n in args.sizes:
        corpus = Path(args.peers) / "out" / f"news_{n}.jsonl"
        text = json.loads(corpus.read_text(encoding="utf-8").splitlines()[0])["documents"][0]
        cells = []
        counts = None
        for ours, cls in [("textrank", TextRankSummarizer), ("lexrank", LexRankSummarizer)]:
            summary = salient.summarize(text, method=ours, sentences=10)
            assert len(summary.sentences) == 10
            t_salient = median_time(lambda: salient.summarize(text, method=ours, sentences=10), args.repeat)
            summarizer = cls(Stemmer("english"))
            summarizer.stop_words = get_stop_words("english")
            t = time.perf_counter()
            doc = PlaintextParser.from_string(text, tokenizer).document
            picked = summarizer(doc, 10)
            t_sumy = time.perf_counter() - t
            assert len(picked) == 10
            counts = f"{summary.sentence_count:,} / {len(doc.sentences):,}"
            cells += [fmt(t_salient), fmt(t_sumy), f"{t_sumy / t_salient:,.0f}×"]
            print(f"news_{n} {ours}: salient {t_salient:.4f} s, sumy {t_sumy:.3f} s", file=sys.stderr)
        rows.append(f"| news_{n} | {counts} | " + " | ".join(cells) + " |")
    print("\n".join(rows))


def overhead_mode(args) -> None:
    import salient
    from salient import _salient

    text = SEED_20.read_text(encoding="utf-8")
    assert salient.summarize(text).sentence_count == 20
    calls = args.calls
    python, rust = [], []
    # Interleaved rounds, the best of each kept (timeit's rule): on a shared
    # machine, noise only ever adds time.
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _ in range(calls):
            salient.summarize(text)
        python.append((time.perf_counter() - t) / calls)
        rust.append(_salient._rust_seconds_per_call(text, calls))
    p, r = min(python), min(rust)
    print(f"| 20-sentence article (seeds/004), textrank, 3 sentences | per call, best of {args.rounds} rounds of {calls} |")
    print("|---|---:|")
    print(f"| `salient.summarize(text)` from Python | {p * 1e6:.0f} µs |")
    print(f"| `salient::summarize::summarize(text, &config)` from Rust | {r * 1e6:.0f} µs |")
    print(f"| overhead of the binding | {(p - r) * 1e6:.0f} µs |")


def many_child(args) -> None:
    import salient

    articles = bbc_articles(args.articles)
    salient.summarize_many(articles[:200])  # warm the pool and the caches
    t = median_time(lambda: salient.summarize_many(articles), args.repeat)
    result = salient.summarize_many(articles)
    digest = [[s.byte_start for s in r.sentences] for r in result]
    print(json.dumps({"seconds": t, "digest": digest}))


def many_mode(args) -> None:
    results = {}
    for threads in [1, 2]:
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        out = subprocess.run([sys.executable, __file__, "_many", "--articles", str(args.articles), "--repeat", str(args.repeat)],
                             env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
        results[threads] = json.loads(out)
    assert results[1]["digest"] == results[2]["digest"], "summaries differ between 1 and 2 threads"
    one, two = results[1]["seconds"], results[2]["seconds"]
    n = args.articles
    print("| `summarize_many`, BBC articles | 1 thread | 2 threads | speed-up |")
    print("|---|---:|---:|---:|")
    print(f"| {n:,} articles | {fmt(one)} ({n / one:,.0f} articles/s) | {fmt(two)} ({n / two:,.0f} articles/s) | {one / two:.2f}× |")


def spark_mode(args) -> None:
    cli = ROOT / "target" / "release" / "salient"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "articles.jsonl"
        with open(data, "w", encoding="utf-8") as f:
            for a in bbc_articles(args.articles):
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        cmd = [str(cli), "summarize", str(data), "--scope", "articles", "--format", "json"]
        t_cli = median_time(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), args.repeat)
        expected = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout)["articles"]
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
        spark_times = []
        for k in range(args.repeat):
            out = Path(tmp) / f"out{k}"
            t = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "examples" / "spark_summarize.py"), str(data), str(out),
                            "--master", "local[2]", *args.spark_args], check=True, env=env, stderr=subprocess.DEVNULL)
            spark_times.append(time.perf_counter() - t)
        got = {}
        for part in out.glob("part-*"):
            for line in part.read_text(encoding="utf-8").splitlines():
                a = json.loads(line)
                got[a["id"]] = a["summary"]
        assert got == {a["id"]: a["summary"] for a in expected}, "Spark output differs from the CLI's"
    t_spark = statistics.median(spark_times)
    n = args.articles
    print("| 2 cores | whole run | articles/s |")
    print("|---|---:|---:|")
    print(f"| `salient summarize` (CLI) | {fmt(t_cli)} | {n / t_cli:,.0f} |")
    print(f"| examples/spark_summarize.py, `local[2]` {' '.join(args.spark_args)} | {fmt(t_spark)} | {n / t_spark:,.0f} |")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("sumy")
    s.add_argument("--peers", required=True, help="the peers' folder, with out/news_N.jsonl")
    s.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    s.add_argument("--repeat", type=int, default=15)
    o = sub.add_parser("overhead")
    o.add_argument("--calls", type=int, default=2000)
    o.add_argument("--rounds", type=int, default=15)
    for name in ["many", "_many"]:
        m = sub.add_parser(name)
        m.add_argument("--articles", type=int, default=10000)
        m.add_argument("--repeat", type=int, default=3)
    k = sub.add_parser("spark")
    k.add_argument("--articles", type=int, default=20000)
    k.add_argument("--repeat", type=int, default=1)
    k.add_argument("spark_args", nargs="*", help="more options for the job (after --)")
    args = p.parse_args()
    {"sumy": sumy_mode, "overhead": overhead_mode, "many": many_mode, "_many": many_child, "spark": spark_mode}[args.mode](args)


if __name__ == "__main__":
    main()

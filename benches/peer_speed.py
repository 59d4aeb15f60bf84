#!/usr/bin/env python3
"""Whole-process speed of `salient summarize` against the Python peers:
sumy's TextRank and LexRank, summa's TextRank and the lexrank package.

Runs back to back on the same machine, on the peers' one-document news corpora
(make_corpus.py: real ABC news sentences from the Lee corpus):

  * salient: the whole process (start-up, JSONL reading, ranking, output),
    `salient summarize out/news_N.jsonl --scope articles -n 10 --format json`,
    median of --repeat runs, with rayon's default threads and with one;
  * each peer: its own ranking time as run_peer.py reports it
    (total_ranking_seconds: split, tokenize, stem, rank, select; Python
    start-up, imports and JSON I/O excluded), one run each, single-threaded
    BLAS as in the peers' speed_bench.py.

Usage (from the repository root, after `cargo build --release`):

    python3 benches/peer_speed.py --peers /path/to/peers [--sizes 1000 3000] [--repeat 10]

Prints a markdown table and writes the raw numbers as JSON (--json).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time


def salient(binary, corpus, repeat, threads):
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    cmd = [binary, "summarize", corpus, "--scope", "articles", "-n", "10", "--format", "json"]
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - t)
    sentences = sum(a["sentence_count"] for a in json.loads(out)["articles"])
    return statistics.median(times), sentences


def peer(peers, corpus, tool, method):
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [os.path.join(peers, ".venv", "bin", "python"), os.path.join(peers, "run_peer.py"),
               corpus, "--tool", tool, "--method", method, "--sentences", "10",
               "--mode", "per-doc", "--out", os.path.join(tmp, "out.jsonl")]
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    m = re.search(r"input_sentences=(\d+) setup_seconds=([\d.]+) total_ranking_seconds=([\d.]+)", out)
    if not m:
        raise SystemExit(f"unexpected run_peer.py output: {out!r}")
    return float(m.group(3)), int(m.group(1))


PEERS = [("sumy TextRank", "sumy", "text-rank"), ("sumy LexRank", "sumy", "lex-rank"),
         ("summa TextRank", "summa", "textrank"), ("lexrank LexRank", "lexrank", "lexrank")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peers", required=True, help="folder with run_peer.py, .venv/ and out/news_N.jsonl")
    ap.add_argument("--salient", default="target/release/salient")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--json", default=None, help="write the raw numbers here")
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        corpus = os.path.join(a.peers, "out", f"news_{n}.jsonl")
        s_default, s_sent = salient(a.salient, corpus, a.repeat, None)
        s_one, _ = salient(a.salient, corpus, a.repeat, 1)
        peers = {name: peer(a.peers, corpus, tool, method) for name, tool, method in PEERS}
        rows.append(dict(size=n, salient_sentences=s_sent, salient_s=s_default, salient_1thread_s=s_one,
                         peers={name: dict(seconds=t, sentences=k) for name, (t, k) in peers.items()}))
        print(json.dumps(rows[-1]), flush=True)
    print()
    print("| corpus | sentences | salient, whole process | salient, 1 thread | "
          + " | ".join(f"{name} | ratio" for name, _, _ in PEERS) + " |")
    print("|---|---|---|---|" + "---|---|" * len(PEERS))
    for r in rows:
        cells = " | ".join(f"{r['peers'][name]['seconds']:.2f} s | {r['peers'][name]['seconds'] / r['salient_s']:.0f}x"
                           for name, _, _ in PEERS)
        print(f"| news_{r['size']} | {r['salient_sentences']} | {r['salient_s'] * 1000:.0f} ms "
              f"| {r['salient_1thread_s'] * 1000:.0f} ms | {cells} |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()

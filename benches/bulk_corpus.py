#!/usr/bin/env python3
"""Bulk inputs for the per-article benchmarks in docs/benchmarks.md.

Real English news from the dev sets in ../shared/eval (BBC News, DUC 2003 and
2004 documents), repeated under new ids until the requested size:

  python3 benches/bulk_corpus.py jsonl --articles 64144 --join 2 --out /tmp/bulk.jsonl
      one {"id", "text"} line per article, each two source articles one after
      the other (about 5 KB and 40 sentences; 330 MB in all)
  python3 benches/bulk_corpus.py folder --articles 10000 --sentences 4 --out /tmp/small
      one .txt file per article, each cut to its first 4 sentences

Deterministic: the same arguments give the same bytes.
"""
import argparse
import json
import os
import re
import sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval")


def articles():
    out = []
    for name in ["bbc_news_summary", "duc2004", "duc2003"]:
        path = os.path.join(EVAL, name, "dev.jsonl")
        if not os.path.exists(path):
            sys.exit(f"missing {path}: the benchmark corpora are built from ../shared/eval")
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.extend(d for d in json.loads(line)["documents"] if d.strip())
    return out


def first_sentences(text, n):
    # A plain rule is enough here: the benchmark only needs short articles.
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", " ".join(text.split()))
    return " ".join(parts[:n])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["jsonl", "folder"])
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--sentences", type=int, default=None, help="cut each article to its first N sentences")
    p.add_argument("--join", type=int, default=1, help="make each article of N consecutive source articles")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    source = articles()
    texts = (
        "\n\n".join(source[(k * a.join + j) % len(source)] for j in range(a.join))
        for k in range(a.articles)
    )
    if a.sentences:
        texts = (first_sentences(t, a.sentences) for t in texts)
    if a.kind == "jsonl":
        with open(a.out, "w", encoding="utf-8") as f:
            for k, t in enumerate(texts):
                f.write(json.dumps({"id": f"a{k:06d}", "text": t}, ensure_ascii=False) + "\n")
    else:
        os.makedirs(a.out, exist_ok=True)
        for k, t in enumerate(texts):
            with open(os.path.join(a.out, f"a{k:06d}.txt"), "w", encoding="utf-8") as f:
                f.write(t + "\n")


if __name__ == "__main__":
    main()

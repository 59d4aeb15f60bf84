#!/usr/bin/env python3
"""Share of summary sentences that open dangling: with a pronoun, connective
or anaphoric "The <noun>" while the sentence before them (same article) is
not in the summary.

Reads `salient summarize --format json` output (a file or stdin) and prints,
for the per-article summaries and the corpus summaries separately, the
number of chosen sentences, how many open dangling and their share. The
opener lists mirror src/select/coherence.rs (keep the two in step).

    target/release/salient summarize ../shared/eval/bbc_news_summary/dev.jsonl \
        --scope articles --words 100 --method lexrank --format json \
        | python3 benches/coherence.py
"""

import json
import sys

PRONOUNS = {"He", "She", "It", "They", "His", "Her", "Its", "Their",
            "This", "These", "That", "Those"}
CONNECTIVES = {"But", "And", "However", "Also", "Meanwhile", "Still", "Yet",
               "So", "Instead", "Moreover", "Besides", "Then", "Furthermore",
               "Nevertheless", "Nonetheless", "Therefore", "Thus"}
ANAPHORIC_NOUNS = {"comments", "remarks", "move", "decision", "statement",
                   "announcement", "claims", "figures", "findings", "plans",
                   "proposals", "deal", "news"}


def words(sentence):
    for w in sentence.split():
        # As Rust's trim_matches(!is_alphanumeric): strip non-alphanumerics at both ends.
        start, end = 0, len(w)
        while start < end and not w[start].isalnum():
            start += 1
        while end > start and not w[end - 1].isalnum():
            end -= 1
        if start < end:
            yield w[start:end]


def opens_dangling(sentence):
    ws = words(sentence)
    first = next(ws, None)
    if first is None:
        return False
    if first in PRONOUNS or first in CONNECTIVES:
        return True
    return first == "The" and next(ws, None) in ANAPHORIC_NOUNS


def count(summary, article_of):
    chosen = {(article_of(s), s["index"]) for s in summary}
    dangling = sum(
        1 for s in summary
        if s["index"] > 0 and opens_dangling(s["text"])
        and (article_of(s), s["index"] - 1) not in chosen)
    return len(summary), dangling


def main():
    data = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
    totals = {}
    for a in data.get("articles", []):
        n, d = count(a["summary"], lambda s, a=a: a["id"])
        t = totals.setdefault("articles", [0, 0, 0])
        t[0] += 1; t[1] += n; t[2] += d
    for c in data.get("corpora", []):
        n, d = count(c["summary"], lambda s: s["article"])
        t = totals.setdefault("corpora", [0, 0, 0])
        t[0] += 1; t[1] += n; t[2] += d
    for scope, (summaries, n, d) in totals.items():
        share = 100.0 * d / n if n else 0.0
        print(f"{scope}: {summaries} summaries, {n} sentences, {d} dangling ({share:.1f}%)")


if __name__ == "__main__":
    main()

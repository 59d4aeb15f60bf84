#!/usr/bin/env python3
"""Leave-one-dataset-out choice of the corpus default (docs/quality.md).

Scores every candidate configuration on the six corpus dev sets (DUC 2004,
DUC 2003, MultiLing 2011 en/fr/el/ar) with `salient eval`, then, for each
dataset in turn, picks the configuration with the best mean (R-1 + R-2) / 2
recall on the other five and reports its score on the held-out one. The
configuration picked on all six is the corpus default.

    cargo build --release
    python3 benches/cv.py [--salient target/release/salient] [--eval ../shared/eval]

Prints markdown: the score of every configuration, then the folds.
"""

import argparse
import itertools
import os
import subprocess
import sys
import tempfile


def configs():
    """Candidate configurations: (label, extra salient arguments)."""
    out = [
        ("tfidf + MMR 0.4", ["--method", "tfidf"]),
        ("lexrank + MMR 0.4", ["--method", "lexrank"]),
        ("centroid + MMR 0.4", ["--method", "centroid"]),
        ("lead", ["--method", "lead"]),
    ]
    for pos, df, mw in itertools.product([0, 2, 8], [2, 3], [0, 10]):
        out.append(
            (
                f"concepts position={pos} min_df={df} min_words={mw}",
                ["--method", "concepts"]
                + ["-p", f"position={pos}", "-p", f"min_df={df}", "-p", f"min_words={mw}"],
            )
        )
    # The cost exponent stays at the paper's 0.3: r = 1 lost 3 points on every set.
    grid = itertools.product([0, 2, 4, 8, 16], [3, 6, 10], [5, 10], [0, 10], [0, 2, 4, 8])
    for pos, lam, sat, mw, cov in grid:
        params = {
            "position": pos,
            "lambda": lam,
            "saturation": sat,
            "min_words": mw,
            "coverage_position": cov,
        }
        out.append(
            (
                "submodular " + " ".join(f"{k}={v}" for k, v in params.items()),
                ["--method", "submodular"] + [x for k, v in params.items() for x in ("-p", f"{k}={v}")],
            )
        )
    return out


def datasets(root, tmp):
    """(name, dataset path, salient eval arguments)."""
    out = [
        ("DUC 2004", f"{root}/duc2004/dev.jsonl", ["--words", "100"]),
        ("DUC 2003", f"{root}/duc2003/dev.jsonl", ["--words", "100"]),
    ]
    with open(f"{root}/multiling2011/dev.jsonl", encoding="utf-8") as f:
        lines = f.readlines()
    for lang in ["en", "fr", "el", "ar"]:
        path = os.path.join(tmp, f"{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(l for l in lines if f'"lang": "{lang}"' in l)
        out.append(
            (f"ML {lang}", path, ["--lang", lang, "--words", "250", "--unicode", "--no-stem"])
        )
    return out


def score(salient, path, args):
    """R-1 and R-2 recall ×100 from salient eval's table."""
    run = subprocess.run(
        [salient, "eval", path, *args], capture_output=True, text=True, check=True
    )
    fields = run.stdout.strip().splitlines()[-1].split()
    return 100 * float(fields[2]), 100 * float(fields[5])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--salient", default="target/release/salient")
    p.add_argument("--eval", default="../shared/eval")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sets = datasets(a.eval, tmp)
        cands = configs()
        table = {}
        for label, extra in cands:
            for name, path, args in sets:
                table[label, name] = score(a.salient, path, args + extra)
            print(label, file=sys.stderr)
    names = [n for n, _, _ in sets]

    def obj(label, among):
        return sum(sum(table[label, n]) / 2 for n in among) / len(among)

    print("| configuration | " + " | ".join(f"{n} R-1 / R-2" for n in names) + " | mean |")
    print("|---|" + "---:|" * (len(names) + 1))
    for label, _ in cands:
        cells = " | ".join("%.2f / %.2f" % table[label, n] for n in names)
        print(f"| {label} | {cells} | {obj(label, names):.2f} |")
    print()
    print("| held out | chosen on the other five | held-out R-1 / R-2 | mean on the other five |")
    print("|---|---|---:|---:|")
    for held in names:
        train = [n for n in names if n != held]
        # max keeps the first of equal scores: the earlier configuration.
        best = max((l for l, _ in cands), key=lambda l: obj(l, train))
        print(f"| {held} | {best} | %.2f / %.2f | {obj(best, train):.2f} |" % table[best, held])
    best = max((l for l, _ in cands), key=lambda l: obj(l, names))
    print()
    print(f"Chosen on all six: {best} (mean {obj(best, names):.2f})")


if __name__ == "__main__":
    main()

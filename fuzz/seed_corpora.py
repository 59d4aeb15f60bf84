#!/usr/bin/env python3
"""Writes the fuzz targets' starting corpora into fuzz/corpus/<target>/ from the
seed articles (seeds/) and, when present, the evaluation sets (../shared/eval).

Nothing generated here is checked in: run it before fuzzing (.ci/fuzz does).
Each input is at most MAX_LEN bytes, the -max_len the targets are run with.
"""
import hashlib
import json
import pathlib
import sys

MAX_LEN = 8192
ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "fuzz" / "corpus"
RS = b"\x1e"


def cut(data: bytes, limit: int = MAX_LEN) -> bytes:
    # Cut at a character boundary so the seeds themselves are valid UTF-8.
    return data[:limit].decode("utf-8", "ignore").encode()


def write(target: str, data: bytes) -> None:
    directory = OUT / target
    directory.mkdir(parents=True, exist_ok=True)
    data = data[:MAX_LEN]
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def eval_instances(per_set: int):
    if not EVAL.is_dir():
        return
    for path in sorted(EVAL.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for _, line in zip(range(per_set), lines):
                yield json.loads(line)


def main() -> None:
    seeds = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not seeds:
        sys.exit("no seeds/*.txt")
    instances = list(eval_instances(4))
    documents = [d.encode() for i in instances for d in i.get("documents", [])[:2]]
    references = [r.encode() for i in instances for r in i.get("references", [])[:2]]
    paragraphs = [p for text in seeds + documents for p in text.split(b"\n\n") if p.strip()]

    for text in seeds + documents[:20]:
        for flags in (b"\x00", b"\x01"):
            write("article", flags + cut(text, MAX_LEN - 1))
        write("article", b"\x00" + cut(text.replace(b"\n", b"\r"), MAX_LEN - 1))
        write("article", b"\x00" + cut(text.replace(b"\n", b"\r\n"), MAX_LEN - 1))

    for i in instances:
        docs = [cut(d.encode(), 1500).decode() for d in i["documents"][:2]]
        refs = [cut(r.encode(), 600).decode() for r in i.get("references", [])[:2]]
        line = {"id": i["id"], "documents": docs, "references": refs}
        write("jsonl_line", json.dumps(line, ensure_ascii=False).encode() + b"\n")
        write("jsonl_line", json.dumps({"id": i["id"], "text": docs[0]}).encode())
    for text in seeds[:2]:
        write("jsonl_line", json.dumps({"text": text.decode()}).encode() + b"\r\n")

    for p in paragraphs[:200]:
        write("segment", b"\x00\x00\x00\x00" + cut(p, MAX_LEN - 4))

    # Option bytes: method, budget (sentences / words / ratio, truncate, language), amount,
    # diversity and order.
    options = [b"\x00\x00\x02\x00", b"\x03\x01\x63\x14", b"\x85\x12\x31\x25", b"\x0a\x02\x1e\x3a"]
    for k, opts in enumerate(options):
        write("summarize", opts + cut(RS.join(s[:1800] for s in seeds[k:k + 3]), MAX_LEN - 4))
    for k, doc in enumerate(documents[:24]):
        write("summarize", options[k % len(options)] + cut(doc, MAX_LEN - 4))

    summaries = [cut(s, 2000) for s in documents[:12]]
    for k, (summary, reference) in enumerate(zip(summaries, references)):
        opts = bytes([[0x05, 0x01, 0x14, 0x25, 0x46][k % 5], 100])
        write("rouge", opts + summary + RS + cut(reference, 2000))
    for reference in references[:12]:
        write("rouge", b"\x05\x05" + cut(reference, 4000))
    # One sentence a line, as ROUGE-1.5.5 reads summaries, under each kind of limit.
    lines = [b"\n".join(r.replace(b". ", b".\n").split(b"\n")[:6]) for r in references[:8]]
    for k, (summary, reference) in enumerate(zip(lines, lines[1:])):
        opts = bytes([[0x44, 0x65, 0x01, 0x5f][k % 4], [120, 9, 60, 200][k % 4]])
        write("rouge", opts + summary + RS + reference)


if __name__ == "__main__":
    main()

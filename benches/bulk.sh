#!/usr/bin/env bash
# The per-article (bulk) figures of docs/benchmarks.md, in one run:
#   benches/bulk.sh [ARTICLES]      (default 64144)
# Needs ../shared/eval (the corpora are built from its English news) and a
# release build (cargo build --release). Prints wall time, CPU time and peak
# RSS of each command, and the time to the first line of output.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-64144}"
bin=target/release/salient
tmp="${TMPDIR:-/tmp}/salient-bulk"
mkdir -p "$tmp"
python3 benches/bulk_corpus.py jsonl --articles "$n" --join 2 --out "$tmp/bulk.jsonl"
python3 benches/bulk_corpus.py folder --articles 10000 --sentences 4 --out "$tmp/small"
ls -l "$tmp/bulk.jsonl"
measure() { # label, threads, command...
    local label="$1" threads="$2"
    shift 2
    RAYON_NUM_THREADS="$threads" /usr/bin/time -f "$label, $threads thread(s): %e s wall, %U s user, %S s sys, %M KiB peak RSS" "$@" > /dev/null
}
for t in 1 2; do
    measure "bulk JSONL --scope articles --format json" "$t" $bin summarize "$tmp/bulk.jsonl" --scope articles --format json
done
for t in 1 2; do
    measure "bulk JSONL --scope corpus --format json" "$t" $bin summarize "$tmp/bulk.jsonl" --scope corpus --format json
done
for t in 1 2; do
    measure "10,000 files of 4 sentences, textrank" "$t" $bin summarize "$tmp/small" --scope articles --method textrank
    measure "10,000 files of 4 sentences, lead" "$t" $bin summarize "$tmp/small" --scope articles --method lead
done
head -n 10000 "$tmp/bulk.jsonl" > "$tmp/bulk10k.jsonl"
for input in "$tmp/bulk10k.jsonl" "$tmp/small"; do
    for mode in articles corpus; do
        $bin bench "$input" --mode "$mode" --threads 1,2 --repeat 3
        $bin bench "$input" --mode "$mode" --method textrank --threads 1,2 --repeat 3
    done
    # The former corpus default, which has no graph stage.
    $bin bench "$input" --mode corpus --method tfidf --threads 1,2 --repeat 3
done
$bin bench --synthetic --sizes 1000000 --method textrank --threads 1,2
start=$(date +%s.%N)
$bin summarize - --scope articles --format json < "$tmp/bulk.jsonl" | head -c 2000 > /dev/null
end=$(date +%s.%N)
echo "first 2 kB of JSON output from stdin: $(echo "$end - $start" | bc) s"

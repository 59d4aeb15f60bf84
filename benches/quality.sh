#!/usr/bin/env bash
# Regenerates salient's rows of the DUC 2004/2003, BBC and MultiLing tables of
# docs/quality.md from a release build, as markdown rows on stdout (the peer
# and SumRepo rows are scored files and stay as they are).
#
#   bash benches/quality.sh [EVAL_DIR]     # EVAL_DIR defaults to ../shared/eval
#
# Every number is `salient eval` of one method with the defaults of its scope:
# the corpus defaults (MMR 0.4 for the methods that rank by score) for DUC and
# MultiLing, the article defaults for BBC. About a minute on 2 cores.
set -euo pipefail

E=${1:-../shared/eval}
cd "$(dirname "$0")/.."
cargo build --release --quiet
S=target/release/salient
methods=$("$S" methods | awk '{print $1}')
corpus_default=submodular
article_default=textrank
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Columns of `salient eval`'s last line: system, instances, then R/P/F of R-1, R-2, R-L.
score() { "$S" eval "$@" | tail -1; }
pct() { awk -v x="$1" 'BEGIN { printf "%.2f", 100 * x }'; }
label() { if [ "$1" = "$2" ]; then echo "salient-$1 **(default)**"; else echo "salient-$1"; fi; }

echo "DUC 2004 and DUC 2003, 100 words, R-1 / R-2 recall:"
echo
for m in $methods; do
  a=$(score "$E/duc2004/dev.jsonl" --words 100 --method "$m")
  b=$(score "$E/duc2003/dev.jsonl" --words 100 --method "$m")
  set -- $a
  r1=$(pct "$3") r2=$(pct "$6")
  set -- $b
  echo "| $(label "$m" $corpus_default) | $r1 | $r2 | $(pct "$3") | $(pct "$6") |"
done

echo
echo "BBC News Summary, per article, 150 words, R-1 / R-2 / R-L F:"
echo
for m in $methods; do
  set -- $(score "$E/bbc_news_summary/dev.jsonl" --scope articles --words 150 --method "$m")
  echo "| $(label "$m" $article_default) | $(pct "$5") | $(pct "$8") | $(pct "${11}") |"
done

echo
echo "MultiLing 2011, 250 words, --unicode --no-stem, R-1 / R-2 recall (en fr el ar):"
echo
for lang in en fr el ar; do
  grep "\"lang\": \"$lang\"" "$E/multiling2011/dev.jsonl" > "$tmp/$lang.jsonl"
done
for m in $methods; do
  row="| $(label "$m" $corpus_default) |"
  for lang in en fr el ar; do
    set -- $(score "$tmp/$lang.jsonl" --lang "$lang" --words 250 --unicode --no-stem --method "$m")
    row="$row $(pct "$3") | $(pct "$6") |"
  done
  echo "$row"
done

#!/usr/bin/env python3
"""Summarize a JSON Lines file of articles with Apache Spark and salient.

    spark-submit examples/spark_summarize.py INPUT.jsonl OUTPUT_DIR [--scope articles|corpus] [options]
    python examples/spark_summarize.py INPUT.jsonl OUTPUT_DIR --master 'local[2]' [options]

Each input line is one article: {"id", "text"} and optional "title", "date",
"url", and (for --scope corpus) the column named by --group-by ("story" by
default) that says which articles are summarized together.

--scope articles (the default) summarizes every article on its own with
`mapInPandas`: each Arrow batch of rows goes to one `salient.summarize_many`
call, which works on all of the executor's cores with the GIL released.
--scope corpus gives one summary per group with
`groupBy(GROUP).applyInPandas`, one `salient.summarize_corpus` call per group,
its articles in input order.

OUTPUT_DIR receives JSON Lines part files, one object per article (or per
group): the article (or corpus) objects of `salient summarize --format json`
(docs/json.md), so the same options give the same summaries as the command
line. docs/spark.md explains how to run it on a cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Iterator

ARTICLE_FIELDS = ["id", "text", "title", "date", "url"]


def parse_param(text: str) -> tuple[str, Any]:
    """NAME=VALUE, the value read as JSON (a number, null, true) or else as a string, as the CLI reads --param."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got '{text}'")
    try:
        parsed = json.loads(value.strip())
    except ValueError:
        parsed = value.strip()
    return name.strip(), parsed


def arguments(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help="JSON Lines of articles (a path Spark can read: local, HDFS, S3...)")
    p.add_argument("output", help="output folder of JSON Lines part files")
    p.add_argument("--scope", choices=["articles", "corpus"], default="articles")
    p.add_argument("--group-by", default="story", help="with --scope corpus: the column grouping articles (default: story)")
    p.add_argument("--master", help="Spark master, e.g. local[2]; default: what spark-submit or the cluster says")
    p.add_argument("--batch-size", type=int, default=2000, help="articles per Arrow batch, i.e. per summarize_many call (default 2000)")
    p.add_argument("--partitions", type=int, help="repartition the input into N partitions first")
    g = p.add_argument_group("salient options (as for `salient summarize`)")
    g.add_argument("-m", "--method")
    length = g.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=int)
    length.add_argument("-w", "--words", type=int)
    length.add_argument("-r", "--ratio", type=float)
    g.add_argument("--truncate", action="store_true")
    g.add_argument("--diversity", type=float)
    g.add_argument("-l", "--lang", default="en")
    g.add_argument("-p", "--param", dest="params", action="append", type=parse_param, default=[], metavar="NAME=VALUE")
    return p.parse_args(argv)


def salient_options(args: argparse.Namespace) -> dict[str, Any]:
    options = {
        "method": args.method,
        "sentences": args.sentences,
        "words": args.words,
        "ratio": args.ratio,
        "truncate": args.truncate,
        "diversity": args.diversity,
        "lang": args.lang,
    }
    options.update(dict(args.params))
    return options


def records(frame) -> list[dict[str, Any]]:
    """Rows of a pandas batch as the dicts salient reads (missing values as None)."""
    columns = [c for c in ARTICLE_FIELDS if c in frame.columns]
    rows = frame[columns].astype(object).where(frame[columns].notna(), None).to_dict("records")
    for row in rows:
        # Ids name articles in the output; the CLI's fallback (file stem and
        # line number) does not exist once Spark has split the file.
        if row.get("id") is None or row.get("text") is None:
            raise ValueError(f'every input line needs "id" and "text": {json.dumps(row)[:200]}')
    return rows


def summarize_batches(options: dict[str, Any]):
    """The mapInPandas function: one summarize_many call per batch."""

    def run(batches: Iterator) -> Iterator:
        import pandas as pd

        import salient

        for frame in batches:
            summaries = salient.summarize_many(records(frame), **options)
            yield pd.DataFrame({"json": [json.dumps(s.to_dict(), ensure_ascii=False) for s in summaries]})

    return run


def summarize_group(options: dict[str, Any], group_by: str):
    """The applyInPandas function: one summarize_corpus call per group."""

    def run(key: tuple, frame):
        import pandas as pd

        import salient

        frame = frame.sort_values("_order")
        corpus = salient.summarize_corpus(records(frame), **options).to_dict()
        corpus["id"] = None if key[0] is None else str(key[0])
        return pd.DataFrame({"json": [json.dumps(corpus, ensure_ascii=False)]})

    return run


def main(argv: list[str]) -> int:
    args = arguments(argv)
    options = salient_options(args)

    import salient

    # Bad options fail here, on the driver, with salient's message, not in a task.
    try:
        if args.scope == "articles":
            salient.summarize_many([], **options)
        else:
            salient.summarize_corpus([], **options)
    except (TypeError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    builder = SparkSession.builder.appName("salient-summarize")
    if args.master:
        builder = builder.master(args.master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_size))
    spark = builder.getOrCreate()
    try:
        fields = ARTICLE_FIELDS + ([args.group_by] if args.scope == "corpus" else [])
        schema = StructType([StructField(f, StringType()) for f in dict.fromkeys(fields)])
        frame = spark.read.schema(schema).json(args.input)
        if args.partitions:
            frame = frame.repartition(args.partitions)
        out = StructType([StructField("json", StringType())])
        if args.scope == "articles":
            result = frame.mapInPandas(summarize_batches(options), schema=out)
        else:
            # Input order within a group: the CLI's order for ties and for `sources`.
            ordered = frame.withColumn("_order", F.monotonically_increasing_id())
            result = ordered.groupBy(args.group_by).applyInPandas(summarize_group(options, args.group_by), schema=out)
        result.write.mode("overwrite").text(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The Python package returns exactly the sentences the command line prints.

Each case runs `salient summarize ... --format json` and the same options
through `summarize`, `summarize_many` and `summarize_corpus`, and compares
every summary sentence: index, byte offsets, score, rank and text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import salient
from conftest import ROOT, read_jsonl, run_cli, shared

# (command-line flags, the same as keyword arguments)
OPTIONS = [
    ([], {}),
    (["--method", "lexrank", "--words", "100", "--truncate"], {"method": "lexrank", "words": 100, "truncate": True}),
    (["--method", "tfidf", "--ratio", "0.2", "--diversity", "0.3"], {"method": "tfidf", "ratio": 0.2, "diversity": 0.3}),
    (["--method", "lexrank", "--param", "threshold=0.1", "-n", "5"], {"method": "lexrank", "threshold": 0.1, "sentences": 5}),
    (["--method", "random", "--seed", "7"], {"method": "random", "seed": 7}),
    (["--method", "pacsum", "--lambda1", "-2", "--beta", "0.6"], {"method": "pacsum", "lambda1": -2.0, "beta": 0.6}),
]
IDS = ["default", "lexrank-words-truncate", "tfidf-ratio-diversity", "lexrank-threshold", "random-seed", "pacsum"]


def without_path(d: dict) -> dict:
    """An article or corpus object without what only a file run has (the input path)."""
    d = dict(d)
    d.pop("path", None)
    if "sources" in d:
        d["sources"] = [{k: v for k, v in s.items() if k != "path"} for s in d["sources"]]
    return d


def seed_articles() -> list[dict]:
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]


@pytest.mark.parametrize("flags,kwargs", OPTIONS, ids=IDS)
def test_seeds_match_the_cli(cli, flags, kwargs):
    expected = run_cli(cli, "seeds/", *flags)
    articles = seed_articles()
    assert len(articles) == len(expected["articles"]) >= 5

    many = salient.summarize_many(articles, **kwargs)
    assert [without_path(s.to_dict()) for s in many] == [without_path(a) for a in expected["articles"]]
    for article, summary, cli_article in zip(articles, many, expected["articles"]):
        one = salient.summarize(article["text"], **kwargs)
        assert [s.text for s in one.sentences] == [s["text"] for s in cli_article["summary"]]
        # Offsets index the Python str: the slice is the sentence as written.
        for s in summary.sentences:
            assert " ".join(article["text"][s.start : s.end].split()) == s.text

    (cli_corpus,) = expected["corpora"]
    corpus = salient.summarize_corpus(articles, **kwargs)
    assert without_path(corpus.to_dict()) == without_path(cli_corpus)
    assert [s.article for s in corpus.sentences] == [s["article"] for s in cli_corpus["summary"]]


def instance_articles(instances: list[dict]) -> list[list[dict]]:
    """The articles of each JSONL instance, with the ids and metadata the CLI gives them."""
    out = []
    for inst in instances:
        docs = inst["documents"]
        if len(docs) == 1:
            out.append([{"id": inst["id"], "text": docs[0], "title": inst.get("title"), "date": inst.get("date"), "url": inst.get("url")}])
        else:
            out.append([{"id": f"{inst['id']}#{k + 1}", "text": d} for k, d in enumerate(docs)])
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


DEV_SETS = [
    # (data set, instances, extra flags, extra kwargs)
    ("duc2004", 5, [], {}),
    ("duc2004", 5, ["--words", "100", "--truncate"], {"words": 100, "truncate": True}),
    ("bbc_news_summary", 40, [], {}),
    ("bbc_news_summary", 40, ["--method", "centroid", "--ratio", "0.3"], {"method": "centroid", "ratio": 0.3}),
    ("opinosis", 4, ["--method", "lexrank"], {"method": "lexrank"}),
]


@pytest.mark.parametrize(
    "name,limit,flags,kwargs", DEV_SETS, ids=[f"{d[0]}-{i}" for i, d in enumerate(DEV_SETS)]
)
def test_dev_sets_match_the_cli(cli, tmp_path, name, limit, flags, kwargs):
    instances = read_jsonl(shared(f"eval/{name}/dev.jsonl"), limit)
    data = tmp_path / f"{name}.jsonl"
    write_jsonl(data, instances)
    expected = run_cli(cli, str(data), "--scope", "both", *flags)
    groups = instance_articles(instances)

    flat = [a for g in groups for a in g]
    many = salient.summarize_many(flat, **kwargs)
    assert [without_path(s.to_dict()) for s in many] == [without_path(a) for a in expected["articles"]]

    cli_corpora = {c["id"]: c for c in expected["corpora"]}
    compared = 0
    for inst, articles in zip(instances, groups):
        if inst["id"] not in cli_corpora:
            continue
        corpus = salient.summarize_corpus(articles, **kwargs).to_dict()
        corpus["id"] = inst["id"]  # the CLI names the instance; a Python corpus has no id
        assert without_path(corpus) == without_path(cli_corpora[inst["id"]])
        compared += 1
    assert compared == sum(len(g) > 1 for g in groups)


def test_multilingual_offsets_match_the_cli(cli, tmp_path):
    """Non-ASCII text in other languages: the same sentences, and code-point
    offsets that slice the Python str where the CLI's byte offsets slice the bytes."""
    instances = read_jsonl(shared("eval/multiling2011/dev.jsonl"))
    checked = 0
    for lang in ["fr", "el", "ar"]:
        chosen = [i for i in instances if i["lang"] == lang][:1]
        assert chosen, lang
        data = tmp_path / f"{lang}.jsonl"
        write_jsonl(data, chosen)
        expected = run_cli(cli, str(data), "--lang", lang, "--scope", "articles")
        (articles,) = instance_articles(chosen)
        many = salient.summarize_many(articles, lang=lang)
        assert [without_path(s.to_dict()) for s in many] == [without_path(a) for a in expected["articles"]]
        for article, summary in zip(articles, many):
            raw = article["text"].encode("utf-8")
            for s in summary.sentences:
                assert article["text"][s.start : s.end] == raw[s.byte_start : s.byte_end].decode("utf-8")
                checked += 1
    assert checked > 0

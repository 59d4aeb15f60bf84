"""The Python API: arguments, errors, offsets, ids and ROUGE."""

from __future__ import annotations

import subprocess
import threading

import pytest

import salient
from conftest import ROOT, read_jsonl, run_cli, shared

SEED = ROOT / "seeds" / "000_2a113f0ff9a183fd.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_defaults_are_the_cli_defaults(cli):
    summary = salient.summarize(seed_text())
    printed = run_cli(cli, str(SEED), "--scope", "articles")["articles"][0]
    assert len(summary.sentences) == 3
    assert summary.title == "Ukraine and Russia Engage in New Round of Peace Talks in Abu Dhabi"
    assert summary.date == "2026-02-04"
    assert summary.sentence_count == printed["sentence_count"] > 10
    assert [s.text for s in summary.sentences] == [s["text"] for s in printed["summary"]]
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    assert sorted(s.rank for s in summary.sentences) == [1, 2, 3]
    assert salient.summarize(seed_text(), method="textrank", sentences=3).to_dict() == summary.to_dict()
    corpus = salient.summarize_corpus([seed_text(), seed_text()[: len(seed_text()) // 2]])
    assert corpus.method == "submodular"
    assert corpus.to_dict()["params"]["selection"]["diversity"] == 0.4


def test_offsets_are_code_points():
    text = "Zürich’s council — après débat — approved the plan. Ça coûte 3 € de plus. The mayor signed it on Friday."
    summary = salient.summarize(text, sentences=3)
    assert len(summary.sentences) == 3
    raw = text.encode("utf-8")
    for s in summary.sentences:
        assert text[s.start : s.end] == s.text
        assert raw[s.byte_start : s.byte_end].decode("utf-8") == s.text
    second = summary.sentences[1]
    assert second.text == "Ça coûte 3 € de plus."
    assert (second.start, second.end) == (text.index("Ça"), text.index("plus.") + 5)
    assert second.byte_start > second.start
    assert summary.to_dict()["summary"][1]["start"] == second.byte_start


def test_word_budget_and_truncate():
    text = seed_text()
    cut = salient.summarize(text, words=30, truncate=True)
    assert sum(len(s.text.split()) for s in cut.sentences) == 30
    assert cut.sentences[-1].truncated
    assert text[cut.sentences[-1].start : cut.sentences[-1].end].split() == cut.sentences[-1].text.split()
    whole = salient.summarize(text, words=30)
    assert sum(len(s.text.split()) for s in whole.sentences) <= 30
    assert not any(s.truncated for s in whole.sentences)


def test_redundancy_and_coherence_are_the_cli_flags(cli):
    article = ROOT / "tests" / "data" / "bbc-business-263.txt"
    text = article.read_text(encoding="utf-8")
    selections = {}
    for name, kwargs, flags in [
        ("default", {}, []),
        ("corpus threshold", {"redundancy": 0.5}, ["--redundancy", "0.5"]),
        ("no coherence", {"coherence": False}, ["--no-coherence"]),
    ]:
        summary = salient.summarize(text, words=150, **kwargs)
        report = run_cli(cli, str(article), "--words", "150", *flags)
        printed = report["articles"][0]
        assert [s.text for s in summary.sentences] == [s["text"] for s in printed["summary"]], name
        selections[name] = report["params"]["selection"]
    assert selections["default"]["redundancy_threshold"] == 0.8
    assert selections["corpus threshold"]["redundancy_threshold"] == 0.5
    assert selections["no coherence"]["coherence"] is False
    guilt = "did not mean that the eighteen firms involved were admitting any guilt"
    assert any(guilt in s.text for s in salient.summarize(text, words=150).sentences)
    assert not any(guilt in s.text for s in salient.summarize(text, words=150, redundancy=0.5).sentences)


# (keyword arguments, CLI flags, what both messages say)
BAD_ARGUMENTS = [
    ({"method": "texrank"}, ["--method", "texrank"], "did you mean 'textrank'?"),
    ({"sentences": 0}, ["-n", "0"], "must be at least 1"),
    ({"ratio": 1.5}, ["--ratio", "1.5"], "must be in (0, 1], got 1.5"),
    ({"diversity": 2.0}, ["--diversity", "2"], "must be in [0, 1], got 2"),
    ({"redundancy": 2.0}, ["--redundancy", "2"], "must be in [0, 1], got 2"),
    ({"lang": "klingon"}, ["--lang", "klingon"], "unsupported language 'klingon' (supported: "),
    ({"damping": 2.0}, ["--param", "damping=2"], "pagerank parameter damping must be in [0, 1)"),
    ({"threshold": 0.1}, ["--param", "threshold=0.1"], "textrank has no parameter 'threshold' (it has: damping, max_iterations, tolerance)"),
    ({"method": "lexrank", "threshold": float("nan")}, ["--method", "lexrank", "--param", "threshold=nan"], "threshold must be a finite number"),
    ({"method": "random", "seed": "x"}, ["--method", "random", "--param", "seed=x"], 'random parameter seed invalid type: string "x", expected u64'),
]


@pytest.mark.parametrize("kwargs,flags,message", BAD_ARGUMENTS, ids=[" ".join(f) for _, f, _ in BAD_ARGUMENTS])
def test_bad_arguments_raise_the_cli_message(cli, kwargs, flags, message):
    with pytest.raises(ValueError) as e:
        salient.summarize(seed_text(), **kwargs)
    assert message in str(e.value)
    p = subprocess.run([str(cli), "summarize", str(SEED), *flags], stderr=subprocess.PIPE, text=True)
    assert p.returncode == 2
    assert message in p.stderr


@pytest.mark.parametrize(
    "kwargs,error,message",
    [
        ({"sentences": -3}, ValueError, "summary length in sentences must be at least 1"),
        ({"sentences": 2, "words": 10}, ValueError, "give one summary length"),
        ({"truncate": True}, ValueError, "truncate=True needs a word budget"),
        ({"sentences": "3"}, TypeError, "'str' object cannot be interpreted as an integer"),
        ({"method": "random", "seed": [1]}, TypeError, "parameter seed must be a number, a bool, a str or None, not list"),
    ],
)
def test_bad_argument_types_raise(kwargs, error, message):
    with pytest.raises(error) as e:
        salient.summarize(seed_text(), **kwargs)
    assert message in str(e.value)


def test_bad_inputs_raise():
    with pytest.raises(TypeError, match="item 1: expected a str or a dict"):
        salient.summarize_many(["A sentence.", 7])
    with pytest.raises(TypeError, match="not a single str"):
        salient.summarize_many("A whole article as one str.")
    with pytest.raises(ValueError, match='item 0: no "text"'):
        salient.summarize_many([{"id": "a"}])
    with pytest.raises(ValueError, match='item 1: id "a" already used by item 0'):
        salient.summarize_corpus([{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}])
    with pytest.raises(TypeError, match='"title" must be a str or None'):
        salient.summarize_many([{"text": "One.", "title": 3}])


def test_empty_and_odd_texts_do_not_panic():
    for text in ["", "   ", "\x00\x01", "no punctuation at all", "?!?!", "\u200b" * 10, "a." * 1000]:
        summary = salient.summarize(text)
        assert len(summary.sentences) <= 3
    assert salient.summarize_many([]) == []
    assert len(salient.summarize_corpus([]).sentences) == 0


def test_many_keeps_order_ids_and_metadata():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    many = salient.summarize_many(iter(texts))  # any iterable
    assert [s.id for s in many] == list(range(len(texts)))
    for text, summary in zip(texts, many):
        assert summary.to_dict() | {"id": "0"} == salient.summarize(text).to_dict()
    dicts = [
        {"id": "x", "text": texts[0], "title": " Given title ", "date": "2024-03-05T10:00:00Z", "url": "https://example.org/x"},
        {"id": 17, "text": texts[1], "date": "not a date"},
    ]
    a, b = salient.summarize_many(dicts)
    assert (a.id, a.title, a.date, a.url) == ("x", "Given title", "2024-03-05", "https://example.org/x")
    # A "date" that is not ISO is ignored: the date comes from the text's header line.
    assert (b.id, b.date) == (17, salient.summarize(texts[1]).date)
    assert b.date is not None
    assert b.to_dict()["id"] == "17"


def test_corpus_sentences_name_their_articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    by_index = salient.summarize_corpus(texts, sentences=6)
    assert len(by_index.sentences) == 6
    for s in by_index.sentences:
        assert isinstance(s.article, int)
        assert texts[s.article][s.start : s.end].split() == s.text.split()
        for article, index in s.also_in:
            assert isinstance(article, int) and article != s.article and index >= 0
    assert any(s.also_in for s in by_index.sentences)
    named = salient.summarize_corpus([{"id": f"doc{k}", "text": t} for k, t in enumerate(texts)], sentences=6)
    assert [s.article for s in named.sentences] == [f"doc{s.article}" for s in by_index.sentences]


def test_many_releases_the_gil():
    """Another Python thread runs while summarize_many works."""
    texts = [seed_text()] * 400
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    salient.summarize_many(texts)
    during = len(ticks) - before
    done.set()
    t.join()
    assert during > 5


def test_methods_lists_parameters_with_defaults():
    methods = salient.methods()
    assert list(methods)[:2] == ["textrank", "lexrank"]
    assert methods["textrank"] == {"damping": 0.85, "tolerance": 1e-6, "max_iterations": 100}
    assert methods["lexrank"]["threshold"] is None
    assert methods["random"]["seed"] == 42
    for name, params in methods.items():
        summary = salient.summarize(seed_text(), method=name, **{k: v for k, v in params.items() if v is not None})
        assert len(summary.sentences) == 3, name
    assert "en" in salient.languages() and "fr" in salient.languages()


def test_rouge_reproduces_rouge155_on_duc2004():
    """ROUGE-1.5.5 -n 4 -m -l 100 numbers of the SumRepo systems (rouge155_dev.tsv)."""
    folder = shared("eval/duc2004")
    refs = {r["id"]: r["references"] for r in read_jsonl(folder / "dev.jsonl")}
    outputs = {(o["system"], o["id"]): o["summary"] for o in read_jsonl(folder / "sumrepo_system_outputs.jsonl")}
    compared = 0
    with open(folder / "rouge155_dev.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            system, cluster, metric, r, p, fscore = line.rstrip("\n").split("\t")
            if system not in {"CLASSY04", "LexRank", "Lead"}:
                continue
            scores = salient.rouge(outputs[(system, cluster)], refs[cluster], n=4, stem=True, words=100)
            got = scores[metric.lower()]
            assert (got["recall"], got["precision"], got["f"]) == (float(r), float(p), float(fscore)), (system, cluster, metric)
            compared += 1
    assert compared == 3 * 25 * 4


def test_rouge_arguments():
    assert salient.rouge("the cat sat", "the cat sat")["rouge-1"] == {"recall": 1.0, "precision": 1.0, "f": 1.0}
    assert set(salient.rouge(["a b", "c d"], [["a b"], "c"], n=3)) == {"rouge-1", "rouge-2", "rouge-3", "rouge-l"}
    with pytest.raises(ValueError, match="at least one reference"):
        salient.rouge("a", [])
    with pytest.raises(ValueError, match="n must be at least 1"):
        salient.rouge("a", "a", n=0)

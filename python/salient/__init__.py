"""Extractive summarization of news articles and corpora.

salient ranks the sentences of an article (or of many articles together) and
returns the best ones, as the ``salient`` command line does; this package
binds the Rust library directly, in the same process, with the GIL released
while it works.

>>> import salient
>>> text = ("The council approved the new budget on Monday. "
...         "The budget raises school funding by a tenth. "
...         "Critics said the vote was rushed.")
>>> summary = salient.summarize(text, sentences=1)
>>> s = summary.sentences[0]
>>> text[s.start:s.end] == s.text
True

Offsets: the library works on UTF-8 bytes; ``Sentence.start``/``end`` are
converted to code-point offsets into the ``str`` you passed, so slicing that
``str`` gives the sentence. ``Sentence.byte_start``/``byte_end`` keep the
UTF-8 byte offsets, which are also what ``to_dict()`` writes (as the command
line's JSON does). ``Sentence.text`` has runs of whitespace collapsed to one
space; the slice is the sentence exactly as written.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Union

from . import _salient
from ._salient import CorpusSummary, Sentence, Summary

__all__ = [
    "CorpusSummary",
    "Sentence",
    "Summary",
    "languages",
    "methods",
    "rouge",
    "summarize",
    "summarize_corpus",
    "summarize_many",
]

__version__ = "0.1.0"

Article = Union[str, Mapping[str, Any]]


def summarize(
    text: Article,
    *,
    method: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    lang: str = "en",
    diversity: Optional[float] = None,
    truncate: bool = False,
    redundancy: Optional[float] = None,
    coherence: bool = True,
    **method_params: Any,
) -> Summary:
    """Summarize one article.

    Args:
        text: the article: plain text or markdown, with optional front matter
            or header line (as ``salient summarize FILE`` reads it); or a dict
            with ``"text"`` and optional ``"id"``, ``"title"``, ``"date"``,
            ``"url"`` (as a JSONL line).
        method: ranking method (``salient.methods()`` lists them); default
            ``"textrank"``.
        sentences: summary length in sentences; the default is 3.
        words: summary length in words, never more. Give at most one of
            ``sentences``, ``words``, ``ratio``.
        ratio: summary length as a fraction of the sentences, in (0, 1].
        lang: language, an ISO 639-1 code or English name (``"en"``, ``"fr"``...).
        diversity: MMR redundancy penalty in [0, 1]; default 0.
        truncate: with ``words``, cut the last sentence at the budget instead of
            skipping to a shorter one.
        redundancy: skip a sentence when more than this share of its content
            words (or of the chosen sentence's, if shorter) are in a chosen
            sentence, in [0, 1]; default 0.8 (0.5 for :func:`summarize_corpus`).
        coherence: ``False`` lets a chosen sentence open with a pronoun or
            connective without the sentence before it (``--no-coherence``).
        **method_params: parameters of the method, as ``salient.methods()``
            lists them (``threshold=0.1`` for lexrank, ``seed=7`` for random).

    Returns:
        The :class:`Summary`; its sentences in document order.

    Raises:
        ValueError: an unknown method, parameter or language, or a value out of
            range, with the message the command line gives.
        TypeError: an argument of the wrong type.
    """
    return _salient.summarize(
        text,
        method=method,
        sentences=sentences,
        words=words,
        ratio=ratio,
        lang=lang,
        diversity=diversity,
        truncate=truncate,
        redundancy=redundancy,
        coherence=coherence,
        **method_params,
    )


def summarize_many(
    texts: Iterable[Article],
    *,
    method: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    lang: str = "en",
    diversity: Optional[float] = None,
    truncate: bool = False,
    redundancy: Optional[float] = None,
    coherence: bool = True,
    **method_params: Any,
) -> list[Summary]:
    """Summarize many articles, each on its own.

    The articles are summarized in parallel in Rust, with the GIL released, on
    rayon's thread pool (``RAYON_NUM_THREADS`` sets its size; the results are
    the same at any size). Results come in input order, one per article.

    Args:
        texts: any iterable of ``str``, or of dicts with ``"text"`` and optional
            ``"id"`` (str or int, unique), ``"title"``, ``"date"``, ``"url"``.
        The other arguments are those of :func:`summarize`.

    Returns:
        One :class:`Summary` per article; ``Summary.id`` is the given id or the
        article's index.
    """
    return _salient.summarize_many(
        texts,
        method=method,
        sentences=sentences,
        words=words,
        ratio=ratio,
        lang=lang,
        diversity=diversity,
        truncate=truncate,
        redundancy=redundancy,
        coherence=coherence,
        **method_params,
    )


def summarize_corpus(
    texts: Iterable[Article],
    *,
    method: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    lang: str = "en",
    diversity: Optional[float] = None,
    truncate: bool = False,
    redundancy: Optional[float] = None,
    coherence: bool = True,
    **method_params: Any,
) -> CorpusSummary:
    """One summary of many articles together (``salient summarize --scope corpus``).

    Every sentence of every article is ranked together and each fact is kept
    once; each summary sentence names its ``article`` (the given id, or the
    article's index) and ``also_in``, the other places it was reported.
    Sentences come in date order (undated articles last, by id), then by
    position.

    The defaults are the command line's corpus defaults: ``method="submodular"``,
    ``diversity=0.4`` (used only by the methods that rank by score) and
    ``redundancy=0.5``. The arguments are those of :func:`summarize_many`.
    """
    return _salient.summarize_corpus(
        texts,
        method=method,
        sentences=sentences,
        words=words,
        ratio=ratio,
        lang=lang,
        diversity=diversity,
        truncate=truncate,
        redundancy=redundancy,
        coherence=coherence,
        **method_params,
    )


def rouge(
    summary: Union[str, Iterable[str]],
    references: Union[str, Iterable[Union[str, Iterable[str]]]],
    *,
    n: int = 2,
    stem: bool = True,
    words: Optional[int] = None,
) -> dict[str, dict[str, float]]:
    """ROUGE scores exactly as the ROUGE-1.5.5 Perl script computes them.

    Each line of a text is one sentence (ROUGE-1.5.5's format); a list of
    strings is read as its lines. Several references are combined as with
    ROUGE-1.5.5 ``-f A``.

    Args:
        summary: the summary, a ``str`` or its sentences.
        references: one reference or a list of them.
        n: longest n-gram order (``-n``): keys ``"rouge-1"`` ... ``"rouge-{n}"``.
        stem: Porter-stem tokens longer than three characters (``-m``).
        words: keep only the first this many words of each text (``-l``).

    Returns:
        ``{"rouge-1": {"recall": r, "precision": p, "f": f}, ..., "rouge-l": {...}}``,
        each number rounded to five decimals as ROUGE-1.5.5 prints it.
    """
    return _salient.rouge(summary, references, n=n, stem=stem, words=words)


def methods() -> dict[str, dict[str, Any]]:
    """Every ranking method with its parameters and their defaults.

    >>> salient.methods()["lexrank"]["threshold"]  # doctest: +SKIP
    0.1
    """
    return _salient.methods()


def languages() -> list[str]:
    """The supported language codes (for ``lang=``)."""
    return _salient.languages()

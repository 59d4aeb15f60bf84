"""Type stubs of the salient package."""

from typing import Any, Iterable, Iterator, Mapping, Optional, Union

__version__: str

Article = Union[str, Mapping[str, Any]]
ArticleId = Union[int, str]

class Sentence:
    """A sentence of a summary."""

    index: int
    """0-based index among the article's candidate sentences."""
    start: int
    """Start offset in the article's ``str`` (code points)."""
    end: int
    """End offset (exclusive) in the article's ``str`` (code points)."""
    byte_start: int
    """Start offset in the article's UTF-8 bytes (as in the CLI's JSON)."""
    byte_end: int
    """End offset (exclusive) in the article's UTF-8 bytes."""
    score: float
    """The ranker's score, higher is better (scales differ by method)."""
    rank: int
    """1-based order in which selection chose it."""
    text: str
    """The sentence with runs of whitespace collapsed to one space."""
    truncated: bool
    """Whether ``truncate=True`` cut it at the word budget."""
    article: Optional[ArticleId]
    """In a corpus summary, the article it comes from (its id, or index); else ``None``."""
    also_in: list[tuple[ArticleId, int]]
    """In a corpus summary, the other (article, sentence index) places the fact appears."""

class Summary:
    """The summary of one article."""

    id: ArticleId
    """The article's given id, or its index among the inputs."""
    title: Optional[str]
    date: Optional[str]
    """ISO ``YYYY-MM-DD`` date, if known."""
    url: Optional[str]
    sentence_count: int
    """Number of candidate sentences."""
    set_aside: dict[str, int]
    """Lines kept out of the candidates, by reason."""
    sentences: list[Sentence]
    """The summary sentences, in document order."""
    def to_dict(self) -> dict[str, Any]:
        """The article object of the command line's JSON (docs/json.md), byte offsets included."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Sentence]: ...

class CorpusSummary:
    """One summary of many articles."""

    article_count: int
    sentence_count: int
    method: str
    sentences: list[Sentence]
    """The summary sentences, each with ``article`` and ``also_in``."""
    def to_dict(self) -> dict[str, Any]:
        """The corpus object of the command line's JSON (docs/json.md), byte offsets included."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Sentence]: ...

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
    """Summarize one article."""

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
    """Summarize many articles each on its own, in parallel, results in input order."""

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
    """One summary of many articles together (defaults: submodular, diversity 0.4)."""

def rouge(
    summary: Union[str, Iterable[str]],
    references: Union[str, Iterable[Union[str, Iterable[str]]]],
    *,
    n: int = 2,
    stem: bool = True,
    words: Optional[int] = None,
) -> dict[str, dict[str, float]]:
    """ROUGE-1.5.5 scores: ``{"rouge-1": {"recall", "precision", "f"}, ..., "rouge-l": ...}``."""

def methods() -> dict[str, dict[str, Any]]:
    """Every ranking method with its parameters and their defaults."""

def languages() -> list[str]:
    """The supported language codes."""

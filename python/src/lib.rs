//! The `salient._salient` extension module: the salient library seen from Python.
//!
//! All logic lives in the Rust library. This crate converts Python arguments
//! into a [`Config`] and [`Article`]s, runs the library with the GIL released,
//! and converts summaries back, with offsets into the Python `str` (code
//! points) beside the library's UTF-8 byte offsets. Every library error
//! becomes a `ValueError` or `TypeError` carrying the library's message; a
//! panic becomes a `RuntimeError` instead of crossing into Python.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};

use salient::analyze::Language;
use salient::evaluate::{RougeConfig, rouge as rouge_scores};
use salient::ingest::Article;
use salient::rank::Method;
use salient::select::Budget;
use salient::summarize::{ArticleSummary, Config, Extract, Summarizer};

/// Runs `f` without the GIL, turning a panic into a `RuntimeError`.
fn run<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.allow_threads(|| catch_unwind(AssertUnwindSafe(f))).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        PyRuntimeError::new_err(format!("salient internal error: {message}"))
    })
}

fn value_error(e: salient::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A Python value as a JSON value, for method parameters.
fn to_json(name: &str, value: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    if value.is_none() {
        Ok(serde_json::Value::Null)
    } else if value.is_instance_of::<PyBool>() {
        Ok(serde_json::Value::Bool(value.extract()?))
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(i) => Ok(i.into()),
            Err(_) => Ok(value.extract::<u64>()?.into()),
        }
    } else if value.is_instance_of::<PyFloat>() {
        Ok(serde_json::Value::from(value.extract::<f64>()?))
    } else if let Ok(s) = value.downcast::<PyString>() {
        Ok(serde_json::Value::String(s.to_cow()?.into_owned()))
    } else {
        Err(PyTypeError::new_err(format!(
            "parameter {name} must be a number, a bool, a str or None, not {}",
            value.get_type().name()?
        )))
    }
}

/// A JSON value as a Python object (parameter defaults).
fn from_json<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::IntoPyObjectExt;
    Ok(match value {
        serde_json::Value::Null => py.None().into_bound(py),
        serde_json::Value::Bool(b) => b.into_bound_py_any(py)?,
        serde_json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_bound_py_any(py)?,
            (None, Some(i)) => i.into_bound_py_any(py)?,
            _ => n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?,
        },
        serde_json::Value::String(s) => s.into_bound_py_any(py)?,
        serde_json::Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(from_json(py, item)?)?;
            }
            list.into_any()
        }
        serde_json::Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (k, v) in fields {
                dict.set_item(k, from_json(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// `value` as the command line writes it in JSON, read back by Python's
/// `json` module: the same fields in the same order.
fn to_dict<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A corpus summary with its method and options, as the CLI's JSON has it.
#[derive(serde::Serialize)]
struct JsonCorpus<'a> {
    method: &'static str,
    params: &'a Config,
    #[serde(flatten)]
    summary: &'a salient::summarize::CorpusSummary,
}

/// The keyword arguments every summarize function takes, as given.
struct Options<'a> {
    method: Option<&'a str>,
    sentences: Option<i64>,
    words: Option<i64>,
    ratio: Option<f64>,
    lang: &'a str,
    diversity: Option<f64>,
    truncate: bool,
    redundancy: Option<f64>,
    coherence: bool,
}

impl Default for Options<'_> {
    /// The command line's defaults.
    fn default() -> Self {
        Options {
            method: None,
            sentences: None,
            words: None,
            ratio: None,
            lang: "en",
            diversity: None,
            truncate: false,
            redundancy: None,
            coherence: true,
        }
    }
}

/// The run's configuration from the keyword arguments, checked as the
/// command line checks its flags.
fn config(
    corpus: bool,
    options: Options<'_>,
    params: Option<&Bound<'_, PyDict>>,
) -> PyResult<Config> {
    let Options {
        method,
        sentences,
        words,
        ratio,
        lang,
        diversity,
        truncate,
        redundancy,
        coherence,
    } = options;
    let defaults = if corpus { Config::corpus_default() } else { Config::default() };
    let method = match method {
        Some(name) => Method::parse(name).map_err(value_error)?,
        None => defaults.method(),
    };
    let mut config = defaults.with_method(method);
    if let Some(params) = params {
        for (name, value) in params.iter() {
            let name: String = name.extract()?;
            // JSON has no NaN or infinity: serde_json would read them as null.
            if let Ok(x) = value.extract::<f64>()
                && !x.is_finite()
            {
                return Err(value_error(salient::Error::InvalidParameter {
                    method: config.method().name(),
                    parameter: name,
                    reason: "must be a finite number".into(),
                }));
            }
            let value = to_json(&name, &value)?;
            config.ranker.set(&name, value).map_err(value_error)?;
        }
    }
    let given = [sentences.is_some(), words.is_some(), ratio.is_some()];
    if given.iter().filter(|&&g| g).count() > 1 {
        return Err(PyValueError::new_err(
            "give one summary length: sentences, words or ratio, not several",
        ));
    }
    let count = |unit: &'static str, n: i64| {
        usize::try_from(n).map_err(|_| {
            value_error(salient::Error::InvalidBudget { unit, reason: "must be at least 1".into() })
        })
    };
    config.selection.budget = match (sentences, words, ratio) {
        (Some(n), _, _) => Budget::Sentences(count("sentences", n)?),
        (_, Some(n), _) => Budget::Words(count("words", n)?),
        (_, _, Some(r)) => Budget::Ratio(r),
        _ => Budget::default(),
    };
    if truncate && words.is_none() {
        return Err(PyValueError::new_err("truncate=True needs a word budget (words=N)"));
    }
    config.selection.truncate = truncate;
    if let Some(d) = diversity {
        config.selection.diversity = d;
    }
    if let Some(r) = redundancy {
        config.selection.redundancy_threshold = r;
    }
    config.selection.coherence = coherence;
    config.language = Language::parse(lang).map_err(value_error)?;
    config.validate().map_err(value_error)?;
    Ok(config)
}

/// An article as given: its text and the metadata a dict may carry.
struct Input {
    text: String,
    /// The given id, if any.
    id: Option<Id>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// An article id as given: a str, or an int (kept as one for Python).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Id {
    Str(String),
    Int(i64),
}

impl Id {
    fn as_string(&self) -> String {
        match self {
            Id::Str(s) => s.clone(),
            Id::Int(i) => i.to_string(),
        }
    }
}

fn optional_str(item: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<String>> {
    match item.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.downcast::<PyString>() {
            Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
            Err(_) => Err(PyTypeError::new_err(format!(
                "\"{key}\" must be a str or None, not {}",
                v.get_type().name()?
            ))),
        },
    }
}

/// One input: a `str`, or a dict with `"text"` and optional `"id"`,
/// `"title"`, `"date"`, `"url"`.
fn input(k: usize, item: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(s) = item.downcast::<PyString>() {
        return Ok(Input {
            text: s.to_cow()?.into_owned(),
            id: None,
            title: None,
            date: None,
            url: None,
        });
    }
    let Ok(dict) = item.downcast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "item {k}: expected a str or a dict with \"text\", not {}",
            item.get_type().name()?
        )));
    };
    let text = match dict.get_item("text")? {
        Some(t) => match t.downcast::<PyString>() {
            Ok(s) => s.to_cow()?.into_owned(),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "item {k}: \"text\" must be a str, not {}",
                    t.get_type().name()?
                )));
            }
        },
        None => return Err(PyValueError::new_err(format!("item {k}: no \"text\""))),
    };
    let id = match dict.get_item("id")? {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) if v.is_instance_of::<PyBool>() => {
            return Err(PyTypeError::new_err(format!("item {k}: \"id\" must be a str or an int")));
        }
        Some(v) => {
            if let Ok(s) = v.downcast::<PyString>() {
                Some(Id::Str(s.to_cow()?.into_owned()))
            } else if let Ok(i) = v.extract::<i64>() {
                Some(Id::Int(i))
            } else {
                return Err(PyTypeError::new_err(format!(
                    "item {k}: \"id\" must be a str or an int, not {}",
                    v.get_type().name()?
                )));
            }
        }
    };
    let meta = |key| optional_str(dict, key).map_err(|e| prefix_error(k, e));
    Ok(Input { text, id, title: meta("title")?, date: meta("date")?, url: meta("url")? })
}

fn prefix_error(k: usize, e: PyErr) -> PyErr {
    Python::with_gil(|py| {
        let message = e.value(py).to_string();
        if e.is_instance_of::<PyTypeError>(py) {
            PyTypeError::new_err(format!("item {k}: {message}"))
        } else {
            PyValueError::new_err(format!("item {k}: {message}"))
        }
    })
}

/// Every input of an iterable, in order; ids must be unique, as they are in
/// a JSONL file, since a corpus summary refers to articles by id.
fn inputs(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Input>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of str or dict, not a single str (use summarize())",
        ));
    }
    let mut out = Vec::new();
    let mut seen: HashMap<Id, usize> = HashMap::new();
    for (k, item) in texts.try_iter()?.enumerate() {
        let input = input(k, &item?)?;
        if let Some(id) = &input.id
            && let Some(first) = seen.insert(id.clone(), k)
        {
            return Err(PyValueError::new_err(format!(
                "item {k}: id \"{}\" already used by item {first}",
                id.as_string()
            )));
        }
        out.push(input);
    }
    Ok(out)
}

/// The article for input `k`: its id is the given one, or `k`.
fn article(k: usize, input: &Input) -> Article {
    let id = input.id.as_ref().map_or_else(|| k.to_string(), Id::as_string);
    Article::from_text(id, input.text.as_str()).with_metadata(
        input.title.as_deref(),
        input.date.as_deref(),
        input.url.as_deref(),
    )
}

/// Code-point offsets of byte offsets `bytes` (ascending) into `text`.
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        return bytes.to_vec();
    }
    let mut out = Vec::with_capacity(bytes.len());
    let (mut at_byte, mut at_char) = (0, 0);
    for &b in bytes {
        at_char += text[at_byte..b].chars().count();
        at_byte = b;
        out.push(at_char);
    }
    out
}

/// A sentence of a summary.
///
/// `start` and `end` index the Python `str` that was summarized (code
/// points), so `text[s.start:s.end]` is the sentence as written;
/// `byte_start` and `byte_end` are the same span in UTF-8 bytes, as the
/// command line's JSON gives it.
#[pyclass(module = "salient", frozen, get_all)]
struct Sentence {
    /// 0-based index among the article's candidate sentences.
    index: usize,
    /// Start offset in the article's `str` (code points).
    start: usize,
    /// End offset (exclusive) in the article's `str` (code points).
    end: usize,
    /// Start offset in the article's UTF-8 bytes.
    byte_start: usize,
    /// End offset (exclusive) in the article's UTF-8 bytes.
    byte_end: usize,
    /// The ranker's score, higher is better.
    score: f64,
    /// 1-based order in which selection chose it.
    rank: usize,
    /// The sentence with runs of whitespace collapsed to one space.
    text: String,
    /// Whether `truncate=True` cut it at the word budget.
    truncated: bool,
    /// The article it comes from (index or id); `None` in a per-article summary.
    article: Option<Py<PyAny>>,
    /// Other places (article, sentence index) the same fact appears in a corpus.
    also_in: Vec<(Py<PyAny>, usize)>,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence(index={}, rank={}, score={:.6}, text={:?})",
            self.index, self.rank, self.score, self.text
        )
    }

    fn __str__(&self) -> &str {
        &self.text
    }
}

fn sentence(
    text: &str,
    e: &Extract,
    article: Option<Py<PyAny>>,
    also_in: Vec<(Py<PyAny>, usize)>,
) -> Sentence {
    let offsets = char_offsets(text, &[e.start, e.end]);
    Sentence {
        index: e.index,
        start: offsets[0],
        end: offsets[1],
        byte_start: e.start,
        byte_end: e.end,
        score: e.score,
        rank: e.rank,
        text: e.text.clone(),
        truncated: e.truncated,
        article,
        also_in,
    }
}

/// The summary of one article.
#[pyclass(module = "salient", frozen)]
struct Summary {
    inner: ArticleSummary,
    /// The article's id as given, or its index among the inputs.
    #[pyo3(get)]
    id: Py<PyAny>,
    #[pyo3(get)]
    sentences: Py<PyList>,
}

#[pymethods]
impl Summary {
    /// Title, from the input's `"title"`, front matter or header line.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// ISO `YYYY-MM-DD` date, if known.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.inner.date.as_deref()
    }

    /// Where it was published, if given.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// Number of candidate sentences.
    #[getter]
    fn sentence_count(&self) -> usize {
        self.inner.sentence_count
    }

    /// Lines kept out of the candidates, by reason.
    #[getter]
    fn set_aside(&self) -> HashMap<String, usize> {
        set_aside(&self.inner.set_aside)
    }

    /// The article object of the command line's JSON output (docs/json.md),
    /// byte offsets included.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.sentences.bind(py).len()
    }

    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.sentences.bind(py).try_iter()?.into_any().unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Summary(id={:?}, sentences={}, of={})",
            self.inner.id,
            self.sentences.bind(py).len(),
            self.inner.sentence_count
        )
    }
}

fn set_aside(s: &salient::ingest::SetAside) -> HashMap<String, usize> {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::Object(m)) => {
            m.into_iter().filter_map(|(k, v)| Some((k, v.as_u64()? as usize))).collect()
        }
        _ => HashMap::new(),
    }
}

/// The article's given id as a Python value, or `k` when none was given.
fn id_object(py: Python<'_>, k: usize, input: &Input) -> PyResult<Py<PyAny>> {
    use pyo3::IntoPyObjectExt;
    match &input.id {
        Some(Id::Str(s)) => s.into_py_any(py),
        Some(Id::Int(i)) => i.into_py_any(py),
        None => k.into_py_any(py),
    }
}

fn summary(py: Python<'_>, k: usize, input: &Input, inner: ArticleSummary) -> PyResult<Summary> {
    let sentences = PyList::empty(py);
    for e in &inner.summary {
        sentences.append(Py::new(py, sentence(&input.text, e, None, Vec::new()))?)?;
    }
    Ok(Summary { inner, id: id_object(py, k, input)?, sentences: sentences.unbind() })
}

/// One summary of many articles.
#[pyclass(module = "salient", frozen)]
struct CorpusSummary {
    inner: salient::summarize::CorpusSummary,
    config: Config,
    #[pyo3(get)]
    sentences: Py<PyList>,
}

#[pymethods]
impl CorpusSummary {
    /// Number of articles.
    #[getter]
    fn article_count(&self) -> usize {
        self.inner.article_count
    }

    /// Number of candidate sentences over all articles.
    #[getter]
    fn sentence_count(&self) -> usize {
        self.inner.sentence_count
    }

    /// The ranking method.
    #[getter]
    fn method(&self) -> &'static str {
        self.config.method().name()
    }

    /// The corpus object of the command line's JSON output (docs/json.md):
    /// `method`, `params`, `id`, counts, `sources` and `summary`, byte
    /// offsets included.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let corpus = JsonCorpus {
            method: self.config.method().name(),
            params: &self.config,
            summary: &self.inner,
        };
        to_dict(py, &corpus)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.sentences.bind(py).len()
    }

    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.sentences.bind(py).try_iter()?.into_any().unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "CorpusSummary(articles={}, sentences={}, of={})",
            self.inner.article_count,
            self.sentences.bind(py).len(),
            self.inner.sentence_count
        )
    }
}

/// Summarizes one article. See `salient.summarize` for the arguments.
#[pyfunction]
#[pyo3(signature = (text, *, method=None, sentences=None, words=None, ratio=None, lang="en", diversity=None, truncate=false, redundancy=None, coherence=true, **method_params))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    method: Option<&str>,
    sentences: Option<i64>,
    words: Option<i64>,
    ratio: Option<f64>,
    lang: &str,
    diversity: Option<f64>,
    truncate: bool,
    redundancy: Option<f64>,
    coherence: bool,
    method_params: Option<&Bound<'_, PyDict>>,
) -> PyResult<Summary> {
    let options = Options {
        method,
        sentences,
        words,
        ratio,
        lang,
        diversity,
        truncate,
        redundancy,
        coherence,
    };
    let config = config(false, options, method_params)?;
    let input = input(0, text)?;
    let inner = run(py, || {
        let summarizer = Summarizer::new(config).map_err(|e| e.to_string())?;
        Ok::<_, String>(summarizer.summarize_article(&article(0, &input)))
    })?
    .map_err(PyValueError::new_err)?;
    summary(py, 0, &input, inner)
}

/// Summarizes many articles, each on its own. See `salient.summarize_many`.
#[pyfunction]
#[pyo3(signature = (texts, *, method=None, sentences=None, words=None, ratio=None, lang="en", diversity=None, truncate=false, redundancy=None, coherence=true, **method_params))]
#[allow(clippy::too_many_arguments)]
fn summarize_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    method: Option<&str>,
    sentences: Option<i64>,
    words: Option<i64>,
    ratio: Option<f64>,
    lang: &str,
    diversity: Option<f64>,
    truncate: bool,
    redundancy: Option<f64>,
    coherence: bool,
    method_params: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<Summary>> {
    let options = Options {
        method,
        sentences,
        words,
        ratio,
        lang,
        diversity,
        truncate,
        redundancy,
        coherence,
    };
    let config = config(false, options, method_params)?;
    let inputs = inputs(texts)?;
    let summaries = run(py, || {
        let summarizer = Summarizer::new(config).map_err(|e| e.to_string())?;
        let parallelism = summarizer.config().parallelism;
        let numbered: Vec<(usize, &Input)> = inputs.iter().enumerate().collect();
        // Cleaning is per article too: shared out like the summaries.
        let articles = parallelism.map(&numbered, |&(k, input)| article(k, input));
        Ok::<_, String>(summarizer.summarize_articles(&articles))
    })?
    .map_err(PyValueError::new_err)?;
    inputs
        .iter()
        .zip(summaries)
        .enumerate()
        .map(|(k, (input, inner))| summary(py, k, input, inner))
        .collect()
}

/// One summary of many articles together. See `salient.summarize_corpus`.
#[pyfunction]
#[pyo3(signature = (texts, *, method=None, sentences=None, words=None, ratio=None, lang="en", diversity=None, truncate=false, redundancy=None, coherence=true, **method_params))]
#[allow(clippy::too_many_arguments)]
fn summarize_corpus(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    method: Option<&str>,
    sentences: Option<i64>,
    words: Option<i64>,
    ratio: Option<f64>,
    lang: &str,
    diversity: Option<f64>,
    truncate: bool,
    redundancy: Option<f64>,
    coherence: bool,
    method_params: Option<&Bound<'_, PyDict>>,
) -> PyResult<CorpusSummary> {
    let options = Options {
        method,
        sentences,
        words,
        ratio,
        lang,
        diversity,
        truncate,
        redundancy,
        coherence,
    };
    let config = config(true, options, method_params)?;
    let inputs = inputs(texts)?;
    let (inner, config) = run(py, || {
        let summarizer = Summarizer::new(config).map_err(|e| e.to_string())?;
        let numbered: Vec<(usize, &Input)> = inputs.iter().enumerate().collect();
        let articles =
            summarizer.config().parallelism.map(&numbered, |&(k, input)| article(k, input));
        let corpus = summarizer.summarize_corpus(None, &articles);
        Ok::<_, String>((corpus, summarizer.config().clone()))
    })?
    .map_err(PyValueError::new_err)?;
    // The library names articles by id; Python gets back what it gave (or the index).
    let by_id: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(k, input)| (input.id.as_ref().map_or_else(|| k.to_string(), Id::as_string), k))
        .collect();
    let name = |id: &str| -> PyResult<(usize, Py<PyAny>)> {
        let k = *by_id.get(id).ok_or_else(|| {
            PyRuntimeError::new_err(format!("salient internal error: no article {id}"))
        })?;
        Ok((k, id_object(py, k, &inputs[k])?))
    };
    let sentences = PyList::empty(py);
    for e in &inner.summary {
        let (k, article) = name(&e.article)?;
        let also_in = e
            .also_in
            .iter()
            .map(|r| Ok((name(&r.article)?.1, r.index)))
            .collect::<PyResult<Vec<_>>>()?;
        sentences
            .append(Py::new(py, sentence(&inputs[k].text, &e.extract, Some(article), also_in))?)?;
    }
    Ok(CorpusSummary { inner, config, sentences: sentences.unbind() })
}

/// ROUGE-1.5.5 scores of `summary` against `references`.
#[pyfunction]
#[pyo3(signature = (summary, references, *, n=2, stem=true, words=None))]
fn rouge<'py>(
    py: Python<'py>,
    summary: &Bound<'py, PyAny>,
    references: &Bound<'py, PyAny>,
    n: i64,
    stem: bool,
    words: Option<i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let lines = |what: &str, v: &Bound<'py, PyAny>| -> PyResult<String> {
        if let Ok(s) = v.downcast::<PyString>() {
            return Ok(s.to_cow()?.into_owned());
        }
        let mut parts = Vec::new();
        for item in v.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("{what} must be a str or an iterable of str"))
        })? {
            parts.push(item?.extract::<String>().map_err(|_| {
                PyTypeError::new_err(format!("{what} must be a str or an iterable of str"))
            })?);
        }
        Ok(parts.join("\n"))
    };
    let summary = lines("summary", summary)?;
    let references: Vec<String> = if references.is_instance_of::<PyString>() {
        vec![references.extract()?]
    } else {
        references
            .try_iter()
            .map_err(|_| PyTypeError::new_err("references must be a str or a list of str"))?
            .map(|r| lines("each reference", &r?))
            .collect::<PyResult<_>>()?
    };
    if references.is_empty() {
        return Err(PyValueError::new_err("references is empty: give at least one reference"));
    }
    if n < 1 {
        return Err(PyValueError::new_err(format!("n must be at least 1, got {n}")));
    }
    if let Some(w) = words
        && w < 1
    {
        return Err(PyValueError::new_err(format!("words must be at least 1, got {w}")));
    }
    let config = RougeConfig {
        max_n: n as usize,
        stem,
        word_limit: words.map(|w| w as usize),
        ..RougeConfig::default()
    };
    let scores = run(py, || rouge_scores(&config, &summary, &references))?;
    let out = PyDict::new(py);
    let prf = |p: &salient::evaluate::Prf| -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("recall", p.recall)?;
        d.set_item("precision", p.precision)?;
        d.set_item("f", p.f)?;
        Ok(d)
    };
    for (k, p) in scores.rouge_n.iter().enumerate() {
        out.set_item(format!("rouge-{}", k + 1), prf(p)?)?;
    }
    out.set_item("rouge-l", prf(&scores.rouge_l)?)?;
    Ok(out)
}

/// Every method with its parameters and their defaults.
#[pyfunction]
fn methods(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for m in Method::ALL {
        let params = PyDict::new(py);
        for (name, value) in m.parameters() {
            params.set_item(name, from_json(py, &value)?)?;
        }
        out.set_item(m.name(), params)?;
    }
    Ok(out)
}

/// Seconds per call of the library's one-call entry point,
/// `salient::summarize::summarize(text, &config)`, run `repeat` times in
/// Rust: what a Rust caller pays, against which benches/python_speed.py
/// measures the binding's per-call overhead.
#[pyfunction]
#[pyo3(signature = (text, repeat, *, method=None, sentences=None))]
fn _rust_seconds_per_call(
    py: Python<'_>,
    text: &str,
    repeat: usize,
    method: Option<&str>,
    sentences: Option<i64>,
) -> PyResult<f64> {
    let options = Options { method, sentences, ..Options::default() };
    let config = config(false, options, None)?;
    let text = text.to_owned();
    run(py, move || {
        let start = std::time::Instant::now();
        let mut chosen = 0;
        for _ in 0..repeat.max(1) {
            if let Ok(summary) = salient::summarize::summarize(&text, &config) {
                chosen += summary.summary.len();
            }
        }
        std::hint::black_box(chosen);
        start.elapsed().as_secs_f64() / repeat.max(1) as f64
    })
}

/// Supported language codes.
#[pyfunction]
fn languages() -> Vec<&'static str> {
    Language::supported_codes()
}

#[pymodule]
fn _salient(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sentence>()?;
    m.add_class::<Summary>()?;
    m.add_class::<CorpusSummary>()?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_many, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_corpus, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    m.add_function(wrap_pyfunction!(methods, m)?)?;
    m.add_function(wrap_pyfunction!(languages, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_seconds_per_call, m)?)?;
    Ok(())
}

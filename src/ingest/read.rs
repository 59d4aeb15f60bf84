//! Reading files, folders and stdin in bounded batches, and checking that
//! what was read is text.
//!
//! [`Reader`] walks the inputs in order and hands out [`Item`]s a batch at a
//! time: raw text is read on the calling thread (so the first bad input is
//! the one reported), then the batch's articles are cleaned in parallel.
//! Memory follows the batch, not the input: a JSONL file or stdin is read line
//! by line, a folder file by file.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Article, Corpus, article_from_text, html, jsonl};
use crate::error::{Error, InputProblem, Result};
use crate::parallel::Parallelism;

/// What to do with an input that cannot be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// Stop at the first bad input with its error.
    #[default]
    Stop,
    /// Leave out a bad file or JSONL line, report it as [`Item::Skipped`], go on.
    Skip,
}

/// Options for [`Reader`] and [`read_inputs`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Keep every non-empty line as body text: no boilerplate or heading
    /// detection (front matter and the header line are still removed).
    pub keep_all: bool,
    /// Stop at a bad input or skip it.
    pub on_error: OnError,
}

/// One thing read, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// An article of the run's main corpus: a file, stdin, a JSONL `"text"` line.
    Article(Article),
    /// A JSONL `"documents"` line: a corpus of its own.
    Instance(Corpus),
    /// An input left out under [`OnError::Skip`].
    Skipped(Skipped),
}

/// An input left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file (or `-` for stdin).
    pub input: String,
    /// The 1-based JSONL line, for a bad line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The error, as one line.
    pub error: String,
}

/// How much one batch may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimit {
    /// At most this many items.
    pub items: usize,
    /// Stop adding items once the batch holds this many bytes of text.
    pub bytes: usize,
}

impl Default for BatchLimit {
    /// 1,024 articles or 8 MiB of text: enough work to keep every thread busy,
    /// small enough that the first results appear at once.
    fn default() -> Self {
        BatchLimit { items: 1_024, bytes: 8 << 20 }
    }
}

/// Reads inputs in order, a batch at a time.
///
/// Inputs are paths as the user typed them; `"-"` is stdin. A folder is every
/// `.txt`, `.md`, `.html`, `.htm` file inside, recursively, sorted by path (symbolic links to
/// folders are not followed). A `.jsonl` file, a `.json` or `.ndjson` file
/// whose content starts with `{`, and stdin starting with `{` hold one JSON
/// object per line: a line with `"text"` is one article of the main corpus
/// (id from `"id"`, or `<file stem>#<line number>`); a line with
/// `"documents"` (an array of strings) is a corpus of its own (id from `"id"`
/// or `<file stem>#<line number>`, articles `<corpus id>#1`, `#2`, ... or the
/// corpus id itself for a single document) that keeps its optional
/// `"references"`. `"title"`, `"date"` and `"url"` (or `"source"`) fields are
/// read too; a line with `"html"` instead of `"text"` holds an HTML page.
/// `.html`/`.htm` files, and any file or stdin whose text starts like an
/// HTML document ([`html::is_html`]), are read as HTML: their article text is
/// extracted from the page ([`html::extract`]). Anything else is one text
/// article.
///
/// ```
/// use salient::ingest::{BatchLimit, Item, ReadOptions, Reader};
///
/// let mut reader = Reader::new(&["seeds".to_string()], ReadOptions::default())?;
/// let batch = reader.next_batch(BatchLimit { items: 2, bytes: usize::MAX })?.expect("a batch");
/// assert_eq!(batch.len(), 2);
/// assert!(matches!(&batch[0], Item::Article(a) if a.id == "000_2a113f0ff9a183fd"));
/// # Ok::<(), salient::Error>(())
/// ```
pub struct Reader {
    options: ReadOptions,
    /// Inputs not yet opened, next last.
    pending: Vec<Pending>,
    /// The JSONL input being read line by line.
    lines: Option<Lines>,
    /// Files seen, to refuse a file given twice.
    seen: HashSet<PathBuf>,
    /// Items ready before any further input is opened.
    queued: std::collections::VecDeque<RawItem>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("options", &self.options).finish_non_exhaustive()
    }
}

/// An input waiting to be opened.
enum Pending {
    /// A path as given (file or folder), or `-`.
    Given(String),
    /// A file found in a folder.
    Found(PathBuf),
}

/// A JSONL source being read.
struct Lines {
    name: String,
    stem: String,
    source: Box<dyn BufRead + Send>,
    line: usize,
    records: usize,
    state: jsonl::State,
}

/// An input's text before cleaning.
pub(super) struct Raw {
    pub(super) id: String,
    pub(super) path: Option<String>,
    pub(super) text: String,
    /// Whether `text` is an HTML page, whose article is extracted first.
    pub(super) html: bool,
    pub(super) meta: jsonl::Meta,
}

/// A JSONL instance before cleaning.
pub(super) struct RawCorpus {
    pub(super) id: String,
    pub(super) articles: Vec<Raw>,
    pub(super) references: Vec<String>,
}

/// A batch item before cleaning.
enum RawItem {
    Article(Raw),
    Instance(RawCorpus),
    Skipped(Skipped),
}

impl RawItem {
    fn bytes(&self) -> usize {
        match self {
            RawItem::Article(r) => r.text.len(),
            RawItem::Instance(c) => c.articles.iter().map(|a| a.text.len()).sum(),
            RawItem::Skipped(_) => 0,
        }
    }
}

impl Reader {
    /// A reader of `inputs`; nothing is opened until the first batch.
    ///
    /// # Errors
    /// The same file named twice.
    pub fn new(inputs: &[String], options: ReadOptions) -> Result<Self> {
        let mut named = HashSet::new();
        for input in inputs {
            if input == "-" {
                if !named.insert(PathBuf::from("-")) {
                    return Err(Error::input("-", InputProblem::Duplicate));
                }
                continue;
            }
            if let Ok(canonical) = fs::canonicalize(input)
                && !named.insert(canonical)
            {
                return Err(Error::input(input, InputProblem::Duplicate));
            }
        }
        Ok(Reader {
            options,
            pending: inputs.iter().rev().map(|i| Pending::Given(i.clone())).collect(),
            lines: None,
            seen: HashSet::new(),
            queued: Default::default(),
        })
    }

    /// The next batch, cleaned, in input order; `None` once every input is read.
    ///
    /// # Errors
    /// Under [`OnError::Stop`], the first input that cannot be read: a missing
    /// or unreadable path, a folder without text files, an input that is
    /// empty, binary or not UTF-8, a malformed JSONL line.
    pub fn next_batch(&mut self, limit: BatchLimit) -> Result<Option<Vec<Item>>> {
        let mut raw = Vec::new();
        let mut bytes = 0;
        while raw.len() < limit.items.max(1) && bytes < limit.bytes {
            match self.next_raw()? {
                Some(item) => {
                    bytes += item.bytes();
                    raw.push(item);
                }
                None => break,
            }
        }
        if raw.is_empty() {
            return Ok(None);
        }
        let keep_all = self.options.keep_all;
        let clean = |r: Raw| r.clean(keep_all);
        // Cleaning is independent per article; big batches share it out.
        let parallelism = if raw.len() > 1 { Parallelism::Parallel } else { Parallelism::Serial };
        Ok(Some(parallelism.map_vec(raw, |item| match item {
            RawItem::Article(r) => Item::Article(clean(r)),
            RawItem::Instance(c) => Item::Instance(Corpus {
                id: Some(c.id),
                articles: c.articles.into_iter().map(clean).collect(),
                references: c.references,
            }),
            RawItem::Skipped(s) => Item::Skipped(s),
        })))
    }

    /// The next raw item, or `None` at the end.
    fn next_raw(&mut self) -> Result<Option<RawItem>> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Ok(Some(item));
            }
            if let Some(lines) = &mut self.lines {
                match lines.next(self.options.on_error) {
                    Ok(Some(item)) => return Ok(Some(item)),
                    Ok(None) => {
                        let done = self.lines.take();
                        if let Some(l) = done
                            && l.records == 0
                        {
                            let e = Error::input(&l.name, InputProblem::NoRecords);
                            if let Some(s) = self.skip(&l.name, e)? {
                                return Ok(Some(s));
                            }
                        }
                        continue;
                    }
                    Err(e) => {
                        // A read error ends the input; a bad line is skipped inside `next`.
                        let name = lines.name.clone();
                        self.lines = None;
                        match self.skip(&name, e)? {
                            Some(s) => return Ok(Some(s)),
                            None => continue,
                        }
                    }
                }
            }
            let Some(next) = self.pending.pop() else {
                return Ok(None);
            };
            let (name, outcome) = match next {
                Pending::Given(input) => {
                    let outcome = self.open_given(&input);
                    (input, outcome)
                }
                Pending::Found(path) => {
                    let name = path.display().to_string();
                    let outcome = self.open_file(&path, &name);
                    (name, outcome)
                }
            };
            match outcome {
                Ok(Some(item)) => return Ok(Some(item)),
                Ok(None) => continue,
                Err(e) => {
                    if let Some(s) = self.skip(&name, e)? {
                        return Ok(Some(s));
                    }
                }
            }
        }
    }

    /// `Err(e)` under [`OnError::Stop`]; the skipped item under [`OnError::Skip`].
    fn skip(&self, input: &str, e: Error) -> Result<Option<RawItem>> {
        match self.options.on_error {
            OnError::Stop => Err(e),
            OnError::Skip => {
                let line = match &e {
                    Error::Jsonl { line, .. } => Some(*line),
                    _ => None,
                };
                let input = match &e {
                    Error::Io { path, .. } => path.display().to_string(),
                    Error::Input { input, .. } | Error::Jsonl { input, .. } => input.clone(),
                    _ => input.to_owned(),
                };
                Ok(Some(RawItem::Skipped(Skipped { input, line, error: e.to_string() })))
            }
        }
    }

    /// Opens a path as given: stdin, a folder, a file.
    fn open_given(&mut self, input: &str) -> Result<Option<RawItem>> {
        if input == "-" {
            let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
            let io = |source| Error::Io { path: PathBuf::from("-"), source };
            if starts_with_brace(stdin.fill_buf().map_err(io)?) {
                self.lines = Some(Lines::new("-".into(), "stdin".into(), Box::new(stdin)));
                return Ok(None);
            }
            let mut bytes = Vec::new();
            stdin.read_to_end(&mut bytes).map_err(io)?;
            let text = decode("stdin", bytes)?;
            return Ok(Some(RawItem::Article(Raw::new("stdin".into(), None, text))));
        }
        let path = Path::new(input);
        let metadata = fs::metadata(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::input(input, InputProblem::NotFound),
            _ => Error::Io { path: path.to_path_buf(), source },
        })?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            let mut unreadable = Vec::new();
            text_files(path, self.options.on_error, &mut found, &mut unreadable)?;
            if found.is_empty() && unreadable.is_empty() {
                return Err(Error::input(input, InputProblem::NoTextFiles));
            }
            // Pending is a stack: push in reverse so files come out sorted.
            for file in found.into_iter().rev() {
                self.pending.push(Pending::Found(file));
            }
            // Listing problems are reported where the folder is, then the rest is read.
            for e in unreadable {
                if let Some(item) = self.skip(input, e)? {
                    self.queued.push_back(item);
                }
            }
            return Ok(None);
        }
        self.open_file(path, input)
    }

    /// Opens one file: JSONL by extension or content, text otherwise.
    fn open_file(&mut self, path: &Path, name: &str) -> Result<Option<RawItem>> {
        if let Ok(canonical) = fs::canonicalize(path)
            && !self.seen.insert(canonical)
        {
            return Err(Error::input(name, InputProblem::Duplicate));
        }
        let io = |source| Error::Io { path: path.to_path_buf(), source };
        if has_extension(path, &["jsonl", "json", "ndjson"]) {
            let mut file = BufReader::with_capacity(1 << 16, fs::File::open(path).map_err(io)?);
            let by_name = has_extension(path, &["jsonl"]);
            if by_name || starts_with_brace(file.fill_buf().map_err(io)?) {
                self.lines = Some(Lines::new(name.to_owned(), stem(path), Box::new(file)));
                return Ok(None);
            }
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).map_err(io)?;
            let text = decode(name, bytes)?;
            return Ok(Some(RawItem::Article(Raw::new(stem(path), Some(name.to_owned()), text))));
        }
        let bytes = fs::read(path).map_err(io)?;
        let text = decode(name, bytes)?;
        Ok(Some(RawItem::Article(Raw::new(stem(path), Some(name.to_owned()), text))))
    }
}

impl Raw {
    /// A raw text input; HTML when its name or its content says so.
    pub(super) fn new(id: String, path: Option<String>, text: String) -> Self {
        let html = path.as_deref().is_some_and(|p| has_extension(Path::new(p), &["html", "htm"]))
            || html::is_html(&text);
        Raw { id, path, text, html, meta: jsonl::Meta::default() }
    }

    fn clean(self, keep_all: bool) -> Article {
        let mut article = if self.html {
            html::article_from_html(self.id, self.path, &self.text, keep_all)
        } else {
            article_from_text(self.id, self.path, self.text, keep_all)
        };
        self.meta.apply(&mut article);
        article
    }
}

impl Lines {
    fn new(name: String, stem: String, source: Box<dyn BufRead + Send>) -> Self {
        Lines { name, stem, source, line: 0, records: 0, state: jsonl::State::default() }
    }

    /// The next record; a bad line is an error under `Stop` and a skipped
    /// item under `Skip`. `Err` only for a read error or under `Stop`.
    fn next(&mut self, on_error: OnError) -> Result<Option<RawItem>> {
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            let n = self
                .source
                .read_until(b'\n', &mut bytes)
                .map_err(|source| Error::Io { path: PathBuf::from(&self.name), source })?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            let parsed = match std::str::from_utf8(&bytes) {
                Ok(line) => {
                    let line =
                        if self.line == 1 { line.trim_start_matches('\u{feff}') } else { line };
                    if line.trim().is_empty() {
                        continue;
                    }
                    self.records += 1;
                    jsonl::parse_line(&self.name, &self.stem, self.line, line, &mut self.state)
                }
                Err(e) => {
                    self.records += 1;
                    Err(Error::Jsonl {
                        input: self.name.clone(),
                        line: self.line,
                        problem: crate::error::JsonlProblem::InvalidJson(format!(
                            "invalid UTF-8 at byte {} of the line",
                            e.valid_up_to()
                        )),
                    })
                }
            };
            return match (parsed, on_error) {
                (Ok(item), _) => Ok(Some(match item {
                    jsonl::Record::Article(raw) => RawItem::Article(raw),
                    jsonl::Record::Instance(corpus) => RawItem::Instance(corpus),
                })),
                (Err(e), OnError::Stop) => Err(e),
                (Err(e), OnError::Skip) => Ok(Some(RawItem::Skipped(Skipped {
                    input: self.name.clone(),
                    line: Some(self.line),
                    error: e.to_string(),
                }))),
            };
        }
    }
}

/// Reads every input into corpora, for callers that need all of them at
/// once (evaluation, comparison): the main corpus first, and only if it has
/// articles, then the JSONL instances in input order. No inputs give no
/// corpora. Skipped inputs are left out (see [`Reader`] to see them).
///
/// # Errors
/// As [`Reader::next_batch`].
pub fn read_inputs(inputs: &[String], options: &ReadOptions) -> Result<Vec<Corpus>> {
    let mut reader = Reader::new(inputs, *options)?;
    let mut main = Vec::new();
    let mut instances = Vec::new();
    while let Some(batch) = reader.next_batch(BatchLimit::default())? {
        for item in batch {
            match item {
                Item::Article(a) => main.push(a),
                Item::Instance(c) => instances.push(c),
                Item::Skipped(_) => {}
            }
        }
    }
    let mut corpora = Vec::with_capacity(instances.len() + 1);
    if !main.is_empty() {
        corpora.push(Corpus { id: None, articles: main, references: Vec::new() });
    }
    corpora.extend(instances);
    Ok(corpora)
}

/// Whether text starts with `{` after a byte-order mark and whitespace: a
/// JSON object, read as JSON Lines.
fn starts_with_brace(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Share of control characters above which input counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// Checks that `bytes` are non-empty UTF-8 text and returns them as a string.
pub(super) fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Error::input(name, InputProblem::Utf16));
    }
    if bytes.contains(&0) {
        return Err(Error::input(name, InputProblem::Binary("contains NUL bytes")));
    }
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if !bytes.is_empty() && control as f64 > MAX_CONTROL_SHARE * bytes.len() as f64 {
        return Err(Error::input(name, InputProblem::Binary("too many control characters")));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::input(name, InputProblem::InvalidUtf8 { offset })
    })?;
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(Error::input(name, InputProblem::Empty));
    }
    Ok(text)
}

/// Every `.txt`/`.md`/`.html`/`.htm` file under `dir`, sorted by path, into `found`.
/// Symbolic links to folders are not followed, which rules out cycles. A
/// subfolder that cannot be listed is an error, or under [`OnError::Skip`]
/// goes to `unreadable` while the rest is listed.
fn text_files(
    dir: &Path,
    on_error: OnError,
    found: &mut Vec<PathBuf>,
    unreadable: &mut Vec<Error>,
) -> Result<()> {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let io = |source| Error::Io { path: dir.clone(), source };
        let listed: Result<Vec<fs::DirEntry>> = fs::read_dir(&dir)
            .map_err(io)
            .and_then(|entries| entries.map(|e| e.map_err(io)).collect());
        let entries = match (listed, on_error) {
            (Ok(entries), _) => entries,
            (Err(e), OnError::Stop) => return Err(e),
            (Err(e), OnError::Skip) => {
                unreadable.push(e);
                continue;
            }
        };
        for entry in entries {
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                pending.push(path);
            } else if has_extension(&path, &["txt", "md", "html", "htm"])
                && (file_type.is_file() || path.metadata().is_ok_and(|m| m.is_file()))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(())
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}
#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::ingest::{BlockKind, Reason};

    /// A fresh folder under the system temp folder, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("salient-ingest-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).expect("create temp dir");
            TempDir(dir)
        }

        fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
            let path = self.0.join(name);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).expect("create parent");
            }
            fs::write(&path, contents).expect("write temp file");
            path.display().to_string()
        }

        fn path(&self) -> String {
            self.0.display().to_string()
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn read(inputs: &[&str]) -> Result<Vec<Corpus>> {
        let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
        read_inputs(&inputs, &ReadOptions::default())
    }

    fn error(inputs: &[&str]) -> String {
        match read(inputs) {
            Ok(_) => panic!("expected an error for {inputs:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn ids(corpus: &Corpus) -> Vec<&str> {
        corpus.articles.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn folders_are_read_recursively_in_path_order() {
        let dir = TempDir::new("folder");
        dir.write("b.txt", "Bee.");
        dir.write("a.md", "Ay.");
        dir.write("sub/c.TXT", "Sea.");
        dir.write("sub/deeper/d.txt", "Dee.");
        dir.write("sub/e.jsonl", "{\"text\": \"not read from folders\"}");
        dir.write("notes.csv", "ignored,too");
        let single = dir.write("single.text", "Any extension works when named.");
        let corpora = read(&[&single, &dir.path()]).expect("read");
        assert_eq!(corpora.len(), 1);
        let main = &corpora[0];
        assert_eq!(main.id, None);
        assert_eq!(ids(main), ["single", "a", "b", "c", "d"]);
        assert_eq!(main.articles[0].path.as_deref(), Some(single.as_str()));
        let expected = dir.0.join("sub").join("c.TXT").display().to_string();
        assert_eq!(main.articles[3].path.as_deref(), Some(expected.as_str()));
        assert_eq!(&main.articles[3].text, "Sea.");
    }

    #[test]
    fn files_keep_their_bytes_and_options_apply() {
        let dir = TempDir::new("bytes");
        let file = dir.write("000_abc.txt", "\u{feff}Skip to main content\r\nA sentence.\r\n");
        let corpora = read(&[&file]).expect("read");
        let a = &corpora[0].articles[0];
        assert_eq!(a.id, "000_abc");
        assert_eq!(a.text, "\u{feff}Skip to main content\r\nA sentence.\r\n");
        assert_eq!(a.set_aside.0.get(&Reason::Navigation), Some(&1));
        assert_eq!(&a.text[a.blocks[0].start..a.blocks[0].end], "A sentence.");
        let options = ReadOptions { keep_all: true, ..ReadOptions::default() };
        let kept = read_inputs(&[file], &options).expect("read");
        let a = &kept[0].articles[0];
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[0].start, 3);
        assert!(a.set_aside.0.is_empty());
    }

    #[test]
    fn jsonl_articles_and_instances() {
        let dir = TempDir::new("jsonl");
        let before = dir.write("before.txt", "A file article.");
        let jsonl = dir.write(
            "set.jsonl",
            concat!(
                "{\"text\": \"One article.\", \"id\": \"art-1\", \"extra\": [1, 2]}\n",
                "\n",
                "{\"text\": \"Another article.\"}\n",
                "{\"id\": \"inst\", \"documents\": [\"Doc one.\", \"# Heading\\n\\nDoc two.\"], ",
                "\"references\": [\"Ref A.\", \"Ref B.\"], \"title\": \"ignored\"}\r\n",
                "{\"documents\": [\"Only doc.\"], \"id\": 7}\n",
                "{\"documents\": [\"Unnamed.\"], \"references\": null}\n",
            ),
        );
        let corpora = read(&[&before, &jsonl]).expect("read");
        assert_eq!(corpora.len(), 4);
        assert_eq!(ids(&corpora[0]), ["before", "art-1", "set#3"]);
        assert_eq!(corpora[0].articles[1].path.as_deref(), Some(jsonl.as_str()));
        assert_eq!(corpora[1].id.as_deref(), Some("inst"));
        assert_eq!(ids(&corpora[1]), ["inst#1", "inst#2"]);
        assert_eq!(corpora[1].references, ["Ref A.", "Ref B."]);
        let doc = &corpora[1].articles[1];
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(corpora[2].id.as_deref(), Some("7"));
        // The only document of an instance is the instance.
        assert_eq!(ids(&corpora[2]), ["7"]);
        assert!(corpora[2].references.is_empty());
        assert_eq!(corpora[3].id.as_deref(), Some("set#6"));
        assert_eq!(ids(&corpora[3]), ["set#6"]);
    }

    #[test]
    fn jsonl_with_only_instances_has_no_main_corpus() {
        let dir = TempDir::new("only-instances");
        let jsonl = dir.write("x.JSONL", "\u{feff}{\"documents\": [\"A.\"]}\n");
        let corpora = read(&[&jsonl]).expect("read");
        assert_eq!(corpora.len(), 1);
        assert_eq!(corpora[0].id.as_deref(), Some("x#1"));
        assert!(read(&[]).expect("no inputs").is_empty());
    }

    #[test]
    fn bad_inputs_are_named_in_errors() {
        let dir = TempDir::new("errors");
        let missing = dir.0.join("missing.txt").display().to_string();
        let e = error(&[&missing]);
        assert!(e.starts_with(&missing) && e.contains("no such file"), "{e}");

        let empty_dir = dir.0.join("empty");
        fs::create_dir_all(empty_dir.join("sub")).expect("mkdir");
        fs::write(empty_dir.join("sub/data.csv"), "a,b").expect("write");
        let name = empty_dir.display().to_string();
        let e = error(&[&name]);
        assert!(e.starts_with(&name) && e.contains("no .txt, .md or .html"), "{e}");

        let cases: [(&str, &[u8], &str); 7] = [
            ("empty.txt", b"", "empty"),
            ("blank.txt", b" \n\t\r\n\xc2\xa0\n", "empty"),
            ("nul.txt", b"text\0more", "binary file"),
            ("control.txt", b"a\x01\x02\x03\x04b", "binary file"),
            ("latin1.txt", b"caf\xe9 au lait", "invalid UTF-8 at byte 3"),
            ("utf16.txt", b"\xff\xfeh\0i\0", "UTF-16"),
            ("nested/bad.md", b"ok\n\xff", "invalid UTF-8 at byte 3"),
        ];
        for (file, bytes, reason) in cases {
            let path = dir.write(file, bytes);
            let e = error(&[&path]);
            assert!(e.starts_with(&path) && e.contains(reason), "{file}: {e}");
        }
        // Inside a folder, the error names the file.
        let e = error(&[&dir.0.join("nested").display().to_string()]);
        assert!(e.contains("bad.md") && e.contains("invalid UTF-8"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_are_io_errors() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("unreadable");
        let path = dir.write("locked.txt", "Secret.");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
        // Privileged users can read it anyway; then there is nothing to check.
        if fs::read(&path).is_err() {
            match read(&[&path]) {
                Err(Error::Io { path: p, .. }) => assert_eq!(p, PathBuf::from(&path)),
                other => panic!("expected an I/O error, got {other:?}"),
            }
        }
    }

    #[test]
    fn malformed_jsonl_lines_are_named() {
        let dir = TempDir::new("bad-jsonl");
        let ok = "{\"text\": \"Fine.\"}\n\n";
        let cases = [
            ("{\"text\": \"Fine.\"", "invalid JSON"),
            ("[1, 2]", "not a JSON object"),
            ("{\"title\": \"no body\"}", "neither \"text\" nor \"documents\""),
            ("{\"documents\": \"one string\"}", "not an array of strings"),
            ("{\"documents\": [\"a\", 3]}", "not an array of strings"),
            ("{\"documents\": []}", "\"documents\" is empty"),
            ("{\"documents\": [\"a\", \" \\n \"]}", "document 2 is empty"),
            ("{\"text\": \"\"}", "\"text\" is empty"),
            ("{\"text\": 42}", "\"text\" is not a string"),
            ("{\"text\": \"a\", \"id\": [1]}", "\"id\" is not a string"),
            ("{\"documents\": [\"a\"], \"references\": [1]}", "\"references\" is not an array"),
        ];
        for (i, (line, reason)) in cases.into_iter().enumerate() {
            let path = dir.write(&format!("case{i}.jsonl"), format!("{ok}{line}\n"));
            match read(&[&path]) {
                Err(Error::Jsonl { input, line: 3, problem }) => {
                    assert_eq!(input, path);
                    let r = problem.to_string();
                    assert!(r.contains(reason), "{line}: {r}");
                }
                other => panic!("{line}: expected a JSONL error on line 3, got {other:?}"),
            }
        }
        let e = error(&[&dir.write("blank.jsonl", "\n \n")]);
        assert!(e.contains("blank.jsonl") && e.contains("no JSONL records"), "{e}");
        let both = dir.write("both.jsonl", "{\"text\": \"A.\", \"documents\": [\"B.\"]}\n");
        let e = error(&[&both]);
        assert!(e.contains("both.jsonl:1") && e.contains("both \"text\" and \"documents\""), "{e}");
        let dup = dir.write(
            "dup.jsonl",
            "{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"a\", \"text\": \"B.\"}\n",
        );
        let e = error(&[&dup]);
        assert!(e.contains("dup.jsonl:2") && e.contains("\"a\" already used on line 1"), "{e}");
    }

    #[test]
    fn jsonl_is_detected_by_content_and_metadata_is_read() {
        let dir = TempDir::new("detect");
        let line = "{\"id\": \"x\", \"text\": \"Body here.\", \"title\": \"Headline\", \"date\": \"2024-03-05T10:00:00Z\", \"url\": \"https://example.org/a\"}\n";
        for name in ["a.json", "b.ndjson"] {
            let path = dir.write(name, line);
            let corpora = read(&[&path]).expect("read");
            let a = &corpora[0].articles[0];
            assert_eq!(a.id, "x", "{name}");
            assert_eq!(a.text, "Body here.");
            assert_eq!(a.title.as_deref(), Some("Headline"));
            assert_eq!(a.date.as_deref(), Some("2024-03-05"));
            assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        }
        // A .json file that is not an object per line is text.
        let prose = dir.write("notes.json", "Plain words, not JSON.");
        assert_eq!(read(&[&prose]).expect("read")[0].articles[0].text, "Plain words, not JSON.");
    }

    #[test]
    fn a_file_given_twice_is_an_error() {
        let dir = TempDir::new("twice");
        let a = dir.write("a.txt", "One.");
        let e = error(&[&a, &a]);
        assert!(e.starts_with(&a) && e.contains("more than once"), "{e}");
        // Also when a folder holds a file named on its own.
        let e = error(&[&a, &dir.path()]);
        assert!(e.contains("a.txt") && e.contains("more than once"), "{e}");
    }

    #[test]
    fn skip_leaves_out_bad_files_and_lines_and_reports_them() {
        let dir = TempDir::new("skip");
        dir.write("a.txt", "Good one.");
        dir.write("b.txt", b"caf\xe9 au lait");
        dir.write("c.md", "Good two.");
        let jsonl = dir.write(
            "set.jsonl",
            b"{\"text\": \"Line one.\"}\n{broken\n\"\xff\"\n{\"text\": \"Line four.\"}\n",
        );
        let options = ReadOptions { on_error: OnError::Skip, ..ReadOptions::default() };
        let mut reader = Reader::new(&[dir.path(), jsonl.clone()], options).expect("reader");
        let mut items = Vec::new();
        while let Some(batch) =
            reader.next_batch(BatchLimit { items: 2, bytes: 1 << 20 }).expect("skip")
        {
            assert!(batch.len() <= 2);
            items.extend(batch);
        }
        let summary: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Article(a) => a.id.clone(),
                Item::Instance(c) => format!("instance {:?}", c.id),
                Item::Skipped(s) => {
                    format!("skipped {}:{:?}", s.input.rsplit('/').next().unwrap_or(""), s.line)
                }
            })
            .collect();
        assert_eq!(
            summary,
            [
                "a",
                "skipped b.txt:None",
                "c",
                "set#1",
                "skipped set.jsonl:Some(2)",
                "skipped set.jsonl:Some(3)",
                "set#4"
            ]
        );
        let Item::Skipped(s) = &items[1] else { panic!("skipped") };
        assert!(s.error.contains("invalid UTF-8 at byte 3"), "{}", s.error);
        // The same inputs stop at the first bad one by default.
        let e = error(&[&dir.path()]);
        assert!(e.contains("b.txt") && e.contains("invalid UTF-8"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn skip_goes_past_an_unreadable_subfolder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("locked-dir");
        dir.write("ok.txt", "Readable.");
        dir.write("locked/inner.txt", "Hidden.");
        let locked = dir.0.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        // Privileged users can list it anyway; then there is nothing to check.
        if fs::read_dir(&locked).is_err() {
            let options = ReadOptions { on_error: OnError::Skip, ..ReadOptions::default() };
            let mut reader = Reader::new(&[dir.path()], options).expect("reader");
            let batch = reader.next_batch(BatchLimit::default()).expect("batch").expect("items");
            assert!(
                matches!(&batch[0], Item::Skipped(s) if s.input.ends_with("locked")),
                "{batch:?}"
            );
            assert!(matches!(&batch[1], Item::Article(a) if a.id == "ok"), "{batch:?}");
            assert!(read(&[&dir.path()]).is_err());
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
    }
}

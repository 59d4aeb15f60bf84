//! JSONL inputs: one article (`"text"`) or one multi-document instance
//! (`"documents"`) per line.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::Article;
use super::read::{Raw, RawCorpus};
use crate::error::{Error, JsonlProblem, Result};

/// What one line holds.
pub(super) enum Record {
    Article(Raw),
    Instance(RawCorpus),
}

/// What a JSONL source remembers between lines.
#[derive(Debug, Default)]
pub(super) struct State {
    /// Ids given by `"id"` fields, with the line that gave them.
    ids: HashMap<String, usize>,
}

/// Metadata fields of a line, applied after cleaning (they win over what
/// cleaning found in the text).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Meta {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

impl Meta {
    pub(super) fn apply(self, article: &mut Article) {
        if self.title.is_some() {
            article.title = self.title;
        }
        if let Some(date) = self.date.as_deref().and_then(super::meta::iso_date_prefix) {
            article.date = Some(date);
        }
        if self.url.is_some() {
            article.url = self.url;
        }
    }
}

/// Parses line `number` of JSONL input `name` (file stem `stem`).
pub(super) fn parse_line(
    name: &str,
    stem: &str,
    number: usize,
    line: &str,
    state: &mut State,
) -> Result<Record> {
    let fail = |problem| Error::Jsonl { input: name.to_string(), line: number, problem };
    let value: Value = serde_json::from_str(line.trim())
        .map_err(|e| fail(JsonlProblem::InvalidJson(e.to_string())))?;
    let Value::Object(object) = value else {
        return Err(fail(JsonlProblem::NotAnObject));
    };
    let id = match object.get("id") {
        None | Some(Value::Null) => format!("{stem}#{number}"),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(fail(JsonlProblem::WrongType { field: "id", expected: "a string" }));
        }
    };
    if object.get("id").is_some_and(|v| !v.is_null()) {
        if let Some(&first) = state.ids.get(&id) {
            return Err(fail(JsonlProblem::DuplicateId { id, first }));
        }
        state.ids.insert(id.clone(), number);
    }
    let meta = Meta {
        title: optional_string(&object, "title").map_err(fail)?,
        date: optional_string(&object, "date").map_err(fail)?,
        url: match optional_string(&object, "url").map_err(fail)? {
            Some(url) => Some(url),
            None => optional_string(&object, "source").map_err(fail)?,
        },
    };
    let path = Some(name.to_string());
    let bodies: Vec<&'static str> = ["text", "html", "documents"]
        .into_iter()
        .filter(|field| object.contains_key(*field))
        .collect();
    if let [first, second, ..] = bodies[..] {
        return Err(fail(JsonlProblem::Ambiguous(first, second)));
    }
    match (object.get("text").or(object.get("html")), object.get("documents")) {
        (Some(_), Some(_)) => Err(fail(JsonlProblem::Ambiguous("text", "documents"))),
        (None, None) => Err(fail(JsonlProblem::NoBody)),
        (None, Some(documents)) => {
            let documents = strings(documents).ok_or_else(|| {
                fail(JsonlProblem::WrongType {
                    field: "documents",
                    expected: "an array of strings",
                })
            })?;
            if documents.is_empty() {
                return Err(fail(JsonlProblem::EmptyField("documents")));
            }
            if let Some(k) = documents.iter().position(|d| is_blank(d)) {
                return Err(fail(JsonlProblem::EmptyDocument(k + 1)));
            }
            let references = references(&object).ok_or_else(|| {
                fail(JsonlProblem::WrongType {
                    field: "references",
                    expected: "an array of strings",
                })
            })?;
            // The only document of an instance is the instance: it keeps its id.
            let single = documents.len() == 1;
            let articles = documents
                .into_iter()
                .enumerate()
                .map(|(k, text)| Raw {
                    id: if single { id.clone() } else { format!("{id}#{}", k + 1) },
                    path: path.clone(),
                    text,
                    html: false,
                    meta: if single { meta.clone() } else { Meta::default() },
                })
                .collect();
            Ok(Record::Instance(RawCorpus { id, articles, references }))
        }
        (Some(text), None) => {
            let html = !object.contains_key("text");
            let field = if html { "html" } else { "text" };
            let Value::String(text) = text else {
                return Err(fail(JsonlProblem::WrongType { field, expected: "a string" }));
            };
            if is_blank(text) {
                return Err(fail(JsonlProblem::EmptyField(field)));
            }
            Ok(Record::Article(Raw { id, path, text: text.clone(), html, meta }))
        }
    }
}

fn is_blank(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty()
}

/// An optional string field; `null` counts as absent.
fn optional_string(
    object: &Map<String, Value>,
    field: &'static str,
) -> std::result::Result<Option<String>, JsonlProblem> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(_) => Err(JsonlProblem::WrongType { field, expected: "a string" }),
    }
}

/// The strings of a JSON array of strings.
fn strings(value: &Value) -> Option<Vec<String>> {
    let Value::Array(items) = value else {
        return None;
    };
    items.iter().map(|v| v.as_str().map(str::to_string)).collect()
}

/// The optional `"references"`; `None` when present but malformed.
fn references(object: &Map<String, Value>) -> Option<Vec<String>> {
    match object.get("references") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(value) => strings(value),
    }
}

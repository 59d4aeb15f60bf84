//! JSONL inputs: one article (`"text"`, or an HTML page in `"html"`) or one
//! multi-document instance (`"documents"`) per line.

use serde_json::{Map, Value};

use super::read::{Raw, RawCorpus};
use crate::error::{Error, Result};

/// Parses the JSONL file `name` (already read as `text`): `"text"` lines become
/// articles pushed onto `main`, `"documents"` lines corpora pushed onto `instances`.
pub(super) fn read(
    name: &str,
    stem: &str,
    text: &str,
    main: &mut Vec<Raw>,
    instances: &mut Vec<RawCorpus>,
) -> Result<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = 0;
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        records += 1;
        let fail = |reason: String| Error::Jsonl { input: name.to_string(), line: number, reason };
        let value: Value =
            serde_json::from_str(line).map_err(|e| fail(format!("invalid JSON: {e}")))?;
        let Value::Object(object) = value else {
            return Err(fail("not a JSON object".into()));
        };
        let id = match object.get("id") {
            None | Some(Value::Null) => format!("{stem}#{number}"),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => return Err(fail("\"id\" is not a string".into())),
        };
        let path = Some(name.to_string());
        if let Some(documents) = object.get("documents") {
            let documents = strings(documents)
                .ok_or_else(|| fail("\"documents\" is not an array of strings".into()))?;
            if documents.is_empty() {
                return Err(fail("\"documents\" is empty".into()));
            }
            if let Some(k) = documents.iter().position(|d| is_blank(d)) {
                return Err(fail(format!("document {} is empty", k + 1)));
            }
            let references = references(&object)
                .ok_or_else(|| fail("\"references\" is not an array of strings".into()))?;
            let articles = documents
                .into_iter()
                .enumerate()
                .map(|(k, text)| Raw {
                    id: format!("{id}#{}", k + 1),
                    path: path.clone(),
                    text,
                    html: false,
                })
                .collect();
            instances.push(RawCorpus { id, articles, references });
        } else if let Some(text) = object.get("text") {
            let Value::String(text) = text else {
                return Err(fail("\"text\" is not a string".into()));
            };
            if is_blank(text) {
                return Err(fail("\"text\" is empty".into()));
            }
            main.push(Raw { id, path, text: text.clone(), html: false });
        } else if let Some(page) = object.get("html") {
            match page {
                Value::String(page) if !is_blank(page) => {
                    main.push(Raw { id, path, text: page.clone(), html: true });
                }
                Value::String(_) => return Err(fail("\"html\" is empty".into())),
                _ => return Err(fail("\"html\" is not a string".into())),
            }
        } else {
            return Err(fail("neither \"text\" nor \"documents\" nor \"html\"".into()));
        }
    }
    if records == 0 {
        return Err(Error::input(name, "no JSONL records"));
    }
    Ok(())
}

fn is_blank(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty()
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

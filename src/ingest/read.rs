//! Reading files, folders and stdin, and checking that what was read is text.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Corpus, article_from_text, html, jsonl};
use crate::error::{Error, Result};
use crate::parallel::Parallelism;

/// Options for [`read_inputs`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Keep every non-empty line as body text: no boilerplate or heading
    /// detection (front matter and the header line are still removed).
    pub keep_all: bool,
}

/// Reads every input into corpora. `inputs` are paths as the user typed them;
/// `"-"` is stdin.
///
/// Files, folders (every `.txt`/`.md`/`.html`/`.htm` file inside, recursively,
/// sorted by path) and stdin go into one corpus with id `None`, in input order.
/// A `.jsonl` file holds one JSON object per line: a line with `"text"` adds
/// one article to that same corpus (id from `"id"`, or `<file stem>#<line number>`); a line with
/// `"documents"` (an array of strings) is a corpus of its own (id from `"id"` or
/// `<file stem>#<line number>`, articles `<corpus id>#1`, `#2`, ...) that keeps
/// its optional `"references"`. Other fields are ignored. A line with `"html"`
/// instead of `"text"` holds an HTML page. `.html`/`.htm` files, and any file
/// or stdin whose text starts like an HTML document ([`html::is_html`]), are
/// read as HTML: their article text is extracted from the page ([`html::extract`]).
///
/// The main corpus comes first, and only if it has articles; the JSONL
/// corpora follow in input order. No inputs give no corpora.
///
/// # Errors
///
/// A missing or unreadable path, a folder without text files, an input that is
/// empty, binary or not UTF-8, and a malformed JSONL line or file.
pub fn read_inputs(inputs: &[String], options: &ReadOptions) -> Result<Vec<Corpus>> {
    let mut main: Vec<Raw> = Vec::new();
    let mut instances: Vec<RawCorpus> = Vec::new();
    for input in inputs {
        if input == "-" {
            let text = read_stdin()?;
            main.push(Raw { id: "stdin".into(), path: None, html: html::is_html(&text), text });
            continue;
        }
        let path = Path::new(input);
        let metadata = fs::metadata(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::input(input, "no such file or directory"),
            _ => Error::Io { path: path.to_path_buf(), source },
        })?;
        if metadata.is_dir() {
            let files = text_files(path)?;
            if files.is_empty() {
                return Err(Error::input(input, "folder has no .txt, .md or .html files"));
            }
            for file in files {
                let name = file.display().to_string();
                let text = read_text(&file, &name)?;
                let html = is_html_file(&file, &text);
                main.push(Raw { id: stem(&file), path: Some(name), text, html });
            }
        } else if has_extension(path, &["jsonl"]) {
            let text = read_text(path, input)?;
            jsonl::read(input, &stem(path), &text, &mut main, &mut instances)?;
        } else {
            let text = read_text(path, input)?;
            let html = is_html_file(path, &text);
            main.push(Raw { id: stem(path), path: Some(input.clone()), text, html });
        }
    }
    // Reading validates inputs in order, so the first bad one is the one
    // reported; cleaning is independent per article and runs in parallel.
    let clean = |raw: Vec<Raw>| {
        Parallelism::Parallel.map_vec(raw, |r| {
            if r.html {
                html::article_from_html(r.id, r.path, &r.text, options.keep_all)
            } else {
                article_from_text(r.id, r.path, r.text, options.keep_all)
            }
        })
    };
    let mut corpora = Vec::with_capacity(instances.len() + 1);
    if !main.is_empty() {
        corpora.push(Corpus { id: None, articles: clean(main), references: Vec::new() });
    }
    for RawCorpus { id, articles, references } in instances {
        corpora.push(Corpus { id: Some(id), articles: clean(articles), references });
    }
    Ok(corpora)
}

/// An input's text before cleaning.
pub(super) struct Raw {
    pub(super) id: String,
    pub(super) path: Option<String>,
    pub(super) text: String,
    /// Whether `text` is an HTML page.
    pub(super) html: bool,
}

/// A JSONL instance before cleaning.
pub(super) struct RawCorpus {
    pub(super) id: String,
    pub(super) articles: Vec<Raw>,
    pub(super) references: Vec<String>,
}

fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { path: PathBuf::from("-"), source })?;
    decode("stdin", bytes)
}

/// Reads a file as validated text; `name` is how errors refer to it.
fn read_text(path: &Path, name: &str) -> Result<String> {
    let bytes = fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    decode(name, bytes)
}

/// Share of control characters above which input counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// Checks that `bytes` are non-empty UTF-8 text and returns them as a string.
pub(super) fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Error::input(name, "UTF-16 text is not supported; convert it to UTF-8"));
    }
    if bytes.contains(&0) {
        return Err(Error::input(name, "binary file (contains NUL bytes)"));
    }
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if !bytes.is_empty() && control as f64 > MAX_CONTROL_SHARE * bytes.len() as f64 {
        return Err(Error::input(name, "binary file (too many control characters)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::input(name, format!("invalid UTF-8 at byte {offset}"))
    })?;
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(Error::input(name, "empty input"));
    }
    Ok(text)
}

/// Every `.txt`/`.md`/`.html`/`.htm` file under `dir`, sorted by path. Symbolic links to
/// folders are not followed, which rules out cycles.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let io = |source| Error::Io { path: dir.clone(), source };
        for entry in fs::read_dir(&dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            let file_type = entry.file_type().map_err(io)?;
            if file_type.is_dir() {
                pending.push(path);
            } else if has_extension(&path, &["txt", "md", "html", "htm"])
                && (file_type.is_file() || path.metadata().is_ok_and(|m| m.is_file()))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn is_html_file(path: &Path, text: &str) -> bool {
    has_extension(path, &["html", "htm"]) || html::is_html(text)
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
        let kept = read_inputs(&[file], &ReadOptions { keep_all: true }).expect("read");
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
        assert_eq!(ids(&corpora[2]), ["7#1"]);
        assert!(corpora[2].references.is_empty());
        assert_eq!(corpora[3].id.as_deref(), Some("set#6"));
        assert_eq!(ids(&corpora[3]), ["set#6#1"]);
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
                Err(Error::Jsonl { input, line: 3, reason: r }) => {
                    assert_eq!(input, path);
                    assert!(r.contains(reason), "{line}: {r}");
                }
                other => panic!("{line}: expected a JSONL error on line 3, got {other:?}"),
            }
        }
        let e = error(&[&dir.write("blank.jsonl", "\n \n")]);
        assert!(e.contains("blank.jsonl") && e.contains("empty"), "{e}");
    }
}

//! Bad input gets a one-line error naming the problem and exit code 2; inputs are never written.

use crate::util::*;

#[test]
fn missing_path() {
    let err = fails(&["summarize", "no/such/file.txt"], None);
    assert!(err.contains("no/such/file.txt"), "{err}");
}

#[test]
fn empty_binary_and_invalid_utf8_inputs() {
    let dir = tempdir("bad-inputs");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        (
            "binary.txt",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
            "binary",
        ),
        ("latin1.txt", b"Caf\xe9 au lait. Tr\xe8s bien.", "UTF-8"),
    ];
    for (name, bytes, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = fails(&["summarize", path.to_str().unwrap()], None);
        assert!(err.contains(name) && err.contains(needle), "{name}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "input modified");
    }
    let err = fails(&["summarize", "-"], Some(b""));
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn folder_without_text_files() {
    let dir = tempdir("no-text");
    std::fs::write(dir.join("image.png"), b"\x89PNG").unwrap();
    let err = fails(&["summarize", dir.to_str().unwrap()], None);
    assert!(err.contains("no .txt, .md or .html"), "{err}");
}

#[test]
fn malformed_jsonl_names_the_line() {
    let dir = tempdir("bad-jsonl");
    let path = dir.join("data.jsonl");
    std::fs::write(&path, "{\"text\": \"One article. It has sentences.\"}\n{not json\n").unwrap();
    let err = fails(&["summarize", path.to_str().unwrap()], None);
    assert!(err.contains("data.jsonl:2"), "{err}");
}

#[test]
fn nonsense_options() {
    let seed = "seeds/000_2a113f0ff9a183fd.txt";
    for (args, needle) in [
        (vec!["--sentences", "0"], "--sentences"),
        (vec!["--sentences", "-3"], "-3"),
        (vec!["--words", "many"], "--words"),
        (vec!["--ratio", "2"], "--ratio"),
        (vec!["--sentences", "2", "--words", "50"], "--words"),
        (vec!["--method", "magic"], "magic"),
        (vec!["--lang", "xx"], "xx"),
        (vec!["--format", "pdf"], "pdf"),
        (vec!["--redundancy", "1.5"], "--redundancy"),
        (vec!["--diversity", "-0.1"], "--diversity"),
    ] {
        let mut all = vec!["summarize", seed];
        all.extend(args.iter().copied());
        let err = fails(&all, None);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

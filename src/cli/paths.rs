//! Output paths checked against the inputs: salient never writes an input.

/// Whether the paths name one existing file (by any spelling: `./a`, a link).
pub fn same_file(a: &str, b: &str) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The first of `inputs` that names the same file as `output`, if any.
pub fn input_named<'a>(output: &str, inputs: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    inputs.into_iter().find(|input| same_file(output, input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_input_by_any_spelling() {
        let dir = std::env::temp_dir().join(format!("salient-paths-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, "A.").unwrap();
        let plain = file.to_str().unwrap();
        let dotted = format!("{}/./a.txt", dir.to_str().unwrap());
        assert_eq!(input_named(&dotted, ["other.txt", plain]), Some(plain));
        assert_eq!(input_named(plain, ["other.txt"]), None);
        // A path that does not exist yet is no input.
        let new = dir.join("new.svg");
        assert_eq!(input_named(new.to_str().unwrap(), [plain]), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

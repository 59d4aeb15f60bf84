//! `salient compare`: a table per method and length, agreement, and an SVG plot.

use crate::util::*;

#[test]
fn compares_methods_and_lengths_on_the_seeds() {
    let dir = tempdir("compare");
    let svg = dir.join("plot.svg");
    let out = ok(&[
        "compare",
        "seeds/",
        "--methods",
        "textrank,tfidf,lead",
        "--sentences",
        "1,3",
        "--plot",
        svg.to_str().unwrap(),
    ]);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 6, "{out}");
    for row in &rows {
        let agreement: f64 = row[2].parse().unwrap();
        assert!((0.0..=1.0).contains(&agreement), "{row:?}");
    }
    // At one sentence, lead picks every article's first sentence.
    assert!(out.contains("agreement at 1 sentences"));
    let svg = read(&svg);
    assert!(svg.starts_with("<svg") && svg.contains("textrank") && svg.contains("summary length"));
}

#[test]
fn side_by_side_needs_one_article() {
    let err = fails(&["compare", "seeds/", "--side-by-side"], None);
    assert!(err.contains("exactly one article"), "{err}");
    let out = ok(&["compare", "seeds/000_2a113f0ff9a183fd.txt", "--side-by-side", "-n", "2"]);
    assert!(out.lines().next().unwrap().contains("| tfidf"), "{out}");
}

/// Issue 13: `--plot` refuses to write over an input, named directly or read
/// from an input folder, and leaves it as it was.
#[test]
fn plot_over_an_input_is_refused() {
    let dir = tempdir("compare-plot-input");
    let text = read(&seeds().join("000_2a113f0ff9a183fd.txt"));
    let article = dir.join("talks.txt");
    std::fs::write(&article, &text).unwrap();
    let page = dir.join("page.html");
    let html = format!("<html><body><p>{}</p></body></html>", text.replace("\n\n", "</p><p>"));
    std::fs::write(&page, &html).unwrap();
    let (folder, article) = (dir.to_str().unwrap(), article.to_str().unwrap());
    let err = fails(&["compare", article, "-m", "lead", "--plot", article], None);
    assert!(err.contains(&format!("--plot {article}: that is the input {article}")), "{err}");
    let dotted = format!("{folder}/./page.html");
    let err = fails(&["compare", folder, "-m", "lead", "--plot", &dotted], None);
    assert!(err.contains("that is the input") && err.contains("page.html"), "{err}");
    assert_eq!(read(&dir.join("talks.txt")), text);
    assert_eq!(read(&dir.join("page.html")), html);
    // A new file beside the inputs is fine.
    let svg = dir.join("plot.svg");
    ok(&["compare", folder, "-m", "lead", "--plot", svg.to_str().unwrap()]);
    assert!(read(&svg).starts_with("<svg"));
}

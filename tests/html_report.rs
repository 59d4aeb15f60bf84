//! The `--format html` report opened in a real browser (headless Chromium),
//! and `--with-text` JSON (issue 11).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{collapse, json, ok, root};

/// The chromium binary, or `None` when it is missing outside CI (under
/// `CI=true` a missing browser fails the test: `.ci/chromium` installs it).
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|d| d.join("chromium")).find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium is missing under CI=true: run .ci/chromium"
        );
        eprintln!("chromium not found: browser test skipped (run .ci/chromium)");
    }
    found
}

/// Runs headless chromium on `page` with `extra` arguments; returns stdout.
fn browse(chromium: &Path, page: &Path, profile: &Path, extra: &[String]) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 DOM")
}

/// Every value of `attr="..."` in `html`.
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    html.match_indices(&key)
        .filter_map(|(at, _)| {
            let rest = &html[at + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Where artefacts of the browser tests go (not committed).
fn artefacts() -> PathBuf {
    let dir = root().join("target").join("html-report");
    std::fs::create_dir_all(&dir).expect("create target/html-report");
    dir
}

#[test]
fn report_of_the_seeds_in_a_browser() {
    let Some(chromium) = chromium() else { return };
    let dir = artefacts();
    let page = dir.join("report.html");
    std::fs::write(&page, ok(&["summarize", "seeds/", "--format", "html"])).expect("write page");
    let report = json(&["summarize", "seeds/"]);
    let profile = crate::util::tempdir("chromium-profile");
    let dom = browse(&chromium, &page, &profile, &["--dump-dom".to_owned()]);

    // One <article> per summarized article, each with one <mark> per summary sentence.
    let sections: Vec<&str> = dom.split("<article id=\"a").skip(1).collect();
    assert_eq!(sections.len(), report.articles.len());
    for (k, (section, article)) in sections.iter().zip(&report.articles).enumerate() {
        let section = section.split("</article>").next().unwrap_or("");
        assert_eq!(section.matches("<mark ").count(), article.summary.len(), "article {k}");
        let mut ranks: Vec<usize> =
            attributes(section, "data-rank").iter().map(|r| r.parse().expect("rank")).collect();
        ranks.sort_unstable();
        let mut expected: Vec<usize> = article.summary.iter().map(|e| e.rank).collect();
        expected.sort_unstable();
        assert_eq!(ranks, expected, "article {k}");
        // Every candidate sentence is addressable, in order.
        for i in 0..article.sentence_count {
            assert!(section.contains(&format!("id=\"a{k}-s{i}\"")), "article {k} sentence {i}");
        }
    }

    // Every link lands on an element of the page, except the links to the
    // articles' own addresses (seed 003's front matter `source:`).
    let ids = attributes(&dom, "id");
    let sources: Vec<&str> = report.articles.iter().filter_map(|a| a.url.as_deref()).collect();
    assert!(!sources.is_empty(), "seed 003's source URL is read");
    let hrefs: Vec<&str> =
        attributes(&dom, "href").into_iter().filter(|h| !sources.contains(h)).collect();
    let corpus = &report.corpora[0];
    let corpus_links = corpus.summary.iter().map(|e| 1 + e.also_in.len()).sum::<usize>();
    assert!(hrefs.iter().filter(|h| h.contains("-s")).count() >= corpus_links);
    for href in &hrefs {
        let target =
            href.strip_prefix('#').unwrap_or_else(|| panic!("link out of the page: {href}"));
        assert!(ids.contains(&target), "no element with id {target}");
    }

    // Nothing to fetch: no scripts, style sheets, images, frames or sources.
    for tag in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url("] {
        assert!(!dom.contains(tag), "the page loads something: {tag}");
    }
    assert!(attributes(&dom, "src").is_empty());

    for (name, size) in [("phone", "390,844"), ("desktop", "1280,900")] {
        let shot = dir.join(format!("report-{name}.png"));
        let _ = std::fs::remove_file(&shot);
        browse(
            &chromium,
            &page,
            &profile,
            &[format!("--screenshot={}", shot.display()), format!("--window-size={size}")],
        );
        let bytes = std::fs::read(&shot).expect("screenshot written");
        assert!(bytes.starts_with(b"\x89PNG"), "{name} screenshot is a PNG");
    }
    let _ = std::fs::remove_dir_all(&profile);
}

#[test]
fn with_text_gives_the_text_offsets_index() {
    let out = ok(&["summarize", "seeds/", "--format", "json", "--with-text"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let articles = value["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    for a in articles {
        let text = a["text"].as_str().expect("text");
        for e in a["summary"].as_array().expect("summary") {
            let (start, end) =
                (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(collapse(&text[start..end]), e["text"].as_str().unwrap());
        }
    }
    // Without the flag the output keeps its shape.
    let plain: serde_json::Value =
        serde_json::from_str(&ok(&["summarize", "seeds/", "--format", "json"])).expect("JSON");
    assert!(plain["articles"][0].get("text").is_none());
}

/// The texts of the SVG `<text>` elements in `svg`.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            body.find("</text>").map(|end| body[..end].trim().to_owned())
        })
        .collect()
}

#[test]
fn compare_plot_in_a_browser() {
    let dir = artefacts();
    let svg = dir.join("compare.svg");
    let page = dir.join("compare.html");
    for path in [&svg, &page] {
        let _ = std::fs::remove_file(path);
        let p = path.to_str().expect("UTF-8 path");
        ok(&[
            "compare",
            "seeds/",
            "--sentences",
            "1,3,5",
            "--methods",
            "textrank,lead",
            "--plot",
            p,
        ]);
    }
    let drawn = std::fs::read_to_string(&svg).expect("SVG written");
    let texts = svg_texts(&drawn);
    // Three charts (agreement, redundancy, time), each ticked at exactly 1, 3 and 5.
    for name in [
        "agreement (mean Jaccard with the others)",
        "redundancy (mean pairwise Jaccard)",
        "time (ms)",
    ] {
        assert!(texts.iter().any(|t| t == name), "no chart of {name}: {texts:?}");
    }
    for tick in ["1", "3", "5"] {
        assert_eq!(texts.iter().filter(|t| *t == tick).count(), 3, "tick {tick}");
    }
    for not_compared in ["0", "2", "4", "6"] {
        assert!(!texts.iter().any(|t| t == not_compared), "tick at {not_compared}");
    }
    let Some(chromium) = chromium() else { return };
    let profile = crate::util::tempdir("chromium-plot");
    let dom = browse(&chromium, &page, &profile, &["--dump-dom".to_owned()]);
    assert_eq!(dom.matches("<svg").count(), 1);
    for tag in ["<script", "<link", "<img"] {
        assert!(!dom.contains(tag), "the plot page loads something: {tag}");
    }
    let shot = dir.join("compare.png");
    let _ = std::fs::remove_file(&shot);
    browse(
        &chromium,
        &page,
        &profile,
        &[format!("--screenshot={}", shot.display()), "--window-size=1280,900".to_owned()],
    );
    assert!(std::fs::read(&shot).expect("screenshot").starts_with(b"\x89PNG"));
    let _ = std::fs::remove_dir_all(&profile);
}

#[test]
fn compare_refuses_an_unwritable_plot_path_before_comparing() {
    let err = crate::util::fails(&["compare", "seeds/", "--plot", "no/such/folder/plot.svg"], None);
    assert!(err.contains("no/such/folder/plot.svg"), "{err}");
    // Nothing was compared: the table never started.
    let out = crate::util::salient(&["compare", "seeds/", "--plot", "no/such/folder/plot.svg"]);
    assert!(out.stdout.is_empty());
}

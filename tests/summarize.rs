//! `salient summarize` on the seeds: the "done means" for per-article summaries.

use crate::util::*;

const BOILERPLATE: &[&str] = &[
    "[REUTERS/YONHAP]",
    "Photograph:",
    "Skip to",
    "Read more",
    "Published:",
    "](http",
    "Getty Images",
];

#[test]
fn seeds_give_five_articles_with_titles_dates_and_three_sentences() {
    let report = json(&["summarize", "seeds/", "--scope", "articles"]);
    assert_eq!(report.method, "textrank");
    assert_eq!(report.params["selection"]["budget"]["sentences"], 3, "{}", report.params);
    assert_eq!(report.articles.len(), 5);
    for a in &report.articles {
        assert_eq!(a.summary.len(), 3, "{}", a.id);
        assert!(
            a.date.as_deref().is_some_and(|d| d.len() == 10 && d.starts_with("2026-02-0")),
            "{a:?}"
        );
        let source = read(&root().join(a.path.as_deref().expect("path")));
        let mut ranks: Vec<usize> = a.summary.iter().map(|s| s.rank).collect();
        ranks.sort();
        assert_eq!(ranks, [1, 2, 3], "{}", a.id);
        assert!(a.summary.iter().all(|s| s.score.is_finite() && s.score > 0.0));
        let mut last = None;
        for s in &a.summary {
            assert_eq!(collapse(&source[s.start..s.end]), s.text, "span of {}", a.id);
            assert!(last < Some(s.index), "document order in {}", a.id);
            last = Some(s.index);
            for b in BOILERPLATE {
                assert!(!s.text.contains(b), "{} picked boilerplate: {}", a.id, s.text);
            }
            assert!(s.text.split_whitespace().count() > 5, "heading or fragment: {}", s.text);
        }
    }
    let titles: Vec<_> = report.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles[0],
        Some("Ukraine and Russia Engage in New Round of Peace Talks in Abu Dhabi")
    );
    assert!(titles[3].is_some_and(|t| t.starts_with("Ukraine and Russia hold")));
    assert_eq!(titles[2], None, "002's header line is a standfirst, a full sentence");
    assert_eq!(titles[4], None, "004's header line is a photo caption");
    assert_eq!(report.articles[3].date.as_deref(), Some("2026-02-04"));
    let captions: usize =
        report.articles.iter().map(|a| a.set_aside.get("caption").copied().unwrap_or(0)).sum();
    assert!(captions >= 6, "captions counted: {captions}");
}

#[test]
fn budgets_bound_the_summary() {
    let one = "seeds/000_2a113f0ff9a183fd.txt";
    let r = json(&["summarize", one, "--words", "60"]);
    let words: usize =
        r.articles[0].summary.iter().map(|s| s.text.split_whitespace().count()).sum();
    assert!(words <= 60 && words > 20, "{words}");
    let r = json(&["summarize", one, "--ratio", "0.5"]);
    let a = &r.articles[0];
    assert_eq!(a.summary.len(), (a.sentence_count as f64 * 0.5).round() as usize);
    let r = json(&["summarize", one, "--sentences", "1000"]);
    assert_eq!(r.articles[0].summary.len(), r.articles[0].sentence_count);
}

/// Within one article, sentences that share its names and topic words are
/// mostly different facts. In a BBC article about compensation for
/// split-capital trust investors, "…did not mean that the eighteen firms
/// involved were admitting any guilt" shares half its content words with the
/// chosen "Eighteen investment firms … agreed the compensation package": the
/// article default keeps it, the corpus threshold (`--redundancy 0.5`) skips it.
#[test]
fn an_article_keeps_sentences_that_share_its_names() {
    let article = "tests/data/bbc-business-263.txt";
    let guilt = "did not mean that the eighteen firms involved were admitting any guilt";
    let summary = ok(&["summarize", article, "--words", "150", "--format", "lines"]);
    assert!(summary.contains(guilt), "{summary}");
    let strict =
        ok(&["summarize", article, "--words", "150", "--redundancy", "0.5", "--format", "lines"]);
    assert!(!strict.contains(guilt), "{strict}");
    assert!(strict.contains("Eighteen investment firms involved in the sale"), "{strict}");
}

#[test]
fn every_method_summarizes_the_seeds() {
    for method in [
        "textrank",
        "lexrank",
        "pacsum",
        "tfidf",
        "concepts",
        "submodular",
        "centroid",
        "lead",
        "luhn",
        "sumbasic",
        "kl",
        "lsa",
        "random",
    ] {
        let r = json(&["summarize", "seeds/", "--method", method, "--scope", "articles"]);
        assert_eq!(r.method, method);
        assert!(r.articles.iter().all(|a| a.summary.len() == 3), "{method}");
    }
    let lead = json(&["summarize", "seeds/000_2a113f0ff9a183fd.txt", "--method", "lead"]);
    let idx: Vec<_> = lead.articles[0].summary.iter().map(|s| s.index).collect();
    assert_eq!(idx, [0, 1, 2]);
}

#[test]
fn stdin_and_jsonl_inputs() {
    let text = read(&seeds().join("002_6e57bbe5c9b056c1.txt"));
    let out = salient_with(&["summarize", "-", "--format", "json"], Some(text.as_bytes()), &[]);
    assert!(out.status.success());
    let r: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.articles[0].id, "stdin");
    assert_eq!(r.articles[0].summary.len(), 3);

    let dir = tempdir("jsonl");
    let path = dir.join("set.jsonl");
    let line = serde_json::json!({"id": "talks", "documents": [
        read(&seeds().join("000_2a113f0ff9a183fd.txt")),
        read(&seeds().join("004_7d61056f019242aa.txt")),
    ]});
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let r = json(&["summarize", path.to_str().unwrap()]);
    assert_eq!(r.articles.len(), 2);
    let corpora = &r.corpora;
    assert_eq!(corpora.len(), 1);
    assert_eq!(corpora[0].id.as_deref(), Some("talks"));
    assert!(corpora[0].summary.iter().all(|s| s.article.starts_with("talks#")));
}

#[test]
fn text_and_markdown_formats_show_titles() {
    let text = ok(&["summarize", "seeds/000_2a113f0ff9a183fd.txt"]);
    assert!(text.starts_with(
        "Ukraine and Russia Engage in New Round of Peace Talks in Abu Dhabi (2026-02-04)"
    ));
    let md = ok(&["summarize", "seeds/000_2a113f0ff9a183fd.txt", "--format", "markdown"]);
    assert!(md.starts_with("## Ukraine and Russia Engage"));
}

/// Issue 13: an article without a title (seed 004's header line is a photo
/// caption, 002's a standfirst) is headed by the opening words of its lead
/// sentence, not its id; JSON keeps `title` null.
#[test]
fn untitled_articles_are_headed_by_their_lead() {
    for (seed, lead) in [
        ("004_7d61056f019242aa", "Ukraine and Russia started a second day of US-brokered talks…"),
        ("002_6e57bbe5c9b056c1", "Ukrainian and Russian negotiators are set to join for a…"),
    ] {
        let path = format!("seeds/{seed}.txt");
        let text = ok(&["summarize", &path]);
        let first = text.lines().next().unwrap();
        assert!(first.starts_with(&format!("{lead} (2026-02-0")), "{text}");
        // The id is still shown, on the line below, as for a titled article.
        assert!(text.lines().nth(1).unwrap().starts_with(&format!("[{seed}]")), "{text}");
        let md = ok(&["summarize", &path, "--format", "markdown"]);
        assert!(md.starts_with(&format!("## {lead}")), "{md}");
        let html = ok(&["summarize", &path, "--format", "html"]);
        assert!(html.contains(&format!(">{lead}</h2>")), "{seed}");
        assert_eq!(json(&["summarize", &path]).articles[0].title, None);
    }
    // The seed the lead comes from: the body's first sentence.
    let body = read(&seeds().join("004_7d61056f019242aa.txt"));
    assert!(
        body.contains(
            "\n\nUkraine and Russia started a second day of US-brokered talks in Abu Dhabi"
        )
    );
}

/// A wire dateline is no part of the first sentence, and the reports still
/// show it where it was written.
#[test]
fn a_dateline_is_set_aside_from_the_first_sentence() {
    let path = "seeds/000_2a113f0ff9a183fd.txt";
    let r = json(&["summarize", path, "--sentences", "1", "--method", "lead"]);
    let a = &r.articles[0];
    assert_eq!(a.set_aside.get("dateline"), Some(&1));
    assert!(a.summary[0].text.starts_with("Ukrainian and Russian negotiators began"));
    let text = read(&seeds().join("000_2a113f0ff9a183fd.txt"));
    assert_eq!(&text[a.summary[0].start..a.summary[0].start + 10], "Ukrainian ");
    let html = ok(&["summarize", path, "--format", "html"]);
    assert!(
        html.contains("<p><span class=\"dateline\">KYIV, Feb 4 (Reuters) -</span> <"),
        "{html}"
    );
    let extracted = ok(&["extract", path]);
    assert!(extracted.contains("\nKYIV, Feb 4 (Reuters) - Ukrainian and Russian"), "{extracted}");
}

#[test]
fn budget_aware_methods_fill_a_word_budget_and_ignore_mmr() {
    // Issue 10: concepts and submodular choose the corpus summary under the budget.
    for method in ["concepts", "submodular"] {
        let args =
            ["summarize", "seeds/", "--scope", "corpus", "--words", "100", "--method", method];
        let r = json(&args);
        let c = &r.corpora[0];
        assert_eq!(c.method, method);
        let words: usize = c.summary.iter().map(|s| s.text.split_whitespace().count()).sum();
        assert!((60..=100).contains(&words), "{method}: {words} words");
        // The method's objective handles redundancy: MMR does not reorder its choice.
        let diverse = json(&[&args[..], &["--diversity", "0.9"]].concat());
        let texts = |c: &Corpus| c.summary.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&diverse.corpora[0]), texts(c), "{method}");
    }
}

/// A quotation of several sentences is one candidate, so that no summary
/// sentence begins or ends inside it, but it is ranked as the sentences it
/// joins: its score is the mean of theirs, not the higher score its length
/// alone would give it. Without its double quotes the same article is cut
/// into exactly those sentences, with the same words.
#[test]
fn a_joined_quotation_scores_the_mean_of_its_sentences() {
    use salient::ingest::Article;
    use salient::rank::Method;
    use salient::summarize::{Config, Summarizer};

    let text = std::fs::read_to_string("tests/data/bbc-sport-425.txt").expect("test article");
    let unquoted = text.replace('"', "");
    for method in [Method::Tfidf, Method::Textrank, Method::Lexrank, Method::Luhn] {
        let summarizer = Summarizer::new(Config::default().with_method(method)).expect("config");
        let quoted = [Article::from_text("quoted", text.as_str())];
        let plain = [Article::from_text("plain", unquoted.as_str())];
        let quoted = summarizer.rank(summarizer.candidates(&quoted));
        let plain = summarizer.rank(summarizer.candidates(&plain));
        let mut sentences = plain.scores().iter();
        let mut joined = 0;
        for (unit, &score) in quoted.candidates().texts.iter().zip(quoted.scores()) {
            let parts = salient::segment::parts(unit).len();
            joined += usize::from(parts > 1);
            let mean = sentences.by_ref().take(parts).sum::<f64>() / parts as f64;
            assert!((score - mean).abs() < 1e-9, "{method:?}: {unit}: {score} against {mean}");
        }
        assert_eq!(sentences.next(), None, "{method:?}: sentences left over");
        assert!(joined >= 3, "{method:?}: only {joined} joined quotations");
    }
}

//! The `--format html` report: one self-contained page with every article's
//! text, its summary sentences marked where they sit, how the ranker scored
//! each sentence, and the corpus summary linking back to its sources.
//!
//! Nothing is loaded from anywhere: the style is inline and there is no
//! script, so the page opens offline and prints as it shows.

use std::collections::HashMap;
use std::fmt::Write as _;

use salient::ingest::{Article, BlockKind, SetAside, Skipped};
use salient::summarize::{ArticleSummary, CorpusSummary};

/// A candidate sentence's span in its article's text and its score.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// Byte offset in the article's text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The ranker's score.
    pub score: f64,
}

/// The page, built as articles come and written whole at the end.
#[derive(Default)]
pub struct HtmlReport {
    /// Rendered article sections, in input order.
    sections: String,
    /// Article id → its number in the page (first one wins), for the corpus links.
    anchors: HashMap<String, usize>,
    /// One entry per article for the table of contents: (number, heading).
    toc: Vec<(usize, String)>,
}

impl HtmlReport {
    /// Renders one article: `summary` of `article`, whose candidate sentences are `scored`.
    pub fn article(&mut self, summary: &ArticleSummary, article: &Article, scored: &[Scored]) {
        let k = self.toc.len();
        self.anchors.entry(summary.id.clone()).or_insert(k);
        let title = summary.heading().to_owned();
        self.toc.push((k, title.clone()));
        let s = &mut self.sections;
        let max = scored.iter().map(|c| c.score).fold(0.0_f64, f64::max);
        let rel = |score: f64| if max > 0.0 { (score / max).clamp(0.0, 1.0) } else { 0.0 };
        let chosen: HashMap<usize, (usize, f64)> =
            summary.summary.iter().map(|e| (e.index, (e.rank, e.score))).collect();

        let _ = write!(s, "<article id=\"a{k}\" aria-labelledby=\"a{k}-h\">\n<header>\n");
        let _ = writeln!(s, "<h2 id=\"a{k}-h\">{}</h2>", esc(&title));
        s.push_str("<p class=\"meta\">");
        if let Some(d) = &summary.date {
            let _ = write!(s, "<time datetime=\"{0}\">{0}</time> · ", esc(d));
        }
        match (&summary.url, &summary.path) {
            // The article's address is shown as text and linked, never fetched.
            (Some(url), _) => {
                let _ =
                    write!(s, "<a class=\"src\" href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(url));
            }
            (None, Some(p)) => {
                let _ = write!(s, "<code>{}</code>", esc(p));
            }
            (None, None) => {
                let _ = write!(s, "<code>{}</code>", esc(&summary.id));
            }
        }
        let _ = write!(
            s,
            " · {} · {} in the summary</p>\n</header>\n",
            super::output::count(summary.sentence_count, "sentence"),
            summary.summary.len()
        );

        // The strip: one bar per candidate sentence, its width the score.
        if !scored.is_empty() {
            let _ = write!(
                s,
                "<nav class=\"strip\" aria-label=\"Sentence scores of {}\">\n<ol>\n",
                esc(&title)
            );
            for (i, c) in scored.iter().enumerate() {
                let pick = chosen.get(&i);
                let _ = writeln!(
                    s,
                    "<li{}><a href=\"#a{k}-s{i}\" title=\"sentence {} · score {:.4}{}\"><span style=\"width:{:.1}%\"></span></a></li>",
                    if pick.is_some() { " class=\"pick\"" } else { "" },
                    i + 1,
                    c.score,
                    pick.map(|(r, _)| format!(" · summary #{r}")).unwrap_or_default(),
                    100.0 * rel(c.score).max(0.02),
                );
            }
            s.push_str("</ol>\n</nav>\n");
        }

        // The text: paragraphs and headings in order, each candidate sentence addressable.
        s.push_str("<div class=\"text\">\n");
        let text = &article.text;
        let mut next = 0;
        // A dateline opens the paragraph after it, as it was written.
        let mut dateline = None;
        for block in &article.blocks {
            let Some(body) = text.get(block.start..block.end) else { continue };
            if block.kind == BlockKind::Heading {
                let _ = writeln!(s, "<h3>{}</h3>", esc(body));
                continue;
            }
            if block.kind == BlockKind::Dateline {
                dateline = Some(body);
                continue;
            }
            s.push_str("<p>");
            if let Some(d) = dateline.take() {
                let _ = write!(s, "<span class=\"dateline\">{}</span> ", esc(d));
            }
            let mut at = block.start;
            while next < scored.len() && scored[next].start < block.end {
                let c = scored[next];
                if c.start >= at {
                    s.push_str(&esc(&text[at..c.start]));
                    let sentence = esc(&text[c.start..c.end]);
                    let shade = format!("{:.2}", rel(c.score));
                    match chosen.get(&next) {
                        Some((rank, score)) => {
                            let _ = write!(
                                s,
                                "<mark id=\"a{k}-s{next}\" data-rank=\"{rank}\" data-score=\"{score:.4}\" title=\"summary #{rank} · score {score:.4}\" style=\"--w:{shade}\">{sentence}</mark>"
                            );
                        }
                        None => {
                            let _ = write!(
                                s,
                                "<span class=\"s\" id=\"a{k}-s{next}\" title=\"score {:.4}\" style=\"--w:{shade}\">{sentence}</span>",
                                c.score
                            );
                        }
                    }
                    at = c.end;
                }
                next += 1;
            }
            if at < block.end {
                s.push_str(&esc(&text[at..block.end]));
            }
            s.push_str("</p>\n");
        }
        s.push_str("</div>\n");
        set_aside(s, &summary.set_aside);
        s.push_str("</article>\n");
    }

    /// Writes the whole page: corpus summaries first, then the articles and what was skipped.
    pub fn write(
        &self,
        out: &mut impl std::io::Write,
        corpora: &[CorpusSummary],
        skipped: &[Skipped],
    ) -> std::io::Result<()> {
        let mut s = String::new();
        s.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Summary report</title>\n<style>\n",
        );
        s.push_str(STYLE);
        s.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the articles</a>\n");
        let _ = write!(
            s,
            "<header class=\"top\">\n<h1>Summary report</h1>\n<p class=\"meta\">{} · highlighted sentences are the summary; hover or focus one for its score</p>\n</header>\n",
            super::output::count(self.toc.len(), "article")
        );
        for (n, c) in corpora.iter().enumerate() {
            let name = c.id.as_deref().map(|id| format!(": {}", esc(id))).unwrap_or_default();
            let _ = write!(
                s,
                "<section class=\"corpus\" aria-labelledby=\"c{n}-h\">\n<h2 id=\"c{n}-h\">Corpus summary{name}</h2>\n<p class=\"meta\">{}, {}</p>\n<ol>\n",
                super::output::count(c.article_count, "article"),
                super::output::count(c.sentence_count, "sentence")
            );
            for e in &c.summary {
                let _ = write!(
                    s,
                    "<li title=\"score {:.4}\">{}{}<br><span class=\"from\">",
                    e.extract.score,
                    esc(&e.extract.text),
                    if e.extract.truncated { " …" } else { "" }
                );
                s.push_str(&self.source_link(&e.article, e.extract.index));
                for o in &e.also_in {
                    s.push_str(", also ");
                    s.push_str(&self.source_link(&o.article, o.index));
                }
                s.push_str("</span></li>\n");
            }
            s.push_str("</ol>\n</section>\n");
        }
        if self.toc.len() > 1 {
            s.push_str("<nav class=\"toc\" aria-label=\"Articles\">\n<h2>Articles</h2>\n<ol>\n");
            for (k, title) in &self.toc {
                let _ = writeln!(s, "<li><a href=\"#a{k}\">{}</a></li>", esc(title));
            }
            s.push_str("</ol>\n</nav>\n");
        }
        s.push_str("<main id=\"main\">\n");
        out.write_all(s.as_bytes())?;
        out.write_all(self.sections.as_bytes())?;
        let mut s = String::from("</main>\n");
        if !skipped.is_empty() {
            let _ = write!(
                s,
                "<footer>\n<details>\n<summary>{} not read</summary>\n<ul>\n",
                super::output::count(skipped.len(), "input")
            );
            for k in skipped {
                let line = k.line.map(|l| format!(" line {l}")).unwrap_or_default();
                let _ =
                    writeln!(s, "<li><code>{}{line}</code>: {}</li>", esc(&k.input), esc(&k.error));
            }
            s.push_str("</ul>\n</details>\n</footer>\n");
        }
        s.push_str("</body>\n</html>\n");
        out.write_all(s.as_bytes())
    }

    /// A link to sentence `index` of article `id`, or its name alone when the page lacks that article.
    fn source_link(&self, id: &str, index: usize) -> String {
        match self.anchors.get(id) {
            Some(k) => format!(
                "<a href=\"#a{k}-s{index}\">{} · sentence {}</a>",
                esc(&self.toc[*k].1),
                index + 1
            ),
            None => format!("{} · sentence {}", esc(id), index + 1),
        }
    }
}

/// The collapsed list of lines kept out of the candidates, by reason.
fn set_aside(s: &mut String, set_aside: &SetAside) {
    let total = set_aside.total();
    if total == 0 {
        return;
    }
    let _ = write!(
        s,
        "<details class=\"aside\">\n<summary>{} set aside</summary>\n<ul>\n",
        super::output::count(total, "line")
    );
    for (reason, n) in &set_aside.0 {
        let name = serde_json::to_string(reason).unwrap_or_default();
        let _ = writeln!(s, "<li>{}: {n}</li>", esc(name.trim_matches('"')).replace('_', " "));
    }
    s.push_str("</ul>\n</details>\n");
}

/// `text` safe in HTML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const STYLE: &str = r#":root{--ink:#1a1a1a;--muted:#555;--bg:#fff;--line:#d0d0d0;--mark:#ffe27a;--bar:#1f5fa8;--focus:#b3001b}
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:1rem;font:1.0625rem/1.6 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
h1,h2,h3,.meta,.strip,nav,summary,.from{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;line-height:1.3;margin:0 0 .25rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.meta{color:var(--muted);font-size:.85rem;margin:0 0 .75rem;overflow-wrap:anywhere}
a{color:#0b4f9c}
a:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem .6rem}
article,.corpus,.toc{border-top:2px solid var(--ink);padding-top:1rem;margin-top:2rem}
.corpus ol{padding-left:1.4rem}
.corpus li{margin-bottom:.7rem}
.from{display:block;font-size:.8rem;color:var(--muted)}
.dateline{color:var(--muted);font-variant:small-caps}
mark{background:var(--mark);color:var(--ink);padding:0 .1em;border-bottom:2px solid #b8860b}
mark:target,.s:target{outline:3px solid var(--focus)}
mark[data-rank]::before{content:attr(data-rank);font:700 .65rem system-ui,sans-serif;vertical-align:super;margin-right:.15em;color:#6b4e00}
.strip ol{list-style:none;margin:0 0 1rem;padding:.25rem 0;display:flex;flex-direction:column;gap:1px;border-left:1px solid var(--line)}
.strip li a{display:block;height:5px;text-decoration:none}
.strip li a span{display:block;height:100%;background:var(--bar);opacity:.45}
.strip li.pick a span{background:#b8860b;opacity:1}
.strip li a:focus-visible{outline-offset:0}
.aside{font-size:.85rem;color:var(--muted);margin:1rem 0}
code{font-size:.85em;overflow-wrap:anywhere}
@media (min-width:64rem){body{max-width:60rem}article{display:grid;grid-template-columns:9rem 1fr;column-gap:1.5rem}article>header,article>.aside{grid-column:1/-1}.strip ol{position:sticky;top:1rem}}
@media print{body{max-width:none;font-size:11pt}.skip,.strip,.toc{display:none}article{display:block;break-before:page}mark{background:none;border-bottom:2px solid #000;font-weight:600}a{color:inherit}a.src::after{content:""}details>*{display:block}}
"#;

//! HTML pages: the article's own text and its metadata.
//!
//! The main content is found by the `trafilatura` crate (a port of Python's
//! trafilatura), run with its readability fallback and its precision focus:
//! that pair scored best on the article-extraction benchmark's development
//! pages (see docs/quality.md, "HTML extraction"). Its cleaned HTML is then
//! walked here into paragraphs and headings, so the summarizer keeps the
//! page's structure; captions (`<figure>`, `<figcaption>`) never reach the
//! body. Two kinds of block that the extractor lets through are then set
//! aside: a heading that repeats the headline, which is metadata, and the
//! boilerplate lines that plain text is cleaned of (share bars, cookie notices,
//! teasers, ...; see `ingest/filter.rs`). Both raise the benchmark's F1; setting
//! aside repeated blocks, as plain text does, lowers it (tables and recipes
//! repeat short lines on purpose), so repeats are kept.
//!
//! Metadata is read from the page itself, the first source that has a value
//! winning. JSON-LD means the first object whose `@type` is an article
//! (`NewsArticle`, `Article`, `BlogPosting`, ...), `@graph`s included.
//!
//! - title: `og:title` or `twitter:title`, JSON-LD `headline`, `<meta
//!   name=title>`, `<title>` up to a `" | "`, the first `<h1>`; a trailing
//!   `" – Site"` naming the site is dropped;
//! - date: `article:published_time`, JSON-LD `datePublished`, `<meta
//!   name=date>` and its kin (`pubdate`, `dc.date`, ...), the first `<time
//!   datetime>`, a `/2019/11/20/` date in `og:url` or the canonical link;
//!   only a valid calendar date counts;
//! - author: JSON-LD `author` (every name, comma-separated), `<meta
//!   name=author>` and its kin, `article:author`; a leading "By" is dropped;
//! - site: `og:site_name` or `application-name`, JSON-LD `publisher`.
//!
//! Values that are URLs (profile links where a name belongs) are skipped. The
//! extractor's own title, author and site come last; its date is not used,
//! since without a better source it turns a footer's copyright year into
//! January 1st.

use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use super::{Article, Block, BlockKind, Reason, SetAside, filter, meta};

/// What [`extract`] finds in an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The headline (`og:title`, JSON-LD `headline`, `<title>` or `<h1>`).
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD` publication date, validated.
    pub date: Option<String>,
    /// The author or authors, comma-separated.
    pub author: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD `publisher`).
    pub site: Option<String>,
    /// The page's absolute address (`<link rel="canonical">`, `og:url`).
    pub url: Option<String>,
    /// Paragraphs and headings in document order, separated by blank lines.
    pub body: String,
    /// Byte ranges of [`Extracted::body`] holding each paragraph or heading.
    pub blocks: Vec<Block>,
    /// Blocks of the extracted content left out of the body, by reason.
    pub set_aside: SetAside,
}

/// Extracts the article text and metadata of an HTML page.
///
/// With `keep_all`, every block the extractor returns is kept: no headline or
/// boilerplate filtering. A page with no recognizable article gives an empty
/// body.
pub fn extract(html: &str, keep_all: bool) -> Extracted {
    let page = Document::parse(html);
    let metadata = PageMeta::read(&page);
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    let (content, found) = match trafilatura::extract_document(page, &options) {
        Ok(result) => (result.content_html, Some(result.metadata)),
        Err(_) => (String::new(), None),
    };
    let found = found.unwrap_or_default();
    let title = metadata.title.or_else(|| clean_value(&found.title));
    let date = metadata.date;
    let url = metadata.url;
    let author = metadata.author.or_else(|| clean_value(&found.author)).and_then(|a| byline(&a));
    let site = metadata.site.or_else(|| clean_value(&found.sitename));
    let title = title.map(|t| without_site(t, site.as_deref()));

    let mut set_aside = SetAside::default();
    let headline = title.as_deref().map(comparable);
    let mut body = String::new();
    let mut blocks = Vec::new();
    for (kind, text) in content_blocks(&content) {
        if !keep_all {
            let reason = if kind == BlockKind::Heading && headline == Some(comparable(&text)) {
                Some(Reason::Title)
            } else {
                filter::boilerplate(&text)
            };
            if let Some(reason) = reason {
                set_aside.add(reason);
                continue;
            }
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&text);
        blocks.push(Block { start, end: body.len(), kind });
    }
    Extracted { title, date, author, site, url, body, blocks, set_aside }
}

/// Builds an [`Article`] from an HTML page: its text is the extracted body,
/// so block and sentence offsets index that body, not the HTML.
pub fn article_from_html(id: String, path: Option<String>, html: &str, keep_all: bool) -> Article {
    let Extracted { title, date, author, site, url, body, mut blocks, mut set_aside } =
        extract(html, keep_all);
    // The page's text keeps its dateline (`salient extract` prints it); its
    // sentences start after it, as a text article's do.
    if !keep_all {
        super::clean::skip_dateline(&body, &mut blocks, &mut set_aside);
    }
    Article { id, path, url, text: body, title, date, author, site, blocks, set_aside }
}

/// Whether `text` is an HTML document: it starts, after a byte order mark and
/// whitespace, with `<!doctype html` or an `<html` tag (ASCII case ignored).
pub fn is_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = head.chars().take(24).collect::<String>().to_ascii_lowercase();
    if let Some(rest) = head.strip_prefix("<!doctype") {
        return rest.trim_start().starts_with("html");
    }
    head.strip_prefix("<html").is_some_and(|rest| {
        rest.is_empty() || rest.starts_with(|c: char| c == '>' || c.is_whitespace())
    })
}

/// Metadata read from the page's own tags.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    site: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    url: Option<String>,
}

impl PageMeta {
    fn read(page: &Document) -> PageMeta {
        let tags = MetaTags::read(page);
        let ld = JsonLd::read(page);
        let first_text = |selector: &str| {
            page.query_selector(page.root(), selector)
                .map(|id| collapse(&page.text_content(id)))
                .filter(|s| !s.is_empty())
        };
        let og_url = tags.get(&["og:url"]);
        let canonical = page
            .query_selector(page.root(), "link[rel=canonical]")
            .and_then(|id| page.get_attribute(id, "href"));
        // The page's own address: the canonical link, else og:url, absolute
        // only: a relative one says nothing outside the site (its path may
        // still carry the date, below).
        let url = [&canonical, &og_url]
            .into_iter()
            .filter_map(|u| u.as_deref().map(str::trim))
            .find(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_string);
        let title = tags
            .name(&["og:title", "twitter:title"])
            .or_else(|| ld.as_ref().and_then(|ld| ld.text("headline")))
            .or_else(|| tags.name(&["title", "dc.title", "headline"]))
            // A document title often ends in the site's name: "Story | Site".
            .or_else(|| first_text("title").and_then(|t| clean_value(t.split(" | ").next()?)))
            .or_else(|| first_text("h1"));
        let date = tags
            .dates(&["article:published_time", "og:published_time"])
            .or_else(|| {
                ld.as_ref().and_then(|ld| ld.text("datePublished")).and_then(|d| parse_date(&d))
            })
            .or_else(|| {
                tags.dates(&[
                    "date",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publication_date",
                    "parsely-pub-date",
                    "sailthru.date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "article.published",
                    "datepublished",
                ])
            })
            .or_else(|| {
                page.query_selector_all(page.root(), "time[datetime]").into_iter().find_map(|id| {
                    page.get_attribute(id, "datetime").as_deref().and_then(parse_date)
                })
            })
            .or_else(|| og_url.as_deref().or(canonical.as_deref()).and_then(meta::date_from_url));
        let author = ld
            .as_ref()
            .and_then(JsonLd::authors)
            .or_else(|| tags.name(&["author", "dc.creator", "parsely-author", "sailthru.author"]))
            .or_else(|| tags.name(&["article:author"]));
        let site = tags
            .name(&["og:site_name", "application-name"])
            .or_else(|| ld.as_ref().and_then(JsonLd::publisher));
        PageMeta { title, date, author, site, url }
    }
}

/// `<meta>` tags as (lower-cased `property` or `name`, content) pairs, in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(page: &Document) -> MetaTags {
        let pairs = page
            .query_selector_all(page.root(), "meta[content]")
            .into_iter()
            .filter_map(|id| {
                let key = page
                    .get_attribute(id, "property")
                    .or_else(|| page.get_attribute(id, "name"))
                    .or_else(|| page.get_attribute(id, "itemprop"))?;
                let content = collapse(&page.get_attribute(id, "content")?);
                (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), content))
            })
            .collect();
        MetaTags(pairs)
    }

    /// The first tag's content whose key is one of `keys`, trying keys in order.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    }

    /// Like [`MetaTags::get`], skipping URLs: a name, not a link to a profile.
    fn name(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0.iter().filter(|(key, _)| key == k).find_map(|(_, v)| clean_value(v))
        })
    }

    /// The first valid date among the tags named `keys`, trying keys in order.
    fn dates(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0.iter().filter(|(key, _)| key == k).find_map(|(_, v)| parse_date(v))
        })
    }
}

/// The JSON-LD object describing the article: the first one, in page order,
/// whose `@type` names an article, a blog post or a report; a web page's
/// object as a last resort.
struct JsonLd(serde_json::Map<String, Value>);

impl JsonLd {
    fn read(page: &Document) -> Option<JsonLd> {
        let mut objects = Vec::new();
        for id in page.query_selector_all(page.root(), "script[type]") {
            let is_ld = page
                .get_attribute(id, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            if let Ok(value) = serde_json::from_str::<Value>(page.text_content(id).trim()) {
                flatten_ld(value, &mut objects, 0);
            }
        }
        let typed = |wanted: fn(&str) -> bool| {
            objects.iter().position(|o| types(o).iter().any(|t| wanted(t)))
        };
        let index = typed(|t| {
            t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
        })
        .or_else(|| typed(|t| t == "WebPage"))?;
        Some(JsonLd(objects.swap_remove(index)))
    }

    fn text(&self, key: &str) -> Option<String> {
        ld_name(self.0.get(key)?)
    }

    fn authors(&self) -> Option<String> {
        let names: Vec<String> = match self.0.get("author")? {
            Value::Array(items) => items.iter().filter_map(ld_name).collect(),
            one => ld_name(one).into_iter().collect(),
        };
        (!names.is_empty()).then(|| names.join(", "))
    }

    fn publisher(&self) -> Option<String> {
        match self.0.get("publisher")? {
            Value::Array(items) => items.iter().find_map(ld_name),
            one => ld_name(one),
        }
    }
}

/// How deep nested `@graph`s and arrays are followed.
const MAX_LD_DEPTH: usize = 8;

/// Collects the objects of a JSON-LD value: top-level arrays and `@graph`s are opened.
fn flatten_ld(value: Value, out: &mut Vec<serde_json::Map<String, Value>>, depth: usize) {
    if depth > MAX_LD_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten_ld(v, out, depth + 1)),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            out.push(object);
        }
        _ => {}
    }
}

fn types(object: &serde_json::Map<String, Value>) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A JSON-LD string, or the `name` of a JSON-LD object.
fn ld_name(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name")?.as_str()?,
        _ => return None,
    };
    clean_value(&decode_entities(text))
}

/// A metadata value with whitespace collapsed; `None` when empty or a URL
/// (pages put profile links where names belong).
fn clean_value(value: &str) -> Option<String> {
    let value = collapse(value);
    (!value.is_empty() && !value.contains("://")).then_some(value)
}

/// A title without a trailing " | Site", " - Site" or " – Site" naming `site`.
fn without_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title;
    };
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(separator))
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title
}

/// An author line without a leading "By".
fn byline(author: &str) -> Option<String> {
    let rest = author
        .strip_prefix("By ")
        .or_else(|| author.strip_prefix("by "))
        .or_else(|| author.strip_prefix("BY "))
        .unwrap_or(author);
    clean_value(rest)
}

/// Decodes the character references that JSON-LD blocks are often written
/// with, since their text is not parsed as HTML.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    const NAMED: [(&str, &str); 7] = [
        ("&amp;", "&"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&#039;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
    ];
    let mut out = s.to_string();
    for (from, to) in NAMED {
        out = out.replace(from, to);
    }
    out
}

/// A validated ISO date from a timestamp such as `2019-11-18T21:03:00Z`.
fn parse_date(value: &str) -> Option<String> {
    meta::iso_date_prefix(value.trim())
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block's text for comparisons: letters and digits only, lower-cased.
fn comparable(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Elements whose text is never article text.
const SKIPPED: [&str; 10] = [
    "figure",
    "figcaption",
    "caption",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "button",
    "iframe",
];

/// Elements that start and end a block of text.
const BLOCK_TAGS: [&str; 29] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "address",
];

/// Table cells: separated by a space within their row's block.
const CELL_TAGS: [&str; 2] = ["td", "th"];

/// How deep the walk follows nested elements.
const MAX_DEPTH: usize = 256;

/// The paragraphs and headings of the extractor's cleaned HTML, in order.
fn content_blocks(content: &str) -> Vec<(BlockKind, String)> {
    let mut walker = Walker { blocks: Vec::new(), text: String::new(), heading: false };
    if content.trim().is_empty() {
        return walker.blocks;
    }
    let doc = Document::parse(content);
    let root = doc.body().unwrap_or_else(|| doc.root());
    walker.walk(&doc, root, 0);
    walker.flush();
    walker.blocks
}

struct Walker {
    blocks: Vec<(BlockKind, String)>,
    /// Text of the block being built.
    text: String,
    /// Whether that block is a heading.
    heading: bool,
}

impl Walker {
    fn walk(&mut self, doc: &Document, id: NodeId, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in doc.child_nodes(id) {
            if doc.is_text(child) {
                self.text.push_str(&doc.text_content(child));
                continue;
            }
            if !doc.is_element(child) {
                continue;
            }
            let tag = doc.tag_name(child);
            if SKIPPED.contains(&tag) {
                continue;
            }
            if tag == "br" {
                self.flush();
            } else if BLOCK_TAGS.contains(&tag) {
                self.flush();
                let heading = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                self.heading = heading;
                self.walk(doc, child, depth + 1);
                self.flush();
            } else {
                if CELL_TAGS.contains(&tag) {
                    self.text.push(' ');
                }
                self.walk(doc, child, depth + 1);
                if CELL_TAGS.contains(&tag) {
                    self.text.push(' ');
                }
            }
        }
    }

    /// Ends the current block; blank blocks and blocks without a letter or digit are dropped.
    fn flush(&mut self) {
        let text = collapse(&self.text);
        self.text.clear();
        let heading = std::mem::take(&mut self.heading);
        if text.chars().any(char::is_alphanumeric) {
            let kind = if heading { BlockKind::Heading } else { BlockKind::Paragraph };
            self.blocks.push((kind, text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three paragraphs of running text: enough for the extractor to see an article.
    const STORY: &str = "<p>The city council voted on Tuesday to rebuild the old river bridge, \
        which has been closed to traffic since the spring floods damaged two of its piers.</p>\
        <p>Engineers told the council that the work would take about eighteen months and cost \
        less than building a new crossing further downstream, as some residents had proposed.</p>\
        <p>Shop owners near the bridge said the closure had cut their trade by half, and they \
        asked the council to open a temporary footbridge while the repairs go on.</p>";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    fn article(body: &str) -> String {
        format!(
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> \
             <a href='/sport'>Sport</a></nav></header>\
             <main><article>{body}</article></main>\
             <footer><p>Copyright 2019 The Valley Courier. All rights reserved.</p></footer>"
        )
    }

    /// Checks that blocks index the body in order, separated by blank lines.
    fn check_offsets(x: &Extracted) {
        let texts: Vec<&str> = x.blocks.iter().map(|b| &x.body[b.start..b.end]).collect();
        assert_eq!(texts.join("\n\n"), x.body);
        for b in &x.blocks {
            let text = &x.body[b.start..b.end];
            assert_eq!(text, text.trim());
            assert!(!text.contains("\n\n"), "{text:?}");
        }
    }

    #[test]
    fn meta_tags_give_title_date_author_and_site() {
        let head = "<title>Bridge to be rebuilt | News | The Valley Courier</title>\
            <meta property='og:title' content='Council votes to rebuild river bridge'>\
            <meta property='og:site_name' content='The Valley Courier'>\
            <meta property='article:published_time' content='2019-11-19T08:30:00-05:00'>\
            <meta name='author' content='By Jane Doe'>";
        let x = extract(&page(head, &article(STORY)), false);
        assert_eq!(x.title.as_deref(), Some("Council votes to rebuild river bridge"));
        assert_eq!(x.date.as_deref(), Some("2019-11-19"));
        assert_eq!(x.author.as_deref(), Some("Jane Doe"));
        assert_eq!(x.site.as_deref(), Some("The Valley Courier"));
        assert_eq!(x.blocks.len(), 3);
        assert!(x.body.starts_with("The city council voted on Tuesday"), "{}", x.body);
        assert!(!x.body.contains("Home") && !x.body.contains("Copyright"), "{}", x.body);
        check_offsets(&x);
    }

    #[test]
    fn json_ld_news_article_in_a_graph() {
        let ld = r#"<script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Wrong Site"},
              {"@type": ["NewsArticle"], "headline": "Bridge repairs approved &amp; funded",
               "datePublished": "2019-11-18T21:03:00Z",
               "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "Sam Roe"},
                          {"@type": "Person", "url": "https://example.com/staff/x"}],
               "publisher": {"@type": "Organization", "name": "Valley Courier"}}]}
            </script>
            <script type="application/ld+json">{not json</script>"#;
        let x = extract(&page(ld, &article(STORY)), false);
        assert_eq!(x.title.as_deref(), Some("Bridge repairs approved & funded"));
        assert_eq!(x.date.as_deref(), Some("2019-11-18"));
        assert_eq!(x.author.as_deref(), Some("Jane Doe, Sam Roe"));
        assert_eq!(x.site.as_deref(), Some("Valley Courier"));

        // A headline ending in the site's name loses it.
        let head = "<meta property='og:title' content='Bridge plan approved – Valley Courier'>\
            <meta property='og:site_name' content='Valley Courier'>";
        let x = extract(&page(head, &article(STORY)), false);
        assert_eq!(x.title.as_deref(), Some("Bridge plan approved"));
        assert_eq!(without_site("Valley Courier".into(), Some("Valley Courier")), "Valley Courier");
    }

    #[test]
    fn fallbacks_title_element_time_and_h1() {
        // No meta tags: <title> without its site suffix, and <time datetime>;
        // an invalid date in a meta tag is skipped.
        let head = "<title>Bridge to be rebuilt | The Valley Courier</title>\
            <meta name='date' content='2019-02-30'>";
        let body = format!("<time datetime='2019-11-20T10:00'>Nov. 20</time>{STORY}");
        let x = extract(&page(head, &article(&body)), false);
        assert_eq!(x.title.as_deref(), Some("Bridge to be rebuilt"));
        assert_eq!(x.date.as_deref(), Some("2019-11-20"));
        assert_eq!(x.author, None);

        // No <title> either: the page's <h1>, which is then not repeated in the body.
        let body = format!("<h1>Council backs bridge plan</h1>{STORY}");
        let x = extract(&page("", &article(&body)), false);
        assert_eq!(x.title.as_deref(), Some("Council backs bridge plan"));
        assert!(!x.body.contains("Council backs"), "{}", x.body);
        assert_eq!(x.set_aside.0.get(&Reason::Title), Some(&1));
        assert_eq!(x.date, None);

        // Last resort for the date: the page's URL; author links are not names.
        let head = "<link rel='canonical' href='https://example.com/news/2019/11/21/bridge'>\
            <meta property='article:author' content='https://example.com/staff/jane'>";
        let x = extract(&page(head, &article(STORY)), false);
        assert_eq!(x.date.as_deref(), Some("2019-11-21"));
        assert_eq!(x.author, None);
        assert_eq!(x.url.as_deref(), Some("https://example.com/news/2019/11/21/bridge"));

        // A relative address still dates the page, but is no url.
        let head = "<meta property='og:url' content='/news/2019/11/22/bridge'>";
        let x = extract(&page(head, &article(STORY)), false);
        assert_eq!(x.date.as_deref(), Some("2019-11-22"));
        assert_eq!(x.url, None);

        // A relative canonical link gives way to an absolute og:url.
        let head = "<link rel='canonical' href='/news/bridge'>\
                    <meta property='og:url' content='https://example.com/news/bridge'>";
        let x = extract(&page(head, &article(STORY)), false);
        assert_eq!(x.url.as_deref(), Some("https://example.com/news/bridge"));
    }

    #[test]
    fn captions_and_share_lines_are_dropped_and_headings_kept() {
        let body = format!(
            "<h1>Council votes to rebuild river bridge</h1>\
             <figure><img src='bridge.jpg'><figcaption>The bridge in May. Photograph: \
             Sam Roe/Valley Courier</figcaption></figure>{STORY}\
             <h2>What happens next</h2>\
             <p>The first contracts will be signed in January, and the council will publish \
             a timetable for the works on its website before the end of the year.</p>\
             <p>Share this article</p>"
        );
        let head = "<meta property='og:title' content='Council votes to rebuild river bridge'>";
        let x = extract(&page(head, &article(&body)), false);
        assert!(!x.body.contains("Photograph") && !x.body.contains("Share this"), "{}", x.body);
        let kinds: Vec<BlockKind> = x.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::{Heading, Paragraph};
        assert_eq!(kinds, [Paragraph, Paragraph, Paragraph, Heading, Paragraph]);
        let heading = x.blocks[3];
        assert_eq!(&x.body[heading.start..heading.end], "What happens next");
        assert_eq!(x.set_aside.0.get(&Reason::Title), Some(&1));
        check_offsets(&x);

        // keep_all keeps the headline heading and the share line.
        let all = extract(&page(head, &article(&body)), true);
        assert!(all.body.starts_with("Council votes"), "{}", all.body);
        assert!(all.body.contains("Share this article"), "{}", all.body);
        assert!(all.set_aside.0.is_empty());
        check_offsets(&all);
    }

    #[test]
    fn lists_tables_and_line_breaks_become_blocks() {
        let body = format!(
            "{STORY}<ul><li>Cost: 4.2 million dollars</li><li>Length: 120 metres</li></ul>\
             <table><tr><td>Pier</td><td>Damage</td></tr><tr><td>North</td><td>Severe</td></tr>\
             </table><p>First line of an address<br>Second line of it</p>"
        );
        let x = extract(&page("", &article(&body)), false);
        let texts: Vec<&str> = x.blocks.iter().map(|b| &x.body[b.start..b.end]).collect();
        for expected in [
            "Cost: 4.2 million dollars",
            "Length: 120 metres",
            "Pier Damage",
            "North Severe",
            "First line of an address",
            "Second line of it",
        ] {
            assert!(texts.contains(&expected), "{expected:?} not in {texts:?}");
        }
        check_offsets(&x);
    }

    #[test]
    fn articles_index_the_extracted_body() {
        let head = "<meta property='og:title' content='Bridge'>\
            <meta property='article:published_time' content='2019-11-19'>";
        let html = page(head, &article(STORY));
        let a = article_from_html("bridge".into(), Some("bridge.html".into()), &html, false);
        let x = extract(&html, false);
        assert_eq!(a.text, x.body);
        assert_eq!(a.blocks, x.blocks);
        assert_eq!((a.title.as_deref(), a.date.as_deref()), (Some("Bridge"), Some("2019-11-19")));
        assert_eq!(a.path.as_deref(), Some("bridge.html"));
    }

    #[test]
    fn pages_without_an_article_give_an_empty_body() {
        for html in ["", "<html></html>", "<!doctype html><p>", "<<<>>>&&&", "<html><body>\u{0}"] {
            let x = extract(html, false);
            assert!(x.body.is_empty() && x.blocks.is_empty(), "{html:?}: {x:?}");
        }
    }

    #[test]
    fn html_is_recognized_by_its_start() {
        for yes in [
            "<!DOCTYPE html><html>",
            "\u{feff}\n  <!doctype HTML>",
            "<html lang=\"en\">",
            "<HTML>",
            "<!DOCTYPE\nhtml PUBLIC",
        ] {
            assert!(is_html(yes), "{yes:?}");
        }
        for no in ["<p>Hi</p>", "<htmlx>", "Text about <html>", "<!doctype xml>", "", "<!--x-->"] {
            assert!(!is_html(no), "{no:?}");
        }
    }
}

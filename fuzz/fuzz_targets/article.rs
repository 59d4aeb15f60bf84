//! Reading and cleaning one file: arbitrary bytes never panic, a file that is
//! read keeps its bytes, and every line-ending convention gives the same article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use salient::ingest::{Article, ReadOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let keep_all = flags & 1 == 1;
    if let Ok(corpora) = common::read_file(bytes, "txt", keep_all) {
        assert_eq!(corpora.len(), 1);
        assert_eq!(corpora[0].articles.len(), 1);
        let a = &corpora[0].articles[0];
        assert_eq!(a.text.as_bytes(), bytes, "the text is the file's bytes");
        common::check_article(a);
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let lf = Article::from_text_with("f", text.clone(), &ReadOptions { keep_all, ..ReadOptions::default() });
    common::check_article(&lf);
    if !text.contains('\r') {
        // Same length, so the same byte ranges with `\r` for `\n`.
        let cr = Article::from_text_with("f", text.replace('\n', "\r"), &ReadOptions { keep_all, ..ReadOptions::default() });
        assert_eq!(
            (&cr.title, &cr.date, &cr.blocks, &cr.set_aside),
            (&lf.title, &lf.date, &lf.blocks, &lf.set_aside)
        );
    }
});

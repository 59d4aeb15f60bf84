//! Same input and options, byte-identical output, whatever the thread count.

use crate::util::*;

#[test]
fn output_is_identical_across_thread_counts() {
    for method in [
        "textrank", "lexrank", "pacsum", "tfidf", "centroid", "lead", "luhn", "sumbasic", "kl",
        "lsa", "random",
    ] {
        let args =
            ["summarize", "seeds/", "--format", "json", "--method", method, "--words", "120"];
        let one = salient_with(&args, None, &[("RAYON_NUM_THREADS", "1")]);
        let four = salient_with(&args, None, &[("RAYON_NUM_THREADS", "4")]);
        assert!(one.status.success() && four.status.success());
        assert_eq!(one.stdout, four.stdout, "{method}");
    }
}

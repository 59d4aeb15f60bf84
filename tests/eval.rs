//! `salient eval`: the command line reproduces official ROUGE-1.5.5 numbers,
//! and scores salient's own summaries.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::util::*;

#[derive(Debug, Deserialize)]
struct Row {
    system: String,
    id: String,
    #[serde(flatten)]
    metrics: BTreeMap<String, Prf>,
}

#[derive(Debug, Deserialize)]
struct Prf {
    recall: f64,
    precision: f64,
    f: f64,
}

/// Builds a dataset and a summaries file from the ROUGE-1.5.5 excerpt.
fn excerpt_files(dir: &std::path::Path) -> (String, String) {
    let excerpt = read(&root().join("tests/data/rouge155/excerpt.jsonl"));
    let (mut data, mut sums) = (String::new(), String::new());
    for line in excerpt.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let inst = serde_json::json!({"id": id, "documents": ["Unused. Only references count."],
            "references": v["references"]});
        data.push_str(&format!("{inst}\n"));
        for (system, summary) in v["summaries"].as_object().unwrap() {
            let s = serde_json::json!({"id": id, "system": system, "summary": summary});
            sums.push_str(&format!("{s}\n"));
        }
    }
    let (d, s) = (dir.join("dev.jsonl"), dir.join("systems.jsonl"));
    std::fs::write(&d, data).unwrap();
    std::fs::write(&s, sums).unwrap();
    (d.to_str().unwrap().to_owned(), s.to_str().unwrap().to_owned())
}

#[test]
fn per_instance_json_lines_reproduce_rouge155() {
    let dir = tempdir("eval-rouge155");
    let (data, sums) = excerpt_files(&dir);
    let out = ok(&[
        "eval",
        &data,
        "--summaries",
        &sums,
        "--words",
        "100",
        "--rouge-n",
        "4",
        "--per-instance",
        "--format",
        "json",
    ]);
    let rows: Vec<Row> = out.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let expected = read(&root().join("tests/data/rouge155/scores.tsv"));
    let mut checked = 0;
    // scores.tsv also holds CLASSY04 on clusters outside the excerpt; check the excerpt's.
    for line in expected.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if !["d30001t", "d30026t"].contains(&f[1]) {
            continue;
        }
        let metric = f[2].to_lowercase();
        let row = rows.iter().find(|r| r.system == f[0] && r.id == f[1]).expect("row");
        let got = &row.metrics[&metric];
        let got = [got.recall, got.precision, got.f].map(|x| format!("{x:.5}"));
        assert_eq!(got, [f[3], f[4], f[5]], "{line}");
        checked += 1;
    }
    assert_eq!(checked, 13 * 2 * 4);
}

#[test]
fn scores_salients_own_summaries_and_saves_them() {
    let dir = tempdir("eval-own");
    let data = dir.join("seeds.jsonl");
    let docs: Vec<String> = ["000_2a113f0ff9a183fd", "004_7d61056f019242aa"]
        .iter()
        .map(|s| read(&seeds().join(format!("{s}.txt"))))
        .collect();
    let reference = "Ukraine and Russia held a second round of US-brokered peace talks in Abu Dhabi. \
                     Russia demands that Ukraine withdraw from the Donetsk region.";
    let line = serde_json::json!({"id": "talks", "documents": docs, "references": [reference]});
    std::fs::write(&data, format!("{line}\n")).unwrap();
    let saved = dir.join("saved.jsonl");
    let out = ok(&[
        "eval",
        data.to_str().unwrap(),
        "--words",
        "50",
        "--format",
        "json",
        "--save-summaries",
        saved.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r1 = v["systems"][0]["rouge-1"]["recall"].as_f64().unwrap();
    assert!(r1 > 0.3 && r1 <= 1.0, "{v}");
    let saved: serde_json::Value = serde_json::from_str(read(&saved).trim()).unwrap();
    assert_eq!(saved["id"], "talks");
    assert_eq!(saved["system"], "salient-submodular", "the corpus default method");
    assert!(saved["summary"].as_str().unwrap().split_whitespace().count() <= 50);
}

/// Issue 12: eval refuses to score nothing, and says what it left out.
mod nothing_scored_silently {
    use super::*;

    const DOC: &str = "Ukraine and Russia held talks in Abu Dhabi. The talks were productive.";

    /// A dataset of `(id, references)` instances, and summaries of `(system, id)`.
    fn files(
        name: &str,
        instances: &[(&str, Option<&[&str]>)],
        summaries: &[(&str, &str)],
    ) -> (String, String) {
        let dir = tempdir(name);
        let mut data = String::new();
        for (id, references) in instances {
            let mut v = serde_json::json!({"id": id, "documents": [DOC]});
            if let Some(r) = references {
                v["references"] = serde_json::json!(r);
            }
            data.push_str(&format!("{v}\n"));
        }
        let mut sums = String::new();
        for (system, id) in summaries {
            let s =
                serde_json::json!({"id": id, "system": system, "summary": "Talks in Abu Dhabi."});
            sums.push_str(&format!("{s}\n"));
        }
        let (d, s) = (dir.join("data.jsonl"), dir.join("sums.jsonl"));
        std::fs::write(&d, data).unwrap();
        std::fs::write(&s, sums).unwrap();
        (d.to_str().unwrap().to_owned(), s.to_str().unwrap().to_owned())
    }

    const REF: Option<&[&str]> = Some(&["Russia and Ukraine talked in Abu Dhabi."]);

    #[test]
    fn a_dataset_without_references_is_an_error() {
        let (data, _) = files("eval-norefs", &[("a", None), ("b", Some(&[])), ("c", None)], &[]);
        let err = fails(&["eval", &data], None);
        assert!(err.contains("no instance has \"references\""), "{err}");
        assert!(err.contains("3 instances without: a, b, c"), "{err}");
        let err = fails(&["eval", &data, "--format", "json"], None);
        assert!(err.contains("a, b, c"), "{err}");
    }

    #[test]
    fn summaries_matching_no_instance_are_an_error() {
        let (data, sums) = files("eval-nomatch", &[("d1", REF), ("d2", REF)], &[("sys", "x1")]);
        let err = fails(&["eval", &data, "--summaries", &sums], None);
        assert!(err.contains("no summary of sys matches"), "{err}");
        assert!(err.contains("summary ids: x1; instance ids: d1, d2"), "{err}");
        // Matching only an instance that has no references scores nothing either.
        let (data, sums) = files("eval-nomatch2", &[("d1", None), ("d2", REF)], &[("s", "d1")]);
        let err = fails(&["eval", &data, "--summaries", &sums], None);
        assert!(err.contains("no summary of s matches"), "{err}");
        // One system that matches nothing fails the run even when another matches.
        let (data, sums) = files("eval-nomatch3", &[("d1", REF)], &[("good", "d1"), ("bad", "D1")]);
        let err = fails(&["eval", &data, "--summaries", &sums], None);
        assert!(err.contains("no summary of bad matches"), "{err}");
    }

    #[test]
    fn duplicate_summary_ids_are_an_error() {
        let (data, sums) = files(
            "eval-dups",
            &[("d1", REF), ("d2", REF)],
            &[("s", "d1"), ("s", "d2"), ("t", "d1"), ("s", "d1"), ("s", "d2")],
        );
        let err = fails(&["eval", &data, "--summaries", &sums], None);
        assert!(err.contains("s has more than one summary for id d1, d2"), "{err}");
    }

    #[test]
    fn skipped_and_missing_are_warned_on_stderr_and_counted_in_json() {
        let (data, sums) = files(
            "eval-partial",
            &[("d1", REF), ("d2", None), ("d3", REF), ("d4", REF)],
            &[("s", "d1"), ("s", "d3"), ("s", "zz")],
        );
        let out = salient(&["eval", &data, "--summaries", &sums, "--format", "json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        assert_eq!(
            v["instances"],
            serde_json::json!({"total": 4, "scored": 3, "skipped": {"no_references": 1}})
        );
        assert_eq!(v["systems"][0]["instances"], 3);
        assert_eq!(v["systems"][0]["missing_summaries"], 1);
        let err = String::from_utf8(out.stderr).unwrap();
        let warnings: Vec<&str> = err.lines().collect();
        assert_eq!(warnings.len(), 3, "{err}");
        assert!(warnings.iter().all(|w| w.starts_with("salient: warning: ")), "{err}");
        assert!(warnings[0].ends_with("1 instance without \"references\" skipped: d2"), "{err}");
        assert!(warnings[1].contains(": 1 summary of s for ids not in "), "{err}");
        assert!(warnings[1].ends_with(" ignored: zz"), "{err}");
        assert!(warnings[2].ends_with("s has no summary for 1 instance (scored as empty): d4"));

        let text = ok(&["eval", &data, "--summaries", &sums]);
        assert!(!text.contains("note") && !text.contains("warning"), "{text}");
        assert_eq!(text.lines().count(), 2, "header and one system: {text}");
        // The count column is named for what it holds.
        let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
        assert_eq!(header[..3], ["system", "instances", "scored"], "{text}");
        let row: Vec<&str> = text.lines().nth(1).unwrap().split_whitespace().collect();
        assert_eq!(row[..2], ["s", "3"], "{text}");
    }

    #[test]
    fn summaries_with_a_method_is_an_error() {
        let (data, sums) = files("eval-summaries-method", &[("d1", REF)], &[("s", "d1")]);
        let err = fails(&["eval", &data, "--summaries", &sums, "--method", "lexrank"], None);
        assert!(err.contains("--method lexrank cannot be used with it"), "{err}");
        assert!(err.contains(&format!("--summaries {sums}")), "{err}");
    }
}

/// Issue 13: a dataset of one document per instance is scored per article,
/// with the article defaults, unless `--scope` says otherwise.
#[test]
fn the_scope_follows_the_dataset_shape() {
    let dir = tempdir("eval-shape");
    let text = read(&seeds().join("000_2a113f0ff9a183fd.txt"));
    let other = read(&seeds().join("004_7d61056f019242aa.txt"));
    let write = |name: &str, docs: Vec<&str>| {
        let path = dir.join(name);
        let line = serde_json::json!({"id": "x", "documents": docs,
            "references": ["Ukrainian and Russian negotiators met in Abu Dhabi."]});
        std::fs::write(&path, format!("{line}\n")).expect("write");
        path.to_string_lossy().into_owned()
    };
    let single = write("single.jsonl", vec![&text]);
    let multi = write("multi.jsonl", vec![&text, &other]);
    assert!(ok(&["eval", &single]).contains("salient-textrank"));
    assert!(ok(&["eval", &multi]).contains("salient-submodular"));
    assert!(ok(&["eval", &single, "--scope", "corpus"]).contains("salient-submodular"));
}

/// Issue 13: `--method a,b,c` scores each method in one run, one row each in
/// the order given, with the same table and JSON shapes as one method; a
/// misspelt item gets a did-you-mean, and other subcommands take one method.
#[test]
fn several_methods_in_one_run() {
    let dir = tempdir("eval-methods");
    let data = dir.join("data.jsonl");
    let docs = ["000_2a113f0ff9a183fd", "004_7d61056f019242aa"]
        .map(|s| read(&seeds().join(format!("{s}.txt"))));
    let line = serde_json::json!({"id": "talks", "documents": docs,
        "references": ["Ukraine and Russia held a second round of US-brokered peace talks in Abu Dhabi."]});
    std::fs::write(&data, format!("{line}\n")).unwrap();
    let data = data.to_str().unwrap();
    let saved = dir.join("saved.jsonl");
    let out = ok(&[
        "eval",
        data,
        "--words",
        "50",
        "--method",
        "lead,tfidf,lead,lexrank",
        "--format",
        "json",
        "--save-summaries",
        saved.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let systems: Vec<&str> =
        v["systems"].as_array().unwrap().iter().map(|s| s["system"].as_str().unwrap()).collect();
    assert_eq!(systems, ["salient-lead", "salient-tfidf", "salient-lexrank"], "{v}");
    // Each row is what a run of that method alone gives.
    for (k, method) in ["lead", "tfidf", "lexrank"].iter().enumerate() {
        let alone: serde_json::Value = serde_json::from_str(&ok(&[
            "eval", data, "--words", "50", "--method", method, "--format", "json",
        ]))
        .unwrap();
        assert_eq!(alone["systems"][0], v["systems"][k], "{method}");
    }
    let saved: Vec<serde_json::Value> =
        read(&saved).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<&str> = saved.iter().map(|s| s["system"].as_str().unwrap()).collect();
    assert_eq!(names, ["salient-lead", "salient-tfidf", "salient-lexrank"]);

    let text = ok(&["eval", data, "--words", "50", "--method", "lead,tfidf"]);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert_eq!(rows[0][..5], ["system", "instances", "scored", "R1-R", "R1-P"], "{text}");
    assert_eq!(
        (rows[1][..2].to_vec(), rows[2][..2].to_vec()),
        (vec!["salient-lead", "1"], vec!["salient-tfidf", "1"])
    );
    // --per-instance: a column names the instance, "mean" on a system's mean row.
    let text = ok(&["eval", data, "--words", "50", "--method", "lead,tfidf", "--per-instance"]);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows[0][..4], ["system", "instance", "instances", "scored"], "{text}");
    let firsts: Vec<[&str; 3]> = rows[1..].iter().map(|r| [r[0], r[1], r[2]]).collect();
    assert_eq!(
        firsts,
        [
            ["salient-lead", "mean", "1"],
            ["salient-lead", "talks", "1"],
            ["salient-tfidf", "mean", "1"],
            ["salient-tfidf", "talks", "1"]
        ],
        "{text}"
    );

    let err = fails(&["eval", data, "--method", "lead,lexrnk"], None);
    assert!(err.contains("'lexrnk'") && err.contains("did you mean 'lexrank'"), "{err}");
    let err = fails(&["compare", data, "--method", "lead,lexrnk"], None);
    assert!(err.contains("did you mean 'lexrank'"), "{err}");
    let err = fails(&["summarize", data, "--method", "lead,tfidf"], None);
    assert!(err.contains("--method takes one method here"), "{err}");
}

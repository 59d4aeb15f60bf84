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
    assert_eq!(saved["system"], "salient-tfidf", "the corpus default method");
    assert!(saved["summary"].as_str().unwrap().split_whitespace().count() <= 50);
}

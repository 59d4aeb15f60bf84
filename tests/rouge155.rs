//! `salient::evaluate` reproduces the official ROUGE-1.5.5 on DUC 2004 Task 2, number for number.
//!
//! Always checks the small excerpt in `tests/data/rouge155/`. When the full DUC 2004 evaluation
//! folder is present (`$SALIENT_EVAL_DIR`, or `shared/eval` next to the repository), also checks
//! all 25 dev clusters × 13 systems × ROUGE-1..4 × recall/precision/F.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use salient::evaluate::{References, RougeConfig, RougeScores, bootstrap};
use serde_json::Value;

/// The SumRepo settings: `-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a`.
fn config() -> RougeConfig {
    RougeConfig {
        max_n: 4,
        stem: true,
        remove_stopwords: false,
        word_limit: Some(100),
        byte_limit: None,
        alpha: 0.5,
        unicode: false,
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rouge155").join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn jsonl(path: &Path) -> Vec<Value> {
    read(path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

fn string(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_else(|| panic!("missing string field {key}")).to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array"))
        .iter()
        .map(|s| s.as_str().unwrap_or_else(|| panic!("expected a string")).to_string())
        .collect()
}

/// Official per-instance scores: (system, cluster) → ROUGE-n → [R, P, F] as printed.
type Expected = BTreeMap<(String, String), BTreeMap<usize, [String; 3]>>;

fn expected_scores(path: &Path) -> Expected {
    let mut expected = Expected::new();
    for line in read(path).lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "bad line {line:?}");
        let n: usize = f[2].trim_start_matches("ROUGE-").parse().expect("metric ROUGE-n");
        expected
            .entry((f[0].to_string(), f[1].to_string()))
            .or_default()
            .insert(n, [f[3].to_string(), f[4].to_string(), f[5].to_string()]);
    }
    expected
}

/// Compares computed scores with the official ones; returns (matched, compared) numbers and
/// fails listing the first mismatches.
fn compare(computed: &BTreeMap<(String, String), RougeScores>, expected: &Expected) -> usize {
    let (mut matched, mut compared, mut errors) = (0, 0, Vec::new());
    for (key, by_n) in expected {
        let Some(scores) = computed.get(key) else {
            errors.push(format!("{key:?}: no summary"));
            continue;
        };
        for (&n, official) in by_n {
            let p = scores.rouge_n[n - 1];
            let ours = [p.recall, p.precision, p.f].map(|x| format!("{x:.5}"));
            for (o, e) in ours.iter().zip(official) {
                compared += 1;
                if o == e {
                    matched += 1;
                } else {
                    errors.push(format!("{key:?} ROUGE-{n}: ours {ours:?}, official {official:?}"));
                }
            }
        }
    }
    eprintln!("ROUGE-1.5.5 numbers reproduced: {matched}/{compared}");
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors[..errors.len().min(20)].join("\n")
    );
    compared
}

/// Checks [`bootstrap`] against the official `Average_*` lines for the systems present in
/// `per_instance`; returns how many numbers were compared.
fn compare_averages(per_instance: &BTreeMap<(String, String), RougeScores>, path: &Path) -> usize {
    let mut by_system: BTreeMap<&str, Vec<(&str, &RougeScores)>> = BTreeMap::new();
    for ((system, cluster), scores) in per_instance {
        by_system.entry(system).or_default().push((cluster, scores));
    }
    let mut compared = 0;
    for line in read(path).lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(instances) = by_system.get(f[0]) else {
            continue;
        };
        // ROUGE-1.5.5 resamples its instances in the order of their "cluster.system" ids.
        let mut instances = instances.clone();
        instances.sort_by(|a, b| a.0.cmp(b.0));
        let scores: Vec<RougeScores> = instances.iter().map(|(_, s)| (*s).clone()).collect();
        let b = bootstrap(&scores, 1000, 95.0);
        let n: usize = f[1].trim_start_matches("ROUGE-").parse().expect("metric ROUGE-n");
        let pick = |s: &RougeScores| {
            let p = s.rouge_n[n - 1];
            match f[2] {
                "R" => p.recall,
                "P" => p.precision,
                _ => p.f,
            }
        };
        let ours = [pick(&b.average), pick(&b.low), pick(&b.high)].map(|x| format!("{x:.5}"));
        assert_eq!(ours, [f[3], f[4], f[5]], "{line}");
        compared += 3;
    }
    compared
}

#[test]
fn excerpt_matches_rouge155() {
    let expected = expected_scores(&fixture("scores.tsv"));
    let mut computed = BTreeMap::new();
    for cluster in jsonl(&fixture("excerpt.jsonl")) {
        let id = string(&cluster, "id");
        let references = References::new(&config(), &strings(&cluster["references"]));
        let summaries = cluster["summaries"].as_object().expect("summaries object");
        for (system, summary) in summaries {
            let summary = summary.as_str().expect("summary string");
            computed.insert((system.clone(), id.clone()), references.score(summary));
        }
    }
    let excerpt: Expected = expected
        .iter()
        .filter(|(k, _)| computed.contains_key(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let compared = compare(&computed, &excerpt);
    assert_eq!(compared, 2 * 13 * 4 * 3);

    // The bootstrap averages of CLASSY04 over the 25 dev clusters, from its official scores.
    let classy04: BTreeMap<(String, String), RougeScores> = expected
        .iter()
        .filter(|((system, _), _)| system == "CLASSY04")
        .map(|(key, by_n)| {
            let rouge_n = (1..=4)
                .map(|n| {
                    let [r, p, f] = &by_n[&n];
                    let x = |s: &String| s.parse::<f64>().expect("score");
                    salient::evaluate::Prf { recall: x(r), precision: x(p), f: x(f) }
                })
                .collect();
            (key.clone(), RougeScores { rouge_n, ..Default::default() })
        })
        .collect();
    assert_eq!(classy04.len(), 25);
    assert_eq!(compare_averages(&classy04, &fixture("averages.tsv")), 4 * 3 * 3);
}

/// The full DUC 2004 dev folder, when this machine has it.
fn eval_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(dir) = std::env::var_os("SALIENT_EVAL_DIR") {
        let dir = PathBuf::from(dir);
        candidates.push(dir.join("duc2004"));
        candidates.push(dir);
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/duc2004"));
    candidates.push(PathBuf::from("/work/shared/eval/duc2004"));
    candidates.into_iter().find(|d| d.join("rouge155_dev.tsv").is_file())
}

#[test]
fn full_dev_set_matches_rouge155() {
    let Some(dir) = eval_dir() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/eval/duc2004 is missing (needed under CI=true)"
        );
        eprintln!("rouge155: DUC 2004 eval folder not found; checked the excerpt only");
        return;
    };
    eprintln!("rouge155: checking the full DUC 2004 dev set in {}", dir.display());
    let mut references = BTreeMap::new();
    for cluster in jsonl(&dir.join("dev.jsonl")) {
        let refs = References::new(&config(), &strings(&cluster["references"]));
        references.insert(string(&cluster, "id"), refs);
    }
    let mut computed = BTreeMap::new();
    for output in jsonl(&dir.join("sumrepo_system_outputs.jsonl")) {
        let id = string(&output, "id");
        let Some(refs) = references.get(&id) else {
            continue;
        };
        computed.insert((string(&output, "system"), id), refs.score(&string(&output, "summary")));
    }
    let expected = expected_scores(&dir.join("rouge155_dev.tsv"));
    let compared = compare(&computed, &expected);
    assert_eq!(compared, 25 * 13 * 4 * 3);
    let averages = compare_averages(&computed, &fixture("averages.tsv"));
    eprintln!(
        "rouge155: system averages and confidence intervals reproduced: {averages}/{averages}"
    );
    assert_eq!(averages, 13 * 4 * 3 * 3);
}

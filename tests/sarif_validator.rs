//! SARIF output checked by Microsoft's SARIF validator (`sarif-multitool validate`, the
//! npm package `@microsoft/sarif-multitool`, which CI installs under
//! `target/sarif-validator`): the corpus, standard input with the built-in rulebook,
//! and files whose names hold spaces, `%`, `[` and letters beyond ASCII.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{factlint, write};

fn validator() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let installed = root.join("target/sarif-validator/node_modules/.bin/sarif-multitool");
    if installed.is_file() {
        return Some(installed);
    }
    assert!(
        std::env::var_os("FACTLINT_NEED_SARIF_VALIDATOR").is_none(),
        "FACTLINT_NEED_SARIF_VALIDATOR is set and {} is not installed",
        installed.display()
    );
    eprintln!("the SARIF validator is not installed; SARIF is not validated");
    None
}

/// The validator's errors and warnings for one SARIF log.
fn problems(validator: &Path, dir: &Path, sarif: &str) -> Vec<String> {
    let log = dir.join("out.sarif");
    let report = dir.join("validation.sarif");
    std::fs::write(&log, sarif).unwrap();
    let _ = std::fs::remove_file(&report);
    let status = Command::new(validator)
        .arg("validate")
        .arg(&log)
        .arg("--output")
        .arg(&report)
        .output()
        .expect("the validator runs");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap_or_else(|_| {
            panic!(
                "no validation report: {}",
                String::from_utf8_lossy(&status.stdout)
            )
        }))
        .unwrap();
    report["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] != "note")
        .map(|r| format!("{} {}", r["ruleId"], r["message"]))
        .collect()
}

#[test]
fn sarif_passes_the_validator() {
    let Some(validator) = validator() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().unwrap();
    // The corpus.
    let run = factlint(
        root,
        &["check", "corpus", "--rules", "rules", "--format", "sarif"],
        None,
    );
    assert_eq!(
        problems(&validator, scratch.path(), &run.stdout),
        Vec::<String>::new()
    );
    // Standard input, checked against the built-in rulebook.
    let article = std::fs::read(root.join("corpus/frontier-pakistan-reaction.md")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let run = factlint(
        empty.path(),
        &["check", "--format", "sarif", "-"],
        Some(&article),
    );
    assert!(run.stdout.contains("factlint:stdin"), "{}", run.stdout);
    assert_eq!(
        problems(&validator, scratch.path(), &run.stdout),
        Vec::<String>::new()
    );
    // Names with spaces, `%`, `[` and other letters.
    let odd = tempfile::tempdir().unwrap();
    write(odd.path(), "new desk/a b%[1] é.md", &article);
    let rules = root.join("rules");
    let rules = rules.to_str().unwrap();
    let run = factlint(
        odd.path(),
        &["check", "--rules", rules, "--format", "sarif", "."],
        None,
    );
    assert!(
        run.stdout
            .contains("new%20desk/a%20b%25%5B1%5D%20%C3%A9.md"),
        "{}",
        run.stdout
    );
    assert_eq!(
        problems(&validator, scratch.path(), &run.stdout),
        Vec::<String>::new()
    );
}

#[test]
fn two_alike_findings_in_one_file_have_their_own_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani was killed in the bombing on Tuesday.\n\n\
         Khalil Haqqani was killed in the bombing on Tuesday.\n",
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = root.join("rules");
    let run = factlint(
        dir.path(),
        &[
            "check",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "sarif",
            "a.md",
        ],
        None,
    );
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let prints: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["factlintFinding/v2"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(prints.len(), 2, "{}", run.stdout);
    let mut unique = prints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), prints.len(), "{prints:?}");
}

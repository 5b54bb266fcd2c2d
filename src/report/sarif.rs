//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! Every finding class is a rule in `tool.driver.rules`, with its short and full
//! description and help from the same text `factlint explain` prints. Each result has
//! its rule id, level, message, one physical location, related locations (the other
//! article, the rule in the rulebook), and a partial fingerprint that stays the same
//! when the finding's line moves, so code scanning can track it across commits.

use serde_json::{Value, json};

use super::{Files, Location};
use crate::findings::{Code, Finding, Severity};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A file path as a SARIF URI: forward slashes, no leading `./`.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_string()
}

fn physical(at: &Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(&at.file), "uriBaseId": "%SRCROOT%"},
        "region": {
            "startLine": at.line,
            "startColumn": at.column,
            "endLine": at.end_line,
            "endColumn": at.end_column,
        }
    })
}

/// FNV-1a, 64 bits: a stable hash that does not depend on the platform or a seed.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn rules() -> Vec<Value> {
    Code::ALL
        .iter()
        .map(|code| {
            let e = code.explanation();
            json!({
                "id": code.code(),
                "name": code.name(),
                "shortDescription": {"text": code.summary()},
                "fullDescription": {"text": e.what},
                "help": {
                    "text": format!("{}\n\nWhy it matters: {}\n\nExample: {}\n\nHow to fix it: {}", e.what, e.why, e.example, e.fix),
                    "markdown": format!("{}\n\n**Why it matters.** {}\n\n**Example.** {}\n\n**How to fix it.** {}", e.what, e.why, e.example, e.fix),
                },
                "defaultConfiguration": {"level": level(code.default_severity())},
                "properties": {"tags": ["news", "fact-check"]},
            })
        })
        .collect()
}

pub fn render(findings: &[Finding], files: &Files) -> String {
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let at = files.location(&f.primary);
            let text = files.text(f.primary.file);
            let quoted = text.get(f.primary.span.clone()).unwrap_or("");
            let mut related: Vec<Value> = Vec::new();
            for (i, label) in f.related.iter().chain(f.rule.iter()).enumerate() {
                let other = files.location(label);
                related.push(json!({
                    "id": i + 1,
                    "physicalLocation": physical(&other),
                    "message": {"text": label.message},
                }));
            }
            let rule_index = Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0);
            // The safe edits, as one proposed fix of the result's file.
            let fixes: Vec<Value> = if f.fixes.is_empty() {
                Vec::new()
            } else {
                let replacements: Vec<Value> = f
                    .fixes
                    .iter()
                    .map(|fix| {
                        let region = physical(&super::fix_location(files, f, fix))["region"].clone();
                        json!({"deletedRegion": region, "insertedContent": {"text": fix.replacement}})
                    })
                    .collect();
                let words: Vec<String> = f
                    .fixes
                    .iter()
                    .map(|fix| format!("\"{}\" with \"{}\"", fix.written, fix.replacement))
                    .collect();
                vec![json!({
                    "description": {"text": format!("Replace {}", words.join(", "))},
                    "artifactChanges": [{
                        "artifactLocation": physical(&at)["artifactLocation"].clone(),
                        "replacements": replacements,
                    }],
                })]
            };
            let mut result = json!({
                "ruleId": f.code.code(),
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": physical(&at)}],
                "relatedLocations": related,
                "partialFingerprints": {
                    "factlintFinding/v1": fingerprint(&[f.code.code(), f.fact.as_deref().unwrap_or(""), &uri(&at.file), quoted]),
                },
            });
            if !fixes.is_empty() {
                result["fixes"] = Value::Array(fixes);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/factlint/factlint",
                "rules": rules(),
            }},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

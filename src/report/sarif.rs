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

/// Bytes of a path written as they are in a URI: unreserved characters and `/`.
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A file as a SARIF artifact location. A relative path is a percent-encoded
/// reference against `%SRCROOT%` (the directory factlint ran in); an absolute one a
/// `file:` URI; the built-in rulebook and standard input, which have no file, URIs of
/// factlint's own (`factlint:built-in/people.yaml`, `factlint:stdin`).
fn artifact(path: &str) -> Value {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    if let Some(name) = path.strip_prefix("<built-in>/") {
        return json!({"uri": format!("factlint:built-in/{}", percent_encoded(name))});
    }
    if path.starts_with('<') {
        let name = path.trim_start_matches('<').trim_end_matches('>');
        return json!({"uri": format!("factlint:{}", percent_encoded(name))});
    }
    // "C:/articles/a.md" on Windows, "/articles/a.md" elsewhere.
    let drive = path.as_bytes().get(1) == Some(&b':');
    if path.starts_with('/') || drive {
        let slash = if drive { "/" } else { "" };
        return json!({"uri": format!("file://{slash}{}", percent_encoded(path))});
    }
    json!({"uri": percent_encoded(path), "uriBaseId": "%SRCROOT%"})
}

/// The directory factlint ran in, as the absolute `file:` URI `%SRCROOT%` stands for.
fn root_uri() -> String {
    let cwd = std::env::current_dir()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let cwd = cwd.trim_end_matches('/');
    let slash = if cwd.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}/", percent_encoded(cwd))
}

/// The artifact's URI, for fingerprints.
fn uri(path: &str) -> String {
    artifact(path)["uri"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn physical(at: &Location) -> Value {
    json!({
        "artifactLocation": artifact(&at.file),
        "region": {
            "startLine": at.line,
            "startColumn": at.column,
            "endLine": at.end_line,
            "endColumn": at.end_column,
        }
    })
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

/// The findings as one SARIF 2.1.0 log.
pub fn render(findings: &[Finding], files: &Files) -> String {
    let prints = super::fingerprints(findings, files, uri);
    let results: Vec<Value> = findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let at = files.location(&f.primary);
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
                vec![json!({
                    "description": {"text": super::capitalised(&crate::findings::Fix::describe_all(&f.fixes))},
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
                    "factlintFinding/v2": print,
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
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri()}},
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

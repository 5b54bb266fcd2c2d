//! `--format rdjson`: reviewdog's diagnostic format (rdjson), for `reviewdog -f=rdjson`,
//! which posts findings as review comments and suggested changes on GitHub, GitLab,
//! Gerrit and Bitbucket.
//!
//! Each finding is one diagnostic: message, severity (`ERROR`, `WARNING`, `INFO`), its
//! class as `code`, where its words are (lines 1-based; columns 1-based, counted in
//! UTF-8 bytes as the format says), the other places it points at as related
//! locations, and its safe fixes as suggestions.

use serde_json::{Value, json};

use super::{Files, relative_path as path};
use crate::findings::{Finding, Label, Severity};

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Note => "INFO",
    }
}

/// A label's range, columns in bytes from the start of the line.
fn range(files: &Files, label: &Label) -> Value {
    let at = files.location(label);
    let start = label.span.start - files.line_start(label.file, at.line).min(label.span.start);
    let end = label.span.end
        - files
            .line_start(label.file, at.end_line)
            .min(label.span.end);
    json!({
        "start": {"line": at.line, "column": start + 1},
        "end": {"line": at.end_line, "column": end + 1},
    })
}

fn location(files: &Files, label: &Label) -> Value {
    json!({"path": path(files.name(label.file)), "range": range(files, label)})
}

/// The findings as one reviewdog diagnostic result (rdjson).
pub fn render(findings: &[Finding], files: &Files) -> String {
    let diagnostics: Vec<Value> = findings
        .iter()
        .map(|f| {
            let related: Vec<Value> = f
                .related
                .iter()
                .chain(f.rule.iter())
                .map(|label| json!({"message": label.message, "location": location(files, label)}))
                .collect();
            let suggestions: Vec<Value> = f
                .fixes
                .iter()
                .map(|fix| {
                    let label = Label {
                        file: f.primary.file,
                        span: fix.span.clone(),
                        message: String::new(),
                    };
                    json!({"range": range(files, &label), "text": fix.replacement})
                })
                .collect();
            let mut diagnostic = json!({
                "message": f.message,
                "location": location(files, &f.primary),
                "severity": severity(f.severity),
                "code": {"value": f.code.code()},
            });
            if !related.is_empty() {
                diagnostic["related_locations"] = Value::Array(related);
            }
            if !suggestions.is_empty() {
                diagnostic["suggestions"] = Value::Array(suggestions);
            }
            diagnostic
        })
        .collect();
    let report = json!({
        "source": {"name": "factlint", "url": "https://github.com/factlint/factlint"},
        "diagnostics": diagnostics,
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

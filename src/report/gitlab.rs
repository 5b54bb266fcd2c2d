//! `--format gitlab`: a GitLab code quality report (the Code Climate issue format
//! GitLab reads from `artifacts:reports:codequality`), which shows findings in merge
//! requests.
//!
//! Each finding is one issue: its class as `check_name`, its message as `description`,
//! a `fingerprint` unique within the report that stays the same when the finding's line
//! moves (GitLab compares reports of two commits by it), `severity` (error `major`,
//! warning `minor`, note `info`), and its path relative to the directory factlint ran
//! in, with the lines and columns where its words begin and end.

use serde_json::{Value, json};

use super::{Files, relative_path as path};
use crate::findings::{Finding, Severity};

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

/// The findings as a GitLab code quality report (a JSON array of issues).
pub fn render(findings: &[Finding], files: &Files) -> String {
    let prints = super::fingerprints(findings, files, path);
    let issues: Vec<Value> = findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let at = files.location(&f.primary);
            json!({
                "type": "issue",
                "check_name": f.code.code(),
                "description": format!("{} [{}]", f.message, f.code.name()),
                "categories": ["Bug Risk"],
                "fingerprint": print,
                "severity": severity(f.severity),
                "location": {
                    "path": path(&at.file),
                    "positions": {
                        "begin": {"line": at.line, "column": at.column},
                        "end": {"line": at.end_line, "column": at.end_column},
                    },
                },
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| String::from("[]"));
    text.push('\n');
    text
}

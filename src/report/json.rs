//! `--format json`: one versioned JSON document with every finding.

use serde::Serialize;

use super::{Files, Location};
use crate::findings::{Finding, Severity};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

/// One finding as machine output writes it (JSON and JSON Lines).
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    fact: Option<&'a str>,
    expected: Option<&'a str>,
    found: Option<&'a str>,
    primary: Location,
    related: Vec<Location>,
    rule: Option<Location>,
    sources: &'a [String],
    notes: &'a [String],
    /// The safe edits that settle it (`check --fix`), in the primary file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<JsonFix<'a>>,
}

/// One edit: the span replaced, and the words put there.
#[derive(Serialize)]
struct JsonFix<'a> {
    #[serde(flatten)]
    at: Location,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

impl<'a> JsonFinding<'a> {
    /// A finding as JSON writes it, its spans located in `files`.
    pub fn new(f: &'a Finding, files: &Files) -> JsonFinding<'a> {
        JsonFinding {
            code: f.code.code(),
            name: f.code.name(),
            severity: f.severity,
            message: &f.message,
            fact: f.fact.as_deref(),
            expected: f.expected.as_deref(),
            found: f.found.as_deref(),
            primary: files.location(&f.primary),
            related: f.related.iter().map(|l| files.location(l)).collect(),
            rule: f.rule.as_ref().map(|l| files.location(l)),
            sources: &f.sources,
            notes: &f.notes,
            fixes: f
                .fixes
                .iter()
                .map(|fix| JsonFix {
                    at: super::fix_location(files, f, fix),
                    replacement: &fix.replacement,
                })
                .collect(),
        }
    }
}

/// The findings as one versioned JSON document, with a summary of `file_count` files.
pub fn render(findings: &[Finding], files: &Files, file_count: usize) -> String {
    let output = Output {
        version: 1,
        findings: findings
            .iter()
            .map(|f| JsonFinding::new(f, files))
            .collect(),
        summary: Summary {
            files: file_count,
            errors: Severity::Error.count_in(findings),
            warnings: Severity::Warning.count_in(findings),
        },
    };
    let mut text = serde_json::to_string_pretty(&output).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

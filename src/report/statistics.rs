//! `--statistics`: how many findings of each class, instead of the findings.

use serde_json::json;

use crate::findings::{Code, Finding};

fn counts(findings: &[Finding]) -> Vec<(Code, usize)> {
    Code::ALL
        .iter()
        .map(|c| (*c, findings.iter().filter(|f| f.code == *c).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// How many findings of each class there are, as a table.
pub fn render_text(findings: &[Finding]) -> String {
    let mut out = String::new();
    for (code, n) in counts(findings) {
        out.push_str(&format!("{n:>6}  {}  {}\n", code.code(), code.name()));
    }
    out.push_str(&format!("{:>6}  total\n", findings.len()));
    out
}

/// How many findings of each class there are, as JSON.
pub fn render_json(findings: &[Finding]) -> String {
    let rows: Vec<_> = counts(findings)
        .into_iter()
        .map(|(c, n)| json!({"code": c.code(), "name": c.name(), "count": n}))
        .collect();
    let mut text = serde_json::to_string_pretty(
        &json!({"version": 1, "statistics": rows, "total": findings.len()}),
    )
    .unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

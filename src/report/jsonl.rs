//! `--format jsonl`: one finding per line, each a JSON object of the same shape as in
//! `--format json`, for streaming into other tools.

use super::Files;
use super::json::JsonFinding;
use crate::findings::Finding;

/// The findings as JSON Lines, one finding per line.
pub fn render(findings: &[Finding], files: &Files) -> String {
    let mut out = String::new();
    for f in findings {
        if let Ok(line) = serde_json::to_string(&JsonFinding::new(f, files)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

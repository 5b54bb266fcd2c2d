//! `--format short`: `path:line:col: severity[code]: message`, one finding per line.

use super::{Files, escape_controls};
use crate::findings::Finding;

/// The findings one per line, `path:line:col: severity[code]: message`.
pub fn render(findings: &[Finding], files: &Files) -> String {
    let mut out = String::new();
    for f in findings {
        let at = files.location(&f.primary);
        // One finding, one line: newlines in a message or a file name would break
        // line-based tools, and control characters would reach the terminal.
        let message = escape_controls(&f.message);
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            escape_controls(&at.file),
            at.line,
            at.column,
            f.severity.name(),
            f.code.code(),
            message
        ));
    }
    out
}

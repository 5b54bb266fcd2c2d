//! `--format short`: `path:line:col: severity[code]: message`, one finding per line.

use super::Files;
use crate::findings::Finding;

pub fn render(findings: &[Finding], files: &Files) -> String {
    let mut out = String::new();
    for f in findings {
        let at = files.location(&f.primary);
        // One finding, one line: newlines in a message would break line-based tools.
        let message = f.message.replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}\n",
            at.file,
            at.line,
            at.column,
            f.severity.name(),
            f.code.code(),
            message
        ));
    }
    out
}

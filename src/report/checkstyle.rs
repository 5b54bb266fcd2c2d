//! `--format checkstyle`: Checkstyle XML, which Jenkins' warnings plugin, reviewdog and
//! many code review tools read.
//!
//! One `<file>` per article with findings, one `<error>` per finding with its line,
//! column, severity (`error`, `warning`, `info`), message and class as
//! `source="factlint.FL001"`.

use super::{Files, xml::escape};
use crate::findings::{Finding, Severity};

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "info",
    }
}

/// The findings as one Checkstyle XML document.
pub fn render(findings: &[Finding], files: &Files) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<checkstyle version=\"4.3\">\n");
    // Findings come grouped by article; a file element opens where the article changes.
    let mut open: Option<crate::findings::FileRef> = None;
    for f in findings {
        if open != Some(f.primary.file) {
            if open.is_some() {
                out.push_str("  </file>\n");
            }
            out.push_str(&format!(
                "  <file name=\"{}\">\n",
                escape(files.name(f.primary.file))
            ));
            open = Some(f.primary.file);
        }
        let at = files.location(&f.primary);
        out.push_str(&format!(
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"factlint.{}\"/>\n",
            at.line,
            at.column,
            severity(f.severity),
            escape(&format!("{} [{}]", f.message, f.code.name())),
            f.code.code()
        ));
    }
    if open.is_some() {
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}

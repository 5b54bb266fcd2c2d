//! `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines,
//! CircleCI) show as test results.
//!
//! Each article checked is a test suite named by its path. Each finding is a test case
//! named by its class and position; a finding at or above the failing level (`--fail-on`,
//! error by default) is a `<failure>` whose type is its severity, one below it passes
//! and carries its message as `<system-out>`, so the report is red exactly when the run
//! fails. An article with no finding is one passing test case, so the count of articles
//! checked shows.

use super::{Files, xml::escape};
use crate::findings::{FileRef, Finding, Severity};

/// The findings as JUnit XML; those at or above `failing` are failures.
pub fn render(findings: &[Finding], files: &Files, failing: Severity) -> String {
    // Suites in the order of the articles; findings keep their order within each.
    let docs = files.docs().len();
    let mut by_file: Vec<(FileRef, Vec<&Finding>)> = (0..docs)
        .map(|d| (FileRef::Document(d), Vec::new()))
        .collect();
    for f in findings {
        match f.primary.file {
            FileRef::Document(d) if d < docs => by_file[d].1.push(f),
            other => match by_file.iter_mut().find(|(file, _)| *file == other) {
                Some((_, list)) => list.push(f),
                None => by_file.push((other, vec![f])),
            },
        }
    }
    // Articles read only for comparison (`--against`) are not suites.
    by_file.retain(|(file, list)| match file {
        FileRef::Document(d) => files.checked_doc(*d) || !list.is_empty(),
        FileRef::Rule(_) => true,
    });
    let failures = findings.iter().filter(|f| f.severity >= failing).count();
    let tests: usize = by_file.iter().map(|(_, list)| list.len().max(1)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
    ));
    for (file, list) in &by_file {
        let name = escape(files.name(*file));
        let failed = list.iter().filter(|f| f.severity >= failing).count();
        out.push_str(&format!(
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n",
            list.len().max(1)
        ));
        if list.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"no findings\" classname=\"{name}\" file=\"{name}\"/>\n"
            ));
        }
        for f in list {
            let at = files.location(&f.primary);
            out.push_str(&format!(
                "    <testcase name=\"{} {} at {}:{}\" classname=\"{name}\" file=\"{name}\" line=\"{}\">\n",
                f.code.code(),
                f.code.name(),
                at.line,
                at.column,
                at.line
            ));
            let detail = escape(&format!(
                "{}:{}:{}: {}[{}]: {}",
                at.file,
                at.line,
                at.column,
                f.severity.name(),
                f.code.code(),
                f.message
            ));
            if f.severity >= failing {
                out.push_str(&format!(
                    "      <failure message=\"{}\" type=\"{}\">{detail}</failure>\n",
                    escape(&f.message),
                    f.severity.name()
                ));
            } else {
                out.push_str(&format!("      <system-out>{detail}</system-out>\n"));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

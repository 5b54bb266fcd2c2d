//! The default report: compiler-style diagnostics for people, drawn with
//! codespan-reporting, each pointing at the article's words and at the rule.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{Diagnostic, Label as CsLabel, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};

use super::{Files, escape_controls, mask_controls};
use crate::findings::{Code, FileRef, Finding, Severity};

/// Renders findings and a summary line. `color` selects ANSI colours.
/// With `file_count`, a last line counts the files, errors and warnings (left out by
/// `--quiet`).
pub fn render(
    findings: &[Finding],
    files: &Files,
    file_count: Option<usize>,
    color: bool,
) -> String {
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    for finding in findings {
        let (db, ids) = files_of(finding, files);
        let diagnostic = diagnostic(finding, &ids);
        // The file database holds every file a label can name, so rendering cannot fail
        // for a missing file; an I/O error on an in-memory buffer cannot happen either.
        let _ = term::emit_to_write_style(&mut buffer, &config, &db, &diagnostic);
    }
    if let Some(file_count) = file_count {
        summary(&mut buffer, findings, file_count);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The files a finding's labels point into, as a file database for the renderer, and
/// each file's id in it.
fn files_of(
    finding: &Finding,
    files: &Files,
) -> (SimpleFiles<String, String>, BTreeMap<FileRef, usize>) {
    // Each diagnostic gets the files it points into, and only those: a large run
    // never holds every article's text at once.
    let mut db = SimpleFiles::new();
    let mut ids: BTreeMap<FileRef, usize> = BTreeMap::new();
    for label in std::iter::once(&finding.primary)
        .chain(&finding.related)
        .chain(finding.rule.iter())
    {
        ids.entry(label.file).or_insert_with(|| {
            db.add(
                escape_controls(files.name(label.file)).into_owned(),
                mask_controls(&lone_cr_as_lf(&files.text(label.file))).into_owned(),
            )
        });
    }
    (db, ids)
}

/// A finding as a diagnostic: its code and message, a label on the article's words,
/// on related places and on the rule, and its notes; `ids` are the files' ids in the
/// database of [`files_of`].
fn diagnostic(finding: &Finding, ids: &BTreeMap<FileRef, usize>) -> Diagnostic<usize> {
    let id = |f: FileRef| ids[&f];
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let mut labels = vec![
        CsLabel::primary(id(finding.primary.file), finding.primary.span.clone())
            .with_message(escape_controls(&finding.primary.message)),
    ];
    for related in &finding.related {
        labels.push(
            CsLabel::secondary(id(related.file), related.span.clone())
                .with_message(escape_controls(&related.message)),
        );
    }
    if let Some(rule) = &finding.rule {
        labels.push(
            CsLabel::secondary(id(rule.file), rule.span.clone()).with_message(rule.message.clone()),
        );
    }
    Diagnostic::new(severity)
        .with_code(finding.code.code())
        .with_message(format!(
            "{}: {}",
            finding.code.name(),
            escape_controls(&finding.message)
        ))
        .with_labels(labels)
        .with_notes(notes(finding))
}

/// The notes under a finding: what the rulebook (or the other source, or the earlier
/// sentence) and the article say, the sources, the fact, the finding's own notes, the
/// fix and where to read more; control characters escaped.
fn notes(finding: &Finding) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(expected) = &finding.expected {
        let whose = match finding.code {
            Code::SourceConflict => "other:   ",
            Code::SelfContradiction => "earlier: ",
            _ => "rulebook:",
        };
        notes.push(format!("{whose} {expected}"));
    }
    if let Some(found) = &finding.found {
        notes.push(format!("article:  {found}"));
    }
    if !finding.sources.is_empty() {
        notes.push(format!("sources:  {}", finding.sources.join("; ")));
    }
    if let Some(fact) = &finding.fact {
        notes.push(format!("fact:     {fact}"));
    }
    notes.extend(finding.notes.iter().cloned());
    if !finding.fixes.is_empty() {
        notes.push(format!(
            "fix (`factlint check --fix`): {}",
            crate::findings::Fix::describe_all(&finding.fixes)
        ));
    }
    notes.push(format!(
        "help: `factlint explain {}` says what this means and how to fix it",
        finding.code.code()
    ));
    notes
        .iter()
        .map(|n| escape_controls(n).into_owned())
        .collect()
}

/// The last line, in bold: how many files were checked and how many errors and
/// warnings were found.
fn summary(buffer: &mut Buffer, findings: &[Finding], file_count: usize) {
    let errors = Severity::Error.count_in(findings);
    let warnings = Severity::Warning.count_in(findings);
    let summary = format!(
        "{} file{} checked: {} error{}, {} warning{}\n",
        file_count,
        plural(file_count),
        errors,
        plural(errors),
        warnings,
        plural(warnings)
    );
    let _ = buffer.set_color(codespan_reporting::term::termcolor::ColorSpec::new().set_bold(true));
    let _ = std::io::Write::write_all(buffer, summary.as_bytes());
    let _ = buffer.reset();
}

/// The renderer counts lines at LF only; a lone CR (old Mac line endings) becomes LF,
/// byte for byte, so its line numbers agree with every other format.
fn lone_cr_as_lf(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if *b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            *b = b'\n';
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

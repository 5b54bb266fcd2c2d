//! Suppression comments in articles.
//!
//! ```text
//! <!-- factlint-disable-next-line FL001 -->   the next non-blank line
//! <!-- factlint-disable-line FL004 -->        the line the comment is on
//! <!-- factlint-disable FL002 -->             from here to factlint-enable (or the end)
//! <!-- factlint-enable -->
//! <!-- factlint-disable-file -->              the whole file
//! ```
//!
//! Codes are finding codes or names, separated by spaces or commas; with none, a comment
//! applies to every code. The same comments work in Markdown, HTML and plain text. A
//! comment that suppresses nothing is itself reported (FL100), so stale suppressions do
//! not hide the next real error.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::document::Document;
use crate::findings::{Code, FileRef, Finding, Label};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Line,
    Disable,
    Enable,
    File,
}

#[derive(Clone, Debug)]
struct Directive {
    kind: Kind,
    /// Empty: every code.
    codes: Vec<Code>,
    unknown: Vec<String>,
    span: Range<usize>,
    /// Byte range of the text it covers.
    covers: Range<usize>,
    used: BTreeSet<Code>,
}

fn parse(doc: &Document, comment: &Range<usize>) -> Option<Directive> {
    let inner = doc.text[comment.clone()]
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let rest = inner.strip_prefix("factlint-")?;
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let kind = match word {
        "disable-next-line" => Kind::NextLine,
        "disable-line" => Kind::Line,
        "disable" => Kind::Disable,
        "enable" => Kind::Enable,
        "disable-file" => Kind::File,
        _ => return None,
    };
    let mut codes = Vec::new();
    let mut unknown = Vec::new();
    for token in args.split([' ', ',', '\t', '\n']).filter(|t| !t.is_empty()) {
        match Code::parse(token) {
            Some(code) => codes.push(code),
            None => unknown.push(token.to_string()),
        }
    }
    Some(Directive {
        kind,
        codes,
        unknown,
        span: comment.clone(),
        covers: 0..0,
        used: BTreeSet::new(),
    })
}

/// The byte range of the line holding `offset`.
fn line_at(text: &str, offset: usize) -> Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    start..end
}

/// Reads a document's directives and works out what each covers.
fn directives(doc: &Document) -> Vec<Directive> {
    let mut found: Vec<Directive> = doc.comments.iter().filter_map(|c| parse(doc, c)).collect();
    let text = &doc.text;
    for i in 0..found.len() {
        let span = found[i].span.clone();
        found[i].covers = match found[i].kind {
            Kind::Line => line_at(text, span.start).start..line_at(text, span.end).end,
            Kind::NextLine => {
                let mut at = line_at(text, span.end).end;
                loop {
                    if at >= text.len() {
                        break text.len()..text.len();
                    }
                    let line = line_at(text, at + 1);
                    if !text[line.clone()].trim().is_empty() {
                        break line;
                    }
                    at = line.end;
                }
            }
            Kind::Disable => {
                let codes = found[i].codes.clone();
                let end = found[i + 1..]
                    .iter()
                    .find(|d| {
                        d.kind == Kind::Enable
                            && (d.codes.is_empty()
                                || codes.is_empty()
                                || d.codes.iter().any(|c| codes.contains(c)))
                    })
                    .map_or(text.len(), |d| d.span.start);
                span.end..end
            }
            Kind::File => 0..text.len(),
            Kind::Enable => 0..0,
        };
    }
    found
}

/// Removes suppressed findings and adds one for every suppression that suppressed
/// nothing.
pub fn apply(docs: &[Document], findings: Vec<Finding>) -> Vec<Finding> {
    let mut per_doc: Vec<Vec<Directive>> = docs.iter().map(directives).collect();
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let FileRef::Document(d) = finding.primary.file else {
            kept.push(finding);
            continue;
        };
        let at = finding.primary.span.start;
        let suppressor = per_doc[d].iter_mut().find(|dir| {
            dir.kind != Kind::Enable
                && dir.covers.start <= at
                && at < dir.covers.end.max(dir.covers.start + 1)
                && (dir.codes.is_empty() || dir.codes.contains(&finding.code))
        });
        match suppressor {
            Some(dir) => {
                dir.used.insert(finding.code);
            }
            None => kept.push(finding),
        }
    }
    for (d, dirs) in per_doc.iter().enumerate() {
        for dir in dirs.iter().filter(|d| d.kind != Kind::Enable) {
            let unused: Vec<&str> = if dir.codes.is_empty() {
                if dir.used.is_empty() {
                    vec!["any code"]
                } else {
                    Vec::new()
                }
            } else {
                dir.codes
                    .iter()
                    .filter(|c| !dir.used.contains(c))
                    .map(|c| c.code())
                    .collect()
            };
            let mut problems = Vec::new();
            if !dir.unknown.is_empty() {
                problems.push(format!("names unknown code(s) {}", dir.unknown.join(", ")));
            }
            if !unused.is_empty() {
                problems.push(format!("suppresses no finding of {}", unused.join(", ")));
            }
            if problems.is_empty() {
                continue;
            }
            kept.push(Finding {
                code: Code::UnusedSuppression,
                severity: Code::UnusedSuppression.default_severity(),
                message: format!("this suppression {}", problems.join(" and ")),
                fact: None,
                expected: None,
                found: None,
                primary: Label {
                    file: FileRef::Document(d),
                    span: dir.span.clone(),
                    message: "unused suppression".into(),
                },
                related: Vec::new(),
                rule: None,
                sources: Vec::new(),
                notes: vec!["remove the comment, or name the code it is meant to suppress".into()],
                fixes: Vec::new(),
            });
        }
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::findings::Severity;

    fn finding(code: Code, at: usize) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            message: String::new(),
            fact: None,
            expected: None,
            found: None,
            primary: Label {
                file: FileRef::Document(0),
                span: at..at + 1,
                message: String::new(),
            },
            related: Vec::new(),
            rule: None,
            sources: Vec::new(),
            notes: Vec::new(),
            fixes: Vec::new(),
        }
    }

    #[test]
    fn each_kind_of_directive() {
        let text = "one\n<!-- factlint-disable-next-line FL001 -->\n\ntwo\nthree <!-- factlint-disable-line conflict -->\n<!-- factlint-disable FL004 -->\nfour\n<!-- factlint-enable -->\nfive\n<!-- factlint-disable-next-line FL002 -->\nsix\n";
        let doc =
            Document::parse("a.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap();
        let at = |w: &str| text.find(w).unwrap();
        let out = apply(
            std::slice::from_ref(&doc),
            vec![
                finding(Code::Conflict, at("one")),
                finding(Code::Conflict, at("two")),
                finding(Code::Conflict, at("three")),
                finding(Code::Unsupported, at("four")),
                finding(Code::Unsupported, at("five")),
            ],
        );
        let left: Vec<(Code, usize)> = out.iter().map(|f| (f.code, f.primary.span.start)).collect();
        assert_eq!(
            left,
            vec![
                (Code::Conflict, at("one")),
                (Code::Unsupported, at("five")),
                (
                    Code::UnusedSuppression,
                    at("<!-- factlint-disable-next-line FL002")
                ),
            ]
        );
    }

    #[test]
    fn file_wide_and_unknown_codes() {
        let text = "<!-- factlint-disable-file FL006 FL999 -->\nText on Tuesday.\n";
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), Format::Text, None).unwrap();
        assert!(!doc.prose.contains("factlint"));
        let out = apply(
            std::slice::from_ref(&doc),
            vec![finding(Code::WeekdayMismatch, 50)],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, Code::UnusedSuppression);
        assert!(out[0].message.contains("unknown code(s) FL999"));
    }
}

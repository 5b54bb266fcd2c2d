//! Reporters: findings and mentions rendered for people and for programs.
//!
//! One file per output format. Reporters know nothing about YAML or extraction; they
//! get findings, documents and the rulebook's file texts, and turn byte spans into
//! lines and columns at the edge.

pub mod claims;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod rules;
pub mod sarif;
pub mod short;
pub mod statistics;

use serde::Serialize;

use crate::document::Document;
use crate::findings::{FileRef, Label};
use crate::rulebook::Rulebook;

/// Line and column (both 1-based; columns count characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A span as a location in a file, for machine output.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Location {
    pub fn new(
        file: &str,
        text: &str,
        span: &std::ops::Range<usize>,
        label: Option<String>,
    ) -> Location {
        let (line, column) = line_col(text, span.start);
        let (end_line, end_column) = line_col(text, span.end);
        Location {
            file: file.to_string(),
            start: span.start,
            end: span.end,
            line,
            column,
            end_line,
            end_column,
            label,
        }
    }
}

/// The files a run's labels point into.
pub struct Files<'a> {
    pub docs: &'a [Document],
    pub book: &'a Rulebook,
}

impl Files<'_> {
    pub fn name(&self, file: FileRef) -> &str {
        match file {
            FileRef::Document(d) => &self.docs[d].path,
            FileRef::Rule(r) => &self.book.files[r].name,
        }
    }

    pub fn text(&self, file: FileRef) -> &str {
        match file {
            FileRef::Document(d) => &self.docs[d].text,
            FileRef::Rule(r) => &self.book.files[r].text,
        }
    }

    pub fn location(&self, label: &Label) -> Location {
        Location::new(
            self.name(label.file),
            self.text(label.file),
            &label.span,
            Some(label.message.clone()),
        )
    }
}

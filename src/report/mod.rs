//! Reporters: findings and mentions rendered for people and for programs.
//!
//! One file per output format. Reporters know nothing about YAML or extraction; they
//! get findings, documents and the rulebook's file texts, and turn byte spans into
//! lines and columns at the edge.

pub mod checkstyle;
pub mod claims;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod rdjson;
pub mod rules;
pub mod sarif;
pub mod short;
pub mod statistics;
mod xml;

use serde::Serialize;

use crate::document::Document;
use crate::findings::{FileRef, Finding, Fix, Label};
use crate::rulebook::Rulebook;

/// Characters a terminal acts on instead of showing: C0 and C1 controls (tab and line
/// ends aside, which callers handle) and the bidirectional overrides and isolates that
/// reorder what is shown.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for one line of a report: controls, line ends and tabs written as escapes
/// (`\u{1b}`, `\n`), so an article or a file name cannot drive the terminal or split a
/// line.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| acts_on_terminal(c) || matches!(c, '\n' | '\r' | '\t'))
    {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if acts_on_terminal(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// An article's text to draw: each control character replaced by as many `?` as it has
/// bytes, so every offset and line stays true and nothing reaches the terminal raw.
pub fn mask_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Line and column (both 1-based; columns count characters) of a byte offset. Lines
/// end at LF, CRLF or a lone CR.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).locate(text, offset)
}

/// Where each line of a text starts, for turning many offsets into lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// Line and column of `offset` in `text` (the text this index was built from).
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }
}

/// Lines and columns of offsets that arrive in increasing order, each found in time
/// proportional to the distance from the previous one, even on a single long line.
pub struct Cursor<'a> {
    text: &'a str,
    index: LineIndex,
    last: (usize, usize, usize), // (offset, line, column)
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            index: LineIndex::new(text),
            last: (0, 1, 1),
        }
    }

    /// Line and column (both 1-based) of `offset`, at or after the last one asked for
    /// on the same line in time proportional to the distance.
    pub fn locate(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let (last_offset, last_line, last_column) = self.last;
        let line = self.index.starts.partition_point(|&s| s <= offset);
        let found = if line == last_line && offset >= last_offset {
            let more = self
                .text
                .get(last_offset..offset)
                .map_or(0, |s| s.chars().count());
            (line, last_column + more)
        } else {
            self.index.locate(self.text, offset)
        };
        self.last = (offset, found.0, found.1);
        found
    }
}

/// A span as a location in a file, for machine output.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Location {
    /// The file's name as reports show it.
    pub file: String,
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where the span ends (exclusive).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in characters.
    pub end_column: usize,
    /// What the span shows ("injured: 35"), when it has a message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Location {
    /// The location of a byte span of `text`, a file called `file`.
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
    docs: &'a [Document],
    book: &'a Rulebook,
    /// For each document, whether it was read only to compare the others with
    /// (`--against`); empty when none was.
    context: &'a [bool],
    /// Line starts of each file, built the first time a location in it is asked for.
    lines: Vec<std::sync::OnceLock<LineIndex>>,
    /// Texts read back from disk for documents that let theirs go after checking: the
    /// few used last, so that memory stays flat however many files have findings.
    reloaded: std::sync::Mutex<Vec<(usize, std::sync::Arc<str>)>>,
}

/// How many texts read back from disk are kept at once.
const RELOADED_KEPT: usize = 16;

/// A file's text: borrowed, or shared from the cache of texts read back from disk.
pub enum Text<'a> {
    /// A text held by the run (a rulebook file, a document that kept its text).
    Borrowed(&'a str),
    /// A text read back from disk, shared with the cache.
    Shared(std::sync::Arc<str>),
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Shared(s) => s,
        }
    }
}

impl<'a> Files<'a> {
    /// The files of a run: its documents and the rulebook's files.
    pub fn new(docs: &'a [Document], book: &'a Rulebook) -> Files<'a> {
        Files {
            docs,
            book,
            context: &[],
            lines: (0..docs.len() + book.files.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            reloaded: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The same files, some documents read only to compare the others with: reports
    /// leave them out of their counts and lists of articles checked.
    pub fn with_context(self, context: &'a [bool]) -> Files<'a> {
        Files { context, ..self }
    }

    /// Every document read, those read only for comparison included.
    pub fn docs(&self) -> &'a [Document] {
        self.docs
    }

    /// Whether document `d` is one the run checks, not one read for comparison only.
    pub fn checked_doc(&self, d: usize) -> bool {
        !self.context.get(d).copied().unwrap_or(false)
    }

    /// How many documents the run checks.
    pub fn checked(&self) -> usize {
        (0..self.docs.len())
            .filter(|&d| self.checked_doc(d))
            .count()
    }

    /// The rulebook the run checked against.
    pub fn book(&self) -> &'a Rulebook {
        self.book
    }

    /// A file's name as reports show it.
    pub fn name(&self, file: FileRef) -> &str {
        match file {
            FileRef::Document(d) => &self.docs[d].path,
            FileRef::Rule(r) => &self.book.files[r].name,
        }
    }

    /// A file's text, read back from disk where the document let it go.
    pub fn text(&self, file: FileRef) -> Text<'a> {
        match file {
            FileRef::Document(d) if self.docs[d].text_shed => Text::Shared(self.reload(d)),
            FileRef::Document(d) => Text::Borrowed(&self.docs[d].text),
            FileRef::Rule(r) => Text::Borrowed(&self.book.files[r].text),
        }
    }

    /// Reads a document's text back from its file. The file was read once already; if
    /// it has gone since, the report still prints, with empty snippets.
    fn reload(&self, d: usize) -> std::sync::Arc<str> {
        let mut kept = self.reloaded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = kept.iter().position(|(k, _)| *k == d) {
            let entry = kept.remove(i);
            let text = entry.1.clone();
            kept.push(entry);
            return text;
        }
        let path = std::path::Path::new(&self.docs[d].path);
        let text: std::sync::Arc<str> =
            crate::input::read_bounded(path, crate::input::MAX_FILE_BYTES)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_default()
                .into();
        if kept.len() >= RELOADED_KEPT {
            kept.remove(0);
        }
        kept.push((d, text.clone()));
        text
    }

    fn index(&self, file: FileRef) -> &LineIndex {
        let slot = match file {
            FileRef::Document(d) => d,
            FileRef::Rule(r) => self.docs.len() + r,
        };
        self.lines[slot].get_or_init(|| LineIndex::new(&self.text(file)))
    }

    /// The byte offset at which 1-based `line` of a file starts.
    pub fn line_start(&self, file: FileRef, line: usize) -> usize {
        let starts = &self.index(file).starts;
        starts[line.clamp(1, starts.len()) - 1]
    }

    /// Where a label's span is, with its message.
    pub fn location(&self, label: &Label) -> Location {
        let text = self.text(label.file);
        let index = self.index(label.file);
        let (line, column) = index.locate(&text, label.span.start);
        let (end_line, end_column) = index.locate(&text, label.span.end);
        Location {
            file: self.name(label.file).to_string(),
            start: label.span.start,
            end: label.span.end,
            line,
            column,
            end_line,
            end_column,
            label: Some(label.message.clone()),
        }
    }
}

/// FNV-1a, 64 bits: a stable hash that does not depend on the platform or a seed.
fn fnv1a(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// A fingerprint for each finding that stays the same when its line moves: a hash of
/// its class, fact, file (as `name_of` writes the path), the words it points at and the
/// value found. Findings alike in all of these (a headline's and a lede's) are told
/// apart by their order in the file, so no two findings share a fingerprint.
pub fn fingerprints(
    findings: &[Finding],
    files: &Files,
    name_of: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let text = files.text(f.primary.file);
            let quoted = text.get(f.primary.span.clone()).unwrap_or("");
            let file = name_of(files.name(f.primary.file));
            let key = fnv1a(&[
                f.code.code(),
                f.fact.as_deref().unwrap_or(""),
                &file,
                quoted,
                f.found.as_deref().unwrap_or(""),
            ]);
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                key
            } else {
                fnv1a(&[&key, &n.to_string()])
            }
        })
        .collect()
}

/// A path as CI systems want it (GitLab, reviewdog): relative to the directory factlint
/// ran in, with `/` and no leading `./`.
pub fn relative_path(name: &str) -> String {
    let name = name.replace('\\', "/");
    name.strip_prefix("./").unwrap_or(&name).to_string()
}

/// `text` with its first letter in capitals ("replace …" as a title).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Where a fix of a finding applies: its span in the finding's primary file.
pub fn fix_location(files: &Files, finding: &Finding, fix: &Fix) -> Location {
    let mut at = files.location(&Label {
        file: finding.primary.file,
        span: fix.span.clone(),
        message: String::new(),
    });
    at.label = None;
    at
}

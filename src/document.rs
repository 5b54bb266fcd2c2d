//! Articles as the checker reads them.
//!
//! A [`Document`] keeps the file's original text and, beside it, a *prose* string in
//! which everything that is not prose (front matter, code, link targets, URLs, HTML
//! comments and tags) is blanked out with spaces, and which is put in the
//! [normal form](normal) names and numbers are matched in. Prose that needed no change
//! to its characters (nearly all) has the same bytes at the same offsets as the text;
//! otherwise [`Document::remap`] maps its offsets back to the text's.
//!
//! The prose is cut into blocks (paragraphs, headings, list items) and blocks into
//! sentences. This module does no extraction.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::date::Day;
use crate::yaml;

mod html;
pub mod normal;

pub use normal::Remap;

/// The kinds of file factlint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, with front matter.
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format for a path, by extension; `None` for files factlint does not read.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Some(Format::Markdown),
            Some("txt" | "text") => Some(Format::Text),
            Some("html" | "htm" | "xhtml") => Some(Format::Html),
            _ => None,
        }
    }
}

/// Facts about a document that come from outside its prose.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The publication date, from the front matter or HTML meta tags.
    pub published: Option<Day>,
    /// The headline, from the front matter or `<title>`.
    pub title: Option<String>,
    /// The outlet or source named in the front matter.
    pub source: Option<String>,
    /// A front-matter date not written as YYYY-MM-DD ("March 15, 2025"), left for
    /// the date reader.
    pub date_text: Option<String>,
    /// Where the front matter's headline and standfirst (`title`, `subtitle`,
    /// `description`, `summary`) stand in the file, read as prose.
    pub prose: Vec<Range<usize>>,
}

/// An article read: its text, its prose and where its sentences are.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as the user gave it.
    pub path: String,
    /// The file's text as read.
    pub text: String,
    /// `text` with non-prose bytes replaced by spaces and line breaks by spaces, in
    /// normal form.
    pub prose: String,
    /// Where the prose's offsets fall in `text`, when normal form changed its bytes.
    pub remap: Option<Remap>,
    /// What the front matter or meta tags say.
    pub meta: Metadata,
    /// Paragraphs, headings and list items, in order.
    pub blocks: Vec<Range<usize>>,
    /// The sentences of the prose, in order.
    pub sentences: Vec<Sentence>,
    /// `<!-- … -->` comments outside code, where suppression directives live.
    pub comments: Vec<Range<usize>>,
    /// Set when `text` was let go after checking; it can be read again from `path`.
    pub text_shed: bool,
    /// Whether the text can be read again from `path` (not so for standard input).
    pub reloadable: bool,
}

/// One sentence of a document's prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offsets in the prose.
    pub span: Range<usize>,
    /// The block (paragraph, heading, list item) it is in.
    pub block: usize,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not UTF-8.
    InvalidUtf8 {
        /// The byte offset of the first invalid byte in the file.
        offset: usize,
    },
    /// Front matter that is not valid YAML. (A date it gives in a form not read as a
    /// day is left for the date reader, not an error.)
    FrontMatter {
        /// The byte offset in the file where the YAML parser stopped (the front
        /// matter's start when it gave no place).
        offset: usize,
        /// The parser's message.
        message: String,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::InvalidUtf8 { offset } => {
                write!(f, "not valid UTF-8 (invalid byte at offset {offset})")
            }
            ReadError::FrontMatter { offset, message } => {
                write!(f, "front matter at byte {offset}: {message}")
            }
        }
    }
}

/// Whether bytes look like a binary file rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

impl Document {
    /// Reads a document from bytes. `published` is used when the file states no date.
    pub fn parse(
        path: &str,
        bytes: Vec<u8>,
        format: Format,
        published: Option<Day>,
    ) -> Result<Document, ReadError> {
        let text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        let mut prose = vec![b' '; text.len()];
        let mut meta = Metadata::default();
        // A byte-order mark is not prose.
        let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (front_end, front) = front_matter(&text, body_start);
        if let Some((front, fence)) = front {
            meta = match fence {
                Fence::Yaml => read_front_matter(&text, front)?,
                Fence::Toml => read_toml_front_matter(&text[front.clone()], front.start),
            };
        }
        let mut comments = Vec::new();
        let mut blocks = match format {
            Format::Text => {
                prose[front_end..].copy_from_slice(&text.as_bytes()[front_end..]);
                // Plain text takes the same `<!-- … -->` comments, for directives.
                comments = find_comments(&text, front_end..text.len());
                for c in &comments {
                    prose[c.clone()].fill(b' ');
                }
                text_blocks(&text, front_end)
            }
            Format::Markdown => markdown_prose(&text, front_end, &mut prose, &mut comments),
            Format::Html => {
                let html_meta = html::metadata(&text);
                meta.title = meta.title.or(html_meta.title);
                meta.prose.extend(html_meta.prose);
                meta.published = meta.published.or(html_meta.published);
                html::prose(&text, front_end, &mut prose, &mut comments)
            }
        };
        // The front matter's headline and standfirst, each a block of its own.
        for span in &meta.prose {
            prose[span.clone()].copy_from_slice(&text.as_bytes()[span.clone()]);
            blocks.push(span.clone());
        }
        blocks.sort_by_key(|b| (b.start, b.end));
        // Line breaks inside prose are spaces: a name wrapped across two lines
        // ("Khalil\nHaqqani") is still one name. Blocks come from the markup, not lines.
        for b in prose.iter_mut() {
            if matches!(*b, b'\n' | b'\r' | b'\t') {
                *b = b' ';
            }
        }
        // Only ASCII bytes were written over whole characters, so this cannot fail; fall
        // back to the original text rather than panic if it ever did.
        let prose = String::from_utf8(prose).unwrap_or_else(|_| text.clone());
        let (mut prose, remap, blocks) = match normal::normalize(&prose) {
            Some((normal, map)) => {
                let blocks = blocks.iter().map(|b| map.normal_span(b)).collect();
                (normal, Some(map), blocks)
            }
            None => (prose, None, blocks),
        };
        blank_urls(&mut prose);
        if meta.published.is_none() {
            meta.published = published;
        }
        let sentences = split_sentences(&prose, &blocks);
        Ok(Document {
            path: path.to_string(),
            text,
            prose,
            remap,
            meta,
            blocks,
            sentences,
            comments,
            text_shed: false,
            reloadable: false,
        })
    }

    /// Frees what only extraction needs (the prose copy, blocks and sentences). With
    /// `text` false, the text goes too when it can be read again from the file and no
    /// suppression comment needs it; reporters read it back for the files they show.
    pub fn shed(&mut self, text: bool) {
        self.prose = String::new();
        self.remap = None;
        self.blocks = Vec::new();
        self.sentences = Vec::new();
        if !text && self.reloadable && self.comments.is_empty() {
            self.text = String::new();
            self.text_shed = true;
        }
    }

    /// The sentence that contains a byte offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// The language of front matter, by its fences.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fence {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`, as Hugo and Zola write it.
    Toml,
}

/// Finds `---` (YAML) or `+++` (TOML) front matter at the start of a file; returns
/// where the body starts and the range of the front matter inside the fences.
fn front_matter(text: &str, start: usize) -> (usize, Option<(Range<usize>, Fence)>) {
    let rest = &text[start..];
    let Some((after_open, fence)) = [("---", Fence::Yaml), ("+++", Fence::Toml)]
        .into_iter()
        .find_map(|(mark, fence)| {
            let after = rest.strip_prefix(mark)?;
            let skip = if after.starts_with("\r\n") {
                5
            } else if after.starts_with('\n') {
                4
            } else {
                return None;
            };
            Some((start + skip, fence))
        })
    else {
        return (start, None);
    };
    let mut pos = after_open;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
        let closes = match fence {
            Fence::Yaml => line == "---" || line == "...",
            Fence::Toml => line == "+++",
        };
        if closes {
            let body = (line_end + 1).min(text.len());
            return (body, Some((after_open..pos, fence)));
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    (start, None)
}

fn read_front_matter(text: &str, range: Range<usize>) -> Result<Metadata, ReadError> {
    let yaml_text = &text[range.clone()];
    let root = yaml::parse_or_null(yaml_text).map_err(|e| ReadError::FrontMatter {
        offset: range.start + e.offset.unwrap_or(0),
        message: e.message,
    })?;
    let mut meta = Metadata::default();
    for entry in root.as_map().unwrap_or_default() {
        let value = entry.value.scalar_text();
        match entry.key.as_str() {
            "date" | "published" => {
                let Some(v) = value else { continue };
                // A timestamp such as 2024-12-12T08:30:00Z gives its day; "2024/12/12"
                // is read as the same; any other form is left for the date reader.
                let day_part = v.get(..10).unwrap_or(&v).replace('/', "-");
                match Day::parse_iso(&day_part) {
                    Some(day) => meta.published = Some(day),
                    None => meta.date_text = Some(v),
                }
            }
            "title" => meta.title = value,
            "source" => meta.source = value,
            _ => {}
        }
        // The headline and standfirst are prose, where the file holds them as they
        // read: a one-line string, unquoted or quoted with no escape in it.
        if matches!(
            entry.key.as_str(),
            "title" | "subtitle" | "description" | "summary"
        ) && let Some(value) = entry.value.scalar_text()
        {
            let span = entry.value.span.clone();
            let raw = &yaml_text[span.clone()];
            let inner = match raw.as_bytes().first() {
                Some(b'"' | b'\'') if raw.len() >= 2 => span.start + 1..span.end - 1,
                _ => span,
            };
            if yaml_text[inner.clone()] == value && !value.contains('\n') {
                meta.prose
                    .push(range.start + inner.start..range.start + inner.end);
            }
        }
    }
    Ok(meta)
}

/// TOML front matter (starting at byte `at` of the file): the `date` (or
/// `published`), `title` and `source` keys of its top level, each on one line as
/// `key = value`, the value a date, a date and time, or a string in double or single
/// quotes; a headline or standfirst in quotes with no escape is read as prose. Other
/// lines are not needed and not read.
fn read_toml_front_matter(toml: &str, at: usize) -> Metadata {
    let mut meta = Metadata::default();
    let mut line_start = at;
    for raw in toml.split_inclusive('\n') {
        let here = line_start;
        line_start += raw.len();
        let line = raw.trim();
        if line.starts_with('[') {
            break; // a table: no longer the top level
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        let trimmed = value.trim();
        let quoted = [('"', '"'), ('\'', '\'')]
            .into_iter()
            .find_map(|(open, close)| trimmed.strip_prefix(open)?.split(close).next());
        let value = match quoted {
            Some(inner) => inner.to_string(),
            None => trimmed
                .split('#')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        if let Some(inner) = quoted
            && matches!(key, "title" | "subtitle" | "description" | "summary")
            && !inner.contains('\\')
            && !inner.is_empty()
            && let Some(offset) = raw.find(inner)
        {
            meta.prose.push(here + offset..here + offset + inner.len());
        }
        match key {
            "date" | "published" => {
                let day_part = value.get(..10).unwrap_or(&value).replace('/', "-");
                match Day::parse_iso(&day_part) {
                    Some(day) => meta.published = Some(day),
                    None => meta.date_text = Some(value),
                }
            }
            "title" => meta.title = Some(value),
            "source" => meta.source = Some(value),
            _ => {}
        }
    }
    meta
}

/// The lines of a text, each with its ending: LF, CRLF or a lone CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => break,
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => break,
                _ => i += 1,
            }
        }
        let end = (i + 1).min(bytes.len());
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// Plain text: blocks are runs of non-blank lines.
fn text_blocks(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut block_start = None;
    let mut pos = start;
    for line in lines(&text[start..]) {
        let blank = line.trim().is_empty();
        match (blank, block_start) {
            (false, None) => block_start = Some(pos),
            (true, Some(s)) => {
                blocks.push(s..pos);
                block_start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = block_start {
        blocks.push(s..text.len());
    }
    blocks
}

/// Copies the prose of a Markdown body into `prose` and returns its leaf blocks.
fn markdown_prose(
    text: &str,
    start: usize,
    prose: &mut [u8],
    comments: &mut Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let body = &text[start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut blocks = Vec::new();
    // (start of block, whether it contains another block)
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut in_code = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = start + range.start..start + range.end;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_) => {
                    if let Some(parent) = open.last_mut() {
                        parent.1 = true;
                    }
                    open.push((range.start, false));
                }
                Tag::CodeBlock(_) => in_code += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_) => {
                    if let Some((block_start, has_child)) = open.pop()
                        && !has_child
                    {
                        blocks.push(block_start..range.end);
                    }
                }
                TagEnd::CodeBlock => in_code = in_code.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) if in_code == 0 => copy_text(text, range, prose),
            Event::Html(_) | Event::InlineHtml(_) if in_code == 0 => {
                comments.extend(find_comments(text, range));
            }
            Event::SoftBreak | Event::HardBreak => {}
            // Inline code, HTML, comments, math and footnote references are not prose.
            _ => {}
        }
    }
    blocks.sort_by_key(|b| (b.start, b.end));
    blocks
}

/// `<!-- … -->` comments inside a range of the text.
pub(crate) fn find_comments(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = range.start;
    while let Some(open) = text[at..range.end].find("<!--") {
        let start = at + open;
        let Some(close) = text[start + 4..range.end].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        found.push(start..end);
        at = end;
    }
    found
}

/// Copies a text event's source bytes. Escapes such as `\$` keep their backslash out.
fn copy_text(text: &str, range: Range<usize>, prose: &mut [u8]) {
    let src = &text.as_bytes()[range.clone()];
    for (i, &b) in src.iter().enumerate() {
        if b == b'\\' && src.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
            continue;
        }
        prose[range.start + i] = b;
    }
}

/// Blanks bare URLs left in the prose.
fn blank_urls(prose: &mut String) {
    let bytes = prose.as_bytes();
    let mut urls = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let is_url = rest.starts_with(b"http://")
            || rest.starts_with(b"https://")
            || rest.starts_with(b"www.");
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if is_url && at_word_start {
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            urls.push(start..i);
        } else {
            i += 1;
        }
    }
    // Each URL starts at an ASCII letter and ends before ASCII space or at the end: whole
    // characters.
    for url in urls {
        let blank = " ".repeat(url.len());
        prose.replace_range(url, &blank);
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "mt", "rev",
    "gov", "sen", "rep", "prof", "jr", "sr", "vs", "etc", "approx", "est", "fig", "u.s", "u.n",
    "e.g", "i.e", "brig", "adm", "cmdr", "insp", "supt", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun",
];

/// Marks that open an item of a list written as plain text.
const BULLETS: [char; 8] = ['•', '‣', '▪', '●', '◦', '◇', '◆', '■'];

/// The longest stretch of text read as one sentence.
pub const MAX_SENTENCE_BYTES: usize = 2048;

fn split_sentences(prose: &str, blocks: &[Range<usize>]) -> Vec<Sentence> {
    let bytes = prose.as_bytes();
    let mut sentences = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let mut start = block.start;
        let mut i = block.start;
        while i < block.end {
            let c = bytes[i];
            // Text with no sentence ends (a list of words, a generated file) is cut at
            // a space once long enough: no real sentence is this long, and later stages
            // may look across a whole sentence.
            if i - start >= MAX_SENTENCE_BYTES && c.is_ascii_whitespace() {
                push_sentence(prose, start..i, b, &mut sentences);
                start = i + 1;
                i = start;
                continue;
            }
            // A bullet after white space ("• The intersection", "◇ Two survive") opens
            // an item of its own, whatever ended the text before it.
            if i > start
                && bytes[i - 1].is_ascii_whitespace()
                && prose[i..block.end].starts_with(BULLETS)
            {
                push_sentence(prose, start..i, b, &mut sentences);
                start = i;
                i += prose[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if matches!(c, b'.' | b'!' | b'?') {
                let mut end = i + 1;
                while end < block.end && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                // Smart quotes and other closing marks.
                for closing in ["\u{201d}", "\u{2019}"] {
                    if prose[end.min(block.end)..block.end].starts_with(closing) {
                        end += closing.len();
                    }
                }
                let next = prose[end..block.end].trim_start();
                let gap = block.end - end - next.len();
                let starts_new = next.chars().next().is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '\u{201c}' | '(')
                        || BULLETS.contains(&n)
                });
                if gap > 0 && starts_new && !(c == b'.' && is_abbreviation(prose, start, i)) {
                    push_sentence(prose, start..end, b, &mut sentences);
                    start = end + gap;
                    i = start;
                    continue;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        push_sentence(prose, start..block.end, b, &mut sentences);
    }
    sentences
}

fn push_sentence(prose: &str, span: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    let text = &prose[span.clone()];
    let trimmed_start = span.start + (text.len() - text.trim_start().len());
    let trimmed_end = span.start + text.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            span: trimmed_start..trimmed_end,
            block,
        });
    }
}

fn is_abbreviation(prose: &str, sentence_start: usize, dot: usize) -> bool {
    let before = &prose[sentence_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital is an initial ("Mohammad D. Khan").
    if word.len() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Document {
        Document::parse("a.md", text.as_bytes().to_vec(), Format::Markdown, None).unwrap()
    }

    #[test]
    fn front_matter_code_links_and_comments_are_not_prose() {
        let text = "---\ntitle: \"Kabul\"\ndate: 2024-12-12\nsource: wire\n---\n# Head line\n\nHe said [the UN](https://un.org/5-killed) and <!-- 9 dead --> `12 dead` ok.\n\n```\n40 killed\n```\nSee https://example.org/7 now.\n";
        let doc = md(text);
        assert_eq!(doc.prose.len(), doc.text.len());
        assert_eq!(doc.meta.published, Day::parse_iso("2024-12-12"));
        assert_eq!(doc.meta.title.as_deref(), Some("Kabul"));
        assert!(!doc.prose.contains("title"));
        assert!(!doc.prose.contains("un.org"));
        assert!(!doc.prose.contains("9 dead"));
        assert!(!doc.prose.contains("12 dead"));
        assert!(!doc.prose.contains("40 killed"));
        assert!(!doc.prose.contains("example.org"));
        assert!(doc.prose.contains("the UN"));
        let texts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.prose[s.span.clone()].trim())
            .collect();
        // The front matter's headline is read as prose, the rest of it is not.
        assert_eq!(texts[0], "Kabul");
        assert_eq!(texts[1], "Head line");
        assert_eq!(doc.sentences.len(), 4);
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        let doc = Document::parse(
            "a.txt",
            b"On Dec. 11 Gen. Munir spoke. Mr. Dar agreed! Then U.S. officials left.\n\nNew para."
                .to_vec(),
            Format::Text,
            None,
        )
        .unwrap();
        let texts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &doc.prose[s.span.clone()])
            .collect();
        assert_eq!(
            texts,
            vec![
                "On Dec. 11 Gen. Munir spoke.",
                "Mr. Dar agreed!",
                "Then U.S. officials left.",
                "New para."
            ]
        );
        assert_eq!(doc.sentences[3].block, 1);
    }

    #[test]
    fn a_line_opening_with_a_bullet_is_a_sentence_of_its_own() {
        let doc = Document::parse(
            "a.txt",
            "  \u{2022} The toll is 15 people killed.\n  \u{2022} The site saw another crash in 1997\n\u{25c7} Two of 29 survive and heal."
                .as_bytes()
                .to_vec(),
            Format::Text,
            None,
        )
        .unwrap();
        let texts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &doc.prose[s.span.clone()])
            .collect();
        assert_eq!(
            texts,
            vec![
                "\u{2022} The toll is 15 people killed.",
                "\u{2022} The site saw another crash in 1997",
                "\u{25c7} Two of 29 survive and heal."
            ]
        );
    }

    #[test]
    fn invalid_utf8_and_bad_front_matter_are_errors() {
        let err = Document::parse("a.md", b"ok \xff".to_vec(), Format::Markdown, None).unwrap_err();
        assert_eq!(err, ReadError::InvalidUtf8 { offset: 3 });
        let err = Document::parse(
            "a.md",
            b"---\ndate: [2024\n---\nText".to_vec(),
            Format::Markdown,
            None,
        )
        .unwrap_err();
        assert!(matches!(err, ReadError::FrontMatter { .. }));
        // A date in another form is left for the date reader, not an error.
        let doc = Document::parse(
            "a.md",
            b"---\ndate: March 15, 2025\n---\nText".to_vec(),
            Format::Markdown,
            None,
        )
        .unwrap();
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.meta.date_text.as_deref(), Some("March 15, 2025"));
    }

    #[test]
    fn cli_date_fills_in_only_where_the_file_has_none() {
        let given = Day::parse_iso("2024-12-13");
        let doc = Document::parse("a.md", b"Text.".to_vec(), Format::Markdown, given).unwrap();
        assert_eq!(doc.meta.published, given);
        let doc = Document::parse(
            "a.md",
            b"---\ndate: 2024-12-12\n---\nText.".to_vec(),
            Format::Markdown,
            given,
        )
        .unwrap();
        assert_eq!(doc.meta.published, Day::parse_iso("2024-12-12"));
    }
}

//! The one place YAML is parsed.
//!
//! Everything else in factlint sees a [`Node`] tree in which every value and every
//! mapping key carries its byte span in the source text, so rule errors and findings can
//! point at the exact line of a rulebook. Parsing is done by `serde_yaml`; as that crate
//! exposes no positions for values, spans are recovered by walking the parsed tree in
//! document order and finding each key and scalar in the text after the previous one.
//! Mapping order is preserved by the parser, so the walk and the text advance together.
//! Where a span cannot be recovered (aliases, unusual scalars) the node gets the span of
//! the nearest located place before it, never a wrong file or an out-of-range offset.
//!
//! Swapping the parser means rewriting this module only.

use std::ops::Range;

/// A parsed YAML value with its location.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Where the value is written in the source text, in bytes (for a mapping, from its
    /// first key or opening brace); see the module's notes on spans that cannot be
    /// recovered.
    pub span: Range<usize>,
    /// What the value is.
    pub value: Value,
}

/// A YAML value, with the types rulebooks and configuration files are read as.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `~`, `null`, or nothing written (`key:` with no value).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written so that callers decide how to read it.
    Number(String),
    /// A string scalar, with quotes and escapes resolved; dates are read as strings too.
    String(String),
    /// A sequence (`- item` lines or `[a, b]`), its items in order.
    Seq(Vec<Node>),
    /// A mapping, its entries in the order written.
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key as text: a number, boolean or null key written out, any other non-string
    /// key as `?`.
    pub key: String,
    /// Where the key is written in the source text, in bytes, without its quotes.
    pub key_span: Range<usize>,
    /// The value under the key.
    pub value: Node,
}

/// A YAML syntax error, with the byte offset where the parser stopped if it gave one.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// What is wrong, without the parser's " at line L column C" (callers show the
    /// place themselves).
    pub message: String,
    /// The byte offset in the text where the parser stopped; `None` when there is no
    /// place to give (a file refused for its size, a parser error without a location).
    pub offset: Option<usize>,
}

/// Rulebooks are small; a file this large is a mistake, not a rulebook.
pub const MAX_YAML_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of flow collections (`[`, `{`) or compact block sequences
/// (`- - -`) accepted; rulebooks nest a handful of levels.
pub const MAX_YAML_DEPTH: usize = 64;

/// The most alias uses (`*name`) in one YAML file.
pub const MAX_YAML_ALIASES: usize = 10_000;

/// The most bytes a YAML file may stand for once every alias is expanded.
pub const MAX_YAML_EXPANDED_BYTES: usize = 64 * 1024 * 1024;

/// Parses one YAML document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(SyntaxError {
            message: format!(
                "file is {} bytes; the limit for a YAML file is {} bytes",
                text.len(),
                MAX_YAML_BYTES
            ),
            offset: None,
        });
    }
    prescan(text)?;
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let offset = e.location().map(|l| l.index().min(text.len()));
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; the caller shows the location itself.
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        SyntaxError { message, offset }
    })?;
    let mut locator = Locator { text, cursor: 0 };
    Ok(locator.node(&value))
}

/// Parses one YAML document, returning `Null` for empty input.
pub fn parse_or_null(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            span: 0..0,
            value: Value::Null,
        });
    }
    parse(text)
}

/// Refuses, in one pass and before any parsing, text whose nesting or alias expansion
/// would cost the parser far more time or memory than its size: flow collections or
/// compact block sequences nested deeper than [`MAX_YAML_DEPTH`], more than
/// [`MAX_YAML_ALIASES`] aliases, or aliases that expand to more than
/// [`MAX_YAML_EXPANDED_BYTES`]. The scan knows quotes and comments; an anchor's node is
/// taken to run to the next line indented no deeper than its own, so its size is never
/// underestimated. Linear in the text.
fn prescan(text: &str) -> Result<(), SyntaxError> {
    let mut scan = Prescan {
        text,
        bytes: text.as_bytes(),
        i: 0,
        anchors: Vec::new(),
        open: Vec::new(),
        alias_count: 0,
        expanded: text.len(),
        depth: 0,
        quote: None,
        line_start: 0,
        only_indicators: true,
        dashes: 0,
    };
    while scan.i < scan.bytes.len() {
        scan.step()?;
    }
    Ok(())
}

/// The state of [`prescan`]'s pass over the text.
struct Prescan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The byte the scan is at.
    i: usize,
    /// Anchors seen so far: name, start, and estimated size with every alias inside it
    /// expanded (final once its node has ended).
    anchors: Vec<(&'a str, usize, usize)>,
    /// Anchors whose node is still open: index into `anchors`, indent of its line.
    open: Vec<(usize, usize)>,
    alias_count: usize,
    /// The size of the text with every alias seen so far expanded.
    expanded: usize,
    /// How many flow collections are open.
    depth: usize,
    /// The quote character of the quoted scalar the scan is inside, if any.
    quote: Option<u8>,
    line_start: usize,
    /// Whether the line so far holds only spaces and `- ` indicators, and how many.
    only_indicators: bool,
    dashes: usize,
}

/// The error for text that would cost the parser too much, at the byte where that
/// became clear.
fn too_costly(message: String, offset: usize) -> SyntaxError {
    SyntaxError {
        message,
        offset: Some(offset),
    }
}

impl<'a> Prescan<'a> {
    /// How many spaces a line starting at `from` is indented by.
    fn indent_at(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .take_while(|c| **c == b' ')
            .count()
    }

    /// Reads the byte at `i` and moves past it, or past the comment or anchor name it
    /// starts; fails as soon as a limit is passed.
    fn step(&mut self) -> Result<(), SyntaxError> {
        let bytes = self.bytes;
        let i = self.i;
        let b = bytes[i];
        if let Some(q) = self.quote {
            self.quoted(q);
            return Ok(());
        }
        if self.only_indicators && b != b' ' {
            self.indicator()?;
        }
        let before = if i == 0 { b'\n' } else { bytes[i - 1] };
        let starts_node = matches!(before, b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',');
        match b {
            b'\n' => self.new_line(i + 1),
            b'#' if matches!(before, b' ' | b'\t' | b'\n' | b'\r') => {
                while self.i < bytes.len() && bytes[self.i] != b'\n' {
                    self.i += 1;
                }
                return Ok(());
            }
            b'"' | b'\'' if starts_node || before == b':' => self.quote = Some(b),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_YAML_DEPTH {
                    return Err(too_costly(
                        format!("nested deeper than {MAX_YAML_DEPTH} levels"),
                        i,
                    ));
                }
            }
            b']' | b'}' => self.depth = self.depth.saturating_sub(1),
            b'&' | b'*' if starts_node => return self.anchor_or_alias(b),
            _ => {}
        }
        self.i += 1;
        Ok(())
    }

    /// Moves past one byte inside a scalar quoted with `q`, and out of the scalar at its
    /// closing quote (a doubled `''` in single quotes, or a `\` escape in double quotes,
    /// is passed over whole).
    fn quoted(&mut self, q: u8) {
        let b = self.bytes[self.i];
        if b == q {
            if q == b'\'' && self.bytes.get(self.i + 1) == Some(&b'\'') {
                self.i += 1;
            } else {
                self.quote = None;
            }
        } else if b == b'\\' && q == b'"' {
            self.i += 1;
        }
        self.i += 1;
    }

    /// Counts a `- ` indicator at the start of a line, where each one nests a compact
    /// block sequence a level deeper; anything else ends the line's indicators.
    fn indicator(&mut self) -> Result<(), SyntaxError> {
        let i = self.i;
        let indicator = self.bytes[i] == b'-'
            && self
                .bytes
                .get(i + 1)
                .is_none_or(|n| n.is_ascii_whitespace());
        if indicator {
            self.dashes += 1;
            if self.dashes > MAX_YAML_DEPTH {
                return Err(too_costly(
                    format!("nested deeper than {MAX_YAML_DEPTH} levels"),
                    i,
                ));
            }
        } else {
            self.only_indicators = false;
        }
        Ok(())
    }

    /// Starts the line at `line_start`, ending the node of every open anchor it is not
    /// indented deeper than.
    fn new_line(&mut self, line_start: usize) {
        self.line_start = line_start;
        self.only_indicators = true;
        self.dashes = 0;
        // A line indented no deeper than an anchor's own ends the anchor's node.
        let indent = self.indent_at(line_start);
        let blank = self
            .bytes
            .get(line_start + indent)
            .is_none_or(|c| c.is_ascii_whitespace());
        if !blank {
            let anchors = &mut self.anchors;
            self.open.retain(|&(k, own)| {
                let ends = indent <= own;
                if ends {
                    anchors[k].2 = anchors[k].2.saturating_add(line_start - anchors[k].1);
                }
                !ends
            });
        }
    }

    /// At `&name` (`b` is `&`) or `*name`: opens the anchor's node, or counts the alias;
    /// then moves past the name.
    fn anchor_or_alias(&mut self, b: u8) -> Result<(), SyntaxError> {
        let (bytes, i) = (self.bytes, self.i);
        let name_end = bytes[i + 1..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b',' | b'[' | b']' | b'{' | b'}'))
            .map_or(bytes.len(), |n| i + 1 + n);
        let name = &self.text[i + 1..name_end];
        if !name.is_empty() {
            if b == b'&' {
                self.open
                    .push((self.anchors.len(), self.indent_at(self.line_start)));
                self.anchors.push((name, i, 0));
            } else {
                self.alias(name)?;
            }
        }
        self.i = name_end;
        Ok(())
    }

    /// An alias of the anchor `name`: its anchor's size is added to every anchor still
    /// open around it and to the expanded size of the text.
    fn alias(&mut self, name: &str) -> Result<(), SyntaxError> {
        let i = self.i;
        let size = self
            .anchors
            .iter()
            .rev()
            .find(|(n, _, _)| *n == name)
            .map_or(0, |a| a.2);
        for &(k, _) in &self.open {
            self.anchors[k].2 = self.anchors[k].2.saturating_add(size);
        }
        self.alias_count += 1;
        self.expanded = self.expanded.saturating_add(size);
        if self.alias_count > MAX_YAML_ALIASES {
            return Err(too_costly(
                format!("more than {MAX_YAML_ALIASES} aliases"),
                i,
            ));
        }
        if self.expanded > MAX_YAML_EXPANDED_BYTES {
            return Err(too_costly(
                format!("its aliases expand to more than {MAX_YAML_EXPANDED_BYTES} bytes"),
                i,
            ));
        }
        Ok(())
    }
}

struct Locator<'a> {
    text: &'a str,
    cursor: usize,
}

impl Locator<'_> {
    fn node(&mut self, value: &serde_yaml::Value) -> Node {
        let start = self.cursor;
        match value {
            serde_yaml::Value::Null => Node {
                span: self.here(),
                value: Value::Null,
            },
            serde_yaml::Value::Bool(b) => Node {
                span: self.scalar(&b.to_string()),
                value: Value::Bool(*b),
            },
            serde_yaml::Value::Number(n) => {
                let written = n.to_string();
                let span = self.scalar(&written);
                let raw = self.text[span.clone()].to_string();
                Node {
                    span,
                    value: Value::Number(if raw.is_empty() { written } else { raw }),
                }
            }
            serde_yaml::Value::String(s) => Node {
                span: self.scalar(s),
                value: Value::String(s.clone()),
            },
            serde_yaml::Value::Sequence(items) => {
                let open = self.skip_space();
                let nodes: Vec<Node> = items.iter().map(|v| self.node(v)).collect();
                let end = nodes.last().map_or(open, |n| n.span.end).max(open);
                Node {
                    span: open..end,
                    value: Value::Seq(nodes),
                }
            }
            serde_yaml::Value::Mapping(map) => {
                let open = self.skip_space();
                let mut entries = Vec::with_capacity(map.len());
                for (k, v) in map {
                    let key = match k {
                        serde_yaml::Value::String(s) => s.clone(),
                        serde_yaml::Value::Number(n) => n.to_string(),
                        serde_yaml::Value::Bool(b) => b.to_string(),
                        serde_yaml::Value::Null => "null".to_string(),
                        _ => String::from("?"),
                    };
                    let key_span = self.key(&key);
                    let value = self.node(v);
                    entries.push(Entry {
                        key,
                        key_span,
                        value,
                    });
                }
                let end = entries
                    .last()
                    .map_or(open, |e| e.value.span.end.max(e.key_span.end));
                // The mapping starts at its first key, or at the brace just before it;
                // the cursor may still stand on the previous item's closing brace.
                let open = entries.first().map_or(open, |e| {
                    let before = self.text[..e.key_span.start].trim_end_matches([' ', '\t']);
                    if before.ends_with('{') {
                        before.len() - 1
                    } else {
                        e.key_span.start
                    }
                });
                Node {
                    span: open.min(end)..end,
                    value: Value::Map(entries),
                }
            }
            serde_yaml::Value::Tagged(tagged) => {
                let mut node = self.node(&tagged.value);
                node.span.start = node.span.start.min(start);
                node
            }
        }
    }

    fn here(&self) -> Range<usize> {
        self.cursor..self.cursor
    }

    /// Moves past whitespace, comments and flow punctuation; returns the new cursor.
    fn skip_space(&mut self) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = self.cursor;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b'[' | b'{' | b',' | b'-' | b'?' => i += 1,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        self.cursor = i;
        i
    }

    /// Finds `key` written as a mapping key (`key:`, `"key":`, `'key':`) after the cursor.
    fn key(&mut self, key: &str) -> Range<usize> {
        let mut from = self.cursor;
        while let Some(found) = self.text[from..].find(key) {
            let start = from + found;
            let end = start + key.len();
            // An empty key matches everywhere: step one character on each time.
            from = end.max(start + self.text[start..].chars().next().map_or(1, char::len_utf8));
            if start >= self.text.len() {
                break;
            }
            if self.in_comment(start) {
                continue;
            }
            let before = self.text[..start].chars().next_back();
            let quoted = matches!(before, Some('"' | '\''));
            let boundary_before = matches!(
                before,
                None | Some(' ' | '\t' | '\n' | '{' | ',' | '-' | '"' | '\'' | '?')
            );
            if !boundary_before {
                continue;
            }
            let mut after = end;
            if quoted && self.text[after..].starts_with(['"', '\'']) {
                after += 1;
            }
            let rest = self.text[after..].trim_start_matches([' ', '\t']);
            if rest.starts_with(':') {
                self.cursor = after + (self.text[after..].len() - rest.len()) + 1;
                return start..end;
            }
        }
        self.here()
    }

    /// Finds a scalar written after the cursor; quoted scalars span their quotes.
    fn scalar(&mut self, written: &str) -> Range<usize> {
        let start = self.skip_space();
        let rest = &self.text[start..];
        if written.is_empty() {
            if rest.starts_with("\"\"") || rest.starts_with("''") {
                self.cursor = start + 2;
                return start..start + 2;
            }
            return self.here();
        }
        if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
            && let Some(close) = rest[1..].find(quote)
            && rest[1..1 + close].contains(written.lines().next().unwrap_or(written))
        {
            let end = start + 1 + close + 1;
            self.cursor = end;
            return start..end;
        }
        if rest.starts_with(written) {
            self.cursor = start + written.len();
            return start..self.cursor;
        }
        // Block scalars, folded text and numbers in another notation: point at the line.
        if rest.starts_with(['|', '>']) || !written.contains('\n') {
            let line_end = rest.find('\n').map_or(self.text.len(), |e| start + e);
            let first_line = written.lines().next().unwrap_or("");
            if let Some(found) = self.text[start..]
                .find(first_line)
                .filter(|_| !first_line.is_empty())
            {
                let s = start + found;
                self.cursor = s + first_line.len();
                return s..self.cursor;
            }
            let span = start..line_end.max(start);
            self.cursor = span.end;
            return span;
        }
        self.here()
    }

    fn in_comment(&self, at: usize) -> bool {
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = &self.text[line_start..at];
        let mut in_single = false;
        let mut in_double = false;
        let mut prev = ' ';
        for c in line.chars() {
            match c {
                '\'' if !in_double => in_single = !in_single,
                '"' if !in_single => in_double = !in_double,
                '#' if !in_single && !in_double && prev.is_whitespace() => return true,
                _ => {}
            }
            prev = c;
        }
        false
    }
}

impl Node {
    /// Rewrites every string value in the tree (keys stay as written) where `f` gives a
    /// new one.
    pub fn map_strings(&mut self, f: &impl Fn(&str) -> Option<String>) {
        match &mut self.value {
            Value::String(s) => {
                if let Some(new) = f(s) {
                    *s = new;
                }
            }
            Value::Seq(items) => items.iter_mut().for_each(|n| n.map_strings(f)),
            Value::Map(entries) => entries.iter_mut().for_each(|e| e.value.map_strings(f)),
            _ => {}
        }
    }

    /// The text of a string value; `None` for any other type, a number included (see
    /// [`Node::scalar_text`] to read any scalar as text).
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar as text, whatever its YAML type: `58`, `2024-12-11`, `true`.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The entries of a mapping, in the order written; `None` for any other type.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value's type in words, for error messages: "must be a mapping, found a
    /// list".
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "a true/false value",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
        &text[span.clone()]
    }

    #[test]
    fn locates_keys_and_scalars_in_block_and_flow_style() {
        let text = "# a comment with killed: in it\nevents:\n  kabul:\n    date: 2024-12-11\n    facts:\n      killed: {at_least: 3, note: \"reports differ\"}\n      about: [khalil-haqqani, Kabul]\n";
        let root = parse(text).unwrap();
        let events = &root.as_map().unwrap()[0];
        assert_eq!(at(text, &events.key_span), "events");
        let kabul = &events.value.as_map().unwrap()[0];
        assert_eq!(at(text, &kabul.key_span), "kabul");
        let entries = kabul.value.as_map().unwrap();
        assert_eq!(at(text, &entries[0].value.span), "2024-12-11");
        let facts = entries[1].value.as_map().unwrap();
        assert_eq!(at(text, &facts[0].key_span), "killed");
        let killed = facts[0].value.as_map().unwrap();
        assert_eq!(at(text, &killed[0].key_span), "at_least");
        assert_eq!(at(text, &killed[0].value.span), "3");
        assert_eq!(at(text, &killed[1].value.span), "\"reports differ\"");
        let Value::Seq(items) = &facts[1].value.value else {
            panic!("not a list")
        };
        assert_eq!(at(text, &items[1].span), "Kabul");
        let line_of_killed = text[..facts[0].key_span.start].lines().count();
        assert_eq!(line_of_killed, 6);
    }

    #[test]
    fn reports_syntax_errors_with_offsets() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(err.offset.is_some());
        assert!(!err.message.contains(" at line "));
    }

    #[test]
    fn rejects_duplicate_keys() {
        assert!(parse("a: 1\na: 2\n").is_err());
    }

    #[test]
    fn a_line_of_dashes_is_text_not_nesting() {
        let rule = "-".repeat(100);
        assert!(parse(&format!("note: |\n  {rule}\nx: 1\n")).is_ok());
        assert!(parse(&format!("note: \"{rule}\"\n")).is_ok());
        let compact = format!("{}1\n", "- ".repeat(65));
        assert!(
            parse(&compact)
                .unwrap_err()
                .message
                .contains("nested deeper")
        );
    }

    #[test]
    fn empty_input_is_null() {
        assert_eq!(parse_or_null("  \n").unwrap().value, Value::Null);
    }
}

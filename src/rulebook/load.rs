//! Reading rulebook files: YAML to the validated model, with every error located.
//!
//! Conversion is written by hand rather than derived so that one pass reports every
//! problem in every file (an unknown key, a bad date, an undefined source) each at its
//! own line, with a suggestion where one is obvious. Nothing is half-applied: a rulebook
//! with any error is not returned.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};
use regex::Regex;

use super::{
    BUILTIN_MEASURES, Disputed, Entity, EntityKind, Event, Expected, Fact, Loc, Measure, Pattern,
    Post, Report, RuleFile, Rulebook, Source, Stood, Subject,
};
use crate::date::{Day, DayRange};
use crate::figure::quantity;
use crate::interval::Interval;
use crate::yaml::{self, Entry, Node, Value};

/// One problem in a YAML input: a rulebook file or a configuration file.
#[derive(Debug, Clone)]
pub struct RuleError {
    /// `factlint::rules` or `factlint::config`.
    pub code: &'static str,
    /// The file's name as given (the path it was read from), as errors show it.
    pub file: String,
    /// The file's text under its name, for drawing the error.
    pub named: NamedSource<Arc<String>>,
    /// The bytes of the file's text the error points at; `0..0` for an error about a
    /// whole file.
    pub span: Range<usize>,
    /// What is wrong, in a sentence (for a whole file, starting with its name).
    pub message: String,
    /// The words written under the span where the error is drawn ("unknown key"), and
    /// after the line and column when the line is too long to draw.
    pub label: String,
    /// How to put it right, when there is an obvious way ("did you mean `killed`?").
    pub help: Option<String>,
    /// An error makes the file unusable; a warning (a `rules check` lint) does not.
    pub severity: miette::Severity,
}

impl RuleError {
    /// An error at a span of a file's text.
    pub fn at(
        code: &'static str,
        file: &str,
        text: Arc<String>,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> RuleError {
        RuleError {
            code,
            file: file.to_string(),
            named: NamedSource::new(file, text),
            span,
            message: message.into(),
            label: label.into(),
            help,
            severity: miette::Severity::Error,
        }
    }

    /// An error about a whole file (it cannot be read, or does not exist).
    pub fn plain(code: &'static str, file: &str, message: &str) -> RuleError {
        RuleError::at(
            code,
            file,
            Arc::new(String::new()),
            0..0,
            format!("{file}: {message}"),
            "",
            None,
        )
    }
}

/// How far into its line, in bytes, a located error may stand and still be drawn with
/// its line; further on, the line is not drawn (it would be unreadable, and the drawing
/// has a width limit) and the message gives the line and column instead.
const DRAWN_COLUMN_BYTES: usize = 4096;

impl RuleError {
    /// The line and column (1-based, in characters) of an error too far into its line
    /// to be drawn.
    fn undrawn_at(&self) -> Option<(usize, usize)> {
        let text = self.named.inner();
        let end = self.span.end.min(text.len());
        let start = self.span.start.min(end);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if line_end - line_start <= DRAWN_COLUMN_BYTES {
            return None;
        }
        let line = text[..start].matches('\n').count() + 1;
        let column = text
            .get(line_start..start)
            .map_or(1, |t| t.chars().count() + 1);
        Some((line, column))
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some((line, column)) = self.undrawn_at() {
            write!(f, " (at {}:{line}:{column}: {})", self.file, self.label)?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleError {}

impl Diagnostic for RuleError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.clone()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // An error about a whole file, or one too far into its line, draws no text.
        if self.undrawn_at().is_some() || self.named.inner().is_empty() {
            return None;
        }
        Some(&self.named)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.undrawn_at().is_some() || self.named.inner().is_empty() {
            return None;
        }
        let len = self.span.end.saturating_sub(self.span.start).max(1);
        let source_len = self.named.inner().len();
        let start = self.span.start.min(source_len);
        let len = len.min(source_len.saturating_sub(start)).max(
            // A zero-length label at the end of a file still needs to be drawn.
            usize::from(start < source_len),
        );
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(self.label.clone()), (start, len)),
        )))
    }
}

/// Every problem found in a rulebook; the rulebook is unusable while any remain.
#[derive(Debug)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the rulebook has {n} error{}",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for RuleErrors {}

impl Diagnostic for RuleErrors {
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.0.iter().map(|e| e as &dyn Diagnostic)))
    }
}

/// Reads rulebook files from paths: a file, a directory (every `.yaml`/`.yml` file
/// below it) or a glob. Returns the files in a stable order, or the errors.
pub fn read_rule_paths(paths: &[String]) -> Result<Vec<RuleFile>, RuleErrors> {
    let expanded = crate::paths::expand(paths, is_yaml);
    // A rule file that cannot be read is an error, never a note: a rulebook with a
    // file missing would check against less than the desk wrote.
    let mut errors: Vec<RuleError> = expanded
        .errors
        .iter()
        .map(|p| plain_error(&p.path, &p.message))
        .chain(
            expanded
                .skipped
                .iter()
                .map(|p| plain_error(&p.path, "not a regular file; not read")),
        )
        .collect();
    let mut files = Vec::new();
    for name in expanded.files {
        match crate::paths::read_bounded(Path::new(&name), crate::yaml::MAX_YAML_BYTES as u64) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(RuleFile { name, text }),
                Err(e) => errors.push(plain_error(
                    &name,
                    &format!(
                        "not valid UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )),
            },
            Err(e) => errors.push(plain_error(&name, &e)),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(RuleErrors(errors))
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn plain_error(file: &str, message: &str) -> RuleError {
    RuleError::plain("factlint::rules", file, message)
}

/// Loads a rulebook from paths (see [`read_rule_paths`]).
pub fn load_paths(paths: &[String]) -> Result<Rulebook, RuleErrors> {
    load_sources(read_rule_paths(paths)?)
}

/// Loads a rulebook from files already read.
pub fn load_sources(files: Vec<RuleFile>) -> Result<Rulebook, RuleErrors> {
    let mut loader = Loader {
        book: Rulebook {
            files,
            ..Rulebook::default()
        },
        errors: Vec::new(),
        texts: Vec::new(),
        pending_sources: Vec::new(),
        pending_entities: Vec::new(),
        pending_about: Vec::new(),
        pending_kinds: Vec::new(),
        pending_places: Vec::new(),
        pending_patterns: Vec::new(),
        source_index: HashMap::new(),
        subject_index: HashMap::new(),
        stated: std::collections::HashSet::new(),
    };
    loader.texts = loader
        .book
        .files
        .iter()
        .map(|f| Arc::new(f.text.clone()))
        .collect();
    let mut roots = Vec::new();
    for file in 0..loader.book.files.len() {
        match yaml::parse_or_null(&loader.book.files[file].text) {
            Ok(mut root) => {
                // Names and phrases are matched in the prose's normal form.
                root.map_strings(&|s| match crate::document::normal::normal_form(s) {
                    std::borrow::Cow::Owned(normal) => Some(normal),
                    std::borrow::Cow::Borrowed(_) => None,
                });
                roots.push((file, root))
            }
            Err(e) => {
                let at = e.offset.unwrap_or(0);
                loader.error(
                    file,
                    at..at,
                    format!("YAML syntax error: {}", e.message),
                    "here",
                    None,
                );
            }
        }
    }
    // Sources first, then entities, then events: later sections refer to earlier ones,
    // whichever file they are in.
    for (file, root) in &roots {
        loader.top_level(*file, root);
    }
    for (file, root) in &roots {
        if let Some(section) = section(root, "lexicon") {
            loader.lexicon(*file, section);
        }
    }
    for (file, root) in &roots {
        if let Some(section) = section(root, "sources") {
            loader.sources(*file, section);
        }
    }
    for (file, root) in &roots {
        if let Some(section) = section(root, "entities") {
            loader.entities(*file, section);
        }
    }
    for (file, root) in &roots {
        if let Some(section) = section(root, "events") {
            loader.events(*file, section);
        }
    }
    loader.resolve();
    if loader.errors.is_empty() {
        let mut book = loader.book;
        book.index();
        let refused = super::lint::refusals(&book);
        if !refused.is_empty() {
            return Err(RuleErrors(refused));
        }
        Ok(book)
    } else {
        let mut errors = loader.errors;
        errors.sort_by(|a, b| (&a.file, a.span.start).cmp(&(&b.file, b.span.start)));
        Err(RuleErrors(errors))
    }
}

fn section<'a>(root: &'a Node, name: &str) -> Option<&'a Node> {
    root.as_map()?
        .iter()
        .find(|e| e.key == name)
        .map(|e| &e.value)
}

struct Loader {
    book: Rulebook,
    errors: Vec<RuleError>,
    texts: Vec<Arc<String>>,
    /// (file, node) of source references, checked once every source is known.
    pending_sources: Vec<(usize, Node)>,
    /// (file, node, referring id) of entity references.
    pending_entities: Vec<(usize, Node, String)>,
    /// (event index, file, node) of `about` lists.
    pending_about: Vec<(usize, usize, Node)>,
    /// (event index, file, node) of `kind` values, checked once the lexicon is known.
    pending_kinds: Vec<(usize, usize, Node)>,
    /// Each event's `place` items, resolved once every entity is known.
    pending_places: Vec<(usize, usize, Node)>,
    /// (fact index, file, node) of `patterns` lists.
    pending_patterns: Vec<(usize, usize, Node)>,
    /// Indexes that keep loading linear in the size of the rulebook.
    source_index: HashMap<String, usize>,
    subject_index: HashMap<String, Loc>,
    stated: std::collections::HashSet<(Subject, String)>,
}

const TOP_KEYS: &[&str] = &["sources", "entities", "events", "lexicon"];
const SOURCE_KEYS: &[&str] = &["title", "url", "publisher", "published", "note"];
const ENTITY_KEYS: &[&str] = &[
    "name", "kind", "aliases", "short", "died", "born", "note", "facts",
];
const EVENT_KEYS: &[&str] = &[
    "summary",
    "kind",
    "date",
    "about",
    "place",
    "claimed_by",
    "note",
    "sources",
    "facts",
];
const MEASURE_KEYS: &[&str] = &[
    "value",
    "at_least",
    "at_most",
    "source",
    "sources",
    "note",
    "reported",
    "revised_from",
    "as_of",
    "cues",
    "patterns",
    "parts",
    "unit",
];
const REPORT_KEYS: &[&str] = &[
    "value", "at_least", "at_most", "source", "sources", "note", "as_of",
];
const AGE_KEYS: &[&str] = &[
    "value", "as_of", "born", "source", "sources", "note", "reported",
];
const TITLE_KEYS: &[&str] = &["value", "accept", "from", "to", "source", "sources", "note"];
const DATE_KEYS: &[&str] = &[
    "value", "from", "to", "source", "sources", "note", "reported",
];
const CODE_KEYS: &[&str] = &["code", "accept", "cues", "source", "sources", "note"];
const DISPUTED_KEYS: &[&str] = &["value", "source", "sources", "note"];

/// The fields of an entity that are read only once the entity is in the book.
struct EntityRest {
    /// Where the name is written (`name: …`), or the entity's id when it has none.
    name_span: Range<usize>,
    /// `born:`, which becomes the fact of the entity's age.
    born: Option<Entry>,
    /// The entity's `facts:`.
    facts: Option<Node>,
}

impl Loader {
    fn error(
        &mut self,
        file: usize,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        self.errors.push(RuleError::at(
            "factlint::rules",
            &self.book.files[file].name,
            self.texts[file].clone(),
            span,
            message,
            label,
            help,
        ));
    }

    /// Checks that `node` is a mapping whose keys are all in `allowed`.
    fn map<'n>(
        &mut self,
        file: usize,
        node: &'n Node,
        what: &str,
        allowed: &[&str],
    ) -> Option<&'n [Entry]> {
        let Some(entries) = node.as_map() else {
            if node.value != Value::Null {
                self.error(
                    file,
                    node.span.clone(),
                    format!("{what} must be a mapping, found {}", node.type_name()),
                    "expected `key: value` pairs",
                    None,
                );
            }
            return None;
        };
        for entry in entries {
            if !allowed.contains(&entry.key.as_str()) {
                // `{value: 1,002}`: YAML split the figure at its comma.
                let split = !entry.key.is_empty() && entry.key.chars().all(|c| c.is_ascii_digit());
                let help = match closest(&entry.key, allowed.iter().copied()) {
                    _ if split => format!(
                        "a comma inside `{{…}}` splits a figure into keys: quote the figure, \
                         as in `{{value: \"1,{}\"}}`",
                        entry.key
                    ),
                    Some(near) => format!(
                        "did you mean `{near}`? {what} takes: {}",
                        allowed.join(", ")
                    ),
                    None => format!("{what} takes: {}", allowed.join(", ")),
                };
                self.error(
                    file,
                    entry.key_span.clone(),
                    format!("unknown key `{}` in {what}", entry.key),
                    "unknown key",
                    Some(help),
                );
            }
        }
        Some(entries)
    }

    fn string(&mut self, file: usize, node: &Node, what: &str) -> Option<String> {
        match node.scalar_text() {
            Some(s) if !s.trim().is_empty() => Some(s),
            _ => {
                self.error(
                    file,
                    node.span.clone(),
                    format!("{what} must be text, found {}", node.type_name()),
                    "expected text",
                    None,
                );
                None
            }
        }
    }

    /// [`Self::strings`] without their places.
    fn string_list(&mut self, file: usize, node: &Node, what: &str) -> Vec<String> {
        self.strings(file, node, what)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    fn strings(&mut self, file: usize, node: &Node, what: &str) -> Vec<(String, Range<usize>)> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| {
                    self.string(file, item, what)
                        .map(|s| (s, item.span.clone()))
                })
                .collect(),
            Value::Null => Vec::new(),
            _ => self
                .string(file, node, what)
                .map(|s| vec![(s, node.span.clone())])
                .unwrap_or_default(),
        }
    }

    fn date(&mut self, file: usize, node: &Node, what: &str) -> Option<DayRange> {
        let Some(text) = node.scalar_text() else {
            self.error(
                file,
                node.span.clone(),
                format!("{what} must be a date, found {}", node.type_name()),
                "not a date",
                Some("write a day as YYYY-MM-DD, a month as YYYY-MM or a year as YYYY".into()),
            );
            return None;
        };
        let parsed = parse_date_range(&text);
        if parsed.is_none() {
            self.error(
                file,
                node.span.clone(),
                format!("{what}: `{text}` is not a date"),
                "not a date",
                Some("write a day as YYYY-MM-DD, a month as YYYY-MM or a year as YYYY".into()),
            );
        }
        parsed
    }

    /// A `lexicon:` section: words added to the reading vocabulary's open lists and
    /// kinds of event, each lower case.
    fn lexicon(&mut self, file: usize, node: &Node) {
        use crate::lexicon::EXTENSIBLE;
        let Some(entries) = self
            .map(file, node, "`lexicon`", &[EXTENSIBLE, &["kinds"]].concat())
            .map(<[Entry]>::to_vec)
        else {
            return;
        };
        for entry in &entries {
            if !EXTENSIBLE.contains(&entry.key.as_str()) {
                continue;
            }
            let words = self.lower_words(file, &entry.value, &entry.key);
            self.book
                .lexicon
                .lists
                .entry(entry.key.clone())
                .or_default()
                .extend(words);
        }
        for entry in entries.iter().filter(|e| e.key == "kinds") {
            let Some(kinds) = entry.value.as_map().map(<[Entry]>::to_vec) else {
                self.map(file, &entry.value, "`kinds`", &[]);
                continue;
            };
            for kind in &kinds {
                if !self.check_id(file, kind, "kind") {
                    continue;
                }
                let Some(fields) = self
                    .map(
                        file,
                        &kind.value,
                        "a kind",
                        &["words", "nouns", "verbs", "toll"],
                    )
                    .map(<[Entry]>::to_vec)
                else {
                    continue;
                };
                let mut added = crate::lexicon::Kind::default();
                for field in &fields {
                    if field.key == "toll" {
                        match field.value.scalar_text().as_deref() {
                            Some("true") => added.toll = true,
                            Some("false") => added.toll = false,
                            _ => self.error(
                                file,
                                field.value.span.clone(),
                                "`toll` must be true or false",
                                "not true or false",
                                Some("`toll: false` for a kind of event that kills no one (a trial, a visit)".into()),
                            ),
                        }
                        continue;
                    }
                    let words = self.lower_words(file, &field.value, &field.key);
                    match field.key.as_str() {
                        "words" => added.words = words,
                        "nouns" => added.nouns = words,
                        _ => added.verbs = words,
                    }
                }
                let slot = self.book.lexicon.kinds.entry(kind.key.clone()).or_default();
                slot.words.extend(added.words);
                slot.nouns.extend(added.nouns);
                slot.verbs.extend(added.verbs);
                slot.toll &= added.toll;
            }
        }
    }

    /// A list of words for the lexicon: strings, lower case, not empty.
    fn lower_words(&mut self, file: usize, node: &Node, what: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (word, span) in self.strings(file, node, &format!("a `{what}` word")) {
            let trimmed = word.split_whitespace().collect::<Vec<_>>().join(" ");
            if trimmed.is_empty() || trimmed.to_lowercase() != trimmed {
                self.error(
                    file,
                    span,
                    format!("lexicon words are lower case and not empty: `{word}`"),
                    "not a lexicon word",
                    Some("write the word as it is compared, in lower case".into()),
                );
                continue;
            }
            out.push(trimmed);
        }
        out
    }

    fn top_level(&mut self, file: usize, root: &Node) {
        self.map(file, root, "the top level of a rulebook file", TOP_KEYS);
    }

    fn check_id(&mut self, file: usize, entry: &Entry, what: &str) -> bool {
        let valid = !entry.key.is_empty()
            && entry
                .key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
        if !valid {
            self.error(
                file,
                entry.key_span.clone(),
                format!("`{}` is not a valid {what} id", entry.key),
                "invalid id",
                Some("ids are letters, digits, `-` and `_`, such as `kabul-bombing-2024`".into()),
            );
        }
        valid
    }

    fn duplicate(&mut self, file: usize, entry: &Entry, what: &str, first: &Loc) {
        let first_file = self.book.files[first.file].name.clone();
        let line = self.book.line_of(first);
        self.error(
            file,
            entry.key_span.clone(),
            format!("duplicate {what} id `{}`", entry.key),
            "defined again here",
            Some(format!("first defined at {first_file}:{line}")),
        );
    }

    fn sources(&mut self, file: usize, node: &Node) {
        let Some(entries) = node.as_map().map(<[Entry]>::to_vec) else {
            self.map(file, node, "`sources`", &[]);
            return;
        };
        for entry in &entries {
            if !self.check_id(file, entry, "source") {
                continue;
            }
            let loc = Loc {
                file,
                span: entry.key_span.clone(),
            };
            if let Some(&first) = self.source_index.get(&entry.key) {
                let first = self.book.sources[first].loc.clone();
                self.duplicate(file, entry, "source", &first);
                continue;
            }
            let mut source = Source {
                id: entry.key.clone(),
                title: entry.key.clone(),
                url: None,
                published: None,
                loc,
            };
            if let Some(title) = entry.value.as_str() {
                source.title = title.to_string();
            } else if let Some(fields) = self.map(file, &entry.value, "a source", SOURCE_KEYS) {
                for field in fields {
                    match field.key.as_str() {
                        "title" => {
                            if let Some(t) = self.string(file, &field.value, "`title`") {
                                source.title = t;
                            }
                        }
                        "url" => source.url = self.string(file, &field.value, "`url`"),
                        "published" => {
                            source.published =
                                self.date(file, &field.value, "`published`").map(|d| d.from);
                        }
                        _ => {}
                    }
                }
            }
            self.source_index
                .insert(source.id.clone(), self.book.sources.len());
            self.book.sources.push(source);
        }
    }

    /// `entities:`: each entity under its id, which must be new.
    fn entities(&mut self, file: usize, node: &Node) {
        let Some(entries) = node.as_map().map(<[Entry]>::to_vec) else {
            self.map(file, node, "`entities`", &[]);
            return;
        };
        for entry in &entries {
            if !self.check_id(file, entry, "entity") {
                continue;
            }
            if let Some(first) = self.subject_index.get(&entry.key) {
                let first = first.clone();
                self.duplicate(file, entry, "entity", &first);
                continue;
            }
            let Some(fields) = self.map(file, &entry.value, "an entity", ENTITY_KEYS) else {
                continue;
            };
            let fields = fields.to_vec();
            self.entity(file, entry, &fields);
        }
    }

    /// One entity of `entities:`, from its fields: added to the book, with the facts
    /// of its name (for a person), its birth and its own `facts:`.
    fn entity(&mut self, file: usize, entry: &Entry, fields: &[Entry]) {
        let index = self.book.entities.len();
        let mut entity = Entity {
            id: entry.key.clone(),
            name: String::new(),
            kind: EntityKind::Other,
            kind_given: false,
            aliases: Vec::new(),
            short_names: Vec::new(),
            died: None,
            posts: Vec::new(),
            loc: Loc {
                file,
                span: entry.key_span.clone(),
            },
        };
        let rest = self.entity_fields(file, entry, fields, &mut entity);
        if entity.name.is_empty() {
            self.error(
                file,
                entry.key_span.clone(),
                format!("entity `{}` has no `name`", entry.key),
                "missing `name`",
                Some("add `name:` with the house spelling".into()),
            );
        }
        self.subject_index
            .insert(entity.id.clone(), entity.loc.clone());
        // A person's spellings are a fact like any other: articles are checked
        // against it.
        let name = (entity.kind == EntityKind::Person && !entity.name.is_empty()).then(|| {
            Expected::Name {
                house: entity.name.clone(),
                aliases: entity.aliases.clone(),
            }
        });
        self.book.entities.push(entity);
        let subject = Subject::Entity(index);
        if let Some(name) = name {
            self.push_fact(
                subject,
                "name",
                name,
                Loc {
                    file,
                    span: rest.name_span,
                },
            );
        }
        if let Some(born) = rest.born {
            self.birth(file, subject, &born);
        }
        if let Some(facts) = rest.facts {
            self.facts(file, subject, &facts);
        }
    }

    /// Reads an entity's fields into it: its name, kind, aliases, short names and death;
    /// returns what becomes facts once the entity is in the book.
    fn entity_fields(
        &mut self,
        file: usize,
        entry: &Entry,
        fields: &[Entry],
        entity: &mut Entity,
    ) -> EntityRest {
        let mut rest = EntityRest {
            name_span: entry.key_span.clone(),
            born: None,
            facts: None,
        };
        for field in fields {
            match field.key.as_str() {
                "name" => {
                    if let Some(n) = self.string(file, &field.value, "`name`") {
                        entity.name = n;
                        rest.name_span = field.key_span.start..field.value.span.end;
                    }
                }
                "kind" => {
                    let word = field.value.scalar_text().unwrap_or_default();
                    match EntityKind::parse(&word) {
                        Some(k) => {
                            entity.kind = k;
                            entity.kind_given = true;
                        }
                        None => self.error(
                            file,
                            field.value.span.clone(),
                            format!("unknown entity kind `{word}`"),
                            "unknown kind",
                            Some(format!("use one of: {}", EntityKind::NAMES.join(", "))),
                        ),
                    }
                }
                "aliases" => {
                    entity.aliases = self.string_list(file, &field.value, "an alias");
                }
                "short" => {
                    entity.short_names = self.string_list(file, &field.value, "a short name");
                }
                "died" => {
                    let (day, _, _) = self.sourced_date(file, &field.value, "`died`");
                    entity.died = day.map(|d| d.from);
                }
                "born" => rest.born = Some(field.clone()),
                "facts" => rest.facts = Some(field.value.clone()),
                _ => {}
            }
        }
        rest
    }

    /// An entity's `born:` (a date, with its sources and note): the fact its age is
    /// checked against.
    fn birth(&mut self, file: usize, subject: Subject, born: &Entry) {
        if let (Some(range), sources, note) = self.sourced_date(file, &born.value, "`born`") {
            let fact = self.push_fact(
                subject,
                "age",
                Expected::Birth(range),
                Loc {
                    file,
                    span: born.key_span.clone(),
                },
            );
            self.book.facts[fact].sources = sources;
            self.book.facts[fact].note = note;
        }
    }

    fn events(&mut self, file: usize, node: &Node) {
        let Some(entries) = node.as_map().map(<[Entry]>::to_vec) else {
            self.map(file, node, "`events`", &[]);
            return;
        };
        for entry in &entries {
            if !self.check_id(file, entry, "event") {
                continue;
            }
            let clash = self.subject_index.get(&entry.key).cloned();
            if let Some(first) = clash {
                self.duplicate(file, entry, "event", &first);
                continue;
            }
            let Some(fields) = self.map(file, &entry.value, "an event", EVENT_KEYS) else {
                continue;
            };
            let fields = fields.to_vec();
            let index = self.book.events.len();
            self.subject_index.insert(
                entry.key.clone(),
                Loc {
                    file,
                    span: entry.key_span.clone(),
                },
            );
            self.book.events.push(Event {
                id: entry.key.clone(),
                summary: None,
                kinds: Vec::new(),
                date: None,
                markers: Vec::new(),
                marker_entities: Vec::new(),
                places: Vec::new(),
                loc: Loc {
                    file,
                    span: entry.key_span.clone(),
                },
            });
            let subject = Subject::Event(index);
            for field in &fields {
                match field.key.as_str() {
                    "summary" => {
                        self.book.events[index].summary =
                            self.string(file, &field.value, "`summary`");
                    }
                    "date" => self.event_date(file, index, field),
                    "about" => self.pending_about.push((index, file, field.value.clone())),
                    "kind" => self.pending_kinds.push((index, file, field.value.clone())),
                    "place" | "claimed_by" => {
                        self.pending_entities
                            .push((file, field.value.clone(), entry.key.clone()));
                        if field.key == "place" {
                            self.pending_places.push((index, file, field.value.clone()));
                        }
                    }
                    "sources" => self.pending_sources.push((file, field.value.clone())),
                    "facts" => {}
                    _ => {}
                }
            }
            if let Some(facts) = fields.iter().find(|f| f.key == "facts") {
                self.facts(file, subject, &facts.value.clone());
            }
        }
    }

    fn event_date(&mut self, file: usize, index: usize, field: &Entry) {
        let loc = Loc {
            file,
            span: field.key_span.clone(),
        };
        let (range, sources, note, disputed) = if field.value.as_map().is_some() {
            let Some(parts) = self.map(file, &field.value, "`date`", DATE_KEYS) else {
                return;
            };
            let parts = parts.to_vec();
            let mut value = None;
            let (mut from, mut to) = (None, None);
            for part in &parts {
                match part.key.as_str() {
                    "value" => value = self.date(file, &part.value, "`value`"),
                    "from" => from = self.date(file, &part.value, "`from`"),
                    "to" => to = self.date(file, &part.value, "`to`"),
                    _ => {}
                }
            }
            let range = match (value, from, to) {
                (Some(v), None, None) => Some(v),
                (None, Some(f), Some(t)) if f.from <= t.to => Some(DayRange {
                    from: f.from,
                    to: t.to,
                }),
                (None, Some(_), Some(_)) => {
                    self.error(
                        file,
                        field.value.span.clone(),
                        "impossible date range: `from` is after `to`",
                        "impossible range",
                        None,
                    );
                    None
                }
                _ => {
                    self.error(
                        file,
                        field.key_span.clone(),
                        "a date needs either `value` or both `from` and `to`",
                        "incomplete date",
                        None,
                    );
                    None
                }
            };
            let (sources, note) = self.provenance(file, &parts);
            let disputed = self.disputed(file, &parts, |this, node| {
                this.date(file, node, "a reported date").map(Expected::Date)
            });
            (range, sources, note, disputed)
        } else {
            let range = self.date(file, &field.value, "`date`");
            (range, Vec::new(), None, Vec::new())
        };
        if let Some(range) = range {
            self.book.events[index].date = Some(range);
            let fact = self.push_fact(Subject::Event(index), "date", Expected::Date(range), loc);
            self.book.facts[fact].sources = sources;
            self.book.facts[fact].note = note;
            self.book.facts[fact].disputed = disputed;
        }
    }

    /// A date written alone (`born: 1924-10-01`) or with its sources
    /// (`born: {value: 1924-10-01, source: …, note: …}`).
    fn sourced_date(
        &mut self,
        file: usize,
        node: &Node,
        what: &str,
    ) -> (Option<DayRange>, Vec<usize>, Option<String>) {
        if node.as_map().is_none() {
            return (self.date(file, node, what), Vec::new(), None);
        }
        let Some(fields) = self.map(file, node, what, DISPUTED_KEYS) else {
            return (None, Vec::new(), None);
        };
        let fields = fields.to_vec();
        let Some(value) = fields.iter().find(|f| f.key == "value") else {
            self.error(
                file,
                node.span.clone(),
                format!("{what} needs `value`"),
                "no value",
                Some("for example `born: {value: 1924-10-01, source: …}`".into()),
            );
            return (None, Vec::new(), None);
        };
        let day = self.date(file, &value.value, what);
        let (sources, note) = self.provenance(file, &fields);
        (day, sources, note)
    }

    /// A fact's `reported:` ages or dates: each item a value (`55`, `2024-12-29`) or a
    /// mapping with `value` and its sources, read by `value_of` into what the fact would
    /// hold on that source's word.
    fn disputed(
        &mut self,
        file: usize,
        fields: &[Entry],
        value_of: impl Fn(&mut Self, &Node) -> Option<Expected>,
    ) -> Vec<Disputed> {
        let Some(list) = fields.iter().find(|f| f.key == "reported") else {
            return Vec::new();
        };
        let Value::Seq(items) = &list.value.value else {
            self.error(
                file,
                list.value.span.clone(),
                "`reported` must be a list of values with their sources",
                "expected a list",
                Some("for example `reported: [{value: 55, source: wire-2025-06-13}]`".into()),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let (value, fields) = if item.as_map().is_some() {
                let Some(fields) = self.map(file, item, "a reported value", DISPUTED_KEYS) else {
                    continue;
                };
                let fields = fields.to_vec();
                let Some(value) = fields.iter().find(|f| f.key == "value") else {
                    self.error(
                        file,
                        item.span.clone(),
                        "a reported value needs `value`",
                        "no value",
                        None,
                    );
                    continue;
                };
                (value.value.clone(), fields)
            } else {
                (item.clone(), Vec::new())
            };
            let Some(expected) = value_of(self, &value) else {
                continue;
            };
            let (sources, note) = self.provenance(file, &fields);
            out.push(Disputed {
                expected,
                written: value.scalar_text().unwrap_or_default().trim().to_string(),
                sources,
                note,
                loc: Loc {
                    file,
                    span: item.span.clone(),
                },
            });
        }
        out
    }

    /// Reads `source`/`sources` and `note` from a fact's fields.
    fn provenance(&mut self, file: usize, fields: &[Entry]) -> (Vec<usize>, Option<String>) {
        let mut sources = Vec::new();
        let mut note = None;
        for field in fields {
            match field.key.as_str() {
                "source" | "sources" => {
                    for (id, span) in self.strings(file, &field.value, "a source id") {
                        match self.source_index.get(&id).copied() {
                            Some(i) => sources.push(i),
                            None => {
                                let help =
                                    closest(&id, self.book.sources.iter().map(|s| s.id.as_str()))
                                        .map(|near| format!("did you mean `{near}`?"))
                                        .or_else(|| Some("define it under `sources:`".into()));
                                self.error(
                                    file,
                                    span,
                                    format!("undefined source `{id}`"),
                                    "not defined under `sources`",
                                    help,
                                );
                            }
                        }
                    }
                }
                "note" => note = self.string(file, &field.value, "`note`"),
                _ => {}
            }
        }
        (sources, note)
    }

    fn push_fact(
        &mut self,
        subject: Subject,
        measure: &str,
        expected: Expected,
        loc: Loc,
    ) -> usize {
        let id = format!("{}.{}", self.book.subject_id(subject), measure);
        self.stated.insert((subject, measure.to_string()));
        self.book.facts.push(Fact {
            id,
            subject,
            measure: measure.to_string(),
            expected,
            sources: Vec::new(),
            note: None,
            reported: Vec::new(),
            revised_from: Vec::new(),
            as_of: None,
            decimal: None,
            part_of: None,
            unit: None,
            disputed: Vec::new(),
            loc,
        });
        self.book.facts.len() - 1
    }

    fn facts(&mut self, file: usize, subject: Subject, node: &Node) {
        let Some(entries) = node.as_map().map(<[Entry]>::to_vec) else {
            self.map(file, node, "`facts`", &[]);
            return;
        };
        for entry in &entries {
            let loc = Loc {
                file,
                span: entry.key_span.clone(),
            };
            if matches!(subject, Subject::Entity(_)) && entry.key == "name" {
                self.error(
                    file,
                    entry.key_span.clone(),
                    "a name is not a fact: the house spelling goes in the entity's `name`, other spellings in `aliases`",
                    "move this up one level",
                    None,
                );
                continue;
            }
            if self.stated.contains(&(subject, entry.key.clone())) {
                self.error(
                    file,
                    entry.key_span.clone(),
                    format!("fact `{}` is stated twice for this subject", entry.key),
                    "stated again here",
                    None,
                );
                continue;
            }
            match (subject, entry.key.as_str()) {
                (Subject::Entity(_), "age") => self.age_fact(file, subject, entry, loc),
                (Subject::Entity(_), "title") => self.title_fact(file, subject, entry, loc),
                (Subject::Event(_), "date") => self.error(
                    file,
                    entry.key_span.clone(),
                    "an event's date goes in its `date` key, not under `facts`",
                    "move this up one level",
                    None,
                ),
                _ if entry
                    .value
                    .as_map()
                    .is_some_and(|m| m.iter().any(|f| f.key == "code")) =>
                {
                    self.code_fact(file, subject, entry, loc)
                }
                _ => self.measure_fact(file, subject, entry, loc, None),
            }
        }
    }

    fn age_fact(&mut self, file: usize, subject: Subject, entry: &Entry, loc: Loc) {
        let Some(fields) = self.map(file, &entry.value, "an `age` fact", AGE_KEYS) else {
            return;
        };
        let fields = fields.to_vec();
        let get = |k: &str| fields.iter().find(|f| f.key == k);
        let birth = match (get("value"), get("as_of"), get("born")) {
            (Some(value), Some(as_of), None) => {
                let age = value
                    .value
                    .scalar_text()
                    .and_then(|t| t.trim().parse::<i32>().ok())
                    .filter(|a| (0..=130).contains(a));
                let as_of_day = self.date(file, &as_of.value, "`as_of`");
                if age.is_none() {
                    self.error(
                        file,
                        value.value.span.clone(),
                        "an age must be a whole number of years between 0 and 130",
                        "not an age",
                        None,
                    );
                }
                match (age, as_of_day) {
                    (Some(age), Some(at)) if at.is_day() => Some(birth_range(age, at.from)),
                    (Some(_), Some(_)) => {
                        self.error(
                            file,
                            as_of.value.span.clone(),
                            "`as_of` must be a full date (YYYY-MM-DD)",
                            "not a single day",
                            None,
                        );
                        None
                    }
                    _ => None,
                }
            }
            (None, None, Some(born)) => self.date(file, &born.value, "`born`"),
            _ => {
                self.error(
                    file,
                    entry.key_span.clone(),
                    "an age needs `value` with `as_of`, or `born`",
                    "incomplete age",
                    Some(
                        "for example `age: {value: 58, as_of: 2024-12-11}` or `age: {born: 1966}`"
                            .into(),
                    ),
                );
                None
            }
        };
        if let Some(birth) = birth {
            let (sources, note) = self.provenance(file, &fields);
            // A reported age is as of the same day as the accepted one; with `born`,
            // a reported birth date or year.
            let as_of = get("as_of")
                .and_then(|a| a.value.scalar_text())
                .and_then(|t| crate::date::Day::parse_iso(t.trim()));
            let disputed = self.disputed(file, &fields, |this, node| match as_of {
                Some(at) => {
                    let age = node
                        .scalar_text()
                        .and_then(|t| t.trim().parse::<i32>().ok())
                        .filter(|a| (0..=130).contains(a));
                    if age.is_none() {
                        this.error(
                            file,
                            node.span.clone(),
                            "a reported age must be a whole number of years between 0 and 130",
                            "not an age",
                            None,
                        );
                    }
                    age.map(|age| Expected::Birth(birth_range(age, at)))
                }
                None => this
                    .date(file, node, "a reported birth date")
                    .map(Expected::Birth),
            });
            let fact = self.push_fact(subject, "age", Expected::Birth(birth), loc);
            self.book.facts[fact].sources = sources;
            self.book.facts[fact].note = note;
            self.book.facts[fact].disputed = disputed;
        }
    }

    /// An identifier: `flight: {code: AI171, accept: [AI-171], cues: [flight]}`. The cues
    /// are the words it follows in prose; by default the fact's name ("flight").
    fn code_fact(&mut self, file: usize, subject: Subject, entry: &Entry, loc: Loc) {
        if matches!(subject, Subject::Entity(_)) {
            self.error(
                file,
                entry.key_span.clone(),
                "an identifier (`code:`) is an event's fact",
                "not under an entity",
                Some("give the flight number or aircraft type under the event's `facts`".into()),
            );
            return;
        }
        let Some(fields) = self.map(file, &entry.value, "an identifier", CODE_KEYS) else {
            return;
        };
        let fields = fields.to_vec();
        let mut value = None;
        let mut accept = Vec::new();
        let mut cues = Vec::new();
        for field in &fields {
            match field.key.as_str() {
                "code" => value = self.string(file, &field.value, "`code`"),
                "accept" => accept = self.string_list(file, &field.value, "an accepted form"),
                "cues" => {
                    cues = self
                        .strings(file, &field.value, "a cue word")
                        .into_iter()
                        .map(|(s, _)| s.to_lowercase())
                        .collect()
                }
                _ => {}
            }
        }
        let Some(value) = value.filter(|v| v.chars().any(|c| c.is_ascii_digit())) else {
            let at = fields
                .iter()
                .find(|f| f.key == "code")
                .expect("routed on `code`");
            self.error(
                file,
                at.value.span.clone(),
                "an identifier needs a digit",
                "no digit in this code",
                Some(
                    "factlint reads identifiers such as AI171, 787-8 or 9N-ANC after their cue word"
                        .into(),
                ),
            );
            return;
        };
        if cues.is_empty() {
            cues.push(entry.key.replace('_', " ").to_lowercase());
        }
        let (sources, note) = self.provenance(file, &fields);
        let fact = self.push_fact(subject, &entry.key, Expected::Code { value, accept }, loc);
        self.book.facts[fact].sources = sources;
        self.book.facts[fact].note = note;
        match self.book.codes.iter_mut().find(|m| m.name == entry.key) {
            Some(m) => {
                for cue in cues {
                    if !m.cues.contains(&cue) {
                        m.cues.push(cue);
                    }
                }
            }
            None => self.book.codes.push(Measure {
                name: entry.key.clone(),
                cues,
                part_of: None,
            }),
        }
    }

    /// A person's title: one post (`title: Minister of Refugees`, or a mapping with
    /// `value`, `accept`, `from`, `to`), or a list of posts held over time. The fact
    /// holds the post still held (the last listed without `to`, else the last listed).
    fn title_fact(&mut self, file: usize, subject: Subject, entry: &Entry, loc: Loc) {
        let Subject::Entity(person) = subject else {
            return;
        };
        let items: Vec<Node> = match &entry.value.value {
            Value::Seq(items) => items.clone(),
            _ => vec![entry.value.clone()],
        };
        let mut posts = Vec::new();
        let mut sources = Vec::new();
        let mut note = None;
        for item in &items {
            if let Some((post, s, n)) = self.post(file, item, &entry.key_span) {
                posts.push(post);
                sources.extend(s);
                note = note.or(n);
            }
        }
        if posts.is_empty() {
            return;
        }
        let current = posts
            .iter()
            .rev()
            .find(|p| p.to.is_none())
            .unwrap_or(posts.last().expect("one post"))
            .clone();
        sources.dedup();
        self.book.entities[person].posts = posts;
        let expected = Expected::Title {
            value: current.value,
            accept: current.accept,
        };
        let fact = self.push_fact(subject, "title", expected, loc);
        self.book.facts[fact].sources = sources;
        self.book.facts[fact].note = note;
    }

    /// One post of a `title`: its title, accepted forms, dates and provenance.
    fn post(
        &mut self,
        file: usize,
        node: &Node,
        key_span: &Range<usize>,
    ) -> Option<(Post, Vec<usize>, Option<String>)> {
        if let Some(value) = node.as_str() {
            let post = Post {
                value: value.to_string(),
                accept: Vec::new(),
                from: None,
                to: None,
            };
            return Some((post, Vec::new(), None));
        }
        let fields = self.map(file, node, "a `title` fact", TITLE_KEYS)?.to_vec();
        let mut value = None;
        let mut accept = Vec::new();
        let (mut from, mut to) = (None, None);
        for field in &fields {
            match field.key.as_str() {
                "value" => value = self.string(file, &field.value, "`value`"),
                "accept" => {
                    accept = self.string_list(file, &field.value, "an accepted form");
                }
                "from" => from = self.date(file, &field.value, "`from`").map(|d| d.from),
                "to" => to = self.date(file, &field.value, "`to`").map(|d| d.to),
                _ => {}
            }
        }
        let Some(value) = value else {
            self.error(
                file,
                key_span.clone(),
                "a title needs `value`",
                "missing `value`",
                None,
            );
            return None;
        };
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            self.error(
                file,
                node.span.clone(),
                "impossible post: `from` is after `to`",
                "impossible dates",
                None,
            );
            return None;
        }
        let (sources, note) = self.provenance(file, &fields);
        Some((
            Post {
                value,
                accept,
                from,
                to,
            },
            sources,
            note,
        ))
    }

    /// Reads a figure: a number, a phrase ("at least 3", "$5 million", "nearly 250"),
    /// or `at_least`/`at_most`.
    fn figure(&mut self, file: usize, fields: &[Entry], whole: &Node) -> Option<Expected> {
        let get = |k: &str| fields.iter().find(|f| f.key == k);
        let bound = |loader: &mut Loader, node: &Node| -> Option<u64> {
            let parsed = node
                .scalar_text()
                .and_then(|t| quantity::parse_phrase(&t))
                .filter(|q| q.value.is_exact() && q.currency.is_none())
                .map(|q| q.value.min);
            if parsed.is_none() {
                loader.error(
                    file,
                    node.span.clone(),
                    "a bound must be a whole number",
                    "not a number",
                    None,
                );
            }
            parsed
        };
        match (get("value"), get("at_least"), get("at_most")) {
            (Some(value), None, None) => self.phrase(file, &value.value),
            (None, least, most) if least.is_some() || most.is_some() => {
                let min = match least {
                    Some(l) => bound(self, &l.value)?,
                    None => 0,
                };
                let max = match most {
                    Some(m) => Some(bound(self, &m.value)?),
                    None => None,
                };
                match max {
                    Some(max) if max < min => {
                        self.error(
                            file,
                            whole.span.clone(),
                            format!("impossible range: at least {min} but at most {max}"),
                            "impossible range",
                            Some("`at_least` must not be greater than `at_most`".into()),
                        );
                        None
                    }
                    _ => Some(Expected::Count(Interval { min, max })),
                }
            }
            (None, None, None) => Some(Expected::Unknown),
            _ => {
                self.error(
                    file,
                    whole.span.clone(),
                    "give either `value` or `at_least`/`at_most`, not both",
                    "ambiguous figure",
                    None,
                );
                None
            }
        }
    }

    fn phrase(&mut self, file: usize, node: &Node) -> Option<Expected> {
        let text = node.scalar_text().unwrap_or_default();
        match quantity::parse_phrase(&text) {
            Some(q) => Some(match q.currency {
                Some(currency) => Expected::Amount {
                    value: q.value,
                    currency,
                },
                None => Expected::Count(q.value),
            }),
            None => {
                self.error(
                    file,
                    node.span.clone(),
                    format!("cannot read `{text}` as a figure"),
                    "not a figure",
                    Some(
                        "write a number (84), a range (3 to 6), or a phrase such as \
                         `at least 3`, `nearly 250`, `about 6,000`, `$5 million`"
                            .into(),
                    ),
                );
                None
            }
        }
    }

    /// A measured fact. `whole` is set for a part of another measure's figure (under
    /// its `parts:`): the fact index of the whole and the name of its measure.
    fn measure_fact(
        &mut self,
        file: usize,
        subject: Subject,
        entry: &Entry,
        loc: Loc,
        whole: Option<(usize, &str)>,
    ) {
        let name = match whole {
            Some((_, of)) => format!("{of}.{}", entry.key),
            None => entry.key.clone(),
        };
        let builtin = whole.is_none() && BUILTIN_MEASURES.iter().any(|(m, _)| *m == entry.key);
        let Some((fields, expected)) = self.measured(file, entry) else {
            return;
        };
        let cues = self.cue_words(file, &fields);
        if self.lacks_cues(file, entry, whole.is_some(), builtin, &cues) {
            return;
        }
        let (sources, note) = self.provenance(file, &fields);
        let unit = fields
            .iter()
            .find(|f| f.key == "unit")
            .and_then(|f| self.unit(file, &f.value));
        let Some(expected) = expected else { return };
        let reported = self.reports(file, &fields, "reported");
        let revised_from = self.reports(file, &fields, "revised_from");
        let as_of = self.stood(file, &fields);
        let fact = self.push_fact(subject, &name, expected, loc);
        let f = &mut self.book.facts[fact];
        f.part_of = whole.map(|(w, _)| w);
        f.unit = unit;
        f.sources = sources;
        f.note = note;
        f.reported = reported;
        f.revised_from = revised_from;
        f.as_of = as_of;
        f.decimal = decimal_of(
            fields
                .iter()
                .find(|f| f.key == "value")
                .map_or(&entry.value, |f| &f.value),
        );
        if !cues.is_empty() {
            self.add_cues(&name, cues, whole.map(|(_, of)| of));
        }
        if let Some(patterns) = fields.iter().find(|f| f.key == "patterns") {
            self.pending_patterns
                .push((fact, file, patterns.value.clone()));
        }
        if let Some(parts) = fields.iter().find(|f| f.key == "parts") {
            self.parts(file, subject, fact, &name, parts);
        }
    }

    /// A measured fact's fields (none when it is written as a bare figure or phrase)
    /// and the figure it states; `None` when [`Loader::map`] gives no fields for its mapping.
    fn measured(&mut self, file: usize, entry: &Entry) -> Option<(Vec<Entry>, Option<Expected>)> {
        let fields: Vec<Entry> = if entry.value.as_map().is_some() {
            self.map(file, &entry.value, "a measured fact", MEASURE_KEYS)?
                .to_vec()
        } else {
            Vec::new()
        };
        let expected = if entry.value.as_map().is_some() {
            self.figure(file, &fields, &entry.value)
        } else {
            self.phrase(file, &entry.value)
        };
        Some((fields, expected))
    }

    /// A measured fact's `cues:`, lowercase: the words that mark its measure.
    fn cue_words(&mut self, file: usize, fields: &[Entry]) -> Vec<String> {
        fields
            .iter()
            .find(|f| f.key == "cues")
            .map(|f| {
                self.strings(file, &f.value, "a cue word")
                    .into_iter()
                    .map(|(s, _)| s.to_lowercase())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether a measured fact lacks the cues it needs, reporting it: a part (`part`)
    /// always needs them, a measure that is not built in (`builtin`) needs them to be
    /// read at all.
    fn lacks_cues(
        &mut self,
        file: usize,
        entry: &Entry,
        part: bool,
        builtin: bool,
        cues: &[String],
    ) -> bool {
        if part && cues.is_empty() {
            self.error(
                file,
                entry.key_span.clone(),
                format!("part `{}` has no cues", entry.key),
                "a part needs the words that mark it",
                Some("for example `on_board: {value: 241, cues: [on board, aboard]}`".into()),
            );
            return true;
        }
        if !builtin && cues.is_empty() {
            let builtins: Vec<&str> = BUILTIN_MEASURES.iter().map(|(m, _)| *m).collect();
            let help = match closest(&entry.key, builtins.iter().copied()) {
                Some(near) => format!(
                    "did you mean `{near}`? A named measure needs `cues: [words that mark it]`"
                ),
                None => format!(
                    "built-in measures are {}; a named measure such as `fighters` needs `cues: [fighters, militants]`",
                    builtins.join(", ")
                ),
            };
            self.error(
                file,
                entry.key_span.clone(),
                format!("unknown fact kind `{}`", entry.key),
                "not a built-in measure and no `cues` given",
                Some(help),
            );
            return true;
        }
        false
    }

    /// Adds a measure's cues to the book's measure of that name (a part's measure is
    /// `part_of` its whole's), defining the measure the first time it is met.
    fn add_cues(&mut self, name: &str, cues: Vec<String>, part_of: Option<&str>) {
        match self.book.measures.iter_mut().find(|m| m.name == name) {
            Some(m) => {
                for cue in cues {
                    if !m.cues.contains(&cue) {
                        m.cues.push(cue);
                    }
                }
            }
            None => self.book.measures.push(Measure {
                name: name.to_string(),
                cues,
                part_of: part_of.map(str::to_string),
            }),
        }
    }

    /// A measure's `unit:`: one of the units the lexicon knows, by name or by a word
    /// that writes it ("ft" is `feet`).
    fn unit(&mut self, file: usize, node: &Node) -> Option<String> {
        let written = self.string(file, node, "`unit`")?;
        let units = &crate::lexicon::english().measure_units;
        if let Some(unit) = crate::lexicon::english().unit_named(written.trim()) {
            return Some(unit.to_string());
        }
        let help = match closest(&written, units.keys().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "the units factlint reads are {}",
                units
                    .keys()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.error(
            file,
            node.span.clone(),
            format!("unknown unit `{written}`"),
            "not a unit factlint reads",
            Some(help),
        );
        None
    }

    /// A measure's `parts:`: each a measure of its own, with its cues, whose figure is
    /// part of the whole's. Parts that add up to more than the whole are an error.
    fn parts(&mut self, file: usize, subject: Subject, whole: usize, name: &str, field: &Entry) {
        let Some(entries) = field.value.as_map().map(<[Entry]>::to_vec) else {
            self.map(file, &field.value, "`parts`", &[]);
            return;
        };
        let mut total: u64 = 0;
        let mut given = Vec::new();
        for entry in &entries {
            let loc = Loc {
                file,
                span: entry.key_span.clone(),
            };
            let before = self.book.facts.len();
            self.measure_fact(file, subject, entry, loc, Some((whole, name)));
            if self.book.facts.len() > before {
                let part = &self.book.facts[before];
                if let Some(v) = part.expected.interval() {
                    total = total.saturating_add(v.min);
                    given.push(format!("{} {}", entry.key, v));
                }
            }
        }
        if let Some(max) = self.book.facts[whole]
            .expected
            .interval()
            .and_then(|v| v.max)
            && total > max
        {
            self.error(
                file,
                field.key_span.clone(),
                format!(
                    "the parts add up to at least {total}, more than the whole ({})",
                    self.book.facts[whole].expected.describe()
                ),
                "parts larger than their total",
                Some(format!(
                    "parts: {}; correct a part or the total",
                    given.join(", ")
                )),
            );
        }
    }

    fn reports(&mut self, file: usize, fields: &[Entry], key: &str) -> Vec<Report> {
        let Some(list) = fields.iter().find(|f| f.key == key) else {
            return Vec::new();
        };
        let Value::Seq(items) = &list.value.value else {
            self.error(
                file,
                list.value.span.clone(),
                format!("`{key}` must be a list of figures with their sources"),
                "expected a list",
                Some(format!(
                    "for example `{key}: [{{value: at least 100, source: police-2023-01-30}}]`"
                )),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let (fields, expected) = if item.as_map().is_some() {
                let Some(fields) = self.map(file, item, "a reported figure", REPORT_KEYS) else {
                    continue;
                };
                let fields = fields.to_vec();
                let expected = self.figure(file, &fields, item);
                (fields, expected)
            } else {
                (Vec::new(), self.phrase(file, item))
            };
            let value = match expected {
                Some(Expected::Count(v)) | Some(Expected::Amount { value: v, .. }) => v,
                Some(_) => {
                    self.error(
                        file,
                        item.span.clone(),
                        "a reported figure needs a value",
                        "no value",
                        None,
                    );
                    continue;
                }
                None => continue,
            };
            let (sources, note) = self.provenance(file, &fields);
            let as_of = self.stood(file, &fields);
            if as_of.is_some() && key != "revised_from" {
                let field = fields
                    .iter()
                    .find(|f| f.key == "as_of")
                    .expect("as_of given");
                self.error(
                    file,
                    field.key_span.clone(),
                    format!("`as_of` dates a superseded figure; a `{key}` figure has none"),
                    "not allowed here",
                    Some("move the figure to `revised_from`, or drop `as_of`".into()),
                );
            }
            let written = fields
                .iter()
                .find(|f| f.key == "value")
                .map_or(item, |f| &f.value);
            out.push(Report {
                value,
                sources,
                note,
                as_of,
                decimal: decimal_of(written),
                loc: Loc {
                    file,
                    span: item.span.clone(),
                },
            });
        }
        out
    }

    /// A figure's `as_of`: the day (and time) from which it stood.
    fn stood(&mut self, file: usize, fields: &[Entry]) -> Option<Stood> {
        let field = fields.iter().find(|f| f.key == "as_of")?;
        let text = field.value.scalar_text();
        let parsed = text.as_deref().and_then(Stood::parse);
        if parsed.is_none() {
            self.error(
                file,
                field.value.span.clone(),
                format!(
                    "`as_of` must be the day a figure came to stand, found `{}`",
                    text.unwrap_or_default()
                ),
                "not a day",
                Some(
                    "write `as_of: 2024-12-29`, or with a time `as_of: \"2024-12-29 14:30\"`"
                        .into(),
                ),
            );
        }
        parsed
    }

    /// Checks references that may point forwards, once everything is defined.
    fn resolve(&mut self) {
        for (file, node) in std::mem::take(&mut self.pending_sources) {
            let entry = Entry {
                key: "sources".into(),
                key_span: node.span.clone(),
                value: node,
            };
            self.provenance(file, std::slice::from_ref(&entry));
        }
        let ids: BTreeMap<String, usize> = self
            .book
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        self.resolve_entities(&ids);
        let vocabulary = crate::lexicon::Vocabulary::with(&self.book.lexicon);
        self.resolve_kinds(&vocabulary);
        for (event, file, node) in std::mem::take(&mut self.pending_places) {
            for (item, _) in self.strings(file, &node, "a place") {
                if let Some(&entity) = ids.get(&item)
                    && !self.book.events[event].places.contains(&entity)
                {
                    self.book.events[event].places.push(entity);
                }
            }
        }
        self.resolve_patterns();
        let mut measures: Vec<Measure> = BUILTIN_MEASURES
            .iter()
            .map(|(name, cues)| Measure {
                name: (*name).to_string(),
                cues: cues.iter().map(|c| (*c).to_string()).collect(),
                part_of: None,
            })
            .collect();
        measures.append(&mut self.book.measures);
        self.book.measures = measures;
        self.implied_tolls(&vocabulary);
        self.shared_names();
    }

    /// The entity ids named where entities are expected, and an event's `about` items:
    /// each an entity (`ids`), or else a word that marks the event.
    fn resolve_entities(&mut self, ids: &BTreeMap<String, usize>) {
        for (file, node, _) in std::mem::take(&mut self.pending_entities) {
            for (id, span) in self.strings(file, &node, "an entity id") {
                if !ids.contains_key(&id) {
                    self.unknown_entity(file, &id, span, ids);
                }
            }
        }
        for (event, file, node) in std::mem::take(&mut self.pending_about) {
            for (item, span) in self.strings(file, &node, "an `about` item") {
                if let Some(&entity) = ids.get(&item) {
                    if !self.book.events[event].marker_entities.contains(&entity) {
                        self.book.events[event].marker_entities.push(entity);
                    }
                } else if looks_like_id(&item) {
                    self.unknown_entity(file, &item, span, ids);
                } else {
                    self.book.events[event].markers.push(item);
                }
            }
        }
    }

    /// The events' `kind` values, each to be a kind of event the lexicon (with the
    /// rulebook's additions) knows.
    fn resolve_kinds(&mut self, vocabulary: &crate::lexicon::Vocabulary) {
        for (event, file, node) in std::mem::take(&mut self.pending_kinds) {
            for (kind, span) in self.strings(file, &node, "a kind of event") {
                let kind = kind.to_lowercase();
                if vocabulary.kinds.contains_key(&kind) {
                    if !self.book.events[event].kinds.contains(&kind) {
                        self.book.events[event].kinds.push(kind);
                    }
                    continue;
                }
                let known: Vec<&str> = vocabulary.kinds.keys().map(String::as_str).collect();
                let help = match closest(&kind, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Kinds: {}", known.join(", ")),
                    None => format!(
                        "kinds: {}; a new kind is defined under `lexicon: kinds:`",
                        known.join(", ")
                    ),
                };
                self.error(
                    file,
                    span,
                    format!("unknown kind of event `{kind}`"),
                    "not a kind of the lexicon",
                    Some(help),
                );
            }
        }
    }

    /// The facts' `patterns:` lists: each pattern compiled into the book's patterns, or
    /// reported when it does not compile.
    fn resolve_patterns(&mut self) {
        for (fact, file, node) in std::mem::take(&mut self.pending_patterns) {
            for (pattern, span) in self.strings(file, &node, "a pattern") {
                match compile_pattern(&pattern) {
                    Ok(regex) => self.book.patterns.push(Pattern {
                        fact,
                        regex,
                        loc: Loc { file, span },
                    }),
                    Err(message) => self.error(file, span, message, "invalid pattern", Some(
                        "patterns are regular expressions (Rust `regex` syntax) with one `{count}` or `{ordinal}` placeholder".into(),
                    )),
                }
            }
        }
    }

    /// The built-in measures an event's entry implies without stating them, as facts of
    /// unknown value.
    fn implied_tolls(&mut self, vocabulary: &crate::lexicon::Vocabulary) {
        // An event whose entry records a figure is a casualty event: where it holds no
        // figure for the other built-in measure (killed, injured), the fact still exists
        // so that a figure in an article is reported as unsupported. Events recorded only
        // for their date (a coup, a group's founding) imply no measures.
        let measured: std::collections::HashSet<Subject> = self
            .book
            .facts
            .iter()
            .filter(|f| !matches!(f.expected, Expected::Date(_) | Expected::Code { .. }))
            .map(|f| f.subject)
            .collect();
        for event in 0..self.book.events.len() {
            let subject = Subject::Event(event);
            // Named of kinds that have no toll (a death, an election): no built-ins.
            let kinds = &self.book.events[event].kinds;
            let tolled = kinds.is_empty()
                || kinds
                    .iter()
                    .any(|k| vocabulary.kinds.get(k).is_none_or(|kind| kind.toll));
            if !measured.contains(&subject) || !tolled {
                continue;
            }
            for (measure, _) in BUILTIN_MEASURES {
                if !self.stated.contains(&(subject, measure.to_string())) {
                    let loc = self.book.events[event].loc.clone();
                    self.push_fact(subject, measure, Expected::Unknown, loc);
                }
            }
        }
    }

    /// Reports each name or alias given to two entities.
    fn shared_names(&mut self) {
        // Every alias must name one entity only; a shared bare name belongs in `short`.
        let mut owners: HashMap<String, usize> = HashMap::new();
        for (i, entity) in self.book.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                if let Some(&other) = owners.get(&name.to_lowercase())
                    && other != i
                {
                    let (file, span) = (entity.loc.file, entity.loc.span.clone());
                    let other_id = self.book.entities[other].id.clone();
                    let message = format!(
                        "the name `{name}` is given to both `{other_id}` and `{}`",
                        entity.id
                    );
                    self.errors.push(RuleError::at(
                        "factlint::rules",
                        &self.book.files[file].name,
                        self.texts[file].clone(),
                        span,
                        message,
                        "name already taken",
                        Some("a name shared by several entities goes in `short:` on each".into()),
                    ));
                } else {
                    owners.insert(name.to_lowercase(), i);
                }
            }
        }
    }

    fn unknown_entity(
        &mut self,
        file: usize,
        id: &str,
        span: Range<usize>,
        ids: &BTreeMap<String, usize>,
    ) {
        let help = closest(id, ids.keys().map(String::as_str))
            .map(|near| format!("did you mean `{near}`?"))
            .or_else(|| Some("define it under `entities:`, or write a phrase with a capital letter or a space".into()));
        self.error(
            file,
            span,
            format!("undefined entity `{id}`"),
            "not defined under `entities`",
            help,
        );
    }
}

/// The range of birth days for someone who was `age` on `on`.
fn birth_range(age: i32, on: Day) -> DayRange {
    let latest = on.add_years(-age);
    let earliest = on.add_years(-(age + 1)).add_days(1);
    DayRange {
        from: earliest,
        to: latest,
    }
}

/// `2024-12-11`, `2024-12` or `2024`.
pub(crate) fn parse_date_range(text: &str) -> Option<DayRange> {
    let text = text.trim();
    if let Some(day) = Day::parse_iso(text) {
        return Some(DayRange::day(day));
    }
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m] if y.len() == 4 && m.len() == 2 => DayRange::month(y.parse().ok()?, m.parse().ok()?),
        [y] if y.len() == 4 => DayRange::year(y.parse().ok()?),
        _ => None,
    }
}

/// An `about` item that is meant as an entity id rather than a phrase.
fn looks_like_id(item: &str) -> bool {
    item.contains('-')
        && !item.contains(' ')
        && item
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Longest pattern accepted, in bytes; larger ones are almost always a mistake.
pub const MAX_PATTERN_BYTES: usize = 4096;

/// Compiles a rule pattern, replacing `{count}` and `{ordinal}` with the groups that
/// capture them. The figure the group captures is read by the built-in number reader.
fn compile_pattern(pattern: &str) -> Result<Regex, String> {
    if pattern.len() > MAX_PATTERN_BYTES {
        return Err(format!(
            "pattern is {} bytes; the limit is {MAX_PATTERN_BYTES}",
            pattern.len()
        ));
    }
    let placeholders = pattern.matches("{count}").count() + pattern.matches("{ordinal}").count();
    if placeholders != 1 {
        return Err(format!(
            "a pattern needs exactly one `{{count}}` or `{{ordinal}}` placeholder, found {placeholders}"
        ));
    }
    let expanded = pattern
        .replace(
            "{count}",
            r"(?P<count>(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?[\w,.-]+(?:\s+(?:hundred|thousand|million))?)",
        )
        .replace("{ordinal}", r"(?P<ordinal>\w+)");
    let regex = regex::RegexBuilder::new(&expanded)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| format!("invalid pattern: {e}"))?;
    if regex.is_match("") {
        return Err("this pattern matches empty text".into());
    }
    Ok(regex)
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// A figure written with decimals ("7.7", "6.8 to 7.2", "6.8-7.2", "between 6.8 and
/// 7.2"): its low and high as written. None for whole numbers and for phrases.
fn decimal_of(node: &Node) -> Option<(f64, f64)> {
    let text = node.scalar_text()?.to_lowercase().replace(',', "");
    let text = text.trim();
    let text = text
        .strip_prefix("between ")
        .map(|rest| rest.replacen(" and ", " to ", 1))
        .unwrap_or_else(|| text.to_string());
    let parts: Vec<&str> = text
        .split(" to ")
        .flat_map(|p| p.split(['\u{2013}']))
        .flat_map(|p| {
            if p.matches('-').count() == 1 && !p.starts_with('-') {
                p.split('-').collect::<Vec<_>>()
            } else {
                vec![p]
            }
        })
        .map(str::trim)
        .collect();
    if !(1..=2).contains(&parts.len()) || !parts.iter().any(|p| p.contains('.')) {
        return None;
    }
    let numbers: Vec<f64> = parts
        .iter()
        .map(|p| p.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0))
        .collect::<Option<_>>()?;
    let (lo, hi) = (numbers[0], *numbers.last()?);
    (lo <= hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(text: &str) -> Result<Rulebook, RuleErrors> {
        load_sources(vec![RuleFile {
            name: "test.yaml".into(),
            text: text.into(),
        }])
    }

    #[test]
    fn reads_entities_events_and_facts() {
        let book = load_one(
            "sources:\n  wire: {title: Wire report}\nentities:\n  kh:\n    name: Khalil Haqqani\n    died: 2024-12-11\n    facts:\n      age: {value: 58, as_of: 2024-12-11, source: wire}\nevents:\n  kabul-2024:\n    date: 2024-12-11\n    about: [kh, Ministry of Refugees]\n    facts:\n      killed: {at_least: 3, sources: [wire], revised_from: [{value: 2, source: wire}]}\n      injured: several\n",
        )
        .unwrap();
        assert_eq!(book.entities[0].name, "Khalil Haqqani");
        let killed = book.fact(Subject::Event(0), "killed").unwrap();
        assert_eq!(
            book.facts[killed].expected,
            Expected::Count(Interval::at_least(3))
        );
        assert_eq!(book.facts[killed].id, "kabul-2024.killed");
        assert_eq!(book.facts[killed].revised_from.len(), 1);
        assert_eq!(book.events[0].marker_entities, vec![0]);
        assert_eq!(book.events[0].markers, vec!["Ministry of Refugees"]);
        let age = book.fact(Subject::Entity(0), "age").unwrap();
        let Expected::Birth(birth) = book.facts[age].expected else {
            panic!("age is not a birth range")
        };
        assert_eq!(birth.from.to_string(), "1965-12-12");
        assert_eq!(birth.to.to_string(), "1966-12-11");
    }

    #[test]
    fn reports_every_error_at_its_line() {
        let text = "sources:\n  wire: {title: Wire}\nentities:\n  kh:\n    nmae: Khalil\nevents:\n  e1:\n    date: 2024-13-40\n    about: [khalil-haqani]\n    facts:\n      killed: {at_least: 6, at_most: 3, source: wirre}\n      kiled: 3\n      fighters: {value: 5, cues: [fighters], patterns: [\"(unclosed {count}\"]}\n";
        let errors = load_one(text).unwrap_err().0;
        let lines: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| {
                (
                    text[..e.span.start].matches('\n').count() + 1,
                    e.message.as_str(),
                )
            })
            .collect();
        let expect = [
            (4, "entity `kh` has no `name`"),
            (5, "unknown key `nmae` in an entity"),
            (8, "`date`: `2024-13-40` is not a date"),
            (9, "undefined entity `khalil-haqani`"),
            (11, "impossible range: at least 6 but at most 3"),
            (11, "undefined source `wirre`"),
            (12, "unknown fact kind `kiled`"),
        ];
        for (line, message) in expect {
            assert!(
                lines.iter().any(|(l, m)| *l == line && m.contains(message)),
                "missing {message:?} at line {line} in {lines:#?}"
            );
        }
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 13 && m.contains("invalid pattern"))
        );
    }

    #[test]
    fn rejects_duplicates_across_files() {
        let a = RuleFile {
            name: "a.yaml".into(),
            text: "entities:\n  x: {name: X One}\n".into(),
        };
        let b = RuleFile {
            name: "b.yaml".into(),
            text: "entities:\n  x: {name: X Two}\n".into(),
        };
        let errors = load_sources(vec![a, b]).unwrap_err().0;
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file, "b.yaml");
        assert!(errors[0].help.as_deref().unwrap().contains("a.yaml:2"));
    }

    #[test]
    fn patterns_must_not_match_empty_text() {
        assert!(compile_pattern("{count}?").is_err() || compile_pattern("(?:{count})?").is_err());
        assert!(compile_pattern("(?:{count})?").is_err());
        assert!(compile_pattern("{count} senior officials").is_ok());
    }
}

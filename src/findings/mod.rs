//! Findings: what the checker reports, with a stable code and name for each class.
//!
//! Each class has its own file holding its entry in the registry ([`Class`]: code,
//! name, default severity, summary and the explanation that `factlint explain CODE`
//! prints) and the detection that raises it, so the documentation and the code cannot
//! drift apart. [`crate::check`] reads the articles and hands each claim to the class
//! that judges it (through `conflict::against_rule`, which sends each kind of value to
//! its class); what the classes share is in `context`.

pub(crate) mod conflict;
pub(crate) mod context;
pub(crate) mod revised_figure;
pub(crate) mod self_contradiction;
pub(crate) mod source_conflict;
pub(crate) mod spelling;
mod title;
mod unknown_spelling;
mod unsupported;
mod unused_suppression;
pub(crate) mod weekday_mismatch;
mod year_left_out;

use std::ops::Range;

use serde::Serialize;

/// A finding class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// FL001: a claim contradicts the rulebook.
    Conflict,
    /// FL002: two articles give disjoint values for one fact.
    SourceConflict,
    /// FL003: an article contradicts itself.
    SelfContradiction,
    /// FL004: a figure of a measure the rulebook gives no value for.
    Unsupported,
    /// FL005: a figure the rulebook records as superseded.
    RevisedFigure,
    /// FL006: a weekday that does not fall on the date it goes with.
    WeekdayMismatch,
    /// FL007: a name written in an alias, not the house spelling.
    Spelling,
    /// FL008: a title close to, but not, one the rulebook accepts for the person.
    Title,
    /// FL009: a spelling of a known person's name the rulebook does not list.
    UnknownSpelling,
    /// FL010: a date without its year that fits an event a year earlier.
    YearLeftOut,
    /// FL100: a suppression comment that suppresses nothing.
    UnusedSuppression,
}

/// A finding class as the registry holds it: each class's file gives its own, and
/// [`Code::class`] finds it.
#[derive(Clone, Copy, Debug)]
pub struct Class {
    /// The code: "FL001".
    pub code: &'static str,
    /// The name: "conflict".
    pub name: &'static str,
    /// The severity it has unless the configuration says otherwise.
    pub severity: Severity,
    /// One line on what the class means, for rule listings (SARIF, `--statistics`).
    pub summary: &'static str,
    /// What `factlint explain` prints for it.
    pub explanation: Explanation,
}

/// What a finding class means, why it matters, an example and how to fix it.
#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    /// What the class reports.
    pub what: &'static str,
    /// Why it matters to a desk.
    pub why: &'static str,
    /// A sentence that raises it.
    pub example: &'static str,
    /// How to settle it.
    pub fix: &'static str,
}

impl Code {
    /// Every class, in code order.
    pub const ALL: [Code; 11] = [
        Code::Conflict,
        Code::SourceConflict,
        Code::SelfContradiction,
        Code::Unsupported,
        Code::RevisedFigure,
        Code::WeekdayMismatch,
        Code::Spelling,
        Code::Title,
        Code::UnknownSpelling,
        Code::YearLeftOut,
        Code::UnusedSuppression,
    ];

    /// The class's entry in the registry: its own file's [`Class`].
    pub fn class(self) -> &'static Class {
        match self {
            Code::Conflict => &conflict::CLASS,
            Code::SourceConflict => &source_conflict::CLASS,
            Code::SelfContradiction => &self_contradiction::CLASS,
            Code::Unsupported => &unsupported::CLASS,
            Code::RevisedFigure => &revised_figure::CLASS,
            Code::WeekdayMismatch => &weekday_mismatch::CLASS,
            Code::Spelling => &spelling::CLASS,
            Code::Title => &title::CLASS,
            Code::UnknownSpelling => &unknown_spelling::CLASS,
            Code::YearLeftOut => &year_left_out::CLASS,
            Code::UnusedSuppression => &unused_suppression::CLASS,
        }
    }

    /// The code: "FL001".
    pub fn code(self) -> &'static str {
        self.class().code
    }

    /// The name: "conflict".
    pub fn name(self) -> &'static str {
        self.class().name
    }

    /// The severity it has unless the configuration says otherwise.
    pub fn default_severity(self) -> Severity {
        self.class().severity
    }

    /// One line on what the class means, for rule listings (SARIF, `--statistics`).
    pub fn summary(self) -> &'static str {
        self.class().summary
    }

    /// What `factlint explain` prints for it.
    pub fn explanation(self) -> Explanation {
        self.class().explanation
    }

    /// The classes a code, a code prefix ("FL00"), a name or `ALL` names,
    /// case-insensitively; `None` when it names none.
    pub fn matching(text: &str) -> Option<Vec<Code>> {
        if text.eq_ignore_ascii_case("all") {
            return Some(Code::ALL.to_vec());
        }
        if let Some(code) = Code::parse(text) {
            return Some(vec![code]);
        }
        let upper = text.to_ascii_uppercase();
        let found: Vec<Code> = Code::ALL
            .into_iter()
            .filter(|c| upper.len() >= 2 && c.code().starts_with(&upper))
            .collect();
        (!found.is_empty()).then_some(found)
    }

    /// Finds a class by code ("FL001") or name ("conflict"), case-insensitively.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(text) || c.name().eq_ignore_ascii_case(text))
    }
}

/// How much a finding matters; ordered, so a threshold compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information.
    Note,
    /// Worth a look; does not fail a run by default.
    Warning,
    /// Wrong: fails a run by default.
    Error,
}

impl Severity {
    /// How many of `findings` have this severity.
    pub fn count_in(self, findings: &[Finding]) -> usize {
        findings.iter().filter(|f| f.severity == self).count()
    }

    /// The severity as reports write it: "note", "warning", "error".
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The classes a run reports, as `--select`, `--extend-select` and `--ignore` name
/// them: codes (`FL001`), names (`conflict`), code prefixes (`FL00`) or `ALL`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// `--select`: only these (all when `None`).
    select: Option<std::collections::BTreeSet<Code>>,
    /// `--extend-select`: these as well.
    extend: std::collections::BTreeSet<Code>,
    ignore: std::collections::BTreeSet<Code>,
}

impl Selection {
    /// The selection the three lists make; an entry that names no class is an error
    /// that says so.
    pub fn parse(
        select: &[String],
        extend: &[String],
        ignore: &[String],
    ) -> Result<Selection, String> {
        let set = |lists: &[String]| -> Result<std::collections::BTreeSet<Code>, String> {
            let mut out = std::collections::BTreeSet::new();
            for item in lists.iter().flat_map(|l| l.split(',')) {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                out.extend(Code::matching(item).ok_or_else(|| {
                    format!(
                        "`{item}` names no finding class: use a code (FL001), a prefix (FL00), a name (conflict) or ALL"
                    )
                })?);
            }
            Ok(out)
        };
        Ok(Selection {
            select: if select.is_empty() {
                None
            } else {
                Some(set(select)?)
            },
            extend: set(extend)?,
            ignore: set(ignore)?,
        })
    }

    /// Whether findings of `code` are reported.
    pub fn keeps(&self, code: Code) -> bool {
        !self.ignore.contains(&code)
            && (self.select.as_ref().is_none_or(|s| s.contains(&code))
                || self.extend.contains(&code))
    }

    /// Whether `code` was selected by name on the command line, which turns on a class
    /// the configuration sets `off`.
    pub fn names(&self, code: Code) -> bool {
        self.select.as_ref().is_some_and(|s| s.contains(&code)) || self.extend.contains(&code)
    }
}

/// Which file a label points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileRef {
    /// An article, by its index in the run.
    Document(usize),
    /// A rulebook file, by its index in the rulebook.
    Rule(usize),
}

/// A span of a file that a finding points at, with what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The article or rulebook file.
    pub file: FileRef,
    /// Byte offsets in the file.
    pub span: Range<usize>,
    /// What the words are ("injured: 35").
    pub message: String,
}

/// One thing the checker reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Its class.
    pub code: Code,
    /// Its severity, after the configuration's.
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// The fact's id, `subject.measure`.
    pub fact: Option<String>,
    /// The rulebook's value, in words.
    pub expected: Option<String>,
    /// The article's value, in words.
    pub found: Option<String>,
    /// The article's words the finding is about.
    pub primary: Label,
    /// Other articles' words (a source conflict) or the same article's (a
    /// self-contradiction).
    pub related: Vec<Label>,
    /// Where the rulebook states the fact.
    pub rule: Option<Label>,
    /// Titles of the rulebook's sources for the fact.
    pub sources: Vec<String>,
    /// More to know: the rulebook's note, other values, why it is a warning.
    pub notes: Vec<String>,
    /// Safe edits that settle the finding, in the primary label's file (`check --fix`).
    pub fixes: Vec<Fix>,
}

/// One edit that settles a finding: the words at `span` (byte offsets in the article)
/// replaced. Only the house spelling of a name and the accepted form of a title are
/// offered, and only where the words are a whole respelling (as many words as the
/// form put in their place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Byte offsets of the words replaced.
    pub span: Range<usize>,
    /// The words as the article writes them; the edit is made only if the file still
    /// holds them there.
    pub written: String,
    /// The words put in their place.
    pub replacement: String,
}

impl Fix {
    /// The edits of one finding in words, for a person: "replace \"Haqany\" with
    /// \"Haqqani\"", "put \"former\" before the title".
    pub fn describe_all(fixes: &[Fix]) -> String {
        let each: Vec<String> = fixes
            .iter()
            .map(|fix| {
                if fix.written.is_empty() {
                    format!("put \"{}\" before it", fix.replacement.trim())
                } else {
                    format!("replace \"{}\" with \"{}\"", fix.written, fix.replacement)
                }
            })
            .collect();
        each.join(", ")
    }

    /// The edit replacing `written` (at `span`) by `form`, when that is a respelling: a
    /// name in full for a name in full, one word for one word ("Rosalyn" is not
    /// replaced by "Rosalynn Carter"), and a change. Capitals are kept where the
    /// article writes the name in capitals throughout ("KHALIL HAQANI" in a headline).
    pub fn respelling(span: Range<usize>, written: &str, form: &str) -> Option<Fix> {
        let several = |s: &str| s.split_whitespace().nth(1).is_some();
        if written == form || several(written) != several(form) {
            return None;
        }
        let shouting =
            written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase);
        let replacement = if shouting {
            form.to_uppercase()
        } else {
            form.to_string()
        };
        Some(Fix {
            span,
            written: written.to_string(),
            replacement,
        })
    }
}

impl Finding {
    /// The finding with the rulebook's value and the article's, in words.
    pub fn with_values(mut self, expected: impl Into<String>, found: impl Into<String>) -> Finding {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    /// The order findings are reported in: by file, position, then code.
    pub fn sort_key(&self) -> (FileRef, usize, usize, Code, &str) {
        (
            self.primary.file,
            self.primary.span.start,
            self.primary.span.end,
            self.code,
            &self.message,
        )
    }
}

//! What the detection of every class shares: the compiled rulebook a finding is made
//! against, where the claim it is about stands, and how facts and measures are worded.

use crate::date::DayRange;
use crate::document::Document;
use crate::extract::Mention;
use crate::findings::{Code, FileRef, Finding, Label};
use crate::names::People;
use crate::rulebook::{Fact, Rulebook};

/// What every class's detection reads: the rulebook and the people in it.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The rulebook the articles are checked against.
    pub book: &'a Rulebook,
    /// The rulebook's people, for their names and titles.
    pub people: &'a People,
}

impl Context<'_> {
    /// Whether the rulebook splits a fact into parts.
    pub fn has_parts(&self, fact: usize) -> bool {
        self.book.facts.iter().any(|f| f.part_of == Some(fact))
    }

    /// Where the rulebook states `fact`.
    pub fn rule_label(&self, fact: &Fact) -> Label {
        Label {
            file: FileRef::Rule(fact.loc.file),
            span: fact.loc.span.clone(),
            message: "the rulebook's entry".into(),
        }
    }

    /// A finding of `code` about `fact`, at `primary`, with the class's default
    /// severity, the rulebook's entry and its sources.
    pub fn finding(&self, code: Code, fact: &Fact, primary: Label, message: String) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            message,
            fact: Some(fact.id.clone()),
            expected: None,
            found: None,
            primary,
            related: Vec::new(),
            rule: Some(self.rule_label(fact)),
            sources: self.book.source_titles(&fact.sources),
            notes: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// The subject as the messages name it after "the": a summary's own "the" dropped.
    pub fn subject_phrase(&self, fact: &Fact) -> String {
        let label = self.book.subject_label(fact.subject);
        match label
            .strip_prefix("the ")
            .or_else(|| label.strip_prefix("The "))
        {
            Some(rest) => rest.to_string(),
            None => label,
        }
    }

    /// Notes of the figures the rulebook records as reported for `fact`, and its note.
    pub fn add_reports(&self, fact: &Fact, f: &mut Finding) {
        for report in &fact.reported {
            let by = self.book.cited(&report.sources);
            f.notes.push(format!("reported: {}{by}", report.value));
        }
        if let Some(note) = &fact.note {
            f.notes.push(format!("rulebook note: {note}"));
        }
    }
}

/// Where one claim stands: the article, the mention tied to the fact, and the date of
/// the event its sentence tells of.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    /// The article, by its index in the run.
    pub d: usize,
    /// The article.
    pub doc: &'a Document,
    /// The mention tied to the fact.
    pub mention: &'a Mention,
    /// The date of an event the sentence tells of ("killed in 2024"), if it tells one.
    pub on: Option<DayRange>,
}

impl Site<'_> {
    /// The label of the mention's words, saying `message`.
    pub fn here(&self, message: String) -> Label {
        Label {
            file: FileRef::Document(self.d),
            span: self.mention.span.clone(),
            message,
        }
    }
}

/// "killed" → "killed", "injured" → "injured", a named measure as written.
pub fn measure_words(measure: &str) -> String {
    measure.replace(['_', '.'], " ")
}

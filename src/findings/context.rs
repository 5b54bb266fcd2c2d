//! What the detection of every class shares: the compiled rulebook a finding is made
//! against, where the claim it is about stands, and how facts and measures are worded.

use std::collections::BTreeMap;

use crate::attribute::Read;
use crate::date::DayRange;
use crate::document::Document;
use crate::extract::{Mention, MentionKind, MentionValue};
use crate::findings::{Code, FileRef, Finding, Label};
use crate::interval::Interval;
use crate::names::People;
use crate::rulebook::{Expected, Fact, Rulebook};

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

/// A claim as articles are compared: (article, mention), by index.
pub type At = (usize, usize);

/// The claims of one fact that each fit the rulebook, across the articles of a run:
/// what self-contradictions and source conflicts are found among.
pub struct Fitting<'a> {
    /// The rulebook and its people.
    pub cx: Context<'a>,
    /// The fact.
    pub fact: &'a Fact,
    /// The claims.
    pub claims: &'a [At],
    /// The articles of the run.
    pub docs: &'a [Document],
    /// What reading each article gave.
    pub read: &'a [Read],
    /// The articles read only to compare the others with (an archive).
    pub context: &'a [bool],
}

impl Fitting<'_> {
    /// Whether article `d` is checked, not only read to compare with.
    pub fn checked(&self, d: usize) -> bool {
        !self.context.get(d).copied().unwrap_or(false)
    }

    /// Whether any of `claims` stands in an article checked.
    pub fn has_checked(&self, claims: &[At]) -> bool {
        claims.iter().any(|&(d, _)| self.checked(d))
    }

    /// The value a claim is compared with others by; `None` for one that is not.
    pub fn value(&self, (d, m): At) -> Option<Interval> {
        let mention = &self.read[d].0[m];
        // Ages depend on when they were written ("Ana Vell, 45," in 2015 and ", 50,"
        // in 2020 agree): they are checked against the rulebook only.
        // A rank inside a title ("the 39th president") is checked with the title.
        if mention.vague
            || mention.kind == MentionKind::Age
            || matches!(self.fact.expected, Expected::Title { .. })
        {
            return None;
        }
        match &mention.value {
            MentionValue::Number(v) | MentionValue::Amount { value: v, .. } => Some(*v),
            _ => None,
        }
    }

    /// The label of a claim's words, saying `message`.
    pub fn label(&self, (d, m): At, message: String) -> Label {
        Label {
            file: FileRef::Document(d),
            span: self.read[d].0[m].span.clone(),
            message,
        }
    }
}

/// Drops claims from sentences that give two disagreeing values for the same fact
/// ("one account said three; another said at least five"): such a sentence reports a
/// dispute, it does not take a side, so it neither contradicts itself nor another
/// article.
pub fn without_reported_disputes(claims: &[At], read: &[Read]) -> Vec<At> {
    let mut by_sentence: BTreeMap<(usize, usize), Vec<Interval>> = BTreeMap::new();
    for &(d, m) in claims {
        let mention = &read[d].0[m];
        if let Some(v) = mention.interval().filter(|_| !mention.vague) {
            by_sentence
                .entry((d, mention.sentence))
                .or_default()
                .push(v);
        }
    }
    let disputed = |key: &(usize, usize)| {
        by_sentence.get(key).is_some_and(|values| {
            values
                .iter()
                .enumerate()
                .any(|(i, a)| values[i + 1..].iter().any(|b| !a.overlaps(b)))
        })
    };
    claims
        .iter()
        .copied()
        .filter(|&(d, m)| !disputed(&(d, read[d].0[m].sentence)))
        .collect()
}

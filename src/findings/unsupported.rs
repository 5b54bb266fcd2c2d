//! FL004 unsupported.

use super::context::{Context, Site, measure_words};
use super::{Class, Code, Explanation, Finding, Severity};
use crate::interval::Interval;
use crate::rulebook::Fact;

/// FL004 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL004",
    name: "unsupported",
    severity: Severity::Warning,
    summary: "A figure the rulebook holds no value for",
    explanation: EXPLANATION,
};

/// What `factlint explain FL004` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "The article gives a figure for a known event or entity, but the rulebook holds no \
           value for that measure, so nothing backs it.",
    why: "A figure nobody on the desk has verified is the one most likely to be wrong, and \
          the one a fact-checker will ask about first.",
    example: "The rulebook records the Bajaur rally bombing's death toll but no injury figure; \
              the article says it \"wounded more than 120 people\".",
    fix: "Find the figure's source and add it to the rulebook (`injured: {value: ..., source: \
          ...}`), or attribute the figure in the text, or remove it.",
};

/// FL004 for a figure of a measure the rulebook gives no value for; `None` for a vague
/// one ("dozens").
pub fn unsupported(cx: &Context, site: &Site, fact: &Fact, found: &Interval) -> Option<Finding> {
    if site.mention.vague {
        return None;
    }
    let what = measure_words(&fact.measure);
    let mut f = cx.finding(
        Code::Unsupported,
        fact,
        site.here(format!(
            "{what}: {found}, with nothing in the rulebook to back it"
        )),
        format!(
            "the rulebook holds no figure for the number {what} in the {}",
            cx.subject_phrase(fact)
        ),
    );
    f.found = Some(found.describe());
    f.notes
        .extend(fact.note.iter().map(|n| format!("rulebook note: {n}")));
    f.notes.push(format!(
        "add `{}: {{value: ..., source: ...}}` under `{}` in the rulebook once the figure is verified",
        fact.measure,
        cx.book.subject_id(fact.subject)
    ));
    Some(f)
}

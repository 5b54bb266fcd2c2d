//! FL006 weekday-mismatch.

use super::context::{Context, Site};
use super::{Class, Code, Explanation, FileRef, Finding, Label, Severity};
use crate::date::{DayRange, Weekday};
use crate::extract::{Mention, MentionValue};
use crate::rulebook::Fact;

/// FL006 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL006",
    name: "weekday-mismatch",
    severity: Severity::Error,
    summary: "A weekday that does not fit its date or the event's date",
    explanation: EXPLANATION,
};

/// What `factlint explain FL006` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A weekday does not fit: either the date written beside it falls on another day, or \
           \"on Tuesday\", counted back from the publication date, is not the day the event \
           happened.",
    why: "Weekdays are how wire copy dates events, and a wrong one silently moves an event by \
          days.",
    example: "An article published on Thursday 12 December 2024 says the minister was killed \
              \"on Tuesday\" (10 December); the bombing was on Wednesday 11 December.",
    fix: "Correct the weekday, or write the full date.",
};

/// A weekday written beside a date it does not fall on: "Thursday, December 11, 2024".
pub fn beside_date(d: usize, mentions: &[Mention], findings: &mut Vec<Finding>) {
    for mention in mentions {
        let (MentionValue::Date(range), Some((weekday, at))) = (&mention.value, &mention.weekday)
        else {
            continue;
        };
        if mention.from_weekday || !range.is_day() || range.from.weekday() == *weekday {
            continue;
        }
        findings.push(Finding {
            code: Code::WeekdayMismatch,
            severity: Code::WeekdayMismatch.default_severity(),
            message: format!(
                "{} was a {}, not a {}",
                range
                    .from
                    .long()
                    .split_once(' ')
                    .map_or("", |(_, rest)| rest),
                range.from.weekday().name(),
                weekday.name()
            ),
            fact: None,
            expected: Some(range.from.weekday().name().to_string()),
            found: Some(weekday.name().to_string()),
            primary: Label {
                file: FileRef::Document(d),
                span: at.clone(),
                message: format!("should be {}", range.from.weekday().name()),
            },
            related: Vec::new(),
            rule: None,
            sources: Vec::new(),
            notes: Vec::new(),
            fixes: Vec::new(),
        });
    }
}

/// A weekday resolved to a date by counting back from the publication date ("on
/// Tuesday"), which is not the event's date (`expected`); `None` when the article has
/// no publication date.
pub fn counted_back(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &DayRange,
    found: &DayRange,
) -> Option<Finding> {
    let event = cx.subject_phrase(fact);
    let (weekday, _) = site.mention.weekday.clone()?;
    let published = site.doc.meta.published?;
    let f = cx
        .finding(
            Code::WeekdayMismatch,
            fact,
            site.here(format!(
                "{} counted back from publication is {}",
                weekday.name(),
                found.from.long()
            )),
            format!(
                "\"{}\" in an article published on {} means {}, but the {event} was on {}",
                weekday.name(),
                published.long(),
                found.from.long(),
                expected.describe()
            ),
        )
        .with_values(expected.to_string(), found.to_string());
    Some(f)
}

/// A weekday read on its own, checked against the weekday of the event's date.
pub fn weekday_name(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: DayRange,
    weekday: Weekday,
    why: &str,
) -> Option<Finding> {
    if !expected.is_day() || expected.from.weekday() == weekday {
        return None;
    }
    let mention = site.mention;
    let at = mention
        .weekday
        .as_ref()
        .map_or(mention.span.clone(), |(_, at)| at.clone());
    let mut f = cx
        .finding(
            Code::WeekdayMismatch,
            fact,
            Label {
                file: FileRef::Document(site.d),
                span: at,
                message: format!("{} does not fit {}", weekday.name(), expected.from.long()),
            },
            format!(
                "the {} was on {}, not a {}",
                cx.subject_phrase(fact),
                expected.from.long(),
                weekday.name()
            ),
        )
        .with_values(
            expected.from.weekday().name().to_string(),
            weekday.name().to_string(),
        );
    f.notes.push(why.to_string());
    Some(f)
}

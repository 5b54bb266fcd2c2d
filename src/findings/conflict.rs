//! FL001 conflict.

use super::context::{Context, Site, measure_words};
use super::revised_figure::{self, OnTheDay};
use super::{
    Class, Code, Explanation, Finding, Severity, title, unsupported, weekday_mismatch,
    year_left_out,
};
use crate::date::{Day, DayRange};
use crate::extract::{Mention, MentionValue};
use crate::interval::Interval;
use crate::rulebook::{DecimalFit, Expected, Fact, Subject};

/// FL001 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL001",
    name: "conflict",
    severity: Severity::Error,
    summary: "The article contradicts the rulebook",
    explanation: EXPLANATION,
};

/// What `factlint explain FL001` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "The article states a figure, date or age that the rulebook contradicts (the \
           article's value and the rulebook's do not overlap at all), or gives a person a \
           title the rulebook records as someone else's.",
    why: "This is the error a reader or a correction notice will catch. The rulebook holds \
          what the desk has verified, with its sources. Where the article gives what one of \
          the rulebook's `reported` values says (a figure, an age or a date another source \
          gave), the conflict is a warning that names that source: the article follows a \
          source the desk has on record, and the editor decides.",
    example: "The rulebook holds `killed: 84` for the Peshawar mosque bombing; the article says \
              \"the bombing killed 61 people\".",
    fix: "Correct the article to the rulebook's value, or, if the article is right and the \
          rulebook is out of date, update the rule and its sources.",
};

/// Compares one claim with the rulebook; `None` when it fits (or cannot be checked).
/// Each kind of value goes to the class that judges it: FL001 here, FL004, FL005,
/// FL006, FL008 and FL010 in their own files.
pub fn against_rule(cx: &Context, site: &Site, fact: &Fact) -> Option<Finding> {
    match (&fact.expected, &site.mention.value) {
        (Expected::Unknown, MentionValue::Number(found)) => {
            unsupported::unsupported(cx, site, fact, found)
        }
        (Expected::Count(expected), MentionValue::Number(found))
        | (
            Expected::Amount {
                value: expected, ..
            },
            MentionValue::Amount { value: found, .. },
        ) => figure(cx, site, fact, expected, found),
        (Expected::Date(expected), MentionValue::Date(found)) => {
            date(cx, site, fact, expected, found)
        }
        (Expected::Date(expected), MentionValue::Weekday(weekday)) => {
            weekday_mismatch::weekday_name(
                cx,
                site,
                fact,
                *expected,
                *weekday,
                "the article has no publication date, so the weekday was checked against the event's date",
            )
        }
        (Expected::Birth(birth), MentionValue::Number(found)) => age(cx, site, fact, *birth, found),
        (Expected::Title { value, .. }, MentionValue::Title(_)) => {
            let Subject::Entity(e) = fact.subject else {
                return None;
            };
            title::title(cx, site, fact, e, value)
        }
        (Expected::Code { value, accept }, MentionValue::Code(found)) => {
            code(cx, site, fact, (value, accept), found)
        }
        _ => None,
    }
}

/// A count or amount against the rulebook's: a conflict, or, where the rulebook
/// records or dates other figures, a revised figure (FL005).
fn figure(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &Interval,
    found: &Interval,
) -> Option<Finding> {
    let mention = site.mention;
    // "Magnitude 6.4" of a 6.8 to 7.2 quake: figures with decimals are
    // compared as written, to the article's precision.
    // One the rulebook records as superseded is told as such below.
    let decimal = mention.figure.filter(|_| !mention.vague);
    let decimal_old = match decimal.and_then(|x| fact.decimal_fit(x)) {
        Some(DecimalFit::Agrees) => return None,
        Some(DecimalFit::Superseded(old)) => Some(old),
        Some(DecimalFit::Differs) | None => None,
    };
    if let Some(x) = decimal
        && decimal_old.is_none()
        && fact.decimal.is_some()
    {
        return Some(decimal_conflict(cx, site, fact, x));
    }
    if found.overlaps(expected) || vague_and_near(mention, expected, found) {
        return None;
    }
    match revised_figure::on_publication_day(cx, site, fact, expected, found) {
        Some(OnTheDay::Fits) => return None,
        Some(OnTheDay::Stale(f)) => return Some(*f),
        None => {}
    }
    if let Some(f) = revised_figure::since_revised(cx, site, fact, found, decimal_old, decimal) {
        return Some(f);
    }
    if let Some(f) = revised_figure::before_known(cx, site, fact, expected, found) {
        return Some(f);
    }
    Some(figure_conflict(cx, site, fact, expected, found))
}

/// "Several", "dozens", "hundreds": an impression, never an error; one that
/// misses by ten times or more ("hundreds of homes" of 16,000) is worth a
/// warning.
fn vague_and_near(mention: &Mention, expected: &Interval, found: &Interval) -> bool {
    let far = |a: &Interval, b: &Interval| b.max.is_some_and(|max| a.min > max.saturating_mul(10));
    mention.vague && !(far(expected, found) || far(found, expected))
}

/// FL001 at the mention: "`subject` is `rulebook` in the rulebook, but the article says
/// `found`", labelled with the measure and what the article says.
fn conflict_finding(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    subject: &str,
    (rulebook, found): (&str, &str),
) -> Finding {
    let what = measure_words(&fact.measure);
    cx.finding(
        Code::Conflict,
        fact,
        site.here(format!("{what}: {found}")),
        format!("{subject} is {rulebook} in the rulebook, but the article says {found}"),
    )
}

/// FL001 for a figure with decimals none of the rulebook's figures with decimals
/// agrees with, told as written.
fn decimal_conflict(cx: &Context, site: &Site, fact: &Fact, x: f64) -> Finding {
    let what = measure_words(&fact.measure);
    let subject = format!("the {what} in the {}", cx.subject_phrase(fact));
    let mut f = conflict_finding(cx, site, fact, &subject, (&fact.describe(), &x.to_string()))
        .with_values(fact.describe(), x.to_string());
    cx.add_reports(fact, &mut f);
    f
}

/// FL001 for a count or amount the rulebook's figure does not overlap; a warning for
/// a vague one.
fn figure_conflict(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &Interval,
    found: &Interval,
) -> Finding {
    let what = measure_words(&fact.measure);
    // A rulebook figure with decimals is told as written.
    let (expected, found) = (
        match fact.decimal {
            Some(_) => fact.describe(),
            None => expected.describe(),
        },
        found.describe(),
    );
    let subject = format!("the number {what} in the {}", cx.subject_phrase(fact));
    let mut f = conflict_finding(cx, site, fact, &subject, (&expected, &found))
        .with_values(expected, found);
    cx.add_reports(fact, &mut f);
    if site.mention.vague {
        f.severity = Severity::Warning;
        f.notes
            .push("a vague figure, ten times or more off the rulebook's".into());
    }
    f
}

/// A date against the rulebook's: a weekday counted back to the wrong day (FL006), a
/// year left out (FL010), else a conflict.
fn date(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &DayRange,
    found: &DayRange,
) -> Option<Finding> {
    if found.overlaps(expected) {
        return None;
    }
    if site.mention.from_weekday {
        return weekday_mismatch::counted_back(cx, site, fact, expected, found);
    }
    if let Some(f) = year_left_out::year_left_out(cx, site, fact, expected, found) {
        return Some(f);
    }
    let f = cx
        .finding(
            Code::Conflict,
            fact,
            site.here(format!("date: {}", found.describe())),
            format!(
                "the {} was on {} according to the rulebook, but the article says {}",
                cx.subject_phrase(fact),
                expected.describe(),
                found.describe()
            ),
        )
        .with_values(expected.to_string(), found.to_string());
    Some(f)
}

/// An age against the one a person born in `birth` has on the publication date (or
/// at death, if earlier).
fn age(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    birth: DayRange,
    found: &Interval,
) -> Option<Finding> {
    let Subject::Entity(e) = fact.subject else {
        return None;
    };
    let died = cx.book.entities[e].died;
    let on = match (site.doc.meta.published, died) {
        (Some(p), Some(d)) => p.min(d),
        (Some(p), None) => p,
        (None, Some(d)) => d,
        (None, None) => return None,
    };
    let expected = age_on(birth, on)?;
    let sliver = sliver(birth, on, found, &expected);
    if found.overlaps(&expected) && sliver.is_none() {
        return None;
    }
    // What the rulebook makes of the age, the sliver set aside.
    let expected = match sliver {
        Some(_) if expected.min == found.min => Interval::between(
            found.min.saturating_add(1),
            expected.max.unwrap_or(found.min.saturating_add(1)),
        )
        .unwrap_or(expected),
        Some(_) => Interval::between(expected.min, found.min.saturating_sub(1)).unwrap_or(expected),
        None => expected,
    };
    if age_at_event(birth, on, site.on, found) {
        return None;
    }
    let person = &cx.book.entities[e].name;
    let when = if died == Some(on) {
        "at death"
    } else {
        "on the publication date"
    };
    let mut f = cx
        .finding(
            Code::Conflict,
            fact,
            site.here(format!("age: {found}")),
            format!(
                "{person} was {expected} {when} ({}), but the article says {found}",
                on.long()
            ),
        )
        .with_values(expected.describe(), found.describe());
    if let Some((first, last, days, span)) = sliver {
        let when = if first == last {
            format!("born on {}", first.long())
        } else {
            format!("born between {} and {}", first.long(), last.long())
        };
        f.notes.push(format!(
            "{found} only if {when}: {days} of the {span} possible birth days"
        ));
    }
    Some(f)
}

/// An age that fits only if a birthday fell in a sliver of the possible
/// birth days (one day after "32 as of 24 March", saying 33): as good as
/// wrong. A wider chance (a birth month known, a week in) is let pass.
/// The first and last birth days that give the age, how many do, and how many
/// birth days are possible.
fn sliver(
    birth: DayRange,
    on: Day,
    found: &Interval,
    expected: &Interval,
) -> Option<(Day, Day, usize, i32)> {
    (found.max == Some(found.min) && expected.min != expected.max.unwrap_or(expected.min))
        .then(|| {
            let span = birth.from.days_until(birth.to) + 1;
            let days: Vec<Day> = (0..span)
                .map(|k| birth.from.add_days(k))
                .filter(|&b| on.years_since(b) == found.min as i32)
                .collect();
            let (first, last) = (*days.first()?, *days.last()?);
            (days.len() as i32 * 50 <= span).then_some((first, last, days.len(), span))
        })
        .flatten()
}

/// An age told with an event ("X, 58, was killed in 2024") may be the age
/// at that event rather than at publication: whether it is.
fn age_at_event(birth: DayRange, on: Day, event: Option<DayRange>, found: &Interval) -> bool {
    if let Some(then) = event.filter(|d| d.from < on)
        && let (Some(a), Some(b)) = (age_on(birth, then.from), age_on(birth, then.to))
        && Interval::between(a.min, b.max.unwrap_or(b.min))
            .is_some_and(|then| found.overlaps(&then))
    {
        return true;
    }
    false
}

/// The ages someone born in `birth` can be on `on`.
fn age_on(birth: DayRange, on: Day) -> Option<Interval> {
    let youngest = on.years_since(birth.to);
    let oldest = on.years_since(birth.from);
    if oldest < 0 {
        return None;
    }
    Interval::between(youngest.max(0) as u64, oldest as u64)
}

/// An identifier (a flight number, a case number) against the rulebook's and the
/// forms it accepts.
fn code(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    (value, accept): (&str, &[String]),
    found: &str,
) -> Option<Finding> {
    if crate::rulebook::code_fits(found, value, accept) {
        return None;
    }
    let what = measure_words(&fact.measure);
    let subject = format!("the {what} of the {}", cx.subject_phrase(fact));
    let mut f = conflict_finding(cx, site, fact, &subject, (&fact.expected.describe(), found))
        .with_values(value, found);
    f.notes
        .extend(fact.note.iter().map(|n| format!("rulebook note: {n}")));
    Some(f)
}

/// A conflict with the accepted value where the article gives what one of the
/// rulebook's `reported` values says: a warning naming who reported it, since the
/// article follows a source the desk has on record.
pub fn as_reported(cx: &Context, mut finding: Finding, site: &Site, fact: &Fact) -> Finding {
    if finding.code != Code::Conflict || finding.severity != Severity::Error {
        return finding;
    }
    if let Some((value, sources)) = reported_value(cx, site, fact) {
        finding.severity = Severity::Warning;
        let by = cx.book.source_titles(&sources);
        let by = if by.is_empty() {
            "a source the rulebook records".to_string()
        } else {
            by.join("; ")
        };
        finding.notes.insert(
            0,
            format!(
                "the article gives what {by} reported ({value}); the rulebook accepts {}",
                finding.expected.clone().unwrap_or_else(|| fact.describe())
            ),
        );
    } else {
        for r in &fact.disputed {
            let by = cx.book.cited(&r.sources);
            finding.notes.push(format!("reported: {}{by}", r.written));
        }
    }
    finding
}

/// The first of the rulebook's `reported` figures, then of its disputed values, that
/// the claim fits, as written, with its sources.
fn reported_value(cx: &Context, site: &Site, fact: &Fact) -> Option<(String, Vec<usize>)> {
    let alone = |expected: Expected| Fact {
        expected,
        reported: Vec::new(),
        revised_from: Vec::new(),
        disputed: Vec::new(),
        as_of: None,
        decimal: None,
        ..fact.clone()
    };
    let by_measure = fact.reported.iter().find_map(|r| {
        let expected = match &fact.expected {
            Expected::Amount { currency, .. } => Expected::Amount {
                value: r.value,
                currency: currency.clone(),
            },
            _ => Expected::Count(r.value),
        };
        let mut one = alone(expected);
        one.decimal = r.decimal;
        against_rule(cx, site, &one)
            .is_none()
            .then(|| (r.value.describe(), r.sources.clone()))
    });
    let by_value = || {
        fact.disputed.iter().find_map(|r| {
            against_rule(cx, site, &alone(r.expected.clone()))
                .is_none()
                .then(|| (r.written.clone(), r.sources.clone()))
        })
    };
    by_measure.or_else(by_value)
}

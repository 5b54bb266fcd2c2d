//! FL005 revised-figure.

use std::collections::BTreeSet;

use super::context::{Context, Site, measure_words};
use super::{Class, Code, Explanation, Finding, Label, Severity};
use crate::date::Day;
use crate::extract::Mention;
use crate::interval::Interval;
use crate::rulebook::{Fact, Report, Stood};

/// FL005 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL005",
    name: "revised-figure",
    severity: Severity::Warning,
    summary: "A figure the rulebook marks as superseded",
    explanation: EXPLANATION,
};

/// What `factlint explain FL005` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "The article uses a figure that was reported at the time but has since been revised; \
           the rulebook records both. When the rulebook dates its figures (`as_of`), a figure \
           that stood on the article's publication day is right then and raises nothing; one \
           revised before that day is stale, and the finding names the revision and its date. \
           A figure in no record, given before the rulebook's current figure stood, is also \
           reported here, as a warning.",
    why: "Early tolls are often wrong. Repeating a superseded figure spreads an error that has \
          already been corrected elsewhere.",
    example: "Police first said at least 100 were killed in the Peshawar mosque bombing and \
              later revised the toll to 84; the article says \"at least 100\".",
    fix: "Use the revised figure, or say that the first figure was later revised.",
};

/// What the rulebook's dated figures (`as_of`) make of a figure on the day the article
/// was published.
pub enum OnTheDay {
    /// It stood that day, or was not yet known: nothing to report.
    Fits,
    /// It had been revised before the article was published.
    Stale(Box<Finding>),
}

/// Figures dated `as_of`: the one that stood when the article was published
/// is right then; one superseded by then is stale. `None` when the article has no
/// publication date or the rulebook dates no figure of the fact, or the dates do not
/// settle it.
pub fn on_publication_day(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &Interval,
    found: &Interval,
) -> Option<OnTheDay> {
    let p = site.doc.meta.published?;
    let standing = standing_on(fact, p)?;
    if standing.iter().any(|v| v.overlaps(found)) {
        return Some(OnTheDay::Fits);
    }
    if let Some((old, (next, to))) = stale_on(fact, found, p) {
        let what = measure_words(&fact.measure);
        return Some(OnTheDay::Stale(Box::new(superseded(
            cx,
            fact,
            old,
            (expected.describe(), found.describe()),
            site.here(format!(
                "{what}: {found}, a figure revised by {}",
                next.day.long()
            )),
            format!(
                "superseded figure for the number {what} in the {}: {} was revised to {to} on {next}, before the article was published; the rulebook's figure is {}",
                cx.subject_phrase(fact),
                old.value,
                expected
            ),
        ))));
    }
    // A figure the rulebook dates after the article: not yet known then.
    if fact
        .revised_from
        .iter()
        .any(|r| r.value.overlaps(found) && r.as_of.is_some_and(|a| a.day > p))
    {
        return Some(OnTheDay::Fits);
    }
    None
}

/// FL005 for a figure the rulebook records as superseded: `decimal_old`, the one a
/// figure with decimals (`decimal`, as written) agrees with, else the first whose
/// value overlaps `found`.
pub fn since_revised(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    found: &Interval,
    decimal_old: Option<&Report>,
    decimal: Option<f64>,
) -> Option<Finding> {
    let old = decimal_old.or_else(|| fact.revised_from.iter().find(|r| r.value.overlaps(found)))?;
    let what = measure_words(&fact.measure);
    // Figures with decimals are told as written.
    let written = decimal_old
        .and(decimal)
        .map_or_else(|| found.describe(), |x| x.to_string());
    let now = fact.describe();
    let mut f = superseded(
        cx,
        fact,
        old,
        (now.clone(), written.clone()),
        site.here(format!(
            "{what}: {written}, a figure since revised to {now}"
        )),
        format!(
            "superseded figure for the number {what} in the {}: {} was revised to {now}",
            cx.subject_phrase(fact),
            old.describe(),
        ),
    );
    let by = cx.book.source_titles(&old.sources);
    if !by.is_empty() {
        f.notes
            .push(format!("the earlier figure came from: {}", by.join("; ")));
    }
    Some(f)
}

/// Every source of the rulebook's figure came out after the article: the
/// figure was not known when it was written, so it may have been right
/// then (a toll that rose). FL005, a warning, for a figure in no record given then.
pub fn before_known(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &Interval,
    found: &Interval,
) -> Option<Finding> {
    let established = fact.as_of.map(|a| a.day).or_else(|| {
        fact.sources
            .iter()
            .map(|&s| cx.book.sources[s].published)
            .collect::<Option<Vec<Day>>>()
            .and_then(|days| days.into_iter().min())
            .filter(|_| !fact.sources.is_empty())
    });
    let (Some(published), Some(established)) = (site.doc.meta.published, established) else {
        return None;
    };
    if published >= established {
        return None;
    }
    let what = measure_words(&fact.measure);
    let f = cx
        .finding(
            Code::RevisedFigure,
            fact,
            site.here(format!("{what}: {found}, before the rulebook's figure was known")),
            format!(
                "the number {what} in the {} is {} in the rulebook, from sources published from {}; the article, published {}, says {}",
                cx.subject_phrase(fact),
                expected,
                established.long(),
                published.long(),
                found
            ),
        )
        .with_values(expected.describe(), found.describe());
    Some(f)
}

/// FL005 for a figure the rulebook records as superseded (`old`), with the values
/// compared and the earlier figure's note.
fn superseded(
    cx: &Context,
    fact: &Fact,
    old: &Report,
    (expected, found): (String, String),
    label: Label,
    message: String,
) -> Finding {
    let mut f = cx
        .finding(Code::RevisedFigure, fact, label, message)
        .with_values(expected, found);
    if let Some(note) = &old.note {
        f.notes.push(format!("earlier figure: {note}"));
    }
    f
}

/// Whether a figure the rulebook dates was superseded before the article (published
/// on `published`) came out: stale, however it was tied.
pub fn stale_when_published(fact: &Fact, mention: &Mention, published: Option<Day>) -> bool {
    published.is_some_and(|p| {
        mention
            .interval()
            .is_some_and(|found| stale_on(fact, &found, p).is_some())
    })
}

/// The revised-figure findings of one article that stand: an article that also gives
/// the current figure tells the old one as history ("earlier reports of 100 deaths
/// were revised to 84"), unless the old one was stale when published. `revised` holds
/// each finding with whether it is stale even beside the current figure; `current`
/// the facts whose current figure the article gives.
pub fn not_told_as_history(
    revised: Vec<Superseded>,
    current: &BTreeSet<String>,
) -> impl Iterator<Item = Finding> + '_ {
    revised
        .into_iter()
        .filter(|s| {
            s.stale
                || !s
                    .finding
                    .fact
                    .as_ref()
                    .is_some_and(|id| current.contains(id))
        })
        .map(|s| s.finding)
}

/// A revised-figure finding of one article, kept until the whole article is weighed.
pub struct Superseded {
    /// The finding.
    pub finding: Finding,
    /// Stale when published and not told as earlier: it stands even beside the current
    /// figure.
    pub stale: bool,
    /// The fact, by index.
    pub fact: usize,
    /// The mention, by index among the article's mentions.
    pub mention: usize,
}

/// The figures of a fact that may have stood on a day, when the rulebook dates them
/// (`as_of`): the one dated last before the day, those dated that day (an article of
/// that day may come before or after them), and the current value once it may have
/// stood. `None` when no figure is dated.
fn standing_on(fact: &Fact, day: Day) -> Option<Vec<Interval>> {
    let current = fact.expected.interval()?;
    let mut dated: Vec<(Stood, Interval)> = fact
        .revised_from
        .iter()
        .filter_map(|r| r.as_of.map(|a| (a, r.value)))
        .collect();
    if dated.is_empty() && fact.as_of.is_none() {
        return None;
    }
    let last_revision = dated.iter().map(|(a, _)| a.day).max();
    if let Some(a) = fact.as_of {
        dated.push((a, current));
    }
    let mut standing: Vec<Interval> = dated
        .iter()
        .filter(|(a, _)| a.day == day)
        .map(|(_, v)| *v)
        .collect();
    if let Some((_, v)) = dated
        .iter()
        .filter(|(a, _)| a.day < day)
        .max_by_key(|(a, _)| *a)
    {
        standing.push(*v);
    }
    // An undated current value came after every dated revision.
    if fact.as_of.is_none() && last_revision.is_none_or(|last| day >= last) {
        standing.push(current);
    }
    Some(standing)
}

/// A dated superseded figure the found one agrees with, and the moment it was revised
/// (the next dated figure, or the current value's `as_of`), when that was before `day`.
/// An undated superseded figure counts as revised before any day.
fn stale_on<'f>(
    fact: &'f Fact,
    found: &Interval,
    day: Day,
) -> Option<(&'f Report, (Stood, Interval))> {
    let (report, since) = fact
        .revised_from
        .iter()
        .filter(|r| r.value.overlaps(found))
        .find_map(|r| r.as_of.map(|a| (r, a)))?;
    let current = fact.expected.interval()?;
    // The next dated figure; figures dated alike are not ordered among themselves, but
    // the current value comes after every revision dated as it is.
    let next = fact
        .revised_from
        .iter()
        .filter_map(|r| r.as_of.map(|a| (a, r.value)))
        .filter(|(a, _)| *a > since)
        .chain(fact.as_of.filter(|a| *a >= since).map(|a| (a, current)))
        .min_by_key(|(a, _)| *a)?;
    (next.0.day < day).then_some((report, next))
}

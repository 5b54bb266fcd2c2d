//! FL010 year-left-out.

use super::context::{Context, Site};
use super::{Class, Code, Explanation, Finding, Severity};
use crate::date::DayRange;
use crate::rulebook::Fact;

/// FL010 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL010",
    name: "year-left-out",
    severity: Severity::Warning,
    summary: "A date without its year that the publication date puts a year after the event",
    explanation: EXPLANATION,
};

/// What `factlint explain FL010` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A date written without its year (\"February 20\", \"since February\") that the \
           publication date puts a year after the event it tells of: read in the year the \
           article came out, it is not the event's date; a year earlier, it is.",
    why: "A reader takes a date with no year for the latest such day; the article meant the \
          year before, and says a date the event did not happen on.",
    example: "An article published on 10 March 2025 says the harbour storm \"struck on \
              February 20\": read in 2025, a day the storm did not strike; it struck on 20 \
              February 2024.",
    fix: "Write the year (\"February 20, 2024\"), or \"last year\".",
};

/// "February 20" with no year, of a day a year before the one publication
/// gives it: the year left out, not another day. `None` when the date was written
/// with its year, a year earlier is not the event's date either, or the article has
/// no publication date.
pub fn year_left_out(
    cx: &Context,
    site: &Site,
    fact: &Fact,
    expected: &DayRange,
    found: &DayRange,
) -> Option<Finding> {
    let earlier = DayRange {
        from: found.from.add_years(-1),
        to: found.to.add_years(-1),
    };
    if !site.mention.year_left_out || !earlier.overlaps(expected) {
        return None;
    }
    let published = site.doc.meta.published?;
    let f = cx
        .finding(
            Code::YearLeftOut,
            fact,
            site.here(format!("no year: read as {}", found.describe())),
            format!(
                "a date written with no year, in an article published on {}, reads as {}, but the {} was on {}",
                published.long(),
                found.describe(),
                cx.subject_phrase(fact),
                expected.describe()
            ),
        )
        .with_values(expected.to_string(), found.to_string());
    Some(f)
}

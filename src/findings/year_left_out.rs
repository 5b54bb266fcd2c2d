//! FL010 year-left-out.

use super::{Class, Explanation, Severity};

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

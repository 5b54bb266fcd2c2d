//! FL006 weekday-mismatch.

use super::{Class, Explanation, Severity};

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

//! FL001 conflict.

use super::{Class, Explanation, Severity};

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

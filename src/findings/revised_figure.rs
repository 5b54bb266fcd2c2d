//! FL005 revised-figure.

use super::{Class, Explanation, Severity};

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

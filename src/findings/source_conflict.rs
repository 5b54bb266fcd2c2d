//! FL002 source-conflict.

use super::{Class, Explanation, Severity};

/// FL002 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL002",
    name: "source-conflict",
    severity: Severity::Error,
    summary: "Two articles contradict each other on one fact",
    explanation: EXPLANATION,
};

/// What `factlint explain FL002` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "Two articles give values for the same fact that cannot both be true, although \
           each on its own fits the rulebook (which, for a disputed figure, holds a range).",
    why: "Readers compare reports. When a desk's own articles disagree, at least one is \
          wrong, and the rulebook does not yet say which.",
    example: "One report says \"Haqqani and two others were killed\" (3); another says \"at \
              least five people were killed\".",
    fix: "Decide which figure the desk stands behind, narrow the rule to it, and correct the \
          other article; or attribute each figure to its source in the text.",
};

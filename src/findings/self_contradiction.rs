//! FL003 self-contradiction.

use super::{Class, Explanation, Severity};

/// FL003 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL003",
    name: "self-contradiction",
    severity: Severity::Error,
    summary: "One article gives two incompatible values for one fact",
    explanation: EXPLANATION,
};

/// What `factlint explain FL003` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "One article gives two values for the same fact that cannot both be true.",
    why: "An article that disagrees with itself loses the reader's trust whichever figure is \
          right.",
    example: "The summary says the minister was killed \"along with two others\" (3); a later \
              paragraph says \"at least five people died in the bombing\".",
    fix: "Use one figure throughout, or say in the text that reports differ and who gives \
          which figure.",
};

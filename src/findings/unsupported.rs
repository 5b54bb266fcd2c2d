//! FL004 unsupported.

use super::{Class, Explanation, Severity};

/// FL004 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL004",
    name: "unsupported",
    severity: Severity::Warning,
    summary: "A figure the rulebook holds no value for",
    explanation: EXPLANATION,
};

/// What `factlint explain FL004` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "The article gives a figure for a known event or entity, but the rulebook holds no \
           value for that measure, so nothing backs it.",
    why: "A figure nobody on the desk has verified is the one most likely to be wrong, and \
          the one a fact-checker will ask about first.",
    example: "The rulebook records the Bajaur rally bombing's death toll but no injury figure; \
              the article says it \"wounded more than 120 people\".",
    fix: "Find the figure's source and add it to the rulebook (`injured: {value: ..., source: \
          ...}`), or attribute the figure in the text, or remove it.",
};

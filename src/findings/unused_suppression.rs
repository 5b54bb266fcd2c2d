//! FL100 unused-suppression.

use super::{Class, Explanation, Severity};

/// FL100 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL100",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "A suppression comment that suppresses nothing",
    explanation: EXPLANATION,
};

/// What `factlint explain FL100` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A `factlint-disable…` comment in the article suppresses nothing: no finding of the \
           codes it names falls where it applies, or it names a code that does not exist.",
    why: "A stale suppression hides the next real error written on that line. Suppressions \
          should say exactly what they excuse, and go once the text is fixed.",
    example: "`<!-- factlint-disable-next-line FL001 -->` above a paragraph that no longer \
              contradicts the rulebook.",
    fix: "Delete the comment, or correct the code it names. To suppress in Markdown, HTML or \
          plain text: `<!-- factlint-disable-next-line FL001 -->`, `<!-- \
          factlint-disable-line FL001 -->` at the end of a line, `<!-- factlint-disable FL001 \
          -->` … `<!-- factlint-enable -->`, or `<!-- factlint-disable-file FL001 -->`; \
          without a code they apply to every code.",
};

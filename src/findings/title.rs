//! FL008 title.

use super::{Class, Explanation, Severity};

/// FL008 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL008",
    name: "title",
    severity: Severity::Warning,
    summary: "A title close to, but not, one the rulebook accepts for the person",
    explanation: EXPLANATION,
};

/// What `factlint explain FL008` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A title written beside a person is close to, but not, one of the forms the \
           rulebook accepts for that person's title: a misprint or a garbled word.",
    why: "A garbled title is a visible error in the first line of a story, and it is often a \
          word the spell checker accepts (\"Repartition\" for \"Repatriation\").",
    example: "The rulebook gives Khalil Haqqani the title `Minister of Refugees and \
              Repatriation`; the article says \"Taliban Minister of Refugees and Repartition \
              Khalil Haqqani\".",
    fix: "Use the accepted form the finding suggests, or add the form to the title's `accept` \
          list if the desk accepts it. A title that belongs to someone else in the rulebook \
          is not a misprint but a conflict (FL001).",
};

//! FL007 spelling.

use super::{Class, Explanation, Severity};

/// FL007 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL007",
    name: "spelling",
    severity: Severity::Warning,
    summary: "A name in an alias rather than the house spelling, or spelled several ways",
    explanation: EXPLANATION,
};

/// What `factlint explain FL007` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A person is named in a spelling the rulebook lists as an alias rather than in the \
           house spelling, or one article spells the same person more than one way. An \
           article with several spellings gets one finding that lists them all.",
    why: "Readers take two spellings for two people, and searches and archives split one \
          person's coverage in two. A desk picks one spelling and keeps to it.",
    example: "The rulebook's house spelling is `Khalil Haqqani` with `Khalil-ur-Rahman \
              Haqqani` among its aliases; the article says \"Khalil-ur-Rahman Haqqani\" in \
              its first paragraph and \"Khalil Haqqani\" in its third.",
    fix: "Use the house spelling throughout. A spelling cited as such (\"also known as…\", \
          \"spelled…\") is not flagged. To stop flagging aliases altogether, set `FL007: \
          off` under `severity` in factlint.yaml; unknown spellings (FL009) are still reported.",
};

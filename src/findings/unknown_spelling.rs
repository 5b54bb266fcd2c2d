//! FL009 unknown-spelling.

use super::{Class, Explanation, Severity};

/// FL009 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL009",
    name: "unknown-spelling",
    severity: Severity::Warning,
    summary: "A spelling of a known person's name that the rulebook does not list",
    explanation: EXPLANATION,
};

/// What `factlint explain FL009` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "A name that is a spelling of a known person's name but is neither the house \
           spelling nor an alias the rulebook lists: the same surname and first given name, \
           read through transliteration (Rahman/Rehman, ur/ul, hyphens and spacing, a \
           dropped h or a y for an i).",
    why: "An unrecorded spelling is usually a typo or a transliteration picked up from a wire \
          copy. A different person who shares a surname (Sirajuddin Haqqani, Jalaluddin \
          Haqqani) is never taken for one.",
    example: "The rulebook's house spelling is `Khalil Haqqani`; the article says \"Khalil \
              Haqqany\" or \"Kalil Haqqani\".",
    fix: "Use the house spelling the finding suggests. If the spelling is a real alternative \
          the desk wants to recognise, add it to the person's `aliases`.",
};

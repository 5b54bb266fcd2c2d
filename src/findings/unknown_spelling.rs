//! FL009 unknown-spelling.

use super::context::Context;
use super::spelling::Spellings;
use super::{Class, Code, Explanation, Finding, Severity};
use crate::rulebook::Fact;

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

/// FL009 for each spelling of a person's name that the rulebook does not know, at its
/// first use, with the others as related.
pub fn unknown<'a>(
    cx: &'a Context,
    fact: &'a Fact,
    names: &'a Spellings,
) -> impl Iterator<Item = Finding> + 'a {
    let house = names.house;
    names.unknown.iter().map(move |(_, uses)| {
        let first = uses[0];
        let mut f = cx.finding(
            Code::UnknownSpelling,
            fact,
            names.at(first, format!("did you mean \"{house}\"?")),
            format!(
                "\"{}\" is not a spelling of {house} that the rulebook knows; the house spelling is \"{house}\"",
                names.written(first)
            ),
        );
        for &other in &uses[1..] {
            f.related.push(names.at(other, "the same spelling".into()));
        }
        f.expected = Some(house.to_string());
        f.found = Some(names.written(first));
        f.fixes = names.house_fixes(uses);
        f.notes.push(format!(
            "if the desk accepts this spelling, add it to `aliases` under `{}`",
            cx.book.subject_id(fact.subject)
        ));
        f
    })
}

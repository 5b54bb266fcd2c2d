//! FL007 spelling.

use std::collections::BTreeMap;

use super::context::Context;
use super::{Class, Code, Explanation, FileRef, Finding, Fix, Label, Severity, unknown_spelling};
use crate::extract::{Mention, MentionValue};
use crate::names::{self, Spelling};
use crate::rulebook::{Expected, Fact};

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

/// The names of people in one article against their house spellings: for each
/// person, one finding for an alias or for several spellings (FL007), and one for
/// each spelling the rulebook does not know (FL009). `names` are (fact, mention).
pub fn spellings(
    cx: &Context,
    d: usize,
    mentions: &[Mention],
    names: &[(usize, usize)],
    findings: &mut Vec<Finding>,
) {
    let mut by_fact: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(fact, m) in names {
        by_fact.entry(fact).or_default().push(m);
    }
    for (fact, list) in by_fact {
        let fact = &cx.book.facts[fact];
        let Expected::Name { house, aliases } = &fact.expected else {
            continue;
        };
        let names = Spellings::sort(d, mentions, list, house, aliases);
        findings.extend(unknown_spelling::unknown(cx, fact, &names));
        findings.extend(known(cx, fact, &names));
    }
}

/// One person's names in one article, sorted by the rulebook's spellings.
pub struct Spellings<'a> {
    /// The article, by its index in the run.
    d: usize,
    /// The article's mentions.
    mentions: &'a [Mention],
    /// The house spelling.
    pub house: &'a str,
    /// Distinct spellings the rulebook knows, in order of first use: (folded, first
    /// mention, class).
    known: Vec<(String, usize, Spelling)>,
    /// Distinct spellings it does not know, in order of first use: (folded, every
    /// mention).
    pub unknown: Vec<(String, Vec<usize>)>,
    /// Every use of each alias, for the fixes.
    alias_uses: Vec<usize>,
}

impl<'a> Spellings<'a> {
    /// The spellings of the mentions `list` (of a person whose house spelling is
    /// `house`), in the order the article writes them.
    fn sort(
        d: usize,
        mentions: &'a [Mention],
        mut list: Vec<usize>,
        house: &'a str,
        aliases: &[String],
    ) -> Spellings<'a> {
        list.sort_by_key(|&m| mentions[m].span.start);
        let mut names = Spellings {
            d,
            mentions,
            house,
            known: Vec::new(),
            unknown: Vec::new(),
            alias_uses: Vec::new(),
        };
        for m in list {
            let MentionValue::Name(written) = &mentions[m].value else {
                continue;
            };
            let key = names::fold(written);
            let class = names::spelling(house, aliases, written);
            if class == Spelling::Alias {
                names.alias_uses.push(m);
            }
            match class {
                Spelling::Unknown => match names.unknown.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, uses)) => uses.push(m),
                    None => names.unknown.push((key, vec![m])),
                },
                class => {
                    if !names.known.iter().any(|(k, _, _)| *k == key) {
                        names.known.push((key, m, class));
                    }
                }
            }
        }
        names
    }

    /// The label of mention `m`'s words, saying `message`.
    pub fn at(&self, m: usize, message: String) -> Label {
        Label {
            file: FileRef::Document(self.d),
            span: self.mentions[m].span.clone(),
            message,
        }
    }

    /// The name as mention `m` writes it.
    pub fn written(&self, m: usize) -> String {
        match &self.mentions[m].value {
            MentionValue::Name(w) => w.clone(),
            _ => String::new(),
        }
    }

    /// The house spelling put in place of each of `uses`, where that is a respelling.
    pub fn house_fixes(&self, uses: &[usize]) -> Vec<Fix> {
        uses.iter()
            .filter_map(|&m| {
                Fix::respelling(self.mentions[m].span.clone(), &self.written(m), self.house)
            })
            .collect()
    }
}

/// FL007 for a person the article names in an alias, or in several spellings the
/// rulebook knows; `None` when it writes only the house spelling.
fn known(cx: &Context, fact: &Fact, names: &Spellings) -> Option<Finding> {
    let house = names.house;
    let known = &names.known;
    let &(_, primary, _) = known.iter().find(|(_, _, c)| *c != Spelling::House)?;
    if known.len() >= 2 {
        let all: Vec<String> = known.iter().map(|(_, m, _)| names.written(*m)).collect();
        let mut f = cx.finding(
            Code::Spelling,
            fact,
            names.at(
                primary,
                format!("one of {} spellings of {house}", known.len()),
            ),
            format!(
                "the article spells {house} {} ways: {}; the house spelling is \"{house}\"",
                known.len(),
                all.iter()
                    .map(|w| format!("\"{w}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        for (_, m, class) in known {
            if *m != primary {
                let what = if *class == Spelling::House {
                    "the house spelling".to_string()
                } else {
                    "another spelling".to_string()
                };
                f.related.push(names.at(*m, what));
            }
        }
        f.expected = Some(house.to_string());
        f.found = Some(all.join("; "));
        f.fixes = names.house_fixes(&names.alias_uses);
        Some(f)
    } else {
        let mut f = cx
            .finding(
                Code::Spelling,
                fact,
                names.at(primary, format!("the house spelling is \"{house}\"")),
                format!(
                    "\"{}\" is an alias; the house spelling of the name is \"{house}\"",
                    names.written(primary)
                ),
            )
            .with_values(house, names.written(primary));
        f.fixes = names.house_fixes(&names.alias_uses);
        Some(f)
    }
}

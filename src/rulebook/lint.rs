//! Lints: rulebook entries that load but will not do what their author meant. Each is a
//! located warning with a way to fix it; `factlint rules check` prints them. A rulebook
//! with warnings still loads and checks articles as written.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{BUILTIN_MEASURES, Expected, Loc, Report, Rulebook, Subject};
use crate::rulebook::RuleError;

/// Every lint of a loaded rulebook, in file order.
pub fn lint(book: &Rulebook) -> Vec<RuleError> {
    let mut out = Lints {
        book,
        found: Vec::new(),
    };
    out.spellings();
    out.markers();
    out.titles();
    out.superseded();
    out.undated_current();
    out.shared_cues();
    out.found
        .sort_by(|a, b| (&a.file, a.span.start).cmp(&(&b.file, b.span.start)));
    out.found
}

/// Entries a rulebook cannot be loaded with, as located errors: a spelling (alias or
/// short name) that is one common word or a single letter, which would turn ordinary
/// prose into mentions of the entity.
pub fn refusals(book: &Rulebook) -> Vec<RuleError> {
    let mut out = Lints {
        book,
        found: Vec::new(),
    };
    out.common_spellings();
    for error in &mut out.found {
        error.code = "factlint::rules";
        error.severity = miette::Severity::Error;
    }
    out.found
}

struct Lints<'a> {
    book: &'a Rulebook,
    found: Vec<RuleError>,
}

/// Folds a spelling for comparison: lower case, one space between words.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Lints<'_> {
    /// A warning at `needle` written inside the entry at `loc` (the entry itself when
    /// the text is not found there).
    fn warn(&mut self, loc: &Loc, needle: &str, message: String, label: &str, help: String) {
        let Some(file) = self.book.files.get(loc.file) else {
            return;
        };
        let text = &file.text;
        let from = loc.span.start.min(text.len());
        let span = text
            .get(from..)
            .filter(|_| !needle.is_empty())
            .and_then(|rest| rest.find(needle))
            .map(|i| from + i..from + i + needle.len())
            .unwrap_or_else(|| {
                // The entry itself, without the space and list dash around it.
                let entry = text.get(loc.span.clone()).unwrap_or("");
                let start = entry.len() - entry.trim_start_matches([' ', '\n', '\t', '-']).len();
                let end = entry.trim_end().len().max(start);
                loc.span.start + start..loc.span.start + end
            });
        let mut warning = RuleError::at(
            "factlint::rules::lint",
            &file.name,
            Arc::new(text.clone()),
            span,
            message,
            label,
            Some(help),
        );
        warning.severity = miette::Severity::Warning;
        self.found.push(warning);
    }

    /// Aliases that are the house spelling, and spellings two entities share.
    fn spellings(&mut self) {
        let book = self.book;
        let mut owners: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, entity) in book.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let slot = owners.entry(fold(name)).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        for (i, entity) in book.entities.iter().enumerate() {
            // Only a person's aliases are reported when used; with no `kind:` an entity
            // is `other`, and a desk that listed a person's misspellings hears nothing.
            if !entity.kind_given
                && let Some(alias) = entity.aliases.first()
            {
                self.warn(
                    &entity.loc,
                    alias,
                    format!(
                        "`{}` has aliases but no `kind:`; they are recognised as `{}` but never reported (only a person's aliases raise FL007)",
                        entity.id, entity.name
                    ),
                    "never reported",
                    format!(
                        "add `kind: person` if {} is a person, or the kind it is (`group`, `organisation`, `place`, `other`) to keep its aliases as accepted names",
                        entity.name
                    ),
                );
            }
            let exact = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            for alias in &entity.aliases {
                // A spelling that differs by case only is a deliberate alias.
                if exact(alias) == exact(&entity.name) {
                    self.warn(
                        &entity.loc,
                        alias,
                        format!(
                            "alias `{alias}` of `{}` is its house spelling `{}`",
                            entity.id, entity.name
                        ),
                        "the house spelling",
                        "an alias is a spelling not to use: every correct use of the name would be reported; remove it from `aliases`".into(),
                    );
                }
            }
            for spelling in entity.aliases.iter().chain(&entity.short_names) {
                let others: Vec<&str> = owners
                    .get(&fold(spelling))
                    .into_iter()
                    .flatten()
                    .filter(|&&o| o != i)
                    .map(|&o| book.entities[o].id.as_str())
                    .collect();
                if let Some(other) = others.first() {
                    self.warn(
                        &entity.loc,
                        spelling,
                        format!(
                            "`{spelling}` is a spelling of both `{}` and `{other}`",
                            entity.id
                        ),
                        "shared with another entity",
                        "an article that writes it is read as both; keep it on one entity, or list it under `short` on each so the article's fuller names decide".into(),
                    );
                }
            }
        }
    }

    /// Spellings that are one common word ("the", "who") or a single letter.
    fn common_spellings(&mut self) {
        let book = self.book;
        let vocabulary = book.vocabulary();
        for entity in &book.entities {
            for spelling in entity.aliases.iter().chain(&entity.short_names) {
                let lower = fold(spelling);
                // "WHO" and "IS" match only in capitals; "Who" or "who" matches prose.
                let capitals = spelling.chars().filter(|c| c.is_uppercase()).count();
                let common = capitals <= 1
                    && !lower.contains(' ')
                    && (lower.chars().count() < 2
                        || vocabulary.transparent.has(&lower)
                        || vocabulary.title_connectors.has(&lower));
                if common {
                    self.warn(
                        &entity.loc,
                        spelling,
                        format!("`{spelling}` of `{}` is a common word", entity.id),
                        "matches ordinary prose",
                        "every use of the word in an article would be read as this entity; remove it or write a longer form".into(),
                    );
                }
            }
        }
    }

    /// Marker phrases no article's prose can hold.
    fn markers(&mut self) {
        let book = self.book;
        for event in &book.events {
            for marker in &event.markers {
                let why = if marker.trim() != marker {
                    Some("it starts or ends with a space")
                } else if marker.contains("  ") || marker.contains(['\t', '\n']) {
                    Some("it holds two spaces, a tab or a line break")
                } else if marker.contains(['*', '`', '[', ']', '<', '>', '|']) {
                    Some("it holds markup, which is never read as prose")
                } else {
                    None
                };
                if let Some(why) = why {
                    self.warn(
                        &event.loc,
                        marker,
                        format!(
                            "marker `{marker}` of `{}` can never match: {why}",
                            event.id
                        ),
                        "never matches",
                        "write the phrase as it reads in an article: words separated by single spaces, without markup".into(),
                    );
                }
            }
        }
    }

    /// Titles that are another entity's name, and titles too long to be read.
    fn titles(&mut self) {
        let book = self.book;
        let names: BTreeMap<String, usize> = book
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(move |n| (fold(n), i))
            })
            .collect();
        for fact in &book.facts {
            let (Subject::Entity(holder), Expected::Title { value, accept }) =
                (fact.subject, &fact.expected)
            else {
                continue;
            };
            for form in std::iter::once(value).chain(accept) {
                if let Some(&other) = names.get(&fold(form))
                    && other != holder
                {
                    let other = &book.entities[other];
                    self.warn(
                        &fact.loc,
                        form,
                        format!(
                            "accepted title `{form}` of `{}` is the name of `{}`",
                            book.entities[holder].id, other.id
                        ),
                        "another entity's name",
                        format!(
                            "an article naming {} would be read as this title; write the post itself (\"minister\", \"chief of staff\")",
                            other.name
                        ),
                    );
                }
                if form.split_whitespace().count() > 10 {
                    self.warn(
                        &fact.loc,
                        form,
                        format!("title `{form}` is longer than ten words and is never read"),
                        "too long to read",
                        "titles are read up to ten words; accept a shorter form under `accept`"
                            .into(),
                    );
                }
            }
        }
    }

    /// Superseded figures open upward that hold the figures after them: an article
    /// giving the current figure would fit the old one too.
    fn superseded(&mut self) {
        let book = self.book;
        for fact in &book.facts {
            let Some(current) = fact.expected.interval() else {
                continue;
            };
            for old in &fact.revised_from {
                if old.value.max.is_some() {
                    continue;
                }
                let later: Vec<&Report> = fact
                    .revised_from
                    .iter()
                    .filter(|r| match (old.as_of, r.as_of) {
                        (Some(a), Some(b)) => b > a,
                        _ => false,
                    })
                    .collect();
                let holds_all = old.value.overlaps(&current)
                    && later.iter().all(|r| old.value.overlaps(&r.value));
                if holds_all {
                    let written = old.value.describe();
                    let loc = old.loc.clone();
                    self.warn(
                        &loc,
                        "",
                        format!(
                            "superseded figure `{written}` of `{}` includes the current figure {}",
                            fact.id,
                            current.describe()
                        ),
                        "open upward",
                        "an article giving the current figure would match the old one too, and a stale figure could not be told apart; give the old figure as it was reported, exactly or with an upper bound".into(),
                    );
                }
            }
        }
    }

    /// Superseded figures dated with `as_of` while the current figure is not: the day
    /// the last of them was revised is unknown, so an article that gives it is never
    /// called stale, however late.
    fn undated_current(&mut self) {
        let book = self.book;
        for fact in &book.facts {
            if fact.as_of.is_some() || fact.expected.interval().is_none() {
                continue;
            }
            let Some(last) = fact
                .revised_from
                .iter()
                .filter(|r| r.as_of.is_some())
                .max_by_key(|r| r.as_of)
            else {
                continue;
            };
            let written = last.value.describe();
            let loc = fact.loc.clone();
            self.warn(
                &loc,
                "",
                format!(
                    "`{}` dates its superseded figures with `as_of` but not its current figure",
                    fact.id
                ),
                "no `as_of`",
                format!(
                    "without the day the current figure began, an article giving the last superseded figure ({written}) is never called stale; give the current figure its own `as_of` (the day it was first reported)"
                ),
            );
        }
    }

    /// A cue word given to two measures one subject has: a figure beside it cannot be
    /// told apart.
    fn shared_cues(&mut self) {
        let book = self.book;
        let mut cues: std::collections::HashMap<&str, Vec<String>> =
            std::collections::HashMap::new();
        for m in &book.measures {
            cues.entry(m.name.as_str())
                .or_default()
                .extend(m.cues.iter().map(|c| fold(c)));
        }
        let builtin = |measure: &str| BUILTIN_MEASURES.iter().any(|(n, _)| *n == measure);
        let mut by_subject: BTreeMap<Subject, Vec<usize>> = BTreeMap::new();
        for (i, fact) in book.facts.iter().enumerate() {
            if fact.expected.interval().is_some() || fact.expected == Expected::Unknown {
                by_subject.entry(fact.subject).or_default().push(i);
            }
        }
        // Each fact's cues against those of the facts before it, through one index per
        // subject: linear in the cues, however many facts an event has.
        for facts in by_subject.values() {
            let mut owners: std::collections::HashMap<&str, Vec<usize>> =
                std::collections::HashMap::new();
            for &b in facts {
                let fb = &book.facts[b];
                let mine = cues.get(fb.measure.as_str()).map_or(&[][..], Vec::as_slice);
                let mut warned = false;
                for cue in mine {
                    let earlier = owners.entry(cue.as_str()).or_default();
                    let other = earlier.iter().copied().find(|&a| {
                        let fa = &book.facts[a];
                        fa.measure != fb.measure && !(builtin(&fa.measure) && builtin(&fb.measure))
                    });
                    if !earlier.iter().any(|&a| book.facts[a].measure == fb.measure) {
                        earlier.push(b);
                    }
                    let Some(a) = other.filter(|_| !warned) else {
                        continue;
                    };
                    warned = true;
                    let fa = &book.facts[a];
                    let (first, second) = if builtin(&fb.measure) {
                        (fb, fa)
                    } else {
                        (fa, fb)
                    };
                    let loc = second.loc.clone();
                    self.warn(
                        &loc,
                        cue,
                        format!(
                            "cue `{cue}` is given to both `{}` and `{}`",
                            first.id, second.id
                        ),
                        "shared cue",
                        "a figure beside this word cannot be told apart; give each measure cue words of its own (\"on board\", \"passengers\")".into(),
                    );
                }
            }
        }
    }
}

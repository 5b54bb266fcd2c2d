//! The reading vocabulary: the words readers use to tell what a figure counts, whether
//! a date says when something happened, and which nouns refer back to an event.
//!
//! It is data, not code: `src/lexicon/en.yaml` is embedded in the binary, parsed once
//! and checked (every entry lower case, no empty entry), so a word that fits one kind
//! of story is written once, under that kind, and read by every stage that needs it.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded English vocabulary.
pub const ENGLISH: &str = include_str!("lexicon/en.yaml");

/// A kind of event and its words.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// Words whose presence in an event's summary or markers gives it this kind.
    pub words: Vec<String>,
    /// Nouns that refer back to an event of this kind ("the crash").
    pub nouns: Vec<String>,
    /// Verbs after which a date is when an event of this kind happened.
    pub verbs: Vec<String>,
    /// Whether an event of this kind has a toll: the built-in `killed` and `injured`.
    /// A death, an election or a term of office has none.
    #[serde(default = "has_toll")]
    pub toll: bool,
}

fn has_toll() -> bool {
    true
}

impl Default for Kind {
    fn default() -> Kind {
        Kind {
            words: Vec::new(),
            nouns: Vec::new(),
            verbs: Vec::new(),
            toll: true,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    whole_nouns: Vec<String>,
    group_nouns: Vec<String>,
    modifiers: Vec<String>,
    part_after: Vec<String>,
    part_before: Vec<String>,
    part_following: Vec<String>,
    state_after: Vec<String>,
    increment_before: Vec<String>,
    increment_after: Vec<String>,
    forecast: Vec<String>,
    passed: Vec<String>,
    change_verbs: Vec<String>,
    changing: Vec<String>,
    designators: Vec<String>,
    not_designators: Vec<String>,
    units: Vec<String>,
    measurement_units: Vec<String>,
    measure_units: BTreeMap<String, Vec<String>>,
    naming: Vec<String>,
    not_cue_after: Vec<String>,
    honorifics: Vec<String>,
    generic_events: Vec<String>,
    place_nouns: Vec<String>,
    whole_scope: Vec<String>,
    kinds: BTreeMap<String, Kind>,
    happened: Vec<String>,
    reporting: Vec<String>,
    transparent: Vec<String>,
    occurrence_words: Vec<String>,
    person_nouns: Vec<String>,
    title_heads: Vec<String>,
    ranks: Vec<String>,
    title_current: Vec<String>,
    title_past: Vec<String>,
    title_provisional: Vec<String>,
    title_former: Vec<String>,
    future: Vec<String>,
    comparing: Vec<String>,
    speaking: Vec<String>,
    cited: Vec<String>,
    history: Vec<String>,
    recurring: Vec<String>,
    title_connectors: Vec<String>,
    name_particles: Vec<String>,
    name_honorifics: Vec<String>,
    glued_particles: Vec<String>,
}

/// A list of words and phrases, looked up by their words.
#[derive(Clone, Debug, Default)]
pub struct Phrases {
    /// Each entry split into words.
    entries: Vec<Vec<String>>,
    /// One-word entries, for a quick test.
    single: HashSet<String>,
    /// First word → indices of the entries that start with it; last word → those that
    /// end with it.
    by_first: std::collections::HashMap<String, Vec<usize>>,
    by_last: std::collections::HashMap<String, Vec<usize>>,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let entries: Vec<Vec<String>> = list
            .iter()
            .map(|e| e.split_whitespace().map(str::to_string).collect())
            .collect();
        let single = entries
            .iter()
            .filter(|e| e.len() == 1)
            .map(|e| e[0].clone())
            .collect();
        let mut by_first: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut by_last: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, e) in entries.iter().enumerate() {
            if let (Some(first), Some(last)) = (e.first(), e.last()) {
                by_first.entry(first.clone()).or_default().push(i);
                by_last.entry(last.clone()).or_default().push(i);
            }
        }
        Phrases {
            entries,
            single,
            by_first,
            by_last,
        }
    }

    /// Whether one word is a one-word entry.
    pub fn has(&self, word: &str) -> bool {
        self.single.contains(word)
    }

    /// The length, in words, of the longest entry that starts at `words[0]`.
    pub fn starts(&self, words: &[&str]) -> Option<usize> {
        self.by_first
            .get(*words.first()?)?
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| e.len() <= words.len() && e.iter().zip(words).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
    }

    /// The length of the longest entry that ends exactly at the end of `words`.
    pub fn ends(&self, words: &[&str]) -> Option<usize> {
        self.by_last
            .get(*words.last()?)?
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| {
                e.len() <= words.len()
                    && e.iter().rev().zip(words.iter().rev()).all(|(a, b)| a == b)
            })
            .map(Vec::len)
            .max()
    }

    /// Every entry, as written.
    pub fn iter(&self) -> impl Iterator<Item = String> + '_ {
        self.entries.iter().map(|e| e.join(" "))
    }
}

/// The vocabulary, ready to read with.
#[derive(Debug)]
pub struct Vocabulary {
    /// Nouns for a whole group of people: a count written with one of these ("179
    /// people", "the 12 victims") counts everyone the measure counts.
    pub whole_nouns: Phrases,
    /// Nouns for a narrower group of people: a count written with one of these ("nine
    /// members of a family", "four medical students") is a part of a toll, not the
    /// toll, unless the noun is itself a measure's cue.
    pub group_nouns: Phrases,
    /// Words between a figure and its noun that do not change what it counts.
    pub modifiers: Phrases,
    /// Words after a figure that make it part of something else ("nine of the dead",
    /// "all but two"), never the whole.
    pub part_after: Phrases,
    /// Words before a figure that make it a part of a total named earlier ("killed 19,
    /// including nine soldiers").
    pub part_before: Phrases,
    /// Words after a figure that make it a part ("four students among the dead").
    pub part_following: Phrases,
    /// Phrases later in a figure's sentence that make it a count of those still in some
    /// state ("80 of the injured remain in hospital"), a part of the measure's total.
    pub state_after: Phrases,
    /// Words before a figure that make it an addition to a figure given elsewhere, not
    /// a total: "another seven", "a further 12", "seven more".
    pub increment_before: Phrases,
    /// Words after a figure that make it an addition: "seven more", "11 additional
    /// deaths".
    pub increment_after: Phrases,
    /// Words before a figure in its clause that make it a forecast or a possibility,
    /// not a claim of fact: "could exceed 200", "is expected to rise to 300".
    pub forecast: Phrases,
    /// Verbs before a figure that say the figure was passed: a lower bound.
    pub passed: Phrases,
    /// Verbs of change: "rose to 131" gives the new level of whatever rose, so the verb
    /// itself never names the measure when "to" follows.
    pub change_verbs: Phrases,
    /// Words that tell a figure moved or stood at a time ("has risen to", "stood at",
    /// "now"): an older figure in the same article is then history.
    pub changing: Phrases,
    /// Nouns after which a number is a designator (a name, not a count): "flight 171",
    /// "route 9", "category 4". A number after a capitalised word that is not the first
    /// of its sentence ("Boeing 737", "Flight 171", "Airbus A320") is one as well.
    pub designators: Phrases,
    /// Words that make a capitalised word before a number an ordinary word, not a name:
    /// "To 179" in a headline, "About 100" at the start of a clause.
    pub not_designators: Phrases,
    /// Units: a number followed by one is a measurement, not a count of things.
    pub units: Phrases,
    /// Units of measurement: a number followed by one is a measurement, not a count,
    /// unless the rulebook measures in that unit (a measure's cue is the unit:
    /// "acres").
    pub measurement_units: Phrases,
    /// Units a rulebook measure can be given in (`unit:`), by name, with the words that
    /// write each.
    pub measure_units: BTreeMap<String, Vec<String>>,
    /// Words that follow a name and make the word after them part of it ("a grandfather
    /// surnamed Bae").
    pub naming: Phrases,
    /// Phrases after which a cue word does not mark its measure: who "succumbed to
    /// their injuries" died, and is not counted among the injured.
    pub not_cue_after: Phrases,
    /// Honorifics and ranks that may stand before a person's name without being part of
    /// the name or a title to check.
    pub honorifics: Phrases,
    /// Nouns that refer back to an event of any kind ("the tragedy", "this incident").
    pub generic_events: Phrases,
    /// Nouns that refer back to where the article's event happened ("killed in the
    /// city").
    pub place_nouns: Phrases,
    /// Words that make a figure the widest count of its kind the article speaks of:
    /// "118 fatalities statewide" is the state's toll, not a county's.
    pub whole_scope: Phrases,
    /// Verbs and nouns of any kind of event after which a date says when it happened.
    pub happened: Phrases,
    /// Verbs that make a date beside them the day something was said or done about an
    /// event, not the day it happened.
    pub reporting: Phrases,
    /// Words between a figure and its cue that neither mark a measure nor count against
    /// how close the cue is ("five people were killed").
    pub transparent: Phrases,
    /// Words of any violent event after or before which a date says when it happened.
    pub occurrence_words: Phrases,
    /// Nouns for the people a toll counts; "one" beside one of them is a figure.
    pub person_nouns: Phrases,
    /// Words that make a phrase a title: the post itself.
    pub title_heads: Phrases,
    /// Military and police ranks, written before a name as part of it.
    pub ranks: Phrases,
    /// Words of a title that are no part of the post: the state of holding it now.
    pub title_current: Phrases,
    /// Words that say a title is not held now: such a title is history, not a claim.
    pub title_past: Phrases,
    /// Words that make a post provisional ("acting President"): part of the post.
    pub title_provisional: Phrases,
    /// The words of `title_past` that say the post was held before ("former"): checked
    /// against the posts the rulebook dates.
    pub title_former: Phrases,
    /// Words that make a clause tell of the future ("will", "would", "scheduled"): a
    /// weekday in it is the next one, not the last.
    pub future: Phrases,
    /// Words that introduce a point of comparison ("since", "than", "surpassing"):
    /// an event or a date after them is compared with, not told of.
    pub comparing: Phrases,
    /// Verbs of speaking ("said", "told"): one who speaks is alive.
    pub speaking: Phrases,
    /// Words before a name, in its clause, that say the name is cited, not used.
    pub cited: Phrases,
    /// Words that tell a figure as an earlier one ("initially", "up from").
    pub history: Phrases,
    /// Words of a day that comes back each year ("anniversary", "a year since"): a
    /// date beside them may be this year's, not the event's.
    pub recurring: Phrases,
    /// Function words of titles, set aside when titles are compared.
    pub title_connectors: Phrases,
    /// Particles inside names; they join words and carry nothing of who is meant.
    pub name_particles: Phrases,
    /// Honorifics written as part of a name, set aside when spellings are compared.
    pub name_honorifics: Phrases,
    /// Endings of a word that are a particle written onto it ("Khalilur").
    pub glued_particles: Phrases,
    /// Kinds of event by name.
    pub kinds: BTreeMap<String, Kind>,
    /// Every kind's verbs, with the generic ones.
    pub occurrence_verbs: Phrases,
}

/// Why a vocabulary file was refused.
#[derive(Debug)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon: {}", self.0)
    }
}

impl Vocabulary {
    /// Parses and checks a vocabulary file.
    pub fn parse(text: &str) -> Result<Vocabulary, LexiconError> {
        let raw: Raw = serde_yaml::from_str(text).map_err(|e| LexiconError(e.to_string()))?;
        Vocabulary::check(&raw)?;
        Ok(Vocabulary::from_raw(raw))
    }

    fn check(raw: &Raw) -> Result<(), LexiconError> {
        let mut all: Vec<&String> = Vec::new();
        for list in [
            &raw.whole_nouns,
            &raw.group_nouns,
            &raw.modifiers,
            &raw.part_after,
            &raw.part_before,
            &raw.part_following,
            &raw.state_after,
            &raw.increment_before,
            &raw.increment_after,
            &raw.forecast,
            &raw.passed,
            &raw.change_verbs,
            &raw.changing,
            &raw.designators,
            &raw.not_designators,
            &raw.units,
            &raw.measurement_units,
            &raw.naming,
            &raw.not_cue_after,
            &raw.honorifics,
            &raw.generic_events,
            &raw.place_nouns,
            &raw.whole_scope,
            &raw.happened,
            &raw.reporting,
            &raw.transparent,
            &raw.occurrence_words,
            &raw.person_nouns,
            &raw.title_heads,
            &raw.ranks,
            &raw.title_current,
            &raw.title_past,
            &raw.title_provisional,
            &raw.title_former,
            &raw.future,
            &raw.comparing,
            &raw.speaking,
            &raw.cited,
            &raw.history,
            &raw.recurring,
            &raw.title_connectors,
            &raw.name_particles,
            &raw.name_honorifics,
            &raw.glued_particles,
        ] {
            all.extend(list);
        }
        for kind in raw.kinds.values() {
            all.extend(&kind.words);
            all.extend(&kind.nouns);
            all.extend(&kind.verbs);
        }
        for (unit, words) in &raw.measure_units {
            all.push(unit);
            all.extend(words);
            if let Some(w) = words.iter().find(|w| !raw.measurement_units.contains(w)) {
                return Err(LexiconError(format!(
                    "`{w}` (a word of the unit `{unit}`) is not among `measurement_units`"
                )));
            }
        }
        for entry in all {
            if entry.trim().is_empty() {
                return Err(LexiconError("an entry is empty".into()));
            }
            if entry.to_lowercase() != *entry {
                return Err(LexiconError(format!("`{entry}` is not lower case")));
            }
        }
        Ok(())
    }

    fn from_raw(raw: Raw) -> Vocabulary {
        let mut verbs: Vec<String> = raw.happened.clone();
        for kind in raw.kinds.values() {
            verbs.extend(kind.verbs.iter().cloned());
        }
        Vocabulary {
            whole_nouns: Phrases::new(&raw.whole_nouns),
            group_nouns: Phrases::new(&raw.group_nouns),
            modifiers: Phrases::new(&raw.modifiers),
            part_after: Phrases::new(&raw.part_after),
            part_before: Phrases::new(&raw.part_before),
            part_following: Phrases::new(&raw.part_following),
            state_after: Phrases::new(&raw.state_after),
            increment_before: Phrases::new(&raw.increment_before),
            increment_after: Phrases::new(&raw.increment_after),
            forecast: Phrases::new(&raw.forecast),
            passed: Phrases::new(&raw.passed),
            change_verbs: Phrases::new(&raw.change_verbs),
            changing: Phrases::new(&raw.changing),
            designators: Phrases::new(&raw.designators),
            not_designators: Phrases::new(&raw.not_designators),
            units: Phrases::new(&raw.units),
            measurement_units: Phrases::new(&raw.measurement_units),
            measure_units: raw.measure_units.clone(),
            naming: Phrases::new(&raw.naming),
            not_cue_after: Phrases::new(&raw.not_cue_after),
            honorifics: Phrases::new(&raw.honorifics),
            generic_events: Phrases::new(&raw.generic_events),
            place_nouns: Phrases::new(&raw.place_nouns),
            whole_scope: Phrases::new(&raw.whole_scope),
            happened: Phrases::new(&raw.happened),
            reporting: Phrases::new(&raw.reporting),
            transparent: Phrases::new(&raw.transparent),
            occurrence_words: Phrases::new(&raw.occurrence_words),
            person_nouns: Phrases::new(&raw.person_nouns),
            title_heads: Phrases::new(&raw.title_heads),
            ranks: Phrases::new(&raw.ranks),
            title_current: Phrases::new(&raw.title_current),
            title_past: Phrases::new(&raw.title_past),
            title_provisional: Phrases::new(&raw.title_provisional),
            title_former: Phrases::new(&raw.title_former),
            future: Phrases::new(&raw.future),
            comparing: Phrases::new(&raw.comparing),
            speaking: Phrases::new(&raw.speaking),
            cited: Phrases::new(&raw.cited),
            history: Phrases::new(&raw.history),
            recurring: Phrases::new(&raw.recurring),
            title_connectors: Phrases::new(&raw.title_connectors),
            name_particles: Phrases::new(&raw.name_particles),
            name_honorifics: Phrases::new(&raw.name_honorifics),
            glued_particles: Phrases::new(&raw.glued_particles),
            occurrence_verbs: Phrases::new(&verbs),
            kinds: raw.kinds,
        }
    }

    /// The kinds whose verbs open `phrase` ("crashed", "gave way"); empty for a verb of
    /// any event ("occurred", "took place") or none.
    pub fn kinds_of_verb<'a>(&'a self, phrase: &[&str]) -> Vec<&'a str> {
        self.kinds
            .iter()
            .filter(|(_, k)| {
                k.verbs.iter().any(|v| {
                    let words: Vec<&str> = v.split(' ').collect();
                    words.len() <= phrase.len() && words.iter().zip(phrase).all(|(a, b)| a == b)
                })
            })
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The kinds whose nouns hold one word ("crash", "disaster"): none for a word that
    /// is no kind's noun.
    pub fn kinds_of_noun<'a>(&'a self, word: &str) -> Vec<&'a str> {
        self.kinds
            .iter()
            .filter(|(_, k)| k.nouns.iter().any(|n| n == word))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The unit (of [`Vocabulary::measure_units`]) a word names: its name or one of the
    /// words that write it, in any case.
    pub fn unit_named(&self, word: &str) -> Option<&str> {
        let word = word.to_lowercase();
        self.measure_units
            .iter()
            .find(|(name, words)| **name == word || words.contains(&word))
            .map(|(name, _)| name.as_str())
    }

    /// Whether a word is the noun of some kind of event.
    pub fn is_kind_noun(&self, word: &str) -> bool {
        self.kinds
            .values()
            .any(|k| k.nouns.iter().any(|n| n == word))
    }

    /// The kinds a phrase gives an event: every kind with a word among its words.
    pub fn kinds_of<'a>(&'a self, text: &str) -> Vec<&'a str> {
        let words: HashSet<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        self.kinds
            .iter()
            .filter(|(_, k)| k.words.iter().any(|w| words.contains(w)))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// The kind a description gives an event: that of its first word of any kind ("the
    /// day of national mourning declared after the crash" is a day of mourning).
    pub fn first_kind<'a>(&'a self, text: &str) -> Option<&'a str> {
        text.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .find_map(|word| {
                self.kinds
                    .iter()
                    .find(|(_, k)| k.words.contains(&word))
                    .map(|(name, _)| name.as_str())
            })
    }
}

/// The lists a rulebook's `lexicon:` section may add to: the open vocabulary of a
/// story (its groups of people, designators, names for places and events). The
/// language's own words (qualifiers, units, reporting verbs) are not among them.
pub const EXTENSIBLE: &[&str] = &[
    "whole_nouns",
    "group_nouns",
    "designators",
    "honorifics",
    "generic_events",
    "place_nouns",
    "happened",
    "reporting",
];

/// Words a rulebook adds to the vocabulary.
#[derive(Clone, Debug, Default)]
pub struct Extension {
    /// List name (one of [`EXTENSIBLE`]) → words.
    pub lists: BTreeMap<String, Vec<String>>,
    /// Kinds of event, new or added to.
    pub kinds: BTreeMap<String, Kind>,
}

impl Extension {
    /// Whether the rulebook adds nothing, so that the embedded vocabulary serves as it
    /// is (see [`Vocabulary::with`]).
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.kinds.is_empty()
    }
}

impl Vocabulary {
    /// The embedded vocabulary with a rulebook's additions; the embedded one itself
    /// when there are none.
    pub fn with(extension: &Extension) -> std::sync::Arc<Vocabulary> {
        if extension.is_empty() {
            return base().clone();
        }
        let mut raw: Raw = serde_yaml::from_str(ENGLISH).expect("the embedded lexicon parses");
        for (name, words) in &extension.lists {
            let list = match name.as_str() {
                "whole_nouns" => &mut raw.whole_nouns,
                "group_nouns" => &mut raw.group_nouns,
                "designators" => &mut raw.designators,
                "honorifics" => &mut raw.honorifics,
                "generic_events" => &mut raw.generic_events,
                "place_nouns" => &mut raw.place_nouns,
                "happened" => &mut raw.happened,
                "reporting" => &mut raw.reporting,
                _ => continue,
            };
            list.extend(words.iter().cloned());
        }
        for (name, kind) in &extension.kinds {
            let slot = raw.kinds.entry(name.clone()).or_default();
            slot.words.extend(kind.words.iter().cloned());
            slot.nouns.extend(kind.nouns.iter().cloned());
            slot.verbs.extend(kind.verbs.iter().cloned());
            slot.toll &= kind.toll;
        }
        std::sync::Arc::new(Vocabulary::from_raw(raw))
    }
}

/// The embedded vocabulary, parsed once.
pub fn english() -> &'static Vocabulary {
    base()
}

fn base() -> &'static std::sync::Arc<Vocabulary> {
    static BASE: OnceLock<std::sync::Arc<Vocabulary>> = OnceLock::new();
    BASE.get_or_init(|| {
        std::sync::Arc::new(
            Vocabulary::parse(ENGLISH).expect("the embedded lexicon is checked by its tests"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_loads() {
        let v = Vocabulary::parse(ENGLISH).unwrap();
        assert!(v.whole_nouns.has("people"));
        assert_eq!(
            v.part_before.starts(&["among", "the", "dead", "were"]),
            Some(3)
        );
        assert_eq!(v.part_before.ends(&["killed", "including"]), Some(1));
        assert!(
            v.kinds_of("Jeju Air plane crash at Muan")
                .contains(&"crash")
        );
    }

    #[test]
    fn a_bad_lexicon_is_refused() {
        let text = ENGLISH.replacen("whole_nouns: [people", "whole_nouns: [People", 1);
        assert!(Vocabulary::parse(&text).is_err());
        let text = ENGLISH.replacen("whole_nouns:", "whole_nounz:", 1);
        assert!(Vocabulary::parse(&text).is_err());
    }
}

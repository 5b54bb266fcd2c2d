//! Claims: mentions tied to the one fact they are about.
//!
//! Precision comes first. A figure is tied to an event only when its sentence is about
//! that event (the event's names, places, people or phrases appear in it) and no other
//! event fits as well; or when the sentence names no event at all and refers back ("the
//! attack", "this incident") to the article's lead event. A date in the sentence that
//! does not fit the event points away from it. Anything else stays unattributed and can
//! raise no error.
//!
//! Every name in the rulebook is compiled once into one Aho-Corasick automaton, so the
//! cost of finding them does not grow with the number of rules.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::{ControlFlow, Range};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::date::DayRange;
use crate::document::Document;
use crate::extract::{Mention, MentionKind, MentionValue};
use crate::rulebook::{EntityKind, Expected, Rulebook, Subject, code_fits, code_near};

/// How a claim was tied to its fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Via {
    /// The sentence names the subject.
    Marker,
    /// The sentence refers back to the article's lead event.
    ReferBack,
    /// Beside a person's name: an age, a title, or the name itself.
    Name,
    /// A rule's explicit pattern.
    Pattern,
    /// The sentence names no event, and the article is on one: the figure or date fits
    /// that event's. Such a claim only ever confirms; it is never compared with other
    /// articles.
    Topic,
}

/// A mention attributed to a fact.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// Index into the document's mentions.
    pub mention: usize,
    /// Index into the rulebook's facts.
    pub fact: usize,
    /// How it was tied.
    pub via: Via,
    /// For ages: the date of the event the sentence tells of ("Haqqani, 58, was killed
    /// on …"), at which the age may have been given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<DayRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// An entity's house spelling or alias.
    Name(usize),
    /// A bare short name shared by entities, resolved in context.
    Short,
    /// An event marker phrase.
    Phrase(usize),
}

/// A name or marker found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it stands in the document's prose (byte offsets).
    pub span: Range<usize>,
    /// A full name (house spelling or alias), not a short name or a marker.
    pub full: bool,
    /// The entity named, when it is a name.
    pub entity: Option<usize>,
    /// Events this hit marks.
    pub events: Vec<usize>,
}

/// What one name or marker text finds: its targets and, for each of its characters,
/// whether the article must write it as a capital.
type Pattern = (Vec<Target>, Vec<bool>);

/// Names and markers of a rulebook, compiled once.
pub struct Matcher {
    automaton: AhoCorasick,
    /// For each pattern: its targets and, for each of its characters, whether the
    /// article must write it as a capital (where every phrase behind it has one).
    patterns: Vec<Pattern>,
    /// Short name (lowercase) → entities that have it.
    short: BTreeMap<String, Vec<usize>>,
    /// Entity → events it marks.
    entity_events: Vec<Vec<usize>>,
    /// Event → the nouns that refer back to it ("the crash", "the quake"), from its
    /// kinds in the lexicon.
    event_nouns: Vec<HashSet<String>>,
    /// Event → the words of its id and marker phrases: what the desk calls it.
    event_words: Vec<HashSet<String>>,
    /// Event → the kinds its words give it (empty when none does).
    event_kinds: Vec<Vec<String>>,
    /// Place entity → the events of a known kind that happened there, each with the
    /// nouns of its kinds (no word for any event): "floods in Valencia" names them.
    place_events: Vec<Vec<(usize, HashSet<String>)>>,
    /// The reading vocabulary, with the rulebook's additions.
    vocabulary: std::sync::Arc<crate::lexicon::Vocabulary>,
    /// Ranks inside titles ("39th President of the United States"): the ordinal, the
    /// title's words after it (function words aside), and the title fact.
    ordinal_titles: Vec<(u64, HashSet<String>, usize)>,
}

impl Matcher {
    /// Compiles a rulebook's names and markers into one automaton, with what its
    /// articles may call each event.
    pub fn new(book: &Rulebook) -> Matcher {
        let (by_text, short) = name_patterns(book);
        let entity_events = entity_events(book);
        let (texts, patterns): (Vec<String>, Vec<Pattern>) = by_text.into_iter().unzip();
        let automaton = build_automaton(&texts);
        let vocabulary = book.vocabulary().clone();
        let EventReadings {
            nouns: event_nouns,
            words: event_words,
            kinds: event_kinds,
        } = event_readings(book, &vocabulary);
        let place_events = place_events(book, &vocabulary, &event_kinds);
        let ordinal_titles = ordinal_titles(book, &vocabulary);
        Matcher {
            automaton,
            patterns,
            short,
            entity_events,
            event_nouns,
            event_words,
            event_kinds,
            place_events,
            vocabulary,
            ordinal_titles,
        }
    }

    /// Every name and marker in a document's prose, in order. A short name shared by
    /// several entities ("Haqqani") is resolved, as newswire style intends, to the one
    /// the article has so far named in full most often (the earliest on a tie).
    pub fn hits(&self, doc: &Document) -> Vec<Hit> {
        let prose = doc.prose.as_bytes();
        let mut hits = Vec::new();
        let mut named: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // entity → (times, first)
        for m in self.automaton.find_iter(&doc.prose) {
            let (start, end) = (m.start(), m.end());
            let before_ok = start == 0 || !is_word_byte(prose[start - 1]);
            let after_ok = end == prose.len() || !is_word_byte(prose[end]);
            if !before_ok || !after_ok {
                continue;
            }
            let (targets, capitals) = &self.patterns[m.pattern().as_usize()];
            if doc.prose[start..end]
                .chars()
                .zip(capitals)
                .any(|(c, &capital)| capital && !c.is_uppercase())
            {
                continue;
            }
            let mut hit = Hit {
                span: start..end,
                full: false,
                entity: None,
                events: Vec::new(),
            };
            for target in targets {
                match *target {
                    Target::Name(e) => {
                        hit.entity = Some(e);
                        hit.full = true;
                        named.entry(e).or_insert((0, start)).0 += 1;
                        hit.events.extend(&self.entity_events[e]);
                    }
                    Target::Short => {
                        let key = doc.prose[start..end].to_lowercase();
                        let owners = self.short.get(&key).map(Vec::as_slice).unwrap_or_default();
                        let resolved = if owners.len() == 1 {
                            Some(owners[0])
                        } else {
                            owners
                                .iter()
                                .filter_map(|e| {
                                    named
                                        .get(e)
                                        .map(|&(n, first)| (n, std::cmp::Reverse(first), *e))
                                })
                                .max()
                                .map(|(_, _, e)| e)
                        };
                        if let Some(e) = resolved {
                            hit.entity = Some(e);
                            hit.events.extend(&self.entity_events[e]);
                        }
                    }
                    Target::Phrase(ev) => hit.events.push(ev),
                }
            }
            hit.events.sort_unstable();
            hit.events.dedup();
            if hit.entity.is_some() || !hit.events.is_empty() {
                hits.push(hit);
            }
        }
        hits
    }
}

/// Adds a name or marker text to the patterns: its lower case, and its forms with
/// spaces for hyphens and hyphens for spaces, each finding `target`.
fn add_pattern(by_text: &mut BTreeMap<String, Pattern>, text: &str, target: Target) {
    // "elected as President" needs its capital P, "76th Governor" its G.
    let mut capitals: Vec<bool> = text.chars().map(char::is_uppercase).collect();
    // "police lines" and "police-lines" are one name.
    let key = text.to_lowercase();
    if key.chars().count() != capitals.len() {
        // A letter whose lower case is longer: only the first capital counts.
        let first = capitals.first() == Some(&true);
        capitals = key
            .chars()
            .enumerate()
            .map(|(i, _)| i == 0 && first)
            .collect();
    }
    let variants = [key.clone(), key.replace(' ', "-"), key.replace('-', " ")];
    for variant in variants {
        let slot = by_text
            .entry(variant)
            .or_insert_with(|| (Vec::new(), capitals.clone()));
        if !slot.0.contains(&target) {
            slot.0.push(target);
        }
        for (have, new) in slot.1.iter_mut().zip(&capitals) {
            *have &= *new;
        }
    }
}

/// The patterns of a rulebook's names (house spellings, aliases, short names, a
/// title with one name) and event markers, and each short name's entities.
fn name_patterns(book: &Rulebook) -> (BTreeMap<String, Pattern>, BTreeMap<String, Vec<usize>>) {
    let mut by_text: BTreeMap<String, Pattern> = BTreeMap::new();
    let mut short: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, entity) in book.entities.iter().enumerate() {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            add_pattern(&mut by_text, name, Target::Name(i));
        }
        for s in &entity.short_names {
            add_pattern(&mut by_text, s, Target::Short);
            short.entry(s.to_lowercase()).or_default().push(i);
        }
        for s in titled_names(book, i) {
            if !entity
                .short_names
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&s))
            {
                add_pattern(&mut by_text, &s, Target::Short);
                short.entry(s.to_lowercase()).or_default().push(i);
            }
        }
    }
    for (i, event) in book.events.iter().enumerate() {
        for marker in &event.markers {
            add_pattern(&mut by_text, marker, Target::Phrase(i));
        }
    }
    (by_text, short)
}

/// For each entity, the events it marks.
fn entity_events(book: &Rulebook) -> Vec<Vec<usize>> {
    let mut entity_events = vec![Vec::new(); book.entities.len()];
    for (i, event) in book.events.iter().enumerate() {
        for &e in &event.marker_entities {
            entity_events[e].push(i);
        }
    }
    entity_events
}

/// The automaton that finds every pattern text in one pass.
fn build_automaton(texts: &[String]) -> AhoCorasick {
    // A DFA: the most memory, the fastest search, and its speed does not fall as the
    // rulebook grows.
    AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(texts)
        .expect("literal names always build an automaton")
}

/// What each event is called, as the matcher keeps it.
struct EventReadings {
    /// Event → the nouns that refer back to it.
    nouns: Vec<HashSet<String>>,
    /// Event → the words of its id and marker phrases.
    words: Vec<HashSet<String>>,
    /// Event → the kinds its words give it (empty when none does).
    kinds: Vec<Vec<String>>,
}

/// What each event is called: the nouns that refer back to it, the words of its id
/// and marker phrases, and the kinds its words give it (the matcher's `event_nouns`,
/// `event_words` and `event_kinds`).
fn event_readings(book: &Rulebook, vocabulary: &crate::lexicon::Vocabulary) -> EventReadings {
    let mut event_nouns = Vec::new();
    let mut event_words = Vec::new();
    let mut event_kinds: Vec<Vec<String>> = Vec::new();
    for event in &book.events {
        let called = desk_name(event);
        let mut kinds = kinds_of_event(vocabulary, event, &called);
        event_kinds.push(kinds.iter().map(|k| k.to_string()).collect());
        // An event whose words name no kind is read as the attacks the first
        // rulebooks were written for.
        if kinds.is_empty() {
            kinds.push("attack");
        }
        event_nouns.push(nouns_of_kinds(vocabulary, &kinds));
        event_words.push(lower_words(&called).into_iter().collect());
    }
    EventReadings {
        nouns: event_nouns,
        words: event_words,
        kinds: event_kinds,
    }
}

/// What the desk calls an event: its id and marker phrases.
fn desk_name(event: &crate::rulebook::Event) -> String {
    let mut called = event.id.replace('-', " ");
    for part in &event.markers {
        called.push(' ');
        called.push_str(part);
    }
    called
}

/// The kinds of an event: those the rulebook names; else the kind the summary opens
/// with, and those its id and markers (`called`) name.
fn kinds_of_event<'v>(
    vocabulary: &'v crate::lexicon::Vocabulary,
    event: &crate::rulebook::Event,
    called: &str,
) -> Vec<&'v str> {
    let mut kinds: Vec<&str> = event
        .kinds
        .iter()
        .filter_map(|k| vocabulary.kinds.get_key_value(k).map(|(k, _)| k.as_str()))
        .collect();
    if kinds.is_empty() {
        kinds = vocabulary.kinds_of(called);
        if let Some(kind) = event
            .summary
            .as_deref()
            .and_then(|s| vocabulary.first_kind(s))
            && !kinds.contains(&kind)
        {
            kinds.push(kind);
        }
    }
    kinds
}

/// The nouns that refer back to an event of these kinds (the last word of each of
/// their nouns), with the words for any event.
fn nouns_of_kinds(vocabulary: &crate::lexicon::Vocabulary, kinds: &[&str]) -> HashSet<String> {
    let mut nouns: HashSet<String> = vocabulary.generic_events.iter().collect();
    for kind in kinds {
        for noun in &vocabulary.kinds[*kind].nouns {
            nouns.insert(noun.rsplit(' ').next().unwrap_or(noun).to_string());
        }
    }
    nouns
}

/// For each place entity, the events of a known kind that happened there, each with
/// the nouns of its kinds that are no word for any event.
fn place_events(
    book: &Rulebook,
    vocabulary: &crate::lexicon::Vocabulary,
    event_kinds: &[Vec<String>],
) -> Vec<Vec<(usize, HashSet<String>)>> {
    let mut place_events = vec![Vec::new(); book.entities.len()];
    for (i, event) in book.events.iter().enumerate() {
        let nouns: HashSet<String> = event_kinds[i]
            .iter()
            .flat_map(|k: &String| &vocabulary.kinds[k.as_str()].nouns)
            .filter(|n| !vocabulary.generic_events.has(n))
            .map(|n| n.rsplit(' ').next().unwrap_or(n).to_string())
            .collect();
        if nouns.is_empty() {
            continue;
        }
        for &place in &event.places {
            place_events[place].push((i, nouns.clone()));
        }
    }
    place_events
}

/// The ranks inside the rulebook's titles: for each ordinal in a title's value or
/// accepted form, the ordinal, the title's words after it (function words aside),
/// and the title fact.
fn ordinal_titles(
    book: &Rulebook,
    vocabulary: &crate::lexicon::Vocabulary,
) -> Vec<(u64, HashSet<String>, usize)> {
    let mut ordinal_titles = Vec::new();
    for (fact, f) in book.facts.iter().enumerate() {
        let Expected::Title { value, accept } = &f.expected else {
            continue;
        };
        for form in std::iter::once(value).chain(accept) {
            let words = lower_words(form);
            for (k, word) in words.iter().enumerate() {
                let Some(n) = crate::extract::number::ordinal(word) else {
                    continue;
                };
                let after: HashSet<String> = words[k + 1..]
                    .iter()
                    .filter(|w| !vocabulary.title_connectors.has(w))
                    .cloned()
                    .collect();
                if !after.is_empty() {
                    ordinal_titles.push((n, after, fact));
                }
            }
        }
    }
    ordinal_titles
}

impl Matcher {
    /// Where words (a text's [`lower_words`]) refer back to an event by a noun of its
    /// kind ("the crash", "this incident", "Friday's attack", "her death"): the noun's
    /// index in `words`.
    fn refers_back(&self, words: &[String], event: usize) -> Option<usize> {
        let nouns = &self.event_nouns[event];
        (0..words.len()).find_map(|i| {
            let w = words[i].as_str();
            let determiner = matches!(
                w,
                "the" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her"
            ) || w.ends_with("'s") && w.len() > 2;
            if !determiner {
                return None;
            }
            // "going beyond the exit poll", "more than the crash": a point of
            // comparison, not a reference back ("since the flood struck" still is one).
            let comparing = &crate::lexicon::english().comparing;
            let view: Vec<&str> = words[i.saturating_sub(3)..i]
                .iter()
                .map(String::as_str)
                .collect();
            if (0..view.len()).any(|k| view[k] != "since" && comparing.starts(&view[k..]).is_some())
            {
                return None;
            }
            // Up to two words between: "the deadly crash", "Sunday's massive quake".
            (i + 1..(i + 4).min(words.len()))
                .take_while(|&k| words[k] != ",")
                .find(|&k| nouns.contains(words[k].as_str()))
        })
    }
}

impl Matcher {
    /// "Crashed near the city on 12 June 2017" of a 2025 crash, "was elected to the
    /// Senate in 1966" of the 1962 election: a date beside a verb of the event's own kind
    /// is its date however far off, a misdating at worst. A weekday counted back must
    /// still fall within the week.
    fn own_kind_verb(&self, subject: Subject, mention: &Mention) -> bool {
        let Subject::Event(e) = subject else {
            return false;
        };
        !mention.from_weekday
            && matches!(mention.value, MentionValue::Date(_))
            && mention
                .occurrence_kinds
                .iter()
                .any(|k| self.event_kinds[e].contains(k))
    }

    /// Whether a date written as the attribute of a kind's noun may be an event's: the
    /// noun is of one of the event's kinds, or either has none known.
    fn noun_kind_fits(&self, subject: Subject, mention: &Mention) -> bool {
        let Subject::Event(e) = subject else {
            return true;
        };
        mention.noun_kinds.is_empty()
            || self.event_kinds[e].is_empty()
            || mention
                .noun_kinds
                .iter()
                .any(|k| self.event_kinds[e].contains(k))
    }

    /// Whether words refer back to an event by a noun of a kind its own words give it
    /// ("the attack" for an attack), not by a word for any event ("the incident") or by
    /// the attack nouns an event of no known kind is given.
    fn refers_back_by_kind(&self, words: &[String], event: usize) -> bool {
        !self.event_kinds[event].is_empty()
            && self
                .refers_back(words, event)
                .is_some_and(|i| !self.vocabulary.generic_events.has(&words[i]))
    }

    /// Whether a date's verb fits the kind of event its fact is of: "crashed on" dates
    /// a crash, never a presidency or a day of mourning. Verbs of any event, and
    /// events of no known kind, fit.
    pub fn kind_fits(&self, book: &Rulebook, fact: usize, mention: &Mention) -> bool {
        let Subject::Event(e) = book.facts[fact].subject else {
            return true;
        };
        mention.kind != MentionKind::Date
            || mention.occurrence_kinds.is_empty()
            || self.event_kinds[e].is_empty()
            || mention
                .occurrence_kinds
                .iter()
                .any(|k| self.event_kinds[e].contains(k))
    }

    /// Whether a text refers back to a place by a common noun: "killed in the city",
    /// "the town's hospital".
    pub fn refers_to_place(&self, text: &str) -> bool {
        let nouns = &self.vocabulary.place_nouns;
        let words = lower_words(text);
        words.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "the" | "this" | "that")
                && nouns.has(pair[1].trim_end_matches("'s"))
        })
    }

    /// Whether a text introduces an event of its own: "a house fire", "another
    /// earthquake", "an explosion".
    pub fn introduces_event(&self, text: &str) -> bool {
        let vocabulary = &self.vocabulary;
        let words = lower_words(text);
        (0..words.len()).any(|i| {
            matches!(words[i].as_str(), "a" | "an" | "another")
                && (i + 1..(i + 4).min(words.len()))
                    .take_while(|&k| words[k] != ",")
                    .any(|k| {
                        vocabulary
                            .kinds
                            .values()
                            .any(|kind| kind.nouns.iter().any(|n| *n == words[k]))
                    })
        })
    }
}

/// The one fact of `facts`, as a confirmation; none when there are none or several.
fn the_one(mut facts: impl Iterator<Item = usize>) -> Option<(usize, Via)> {
    match (facts.next(), facts.next()) {
        (Some(fact), None) => Some((fact, Via::Topic)),
        _ => None,
    }
}

/// Whether a figure's unit is the fact's: a figure written in a unit ("37.52 feet") is
/// only of a fact given in that unit, or of one with no unit whose own pattern matched
/// it; one written with none may be of any.
fn unit_fits(book: &Rulebook, fact: usize, mention: &Mention) -> bool {
    let f = &book.facts[fact];
    match &mention.unit {
        Some(unit) => match &f.unit {
            Some(own) => own.as_str() == unit.as_ref(),
            None => mention.pattern_fact == Some(fact),
        },
        None => true,
    }
}

/// Whether a hit is the place of another event and not of this one, outside the
/// mention's own cue ("in Turkey" of a toll in Turkey): the sentence is about there.
fn other_place(book: &Rulebook, event: usize, mention: &Mention, hit: &Hit) -> bool {
    let in_cue = mention
        .cue
        .as_ref()
        .is_some_and(|c| hit.span.start >= c.start && hit.span.end <= c.end);
    !in_cue
        && hit.entity.is_some_and(|e| {
            let here = |ev: &crate::rulebook::Event| {
                ev.places.contains(&e) || ev.marker_entities.contains(&e)
            };
            book.entities[e].kind == EntityKind::Place
                && !here(&book.events[event])
                && book.events.iter().any(here)
        })
}

/// The words of a text, lower case, typographic apostrophes plain; a comma is a word.
fn lower_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' || c == '-' {
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c == ',' {
                out.push(",".into());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// A person named by a title and one name: "President Carter", "Pope Francis", "King
/// Charles". The title is a word of the person's rulebook title or the honorific their
/// house name opens with, and one the lexicon knows as a title before names; the name
/// is their surname or their first given name.
fn titled_names(book: &Rulebook, entity: usize) -> Vec<String> {
    let person = &book.entities[entity];
    if person.kind != EntityKind::Person {
        return Vec::new();
    }
    let honorifics = &book.vocabulary().honorifics;
    let is_title =
        |w: &str| w.starts_with(|c: char| c.is_uppercase()) && honorifics.has(&w.to_lowercase());
    let words: Vec<&str> = person.name.split_whitespace().collect();
    let regnal = |w: &str| w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    // (title, whether it goes with the first name too): "King Charles" for a house
    // name that opens with the title; "President Carter" from a rulebook title, with
    // the surname only, so that "Defence Minister Khawaja Asif" stays a full name.
    let mut heads: Vec<(String, bool)> = words
        .iter()
        .take_while(|w| is_title(w))
        .map(|w| (w.to_string(), true))
        .collect();
    if let Some(fact) = book.fact(Subject::Entity(entity), "title")
        && let Expected::Title { value, .. } = &book.facts[fact].expected
    {
        heads.extend(
            value
                .split_whitespace()
                .filter(|w| is_title(w))
                .map(|w| (w.to_string(), false)),
        );
    }
    let name: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| is_title(w))
        .filter(|w| !regnal(w))
        .collect();
    let (Some(first), Some(last)) = (name.first(), name.last()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (head, with_first) in &heads {
        let parts: &[&&str] = if *with_first { &[first, last] } else { &[last] };
        for part in parts {
            let s = format!("{head} {part}");
            if !out.contains(&s) && s != person.name {
                out.push(s);
            }
        }
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 && b != 0xe2
}

/// Ties a document's mentions to facts; `hits` are the document's names and markers
/// ([`Matcher::hits`]).
pub fn attribute(
    book: &Rulebook,
    matcher: &Matcher,
    doc: &Document,
    mentions: &[Mention],
    hits: &[Hit],
) -> Vec<Claim> {
    with_reading(book, matcher, doc, mentions, hits, |reading, topics| {
        claims_of(reading, topics)
    })
}

/// Builds the reading of one document (its per-sentence indices, lead event and
/// topics) and hands it to `f`.
fn with_reading<R>(
    book: &Rulebook,
    matcher: &Matcher,
    doc: &Document,
    mentions: &[Mention],
    hits: &[Hit],
    f: impl FnOnce(&Reading, &[Option<usize>]) -> R,
) -> R {
    let hit_ranges = per_sentence(doc, |i| hits.get(i).map(|h| h.span.start), hits.len());
    let mention_ranges = per_sentence(
        doc,
        |i| mentions.get(i).map(|m| m.span.start),
        mentions.len(),
    );
    let mut reading = Reading {
        book,
        matcher,
        doc,
        mentions,
        hits,
        hit_ranges: &hit_ranges,
        mention_ranges: &mention_ranges,
        lead: None,
    };
    reading.lead = lead_event(&reading);
    let topics = reading.topics();
    f(&reading, &topics)
}

/// Ties each mention of a reading to its fact: by a rule's own pattern, else by the
/// ways of tying in turn ([`tie`]), with the date its value may have held on.
fn claims_of(reading: &Reading, topics: &[Option<usize>]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, mention) in reading.mentions.iter().enumerate() {
        if let Some(fact) = mention.pattern_fact {
            claims.push(Claim {
                mention: index,
                fact,
                via: Via::Pattern,
                on: None,
            });
            continue;
        }
        let in_sentence: Vec<&Hit> = reading.hits_in(mention.sentence).collect();
        let topic = topics[mention.sentence];
        if let Some((fact, via)) = tie(reading, index, mention, &in_sentence, topic, &claims) {
            let on = claim_on(reading, mention, &in_sentence);
            claims.push(Claim {
                mention: index,
                fact,
                via,
                on,
            });
        }
    }
    claims
}

/// The fact the `index`th mention is tied to, and how: the tie its kind gives
/// ([`first_claim`]), else each other way of tying in turn, the first that ties
/// deciding; then a tie to another event's value or a wider scope is weighed, and a
/// range's end or a restated figure follows the claim before it. `claims` are those
/// of the mentions before it.
fn tie(
    reading: &Reading,
    index: usize,
    mention: &Mention,
    in_sentence: &[&Hit],
    topic: Option<usize>,
    claims: &[Claim],
) -> Option<(usize, Via)> {
    let Reading { book, matcher, .. } = *reading;
    let claim = first_claim(reading, mention, in_sentence, topic);
    // Each way of tying is tried in turn, and one whose event is of another kind
    // than the date's verb ("collided on March 7" beside a death) gives way to the
    // next.
    let fits = |c: Option<(usize, Via)>| {
        c.filter(|(f, _)| matcher.kind_fits(book, *f, mention) && unit_fits(book, *f, mention))
    };
    fits(claim)
        .or_else(|| fits(reading.year_slip(mention)))
        .or_else(|| fits(reading.topic_claim(mention, in_sentence, topic)))
        .or_else(|| fits(reading.marked_date(mention, in_sentence)))
        .or_else(|| fits(reading.named_date(mention)))
        .or_else(|| fits(reading.kind_dated(mention)))
        .or_else(|| fits(reading.verb_dated(mention)))
        .or_else(|| fits(reading.agreeing_figure(mention, in_sentence)))
        .or_else(|| fits(reading.agreeing_part(mention, in_sentence)))
        .or_else(|| fits(reading.unit_figure(mention, in_sentence)))
        .or_else(|| fits(reading.figure_dated(mention, claims)))
        .and_then(|(fact, via)| reading.another_events_value(fact, via, mention))
        .map(|(fact, via)| reading.widest_scope(fact, via, mention))
        .or_else(|| reading.range_end(index, claims.last()))
        .or_else(|| reading.restated(index, claims.last()))
}

/// The tie a mention's own kind gives it, tried before any other: a figure by its
/// measure, a date by its event, an age or a name by its person, a rank by its
/// title, an identifier by its event.
fn first_claim(
    reading: &Reading,
    mention: &Mention,
    in_sentence: &[&Hit],
    topic: Option<usize>,
) -> Option<(usize, Via)> {
    let book = reading.book;
    match mention.kind {
        // A count with no measure may still be a part that confirms (below).
        MentionKind::Count | MentionKind::Amount => figure_claim(reading, mention, in_sentence),
        MentionKind::Date if !mention.dateline && mention.occurrence => {
            date_claim(reading, mention, in_sentence, topic)
        }
        MentionKind::Age => age_claim(reading, mention, in_sentence),
        MentionKind::Ordinal => reading.title_rank(mention),
        MentionKind::Name | MentionKind::Title => mention
            .entity
            .and_then(|e| book.fact(Subject::Entity(e), mention.kind.name()))
            .map(|f| (f, Via::Name)),
        MentionKind::Code => reading.code_subject(mention, in_sentence),
        _ => None,
    }
}

/// A figure with a measure (not the whole a part is of): its subject's fact for the
/// measure, unless the part it counts is named elsewhere.
fn figure_claim(
    reading: &Reading,
    mention: &Mention,
    in_sentence: &[&Hit],
) -> Option<(usize, Via)> {
    let Reading { book, doc, .. } = *reading;
    let measure = mention
        .measure
        .as_deref()
        .filter(|_| !mention.whole_of_part);
    measure
        .and_then(|measure| {
            reading
                .figure_subject(mention, in_sentence, measure)
                .and_then(|(subject, via)| book.fact(subject, measure).map(|f| (f, via)))
        })
        .filter(|&(f, _)| !part_named_elsewhere(book, doc, mention, f))
}

/// A date of a happening: the date fact of the event its sentence is about, of the
/// named event of its verb's kind, or of the event a noun before it refers back to;
/// when it may be that event's date at all.
fn date_claim(
    reading: &Reading,
    mention: &Mention,
    in_sentence: &[&Hit],
    topic: Option<usize>,
) -> Option<(usize, Via)> {
    let Reading {
        book, matcher, doc, ..
    } = *reading;
    reading
        .event_of(mention, in_sentence, None)
        .or_else(|| reading.named_of_verbs_kind(mention))
        .or_else(|| reading.dated_by_reference(mention, in_sentence, topic))
        .filter(|(subject, _)| {
            // "The first president from the Deep South since 1837": a point of
            // time to compare with, not the event's date.
            let before = doc.prose[..mention.span.start].trim_end();
            let since = crate::extract::ends_with_ignoring_case(before, "since");
            plausibly_its_date(book, *subject, mention, doc.meta.published)
                || !since && matcher.own_kind_verb(*subject, mention)
        })
        // "Macron's April presidential election victory … a second term": the
        // date of an election is no date of a term of office.
        .filter(|(subject, _)| matcher.noun_kind_fits(*subject, mention))
        // "the 18 killed last October sent a legal notice": a date right after a
        // verb of killing or wounding dates deaths or wounds, never an event
        // that has no toll (a lawsuit, an anniversary).
        .filter(|(subject, _)| {
            let before = doc.prose[..mention.span.start].trim_end();
            let from = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &before[from..];
            let wounding = ["killed", "wounded", "injured"]
                .iter()
                .any(|v| word.eq_ignore_ascii_case(v));
            !wounding || book.has_measure(*subject, "killed")
        })
        .and_then(|(subject, via)| book.fact(subject, "date").map(|f| (f, via)))
}

/// An age: the age fact of the person named beside it, else of the one a pronoun
/// opening its sentence means, else of the one its clause or sentence is about;
/// never of one who speaks after the death the rulebook records.
fn age_claim(reading: &Reading, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
    let Reading { book, doc, .. } = *reading;
    age_subject(book, doc, mention, in_sentence)
        .or_else(|| reading.pronoun_person(mention, in_sentence))
        .or_else(|| detached_age_subject(book, doc, mention, in_sentence))
        .filter(|&e| !speaks_after_death(book, doc, mention, e))
        .and_then(|e| book.fact(Subject::Entity(e), "age"))
        .map(|f| (f, Via::Name))
}

/// When a claimed value may have held: for an age, the date of the event its
/// sentence tells of; for a title, the span of the years its sentence tells of.
fn claim_on(reading: &Reading, mention: &Mention, in_sentence: &[&Hit]) -> Option<DayRange> {
    let Reading { book, mentions, .. } = *reading;
    (mention.kind == MentionKind::Age)
        .then(|| reading.event_of(mention, in_sentence, None))
        .flatten()
        .and_then(|(subject, _)| match subject {
            Subject::Event(e) => book.events[e].date,
            Subject::Entity(_) => None,
        })
        .or_else(|| {
            // A title: the years its sentence tells of ("in 1978, President
            // Carter …"), at which the post may have been held.
            let dates = mentions[reading.mention_ranges[mention.sentence].clone()]
                .iter()
                .filter(|m| m.kind == MentionKind::Date && !m.dateline)
                .filter_map(|m| match m.value {
                    MentionValue::Date(r) => Some(r),
                    _ => None,
                });
            (mention.kind == MentionKind::Title)
                .then(|| {
                    dates.reduce(|a, b| DayRange {
                        from: a.from.min(b.from),
                        to: a.to.max(b.to),
                    })
                })
                .flatten()
        })
}

/// For each mention, in words, why it was tied to its fact or left untied: what
/// `factlint claims --why` prints. `claims` are those [`attribute`] made.
pub fn why(
    book: &Rulebook,
    matcher: &Matcher,
    doc: &Document,
    mentions: &[Mention],
    hits: &[Hit],
    claims: &[Claim],
) -> Vec<String> {
    with_reading(book, matcher, doc, mentions, hits, |reading, topics| {
        mentions
            .iter()
            .enumerate()
            .map(|(index, mention)| {
                let claim = claims.iter().find(|c| c.mention == index);
                match claim {
                    Some(claim) => reading.why_tied(mention, claim),
                    None => reading.why_untied(mention, topics[mention.sentence]),
                }
            })
            .collect()
    })
}

/// The article's lead event: the one its headline names, else the one named in the
/// first sentence that names only one, else the one named most often; when no name
/// decides, the one its headline or first sentence calls by a noun of its kind.
fn lead_event(reading: &Reading) -> Option<usize> {
    lead_by_name(reading).or_else(|| lead_by_kind(reading))
}

fn lead_by_name(reading: &Reading) -> Option<usize> {
    let Reading {
        matcher, doc, hits, ..
    } = *reading;
    let only_one = |hits: &mut dyn Iterator<Item = &Hit>| {
        let events: BTreeSet<usize> = hits.flat_map(|h| h.events.iter().copied()).collect();
        (events.len() == 1)
            .then(|| events.into_iter().next())
            .flatten()
    };
    if let Some(title) = &doc.meta.title {
        let title_doc = Document::parse(
            "title",
            title.as_bytes().to_vec(),
            crate::document::Format::Text,
            None,
        );
        if let Ok(title_doc) = title_doc
            && let Some(e) = only_one(&mut matcher.hits(&title_doc).iter())
        {
            return Some(e);
        }
    }
    // The first sentence that names any event decides: the one event it names, or
    // among several the one it names by a marker no other event shares (a dateline's
    // place may be shared). Later sentences never make an older event the lead, but
    // an event the article never names again is a passing mention, not its lead,
    // where another is named in three sentences or more (a summary whose first item is
    // an aside).
    let mut sentences_naming: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for sentence in 0..doc.sentences.len() {
        let events: BTreeSet<usize> = reading
            .hits_in(sentence)
            .filter(|h| h.events.len() == 1)
            .map(|h| h.events[0])
            .collect();
        for e in events {
            sentences_naming.entry(e).or_insert((0, sentence)).0 += 1;
        }
    }
    let returned_to = |e: usize| -> usize {
        let mine = sentences_naming.get(&e).map_or(0, |c| c.0);
        if mine > 1 {
            return e;
        }
        sentences_naming
            .iter()
            .filter(|&(_, &(n, _))| n >= 3)
            .max_by_key(|&(_, &(n, first))| (n, std::cmp::Reverse(first)))
            .map_or(e, |(&other, _)| other)
    };
    for sentence in 0..doc.sentences.len() {
        let named: Vec<&Hit> = reading
            .hits_in(sentence)
            .filter(|h| !h.events.is_empty())
            .collect();
        if named.is_empty() {
            if let Some(e) = reading.named_by_place_and_kind(sentence) {
                return Some(e);
            }
            continue;
        }
        if let Some(e) = only_one(&mut named.iter().copied()) {
            return Some(returned_to(e));
        }
        let strong: BTreeSet<usize> = named
            .iter()
            .filter(|h| h.events.len() == 1)
            .map(|h| h.events[0])
            .collect();
        return (strong.len() == 1)
            .then(|| strong.into_iter().next())
            .flatten()
            .map(returned_to);
    }
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for hit in hits {
        for &e in &hit.events {
            *counts.entry(e).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(e, n)| (n, std::cmp::Reverse(e)))
        .map(|(e, _)| e)
}

/// The headline's or first sentence's noun for an event ("a year after the
/// earthquakes"): of the events it can mean, the one last before publication.
fn lead_by_kind(reading: &Reading) -> Option<usize> {
    let Reading { matcher, doc, .. } = *reading;
    let published = doc.meta.published?;
    let mut opening: Vec<String> = doc.meta.title.iter().cloned().collect();
    opening.extend(
        doc.sentences
            .first()
            .map(|s| doc.prose[s.span.clone()].to_string()),
    );
    opening.iter().find_map(|text| {
        let words = lower_words(text);
        (0..reading.book.events.len())
            .filter(|&e| matcher.refers_back(&words, e).is_some())
            .filter_map(|e| {
                let date = reading.book.events[e].date?;
                (date.from <= published).then_some((date.from.days_until(published), e))
            })
            .min()
            .map(|(_, e)| e)
    })
}

/// One document being attributed: what every decision about its mentions looks at.
#[derive(Clone, Copy)]
struct Reading<'a> {
    book: &'a Rulebook,
    matcher: &'a Matcher,
    doc: &'a Document,
    mentions: &'a [Mention],
    hits: &'a [Hit],
    /// For each sentence, the indices of the hits and mentions inside it.
    hit_ranges: &'a [Range<usize>],
    mention_ranges: &'a [Range<usize>],
    /// The article's lead event, which "the attack" refers back to.
    lead: Option<usize>,
}

/// For each sentence, the range of indices of items (sorted by start offset) that start
/// inside it; `start(i)` gives item i's start.
pub(crate) fn per_sentence(
    doc: &Document,
    start: impl Fn(usize) -> Option<usize>,
    len: usize,
) -> Vec<Range<usize>> {
    let first_at_or_after = |offset: usize| {
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if start(mid).is_some_and(|s| s < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    doc.sentences
        .iter()
        .map(|s| first_at_or_after(s.span.start)..first_at_or_after(s.span.end))
        .collect()
}

impl<'a> Reading<'a> {
    /// "The death toll from massive flooding in Spain's Valencia region": a noun of an
    /// event's kind within six words of the event's place names the event, when it is
    /// the rulebook's latest of that kind by the publication date (an older flood in the
    /// same city is told by its marker, a flood elsewhere by its place).
    fn named_by_place_and_kind(&self, sentence: usize) -> Option<usize> {
        let Reading {
            book, matcher, doc, ..
        } = *self;
        let published = doc.meta.published?;
        let span = doc.sentences[sentence].span.clone();
        let mut found: BTreeSet<usize> = BTreeSet::new();
        for hit in self.hits_in(sentence) {
            let Some(place) = hit.entity else {
                continue;
            };
            let before = lower_words(&doc.prose[span.start..hit.span.start]);
            let after = lower_words(&doc.prose[hit.span.end..span.end]);
            let near: Vec<&String> = before
                .iter()
                .rev()
                .take(6)
                .chain(after.iter().take(6))
                .collect();
            for (event, nouns) in &matcher.place_events[place] {
                if near.iter().any(|w| nouns.contains(w.as_str())) {
                    found.insert(*event);
                }
            }
        }
        let latest_of_its_kind = |e: usize| {
            let date = book.events[e].date.filter(|d| d.from <= published)?;
            let later = (0..book.events.len()).any(|o| {
                o != e
                    && matcher.event_kinds[o]
                        .iter()
                        .any(|k| matcher.event_kinds[e].contains(k))
                    && book.events[o]
                        .date
                        .is_some_and(|d| d.from <= published && d.from > date.from)
            });
            (!later).then_some(e)
        };
        let fitting: Vec<usize> = found.into_iter().filter_map(latest_of_its_kind).collect();
        match fitting[..] {
            [e] => Some(e),
            _ => None,
        }
    }

    /// For each sentence, the event the article is on when it starts: the lead event,
    /// until a sentence names another event or several; then none, until one names
    /// the lead alone again.
    fn topics(&self) -> Vec<Option<usize>> {
        let mut topic = self.lead;
        (0..self.doc.sentences.len())
            .map(|sentence| {
                let here = topic;
                let start = self.doc.sentences[sentence].span.start;
                let named = || {
                    self.hits_in(sentence)
                        .filter(move |h| !compared_with(&self.doc.prose, start, h))
                };
                let events: BTreeSet<usize> =
                    named().flat_map(|h| h.events.iter().copied()).collect();
                let unique: BTreeSet<usize> = named()
                    .filter(|h| h.events.len() == 1)
                    .map(|h| h.events[0])
                    .collect();
                // Only the lead is a topic: after a digression to another event, none
                // until the lead is named again.
                if unique.len() == 1 {
                    topic = unique.into_iter().next().filter(|&e| Some(e) == self.lead);
                } else if !events.is_empty() {
                    topic = None;
                } else if self.lead.is_some() && self.named_by_place_and_kind(sentence) == self.lead
                {
                    // "The Central Texas floods": the lead named by its kind and place.
                    topic = self.lead;
                }
                here
            })
            .collect()
    }

    /// A date written right after a noun that refers back to the article's topic
    /// event ("the quakes, which struck on Monday, Feb. 6", "her death on 9 September",
    /// "Friday's attack"), in a sentence that names no event and no other place: that
    /// event's date, misdated or not.
    fn dated_by_reference(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        topic: Option<usize>,
    ) -> Option<(Subject, Via)> {
        let book = self.book;
        if in_sentence.iter().any(|h| !h.events.is_empty()) {
            return None;
        }
        let sentence = &self.doc.sentences[mention.sentence];
        let clause = clause_of(&self.doc.prose, sentence.span.clone(), mention.span.clone());
        let words = lower_words(&self.doc.prose[clause.start..mention.span.start]);
        // The noun within the eight words before the date, or the date's own
        // possessive ("Friday's attack") just after it.
        let tail = &words[words.len().saturating_sub(8)..];
        let own = self.doc.prose[mention.span.clone()].to_lowercase();
        let after_end = (mention.span.end + 40)
            .min(clause.end)
            .max(mention.span.end);
        let after = lower_words(&format!(
            "the {}",
            self.doc
                .prose
                .get(mention.span.end..after_end)
                .unwrap_or("")
        ));
        let possessive = own.ends_with("'s") || own.ends_with("\u{2019}s");
        let noun_of = |e: usize| {
            if let Some(i) = self.matcher.refers_back(tail, e) {
                Some(tail[i].clone())
            } else if possessive && self.matcher.refers_back(&after, e) == Some(1) {
                Some(after[1].clone())
            } else {
                None
            }
        };
        // "her death on 9 September" in a piece on the funeral: the one event the desk
        // calls by that noun (in its id or markers), when there is one; else the topic.
        let called: Vec<usize> = (0..book.events.len())
            .filter(|&e| noun_of(e).is_some_and(|noun| self.matcher.event_words[e].contains(&noun)))
            .collect();
        // Of several, the one nearest the date written (a misdating is a near miss).
        let nearest = || {
            let MentionValue::Date(found) = mention.value else {
                return None;
            };
            called
                .iter()
                .filter_map(|&e| {
                    let date = book.events[e].date?;
                    let gap = if date.overlaps(&found) {
                        0
                    } else {
                        date.to
                            .days_until(found.from)
                            .abs()
                            .min(found.to.days_until(date.from).abs())
                    };
                    Some((gap, e))
                })
                .min()
                .map(|(_, e)| e)
        };
        let event = match called.as_slice() {
            [one] => *one,
            [] => topic.filter(|&t| noun_of(t).is_some())?,
            _ => nearest()?,
        };
        if in_sentence
            .iter()
            .any(|h| other_place(book, event, mention, h))
        {
            return None;
        }
        Some((Subject::Event(event), Via::ReferBack))
    }

    /// A date that does not fit the event it was tied to but is exactly the date of
    /// another event of its verb's kind is that event's, never a misdating: "elected on
    /// November 2, 1976" in a sentence about the presidency is the election's day. A figure reached only
    /// by a reference back that fits another event the article names (the two fires
    /// together) is left untied.
    fn another_events_value(
        &self,
        fact: usize,
        via: Via,
        mention: &Mention,
    ) -> Option<(usize, Via)> {
        let book = self.book;
        let f = &book.facts[fact];
        if !matches!(f.subject, Subject::Event(_)) || self.fitting(fact, mention) {
            return Some((fact, via));
        }
        match (&f.expected, &mention.value) {
            (Expected::Date(_), MentionValue::Date(found)) if found.is_day() => {
                let other = (0..book.events.len()).find(|&e| {
                    Subject::Event(e) != f.subject
                        && book.events[e]
                            .date
                            .is_some_and(|d| d.is_day() && d == *found)
                        && mention
                            .occurrence_kinds
                            .iter()
                            .any(|k| self.matcher.event_kinds[e].contains(k))
                });
                match other.and_then(|e| book.fact(Subject::Event(e), "date")) {
                    Some(other) => Some((other, via)),
                    None => Some((fact, via)),
                }
            }
            (Expected::Count(_) | Expected::Amount { .. }, _) if via == Via::ReferBack => {
                let named: BTreeSet<usize> = self
                    .hits
                    .iter()
                    .flat_map(|h| h.events.iter().copied())
                    .collect();
                let fits_another = named.iter().any(|&e| {
                    Subject::Event(e) != f.subject
                        && book
                            .fact(Subject::Event(e), &f.measure)
                            .is_some_and(|other| self.fitting(other, mention))
                });
                (!fits_another).then_some((fact, via))
            }
            _ => Some((fact, via)),
        }
    }

    /// The one entity that has a measure, when no event has it and no other entity.
    fn sole_owner(&self, measure: &str) -> Option<usize> {
        let mut owners = self
            .book
            .facts
            .iter()
            .filter(|f| f.measure == measure)
            .map(|f| f.subject);
        match (owners.next(), owners.next()) {
            (Some(Subject::Entity(e)), None) => Some(e),
            _ => None,
        }
    }

    /// "He died at the age of 100": an age in a sentence that opens with a personal
    /// pronoun and names nobody belongs to the one person the previous sentence names.
    fn pronoun_person(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<usize> {
        let book = self.book;
        let is_person = |e: usize| book.entities[e].kind == EntityKind::Person;
        if mention.subject.is_some() || in_sentence.iter().any(|h| h.entity.is_some_and(is_person))
        {
            return None;
        }
        let text = &self.doc.prose[self.doc.sentences[mention.sentence].span.clone()];
        let first = lower_words(text).into_iter().next()?;
        if !matches!(first.as_str(), "he" | "she") {
            return None;
        }
        let previous = mention.sentence.checked_sub(1)?;
        let people: BTreeSet<usize> = self
            .hits_in(previous)
            .filter_map(|h| h.entity)
            .filter(|&e| is_person(e))
            .collect();
        match people.into_iter().collect::<Vec<_>>()[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    /// "118 fatalities have been confirmed statewide": a figure with a word of the
    /// whole scope, tied by a reference back or the topic, is of the event named in the
    /// article whose figure for the measure is the largest (the whole holds its parts).
    fn widest_scope(&self, fact: usize, via: Via, mention: &Mention) -> (usize, Via) {
        let book = self.book;
        let f = &book.facts[fact];
        if !matches!(via, Via::ReferBack | Via::Topic) || !matches!(f.subject, Subject::Event(_)) {
            return (fact, via);
        }
        let sentence = &self.doc.sentences[mention.sentence];
        let words = lower_words(&self.doc.prose[sentence.span.clone()]);
        let scope = &self.matcher.vocabulary.whole_scope;
        let wide = (0..words.len()).any(|i| {
            let rest: Vec<&str> = words[i..(i + 4).min(words.len())]
                .iter()
                .map(String::as_str)
                .collect();
            scope.starts(&rest).is_some()
        });
        if !wide {
            return (fact, via);
        }
        let size = |fact: usize| match &book.facts[fact].expected {
            Expected::Count(v) | Expected::Amount { value: v, .. } => Some(v.min),
            _ => None,
        };
        let named: BTreeSet<usize> = self
            .hits
            .iter()
            .flat_map(|h| h.events.iter().copied())
            .collect();
        let widest = named
            .iter()
            .filter_map(|&e| book.fact(Subject::Event(e), &f.measure))
            .filter(|&other| via != Via::Topic || self.fitting(other, mention))
            .filter_map(|other| size(other).map(|n| (n, other)))
            .max();
        match widest {
            Some((n, other)) if size(fact).is_none_or(|m| n > m) => (other, via),
            _ => (fact, via),
        }
    }

    /// A claim on the article's topic: the sentence names no event, no person or group
    /// that owns the measure and no place of another; the figure or date agrees with
    /// the topic event's (its value, a reported or a superseded one). Weak evidence only
    /// ever confirms, so a figure that disagrees stays unattributed.
    fn topic_claim(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        topic: Option<usize>,
    ) -> Option<(usize, Via)> {
        let book = self.book;
        // When the lead cannot take the figure (a day of mourning has no toll), the
        // event the article names most that can.
        let measure = match mention.kind {
            MentionKind::Date => "date",
            _ => mention.measure.as_deref()?,
        };
        // A measure that only one entity has ("grandchildren" of the man an obituary is
        // about), in an article that names that entity: theirs.
        if mention.kind != MentionKind::Date
            && let Some(owner) = self.sole_owner(measure)
            && self.hits.iter().any(|h| h.entity == Some(owner))
            && !in_sentence.iter().any(|h| !h.events.is_empty())
            && let Some(fact) = book.fact(Subject::Entity(owner), measure)
        {
            return self.fitting(fact, mention).then_some((fact, Via::Topic));
        }
        let lead_takes = self
            .lead
            .is_some_and(|l| book.has_measure(Subject::Event(l), measure));
        let event = match topic {
            Some(t) if book.has_measure(Subject::Event(t), measure) => t,
            _ if !lead_takes && topic == self.lead => {
                self.main_event(|e| book.has_measure(Subject::Event(e), measure))?
            }
            _ => return None,
        };
        if mention.dateline || mention.vague {
            return None;
        }
        if in_sentence.iter().any(|h| {
            !h.events.is_empty()
                || other_place(book, event, mention, h)
                || h.entity.is_some_and(|e| {
                    book.entities[e].kind != EntityKind::Place
                        && mention
                            .measure
                            .as_deref()
                            .is_some_and(|m| book.fact(Subject::Entity(e), m).is_some())
                })
        }) {
            return None;
        }
        // "A house fire in the town killed two": a new event of some kind.
        let text = &self.doc.prose[self.doc.sentences[mention.sentence].span.clone()];
        if self.matcher.introduces_event(text) {
            return None;
        }
        let subject = Subject::Event(event);
        let fact = match mention.kind {
            MentionKind::Count | MentionKind::Amount => {
                book.fact(subject, mention.measure.as_deref()?)?
            }
            MentionKind::Date if mention.occurrence => book.fact(subject, "date")?,
            _ => return None,
        };
        self.fitting(fact, mention).then_some((fact, Via::Topic))
    }

    /// A date beside one event's marker ("crowned at Westminster Abbey on 2 June
    /// 1953", "declared March 24 a day of mourning") that fits that event's date: a
    /// confirmation, as a topic claim is.
    fn marked_date(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
        if mention.kind != MentionKind::Date || mention.dateline {
            return None;
        }
        let sentence = &self.doc.sentences[mention.sentence];
        let clause = clause_of(&self.doc.prose, sentence.span.clone(), mention.span.clone());
        // Within six words before or after the date, in its clause: "crowned at
        // Westminster Abbey on 2 June 1953", "declaring March 24 a day of mourning".
        let near = |h: &&&Hit| {
            if h.span.start < clause.start || h.span.end > clause.end {
                return false;
            }
            let between = if h.span.end <= mention.span.start {
                &self.doc.prose[h.span.end..mention.span.start]
            } else if h.span.start >= mention.span.end {
                &self.doc.prose[mention.span.end..h.span.start]
            } else {
                return false;
            };
            let words = lower_words(between);
            // "Camp Mystic issued a statement Friday": the day it was said.
            let said = words.iter().any(|w| {
                self.matcher.vocabulary.reporting.has(w)
                    || matches!(
                        w.as_str(),
                        "said" | "says" | "issued" | "announced" | "told"
                    )
            });
            words.len() <= 6 && !said
        };
        let events: BTreeSet<usize> = in_sentence
            .iter()
            .filter(near)
            .flat_map(|h| h.events.iter().copied())
            .collect();
        let [event] = events.into_iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let fact = self.book.fact(Subject::Event(event), "date")?;
        self.fitting(fact, mention).then_some((fact, Via::Topic))
    }

    /// A date of a happening ("died on Sunday", not "said on Sunday") in a sentence that
    /// names several events ("died" marks two deaths) that fits the date of exactly one
    /// of them: a confirmation.
    fn named_date(&self, mention: &Mention) -> Option<(usize, Via)> {
        if mention.kind != MentionKind::Date || mention.dateline {
            return None;
        }
        let mut named = self.named_events(mention.sentence);
        // "Putin said Saturday", "arrived on Tuesday": a day something was said or done
        // is the date only of an event that is itself a saying or a doing (an address,
        // an arrival, a hearing: an event with no toll, named by its own words), never
        // of one with casualties or one named by a word of happening ("said on Sunday
        // that she died").
        if mention.said {
            let happened = &crate::lexicon::english().happened;
            named.retain(|&e, by| {
                let words: Vec<String> = by.split_whitespace().map(str::to_lowercase).collect();
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                !self.book.has_measure(Subject::Event(e), "killed")
                    && (0..words.len()).all(|i| happened.starts(&words[i..]).is_none())
            });
            if named.is_empty() {
                return None;
            }
        }
        self.the_one_dated(mention, |e| named.contains_key(&e))
            .or_else(|| {
                // "Two crashes in 1992": a year or month that fits several is all of them.
                matches!(mention.value, MentionValue::Date(d) if d.is_day())
                    .then(|| self.nearest_dated(mention, &named))
                    .flatten()
            })
    }

    /// "Flash flooding hit the valley and Kerr County on Friday": a date that fits
    /// several of the events its sentence names is the one's named nearest to it (none
    /// on a tie), as a confirmation.
    fn nearest_dated(
        &self,
        mention: &Mention,
        named: &BTreeMap<usize, String>,
    ) -> Option<(usize, Via)> {
        let start = self.doc.sentences[mention.sentence].span.start;
        let in_sentence: Vec<&Hit> = self.hits_in(mention.sentence).collect();
        let gap = |h: &Hit| {
            if h.span.end <= mention.span.start {
                mention.span.start - h.span.end
            } else {
                h.span.start.saturating_sub(mention.span.end)
            }
        };
        let mut by_gap: Vec<(usize, usize)> = Vec::new();
        for &e in named.keys() {
            let Some(fact) = self.book.fact(Subject::Event(e), "date") else {
                continue;
            };
            if !self.fitting(fact, mention) {
                continue;
            }
            let nearest = in_sentence
                .iter()
                .filter(|h| h.events.contains(&e))
                .filter(|h| {
                    !compared_with(&self.doc.prose, start, h)
                        && !describes_another(&self.doc.prose, &in_sentence, h)
                })
                .map(|h| gap(h))
                .min();
            if let Some(g) = nearest {
                by_gap.push((g, fact));
            }
        }
        by_gap.sort_unstable();
        match by_gap[..] {
            [(g, fact), (h, _), ..] if g < h => Some((fact, Via::Topic)),
            _ => None,
        }
    }

    /// "The 2025 flood", "the July 4 floods", "a flood in 1987", "the 1999 Izmit quake":
    /// a date written with a kind's noun is the date of the one event of that kind it
    /// fits, as a confirmation.
    fn kind_dated(&self, mention: &Mention) -> Option<(usize, Via)> {
        if mention.kind != MentionKind::Date || mention.dateline {
            return None;
        }
        let sentence = &self.doc.sentences[mention.sentence];
        let before = lower_words(&self.doc.prose[sentence.span.start..mention.span.start]);
        let after = lower_words(&self.doc.prose[mention.span.end..sentence.span.end]);
        let mut nouns: Vec<&str> = after.iter().take(3).map(String::as_str).collect();
        if let [.., noun, prep] = &before[..]
            && matches!(prep.as_str(), "in" | "of" | "on" | "from")
        {
            nouns.push(noun.as_str());
        }
        self.the_one_dated(mention, |e| {
            nouns
                .iter()
                .any(|n| *n != "," && self.matcher.event_nouns[e].contains(*n))
        })
    }

    /// The date fact of the one event that passes `fits` and whose date the mention
    /// agrees with, as a confirmation.
    fn the_one_dated(
        &self,
        mention: &Mention,
        fits: impl Fn(usize) -> bool,
    ) -> Option<(usize, Via)> {
        self.the_one_fitting(
            mention,
            "date",
            (0..self.book.events.len()).filter(|&e| fits(e)),
        )
    }

    /// Of `events`, the fact for `measure` of the one alone whose value the mention
    /// agrees with, as a confirmation.
    fn the_one_fitting(
        &self,
        mention: &Mention,
        measure: &str,
        events: impl Iterator<Item = usize>,
    ) -> Option<(usize, Via)> {
        the_one(
            events
                .filter_map(|e| self.book.fact(Subject::Event(e), measure))
                .filter(|&f| self.fitting(f, mention)),
        )
    }

    /// "Served one term before being beaten by Ronald Reagan in 1981": of the events a
    /// sentence names, each by a marker of its own, the one alone whose kind the date's
    /// verb is of ("beaten" of an election) takes the date.
    fn named_of_verbs_kind(&self, mention: &Mention) -> Option<(Subject, Via)> {
        if mention.occurrence_kinds.is_empty() {
            return None;
        }
        let named = self.named_events(mention.sentence);
        // Named by a marker of its own: a name several events share says neither.
        let alone: BTreeSet<usize> = self
            .hits_in(mention.sentence)
            .filter(|h| h.events.len() == 1)
            .map(|h| h.events[0])
            .collect();
        let of_kind: Vec<usize> = named
            .keys()
            .copied()
            .filter(|e| alone.contains(e))
            .filter(|&e| {
                mention
                    .occurrence_kinds
                    .iter()
                    .any(|k| self.matcher.event_kinds[e].contains(k))
            })
            .collect();
        match of_kind[..] {
            [e] if named.len() > 1 => Some((Subject::Event(e), Via::Marker)),
            _ => None,
        }
    }

    /// "Served from January 1977 to January 2081": the end of a range whose start is
    /// tied to an event that lasted (a term) is that event's too, however far off.
    fn range_end(&self, index: usize, last: Option<&Claim>) -> Option<(usize, Via)> {
        let (mention, start, last) = self.date_after_tied_date(index, last)?;
        let f = &self.book.facts[last.fact];
        let Subject::Event(e) = f.subject else {
            return None;
        };
        let lasted = self.book.events[e].date.is_some_and(|d| d.from != d.to);
        let prose = &self.doc.prose;
        let between = prose[start.span.end..mention.span.start]
            .trim()
            .to_lowercase();
        let sentence = self.doc.sentences[mention.sentence].span.start;
        let before = lower_words(&prose[sentence..start.span.start]);
        let opens = before.last().is_some_and(|w| w == "from");
        let joins = matches!(
            between.as_str(),
            "to" | "until" | "through" | "-" | "\u{2013}"
        );
        (f.measure == "date" && lasted && opens && joins).then_some((last.fact, last.via))
    }

    /// Mention `index`, a date, with the date before it in its sentence when that one
    /// is the mention just tied (`last`).
    fn date_after_tied_date<'c>(
        &self,
        index: usize,
        last: Option<&'c Claim>,
    ) -> Option<(&'a Mention, &'a Mention, &'c Claim)> {
        let mention = &self.mentions[index];
        let last = last.filter(|c| c.mention + 1 == index)?;
        let before = &self.mentions[last.mention];
        (mention.kind == MentionKind::Date
            && before.kind == MentionKind::Date
            && before.sentence == mention.sentence
            && before.span.end <= mention.span.start)
            .then_some((mention, before, last))
    }

    /// "broke out on Tuesday night (January 7, 2025)": a date in parentheses right
    /// after a date tied to an event's date restates it, and is checked with it.
    fn restated(&self, index: usize, last: Option<&Claim>) -> Option<(usize, Via)> {
        let (mention, before, last) = self.date_after_tied_date(index, last)?;
        if self.book.facts[last.fact].measure != "date" {
            return None;
        }
        let prose = &self.doc.prose;
        let between = lower_words(&prose[before.span.end..mention.span.start]);
        let opens = prose[before.span.end..mention.span.start]
            .trim_end()
            .ends_with('(');
        let closes = prose[mention.span.end..].trim_start().starts_with(')');
        let parts_of_day = between
            .iter()
            .all(|w| matches!(w.as_str(), "morning" | "afternoon" | "evening" | "night"));
        (opens && closes && parts_of_day).then_some((last.fact, last.via))
    }

    /// "On December 29, 2023, the pilots of Flight 2216 reported a bird strike" of a
    /// crash on 29 December 2024: the day and month of the one event the sentence names,
    /// with a year one or two before it, is that event misdated (a slip of the year),
    /// whatever verb stands beside it.
    fn year_slip(&self, mention: &Mention) -> Option<(usize, Via)> {
        let MentionValue::Date(found) = mention.value else {
            return None;
        };
        if mention.kind != MentionKind::Date || mention.dateline {
            return None;
        }
        if mention.year_left_out {
            return self.year_left_out(mention, found);
        }
        if !found.is_day() {
            return None;
        }
        let named = self.named_events(mention.sentence);
        let [event] = named.keys().copied().collect::<Vec<_>>()[..] else {
            return None;
        };
        let date = self.book.events[event].date.filter(|d| d.is_day())?;
        let ((y1, m1, d1), (y2, m2, d2)) = (found.from.ymd(), date.from.ymd());
        let slip = (m1, d1) == (m2, d2) && (1..=2).contains(&(y2 - y1));
        if !slip {
            return None;
        }
        let fact = self.book.fact(Subject::Event(event), "date")?;
        Some((fact, Via::Marker))
    }

    /// "Struck on February 20" in an article of March 2025, of a storm on 20 February
    /// 2024: a date written with no year, read in the year publication gives it, that
    /// fits none of the events its sentence names but is, a year earlier, the date of
    /// exactly one of them, is that one's with its year left out. A day something was
    /// said on is not, nor one beside a word of a day that comes back each year ("the
    /// anniversary"), which extraction reads as such a day.
    fn year_left_out(&self, mention: &Mention, found: DayRange) -> Option<(usize, Via)> {
        if mention.said {
            return None;
        }
        let named = self.named_events(mention.sentence);
        let date_of = |e: usize| self.book.events[e].date;
        if named
            .keys()
            .any(|&e| date_of(e).is_some_and(|d| d.overlaps(&found)))
        {
            return None;
        }
        let earlier = DayRange {
            from: found.from.add_years(-1),
            to: found.to.add_years(-1),
        };
        // An event of a few weeks at most: a year or a presidency fits any month.
        let fits: Vec<usize> = named
            .keys()
            .copied()
            .filter(|&e| {
                date_of(e).is_some_and(|d| d.from.days_until(d.to) <= 31 && d.overlaps(&earlier))
            })
            .collect();
        let [event] = fits[..] else {
            return None;
        };
        let fact = self.book.fact(Subject::Event(event), "date")?;
        Some((fact, Via::Marker))
    }

    /// "Gunmen opened fire, killing 93 people" after a digression: a figure with the
    /// cue of a measure that agrees with that measure's figure of exactly one event the
    /// article names (or its lead) is that event's, as a confirmation. A sentence
    /// that introduces an event, names a place of another or a person or group with
    /// the measure of their own, ties nothing this way.
    fn agreeing_figure(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
        let book = self.book;
        if !matches!(mention.kind, MentionKind::Count | MentionKind::Amount)
            || mention.dateline
            || mention.vague
        {
            return None;
        }
        let measure = mention.measure.as_deref()?;
        // Small counts agree with one figure or another by chance, and an open bound
        // ("above 9,000") with many.
        let large = match &mention.value {
            MentionValue::Number(n) | MentionValue::Amount { value: n, .. } => n.min >= 10,
            _ => false,
        };
        let closed = |fact: usize| match &book.facts[fact].expected {
            Expected::Count(v) | Expected::Amount { value: v, .. } => v.max.is_some(),
            _ => false,
        };
        let open = match &mention.value {
            MentionValue::Number(n) | MentionValue::Amount { value: n, .. } => n.max.is_none(),
            _ => true,
        };
        let text = &self.doc.prose[self.doc.sentences[mention.sentence].span.clone()];
        if !large
            || self.matcher.introduces_event(text)
            || in_sentence.iter().any(|h| {
                h.entity.is_some_and(|e| {
                    book.entities[e].kind != EntityKind::Place
                        && book.fact(Subject::Entity(e), measure).is_some()
                })
            })
        {
            return None;
        }
        let named: BTreeSet<usize> = self
            .hits
            .iter()
            .flat_map(|h| h.events.iter().copied())
            .chain(self.lead)
            .collect();
        // "The toll passed 17,000, on a par with the 1999 quake": not the compared one's.
        let start = self.doc.sentences[mention.sentence].span.start;
        let compared = |e: usize| {
            in_sentence
                .iter()
                .any(|h| h.events.contains(&e) && compared_with(&self.doc.prose, start, h))
        };
        let events = named
            .into_iter()
            .filter(|&e| !compared(e))
            .filter(|&e| !in_sentence.iter().any(|h| other_place(book, e, mention, h)));
        self.the_one_fitting(mention, measure, events)
            .filter(|&(fact, _)| !open || closed(fact))
    }

    /// "16 of the 24 deaths were in the Eaton Fire", "31 dead: 19 in Altadena and 12 in
    /// Pacific Palisades": a part of a total that agrees with its measure's figure of
    /// exactly one event its clause names is that event's, as a confirmation.
    fn agreeing_part(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
        let book = self.book;
        let measure = mention.part_measure.as_deref()?;
        if !matches!(mention.kind, MentionKind::Count | MentionKind::Amount)
            || mention.dateline
            || mention.vague
        {
            return None;
        }
        let sentence = &self.doc.sentences[mention.sentence];
        let clause = clause_of(&self.doc.prose, sentence.span.clone(), mention.span.clone());
        let start = sentence.span.start;
        let events: BTreeSet<usize> = in_sentence
            .iter()
            .filter(|h| h.span.start >= clause.start && h.span.end <= clause.end)
            .filter(|h| !compared_with(&self.doc.prose, start, h))
            .flat_map(|h| h.events.iter().copied())
            .collect();
        let places = |e: usize| {
            let event = &book.events[e];
            in_sentence.iter().any(|h| {
                h.span.start >= clause.start
                    && h.span.end <= clause.end
                    && h.entity.is_some_and(|p| event.places.contains(&p))
            })
        };
        // Events named in the clause, or whose place it names ("19 in Altadena").
        let candidates = (0..book.events.len()).filter(|&e| events.contains(&e) || places(e));
        self.the_one_fitting(mention, measure, candidates)
    }

    /// "He married Rosalynn Smith on July 7, 1946": a date whose verb belongs to a kind
    /// of event is the date of the one event of that kind it fits, as a confirmation.
    fn verb_dated(&self, mention: &Mention) -> Option<(usize, Via)> {
        if mention.kind != MentionKind::Date || mention.occurrence_kinds.is_empty() {
            return None;
        }
        self.the_one_dated(mention, |e| {
            mention
                .occurrence_kinds
                .iter()
                .any(|k| self.matcher.event_kinds[e].contains(k))
        })
    }

    /// Whether a mention's value agrees with a fact's: its value, a reported or a
    /// superseded one; an open bound far below the value ("more than 3,000" of 50,000)
    /// is no agreement.
    fn fitting(&self, fact: usize, mention: &Mention) -> bool {
        let f = &self.book.facts[fact];
        if let Some(x) = mention.figure
            && let Some(agrees) = f.decimal_agrees(x)
        {
            return agrees;
        }
        match (&f.expected, &mention.value) {
            (Expected::Count(want), MentionValue::Number(found))
            | (Expected::Amount { value: want, .. }, MentionValue::Amount { value: found, .. }) => {
                // An open bound far below ("more than 3,000" of 50,000) fits anything.
                // Nor does a figure far above an open rulebook bound ("over 60" of "at
                // least 3") say it is the same count.
                let agrees = |want: &crate::interval::Interval| {
                    (found.max.is_some() || found.min.saturating_mul(2) >= want.min)
                        && (want.max.is_some() || found.min <= want.min.saturating_mul(2))
                        && want.overlaps(found)
                };
                agrees(want)
                    || f.reported
                        .iter()
                        .chain(&f.revised_from)
                        .any(|r| agrees(&r.value))
            }
            (Expected::Date(want), MentionValue::Date(found)) => want.overlaps(found),
            _ => false,
        }
    }

    /// "The 39th president": a rank inside a person's title. Inside a title written
    /// beside a name, it is that person's title, whatever its number (the title is
    /// checked as a whole); elsewhere, the title of the one person whose title has this
    /// rank before one of the words that follow it.
    fn title_rank(&self, mention: &Mention) -> Option<(usize, Via)> {
        let in_sentence = &self.mentions[self.mention_ranges[mention.sentence].clone()];
        if let Some(title) = in_sentence.iter().find(|m| {
            m.kind == MentionKind::Title
                && m.span.start <= mention.span.start
                && mention.span.end <= m.span.end
        }) {
            let fact = self.book.fact(Subject::Entity(title.entity?), "title")?;
            return Some((fact, Via::Name));
        }
        let MentionValue::Number(found) = mention.value else {
            return None;
        };
        let sentence_end = self.doc.sentences[mention.sentence].span.end;
        let after = lower_words(&self.doc.prose[mention.span.end..sentence_end]);
        let next: Vec<&String> = after.iter().take(3).collect();
        let facts: BTreeSet<usize> = self
            .matcher
            .ordinal_titles
            .iter()
            .filter(|(n, _, _)| found.min == *n && found.max == Some(*n))
            .filter(|(_, words, _)| {
                next.iter()
                    .any(|w| words.contains(w.strip_suffix("'s").unwrap_or(w)))
            })
            .map(|(_, _, fact)| *fact)
            .collect();
        match facts.into_iter().collect::<Vec<_>>()[..] {
            [fact] => Some((fact, Via::Name)),
            _ => None,
        }
    }

    /// The events a sentence names as its own (not as a point of comparison, not in an
    /// apposition about another), with the words that name each.
    fn named_events(&self, sentence: usize) -> BTreeMap<usize, String> {
        let start = self.doc.sentences[sentence].span.start;
        let in_sentence: Vec<&Hit> = self.hits_in(sentence).collect();
        let mut named: BTreeMap<usize, String> = BTreeMap::new();
        for h in &in_sentence {
            if compared_with(&self.doc.prose, start, h)
                || describes_another(&self.doc.prose, &in_sentence, h)
            {
                continue;
            }
            for &e in &h.events {
                named
                    .entry(e)
                    .or_insert_with(|| self.doc.prose[h.span.clone()].to_string());
            }
        }
        named
    }

    fn why_tied(&self, mention: &Mention, claim: &Claim) -> String {
        let why = self.why_tied_to(mention, claim);
        let fact = &self.book.facts[claim.fact];
        match (fact.part_of, &mention.cue) {
            (Some(whole), Some(cue)) => format!(
                "{why}; part `{}` of `{}` matched: \"{}\"",
                fact.measure.rsplit('.').next().unwrap_or(&fact.measure),
                self.book.facts[whole].measure,
                &self.doc.prose[cue.clone()]
            ),
            _ => why,
        }
    }

    fn why_tied_to(&self, mention: &Mention, claim: &Claim) -> String {
        let book = self.book;
        let fact = &book.facts[claim.fact];
        let subject = match fact.subject {
            Subject::Event(e) => book.events[e].id.as_str(),
            Subject::Entity(e) => book.entities[e].id.as_str(),
        };
        match claim.via {
            Via::Pattern => format!("the pattern of `{}` matched", fact.id),
            Via::Marker => match fact.subject {
                Subject::Event(e) => {
                    let named = self.named_events(mention.sentence);
                    match named.get(&e) {
                        Some(words) => format!("its sentence names {subject}: \"{words}\""),
                        None => format!("its sentence names {subject}"),
                    }
                }
                Subject::Entity(_) => {
                    format!(
                        "its sentence names {subject}, who alone has `{}`",
                        fact.measure
                    )
                }
            },
            Via::ReferBack => {
                let text = &self.doc.prose[self.doc.sentences[mention.sentence].span.clone()];
                let words = lower_words(text);
                let noun = match fact.subject {
                    Subject::Event(e) => self.matcher.refers_back(&words, e).map(|i| &words[i]),
                    Subject::Entity(_) => None,
                };
                match noun {
                    Some(noun) => format!(
                        "its sentence names no event and \"{noun}\" refers back to {subject}"
                    ),
                    None => format!(
                        "its sentence names no event and refers back to {subject}, the event the article is on"
                    ),
                }
            }
            Via::Name => match mention.kind {
                MentionKind::Ordinal => format!("a rank in the title of {subject}"),
                MentionKind::Age => format!("an age written beside the name of {subject}"),
                _ => format!("the name of {subject}"),
            },
            Via::Topic => format!(
                "it agrees with `{}` ({}), with no stronger tie: a confirmation only, never compared",
                fact.id,
                fact.expected.describe()
            ),
        }
    }

    /// Why a mention was left untied, in words, by its kind.
    fn why_untied(&self, mention: &Mention, topic: Option<usize>) -> String {
        match mention.kind {
            MentionKind::Code => self.why_code_untied(mention),
            MentionKind::Count | MentionKind::Amount => self.why_figure_untied(mention, topic),
            MentionKind::Date => self.why_date_untied(mention),
            MentionKind::Age => "no person of the rulebook is named beside it".into(),
            MentionKind::Ordinal => "a rank before no word of a rulebook title".into(),
            MentionKind::Name | MentionKind::Title => {
                "of no person with that fact in the rulebook".into()
            }
        }
    }

    /// An event's id in the rulebook.
    fn event_id(&self, event: usize) -> &'a str {
        self.book.events[event].id.as_str()
    }

    /// Events with the words that name them, as `id ("words")`, comma-separated.
    fn event_list(&self, events: &BTreeMap<usize, String>) -> String {
        events
            .iter()
            .map(|(e, words)| format!("{} (\"{words}\")", self.event_id(*e)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Why an identifier was left untied: the events its sentence names besides by it.
    fn why_code_untied(&self, mention: &Mention) -> String {
        let book = self.book;
        let hits: Vec<&Hit> = self.hits_in(mention.sentence).collect();
        let events = self.code_events(mention, &hits);
        let ids: Vec<&str> = events.iter().map(|&e| self.event_id(e)).collect();
        match ids[..] {
            [] => "its sentence names no event besides by the identifier itself".into(),
            [one] => {
                let name = mention.measure.as_deref().unwrap_or("code");
                match book.fact(Subject::Event(events[0]), name) {
                    Some(f) => format!(
                        "its sentence names {one}, but the identifier is more than one \
                         slip from `{}` ({}), or another name or date stands with it: \
                         taken to name something else",
                        book.facts[f].id,
                        book.facts[f].expected.describe()
                    ),
                    None => format!("its sentence names {one}, which has no `{name}`"),
                }
            }
            _ => format!("its sentence names several events: {}", ids.join(", ")),
        }
    }

    /// Why a figure was left untied: no measure; else the events its sentence names
    /// with a figure for it; else what it could refer back to.
    fn why_figure_untied(&self, mention: &Mention, topic: Option<usize>) -> String {
        let book = self.book;
        if mention.vague && mention.measure.is_none() {
            return "a vague word with no cue word of a measure in its clause".into();
        }
        let Some(measure) = mention.measure.as_deref() else {
            return "no cue word of a rulebook measure in its clause (a part, an addition, \
                    a forecast, an identifier or a unit is no measure)"
                .into();
        };
        let named = self.named_events(mention.sentence);
        let any_figure = named
            .keys()
            .any(|&e| book.has_figure(Subject::Event(e), measure));
        let prefix = if named.is_empty() || any_figure {
            String::new()
        } else {
            format!(
                "it names {}, with no `{measure}` figure; ",
                self.event_list(&named)
            )
        };
        let named = if any_figure { named } else { BTreeMap::new() };
        if let Some(why) = self.why_named_figure_untied(&named, measure) {
            return why;
        }
        prefix + &self.why_unnamed_figure_untied(mention, topic, measure)
    }

    /// Why a figure whose sentence names events (`named`, some with a figure for its
    /// measure) was left untied; none when it names none.
    fn why_named_figure_untied(
        &self,
        named: &BTreeMap<usize, String>,
        measure: &str,
    ) -> Option<String> {
        let book = self.book;
        if named.len() > 1 {
            let with: Vec<usize> = named
                .keys()
                .copied()
                .filter(|&e| book.has_measure(Subject::Event(e), measure))
                .collect();
            return Some(match with.len() {
                0 => format!(
                    "its sentence names {}, and none has `{measure}`",
                    self.event_list(named)
                ),
                1 => format!(
                    "its sentence names {}; only {} has `{measure}`, but another date or a closer name points away",
                    self.event_list(named),
                    self.event_id(with[0])
                ),
                _ => format!(
                    "its sentence names several events with `{measure}`: {}",
                    self.event_list(named)
                ),
            });
        }
        let (&e, words) = named.iter().next()?;
        Some(if book.has_measure(Subject::Event(e), measure) {
            format!(
                "its sentence names {} (\"{words}\"), but another date in it does not fit that event",
                self.event_id(e)
            )
        } else {
            format!(
                "its sentence names {} (\"{words}\"), which has no `{measure}` in the rulebook",
                self.event_id(e)
            )
        })
    }

    /// Why a figure whose sentence names no event with a figure for its measure was
    /// left untied: a reference back that another date rules out, no event to refer
    /// back to, or a topic it does not agree with.
    fn why_unnamed_figure_untied(
        &self,
        mention: &Mention,
        topic: Option<usize>,
        measure: &str,
    ) -> String {
        let book = self.book;
        let id = |e: usize| self.event_id(e);
        let sentence = &self.doc.sentences[mention.sentence];
        let words = lower_words(&self.doc.prose[sentence.span.clone()]);
        let other_date = |e: usize| {
            let date = book.events[e].date?;
            self.mentions[self.mention_ranges[mention.sentence].clone()]
                .iter()
                .filter(|m| m.span != mention.span && !m.dateline && !m.from_weekday)
                .find_map(|m| match m.value {
                    MentionValue::Date(r) if !r.overlaps(&date) => {
                        Some(self.doc.prose[m.span.clone()].to_string())
                    }
                    _ => None,
                })
        };
        if let Some(lead) = self.lead
            && let Some(i) = self.matcher.refers_back(&words, lead)
            && let Some(date) = other_date(lead)
        {
            return format!(
                "\"{}\" refers back to {}, but \"{date}\" in the sentence does not fit its date",
                words[i],
                id(lead)
            );
        }
        match (self.lead, topic) {
            (None, _) => format!(
                "its sentence names no event, and the article names no event of the rulebook to refer back to (measure `{measure}`)"
            ),
            (Some(lead), None) => format!(
                "its sentence names no event and no noun refers back to {}, and an earlier sentence moved on to another event",
                id(lead)
            ),
            (Some(_), Some(t)) => match book.fact(Subject::Event(t), measure) {
                Some(f) => format!(
                    "its sentence names no event and no noun refers back to {}; a figure on the article's topic only confirms, and {} is not `{}` ({})",
                    id(t),
                    mention_value(mention),
                    book.facts[f].id,
                    book.facts[f].expected.describe()
                ),
                None => format!(
                    "its sentence names no event, and {}, the article's topic, has no `{measure}`",
                    id(t)
                ),
            },
        }
    }

    /// Why a date was left untied: a dateline, a day of saying, no event named, or
    /// how it fits the events its sentence names.
    fn why_date_untied(&self, mention: &Mention) -> String {
        let book = self.book;
        if mention.dateline {
            return "a dateline or the page's stamp".into();
        }
        if mention.said {
            return "the day something was said or a figure stood, not of a happening".into();
        }
        let named = self.named_events(mention.sentence);
        if named.is_empty() {
            return if mention.occurrence {
                "its sentence names no event, and it fits no single event of its kind or noun"
                    .into()
            } else {
                "its sentence names no event, and no word of happening stands beside it".into()
            };
        }
        let fits: Vec<usize> = named
            .keys()
            .copied()
            .filter(|&e| {
                book.fact(Subject::Event(e), "date")
                    .is_some_and(|f| self.fitting(f, mention))
            })
            .collect();
        match fits.len() {
            0 if named.len() == 1 => {
                let (&e, words) = named.iter().next().expect("one event");
                match book.events[e].date {
                    Some(date) if !mention.occurrence => format!(
                        "its sentence names {} (\"{words}\"), dated {date}, but no word of happening stands beside the date",
                        self.event_id(e)
                    ),
                    Some(date) => format!(
                        "its sentence names {} (\"{words}\"), dated {date}; a date this far from it, or of another kind of happening, is not taken for it",
                        self.event_id(e)
                    ),
                    None => format!("{} has no date in the rulebook", self.event_id(e)),
                }
            }
            0 => format!(
                "its sentence names {}, and the date fits none of them",
                self.event_list(&named)
            ),
            _ => format!(
                "its sentence names {}, and the date fits more than one",
                self.event_list(&named)
            ),
        }
    }

    /// Names and markers wholly inside a sentence.
    /// A dateline's place ("ISTANBUL, Feb 12 (Wire) —") is where the report was filed,
    /// not what it tells of: names before a dateline's date are left out.
    fn hits_in(&self, sentence: usize) -> impl Iterator<Item = &'a Hit> + use<'a> {
        let end = self.doc.sentences[sentence].span.end;
        let dateline = self.mentions[self.mention_ranges[sentence].clone()]
            .iter()
            .find(|m| m.dateline)
            .map(|m| m.span.start);
        self.hits[self.hit_ranges[sentence].clone()]
            .iter()
            .filter(move |h| h.span.end <= end && dateline.is_none_or(|d| h.span.end > d))
    }

    /// The subject a figure is about: an entity that owns the measure, or an event.
    fn figure_subject(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: &str,
    ) -> Option<(Subject, Via)> {
        let book = self.book;
        // Measures that belong to entities ("fighters" of a group) go to the entity named.
        let entity_owners: BTreeSet<usize> = in_sentence
            .iter()
            .filter_map(|h| h.entity)
            .filter(|&e| book.fact(Subject::Entity(e), measure).is_some())
            .collect();
        if entity_owners.len() == 1 {
            let e = *entity_owners.iter().next()?;
            return Some((Subject::Entity(e), Via::Marker));
        }
        if !entity_owners.is_empty() {
            return None;
        }
        self.event_of(mention, in_sentence, Some(measure))
    }

    /// The other dates in a mention's sentence that say when what it tells of happened:
    /// not the mention itself, not datelines, not the day something was said or a figure
    /// stood ("rose to 41,000 on Tuesday"). A weekday counted back from publication ("on
    /// Tuesday") is the sentence's own event misdated at worst, so it does not count.
    fn other_dates(&self, mention: &Mention) -> Vec<DayRange> {
        let doc = self.doc;
        let sentence = &doc.sentences[mention.sentence];
        let in_sentence: Vec<&Hit> = self.hits_in(mention.sentence).collect();
        self.mentions[self.mention_ranges[mention.sentence].clone()]
            .iter()
            .filter(|m| m.span != mention.span)
            // "Announces a day of mourning on March 24": a date right after another
            // event's marker that fits that event's date is that event's.
            .filter(|m| !self.dates_the_marked(m, &in_sentence))
            .filter(|m| !m.dateline && !m.from_weekday && !m.said)
            // "… a crest of 39 feet, surpassing the region's second-largest flood in
            // 1987": a date after the figure, in a clause that compares, is the date of
            // the thing compared with.
            .filter(|m| {
                !(m.span.start > mention.span.end
                    && doc.prose[mention.span.end..m.span.start].contains(',')
                    && comparing_within(&doc.prose, sentence.span.start, m.span.start, 8))
            })
            .filter_map(|m| match m.value {
                MentionValue::Date(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    /// Whether a date stands right after (within three words of) a marker that names one
    /// event alone and fits that event's date ("a day of mourning on March 24").
    fn dates_the_marked(&self, date: &Mention, in_sentence: &[&Hit]) -> bool {
        let MentionValue::Date(r) = date.value else {
            return false;
        };
        in_sentence.iter().any(|h| {
            let [e] = h.events[..] else {
                return false;
            };
            h.span.end <= date.span.start
                && lower_words(&self.doc.prose[h.span.end..date.span.start]).len() <= 3
                && self.book.events[e].date.is_some_and(|d| d.overlaps(&r))
        })
    }

    /// Whether an event's date fits every date in `dates` (an undated event fits any).
    fn dated_within(&self, event: usize, dates: &[DayRange]) -> bool {
        self.book.events[event]
            .date
            .is_none_or(|d| dates.iter().all(|r| r.overlaps(&d)))
    }

    /// "- 36.60 ft – July 2, 1932": a figure written in a unit with no cue beside it is
    /// of the one fact given in that unit that it agrees with, among the events whose
    /// date every other date of its sentence fits, or else those its sentence names: a
    /// confirmation only, since a unit alone ("a 30-foot wall of water") says too little
    /// to contradict.
    fn unit_figure(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
        let unit = mention.unit.as_deref()?;
        if mention.measure.is_some()
            || mention.part_measure.is_some()
            || mention.vague
            || mention.kind != MentionKind::Count
        {
            return None;
        }
        let book = self.book;
        let dates = self.other_dates(mention);
        let start = self.doc.sentences[mention.sentence].span.start;
        let named: BTreeSet<usize> = in_sentence
            .iter()
            .filter(|h| !compared_with(&self.doc.prose, start, h))
            .flat_map(|h| h.events.iter().copied())
            .collect();
        let in_play = |e: usize| {
            if dates.is_empty() {
                named.contains(&e)
            } else {
                self.dated_within(e, &dates) && (named.is_empty() || named.contains(&e))
            }
        };
        the_one(
            book.facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.unit.as_deref() == Some(unit) && f.part_of.is_none())
                .filter(|(_, f)| matches!(f.subject, Subject::Event(e) if in_play(e)))
                .filter(|&(i, _)| self.fitting(i, mention))
                .map(|(i, _)| i),
        )
    }

    /// "- 37.52 ft – July 4, 2025": a date in a sentence that names no event, beside a
    /// figure already tied to an event whose date it fits, is that event's date, as a
    /// confirmation.
    fn figure_dated(&self, mention: &Mention, claims: &[Claim]) -> Option<(usize, Via)> {
        if mention.kind != MentionKind::Date
            || mention.dateline
            || mention.said
            || !self.named_events(mention.sentence).is_empty()
        {
            return None;
        }
        let range = self.mention_ranges[mention.sentence].clone();
        let mut events: Vec<usize> = claims
            .iter()
            .filter(|c| range.contains(&c.mention))
            .filter(|c| {
                matches!(
                    self.mentions[c.mention].kind,
                    MentionKind::Count | MentionKind::Amount
                )
            })
            .filter_map(|c| match self.book.facts[c.fact].subject {
                Subject::Event(e) => Some(e),
                Subject::Entity(_) => None,
            })
            .collect();
        events.dedup();
        match events[..] {
            [e] => self.the_one_dated(mention, |x| x == e),
            _ => None,
        }
    }

    /// The one event a mention's sentence is about, if there is exactly one.
    fn event_of(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: Option<&str>,
    ) -> Option<(Subject, Via)> {
        let Reading { book, doc, .. } = *self;
        let sentence = &doc.sentences[mention.sentence];
        let dates = self.other_dates(mention);
        let fits_dates = |event: usize| {
            measure.is_none()
                || book.events[event]
                    .date
                    .is_none_or(|d| dates.iter().all(|r| r.overlaps(&d)))
        };

        // The phrase between commas around the mention first ("At least 135 were
        // killed in the flash floods, with most deaths in Kerr County"), then its
        // clause, then the whole sentence.
        let clause = clause_of(&doc.prose, sentence.span.clone(), mention.span.clone());
        let phrase = phrase_of(&doc.prose, clause.clone(), mention.span.clone());
        for (narrowest, scope) in [
            (true, phrase),
            (false, clause),
            (false, sentence.span.clone()),
        ] {
            let marked = self.marked_in(mention, in_sentence, measure, scope);
            if marked.is_empty() {
                continue;
            }
            if let ControlFlow::Break(found) = self.event_in_scope(
                mention,
                in_sentence,
                measure,
                &marked,
                narrowest,
                &fits_dates,
            ) {
                return found;
            }
        }
        self.referred_back(mention, in_sentence, measure?, &fits_dates, false)
    }

    /// The events named by hits inside `scope` of a mention's sentence, each with
    /// its strongest evidence: true when a marker names only this event. Names after
    /// an enumeration (for a figure), compared with or describing another are left out.
    fn marked_in(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: Option<&str>,
        scope: Range<usize>,
    ) -> BTreeMap<usize, bool> {
        let doc = self.doc;
        let sentence = &doc.sentences[mention.sentence];
        // event → strongest evidence: true when a marker names only this event.
        let mut marked: BTreeMap<usize, bool> = BTreeMap::new();
        for hit in in_sentence
            .iter()
            .filter(|h| h.span.start >= scope.start && h.span.end <= scope.end)
            .filter(|h| measure.is_none() || !enumerated_after(&doc.prose, mention, h))
            .filter(|h| !compared_with(&doc.prose, sentence.span.start, h))
            .filter(|h| !describes_another(&doc.prose, in_sentence, h))
        {
            let unique = hit.events.len() == 1;
            for &e in &hit.events {
                let strong = marked.entry(e).or_insert(false);
                *strong |= unique;
            }
        }
        marked
    }

    /// Of the events `marked` in one scope around a mention, the one it is about:
    /// `Break` with the answer when this scope decides, `Continue` when a wider
    /// scope must (the narrowest, for a figure, decides only for an event with a
    /// figure for its measure).
    fn event_in_scope(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: Option<&str>,
        marked: &BTreeMap<usize, bool>,
        narrowest: bool,
        fits_dates: &impl Fn(usize) -> bool,
    ) -> ControlFlow<Option<(Subject, Via)>> {
        let book = self.book;
        let has_figure =
            |event: usize| measure.is_some_and(|m| book.has_figure(Subject::Event(event), m));
        let any_strong = marked.values().any(|s| *s);
        let candidates: Vec<usize> = marked
            .iter()
            .filter(|(_, strong)| **strong || !any_strong)
            .map(|(e, _)| *e)
            .collect();
        let decided = self.decided_among(mention, in_sentence, measure, &candidates, fits_dates);
        // In the phrase around the figure, only an event with a figure for the
        // measure decides ("banned from leaving the country following a crash that
        // killed 179": not the ban's); else the clause does.
        if narrowest
            && measure.is_some()
            && !decided.is_some_and(|(s, _)| match s {
                Subject::Event(e) => has_figure(e),
                Subject::Entity(_) => false,
            })
        {
            return ControlFlow::Continue(());
        }
        // None of them has one ("declared a day of mourning after the attack, which
        // left 133 dead"): a reference back to an event that has one comes first.
        if let Some(m) = measure
            && !candidates.iter().any(|&c| has_figure(c))
        {
            return ControlFlow::Break(
                self.referred_back(mention, in_sentence, m, fits_dates, true)
                    .or(decided),
            );
        }
        ControlFlow::Break(decided)
    }

    /// Of the `candidates` named in one scope around a mention, the one it is about:
    /// the only one that fits the other dates and has the measure (the only one with a
    /// figure for it, when there is one), else the event named right before it when
    /// names and figures alternate ([`paired`](Self::paired)).
    fn decided_among(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: Option<&str>,
        candidates: &[usize],
        fits_dates: &impl Fn(usize) -> bool,
    ) -> Option<(Subject, Via)> {
        let book = self.book;
        let has_measure =
            |event: usize| measure.is_none_or(|m| book.has_measure(Subject::Event(event), m));
        let has_figure =
            |event: usize| measure.is_some_and(|m| book.has_figure(Subject::Event(event), m));
        // Any event named here that another date rules out still counts as named: the
        // sentence is about something, just not a checkable one.
        let fitting: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&e| fits_dates(e) && has_measure(e))
            .collect();
        // Of the events named, only one has a figure for the measure ("a day of
        // mourning for the attack, which killed 133"): the figure is its.
        let with_figure: Vec<usize> = fitting.iter().copied().filter(|&c| has_figure(c)).collect();
        let only_figure = with_figure.len() == 1;
        let fitting = if only_figure { with_figure } else { fitting };
        match fitting.as_slice() {
            [e] if candidates.len() == 1
                || candidates.iter().all(|c| {
                    *c == *e
                        || !fits_dates(*c)
                        || !has_measure(*c)
                        || only_figure && !has_figure(*c)
                }) =>
            {
                Some((Subject::Event(*e), Via::Marker))
            }
            _ => measure
                .and_then(|m| self.paired(mention, in_sentence, m))
                .map(|e| (Subject::Event(e), Via::Marker)),
        }
    }

    /// An identifier is its event's only when the sentence names that one event, and no
    /// other, by something besides the identifier itself: a code unlike the rulebook's
    /// may well name another flight or aircraft, so no reference back is enough.
    ///
    /// It is no one's when a name stands right before its cue and names another event
    /// ("PIA Flight 268"), when a comparing word comes before it ("the deadliest since
    /// Flight 268"), or when another date in the sentence does not fit the event.
    fn code_subject(&self, mention: &Mention, in_sentence: &[&Hit]) -> Option<(usize, Via)> {
        let name = mention.measure.as_deref()?;
        let prose = &self.doc.prose;
        let cue = mention.cue.clone()?;
        let sentence = &self.doc.sentences[mention.sentence];
        if comparing_before(prose, sentence.span.start, cue.start) {
            return None;
        }
        let [event] = self.code_events(mention, in_sentence)[..] else {
            return None;
        };
        let owner = in_sentence.iter().find(|h| {
            h.span.end <= cue.start
                && prose[h.span.end..cue.start]
                    .trim_start_matches(['\'', '\u{2019}', 's'])
                    .trim()
                    .is_empty()
        });
        if owner.is_some_and(|h| !h.events.contains(&event)) {
            return None;
        }
        let date = self.book.events[event].date;
        let other_date = self.mentions[self.mention_ranges[mention.sentence].clone()]
            .iter()
            .filter(|m| !m.dateline && !m.said)
            .filter_map(|m| match m.value {
                MentionValue::Date(r) => Some(r),
                _ => None,
            })
            .any(|r| date.is_some_and(|d| !r.overlaps(&d)));
        if other_date {
            return None;
        }
        let fact = self.book.fact(Subject::Event(event), name)?;
        let (Expected::Code { value, accept }, MentionValue::Code(found)) =
            (&self.book.facts[fact].expected, &mention.value)
        else {
            return None;
        };
        (code_fits(found, value, accept) || code_near(found, value, accept))
            .then_some((fact, Via::Marker))
    }

    /// The events a sentence names besides by an identifier's own words.
    fn code_events(&self, mention: &Mention, in_sentence: &[&Hit]) -> Vec<usize> {
        let start = self.doc.sentences[mention.sentence].span.start;
        let named: BTreeSet<usize> = in_sentence
            .iter()
            .filter(|h| h.span.end <= mention.span.start || h.span.start >= mention.span.end)
            .filter(|h| !compared_with(&self.doc.prose, start, h))
            .filter(|h| !describes_another(&self.doc.prose, in_sentence, h))
            .flat_map(|h| h.events.iter().copied())
            .collect();
        named.into_iter().collect()
    }

    /// "The Palisades Fire has burned 17,000 acres, the Eaton Fire 10,600 and the Hurst
    /// Fire 800": names of events and figures of one measure in turn, one name before
    /// each figure and none after the last, each a different event that has the
    /// measure. Each figure is then its name's.
    fn paired(&self, mention: &Mention, in_sentence: &[&Hit], measure: &str) -> Option<usize> {
        let prose = &self.doc.prose;
        let start = self.doc.sentences[mention.sentence].span.start;
        let figures: Vec<&Mention> = self.mentions[self.mention_ranges[mention.sentence].clone()]
            .iter()
            .filter(|m| m.measure.as_deref() == Some(measure))
            .collect();
        if figures.len() < 2 {
            return None;
        }
        let names: Vec<(usize, usize)> = in_sentence
            .iter()
            .filter(|h| h.events.len() == 1)
            .filter(|h| !compared_with(prose, start, h))
            .filter(|h| !describes_another(prose, in_sentence, h))
            .map(|h| (h.span.start, h.events[0]))
            .collect();
        let mut from = start;
        let mut seen = BTreeSet::new();
        let mut found = None;
        for figure in figures {
            let between: BTreeSet<usize> = names
                .iter()
                .filter(|(at, _)| *at >= from && *at < figure.span.start)
                .map(|(_, e)| *e)
                .collect();
            let [event] = between.into_iter().collect::<Vec<_>>()[..] else {
                return None;
            };
            if !seen.insert(event) || !self.book.has_measure(Subject::Event(event), measure) {
                return None;
            }
            if figure.span == mention.span {
                found = Some(event);
            }
            from = figure.span.end;
        }
        if names.iter().any(|(at, _)| *at >= from) {
            return None;
        }
        found
    }

    /// A figure in a sentence that names no event (or only events with no figure for
    /// its measure, `named`): a reference back ("the attack", "this incident") to the
    /// one event the previous sentence names, else to the article's lead event. Only
    /// figures ride on such a reference; a date beside "the attack" is as likely
    /// another event's. After events were named, only an event with a figure is taken.
    fn referred_back(
        &self,
        mention: &Mention,
        in_sentence: &[&Hit],
        measure: &str,
        fits_dates: &dyn Fn(usize) -> bool,
        named: bool,
    ) -> Option<(Subject, Via)> {
        let Reading { book, matcher, .. } = *self;
        let text = &self.doc.prose[self.doc.sentences[mention.sentence].span.clone()];
        let has_measure = |event: usize| book.has_measure(Subject::Event(event), measure);
        let has_figure = |event: usize| book.has_figure(Subject::Event(event), measure);
        let words = self.referring_words(mention, text);
        let lead = self.story_event(mention, &words)?;
        // A place that is not the lead event's says the sentence is about somewhere else
        // (unless it is part of the figure's cue: "killed 50,783 in Turkey").
        if in_sentence
            .iter()
            .any(|h| other_place(book, lead, mention, h))
        {
            return None;
        }
        let to_its_place = !book.events[lead].places.is_empty() && matcher.refers_to_place(text);
        let lead_fits =
            (matcher.refers_back(&words, lead).is_some() || to_its_place) && fits_dates(lead);
        if lead_fits && has_figure(lead) {
            return Some((Subject::Event(lead), Via::ReferBack));
        }
        // The lead has no figure for this and the noun is not of its kind (a day of
        // mourning has no toll, and "the attack" is not it): the event the article names
        // most that the noun can mean and that has one.
        if !matcher.refers_back_by_kind(&words, lead) {
            let main = self.main_event(|e| {
                matcher.refers_back(&words, e).is_some() && fits_dates(e) && has_figure(e)
            });
            if let Some(e) = main {
                return Some((Subject::Event(e), Via::ReferBack));
            }
        }
        if named {
            return None;
        }
        // No event has one: the lead's, when it has the measure at all (the rulebook
        // is told it holds no figure).
        if lead_fits && has_measure(lead) {
            return Some((Subject::Event(lead), Via::ReferBack));
        }
        if matcher.refers_back(&words, lead).is_none() {
            let main = self.main_event(|e| {
                matcher.refers_back(&words, e).is_some() && fits_dates(e) && has_measure(e)
            });
            if let Some(e) = main {
                return Some((Subject::Event(e), Via::ReferBack));
            }
        }
        None
    }

    /// The words of a mention's sentence `text` that may refer back to an event:
    /// its [`lower_words`], with a figure's nouns of time masked.
    fn referring_words(&self, mention: &Mention, text: &str) -> Vec<String> {
        let mut words = lower_words(text);
        // "Following the main earthquake, aftershocks were reported at 6.0": after these
        // words a noun says when, not what a figure is about.
        if matches!(mention.kind, MentionKind::Count | MentionKind::Amount) {
            for i in 1..words.len() {
                if matches!(
                    words[i - 1].as_str(),
                    "following" | "after" | "before" | "since" | "until"
                ) {
                    words[i] = String::from("-");
                }
            }
        }
        words
    }

    /// The one event the sentence before `sentence` names by hits that name one event
    /// alone.
    fn previous_event(&self, sentence: usize) -> Option<usize> {
        sentence.checked_sub(1).and_then(|p| {
            let events: BTreeSet<usize> = self
                .hits_in(p)
                .filter(|h| h.events.len() == 1)
                .flat_map(|h| h.events.iter().copied())
                .collect();
            (events.len() == 1)
                .then(|| events.into_iter().next())
                .flatten()
        })
    }

    /// The event a reference back in a mention's sentence (`words`, its
    /// [`referring_words`](Self::referring_words)) means: the one the previous
    /// sentence names, or the article's lead event.
    fn story_event(&self, mention: &Mention, words: &[String]) -> Option<usize> {
        let Reading {
            book,
            matcher,
            doc,
            lead,
            ..
        } = *self;
        let previous = self.previous_event(mention.sentence);
        // When the previous sentence digresses to another event ("In 2017, two were
        // killed at the mine"), "the bombing" still means the story's own: of the two,
        // the one nearer the publication date.
        // The noun that refers back, when only one of the two events is called by it
        // in the rulebook ("the siege" after a sentence on a siege), decides.
        let called = |e: usize| {
            matcher
                .refers_back(words, e)
                .is_some_and(|i| matcher.event_words[e].contains(words[i].as_str()))
        };
        match (previous, lead) {
            (Some(p), Some(l)) if p != l && called(p) != called(l) => {
                if called(p) {
                    Some(p)
                } else {
                    Some(l)
                }
            }
            (Some(p), Some(l)) if p != l => {
                let distance = |e: usize| {
                    let published = doc.meta.published?;
                    let date = book.events[e].date?;
                    Some(date.to.days_until(published).abs())
                };
                match (distance(p), distance(l)) {
                    (Some(dp), Some(dl)) if dl < dp => Some(l),
                    (None, Some(_)) => Some(l),
                    _ => Some(p),
                }
            }
            (p, l) => p.or(l),
        }
    }

    /// Of the events the article names that pass `fits`, the one it names most (on a
    /// tie, the one nearer publication); `None` when none is named.
    fn main_event(&self, fits: impl Fn(usize) -> bool) -> Option<usize> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for hit in self.hits {
            if let [e] = hit.events[..] {
                *counts.entry(e).or_default() += 1;
            }
        }
        let published = self.doc.meta.published;
        counts
            .into_iter()
            .filter(|&(e, _)| fits(e))
            .max_by_key(|&(e, n)| {
                let distance = published
                    .zip(self.book.events[e].date)
                    .map(|(p, d)| d.to.days_until(p).abs());
                (n, std::cmp::Reverse(distance), std::cmp::Reverse(e))
            })
            .map(|(e, _)| e)
    }
}

/// A mention's value in words, as `claims` prints it.
fn mention_value(mention: &Mention) -> String {
    match &mention.value {
        MentionValue::Number(v) => v.describe(),
        MentionValue::Amount { value, currency } => format!("{currency} {value}"),
        MentionValue::Date(r) => r.to_string(),
        MentionValue::Weekday(d) => d.name().to_string(),
        MentionValue::Name(n) | MentionValue::Title(n) | MentionValue::Code(n) => n.clone(),
    }
}

/// Whether an event is named as a point of comparison or of time ("the deadliest since
/// the 1999 Izmit earthquake", "worse than the 2004 siege", "on a par with"): the
/// sentence is not about it.
fn compared_with(prose: &str, sentence_start: usize, hit: &Hit) -> bool {
    comparing_before(prose, sentence_start, hit.span.start)
}

/// Whether a comparing word of the lexicon ("since", "than", "on a par with",
/// "surpassing") stands up to three words before `at`.
fn comparing_before(prose: &str, sentence_start: usize, at: usize) -> bool {
    comparing_within(prose, sentence_start, at, 4)
}

/// Whether a comparing word stands within `reach` words before `at`, in the same
/// clause (no comma, semicolon or colon between).
fn comparing_within(prose: &str, sentence_start: usize, at: usize, reach: usize) -> bool {
    let before = prose[sentence_start..at].to_lowercase();
    let clause = before
        .rsplit([',', ';', ':', '(', '\u{2014}'])
        .next()
        .unwrap_or(&before);
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    let comparing = &crate::lexicon::english().comparing;
    (n.saturating_sub(reach)..n).any(|i| comparing.starts(&words[i..]).is_some())
}

/// Whether a marker stands in an apposition that describes another marker before it
/// ("from Camp Mystic, a camp at the center of the floods that swept the Hill Country"):
/// it says what the first is, not what the sentence is about.
fn describes_another(prose: &str, hits: &[&Hit], hit: &Hit) -> bool {
    hits.iter().any(|other| {
        other.span.end < hit.span.start
            && other.events != hit.events
            && !other.events.is_empty()
            && prose
                .get(other.span.end..hit.span.start)
                .is_some_and(|between| {
                    let lower = between.to_lowercase();
                    let rest = lower.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
                    between.trim_start().starts_with(',')
                        && ["a ", "an ", "the "].iter().any(|w| rest.starts_with(w))
                        && !rest.contains(',')
                        && !rest.contains(". ")
                })
    })
}

/// Whether a name stands in a list of examples after a figure ("at least eight
/// officials killed, among them the governor of Balkh"): it names one of those counted,
/// not the event the figure is about.
fn enumerated_after(prose: &str, mention: &Mention, hit: &Hit) -> bool {
    if hit.span.start < mention.span.end {
        return false;
    }
    let between = prose[mention.span.end..hit.span.start].to_lowercase();
    [
        "including",
        "among them",
        "among whom",
        "such as",
        "among those",
        "among the dead",
    ]
    .iter()
    .any(|w| between.contains(w))
}

/// A date can be a misdating of an event only if it is as precise as a month and
/// within a year of it; a bare year, or a date further off, names another event. A
/// weekday counted back from publication ("on Tuesday") speaks of the past week, so it
/// can be an event's date only if the event is that recent.
fn plausibly_its_date(
    book: &Rulebook,
    subject: Subject,
    mention: &Mention,
    published: Option<crate::date::Day>,
) -> bool {
    let Subject::Event(e) = subject else {
        return false;
    };
    let Some(date) = book.events[e].date else {
        return false;
    };
    if mention.from_weekday
        && let Some(published) = published
        && !(date.from <= published && date.to.days_until(published) <= 7)
    {
        return false;
    }
    match &mention.value {
        MentionValue::Date(found) => {
            let precise = found.from.days_until(found.to) <= 31;
            let gap = if found.overlaps(&date) {
                0
            } else {
                date.to
                    .days_until(found.from)
                    .max(found.to.days_until(date.from))
            };
            precise && gap <= 366
        }
        MentionValue::Weekday(_) => true,
        _ => false,
    }
}

/// The clause of a sentence that holds a span: bounded by ; : — – ( ) and quotes.
fn clause_of(prose: &str, sentence: Range<usize>, span: Range<usize>) -> Range<usize> {
    let is_bound = |c: char| matches!(c, ';' | ':' | '\u{2014}' | '\u{2013}' | '(' | ')');
    let before = &prose[sentence.start..span.start];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| is_bound(*c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let after = &prose[span.end..sentence.end];
    let end = after
        .char_indices()
        .find(|(_, c)| is_bound(*c))
        .map_or(sentence.end, |(i, _)| span.end + i);
    start..end
}

/// The stretch of a clause between the commas around a span (commas of punctuation,
/// not those inside "11,000").
fn phrase_of(prose: &str, clause: Range<usize>, span: Range<usize>) -> Range<usize> {
    let bytes = prose.as_bytes();
    let punctuation = |i: usize| {
        bytes[i] == b','
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    };
    let start = (clause.start..span.start)
        .rev()
        .find(|&i| punctuation(i))
        .map_or(clause.start, |i| i + 1);
    let end = (span.end..clause.end)
        .find(|&i| punctuation(i))
        .unwrap_or(clause.end);
    start..end
}

/// "Rosalynn Carter, who died on Nov. 19, 2023, at age 96", "His wife, Rosalynn Carter,
/// had died November 19 at age 96": an age written apart from any name ("at age 96",
/// "aged 96") is the person's whose relative clause holds it, else the sentence's
/// subject: its first person named, not as a possessor ("Carter's wife") nor after a
/// preposition ("married to Rosalynn").
fn detached_age_subject(
    book: &Rulebook,
    doc: &Document,
    mention: &Mention,
    in_sentence: &[&Hit],
) -> Option<usize> {
    let prose = &doc.prose;
    // "age 96", "aged 96".
    if !prose[mention.span.clone()]
        .to_lowercase()
        .starts_with("age")
    {
        return None;
    }
    let people: Vec<(&Hit, usize)> = in_sentence
        .iter()
        .filter(|h| h.span.end <= mention.span.start)
        .filter_map(|h| h.entity.map(|e| (*h, e)))
        .filter(|(_, e)| book.entities[*e].kind == EntityKind::Person)
        .collect();
    // The person whose relative clause ("X, who died … at age 96") holds the age.
    let relative = people.iter().rev().find(|(h, _)| {
        let after = &prose[h.span.end..mention.span.start];
        let after = after.trim_start();
        after.starts_with(", who ") && !people.iter().any(|(o, _)| o.span.start > h.span.end)
    });
    if let Some((_, e)) = relative {
        return Some(*e);
    }
    let start = doc.sentences[mention.sentence].span.start;
    let subject = people.iter().find(|(h, _)| {
        let after = &prose[h.span.end..];
        let possessor = after.starts_with("'s") || after.starts_with("\u{2019}s");
        let before = prose[start..h.span.start].to_lowercase();
        let last = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        let object = matches!(
            last,
            "to" | "by"
                | "with"
                | "from"
                | "of"
                | "for"
                | "against"
                | "over"
                | "and"
                | "beat"
                | "defeated"
                | "than"
        );
        !possessor && !object
    })?;
    Some(subject.1)
}

/// "Haji Dukuray, 61, who lost five relatives, said …" in an article published after
/// the death the rulebook records for a Haji Dukuray: one who speaks is alive, so the
/// name is a namesake's and the age not the dead person's.
fn speaks_after_death(book: &Rulebook, doc: &Document, mention: &Mention, entity: usize) -> bool {
    let (Some(died), Some(published)) = (book.entities[entity].died, doc.meta.published) else {
        return false;
    };
    if published < died {
        return false;
    }
    let sentence = doc.sentences[mention.sentence].span.clone();
    // "The mother of a missing Janie Hunt, 9, told CNN": the name after a preposition
    // is not who speaks.
    let name_start = mention
        .subject
        .as_ref()
        .map_or(mention.span.start, |s| s.start);
    let before = lower_words(&doc.prose[sentence.start..name_start.max(sentence.start)]);
    if before.iter().rev().take(3).any(|w| {
        matches!(
            w.as_str(),
            "of" | "for" | "to" | "with" | "from" | "by" | "about"
        )
    }) {
        return false;
    }
    // Past a relative clause set off by commas: ", who lost five relatives, said".
    let mut text = doc.prose[mention.span.end..sentence.end].trim_start();
    if let Some(after) = text.strip_prefix(',') {
        text = after.trim_start();
        if text.starts_with("who ") {
            // The clause may hold commas of its own: the main verb follows the last
            // comma before a verb of speaking.
            let speaking = &crate::lexicon::english().speaking;
            let at = text.match_indices(", ").map(|(i, _)| i).find(|&i| {
                lower_words(&text[i + 2..])
                    .first()
                    .is_some_and(|w| speaking.has(w))
            });
            if let Some(at) = at {
                text = &text[at + 1..];
            }
        }
    }
    lower_words(text)
        .first()
        .is_some_and(|w| crate::lexicon::english().speaking.has(w))
}

/// "won a massive 412 seats, going beyond the exit poll predictions of 410 seats": a
/// figure of a total whose parts are declared, in a sentence that names one of the
/// parts outside the figure's clause, or that fits one of the parts, may be that
/// part's. Held against the total only where it fits it; otherwise left untied rather
/// than read as the total.
fn part_named_elsewhere(book: &Rulebook, doc: &Document, mention: &Mention, fact: usize) -> bool {
    let whole = &book.facts[fact];
    if whole.part_of.is_some() {
        return false;
    }
    let fits = match (whole.expected.interval(), mention.interval()) {
        (Some(expected), Some(found)) => expected.overlaps(&found),
        _ => true,
    };
    if fits {
        return false;
    }
    // "netted him 355 seats" of an election whose winner's part is 355: an exact figure
    // that fits one of the total's own parts is that part's, at worst.
    let found = mention.interval().filter(|f| f.max == Some(f.min));
    let fits_a_part = book.facts.iter().any(|part| {
        part.part_of == Some(fact)
            && matches!((part.expected.interval(), found), (Some(e), Some(f)) if e.overlaps(&f))
    });
    if fits_a_part {
        return true;
    }
    // The figure's sentence, on the figure's own line: a headline or a caption run
    // into it names nothing of the figure's.
    let sentence = doc.sentences[mention.sentence].span.clone();
    let lines = doc.text.get(sentence.clone()).unwrap_or_default();
    let at = mention.span.start.saturating_sub(sentence.start);
    let (from, to) = match (lines.get(..at), lines.get(at..)) {
        (Some(before), Some(after)) => (
            before.rfind('\n').map_or(0, |i| i + 1),
            after.find('\n').map_or(lines.len(), |i| at + i),
        ),
        _ => (0, sentence.len()),
    };
    let text = doc
        .prose
        .get(sentence.start + from..sentence.start + to)
        .unwrap_or_default()
        .to_lowercase();
    // A part of any of the subject's measures names a scope (a site, a state):
    // "wounding ten more" in a sentence about one of two sites may be that site's.
    let scopes: BTreeSet<&str> = book
        .facts
        .iter()
        .filter(|f| f.part_of.is_some() && f.subject == whole.subject)
        .map(|f| f.measure.as_str())
        .collect();
    book.measures
        .iter()
        .filter(|m| scopes.contains(m.name.as_str()))
        .flat_map(|m| m.cues.iter())
        .any(|cue| contains_word(&text, &cue.to_lowercase()))
}

/// Whether `word` (a word or phrase) stands in `text` as whole words.
fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The person an age belongs to: the name written beside it, or the only person named
/// in the sentence.
fn age_subject(
    book: &Rulebook,
    doc: &Document,
    mention: &Mention,
    in_sentence: &[&Hit],
) -> Option<usize> {
    // "mostly those in their 20s": several people's ages, no one person's.
    if mention.of_group {
        return None;
    }
    let people = in_sentence
        .iter()
        .filter_map(|h| h.entity.map(|e| (h, e)))
        .filter(|(_, e)| {
            matches!(
                book.entities[*e].kind,
                EntityKind::Person | EntityKind::Other
            )
        });
    if let Some(subject) = &mention.subject {
        // The name beside the age must be (or end with) a known name.
        let named = people
            .clone()
            .find(|(h, _)| {
                // "92-year-old Rev. Andrew Young": a name that takes in the honorific
                // before the name the age was read beside.
                let from = if subject.start >= mention.span.end {
                    mention.span.end
                } else {
                    subject.start
                };
                h.span.start >= from && h.span.end == subject.end
            })
            .map(|(_, e)| e);
        // "17-year-old Australian tourist Winona Langford": past a capitalised word
        // that is no one's name and the lower-case words of the noun phrase.
        let prose = &doc.prose;
        return named.or_else(|| {
            (subject.start >= mention.span.end)
                .then(|| {
                    people.clone().find(|(h, _)| {
                        h.span.start >= subject.end
                            && h.span.start - subject.end <= 40
                            && prose[subject.end..h.span.start]
                                .split_whitespace()
                                .all(|word| word.chars().all(|c| c.is_lowercase()))
                    })
                })
                .flatten()
                .map(|(_, e)| e)
        });
    }
    let candidates: BTreeSet<usize> = people.map(|(_, e)| e).collect();
    if candidates.len() == 1 {
        candidates.into_iter().next()
    } else {
        None
    }
}

/// What reading one document gave: its mentions and the claims among them.
pub type Read = (Vec<Mention>, Vec<Claim>);

//! The rulebook: a desk's verified facts, loaded from YAML and validated.
//!
//! A rulebook holds sources, entities (people, groups, places) and events. Each entity
//! or event is a *subject* with *facts*: measured figures (killed, injured, or a named
//! measure with its own cue words), an event date, a person's age (from which the age at
//! any date follows) and titles. Every fact knows where in which file it was written,
//! so findings can point at the rule as well as at the article.
//!
//! This module owns the model; [`load`] turns YAML into it and reports every problem at
//! once. Nothing here reads articles.

mod lint;
mod load;

use std::collections::HashMap;
use std::ops::Range;

use crate::date::{Day, DayRange};
use crate::interval::Interval;

pub use lint::{lint, refusals};
pub(crate) use load::closest as closest_key;
pub use load::{RuleError, RuleErrors, load_paths, load_sources};

/// A rulebook file as read: its name as the user gave it and its text.
#[derive(Clone, Debug)]
pub struct RuleFile {
    /// The name reports show (a path, or `<built-in>/…`).
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// A place in a rulebook file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    /// The rulebook file, by its index.
    pub file: usize,
    /// Byte offsets in that file.
    pub span: Range<usize>,
}

/// A source of the rulebook's facts (`sources:`).
#[derive(Clone, Debug)]
pub struct Source {
    /// Its id, as facts name it.
    pub id: String,
    /// What reports call it.
    pub title: String,
    /// Where it is, if the rulebook says.
    pub url: Option<String>,
    /// When it was published, if the rulebook says.
    pub published: Option<Day>,
    /// Where the rulebook defines it.
    pub loc: Loc,
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    /// A person: ages, titles, spellings are checked.
    Person,
    /// A group (an armed group, a band).
    Group,
    /// An organisation (a ministry, a company, a party).
    Organisation,
    /// A place.
    Place,
    /// Anything else (a ship, a building); the default.
    Other,
}

impl EntityKind {
    /// The kinds as the rulebook writes them.
    pub const NAMES: [&'static str; 5] = ["person", "group", "organisation", "place", "other"];

    fn parse(word: &str) -> Option<EntityKind> {
        Some(match word {
            "person" => EntityKind::Person,
            "group" => EntityKind::Group,
            "organisation" | "organization" => EntityKind::Organisation,
            "place" => EntityKind::Place,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }
}

/// A person, group, organisation, place or thing the rulebook knows (`entities:`).
#[derive(Clone, Debug)]
pub struct Entity {
    /// Its id.
    pub id: String,
    /// The house spelling.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Whether the rulebook wrote `kind:` (else the kind is `other`).
    pub kind_given: bool,
    /// Spellings the desk knows but does not use (FL007 for a person).
    pub aliases: Vec<String>,
    /// Other accepted references: a surname, a name without its honorific. One that
    /// several entities share is resolved to the entity the article names in full most.
    pub short_names: Vec<String>,
    /// The day a person died, if the rulebook says.
    pub died: Option<Day>,
    /// The posts the person held, each with its dates when the rulebook gives them
    /// (`title:`, one post or a list). The title fact holds the current one.
    pub posts: Vec<Post>,
    /// Where the rulebook defines it.
    pub loc: Loc,
}

/// A post a person held: the title as the desk writes it, other accepted forms, and
/// the days it was held from and to (`to` absent: still held).
#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    /// The title as the desk writes it.
    pub value: String,
    /// Other forms the desk accepts.
    pub accept: Vec<String>,
    /// The first day it was held, if known.
    pub from: Option<Day>,
    /// The last day it was held; absent while it is held.
    pub to: Option<Day>,
}

impl Post {
    /// Whether the post was held on a day (undated ends count as held).
    pub fn held_on(&self, day: Day) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// Something that happened, with its facts (`events:`).
#[derive(Clone, Debug)]
pub struct Event {
    /// Its id.
    pub id: String,
    /// What happened, in the desk's words (reports use it).
    pub summary: Option<String>,
    /// When it happened: a day or a span of days.
    pub date: Option<DayRange>,
    /// Kinds of event the rulebook names for it (`kind:`); when empty, its words
    /// give its kinds.
    pub kinds: Vec<String>,
    /// Phrases that mark a sentence as being about this event.
    pub markers: Vec<String>,
    /// Entities whose names mark a sentence as being about this event.
    pub marker_entities: Vec<usize>,
    /// Where it happened. A place names no event by itself (a town sees more than one
    /// fire); it only keeps a reference back ("the fire") from being ruled out.
    pub places: Vec<usize>,
    /// Where the rulebook defines it.
    pub loc: Loc,
}

/// What a fact is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// An entity, by its index.
    Entity(usize),
    /// An event, by its index.
    Event(usize),
}

/// What a fact holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// The subject is known to have this measure, but the rulebook holds no figure.
    Unknown,
    /// A count: a figure or a range.
    Count(Interval),
    /// An amount of money in a currency.
    Amount {
        /// The figure or range, in units of the currency.
        value: Interval,
        /// The currency's code, as the figure reader gives it: "USD", "EUR", "PKR".
        currency: String,
    },
    /// A day or span of days.
    Date(DayRange),
    /// The range of possible birth days, from which an age at any date follows.
    Birth(DayRange),
    /// A post: its title and the other forms accepted.
    Title {
        /// The title of the post still held (the last listed without a `to`), else of
        /// the last post listed, as the desk writes it.
        value: String,
        /// The other forms of that title the desk accepts.
        accept: Vec<String>,
    },
    /// An identifier (a flight number, an aircraft type, a registration) as the desk
    /// writes it, and other forms it accepts.
    Code {
        /// The identifier as the desk writes it.
        value: String,
        /// The other forms accepted for it.
        accept: Vec<String>,
    },
    /// A person's name: the house spelling and the other spellings the desk knows of
    /// but does not use.
    Name {
        /// The house spelling: the entity's `name`.
        house: String,
        /// The entity's `aliases`.
        aliases: Vec<String>,
    },
}

impl Expected {
    /// The figure of a count or an amount.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Expected::Count(v) | Expected::Amount { value: v, .. } => Some(*v),
            _ => None,
        }
    }

    /// The value in words: "at least 3", "2024-12-11", "born 1965-12-12..1966-12-11".
    pub fn describe(&self) -> String {
        match self {
            Expected::Unknown => "no figure".into(),
            Expected::Count(v) => v.describe(),
            Expected::Amount { value, currency } => format!("{currency} {value}"),
            Expected::Date(d) => d.to_string(),
            Expected::Birth(b) => format!("born {b}"),
            Expected::Title { value, accept } if accept.is_empty() => value.clone(),
            Expected::Title { value, accept } => format!("{value} (also: {})", accept.join("; ")),
            Expected::Code { value, accept } if accept.is_empty() => value.clone(),
            Expected::Code { value, accept } => format!("{value} (also: {})", accept.join("; ")),
            Expected::Name { house, aliases } if aliases.is_empty() => house.clone(),
            Expected::Name { house, aliases } => {
                format!("{house} (not: {})", aliases.join("; "))
            }
        }
    }
}

/// A figure reported by one source, recorded beside the fact's accepted value.
#[derive(Clone, Debug)]
pub struct Report {
    /// The figure.
    pub value: Interval,
    /// The sources that gave it, by index.
    pub sources: Vec<usize>,
    /// What the rulebook says of it.
    pub note: Option<String>,
    /// For a superseded figure: when it came to stand (`as_of`), if the rulebook says.
    pub as_of: Option<Stood>,
    /// The figure as written when it has decimals, as [`Fact::decimal`].
    pub decimal: Option<(f64, f64)>,
    /// Where the rulebook gives it.
    pub loc: Loc,
}

impl Report {
    /// The figure in words, with its decimals where the rulebook gives them.
    pub fn describe(&self) -> String {
        match self.decimal {
            Some(d) => describe_decimal(d),
            None => self.value.describe(),
        }
    }
}

/// An age or a date one source reported, recorded beside the accepted one.
#[derive(Clone, Debug)]
pub struct Disputed {
    /// What the fact would hold on this source's word (a birth range for an age).
    pub expected: Expected,
    /// The value as the rulebook writes it ("55", "2024-12-29").
    pub written: String,
    /// The sources that gave it, by index.
    pub sources: Vec<usize>,
    /// What the rulebook says of it.
    pub note: Option<String>,
    /// Where the rulebook gives it.
    pub loc: Loc,
}

/// The moment a figure came to stand: a day, and the time of day when known (minutes
/// after midnight). Figures of one day without a time order before those with one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stood {
    /// The day.
    pub day: crate::date::Day,
    /// Minutes after midnight, when the time is known.
    pub minute: Option<u16>,
}

impl Stood {
    /// "2024-12-29" or "2024-12-29 14:30" (also with `T` between).
    pub fn parse(text: &str) -> Option<Stood> {
        let text = text.trim();
        let (day, time) = match text.split_once([' ', 'T']) {
            Some((day, time)) => (day, Some(time.trim())),
            None => (text, None),
        };
        let day = crate::date::Day::parse_iso(day)?;
        let minute = match time {
            None => None,
            Some(time) => {
                let (h, m) = time.split_once(':')?;
                let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
                if h > 23 || m > 59 || time.len() > 5 {
                    return None;
                }
                Some(h * 60 + m)
            }
        };
        Some(Stood { day, minute })
    }
}

impl std::fmt::Display for Stood {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.day.long())?;
        if let Some(m) = self.minute {
            write!(f, " {:02}:{:02}", m / 60, m % 60)?;
        }
        Ok(())
    }
}

/// One checkable fact: a subject's measure and what it holds.
#[derive(Clone, Debug)]
pub struct Fact {
    /// `subject-id.measure`.
    pub id: String,
    /// What it is about.
    pub subject: Subject,
    /// The measure (`killed`, `age`, `date`, a part as `killed.on_board`).
    pub measure: String,
    /// What it holds.
    pub expected: Expected,
    /// The sources behind it, by index.
    pub sources: Vec<usize>,
    /// What the rulebook says of it.
    pub note: Option<String>,
    /// Figures different sources gave, when they differ.
    pub reported: Vec<Report>,
    /// Figures given earlier and since superseded.
    pub revised_from: Vec<Report>,
    /// When the value came to stand (`as_of`), if the rulebook says: before then, the
    /// superseded figure dated last before it stood.
    pub as_of: Option<Stood>,
    /// The figure as written when it has decimals ("7.7", "6.8 to 7.2"): low and high.
    /// `expected` holds the whole numbers around it.
    pub decimal: Option<(f64, f64)>,
    /// For a part of another fact's figure (declared under its `parts:`): that fact.
    pub part_of: Option<usize>,
    /// The unit the figure is given in (`unit:`, a name of the lexicon's
    /// `measure_units`): only a figure written in it, or with no unit, is of this fact.
    pub unit: Option<String>,
    /// For ages and dates: what sources reported where they differ from the accepted
    /// value (`reported:`), each as the value it would make the fact hold.
    pub disputed: Vec<Disputed>,
    /// Where the rulebook states it.
    pub loc: Loc,
}

impl Fact {
    /// Whether the rulebook dates any of its figures (`as_of`).
    pub fn is_dated(&self) -> bool {
        self.as_of.is_some() || self.revised_from.iter().any(|r| r.as_of.is_some())
    }

    /// The value in words, with its decimals where the rulebook gives them.
    pub fn describe(&self) -> String {
        match self.decimal {
            Some(d) => describe_decimal(d),
            None => self.expected.describe(),
        }
    }

    /// Whether a figure written with decimals (`found`) agrees with the rulebook's
    /// decimal figure, its reported or its superseded ones, compared to the precision
    /// the article writes ("7.7" to a tenth; "6.8 to 7.2" holds 7.0). None when the
    /// rulebook gives no decimals.
    pub fn decimal_agrees(&self, found: f64) -> Option<bool> {
        self.decimal_fit(found)
            .map(|fit| !matches!(fit, DecimalFit::Differs))
    }

    /// How a figure written with decimals stands against the rulebook's decimal
    /// figures: the accepted or a reported one, a superseded one, or none. None when
    /// the rulebook gives no decimals.
    pub fn decimal_fit(&self, found: f64) -> Option<DecimalFit<'_>> {
        let own = self.decimal?;
        let places = decimal_places(found);
        let scale = 10f64.powi(places as i32);
        let round = |x: f64| (x * scale).round() / scale;
        let holds = |(lo, hi): (f64, f64)| round(lo) - 1e-9 <= found && found <= round(hi) + 1e-9;
        if holds(own) || self.reported.iter().filter_map(|r| r.decimal).any(holds) {
            return Some(DecimalFit::Agrees);
        }
        Some(
            self.revised_from
                .iter()
                .find(|r| r.decimal.is_some_and(holds))
                .map_or(DecimalFit::Differs, DecimalFit::Superseded),
        )
    }
}

/// How a figure written with decimals stands against a fact ([`Fact::decimal_fit`]).
#[derive(Clone, Copy, Debug)]
pub enum DecimalFit<'a> {
    /// The accepted figure or a reported one.
    Agrees,
    /// A figure the rulebook records as superseded.
    Superseded(&'a Report),
    /// None of the rulebook's figures.
    Differs,
}

/// "7.7" or "6.8 to 7.2".
pub fn describe_decimal((lo, hi): (f64, f64)) -> String {
    if lo == hi {
        format!("{lo}")
    } else {
        format!("{lo} to {hi}")
    }
}

/// How many decimal places a figure is written to (at most three).
fn decimal_places(x: f64) -> u32 {
    (0..3)
        .find(|&p| {
            let scale = 10f64.powi(p as i32);
            ((x * scale).round() - x * scale).abs() < 1e-6
        })
        .unwrap_or(3)
}

/// Whether an identifier as an article writes it (`found`) is the one the rulebook
/// holds: the same letters and digits, case, spaces and hyphens aside ("AI 171",
/// "ai-171" for AI171), or with a letter prefix left off on one side ("Flight 171" for
/// AI171), or one of the accepted forms.
pub fn code_fits(found: &str, value: &str, accept: &[String]) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let found = norm(found);
    let prefix_left_off = |long: &str, short: &str| {
        long.strip_suffix(short).is_some_and(|prefix| {
            !prefix.is_empty()
                && prefix.chars().all(|c| c.is_alphabetic())
                && short.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    std::iter::once(value)
        .chain(accept.iter().map(String::as_str))
        .map(norm)
        .any(|v| v == found || prefix_left_off(&v, &found) || prefix_left_off(&found, &v))
}

/// Whether an identifier that does not fit (`found`) is a slip of the rulebook's: its
/// letters and digits one edit away (a digit changed, added or dropped, two neighbours
/// swapped), a letter prefix left off aside ("AI 117" and "Flight 117" for AI171, "787-9"
/// for 787-8). A code further off names something else: another flight, another model.
pub fn code_near(found: &str, value: &str, accept: &[String]) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let digits_on = |v: &[char]| -> Vec<char> {
        let from = v.iter().position(|c| c.is_ascii_digit()).unwrap_or(v.len());
        v[from..].to_vec()
    };
    let one_edit = |a: &[char], b: &[char]| -> bool {
        if a == b {
            return false;
        }
        let (n, m) = (a.len(), b.len());
        if n == m {
            let diff: Vec<usize> = (0..n).filter(|&i| a[i] != b[i]).collect();
            return diff.len() == 1
                || diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]];
        }
        let (short, long) = if n < m { (a, b) } else { (b, a) };
        long.len() == short.len() + 1
            && (0..long.len()).any(|skip| {
                long.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, c)| c)
                    .eq(short.iter())
            })
    };
    let found = norm(found);
    std::iter::once(value)
        .chain(accept.iter().map(String::as_str))
        .map(norm)
        .any(|v| one_edit(&found, &v) || one_edit(&digits_on(&found), &digits_on(&v)))
}

/// A measure that counts are read against: its name and the words that cue it.
#[derive(Clone, Debug)]
pub struct Measure {
    /// The measure's name.
    pub name: String,
    /// The words that cue it in an article.
    pub cues: Vec<String>,
    /// For a part (`killed.on_board`): the measure it is a part of. A part's cues mark
    /// a figure already of the whole's measure, never a figure by themselves.
    pub part_of: Option<String>,
}

/// An explicit pattern a rule author wrote for claims no built-in extractor reads.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The fact it reads, by index.
    pub fact: usize,
    /// The compiled pattern.
    pub regex: regex::Regex,
    /// Where the rulebook gives it.
    pub loc: Loc,
}

/// The measures every rulebook has, with their cue words. "casualties" is deliberately
/// absent: it mixes dead and injured, so it supports neither.
pub const BUILTIN_MEASURES: [(&str, &[&str]); 2] = [
    (
        "killed",
        &[
            "killed",
            "kill",
            "kills",
            "killing",
            "dead",
            "died",
            "die",
            "dies",
            "deaths",
            "death of",
            "deaths of",
            "death toll",
            "toll",
            "lost their lives",
            "lost his life",
            "lost her life",
            "lives",
            "martyred",
            "martyring",
            "fatalities",
            "slain",
            "perished",
            "bodies",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injuries",
            "wounded",
            "wounding",
            "hurt",
            "hospitalised",
            "hospitalized",
        ],
    ),
];

/// A loaded rulebook: its files, sources, entities, events, facts, cues and patterns.
#[derive(Clone, Debug, Default)]
pub struct Rulebook {
    /// The files it was loaded from.
    pub files: Vec<RuleFile>,
    /// Its sources.
    pub sources: Vec<Source>,
    /// Its entities.
    pub entities: Vec<Entity>,
    /// Its events.
    pub events: Vec<Event>,
    /// Every fact, those the loader adds (the built-in tolls) included.
    pub facts: Vec<Fact>,
    /// The measures and their cues.
    pub measures: Vec<Measure>,
    /// Identifier facts (`code:`): each fact's name and the words it follows in prose.
    pub codes: Vec<Measure>,
    /// The explicit patterns.
    pub patterns: Vec<Pattern>,
    /// Words the rulebook adds to the reading vocabulary (its `lexicon:` sections).
    pub lexicon: crate::lexicon::Extension,
    fact_index: HashMap<(Subject, String), usize>,
    /// The embedded vocabulary with `lexicon`'s additions, made once when first asked.
    vocabulary: std::sync::OnceLock<std::sync::Arc<crate::lexicon::Vocabulary>>,
}

impl Rulebook {
    /// The fact a subject holds for a measure, if the rulebook states one.
    pub fn fact(&self, subject: Subject, measure: &str) -> Option<usize> {
        self.fact_index
            .get(&(subject, measure.to_string()))
            .copied()
    }

    /// A subject's id.
    pub fn subject_id(&self, subject: Subject) -> &str {
        match subject {
            Subject::Entity(i) => &self.entities[i].id,
            Subject::Event(i) => &self.events[i].id,
        }
    }

    /// A subject as reports name it.
    pub fn subject_label(&self, subject: Subject) -> String {
        match subject {
            Subject::Entity(i) => self.entities[i].name.clone(),
            Subject::Event(i) => {
                let event = &self.events[i];
                event.summary.clone().unwrap_or_else(|| event.id.clone())
            }
        }
    }

    /// Whether the subject has this measure (every event has the built-in ones).
    pub fn has_measure(&self, subject: Subject, measure: &str) -> bool {
        self.fact(subject, measure).is_some()
    }

    /// Whether the rulebook gives a figure for the subject's measure (not merely the
    /// built-in measure every event has, with no figure).
    pub fn has_figure(&self, subject: Subject, measure: &str) -> bool {
        self.fact(subject, measure)
            .is_some_and(|f| self.facts[f].expected != Expected::Unknown)
    }

    /// The titles of sources, by index.
    pub fn source_titles(&self, sources: &[usize]) -> Vec<String> {
        sources
            .iter()
            .map(|&s| self.sources[s].title.clone())
            .collect()
    }

    /// The sources' titles in parentheses after a space (" (Wire A; Paper B)"), or
    /// nothing when there are none: what a reported value is followed by.
    pub fn cited(&self, sources: &[usize]) -> String {
        let titles = self.source_titles(sources);
        if titles.is_empty() {
            String::new()
        } else {
            format!(" ({})", titles.join("; "))
        }
    }

    /// The reading vocabulary: the embedded one with this rulebook's `lexicon:`
    /// additions.
    pub fn vocabulary(&self) -> &std::sync::Arc<crate::lexicon::Vocabulary> {
        self.vocabulary
            .get_or_init(|| crate::lexicon::Vocabulary::with(&self.lexicon))
    }

    fn index(&mut self) {
        self.fact_index = self
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| ((f.subject, f.measure.clone()), i))
            .collect();
    }

    /// Line (1-based) of a location, for messages.
    pub fn line_of(&self, loc: &Loc) -> usize {
        let text = &self.files[loc.file].text;
        text[..loc.span.start.min(text.len())].matches('\n').count() + 1
    }
}

/// The rulebook shipped with factlint, compiled into the binary so that `factlint check`
/// works from any directory.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/kabul-ministry-bombing.yaml",
        include_str!("../../rules/kabul-ministry-bombing.yaml"),
    ),
    ("rules/people.yaml", include_str!("../../rules/people.yaml")),
    ("rules/groups.yaml", include_str!("../../rules/groups.yaml")),
    (
        "rules/other-attacks.yaml",
        include_str!("../../rules/other-attacks.yaml"),
    ),
    (
        "rules/context.yaml",
        include_str!("../../rules/context.yaml"),
    ),
    (
        "rules/sources.yaml",
        include_str!("../../rules/sources.yaml"),
    ),
];

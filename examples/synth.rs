//! Generates a synthetic rulebook and corpus for benchmarking factlint.
//!
//! ```text
//! cargo run --release --example synth -- --out DIR --corpus-mb N --facts K [--seed S]
//!     [--corpus-facts M] [--conflict-rate P]
//! ```
//!
//! Writes `DIR/rules/*.yaml` (a rulebook of about K facts: a fact is one measured value,
//! one event date, one age or one title), `DIR/corpus/*.md` (N MB of articles, 2–8 KB
//! each; MB means 1,000,000 bytes) and `DIR/phrases.txt` (every name, alias, short name,
//! marker phrase and cue word the rulebook gives factlint to look for, one a line, for
//! `rg -F -f`). Every name is made up from syllables by a seeded PRNG: a seed always
//! gives the same files.
//!
//! The world is built story by story (an event with the people, places, groups and
//! sources it needs), so the rulebook for K facts is a prefix of the rulebook for any
//! larger K with the same seed. `--corpus-facts M` (default K) writes the corpus about
//! the world of M facts: with M > K, most articles are about events the rulebook does
//! not know. `--conflict-rate P` (default 0.05) is the share of articles given one
//! deliberate error (a wrong toll, age or weekday, a superseded figure, a figure with no
//! rule behind it, a value that disagrees with other articles or within the article).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;
use std::{env, fs, process};

use factlint::rulebook::BUILTIN_MEASURES;

// ---------------------------------------------------------------------------------
// Randomness and dates

/// splitmix64: tiny, fast and good enough for text.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

use factlint::date::{self, MONTHS};
const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// A calendar day: factlint's own, with the generator's ways of writing it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(date::Day);

impl Day {
    fn new(y: i64, m: u32, d: u32) -> Day {
        let y = y as i32;
        let d = d.min(date::days_in_month(y, m));
        Day(date::Day::from_ymd(y, m, d).expect("generated dates are valid"))
    }

    fn ymd(self) -> (i64, u32, u32) {
        let (y, m, d) = self.0.ymd();
        (i64::from(y), m, d)
    }

    fn add(self, days: i64) -> Day {
        Day(self.0.add_days(days as i32))
    }

    /// Days from `earlier` to `self`.
    fn days_since(self, earlier: Day) -> i64 {
        i64::from(earlier.0.days_until(self.0))
    }

    fn weekday_name(self) -> &'static str {
        self.0.weekday().name()
    }

    fn year(self) -> i64 {
        self.ymd().0
    }

    fn iso(self) -> String {
        self.0.to_string()
    }

    /// "March 9, 2023"
    fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{} {d}, {y}", MONTHS[m as usize - 1])
    }

    /// "9 March 2023"
    fn long_uk(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    /// "March 2023"
    fn month_year(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{} {y}", MONTHS[m as usize - 1])
    }

    /// Whole years from `born` to `self`.
    fn years_since(self, born: Day) -> i64 {
        i64::from(self.0.years_since(born.0))
    }
}

// ---------------------------------------------------------------------------------
// Figures

#[derive(Clone, Copy)]
enum Fig {
    Exact(u64),
    AtLeast(u64),
    About(u64),
    Range(u64, u64),
    /// Dollars.
    Money(u64),
}

impl Fig {
    /// A count of about `scale` in one of the shapes a rulebook uses.
    fn random(rng: &mut Rng, n: u64) -> Fig {
        let roll = rng.below(100);
        if roll < 60 || n < 4 {
            Fig::Exact(n)
        } else if roll < 80 {
            Fig::AtLeast(n)
        } else if roll < 90 && n >= 30 {
            Fig::About(n / 10 * 10)
        } else {
            Fig::Range(n, n + rng.range(2, 2 + n / 5))
        }
    }

    /// The figure as a rulebook writes it, after `key: ` or inside `{…}`.
    fn yaml(self) -> String {
        match self {
            Fig::Exact(n) => format!("value: {n}"),
            Fig::AtLeast(n) => format!("at_least: {n}"),
            Fig::About(n) => format!("value: \"about {}\"", digits(n)),
            Fig::Range(a, b) => format!("value: \"{a} to {b}\""),
            Fig::Money(_) => format!("value: \"{}\"", self.text_plain()),
        }
    }

    fn text_plain(self) -> String {
        match self {
            Fig::Exact(n) => count(n),
            Fig::AtLeast(n) => format!("at least {}", count(n)),
            Fig::About(n) => format!("about {}", digits(n)),
            Fig::Range(a, b) => format!("between {} and {}", count(a), count(b)),
            Fig::Money(d) => money(d),
        }
    }

    /// A phrase an article may use that fits the figure.
    fn text(self, rng: &mut Rng) -> String {
        match self {
            Fig::About(n) => match rng.below(4) {
                0 => format!("around {}", digits(n)),
                1 => format!("some {}", digits(n)),
                2 => format!("roughly {}", digits(n)),
                _ => format!("about {}", digits(n)),
            },
            Fig::Range(a, b) if rng.chance(0.4) => format!("{} to {}", count(a), count(b)),
            Fig::AtLeast(n) if rng.chance(0.2) => format!("no fewer than {}", count(n)),
            _ => self.text_plain(),
        }
    }

    /// Whether an exact count of `n` fits the figure.
    fn fits(self, n: u64) -> bool {
        match self {
            Fig::Exact(m) => n == m,
            Fig::AtLeast(m) => n >= m,
            Fig::About(m) => n * 10 >= m * 9 && n * 10 <= m * 11,
            Fig::Range(a, b) => (a..=b).contains(&n),
            Fig::Money(_) => false,
        }
    }

    /// A phrase outside the figure's interval.
    fn wrong(self, rng: &mut Rng) -> String {
        match self {
            Fig::Exact(n) if n >= 4 && rng.chance(0.5) => count(n - 1 - n / 4),
            Fig::Exact(n) => count(n + 2 + n / 3),
            Fig::AtLeast(n) => count(n.saturating_sub(1 + n / 3).max(1)),
            Fig::About(n) => digits(n * 2 + 10),
            Fig::Range(a, b) => count(b + 2 + (b - a)),
            Fig::Money(d) => money(d * 2),
        }
    }

    /// Two exact counts that both fit the figure but disagree with each other, where
    /// the figure allows that (a lower bound or a range).
    fn two_fitting(self, rng: &mut Rng) -> Option<(u64, u64)> {
        match self {
            Fig::AtLeast(n) => {
                let a = n + rng.range(0, 2);
                Some((a, a + rng.range(1, 4)))
            }
            Fig::Range(a, b) => Some((a, b)),
            _ => None,
        }
    }

    fn counts(self) -> bool {
        !matches!(self, Fig::Money(_))
    }
}

const NUMBER_WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// "1,250"
fn digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Newswire style: words below ten, digits from ten.
fn count(n: u64) -> String {
    if n < 10 {
        NUMBER_WORDS[n as usize].to_string()
    } else {
        digits(n)
    }
}

fn money(d: u64) -> String {
    if d >= 1_000_000 && d % 1_000_000 == 0 {
        format!("${} million", d / 1_000_000)
    } else if d >= 1_000_000 && d % 100_000 == 0 {
        format!("${}.{} million", d / 1_000_000, d % 1_000_000 / 100_000)
    } else {
        format!("${}", digits(d))
    }
}

fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A figure that starts a sentence: in words, or after "A total of".
fn opening(s: &str) -> String {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("A total of {s}")
    } else {
        cap(s)
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A YAML double-quoted string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

// ---------------------------------------------------------------------------------
// Names

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr",
    "kh", "sh", "st", "tr", "th", "vr", "zh",
];
const VOWELS: &[&str] = &[
    "a", "a", "e", "e", "i", "o", "o", "u", "ai", "ei", "ou", "ia", "ae",
];
const CODAS: &[&str] = &[
    "", "", "", "n", "n", "r", "r", "l", "s", "m", "k", "nd", "rn", "sk", "th", "v", "z",
];
const PLACE_ENDINGS: &[&str] = &["", "", "a", "on", "ar", "el", "ia", "ir", "und", "ova"];
/// Spelling variants for aliases: (from, to).
const VARIANTS: &[(&str, &str)] = &[
    ("k", "q"),
    ("ou", "u"),
    ("i", "y"),
    ("v", "w"),
    ("sh", "sch"),
    ("ai", "ay"),
    ("ei", "ey"),
    ("a", "aa"),
    ("th", "t"),
    ("z", "s"),
    ("o", "u"),
    ("e", "a"),
];
/// English words a syllable soup could produce and which must not be names.
const STOP: &[&str] = &[
    "about", "after", "again", "along", "among", "around", "before", "being", "dozen", "dozens",
    "during", "early", "eight", "eleven", "hundred", "later", "least", "march", "million",
    "nearly", "other", "others", "scores", "seven", "several", "since", "sixty", "their", "there",
    "these", "those", "three", "under", "until", "thousand", "toll", "lives", "dead", "monday",
    "tuesday", "friday", "sunday", "saturday", "august", "november", "december", "people",
    "police", "state", "north", "south", "river", "mount", "saint", "some",
];

/// Every name, alias, short name and marker given out, normalised as factlint's matcher
/// sees them (lower case, hyphens as spaces).
#[derive(Default)]
struct Registry {
    used: HashSet<String>,
    ids: HashSet<String>,
}

impl Registry {
    fn key(s: &str) -> String {
        s.to_lowercase().replace('-', " ")
    }

    /// Takes `s` if nobody has it.
    fn claim(&mut self, s: &str) -> bool {
        self.used.insert(Self::key(s))
    }

    /// A unique id built from `base`.
    fn id(&mut self, base: &str) -> String {
        let base = slug(base);
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

fn syllables(rng: &mut Rng, n: usize) -> String {
    let mut w = String::new();
    for _ in 0..n {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    cap(&w)
}

fn plausible(w: &str) -> bool {
    (5..=11).contains(&w.len()) && !STOP.contains(&w.to_lowercase().as_str())
}

/// A made-up word of `n` syllables nobody has taken, claimed.
fn fresh_word(rng: &mut Rng, reg: &mut Registry, n: usize, ending: &[&str]) -> String {
    loop {
        let w = format!("{}{}", syllables(rng, n), rng.pick(ending));
        if plausible(&w) && reg.claim(&w) {
            return w;
        }
    }
}

/// A spelling variant of one word of `name`, if one applies.
fn variant(rng: &mut Rng, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let which = rng.below(words.len());
    let lower = words[which].to_lowercase();
    for _ in 0..6 {
        let (from, to) = *rng.pick(VARIANTS);
        if let Some(at) = lower.find(from) {
            let changed = format!("{}{to}{}", &lower[..at], &lower[at + from.len()..]);
            let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
            out[which] = cap(&changed);
            return Some(out.join(" "));
        }
    }
    None
}

// ---------------------------------------------------------------------------------
// The world

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Person,
    Group,
    Place,
}

#[derive(Clone, Copy)]
enum Age {
    /// Age on a day.
    At(u32, Day),
    /// Year of birth.
    Born(i64),
}

struct Measure {
    name: &'static str,
    cues: &'static [&'static str],
}

const ARRESTED: Measure = Measure {
    name: "arrested",
    cues: &["arrested", "detained"],
};
const DISPLACED: Measure = Measure {
    name: "displaced",
    cues: &["displaced", "fled their homes"],
};
const MISSING: Measure = Measure {
    name: "missing",
    cues: &["missing", "unaccounted for"],
};
const RESCUED: Measure = Measure {
    name: "rescued",
    cues: &["rescued"],
};
const TRAPPED: Measure = Measure {
    name: "trapped",
    cues: &["trapped"],
};
const FIGHTERS: Measure = Measure {
    name: "fighters",
    cues: &["fighters", "militants"],
};
const REWARD: Measure = Measure {
    name: "reward",
    cues: &["reward", "bounty"],
};
const DAMAGE: Measure = Measure {
    name: "damage",
    cues: &["damage", "losses"],
};

struct Entity {
    id: String,
    name: String,
    kind: Kind,
    aliases: Vec<String>,
    short: Option<String>,
    died: Option<Day>,
    age: Option<Age>,
    title: Option<(String, Vec<String>)>,
    /// How articles describe the person: "a shopkeeper", "the governor of X".
    role: String,
    measure: Option<(&'static Measure, Fig)>,
    source: usize,
}

impl Entity {
    /// A name an article may use: the house spelling, sometimes an alias.
    fn called(&self, rng: &mut Rng) -> String {
        if !self.aliases.is_empty() && rng.chance(0.2) {
            rng.pick(&self.aliases).clone()
        } else {
            self.name.clone()
        }
    }

    fn later(&self) -> String {
        self.short.clone().unwrap_or_else(|| self.name.clone())
    }

    /// The age an article dated `on` should give, if the rulebook holds one.
    fn age_on(&self, on: Day) -> Option<i64> {
        let on = self.died.filter(|d| *d < on).unwrap_or(on);
        match self.age? {
            Age::At(years, as_of) => {
                let (y, m, d) = as_of.ymd();
                Some(on.years_since(Day::new(y - i64::from(years), m, d)))
            }
            Age::Born(year) => Some(on.years_since(Day::new(year, 1, 1))),
        }
    }
}

struct EventKind {
    noun: &'static str,
    /// Words after "the" that refer back to the event ("the bombing").
    refers: &'static [&'static str],
    /// What happened, with `{site}`.
    clause: &'static str,
    sites: &'static [&'static str],
    attack: bool,
    measure: Option<&'static Measure>,
    /// May last several days in one month.
    spans: bool,
}

const KINDS: &[EventKind] = &[
    EventKind {
        noun: "bombing",
        refers: &["bombing", "blast", "attack"],
        clause: "a bomb exploded at the {site}",
        sites: &[
            "market",
            "Bus Station",
            "Square",
            "checkpoint",
            "wedding hall",
        ],
        attack: true,
        measure: Some(&ARRESTED),
        spans: false,
    },
    EventKind {
        noun: "suicide attack",
        refers: &["attack", "bombing"],
        clause: "a suicide bomber struck the {site}",
        sites: &["police academy", "Hotel", "courthouse", "district office"],
        attack: true,
        measure: Some(&ARRESTED),
        spans: false,
    },
    EventKind {
        noun: "gun attack",
        refers: &["attack", "assault"],
        clause: "gunmen opened fire at the {site}",
        sites: &["University", "shrine", "bazaar", "College"],
        attack: true,
        measure: Some(&ARRESTED),
        spans: false,
    },
    EventKind {
        noun: "mine explosion",
        refers: &["explosion", "blast"],
        clause: "an explosion tore through the {site}",
        sites: &["coal mine", "Mine", "gas plant"],
        attack: false,
        measure: Some(&TRAPPED),
        spans: false,
    },
    EventKind {
        noun: "floods",
        refers: &["incident"],
        clause: "flash floods swept through the {site}",
        sites: &["valley", "river basin", "Plain"],
        attack: false,
        measure: Some(&DISPLACED),
        spans: true,
    },
    EventKind {
        noun: "building collapse",
        refers: &["incident"],
        clause: "the {site} collapsed",
        sites: &["Tower", "market building", "Plaza"],
        attack: false,
        measure: Some(&RESCUED),
        spans: false,
    },
    EventKind {
        noun: "ferry sinking",
        refers: &["incident"],
        clause: "an overcrowded ferry capsized near the {site}",
        sites: &["river crossing", "Landing", "jetty"],
        attack: false,
        measure: Some(&MISSING),
        spans: false,
    },
    EventKind {
        noun: "fire",
        refers: &["incident"],
        clause: "fire swept through the {site}",
        sites: &["textile factory", "Hospital", "hostel"],
        attack: false,
        measure: None,
        spans: false,
    },
    EventKind {
        noun: "train collision",
        refers: &["incident"],
        clause: "two trains collided near the {site}",
        sites: &["Junction", "railway station"],
        attack: false,
        measure: None,
        spans: false,
    },
];

#[derive(Clone, Copy)]
enum When {
    Day(Day),
    Month(Day),
    Span(Day, Day),
}

impl When {
    fn first(self) -> Day {
        match self {
            When::Day(d) | When::Month(d) | When::Span(d, _) => d,
        }
    }

    fn last(self) -> Day {
        match self {
            When::Day(d) => d,
            When::Month(d) => {
                let (y, m, _) = d.ymd();
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                Day::new(ny, nm, 1).add(-1)
            }
            When::Span(_, d) => d,
        }
    }

    fn yaml(self) -> String {
        match self {
            When::Day(d) => d.iso(),
            When::Month(d) => d.iso()[..7].to_string(),
            When::Span(a, b) => format!("{{from: {}, to: {}}}", a.iso(), b.iso()),
        }
    }
}

struct Event {
    id: String,
    kind: &'static EventKind,
    when: When,
    place: usize,
    site: String,
    victim: Option<usize>,
    perp: Option<usize>,
    killed: Option<Fig>,
    injured: Option<Fig>,
    measure: Option<(&'static Measure, Fig)>,
    damage: Option<Fig>,
    revised: Option<Fig>,
    /// A lower bound with two reports that disagree (recorded as a dispute).
    disputed: bool,
    sources: Vec<usize>,
}

struct Source {
    id: String,
    title: String,
    published: Day,
}

const AGENCIES: &[(&str, &str)] = &[
    ("Meridian Wire", "Meridian"),
    ("Northgate Press", "Northgate"),
    ("Continental Newswire", "Newswire"),
    ("Eastline Post", "Eastline"),
    ("Harbour Daily", "Harbour"),
    ("Lantern Broadcasting", "Lantern"),
];
const ROLES: &[&str] = &[
    "a shopkeeper",
    "a schoolteacher",
    "a local council member",
    "a police officer",
    "a traffic warden",
    "a university student",
    "a taxi driver",
    "a nurse at the district hospital",
    "a retired judge",
    "a community elder",
    "a journalist",
    "a bus driver",
];
const OFFICES: &[&str] = &[
    "Governor",
    "Police Chief",
    "Mayor",
    "Health Director",
    "Deputy Governor",
];
const GROUP_FORMS: &[&str] = &[
    "{} Liberation Front",
    "{} People's Army",
    "Army of {}",
    "{} Brigades",
    "Movement for {}",
    "{} Resistance Council",
];
const MIDDLE: &[&str] = &["Ash", "Ben", "Del", "Ul", "Tor", "Mir"];

struct World {
    rng: Rng,
    reg: Registry,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    events: Vec<Event>,
    /// Official of each place, by entity index.
    officials: Vec<Option<usize>>,
    places: Vec<usize>,
    groups: Vec<usize>,
    /// Leader of each group, if the rulebook has one.
    leaders: Vec<Option<usize>>,
    persons: Vec<usize>,
    facts: usize,
}

/// How much of the world a rulebook or corpus covers.
#[derive(Clone, Copy)]
struct Cut {
    sources: usize,
    entities: usize,
    events: usize,
    facts: usize,
}

impl World {
    fn new(seed: u64) -> World {
        World {
            rng: Rng(seed),
            reg: Registry::default(),
            sources: Vec::new(),
            entities: Vec::new(),
            events: Vec::new(),
            officials: Vec::new(),
            places: Vec::new(),
            groups: Vec::new(),
            leaders: Vec::new(),
            persons: Vec::new(),
            facts: 0,
        }
    }

    fn cut(&self) -> Cut {
        Cut {
            sources: self.sources.len(),
            entities: self.entities.len(),
            events: self.events.len(),
            facts: self.facts,
        }
    }

    fn entity(&mut self, name: String, kind: Kind, source: usize) -> usize {
        let id = self.reg.id(&name);
        self.entities.push(Entity {
            id,
            name,
            kind,
            aliases: Vec::new(),
            short: None,
            died: None,
            age: None,
            title: None,
            role: String::new(),
            measure: None,
            source,
        });
        if kind == Kind::Place {
            self.officials.push(None);
        }
        self.entities.len() - 1
    }

    fn new_source(&mut self, near: Day) -> usize {
        let published = near.add(self.rng.range(0, 3) as i64);
        let (agency, _) = *self.rng.pick(AGENCIES);
        let title = match self.rng.below(3) {
            0 => format!("{agency} report, {}", published.long_uk()),
            1 => format!("Provincial police statement, {}", published.long_uk()),
            _ => format!(
                "Hospital officials quoted by {agency}, {}",
                published.long_uk()
            ),
        };
        let id = format!("src-{:05}", self.sources.len() + 1);
        self.sources.push(Source {
            id,
            title,
            published,
        });
        self.sources.len() - 1
    }

    fn new_place(&mut self, source: usize) -> usize {
        let name = fresh_word(&mut self.rng, &mut self.reg, 2, PLACE_ENDINGS);
        let e = self.entity(name.clone(), Kind::Place, source);
        if self.rng.chance(0.2)
            && let Some(v) = variant(&mut self.rng, &name)
            && plausible(&v)
            && self.reg.claim(&v)
        {
            self.entities[e].aliases.push(v);
        }
        self.places.push(e);
        e
    }

    /// A person with a fresh full name; `family` shares a surname with an earlier one.
    fn new_person(&mut self, source: usize) -> usize {
        let family = if !self.persons.is_empty() && self.rng.chance(0.12) {
            let p = *self.rng.pick(&self.persons);
            self.entities[p].short.clone()
        } else {
            None
        };
        let surname = match family {
            Some(s) => s,
            None => fresh_word(&mut self.rng, &mut self.reg, 2, &[""]),
        };
        let name = loop {
            let given = syllables(&mut self.rng, 2);
            let name = format!("{given} {surname}");
            if plausible(&given) && self.reg.claim(&name) {
                break name;
            }
        };
        let e = self.entity(name.clone(), Kind::Person, source);
        if self.rng.chance(0.4)
            && let Some(v) = variant(&mut self.rng, &name)
            && self.reg.claim(&v)
        {
            self.entities[e].aliases.push(v);
        }
        if self.rng.chance(0.25) {
            let (given, rest) = name.split_once(' ').unwrap_or((&name, ""));
            let middle = format!("{given} {} {rest}", self.rng.pick(MIDDLE));
            if self.reg.claim(&middle) {
                self.entities[e].aliases.push(middle);
            }
        }
        self.entities[e].short = Some(surname);
        self.persons.push(e);
        e
    }

    fn new_group(&mut self, source: usize) -> usize {
        let (name, acronym) = loop {
            let root = syllables(&mut self.rng, 2);
            let name = self.rng.pick(GROUP_FORMS).replace("{}", &root);
            if plausible(&root) && self.reg.claim(&name) {
                let acronym: String = name
                    .split(' ')
                    .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                    .filter_map(|w| w.chars().next())
                    .collect();
                break (name, acronym);
            }
        };
        let g = self.entity(name, Kind::Group, source);
        if acronym.len() >= 2 && self.reg.claim(&acronym) {
            self.entities[g].aliases.push(acronym);
        }
        if self.rng.chance(0.5) {
            let n = self.rng.range(3, 80) * 100;
            self.entities[g].measure = Some((&FIGHTERS, Fig::About(n)));
            self.facts += 1;
        }
        let leader = if self.rng.chance(0.3) {
            let p = self.new_person(source);
            self.entities[p].role = "the group's leader".into();
            let reward = self.rng.range(1, 20) * 500_000;
            self.entities[p].measure = Some((&REWARD, Fig::Money(reward)));
            self.facts += 1;
            Some(p)
        } else {
            None
        };
        self.groups.push(g);
        self.leaders.push(leader);
        g
    }

    fn new_official(&mut self, place: usize, on: Day, source: usize) -> usize {
        let p = self.new_person(source);
        let office = *self.rng.pick(OFFICES);
        let place_name = self.entities[place].name.clone();
        let title = format!("{office} of {place_name}");
        let lower = office.to_lowercase();
        self.entities[p].title = Some((
            title,
            vec![
                format!("{place_name} {lower}"),
                format!("provincial {lower}"),
            ],
        ));
        self.entities[p].role = format!("the {lower} of {place_name}");
        self.facts += 1;
        if self.rng.chance(0.7) {
            let age = self.rng.range(38, 71) as u32;
            self.entities[p].age = Some(if self.rng.chance(0.5) {
                Age::Born(on.year() - i64::from(age))
            } else {
                let (y, m, _) = on.ymd();
                Age::At(age, Day::new(y, m, self.rng.range(1, 28) as u32))
            });
            self.facts += 1;
        }
        p
    }

    /// One event with whatever it needs that does not exist yet.
    fn story(&mut self) {
        let kind = self.rng.pick(KINDS);
        let start = Day::new(2012, 1, 1).add(self.rng.range(0, 13 * 365 - 40) as i64);
        let when = if kind.spans && self.rng.chance(0.5) {
            let (y, m, _) = start.ymd();
            let from = Day::new(y, m, self.rng.range(1, 12) as u32);
            When::Span(from, from.add(self.rng.range(2, 14) as i64))
        } else if !kind.attack && self.rng.chance(0.1) {
            let (y, m, _) = start.ymd();
            When::Month(Day::new(y, m, 1))
        } else {
            When::Day(start)
        };
        self.facts += 1;

        let mut sources = Vec::new();
        if self.sources.is_empty() || self.rng.chance(0.4) {
            sources.push(self.new_source(when.last()));
        }
        let older = self.rng.below(self.sources.len());
        if !sources.contains(&older) {
            sources.push(older);
        }
        let source = sources[0];

        let place = if self.places.is_empty() || self.rng.chance(0.35) {
            self.new_place(source)
        } else {
            *self.rng.pick(&self.places)
        };
        let place_slot = self.places.iter().position(|&p| p == place).unwrap_or(0);
        if self.officials[place_slot].is_none() && self.rng.chance(0.5) {
            self.officials[place_slot] = Some(self.new_official(place, when.first(), source));
        }

        let perp = if kind.attack && self.rng.chance(0.8) {
            Some(if self.groups.is_empty() || self.rng.chance(0.25) {
                self.new_group(source)
            } else {
                *self.rng.pick(&self.groups)
            })
        } else {
            None
        };

        let victim = match when {
            When::Day(day) if self.rng.chance(0.6) => {
                let p = self.new_person(source);
                self.entities[p].role = (*self.rng.pick(ROLES)).to_string();
                self.entities[p].died = Some(day);
                if self.rng.chance(0.8) {
                    self.entities[p].age = Some(Age::At(self.rng.range(19, 78) as u32, day));
                    self.facts += 1;
                }
                Some(p)
            }
            _ => None,
        };

        let toll = match self.rng.below(100) {
            0..50 => self.rng.range(2, 12),
            50..80 => self.rng.range(13, 60),
            80..95 => self.rng.range(61, 300),
            _ => self.rng.range(301, 2000),
        };
        let killed = self
            .rng
            .chance(0.93)
            .then(|| Fig::random(&mut self.rng, toll));
        let injured = self.rng.chance(0.6).then(|| {
            let n = toll * self.rng.range(1, 4) + self.rng.range(0, 9);
            Fig::random(&mut self.rng, n)
        });
        let measure = match kind.measure {
            Some(m) if self.rng.chance(0.35) => {
                let n = if m.name == "displaced" {
                    self.rng.range(20, 900) * 10
                } else {
                    self.rng.range(2, 40)
                };
                Some((m, Fig::random(&mut self.rng, n)))
            }
            _ => None,
        };
        let damage = (!kind.attack && self.rng.chance(0.2))
            .then(|| Fig::Money(self.rng.range(1, 90) * 500_000));
        let revised = match killed {
            Some(Fig::Exact(n)) if self.rng.chance(0.08) => Some(Fig::AtLeast(n + 3 + n / 4)),
            _ => None,
        };
        let disputed = matches!(killed, Some(Fig::AtLeast(_))) && self.rng.chance(0.05);
        self.facts += [killed, injured, measure.map(|m| m.1), damage]
            .iter()
            .flatten()
            .count();

        let proper = fresh_word(&mut self.rng, &mut self.reg, 2, &[""]);
        let site = format!("{proper} {}", self.rng.pick(kind.sites));
        self.reg.claim(&site);
        let id = self
            .reg
            .id(&format!("{site} {} {}", kind.noun, when.first().year()));
        self.events.push(Event {
            id,
            kind,
            when,
            place,
            site,
            victim,
            perp,
            killed,
            injured,
            measure,
            damage,
            revised,
            disputed,
            sources,
        });
    }

    /// Builds stories until the world holds at least `facts` facts; returns where each
    /// of `cuts` (fact counts) was reached.
    fn build(&mut self, cuts: &[usize]) -> Vec<Cut> {
        let most = cuts.iter().copied().max().unwrap_or(1).max(1);
        let mut out: Vec<Option<Cut>> = vec![None; cuts.len()];
        while self.facts < most || self.events.is_empty() {
            self.story();
            for (slot, &k) in out.iter_mut().zip(cuts) {
                if slot.is_none() && self.facts >= k {
                    *slot = Some(self.cut());
                }
            }
        }
        out.into_iter().map(|c| c.unwrap_or(self.cut())).collect()
    }
}

// ---------------------------------------------------------------------------------
// The rulebook

fn write_rules(w: &World, cut: Cut, dir: &Path) -> std::io::Result<usize> {
    fs::create_dir_all(dir)?;
    let mut files = 0;
    let mut text = String::from("# Sources behind the generated rulebook's values.\nsources:\n");
    for s in &w.sources[..cut.sources] {
        let _ = writeln!(
            text,
            "  {}: {{title: {}, published: {}}}",
            s.id,
            q(&s.title),
            s.published.iso()
        );
    }
    fs::write(dir.join("sources.yaml"), text)?;
    files += 1;

    for (chunk, entities) in w.entities[..cut.entities].chunks(500).enumerate() {
        let mut text = String::from("# People, groups and places.\nentities:\n");
        for e in entities {
            let _ = writeln!(text, "  {}:\n    name: {}", e.id, q(&e.name));
            let kind = match e.kind {
                Kind::Person => "person",
                Kind::Group => "group",
                Kind::Place => "place",
            };
            let _ = writeln!(text, "    kind: {kind}");
            if !e.aliases.is_empty() {
                let list: Vec<String> = e.aliases.iter().map(|a| q(a)).collect();
                let _ = writeln!(text, "    aliases: [{}]", list.join(", "));
            }
            if let Some(s) = &e.short {
                let _ = writeln!(text, "    short: [{}]", q(s));
            }
            if let Some(d) = e.died {
                let _ = writeln!(text, "    died: {}", d.iso());
            }
            if e.age.is_none() && e.title.is_none() && e.measure.is_none() {
                continue;
            }
            let src = &w.sources[e.source].id;
            text.push_str("    facts:\n");
            match e.age {
                Some(Age::At(v, d)) => {
                    let _ = writeln!(
                        text,
                        "      age: {{value: {v}, as_of: {}, source: {src}}}",
                        d.iso()
                    );
                }
                Some(Age::Born(y)) => {
                    let _ = writeln!(text, "      age: {{born: {y}}}");
                }
                None => {}
            }
            if let Some((value, accept)) = &e.title {
                let list: Vec<String> = accept.iter().map(|a| q(a)).collect();
                let _ = writeln!(
                    text,
                    "      title:\n        value: {}\n        accept: [{}]",
                    q(value),
                    list.join(", ")
                );
            }
            if let Some((m, fig)) = e.measure {
                let _ = writeln!(
                    text,
                    "      {}:\n        {}\n        cues: [{}]\n        source: {src}",
                    m.name,
                    fig.yaml(),
                    m.cues.join(", ")
                );
            }
        }
        fs::write(dir.join(format!("entities-{:03}.yaml", chunk + 1)), text)?;
        files += 1;
    }

    for (chunk, events) in w.events[..cut.events].chunks(250).enumerate() {
        let mut text = String::from("# Events, their dates and tolls.\nevents:\n");
        for ev in events {
            let place = &w.entities[ev.place];
            let _ = writeln!(
                text,
                "  {}:\n    summary: {}\n    date: {}\n    place: {}",
                ev.id,
                q(&format!(
                    "{} at the {} in {}",
                    ev.kind.noun, ev.site, place.name
                )),
                ev.when.yaml(),
                place.id
            );
            if let Some(g) = ev.perp {
                let _ = writeln!(text, "    claimed_by: {}", w.entities[g].id);
            }
            let mut about = Vec::new();
            if let Some(v) = ev.victim {
                about.push(w.entities[v].id.clone());
            }
            about.push(q(&ev.site));
            let _ = writeln!(text, "    about: [{}]", about.join(", "));
            let srcs: Vec<&str> = ev
                .sources
                .iter()
                .map(|&s| w.sources[s].id.as_str())
                .collect();
            let _ = writeln!(text, "    sources: [{}]", srcs.join(", "));
            text.push_str("    facts:\n");
            match ev.killed {
                Some(fig) => {
                    let _ = writeln!(
                        text,
                        "      killed:\n        {}\n        sources: [{}]",
                        fig.yaml(),
                        srcs.join(", ")
                    );
                    if let Some(old) = ev.revised {
                        let _ = writeln!(
                            text,
                            "        revised_from:\n          - {{{}, source: {}, note: \"the toll first reported\"}}",
                            old.yaml(),
                            srcs[0]
                        );
                    }
                    if let (true, Fig::AtLeast(n)) = (ev.disputed, fig) {
                        let _ = writeln!(
                            text,
                            "        note: reports differ\n        reported:\n          - {{value: {n}, source: {}}}\n          - {{value: \"at least {}\"}}",
                            srcs[0],
                            n + 2
                        );
                    }
                }
                None => text.push_str("      killed: {note: \"no figure yet\"}\n"),
            }
            match ev.injured {
                Some(fig) => {
                    let _ = writeln!(
                        text,
                        "      injured: {{{}, source: {}}}",
                        fig.yaml(),
                        srcs[0]
                    );
                }
                None => text.push_str("      injured: {note: \"reported only as several\"}\n"),
            }
            for (m, fig) in ev
                .measure
                .iter()
                .chain(ev.damage.map(|f| (&DAMAGE, f)).iter())
            {
                let _ = writeln!(
                    text,
                    "      {}:\n        {}\n        cues: [{}]",
                    m.name,
                    fig.yaml(),
                    m.cues.join(", ")
                );
            }
        }
        fs::write(dir.join(format!("events-{:03}.yaml", chunk + 1)), text)?;
        files += 1;
    }
    Ok(files)
}

/// Every phrase the rulebook makes factlint look for.
fn phrases(w: &World, cut: Cut) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut add = |s: &str| {
        if seen.insert(s.to_string()) {
            out.push(s.to_string());
        }
    };
    for e in &w.entities[..cut.entities] {
        add(&e.name);
        e.aliases.iter().for_each(|a| add(a));
        if let Some(s) = &e.short {
            add(s);
        }
        if let Some((m, _)) = e.measure {
            m.cues.iter().for_each(|c| add(c));
        }
    }
    for ev in &w.events[..cut.events] {
        add(&ev.site);
        for (m, _) in ev
            .measure
            .iter()
            .chain(ev.damage.map(|f| (&DAMAGE, f)).iter())
        {
            m.cues.iter().for_each(|c| add(c));
        }
    }
    for (_, cues) in BUILTIN_MEASURES {
        cues.iter().for_each(|c| add(c));
    }
    out
}

// ---------------------------------------------------------------------------------
// The corpus

const AUTHORITIES: &[&str] = &[
    "police said",
    "officials said",
    "the provincial health department said",
    "a hospital spokesman said",
    "the interior ministry said",
    "local officials said",
    "emergency services said",
];
const ACCORDING: &[&str] = &[
    "police",
    "officials",
    "the provincial health department",
    "hospital officials",
    "the interior ministry",
];
const QUOTES: &[&str] = &[
    "We heard a huge noise and then everyone was running",
    "Those responsible will be found and brought to justice",
    "Our priority now is to help the families",
    "We have asked the capital for more support, and we are still waiting",
    "The investigation is continuing and we will not speculate",
    "This city has been through a great deal, and it will get through this too",
    "We had warned about this place for years",
    "Nobody should have to go to work afraid",
    "The emergency teams worked through the night",
    "We will review every step that was taken that morning",
];
const FILLER: &[&str] = &[
    "Shops in the centre of {place} stayed closed the following day, and traffic was diverted around the area.",
    "The road from {place} to {place2} runs for about {km} kilometres and crosses two checkpoints.",
    "Unemployment in the province stands at about {pct} percent, according to government figures.",
    "Dozens of people gathered outside the main hospital, waiting for news of relatives.",
    "Television footage showed smoke rising over the area and ambulances arriving within minutes.",
    "The government has promised an inquiry, though earlier inquiries were never made public.",
    "Schools in {place} will remain closed for {days} days, the education office said.",
    "{place} lies about {km} kilometres from the provincial capital.",
    "The area was cordoned off and investigators collected evidence late into the night.",
    "Officials in {place} declared {days} days of mourning.",
    "The last census, in {year}, counted about {pop} residents in the district.",
    "Local elections are due next year, and security is expected to dominate the campaign.",
    "Several witnesses described a loud noise followed by panic in the streets.",
    "Prices of flour and fuel have risen by {pct} percent since {year}.",
    "A {mins}-minute drive from the city centre, the area is home to several small workshops.",
    "Aid agencies said they had sent tents, blankets and medical supplies.",
    "Mobile phone networks were suspended for {hours} hours as a precaution.",
    "Rescue workers used heavy machinery to clear the debris.",
    "Relatives waited outside the morgue for much of the night.",
    "Opposition politicians accused the government of ignoring earlier warnings.",
    "Flights into {place} resumed after a {hours}-hour suspension.",
    "The provincial council met in an emergency session that evening.",
    "Residents of {place2} said they had heard the news on the radio.",
    "The district's only hospital has {beds} beds and two operating theatres.",
    "Farmers in the area grow wheat, cotton and apricots, and many travel to {place2} to sell them.",
    "The neighbourhood was rebuilt after an earthquake in {year}.",
    "Several roads into the city were closed for much of the day.",
    "The national football league postponed {n} matches scheduled for the weekend.",
    "By the evening, volunteers had set up a blood donation point near the hospital gates.",
    "Officials said it was too early to say what had caused it.",
    "Trade through the border crossing near {place2} fell by {pct} percent last year.",
    "The city's main bridge was built in {year} and carries most of the traffic south.",
    "Security forces sealed off the streets around the site and searched nearby buildings.",
    "Witnesses said the street had been crowded with shoppers at the time.",
    "The provincial government said it would pay compensation to the families.",
    "Officials did not say when the area would reopen.",
    "Footage shared on social media showed people running from the scene.",
    "{place} has grown quickly since {year}, as families moved in from the surrounding villages.",
    "The nearest major hospital is in {place2}, a drive of about {hours} hours on a damaged road.",
    "A curfew was imposed in parts of {place} from {clock} p.m. until dawn.",
    "The country's president sent condolences to the families and ordered an investigation.",
    "Teachers and students held a vigil in the main square the next evening.",
    "The region has seen heavy rain for {days} weeks, according to the weather service.",
    "Critics have long complained that building rules in {place} are rarely enforced.",
    "An investigation team arrived from the capital the same day.",
    "Doctors at the district hospital appealed for blood donations.",
    "Most shops in the old quarter sell cloth, spices and household goods.",
    "Officials said the area had been inspected in {year} and declared safe.",
    "Local journalists were briefly barred from the site.",
    "Many families in {place} depend on wages from workers in {place2}.",
    "The provincial budget for emergency services was cut by {pct} percent last year.",
    "The authorities asked residents to avoid the area while the work continued.",
    "Religious leaders in {place} called for calm.",
    "Bus services between {place} and {place2} were suspended for {days} days.",
    "Neighbours said they had complained to the authorities more than once.",
    "The mayor's office set up a telephone line for relatives.",
    "Diplomats from several countries expressed their sympathy.",
    "A parliamentary committee is expected to question officials next month.",
    "The site stands near a school, a clinic and a row of small shops.",
    "Reporters who reached the scene saw shattered windows along the whole street.",
    "Officials said some of the victims had not yet been identified.",
    "Insurance companies said it was too soon to estimate claims.",
];

#[derive(Default)]
struct Tally {
    articles: usize,
    bytes: usize,
    /// Deliberate errors written, by class.
    planted: [usize; 7],
}

const PLANTED: [&str; 7] = [
    "wrong toll (FL001)",
    "wrong age (FL001)",
    "disagreeing articles (FL002)",
    "self-contradiction (FL003)",
    "unsupported figure (FL004)",
    "superseded figure (FL005)",
    "wrong weekday (FL006)",
];

struct Writer<'w> {
    w: &'w World,
    events: usize,
    rng: Rng,
    conflict_rate: f64,
    tally: Tally,
}

struct Article<'w> {
    ev: &'w Event,
    published: Day,
    /// The victim's and official's names already used in full.
    named: HashSet<usize>,
    /// Filler templates and kinds of detail used so far, to keep repetition down.
    used_filler: HashSet<usize>,
    used_detail: [u8; 9],
    group_done: bool,
}

impl<'w> Writer<'w> {
    fn person(&mut self, a: &mut Article, p: usize) -> String {
        let e = &self.w.entities[p];
        if a.named.insert(p) {
            e.called(&mut self.rng)
        } else {
            e.later()
        }
    }

    fn place(&mut self, p: usize) -> String {
        self.w.entities[p].called(&mut self.rng)
    }

    fn authority(&mut self) -> &'static str {
        AUTHORITIES[self.rng.below(AUTHORITIES.len())]
    }

    /// "the bombing" or "the Dorvan market bombing".
    fn event_ref(&mut self, ev: &Event, allow_refer: bool) -> String {
        if allow_refer && self.rng.chance(0.35) {
            format!("the {}", self.rng.pick(ev.kind.refers))
        } else if self.rng.chance(0.5) {
            format!("the {} {}", ev.site, ev.kind.noun)
        } else {
            format!("the {} at the {}", ev.kind.noun, ev.site)
        }
    }

    /// When an event happened, as an article dated `published` would say it.
    fn when_text(&mut self, ev: &Event, published: Day) -> String {
        match ev.when {
            When::Day(d) => {
                let gap = published.days_since(d);
                if (0..=5).contains(&gap) && self.rng.chance(0.7) {
                    format!("on {}", d.weekday_name())
                } else if published.year() == d.year() && self.rng.chance(0.5) {
                    let (_, m, day) = d.ymd();
                    format!("on {} {day}", MONTHS_AP[m as usize - 1])
                } else if self.rng.chance(0.5) {
                    format!("on {}", d.long())
                } else {
                    format!("on {}", d.long_uk())
                }
            }
            When::Month(d) | When::Span(d, _) => format!("in {}", d.month_year()),
        }
    }

    fn filler(&mut self, a: &mut Article) -> String {
        let place = self.w.entities[a.ev.place].name.clone();
        let other = self.w.places[self.rng.below(self.w.places.len())];
        let place2 = self.w.entities[other].name.clone();
        let mut pick = self.rng.below(FILLER.len());
        for _ in 0..8 {
            if a.used_filler.insert(pick) {
                break;
            }
            pick = self.rng.below(FILLER.len());
        }
        let template = FILLER[pick];
        let year = a.published.year() - self.rng.range(3, 40) as i64;
        template
            .replace("{place}", &place)
            .replace("{place2}", &place2)
            .replace("{km}", &self.rng.range(12, 480).to_string())
            .replace("{pct}", &self.rng.range(3, 45).to_string())
            .replace("{days}", &count(self.rng.range(2, 7)))
            .replace("{year}", &year.to_string())
            .replace("{pop}", &digits(self.rng.range(20, 900) * 1000))
            .replace("{mins}", &self.rng.range(10, 90).to_string())
            .replace("{hours}", &self.rng.range(6, 48).to_string())
            .replace("{beds}", &self.rng.range(40, 300).to_string())
            .replace("{n}", &count(self.rng.range(2, 9)))
            .replace("{clock}", &self.rng.range(6, 10).to_string())
    }

    /// A sentence giving the toll of `ev`, or `None` when it has no figure.
    fn killed_sentence(&mut self, a: &mut Article, ev: &Event, lead: bool) -> Option<String> {
        let fig = ev.killed?;
        let f = fig.text(&mut self.rng);
        let authority = self.authority();
        let r = self.event_ref(ev, lead);
        Some(match self.rng.below(5) {
            0 => format!("{} people were killed in {r}, {authority}.", opening(&f)),
            1 => format!(
                "{} killed {f} people, according to {}.",
                cap(&r),
                self.rng.pick(ACCORDING)
            ),
            2 if fig.counts() => format!("The death toll from {r} rose to {f}, {authority}."),
            3 => match ev.victim {
                Some(v) if matches!(fig, Fig::Exact(_) | Fig::About(_)) => {
                    let name = self.person(a, v);
                    format!("{name} was among the {f} people killed in {r}.")
                }
                _ => format!("{} people died in {r}, {authority}.", opening(&f)),
            },
            _ => format!(
                "{} said {f} people had been killed in {r}.",
                cap(authority.trim_end_matches(" said"))
            ),
        })
    }

    /// A detail about the article's own event.
    fn detail(&mut self, a: &mut Article) -> Option<String> {
        let ev = a.ev;
        let r = self.event_ref(ev, true);
        let kind = self.rng.below(9);
        a.used_detail[kind] += 1;
        if a.used_detail[kind] > 2 {
            return Some(self.filler(a));
        }
        match kind {
            0 | 1 => self.killed_sentence(a, ev, true),
            2 => Some(match ev.injured {
                Some(fig) => {
                    let f = fig.text(&mut self.rng);
                    if self.rng.chance(0.5) {
                        format!(
                            "{} people were wounded in {r}, {}.",
                            opening(&f),
                            self.authority()
                        )
                    } else {
                        let place = self.place(ev.place);
                        format!(
                            "Hospital officials in {place} said {f} people were being treated for injuries after {r}."
                        )
                    }
                }
                None => format!("Several people were wounded in {r}."),
            }),
            3 => ev.measure.map(|(m, fig)| {
                let f = fig.text(&mut self.rng);
                match m.name {
                    "arrested" => format!(
                        "Police said {f} suspects had been arrested in connection with {r}."
                    ),
                    "displaced" => format!(
                        "{} people were displaced by {r}, {}.",
                        opening(&f),
                        self.authority()
                    ),
                    "missing" => format!("{} people were still missing after {r}.", opening(&f)),
                    "rescued" => {
                        format!("Rescue teams said {f} people had been rescued after {r}.")
                    }
                    _ => format!(
                        "{} workers were trapped underground after {r}.",
                        opening(&f)
                    ),
                }
            }),
            4 => ev.damage.map(|fig| {
                format!(
                    "Officials estimated the damage from {r} at {}.",
                    fig.text_plain()
                )
            }),
            5 => {
                let when = self.when_text(ev, a.published);
                let noun = self.rng.pick(ev.kind.refers);
                let place = self.place(ev.place);
                Some(format!(
                    "The {noun} {when} at the {} was the worst in {place} in years.",
                    ev.site
                ))
            }
            6 => ev.victim.map(|v| {
                let name = self.person(a, v);
                let role = &self.w.entities[v].role;
                match self.w.entities[v].age_on(a.published) {
                    Some(age) if self.rng.chance(0.5) => {
                        format!("{name}, {age}, {role}, was among those killed in {r}.")
                    }
                    Some(age) => {
                        format!("The {age}-year-old {name} had been {role} for many years.")
                    }
                    None => format!("{name}, {role}, was among those killed in {r}."),
                }
            }),
            7 => ev.perp.map(|g| {
                let group = self.w.entities[g].called(&mut self.rng);
                format!("The {group} said in a statement that it had carried out {r}.")
            }),
            _ => Some(self.filler(a)),
        }
    }

    fn quote(&mut self, a: &mut Article) -> String {
        let text = *self.rng.pick(QUOTES);
        let slot = self.w.places.iter().position(|&p| p == a.ev.place);
        match slot.and_then(|s| self.w.officials[s]) {
            Some(o) => {
                let name = self.person(a, o);
                let role = self.w.entities[o].role.clone();
                match self.w.entities[o].age_on(a.published) {
                    Some(age) if self.rng.chance(0.6) => {
                        format!("\u{201c}{text},\u{201d} said {name}, {age}, {role}.")
                    }
                    Some(age) => format!("{name} ({age}), {role}, said: \u{201c}{text}.\u{201d}"),
                    None => format!("\u{201c}{text},\u{201d} said {name}, {role}."),
                }
            }
            None => {
                format!("\u{201c}{text},\u{201d} said a resident who gave only his first name.")
            }
        }
    }

    fn group_paragraph(&mut self, a: &mut Article) -> Option<String> {
        let w = self.w;
        let g = a.ev.perp?;
        let e = &w.entities[g];
        let name = e.called(&mut self.rng);
        let mut out = format!("The {name} has been active in the region for several years.");
        if let Some((_, fig)) = e.measure {
            let f = fig.text(&mut self.rng);
            let _ = write!(out, " Officials estimate that the {name} has {f} fighters.");
        }
        let slot = w.groups.iter().position(|&x| x == g);
        if let Some(leader) = slot.and_then(|s| w.leaders[s])
            && let Some((_, fig)) = w.entities[leader].measure
        {
            let who = self.person(a, leader);
            let _ = write!(
                out,
                " The authorities have offered a reward of {} for information leading to the capture of {who}, the group's leader.",
                fig.text_plain()
            );
        }
        Some(out)
    }

    /// A paragraph about an earlier event.
    fn other_event(&mut self, a: &mut Article) -> Option<String> {
        let w = self.w;
        let ev = &w.events[self.rng.below(self.events)];
        if std::ptr::eq(ev, a.ev) || ev.when.last() >= a.published {
            return None;
        }
        let place = self.place(ev.place);
        let noun = ev.kind.noun;
        let mut out = match (ev.when, ev.killed) {
            (When::Day(d), Some(fig)) if self.rng.chance(0.5) => {
                let f = fig.text(&mut self.rng);
                format!(
                    "It was not the first such disaster in the region: in {}, {f} people were killed in a {noun} at the {} in {place}.",
                    d.month_year(),
                    ev.site
                )
            }
            (_, Some(fig)) => {
                let f = fig.text(&mut self.rng);
                let inj = ev
                    .injured
                    .map(|i| format!(" and wounded {}", i.text(&mut self.rng)))
                    .unwrap_or_default();
                format!(
                    "The {} {noun} in {} killed {f} people{inj}.",
                    ev.site,
                    ev.when.first().year()
                )
            }
            (_, None) => format!(
                "In {}, a {noun} at the {} in {place} drew comparisons that officials rejected.",
                ev.when.first().year(),
                ev.site
            ),
        };
        if let Some(v) = ev.victim {
            let name = self.person(a, v);
            let _ = write!(
                out,
                " Among those killed there was {name}, {}.",
                w.entities[v].role
            );
        }
        Some(out)
    }

    /// One deliberate error for the article's event, with its class, if one applies.
    fn planted(&mut self, a: &mut Article) -> Option<(usize, Vec<String>)> {
        let ev = a.ev;
        let r = format!("the {} at the {}", ev.kind.noun, ev.site);
        for _ in 0..4 {
            match self.rng.below(7) {
                0 => {
                    if let Some(fig) = ev.killed {
                        return Some((
                            0,
                            vec![format!(
                                "{} people were killed in {r}, {}.",
                                opening(&fig.wrong(&mut self.rng)),
                                self.authority()
                            )],
                        ));
                    }
                }
                1 => {
                    if let Some(v) = ev.victim
                        && let Some(age) = self.w.entities[v].age_on(a.published)
                    {
                        let name = self.person(a, v);
                        return Some((
                            1,
                            vec![format!(
                                "{name}, {}, was among those killed in {r}.",
                                age + 3
                            )],
                        ));
                    }
                }
                2 => {
                    if let Some((x, _)) = ev.killed.and_then(|f| f.two_fitting(&mut self.rng)) {
                        let n = if self.rng.chance(0.5) { x } else { x + 1 };
                        return Some((
                            2,
                            vec![format!(
                                "Exactly {} people were killed in {r}, {}.",
                                count(n),
                                self.authority()
                            )],
                        ));
                    }
                }
                3 => {
                    if let Some((x, y)) = ev.killed.and_then(|f| f.two_fitting(&mut self.rng)) {
                        return Some((
                            3,
                            vec![
                                format!(
                                    "{} people were killed in {r}, {}.",
                                    opening(&count(x)),
                                    self.authority()
                                ),
                                format!("The final count for {r} was {} killed.", count(y)),
                            ],
                        ));
                    }
                }
                4 => {
                    if ev.injured.is_none() {
                        let n = self.rng.range(3, 40);
                        return Some((
                            4,
                            vec![format!(
                                "{} people were wounded in {r}, {}.",
                                opening(&count(n)),
                                self.authority()
                            )],
                        ));
                    }
                }
                5 => {
                    if let Some(old) = ev.revised {
                        return Some((
                            5,
                            vec![format!(
                                "{} people were killed in {r}, {}.",
                                opening(&old.text_plain()),
                                self.authority()
                            )],
                        ));
                    }
                }
                _ => {
                    if let When::Day(d) = ev.when {
                        let wrong = date::Weekday::ALL
                            [(d.0.weekday().index() + 1 + self.rng.below(6)) % 7]
                            .name();
                        return Some((
                            6,
                            vec![format!(
                                "The {} at the {} took place on {wrong}, {}.",
                                ev.kind.noun,
                                ev.site,
                                d.long()
                            )],
                        ));
                    }
                }
            }
        }
        None
    }

    fn article(&mut self, index: usize) -> (String, String) {
        let w = self.w;
        let ev = &w.events[self.rng.below(self.events)];
        let published = match ev.when {
            When::Day(d) if self.rng.chance(0.55) => d.add(self.rng.range(0, 5) as i64),
            when => when.last().add(self.rng.range(8, 900) as i64),
        };
        let mut a = Article {
            ev,
            published,
            named: HashSet::new(),
            used_filler: HashSet::new(),
            used_detail: [0; 9],
            group_done: false,
        };
        let (agency, short_agency) = *self.rng.pick(AGENCIES);
        let place_name = self.w.entities[ev.place].name.clone();
        let noun = ev.kind.noun;

        let headline = match ev.killed {
            Some(fig) if published.days_since(ev.when.last()) < 8 => {
                format!("{} killed in {place_name} {noun}", cap(&fig.text_plain()))
            }
            _ => match ev.victim {
                Some(v) => format!(
                    "Remembering {}, killed in the {} {noun}",
                    self.w.entities[v].name, ev.site
                ),
                None => format!(
                    "{place_name} still counts the cost of the {} {noun}",
                    ev.site
                ),
            },
        };
        let mut text = format!(
            "---\ntitle: {}\ndate: {}\nsource: {}\n---\n\n",
            q(&headline),
            published.iso(),
            slug(agency)
        );

        // The lead: dateline and the event in one sentence.
        let (_, m, d) = published.ymd();
        let when = self.when_text(ev, published);
        let clause = ev.kind.clause.replace("{site}", &ev.site);
        let authority = self.authority();
        let lead = match (ev.killed, ev.victim) {
            (Some(fig), Some(v)) if self.rng.chance(0.5) => {
                let name = self.person(&mut a, v);
                match (2..=8).find(|&n| fig.fits(n) && self.rng.chance(0.6)) {
                    Some(n) => format!(
                        "{name} and {} others were killed {when} when {clause}, {authority}.",
                        count(n - 1)
                    ),
                    None => {
                        let role = self.w.entities[v].role.clone();
                        let f = fig.text(&mut self.rng);
                        match self.w.entities[v].age_on(published) {
                            Some(age) => format!(
                                "{name}, {age}, {role}, was among {f} people killed {when} when {clause}."
                            ),
                            None => format!(
                                "{name}, {role}, was among {f} people killed {when} when {clause}."
                            ),
                        }
                    }
                }
            }
            (Some(fig), _) => format!(
                "{} people were killed {when} when {clause}, {authority}.",
                opening(&fig.text(&mut self.rng))
            ),
            (None, _) => format!("Several people were killed {when} when {clause}, {authority}."),
        };
        let _ = write!(
            text,
            "{}, {} {d} ({short_agency}) \u{2014} {lead}\n\n",
            place_name.to_uppercase(),
            MONTHS_AP[m as usize - 1]
        );

        let mut planted = if self.rng.chance(self.conflict_rate) {
            self.planted(&mut a)
        } else {
            None
        };
        if let Some((class, _)) = &planted {
            self.tally.planted[*class] += 1;
        }

        let target = self.rng.range(2048, 8191) as usize;
        let mut stalled = 0;
        while text.len() < target && stalled < 20 {
            let mut para: Vec<String> = Vec::new();
            let sentences = self.rng.range(2, 4);
            match self.rng.below(20) {
                0..6 => {
                    for _ in 0..sentences {
                        para.extend(self.detail(&mut a));
                    }
                }
                6..13 => {
                    for _ in 0..sentences {
                        para.push(self.filler(&mut a));
                    }
                }
                13..16 => para.extend(self.other_event(&mut a)),
                16..18 => {
                    para.push(self.quote(&mut a));
                    para.push(self.filler(&mut a));
                }
                _ if !a.group_done => {
                    a.group_done = true;
                    para.extend(self.group_paragraph(&mut a));
                }
                _ => para.push(self.filler(&mut a)),
            }
            if let Some((_, lines)) = &mut planted
                && !lines.is_empty()
                && (para.is_empty() || self.rng.chance(0.5))
            {
                para.push(lines.remove(0));
            }
            if para.is_empty() {
                stalled += 1;
                continue;
            }
            let para = para.join(" ");
            if text.len() + para.len() + 2 > 8192 {
                stalled += 1;
                continue;
            }
            text.push_str(&para);
            text.push_str("\n\n");
        }
        // Whatever of a planted error is left goes at the end, size permitting.
        if let Some((_, lines)) = planted {
            for line in lines {
                if text.len() + line.len() + 2 <= 8192 {
                    text.push_str(&line);
                    text.push_str("\n\n");
                }
            }
        }
        let name = format!("{index:06}-{}-{}.md", slug(&place_name), slug(noun));
        (name, text)
    }
}

// ---------------------------------------------------------------------------------
// Command line

struct Options {
    out: PathBuf,
    corpus_mb: f64,
    facts: usize,
    corpus_facts: Option<usize>,
    seed: u64,
    conflict_rate: f64,
}

const USAGE: &str = "usage: synth --out DIR --corpus-mb N --facts K [--seed S] [--corpus-facts M] [--conflict-rate P]";

fn fail(message: &str) -> ! {
    eprintln!("synth: {message}\n{USAGE}");
    process::exit(2)
}

fn parse<T: std::str::FromStr>(flag: &str, value: &str) -> T {
    value
        .parse()
        .unwrap_or_else(|_| fail(&format!("bad value for {flag}: {value}")))
}

fn options() -> Options {
    let mut out = None;
    let mut corpus_mb = None;
    let mut facts = None;
    let mut corpus_facts = None;
    let mut seed = 1;
    let mut conflict_rate = 0.05;
    let mut args = env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            process::exit(0);
        }
        let value = args
            .next()
            .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(&value)),
            "--corpus-mb" => corpus_mb = Some(parse(&flag, &value)),
            "--facts" => facts = Some(parse(&flag, &value)),
            "--corpus-facts" => corpus_facts = Some(parse(&flag, &value)),
            "--seed" => seed = parse(&flag, &value),
            "--conflict-rate" => conflict_rate = parse(&flag, &value),
            _ => fail(&format!("unknown option {flag}")),
        }
    }
    Options {
        out: out.unwrap_or_else(|| fail("--out is required")),
        corpus_mb: corpus_mb.unwrap_or_else(|| fail("--corpus-mb is required")),
        facts: facts.unwrap_or_else(|| fail("--facts is required")),
        corpus_facts,
        seed,
        conflict_rate,
    }
}

fn empty_dir(path: &Path) -> std::io::Result<()> {
    if path.exists() && fs::read_dir(path)?.next().is_some() {
        fail(&format!(
            "{} is not empty; choose a new --out",
            path.display()
        ));
    }
    fs::create_dir_all(path)
}

fn main() -> std::io::Result<()> {
    let opts = options();
    let started = Instant::now();
    let corpus_facts = opts.corpus_facts.unwrap_or(opts.facts);
    let mut world = World::new(opts.seed);
    let cuts = world.build(&[opts.facts, corpus_facts]);
    let (rules_cut, corpus_cut) = (cuts[0], cuts[1]);

    let rules_dir = opts.out.join("rules");
    let corpus_dir = opts.out.join("corpus");
    empty_dir(&rules_dir)?;
    empty_dir(&corpus_dir)?;
    let rule_files = write_rules(&world, rules_cut, &rules_dir)?;
    let list = phrases(&world, rules_cut);
    fs::write(opts.out.join("phrases.txt"), list.join("\n") + "\n")?;

    let mut writer = Writer {
        w: &world,
        events: corpus_cut.events,
        rng: Rng(opts.seed ^ 0x5EED_C0DE_0000_0001),
        conflict_rate: opts.conflict_rate,
        tally: Tally::default(),
    };
    let budget = (opts.corpus_mb * 1_000_000.0) as usize;
    while writer.tally.bytes < budget {
        let (name, text) = writer.article(writer.tally.articles);
        fs::write(corpus_dir.join(name), &text)?;
        writer.tally.articles += 1;
        writer.tally.bytes += text.len();
    }
    let tally = writer.tally;
    let planted: Vec<String> = PLANTED
        .iter()
        .zip(tally.planted)
        .map(|(name, n)| format!("{n} {name}"))
        .collect();
    eprintln!(
        "synth: rules: {} facts, {} entities, {} events, {} sources in {rule_files} files; \
         phrases: {}; corpus: {} articles, {} bytes, about {} facts' worth of events; \
         planted: {}; {:.2} s",
        rules_cut.facts,
        rules_cut.entities,
        rules_cut.events,
        rules_cut.sources,
        list.len(),
        tally.articles,
        tally.bytes,
        corpus_cut.facts,
        planted.join(", "),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

//! Mentions: typed values with spans, read from a document's prose.
//!
//! Extraction finds every count, amount, ordinal, date and age in a document and, for
//! counts and amounts, the measure its cue words give it ("killed", "wounded", or a
//! named measure's cues). It knows nothing about events or entities: deciding which
//! fact a mention is about is attribution's job. The only thing it takes from a
//! rulebook is the [`Lexicon`] of measure cues and explicit patterns.

pub mod ages;
pub mod dates;
pub use crate::figure::{number, quantity, tokens};

use std::collections::HashMap;
use std::ops::Range;

use crate::date::{Day, DayRange, Weekday};
use crate::document::Document;
use crate::interval::Interval;
use crate::rulebook::Rulebook;
use tokens::{Kind, Token};

/// What a mention is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum MentionKind {
    /// A count of people or things ("41 people").
    Count,
    /// An amount of money ("$2 million").
    Amount,
    /// An ordinal ("the 39th president", "the third").
    Ordinal,
    /// A date, a weekday or a span of days.
    Date,
    /// A person's age ("Ana Vell, 58,").
    Age,
    /// A person's name, as written.
    Name,
    /// A title written beside a person's name.
    Title,
    /// An identifier after its cue word ("Flight 171", "Boeing 787-8").
    Code,
}

impl MentionKind {
    /// The kind as reports write it: "count", "date".
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Count => "count",
            MentionKind::Amount => "amount",
            MentionKind::Ordinal => "ordinal",
            MentionKind::Date => "date",
            MentionKind::Age => "age",
            MentionKind::Name => "name",
            MentionKind::Title => "title",
            MentionKind::Code => "code",
        }
    }
}

/// A mention's value.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum MentionValue {
    /// A figure or range, as an interval.
    Number(Interval),
    /// An amount in a currency.
    Amount {
        /// The figure or range, in units of the currency.
        value: Interval,
        /// The currency's code as read ("USD", "EUR"; "RUPEE" and "YEN-YUAN" where
        /// the sign names no one country's).
        currency: String,
    },
    /// Days.
    Date(DayRange),
    /// A weekday with no publication date to resolve it against.
    Weekday(Weekday),
    /// A name as written.
    Name(String),
    /// A title as written.
    Title(String),
    /// An identifier as written ("AI 171").
    Code(String),
}

/// A figure, date, age, name, title or identifier found in an article.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    /// The words that state the value, qualifier included ("at least five").
    pub span: Range<usize>,
    /// The sentence it stands in, by index.
    pub sentence: usize,
    /// What it is.
    pub kind: MentionKind,
    /// What it says.
    pub value: MentionValue,
    /// A vague word ("several", "dozens") rather than a figure.
    pub vague: bool,
    /// The measure the cue words give a count or amount (shared with the lexicon).
    pub measure: Option<std::sync::Arc<str>>,
    /// For counts: where the word that says what is counted stands.
    pub cue: Option<Range<usize>>,
    /// For ages: the name written beside the age.
    pub subject: Option<Range<usize>>,
    /// For dates: a weekday written beside the date, or the weekday the date was
    /// resolved from.
    pub weekday: Option<(Weekday, Range<usize>)>,
    /// For dates: resolved from a weekday alone, against the publication date.
    pub from_weekday: bool,
    /// For dates: the words around it say something happened then ("killed on").
    pub occurrence: bool,
    /// For dates: the kinds of event the verb that says so belongs to ("crashed on":
    /// crash); empty when the word fits any event ("occurred", "killed").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrence_kinds: Vec<String>,
    /// For dates: the words around it give the day something was said or a figure
    /// stood ("said on Friday", "as of Monday", "the toll Monday"), not a happening.
    #[serde(default)]
    pub said: bool,
    /// A count or amount whose sentence tells it as an earlier figure ("initially",
    /// "up from"): history, not a claim of the current figure.
    pub history: bool,
    /// A figure told as the one before another ("up from 120"): an earlier figure,
    /// never a claim of the current one.
    #[serde(default)]
    pub earlier: bool,
    /// For a part of a total ("16 of the 24 deaths", "including nine soldiers"): the
    /// measure it is a part of. Such a count has no `measure` of its own.
    pub part_measure: Option<std::sync::Arc<str>>,
    /// The whole that a part before it is of ("24" in "16 of the 24 deaths were in the
    /// Eaton Fire"): what the clause names is the part's, not this total's.
    pub whole_of_part: bool,
    /// For dates: part of a dateline ("KABUL, Dec 12 (Wire) —").
    pub dateline: bool,
    /// For dates: a month named with no year ("November 19", "since February"), the
    /// year taken from the publication date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_left_out: bool,
    /// For titles: the title opens its sentence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub opens_sentence: bool,
    /// For ages: the age of several people ("in their 20s"), never one person's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub of_group: bool,
    /// For counts and amounts: the sentence tells of a change ("has risen to", "climbed
    /// from"), so an older figure beside it in the article is history, not a slip.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub changed: bool,
    /// For counts and amounts: the cue's words as written, in lower case ("killed"),
    /// kept when the text is not: two figures with the same words count the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_words: Option<std::sync::Arc<str>>,
    /// For dates written as the attribute of a kind's noun ("Macron's April
    /// presidential election victory", "the 2004 Beslan school siege"): that noun's
    /// kinds. Such a date is never of an event of another known kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noun_kinds: Vec<String>,
    /// Set when a rule's explicit pattern matched this mention.
    pub pattern_fact: Option<usize>,
    /// For counts and amounts: the figure exactly as written, when it is one plain
    /// number that is not whole ("4.8"); the interval holds the whole numbers around it.
    pub figure: Option<f64>,
    /// For names and titles: the person (an entity of the rulebook) they are of.
    #[serde(default)]
    pub entity: Option<usize>,
    /// For counts: the unit written after the figure ("37.52 feet"), when a rulebook
    /// measure is given in that unit (`unit:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<std::sync::Arc<str>>,
}

impl Mention {
    /// Moves every span of the mention through `f` (from the prose's normal form to the
    /// text's offsets, or back).
    pub fn map_spans(&mut self, f: impl Fn(&Range<usize>) -> Range<usize>) {
        self.span = f(&self.span);
        for span in [&mut self.cue, &mut self.subject].into_iter().flatten() {
            *span = f(span);
        }
        if let Some((_, span)) = &mut self.weekday {
            *span = f(span);
        }
    }

    pub(crate) fn new(
        span: Range<usize>,
        sentence: usize,
        kind: MentionKind,
        value: MentionValue,
    ) -> Mention {
        Mention {
            span,
            sentence,
            kind,
            value,
            vague: false,
            measure: None,
            cue: None,
            subject: None,
            weekday: None,
            from_weekday: false,
            occurrence: false,
            occurrence_kinds: Vec::new(),
            said: false,
            history: false,
            changed: false,
            cue_words: None,
            earlier: false,
            part_measure: None,
            whole_of_part: false,
            dateline: false,
            year_left_out: false,
            opens_sentence: false,
            of_group: false,
            noun_kinds: Vec::new(),
            pattern_fact: None,
            figure: None,
            entity: None,
            unit: None,
        }
    }

    /// The numeric value of a count, amount or age.
    pub fn interval(&self) -> Option<Interval> {
        match &self.value {
            MentionValue::Number(i) => Some(*i),
            MentionValue::Amount { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// The tokens of one sentence, with lowercased text.
pub struct Words<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Lowercased words; borrowed from the text when already lower case.
    lower: Vec<std::borrow::Cow<'a, str>>,
}

impl<'a> Words<'a> {
    /// The words of `text` within `range`.
    pub fn new(text: &'a str, range: Range<usize>) -> Words<'a> {
        let mut tokens = Vec::new();
        for token in tokens::tokenize(text, range) {
            let word = &text[token.span.clone()];
            // "60-63" reads as a range: split it into three words.
            if token.kind == Kind::Word
                && let Some((a, b)) = word.split_once('-')
                && !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit() || c == b',')
                && b.bytes().all(|c| c.is_ascii_digit() || c == b',')
            {
                let dash = token.span.start + a.len();
                tokens.push(Token {
                    span: token.span.start..dash,
                    kind: Kind::Number,
                });
                tokens.push(Token {
                    span: dash..dash + 1,
                    kind: Kind::Punct,
                });
                tokens.push(Token {
                    span: dash + 1..token.span.end,
                    kind: Kind::Number,
                });
                continue;
            }
            tokens.push(token);
        }
        let lower = tokens
            .iter()
            .map(|t| {
                let word = &text[t.span.clone()];
                let plain = word.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b.is_ascii_punctuation()
                });
                if plain {
                    std::borrow::Cow::Borrowed(word)
                } else {
                    std::borrow::Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
                }
            })
            .collect();
        Words {
            text,
            tokens,
            lower,
        }
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The lowercased word at `i`, or "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// Up to `N` lowercased words from `i`, in a buffer on the stack.
    pub fn ahead<const N: usize>(&self, i: usize) -> ([&str; N], usize) {
        let mut buf = [""; N];
        let n = self.len().saturating_sub(i).min(N);
        for (k, slot) in buf.iter_mut().enumerate().take(n) {
            *slot = self.lower(i + k);
        }
        (buf, n)
    }

    /// Whether the words from `i` on are `phrase` (lowercase words).
    pub fn phrase_at(&self, i: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| self.lower(i + k) == word)
    }

    /// Word `i` as written.
    pub fn original(&self, i: usize) -> Option<&'a str> {
        self.tokens.get(i).map(|t| &self.text[t.span.clone()])
    }

    /// Byte offsets of word `i`.
    pub fn span(&self, i: usize) -> Range<usize> {
        self.tokens[i].span.clone()
    }

    /// Byte span of words `start..end`.
    pub fn span_of(&self, start: usize, end: usize) -> Range<usize> {
        self.tokens[start].span.start..self.tokens[end.max(start + 1) - 1].span.end
    }

    /// Whether word `i` is a word (not punctuation).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether word `i` is a number, in figures or in words.
    pub fn number_word(&self, i: usize) -> Option<()> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Number)
            .map(|_| ())
    }

    fn is_punct(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct)
    }

    fn all_words(&self) -> Vec<&str> {
        self.lower.iter().map(|w| w.as_ref()).collect()
    }
}

/// A cue's words and the measure it marks (`None` for a word such as "casualties"
/// that marks no single measure).
type Cue = (Vec<String>, Option<std::sync::Arc<str>>);

/// A part of a measure's figure (`killed.on_board` of `killed`) and its cues' words.
#[derive(Clone, Debug)]
struct Part {
    whole: std::sync::Arc<str>,
    measure: std::sync::Arc<str>,
    cues: Vec<Vec<String>>,
    /// Every measure the part lies within: its whole, the whole's whole, and so on up
    /// (`killed.on_plane` and `killed` for `killed.on_plane.crew`).
    within: Vec<std::sync::Arc<str>>,
}

/// Words that, after a date, open another phrase ("Saturday after killing 29", "March
/// 24 as mourners gathered"): a noun past them is not the one the date is written with.
pub(super) fn opens_another_phrase(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "before"
            | "since"
            | "following"
            | "as"
            | "when"
            | "while"
            | "and"
            | "but"
            | "to"
            | "for"
    )
}

/// Whether any of `phrases` stands anywhere among a sentence's words.
fn says_any(w: &Words, phrases: &crate::lexicon::Phrases) -> bool {
    (0..w.len()).any(|k| {
        let (phrase, n) = w.ahead::<3>(k);
        phrases.starts(&phrase[..n]).is_some()
    })
}

/// Fills in each part's [`Part::within`]: the chain of wholes above it. Parts nest a
/// few levels at most; the bound keeps a malformed chain finite.
fn parts_within(parts: &mut [Part]) {
    for i in 0..parts.len() {
        let mut within = vec![parts[i].whole.clone()];
        while within.len() <= parts.len() {
            let top = within.last().expect("never empty");
            match parts.iter().find(|p| p.measure == *top) {
                Some(up) => within.push(up.whole.clone()),
                None => break,
            }
        }
        parts[i].within = within;
    }
}

/// A cue phrase as the lowercase words it is matched by.
fn cue_words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether `text` ends with `suffix`, ASCII case aside.
pub(crate) fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len()
        .checked_sub(suffix.len())
        .and_then(|at| text.get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

/// Measure cues and explicit patterns, compiled once from a rulebook.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// First word of a cue → (the cue's words, the measure it marks; `None` for a word
    /// that marks no measure, such as "casualties").
    cues: HashMap<String, Vec<Cue>>,
    /// Parts the rulebook declares of a measure's figure (`parts:`).
    parts: Vec<Part>,
    /// Identifier facts: each one's name and its cues' words.
    codes: Vec<(std::sync::Arc<str>, Vec<Vec<String>>)>,
    /// Each rule pattern: its fact, the fact's measure and the expression.
    patterns: Vec<(usize, std::sync::Arc<str>, regex::Regex)>,
    /// The words of every measure's name ("structures", "destroyed").
    measure_words: Vec<String>,
    /// Words that write a unit some fact is given in ("ft" → `feet`).
    unit_words: HashMap<String, std::sync::Arc<str>>,
    /// The reading vocabulary, with the rulebook's additions.
    pub vocabulary: std::sync::Arc<crate::lexicon::Vocabulary>,
    /// The tolerance for "about" and "nearly".
    pub tolerance: f64,
}

/// Punctuation that ends a clause for the purpose of finding a figure's cue.
const CLAUSE_END: &[&str] = &[
    ";", ":", "\u{2014}", "\u{2013}", "(", ")", "\"", "\u{201c}", "\u{201d}",
];

impl Lexicon {
    /// The reading vocabulary and the rulebook's cues, names and markers, compiled.
    pub fn new(book: &Rulebook, tolerance: f64) -> Lexicon {
        let mut cues: HashMap<String, Vec<Cue>> = HashMap::new();
        let mut add = |phrase: &str, measure: Option<std::sync::Arc<str>>| {
            let words = cue_words(phrase);
            if let Some(first) = words.first() {
                cues.entry(first.clone())
                    .or_default()
                    .push((words, measure));
            }
        };
        let mut parts: Vec<Part> = Vec::new();
        for measure in &book.measures {
            if let Some(whole) = &measure.part_of {
                parts.push(Part {
                    whole: std::sync::Arc::from(whole.as_str()),
                    measure: std::sync::Arc::from(measure.name.as_str()),
                    cues: measure.cues.iter().map(|c| cue_words(c)).collect(),
                    within: Vec::new(),
                });
                continue;
            }
            for cue in &measure.cues {
                add(cue, Some(std::sync::Arc::from(measure.name.as_str())));
            }
        }
        parts_within(&mut parts);
        add("casualties", None);
        add("casualty", None);
        for list in cues.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let patterns = book
            .patterns
            .iter()
            .map(|p| {
                let measure = std::sync::Arc::from(book.facts[p.fact].measure.as_str());
                (p.fact, measure, p.regex.clone())
            })
            .collect();
        let mut measure_words: Vec<String> = book
            .measures
            .iter()
            .flat_map(|m| m.name.split(['_', '-', ' ']).map(str::to_lowercase))
            .filter(|w| w.len() > 2)
            .collect();
        measure_words.sort();
        measure_words.dedup();
        let codes = book
            .codes
            .iter()
            .map(|c| {
                let cues = c.cues.iter().map(|cue| cue_words(cue)).collect();
                (std::sync::Arc::from(c.name.as_str()), cues)
            })
            .collect();
        let mut unit_words = HashMap::new();
        let units = &book.vocabulary().measure_units;
        for unit in book.facts.iter().filter_map(|f| f.unit.as_deref()) {
            let name: std::sync::Arc<str> = std::sync::Arc::from(unit);
            for word in units.get(unit).into_iter().flatten() {
                unit_words.insert(word.clone(), name.clone());
            }
        }
        Lexicon {
            cues,
            parts,
            codes,
            measure_words,
            unit_words,
            vocabulary: book.vocabulary().clone(),
            patterns,
            tolerance,
        }
    }

    /// Whether a word (a plural noun) names a measure: a word of a measure's name
    /// ("structures" of `structures_destroyed`), singular or plural.
    fn names_measure(&self, word: &str) -> bool {
        let singular = word.strip_suffix('s').unwrap_or(word);
        self.measure_words
            .iter()
            .any(|m| m == word || m == singular || m.strip_suffix('s') == Some(singular))
    }

    /// Cue found at word `i`: its length in words and measure.
    fn cue_at(&self, w: &Words, i: usize) -> Option<(usize, Option<&std::sync::Arc<str>>)> {
        let candidates = self.cues.get(w.lower(i))?;
        // "succumbed to their injuries": a death, not an injury.
        let mut back = i;
        if back > 0 && matches!(w.lower(back - 1), "their" | "his" | "her" | "its") {
            back -= 1;
        }
        let before: Vec<&str> = (back.saturating_sub(3)..back).map(|k| w.lower(k)).collect();
        if self.vocabulary.not_cue_after.ends(&before).is_some() {
            return None;
        }
        candidates.iter().find_map(|(words, measure)| {
            w.phrase_at(i, words)
                .then_some((words.len(), measure.as_ref()))
        })
    }
}

/// Finds every mention in a document.
pub fn extract(doc: &Document, lexicon: &Lexicon) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let w = Words::new(&doc.prose, sentence.span.clone());
        let first = mentions.len();
        // The measure of the previous sentence's last figure, for "That number later
        // rose to 53,537".
        let before = mentions[..first]
            .iter()
            .rev()
            .take_while(|m| m.sentence + 1 >= index)
            .find(|m| m.sentence + 1 == index && m.measure.is_some())
            .and_then(|m| m.measure.clone());
        scan_sentence(&w, index, doc.meta.published, lexicon, &mut mentions);
        read_codes(&w, index, lexicon, &mut mentions, first);
        parts_and_wholes(&doc.prose, &mut mentions[first..]);
        earlier_figures(&doc.prose, &mut mentions[first..]);
        // Words of the whole sentence that tell its figures as history or as a change:
        // looked for only where it holds a count or an amount.
        let figures = |m: &Mention| matches!(m.kind, MentionKind::Count | MentionKind::Amount);
        if mentions[first..].iter().any(figures) {
            let history = says_any(&w, &lexicon.vocabulary.history);
            let changed = says_any(&w, &lexicon.vocabulary.changing);
            for m in mentions[first..].iter_mut().filter(|m| figures(m)) {
                m.history |= history;
                m.changed = changed;
            }
        }
        apply_patterns(doc, index, lexicon, &mut mentions, first);
        // "The number missing", "the number of dead": the words after the noun say
        // what is counted, so it refers back to nothing.
        let next = w.lower(2);
        let says_what = next == "of"
            || lexicon.cue_at(&w, 2).is_some()
            || (next.ends_with("ing") || next.ends_with("ed"))
                && !lexicon.vocabulary.change_verbs.has(next);
        let anaphora = matches!(w.lower(0), "that" | "this" | "the")
            && matches!(w.lower(1), "number" | "figure" | "toll" | "count" | "tally")
            && !says_what;
        if anaphora && let Some(measure) = before {
            for m in &mut mentions[first..] {
                if m.kind == MentionKind::Count && m.measure.is_none() && !m.vague {
                    m.measure = Some(measure.clone());
                }
            }
        }
        for m in &mut mentions[first..] {
            if matches!(m.kind, MentionKind::Count | MentionKind::Amount)
                && let Some(cue) = m.cue.clone()
            {
                m.cue_words = Some(std::sync::Arc::from(doc.prose[cue].to_lowercase()));
            }
        }
    }
    mentions
}

/// Identifiers after their cue words ("Flight 171", "flight AI 117", "Boeing 787-8"): a
/// code of letters and digits with at least one digit, right after the cue, when the cue
/// is capitalised or the code holds letters ("the flight 30 minutes later" is no code).
/// A count the code's digits were read as is dropped.
fn read_codes(w: &Words, sentence: usize, lexicon: &Lexicon, out: &mut Vec<Mention>, first: usize) {
    static CODE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^ ((?:[A-Z]{1,3}[ -]?)?[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)?)\b")
            .expect("valid")
    });
    if lexicon.codes.is_empty() {
        return;
    }
    let mut codes = Vec::new();
    for k in 0..w.len() {
        for (name, cues) in &lexicon.codes {
            let Some(len) = cues.iter().find(|cue| w.phrase_at(k, cue)).map(Vec::len) else {
                continue;
            };
            let cue_end = w.span(k + len - 1).end;
            let sentence_end = w.span(w.len() - 1).end;
            let Some(found) = CODE.captures(&w.text[cue_end..sentence_end]) else {
                continue;
            };
            let code = found.get(1).expect("group");
            let capital = w
                .original(k)
                .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()));
            if !capital && !code.as_str().contains(|c: char| c.is_alphabetic()) {
                continue;
            }
            let span = cue_end + code.start()..cue_end + code.end();
            let mut m = Mention::new(
                span,
                sentence,
                MentionKind::Code,
                MentionValue::Code(code.as_str().to_string()),
            );
            m.measure = Some(name.clone());
            m.cue = Some(w.span_of(k, k + len));
            codes.push(m);
        }
    }
    if codes.is_empty() {
        return;
    }
    // The sentence's mentions are the tail of `out`.
    let mut sentence_mentions = out.split_off(first);
    sentence_mentions.retain(|m| {
        !matches!(m.kind, MentionKind::Count | MentionKind::Ordinal)
            || codes
                .iter()
                .all(|c| m.span.end <= c.span.start || m.span.start >= c.span.end)
    });
    sentence_mentions.append(&mut codes);
    sentence_mentions.sort_by_key(|m| m.span.start);
    out.append(&mut sentence_mentions);
}

/// "Rose to 131, up from 120 on Friday", "three remain missing, down from nearly 100":
/// a figure after "up from" or "down from" with no measure of its own is an earlier
/// figure of the measure before it.
fn earlier_figures(prose: &str, mentions: &mut [Mention]) {
    let counted = |m: &Mention| matches!(m.kind, MentionKind::Count | MentionKind::Amount);
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let m = &mut rest[0];
        if !counted(m) || m.measure.is_some() || m.part_measure.is_some() {
            continue;
        }
        let lead = prose[..m.span.start].trim_end();
        if !["up from", "down from"]
            .iter()
            .any(|word| ends_with_ignoring_case(lead, word))
        {
            continue;
        }
        if let Some(previous) = before
            .iter()
            .rev()
            .find(|p| counted(p) && p.measure.is_some() && p.span.end <= m.span.start)
        {
            m.measure = previous.measure.clone();
            m.history = true;
            m.earlier = true;
        }
    }
}

/// "16 of the 24 deaths": the part takes the measure of the whole after it, and the
/// whole is marked as such. "Nine died in the Palisades fire and 16 in the Eaton fire":
/// a figure after "and" with no cue of its own, followed by "in", "at" or "from", is a
/// part of the same measure as the figure before it.
fn parts_and_wholes(prose: &str, mentions: &mut [Mention]) {
    let counted = |m: &Mention| matches!(m.kind, MentionKind::Count | MentionKind::Amount);
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let (a, b) = (&mut before[i - 1], &mut rest[0]);
        if !counted(a) || !counted(b) || a.span.end > b.span.start {
            continue;
        }
        let between = prose[a.span.end..b.span.start].trim().to_lowercase();
        let of_whole = matches!(
            between.as_str(),
            "of" | "of the" | "of those" | "of these" | "out of" | "out of the"
        );
        if of_whole && a.measure.is_none() && b.measure.is_some() {
            a.part_measure = b.measure.clone();
            b.whole_of_part = true;
            continue;
        }
        let after = prose[b.span.end..].trim_start();
        let opens = |p: &str| {
            after
                .get(..p.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(p))
        };
        let gapped = (between.ends_with(" and") || between == "and")
            && b.measure.is_none()
            && b.part_measure.is_none()
            && ["in ", "at ", "from "].into_iter().any(opens);
        if gapped {
            b.part_measure = a.part_measure.clone().or_else(|| a.measure.clone());
        }
    }
}

/// What a figure hyphenated to a word is joined to.
enum Joined {
    /// A one-word cue of a measure ("6.8-magnitude").
    Cue(std::sync::Arc<str>),
    /// A unit some measure is given in ("39-foot").
    Unit(std::sync::Arc<str>),
}

/// A figure hyphenated to a one-word cue of a measure or to a measure's unit, either way
/// round ("6.8-magnitude", "magnitude-6.8", "a 39-foot crest"): its value, its decimals
/// and what it is joined to.
fn joined_to_cue(word: &str, lexicon: &Lexicon) -> Option<(Interval, Option<f64>, Joined)> {
    let (a, b) = word.split_once('-')?;
    // "a 6.8-magnitude quake", "the 6,200-seat hall", "a six-day series": digits or a
    // number word in lower case, so never a name ("the Six-Day War"); the word comes
    // as written.
    let number = |t: &str| {
        (t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        .then(|| t.replace(',', "").parse::<f64>().ok())
        .flatten()
        .or_else(|| {
            t.chars()
                .all(|c| c.is_ascii_lowercase())
                .then(|| number::cardinal(&[t]))
                .flatten()
                .filter(|&(_, used)| used == 1)
                .map(|(x, _)| x)
        })
        .filter(|x| x.is_finite() && *x < 1e15)
    };
    let (x, cue) = match (number(a), number(b)) {
        (Some(x), None) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return None,
    };
    let cue = cue.to_lowercase();
    // "a 947-foot-long ship", "a 3.2-metre-wide alley": the unit, then the dimension.
    let cue = match cue.rsplit_once('-') {
        Some((unit, "long" | "wide" | "high" | "tall" | "deep" | "thick"))
            if lexicon.unit_words.contains_key(unit) =>
        {
            unit.to_string()
        }
        _ => cue,
    };
    let measure = lexicon
        .cues
        .get(cue.as_str())
        .and_then(|cues| cues.iter().find(|(words, _)| words.len() == 1))
        .and_then(|(_, m)| m.clone());
    let joined = match (measure, lexicon.unit_words.get(cue.as_str())) {
        (Some(measure), _) => Joined::Cue(measure),
        (None, Some(unit)) => Joined::Unit(unit.clone()),
        (None, None) => return None,
    };
    let value = if x.fract() == 0.0 {
        Interval::exact(x as u64)
    } else {
        Interval {
            min: x.floor() as u64,
            max: Some(x.ceil() as u64),
        }
    };
    Some((value, (x.fract() != 0.0).then_some(x), joined))
}

/// Reads the mentions of one sentence into `out`: at each word, the first of a date, an
/// age, an ordinal, a figure joined to a cue, a count or an amount that starts there;
/// then binds each count to its measure's cue.
fn scan_sentence(
    w: &Words,
    sentence: usize,
    published: Option<Day>,
    lexicon: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let mut scan = Scan {
        w,
        words: w.all_words(),
        sentence,
        published,
        lexicon,
        out,
        counts: Vec::new(),
        taken: Vec::new(),
    };
    let mut i = 0;
    while i < w.len() {
        i = scan
            .date(i)
            .or_else(|| scan.age(i))
            .or_else(|| scan.ordinal(i))
            .or_else(|| scan.joined_to_cue(i))
            .or_else(|| designator_at(w, i, &lexicon.vocabulary))
            .or_else(|| scan.clock(i))
            .or_else(|| scan.plus(i))
            .or_else(|| scan.quantity(i))
            .unwrap_or(i + 1);
    }
    scan.bind_counts();
}

/// A sentence being scanned: the mentions found in it so far and the words they take.
/// Each reader at word `i` returns the word after what it read, or `None` when nothing
/// of its kind starts there.
struct Scan<'s> {
    w: &'s Words<'s>,
    /// The sentence's lowercased words.
    words: Vec<&'s str>,
    sentence: usize,
    published: Option<Day>,
    lexicon: &'s Lexicon,
    out: &'s mut Vec<Mention>,
    /// Word ranges of the values found, to bind counts to cues afterwards: (mention
    /// index, start, end).
    counts: Vec<(usize, usize, usize)>,
    /// Word ranges of every value read, counted or not.
    taken: Vec<(usize, usize)>,
}

impl Scan<'_> {
    /// A date, or a weekday standing for a day, at word `i`.
    fn date(&mut self, i: usize) -> Option<usize> {
        let (w, lexicon, sentence) = (self.w, self.lexicon, self.sentence);
        let words = &self.words;
        let date = dates::read(w, i, self.published)?;
        let span = w.span_of(date.start, date.end);
        if let Some(range) = date.range {
            let mut m = Mention::new(span, sentence, MentionKind::Date, MentionValue::Date(range));
            m.weekday = date.weekday.map(|(d, at)| (d, w.span(at)));
            m.from_weekday = date.weekday.is_some() && date.end == date.start + 1;
            (m.occurrence, m.occurrence_kinds, m.said) =
                describes_occurrence(w, date.start, date.end, &lexicon.vocabulary);
            m.dateline = is_dateline(w, date.start, date.end);
            m.year_left_out = dates::year_left_out(w, date.start, date.end);
            m.noun_kinds = attribute_kinds(w, date.start, date.end, &lexicon.vocabulary);
            // "Crowds marked the anniversary on February 20": with no year, this
            // year's day of remembrance, something done about the event.
            if m.year_left_out
                && (0..words.len())
                    .any(|k| lexicon.vocabulary.recurring.starts(&words[k..]).is_some())
            {
                (m.occurrence, m.said) = (false, true);
            }
            self.out.push(m);
        } else if let Some((day, at)) = date.weekday {
            let mut m = Mention::new(
                span,
                sentence,
                MentionKind::Date,
                MentionValue::Weekday(day),
            );
            m.weekday = Some((day, w.span(at)));
            m.from_weekday = true;
            (m.occurrence, m.occurrence_kinds, m.said) =
                describes_occurrence(w, date.start, date.end, &lexicon.vocabulary);
            self.out.push(m);
        }
        self.taken.push((date.start, date.end));
        Some(date.end)
    }

    /// An age at word `i`, with the name it is the age of.
    fn age(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        let age = ages::read(w, i)?;
        let mut m = Mention::new(
            w.span_of(age.start, age.end),
            self.sentence,
            MentionKind::Age,
            MentionValue::Number(
                Interval::between(age.years, age.years_max).unwrap_or(Interval::exact(age.years)),
            ),
        );
        m.subject = age.subject.map(|(s, e)| w.span_of(s, e));
        m.of_group = age.of_group;
        self.out.push(m);
        self.taken.push((age.start, age.end));
        Some(age.end)
    }

    /// An ordinal at word `i` ("third", "one hundred twenty-fifth").
    fn ordinal(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        let (n, used) = ordinal_at(w, i)?;
        self.out.push(Mention::new(
            w.span_of(i, i + used),
            self.sentence,
            MentionKind::Ordinal,
            MentionValue::Number(Interval::exact(n)),
        ));
        self.taken.push((i, i + used));
        Some(i + used)
    }

    /// A figure hyphenated to a measure's cue or unit at word `i` (see [`joined_to_cue`]).
    fn joined_to_cue(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        // "a 6.8-magnitude quake", "magnitude-6.8": a figure joined to a measure's cue.
        let (value, figure, joined) =
            joined_to_cue(w.original(i).unwrap_or_default(), self.lexicon)?;
        let mut m = Mention::new(
            w.span_of(i, i + 1),
            self.sentence,
            MentionKind::Count,
            MentionValue::Number(value),
        );
        m.figure = figure;
        match joined {
            Joined::Cue(measure) => {
                m.measure = Some(measure);
                m.cue = Some(w.span(i));
            }
            // "the 39-foot crest": the cue is found as for any figure.
            Joined::Unit(unit) => {
                m.unit = Some(unit);
                self.counts.push((self.out.len(), i, i + 1));
            }
        }
        self.out.push(m);
        self.taken.push((i, i + 1));
        Some(i + 1)
    }

    /// A time of day at word `i` ("10:30"): no mention, but its words are taken.
    fn clock(&mut self, i: usize) -> Option<usize> {
        if is_clock(self.w, i) {
            self.taken.push((i, i + 3));
            return Some(i + 3);
        }
        None
    }

    /// A figure with "-plus" joined to it at word `i`.
    fn plus(&mut self, i: usize) -> Option<usize> {
        let w = self.w;
        // "the 160-plus who were unaccounted for": at least the number.
        let n = w
            .lower(i)
            .strip_suffix("-plus")
            .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()))
            .and_then(|d| d.replace(',', "").parse::<u64>().ok())?;
        let value = MentionValue::Number(Interval { min: n, max: None });
        self.counts.push((self.out.len(), i, i + 1));
        self.out.push(Mention::new(
            w.span(i),
            self.sentence,
            MentionKind::Count,
            value,
        ));
        self.taken.push((i, i + 1));
        Some(i + 1)
    }

    /// A count or an amount at word `i` (see [`read_quantity`]), unless it is the minutes
    /// of a time, a pronoun, or a measurement in a unit no measure is given in.
    fn quantity(&mut self, i: usize) -> Option<usize> {
        let (w, lexicon) = (self.w, self.lexicon);
        let starts_value = w.number_word(i).is_some()
            || !w.is_punct(i) && !w.lower(i).is_empty()
            || matches!(w.lower(i), "$" | "€" | "£" | "₹" | "¥" | "₩" | "฿" | "₺");
        // ".08": a decimal written without its zero.
        let leading_point = w.lower(i) == "."
            && w.number_word(i + 1).is_some()
            && w.span(i).end == w.span(i + 1).start
            && (i == 0 || w.span(i - 1).end < w.span(i).start);
        if (starts_value || leading_point)
            && let Some(found) = read_quantity(w, &self.words, i, lexicon)
            && !is_clock_minutes(w, i)
            && !is_pronoun(w, &found, &lexicon.vocabulary)
        {
            // "burned 14,117 acres": a measurement, unless the rulebook measures in acres
            // (a cue, or a measure's unit).
            let mut unit = None;
            if lexicon.vocabulary.measurement_units.has(w.lower(found.end))
                && lexicon.cue_at(w, found.end).is_none()
            {
                match lexicon.unit_words.get(w.lower(found.end)) {
                    Some(u) => unit = Some(u.clone()),
                    None => {
                        self.taken.push((found.start, found.end + 1));
                        return Some(found.end + 1);
                    }
                }
            }
            return Some(self.count_or_amount(found, unit));
        }
        None
    }

    /// Adds the mention of a figure read as a count or an amount, in `unit` if it is
    /// given in one, and returns the word after it.
    fn count_or_amount(
        &mut self,
        found: quantity::QuantityMatch,
        unit: Option<std::sync::Arc<str>>,
    ) -> usize {
        let (w, lexicon) = (self.w, self.lexicon);
        let mut end = found.end;
        let standalone_one = is_pronoun_one(w, lexicon, &found);
        let q = found.quantity;
        let kind = if q.currency.is_some() {
            MentionKind::Amount
        } else {
            MentionKind::Count
        };
        let value = match q.currency {
            Some(currency) => MentionValue::Amount {
                value: q.value,
                currency,
            },
            None => MentionValue::Number(q.value),
        };
        // "two others" / "two other people": the label covers the noun too.
        if matches!(w.lower(end), "others" | "other") {
            end += 1;
        }
        let mut m = Mention::new(w.span_of(found.start, end), self.sentence, kind, value);
        m.unit = unit;
        m.vague = q.vague;
        m.figure = q.figure.filter(|f| f.fract() != 0.0);
        // "One" standing alone ("by one count") is a mention, never a figure of a
        // measure; nor is a difference.
        if !standalone_one && !is_difference(w, lexicon, found.start) {
            self.counts.push((self.out.len(), found.start, end));
        }
        self.out.push(m);
        self.taken.push((found.start, end));
        end
    }

    /// Binds each count found to its measure (see [`bind_measure`]).
    fn bind_counts(self) {
        let w = self.w;
        let out = self.out;
        let starts: Vec<usize> = self.counts.iter().map(|&(_, s, _)| s).collect();
        for (index, start, end) in self.counts {
            // Another figure earlier in the clause ("killed 12 and injured 30 others").
            let figure_before = starts
                .iter()
                .any(|&s| s < start && !(s..start).any(|k| CLAUSE_END.contains(&w.lower(k))));
            let (earlier, rest) = out.split_at_mut(index);
            bind_measure(
                w,
                self.lexicon,
                &self.taken,
                (start, end, figure_before),
                earlier,
                &mut rest[0],
            );
        }
    }
}

/// "the toll rose by 12", "overcounted deaths by as many as 30": a figure right after
/// "by" that follows a verb of change is a difference, never the level of what changed.
fn is_difference(w: &Words, lexicon: &Lexicon, i: usize) -> bool {
    i >= 1
        && w.lower(i - 1) == "by"
        && verb_before(w, i - 1, |verb| {
            lexicon.vocabulary.change_verbs.has(verb)
                || (verb.starts_with("over") || verb.starts_with("under")) && verb.ends_with("ed")
        })
}

/// Whether one of the three words before word `at` (a preposition: "rose by",
/// "climbed from") is a verb `is_verb` accepts.
fn verb_before(w: &Words, at: usize, is_verb: impl Fn(&str) -> bool) -> bool {
    (1..=3).any(|back| at >= back && is_verb(w.lower(at - back)))
}

/// A quantity at word `i`. A number before a unit ("years", "days") is none, unless a
/// measure's cue is that unit: "his wife of 77 years" where the rulebook counts years
/// of marriage, "held for 444 days".
fn read_quantity(
    w: &Words,
    words: &[&str],
    i: usize,
    lexicon: &Lexicon,
) -> Option<quantity::QuantityMatch> {
    // "rose by one to 158", "has risen from 17 to 25": a change, not a range. The
    // figure is the one after "to"; the one before it is the difference or the
    // earlier level.
    let change = i >= 1
        && (w.lower(i - 1) == "by"
            || w.lower(i - 1) == "from"
                && verb_before(w, i - 1, |verb| lexicon.vocabulary.change_verbs.has(verb)));
    if change
        && let Some(range) = quantity::read(words, i, lexicon.tolerance)
        && let Some(to) = (i + 1..range.end).find(|&k| matches!(words[k], "to" | "-" | "–"))
    {
        return quantity::read(words, to + 1, lexicon.tolerance).filter(|m| m.end <= range.end);
    }
    quantity::read(words, i, lexicon.tolerance).or_else(|| {
        let unit =
            (i + 1..(i + 4).min(w.len())).find(|&k| lexicon.vocabulary.units.has(w.lower(k)))?;
        lexicon.cue_at(w, unit).and_then(|(_, m)| m)?;
        quantity::read(&words[..unit], i, lexicon.tolerance).filter(|f| f.end == unit)
    })
}

/// An ordinal starting at word `i`, of one or several words ("third", "one hundred
/// twenty-fifth"), and how many words it takes.
fn ordinal_at(w: &Words, i: usize) -> Option<(u64, usize)> {
    if !w.is_word(i) && w.number_word(i).is_none() {
        return None;
    }
    // An ordinal phrase starts with an ordinal or a number.
    let first = w.lower(i);
    if number::ordinal(first).is_none() && number::cardinal(&[first]).is_none() && first != "a" {
        return None;
    }
    let (ahead, len) = w.ahead::<12>(i);
    let (n, used) = number::ordinal_phrase(&ahead[..len])?;
    // "a hundredth", "a trillionth": fractions, not ranks.
    let fraction = used == 1 && n >= 100 && i > 0 && matches!(w.lower(i - 1), "a" | "one");
    (!fraction).then_some((n, used))
}

/// Whether words `i..i + 3` are a time of day written with a colon ("10:30", "13:39"):
/// two numbers with the colon glued between them. A spaced colon ("rose to 137: 11
/// suspects") is punctuation.
fn is_clock(w: &Words, i: usize) -> bool {
    w.number_word(i).is_some()
        && w.lower(i + 1) == ":"
        && w.number_word(i + 2).is_some()
        && w.span(i).end == w.span(i + 1).start
        && w.span(i + 1).end == w.span(i + 2).start
}

/// The "30" of "10:30".
fn is_clock_minutes(w: &Words, i: usize) -> bool {
    i >= 2 && is_clock(w, i - 2)
}

/// "The one you mentioned", "this one", "the first one", "one of them": a pronoun, not
/// a number, unless a person noun follows ("the one soldier who survived").
fn is_pronoun(w: &Words, found: &quantity::QuantityMatch, v: &crate::lexicon::Vocabulary) -> bool {
    if found.end != found.start + 1 || w.lower(found.start) != "one" {
        return false;
    }
    let next = w.lower(found.end);
    if v.person_nouns.has(next) {
        return false;
    }
    let before = found.start.checked_sub(1).map_or("", |p| w.lower(p));
    matches!(next, "of" | "another")
        || matches!(
            before,
            "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "no"
                | "any"
                | "some"
                | "another"
                | "such"
                | "last"
                | "other"
                | "same"
                | "next"
        )
        || number::ordinal(before).is_some()
}

/// "One" is a figure only beside a person noun or a cue ("one soldier", "killed one",
/// "one dead"); elsewhere it is a pronoun or an article ("by one count", "one of").
fn is_pronoun_one(w: &Words, lexicon: &Lexicon, found: &quantity::QuantityMatch) -> bool {
    if found.end != found.start + 1 || w.lower(found.start) != "one" {
        return false;
    }
    let next = w.lower(found.end);
    let counted = lexicon.vocabulary.person_nouns.has(next)
        || lexicon.cue_at(w, found.end).is_some()
        || (found.start > 0 && lexicon.cue_at(w, found.start - 1).is_some());
    !counted
}

/// A cue found near a figure: how far (in words that count), where, how long, the
/// measure it marks, and whether it follows the figure.
struct CueFound<'l> {
    distance: usize,
    at: usize,
    len: usize,
    measure: Option<&'l std::sync::Arc<str>>,
    forward: bool,
}

/// Finds the cue nearest to a count and sets its measure, and adds the named victim
/// for "X along with two others" and its kin. A part of a total ("16 of the 24
/// deaths") gets the measure it is a part of as `part_measure`, never as its measure.
fn bind_measure(
    w: &Words,
    lexicon: &Lexicon,
    taken: &[(usize, usize)],
    at: (usize, usize, bool),
    earlier: &[Mention],
    mention: &mut Mention,
) {
    let role = role_of(w, lexicon, at.0, at.1);
    match role {
        Role::Whole => bind_cue(w, lexicon, taken, at, mention),
        // "Another 672 people were injured" right after a death toll: more people, the
        // whole of their own measure, when the article's last figure is of another
        // measure. Else an addition ("another seven bodies were found", "four men were
        // held … seven more were detained").
        Role::Increment => {
            let value = mention.value.clone();
            bind_cue(w, lexicon, taken, at, mention);
            let last = earlier
                .iter()
                .rev()
                .find(|m| matches!(m.kind, MentionKind::Count | MentionKind::Amount));
            // "11 additional deaths", "five more deaths": the word of increment right
            // before the measure's own noun makes an addition to it, whatever came before.
            let of_its_noun = lexicon.vocabulary.increment_after.has(w.lower(at.1))
                && lexicon.cue_at(w, at.1 + 1).is_some();
            let added = of_its_noun
                || match last {
                    Some(last) => last.measure.is_none() || last.measure == mention.measure,
                    None => true,
                };
            if added {
                mention.measure = None;
                mention.cue = None;
                mention.value = value;
            }
        }
        Role::Part => {
            let value = mention.value.clone();
            bind_cue(w, lexicon, taken, at, mention);
            mention.part_measure = mention.measure.take();
            mention.cue = None;
            mention.value = value;
        }
        _ => {}
    }
    match role {
        Role::Whole | Role::Part | Role::Other => declared_part(w, lexicon, taken, at, mention),
        // "killed 50,783 in Turkey and thousands more in Syria": more of the whole, in
        // another of its parts.
        Role::Increment if mention.measure.is_none() => {
            let last_part = earlier
                .iter()
                .rev()
                .find(|m| matches!(m.kind, MentionKind::Count | MentionKind::Amount))
                .and_then(|m| m.measure.as_ref())
                .and_then(|m| lexicon.parts.iter().find(|p| p.measure == *m));
            if let Some(last) = last_part {
                mention.measure = Some(last.whole.clone());
                declared_part(w, lexicon, taken, at, mention);
                if mention.measure.as_ref() == Some(&last.whole)
                    || mention.measure.as_ref() == Some(&last.measure)
                {
                    mention.measure = None;
                    mention.cue = None;
                }
            }
        }
        _ => {}
    }
}

/// Whether the cue at words `at..at + len` is restricted to a group: followed by "of"
/// and a people named by a capitalised plural ("the death toll of Australians"), or
/// after "of" and such a people or a group's noun ("the number of children killed").
fn of_a_group(w: &Words, v: &crate::lexicon::Vocabulary, at: usize, len: usize) -> bool {
    let people = |k: usize| {
        w.is_word(k)
            && k > 0
            && w.original(k).is_some_and(|o| {
                o.starts_with(|c: char| c.is_uppercase())
                    && o.ends_with('s')
                    && !o.ends_with("'s")
                    && !o.ends_with("ss")
                    && o.chars().skip(1).all(char::is_lowercase)
            })
    };
    let after = at + len;
    let of_after = w.lower(after) == "of"
        && (people(after + 1) || w.lower(after + 1) == "the" && people(after + 2));
    // Not inside a name: "the Ministry of Refugees killed two".
    let lower_before = |k: usize| {
        k == 0
            || w.original(k - 1)
                .is_some_and(|o| !o.starts_with(|c: char| c.is_uppercase()))
    };
    let of_before = at >= 2
        && w.lower(at - 2) == "of"
        && lower_before(at - 2)
        && (people(at - 1) || v.group_nouns.starts(&[w.lower(at - 1)]).is_some());
    of_after || of_before
}

/// Whether a mention other than the one starting at `start` ends right before word
/// `at`: a cue there is that mention's ("eight missing, 31 in hospital").
fn ends_another(taken: &[(usize, usize)], start: usize, at: usize) -> bool {
    taken.iter().any(|&(s, e)| s != start && e == at)
}

/// The verbs of being among the change verbs ("is", "remains"): they take no object.
fn is_copula(word: &str) -> bool {
    matches!(
        word,
        "is" | "was" | "are" | "were" | "remains" | "remained" | "remain" | "stays" | "stayed"
    )
}

/// Whether a list of bare nouns goes on at word `k`, after the first noun of a count:
/// ", coaches, staff and" or ", coaches and staff": a comma, a word that is no number,
/// and another comma, "and" or "or".
fn heads_a_list_of_nouns(w: &Words, k: usize) -> bool {
    w.lower(k) == ","
        && w.is_word(k + 1)
        && !matches!(
            w.lower(k + 1),
            "and" | "or" | "including" | "among" | "all" | "most" | "many" | "some"
        )
        && matches!(w.lower(k + 2), "," | "and" | "or")
}

/// A part the rulebook declares (`parts:`), marked by the part's cue beside the figure
/// in its clause: "241 on board were killed" is the `on_board` part of `killed`. The
/// figure must already be of the whole's measure (or a part of it), or stand with no
/// measure in a sentence that names the whole's ("241 on board and 19 on the ground
/// died").
fn declared_part(
    w: &Words,
    lexicon: &Lexicon,
    taken: &[(usize, usize)],
    (start, end, _): (usize, usize, bool),
    mention: &mut Mention,
) {
    if lexicon.parts.is_empty() {
        return;
    }
    let whole = mention
        .measure
        .clone()
        .or_else(|| mention.part_measure.clone());
    // A part's own parts are candidates too ("four crew members aboard the plane": the
    // crew of those on the plane), so the cue nearest the figure decides.
    let wholes: Vec<std::sync::Arc<str>> = match &whole {
        Some(m) => vec![m.clone()],
        None => (0..w.len())
            .filter_map(|k| lexicon.cue_at(w, k).and_then(|(_, m)| m.cloned()))
            .collect(),
    };
    let candidates: Vec<&Part> = lexicon
        .parts
        .iter()
        .filter(|p| p.within.iter().any(|up| wholes.contains(up)))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let inside_other = |k: usize| taken.iter().any(|&(s, e)| s != start && k >= s && k < e);
    // "at Schemengees or bowled at Just-In-Time, 18 lives": past "or", the cue is one
    // of two scopes, neither the figure's.
    let stop = |k: usize| {
        let word = w.lower(k);
        CLAUSE_END.contains(&word)
            || matches!(word, "and" | "but" | "or" | "while" | "whereas")
            || inside_other(k)
    };
    // "killed 504 people, including disaster-related deaths": what the whole takes in.
    let includes = |k: usize| matches!(w.lower(k), "including" | "includes" | "include");
    let part_at = |k: usize| {
        candidates.iter().find_map(|p| {
            p.cues
                .iter()
                .find(|cue| w.phrase_at(k, cue))
                .map(|cue| (p, cue.len()))
        })
    };
    // "In Turkey, the agency put the toll at 50,783": a sentence that opens with a
    // part's cue and a comma scopes its figures to that part.
    let opening = part_at(0)
        .filter(|&(_, len)| w.lower(len) == "," && len < start)
        .map(|hit| (hit, 0));
    // "16 counts of dangerous driving causing death": the figure's noun phrase runs
    // through its "of" complement, and a part's cue may stand at its end.
    let reach_ahead = if (end..(end + 3).min(w.len())).any(|k| w.lower(k) == "of") {
        16
    } else {
        8
    };
    let mut found = None;
    for distance in 0..reach_ahead {
        let ahead = end + distance;
        if ahead < w.len() && !(end..=ahead).any(|k| stop(k) || includes(k)) {
            if let Some(hit) = part_at(ahead) {
                // "15 players, coaches, staff and a reporter": the first noun of a list
                // of nouns counted together is no part.
                if heads_a_list_of_nouns(w, ahead + hit.1) {
                    return;
                }
                found = Some((hit, ahead));
                break;
            }
        }
        if distance >= 8 {
            continue;
        }
        // "Eight children are among the 17 dead": a part's cue right after another
        // figure is that figure's.
        if let Some(back) = start.checked_sub(distance + 1)
            && !(back..start).any(stop)
            && let Some(hit) = part_at(back)
            && back + hit.1 <= start
            && !ends_another(taken, start, back)
        {
            found = Some((hit, back));
            break;
        }
    }
    let Some(((part, len), at)) = found.or(opening) else {
        return;
    };
    mention.measure = Some(part.measure.clone());
    mention.part_measure = None;
    mention.cue = Some(w.span_of(at, at + len));
}

/// Finds the cue of a count at words `start..end`, ahead of it or behind it in its
/// clause (or the subject of a change it is the level of), and sets the count's measure
/// and cue; a measure restricted to a group makes it a part, and a named victim beside
/// it ("X along with two others") is added to it.
fn bind_cue(
    w: &Words,
    lexicon: &Lexicon,
    taken: &[(usize, usize)],
    (start, end, figure_before): (usize, usize, bool),
    mention: &mut Mention,
) {
    let mut best = cue_ahead(w, lexicon, taken, start, end);
    let (behind, subject_cue) = cue_behind(w, lexicon, taken, (start, end, figure_before));
    if let Some(cue) = behind
        && best.as_ref().is_none_or(|b| cue.distance < b.distance)
    {
        best = Some(cue);
    }
    let Some(CueFound {
        at,
        len,
        measure,
        forward,
        ..
    }) = with_subject(w, best, subject_cue)
    else {
        return;
    };
    let Some(measure) = measure else {
        return;
    };
    if let Some((scoped, len)) = scoped_by_place(w, lexicon, start, measure) {
        mention.measure = Some(scoped.clone());
        mention.cue = Some(w.span_of(0, len));
        return;
    }
    mention.measure = Some(measure.clone());
    mention.cue = Some(w.span_of(at, at + len));
    // "the death toll of Australians … to nine", "the number of children killed":
    // a measure restricted to a group counts a part of it.
    if of_a_group(w, &lexicon.vocabulary, at, len) {
        mention.part_measure = mention.measure.take();
        mention.cue = None;
        return;
    }
    if mention.kind == MentionKind::Count
        && !figure_before
        && names_another_victim(w, start, end, forward, &lexicon.vocabulary)
    {
        add_named_victim(w, start, end, mention);
    }
}

/// Whether word `k` lies inside a value other than the one starting at `start`.
fn inside_other(taken: &[(usize, usize)], start: usize, k: usize) -> bool {
    taken.iter().any(|&(s, e)| s != start && k >= s && k < e)
}

/// What word `k` adds to a cue's distance from its figure: nothing for a transparent
/// word or a comma, one for any other.
fn cue_cost(w: &Words, lexicon: &Lexicon, k: usize) -> usize {
    let word = w.lower(k);
    if lexicon.vocabulary.transparent.has(word) || w.is_punct(k) && word == "," {
        0
    } else {
        1
    }
}

/// The cue after a count at words `start..end`, in its clause and within ten words.
fn cue_ahead<'l>(
    w: &Words,
    lexicon: &'l Lexicon,
    taken: &[(usize, usize)],
    start: usize,
    end: usize,
) -> Option<CueFound<'l>> {
    // Forward: "five people were killed".
    let mut best: Option<CueFound> = None;
    let mut distance = 0;
    let mut k = end;
    let mut steps = 0;
    while k < w.len() && steps < 10 {
        if CLAUSE_END.contains(&w.lower(k)) || inside_other(taken, start, k) {
            break;
        }
        // "more than 330 people, about half of them children, were killed": an aside
        // set off by commas holds no cue of the figure's.
        if w.lower(k) == ","
            && let Some(close) = (k + 1..(k + 9).min(w.len())).find(|&j| w.lower(j) == ",")
            && !(k + 1..close)
                .any(|j| CLAUSE_END.contains(&w.lower(j)) || inside_other(taken, start, j))
        {
            k = close + 1;
            steps += 1;
            continue;
        }
        // "raising the toll to 11 and dimming hopes of finding survivors": past a
        // conjunction that opens another verb phrase, a cue is that phrase's.
        if k >= end
            && matches!(w.lower(k), "and" | "but" | "while" | "whereas")
            && lexicon.cue_at(w, k + 1).is_none()
            && w.number_word(k + 1).is_none()
        {
            break;
        }
        if let Some((len, measure)) = lexicon.cue_at(w, k) {
            // "killed 18 people, wounded 13", "the 18 victims and wounding 13 others": a
            // cue followed by a figure of its own is that figure's.
            let next = k + len;
            let owned = k > end && w.number_word(next).is_some();
            if !owned {
                best = Some(CueFound {
                    distance,
                    at: k,
                    len,
                    measure,
                    forward: true,
                });
            }
            break;
        }
        distance += cue_cost(w, lexicon, k);
        k += 1;
        steps += 1;
    }
    best
}

/// The cues before a count at words `start..end`: the nearest one in its clause, and
/// the cue of what changed when the count is the level it changed to ("the death toll
/// … rose to 16"), which the search reaches back further for.
fn cue_behind<'l>(
    w: &Words,
    lexicon: &'l Lexicon,
    taken: &[(usize, usize)],
    (start, end, figure_before): (usize, usize, bool),
) -> (Option<CueFound<'l>>, Option<CueFound<'l>>) {
    // Backward: "killed at least five". "X along with two others" may stand far from
    // the verb that governs X ("killed Khalil Haqqani, the minister of …, along with two
    // others"), so it looks back to the start of the clause.
    let mut reach = if is_companion(w, start, end) { 30 } else { 8 };
    let origin = after_origin(w, start);
    let mut distance = 0;
    let mut k = start;
    let mut steps = 0;
    let mut past_aside = false;
    let mut subject = false;
    let mut subject_cue: Option<CueFound> = None;
    if changes_an_object(w, lexicon, start) {
        reach = 24;
        subject = true;
    }
    while k > 0 && steps < reach {
        k -= 1;
        steps += 1;
        if reach > 8
            && let Some((open, relative)) = aside_ending_at(w, k)
        {
            k = open;
            past_aside |= relative;
            continue;
        }
        // "6 Bodies Recovered From the Island, Death Toll Rises to 14": the subject
        // found, a comma before it ends its phrase.
        if subject_cue.is_some() && w.lower(k) == "," {
            break;
        }
        // Back to a far subject, a date on the way ("on Friday (March 22) night") is
        // passed over.
        if CLAUSE_END.contains(&w.lower(k)) || inside_other(taken, start, k) && reach <= 8 || origin
        {
            break;
        }
        // "238 have been accounted for and 11 are still missing": the cue before the
        // conjunction is the earlier figure's.
        if figure_before && !past_aside && matches!(w.lower(k), "and" | "but" | "while" | "whereas")
        {
            break;
        }
        let found = cue_ending_at(w, lexicon, k);
        // "rose to 131": the level of what rose; the verb names no measure, and what
        // rose may stand far back ("the death toll from Friday's massive earthquake
        // surged to 2,886"): the search goes on to the start of the clause.
        if is_change_to(w, lexicon, k) && k + 2 >= start {
            reach = reach.max(steps + 24);
            subject = true;
        }
        let found = found.filter(|&(at, len, _)| !(len == 1 && is_change_to(w, lexicon, at)));
        // "eight missing, 31 in hospital": a cue right after another figure is that
        // figure's.
        if let Some((at, _, _)) = found
            && at > 0
            && (w.number_word(at - 1).is_some() || number::cardinal(&[w.lower(at - 1)]).is_some())
            && ends_another(taken, start, at)
        {
            break;
        }
        if let Some((at, len, measure)) = found {
            let cue = CueFound {
                distance,
                at,
                len,
                measure,
                forward: false,
            };
            // What rose is the subject: its first cue, not one in a phrase after it
            // ("the number of fatalities from the quake that affected thousands has
            // risen to 2,862", "the toll from the magnitude 7 quake rose to 2,854").
            if subject {
                // "the official tally of storm-related deaths": a word for any figure
                // ("tally", "number") before the cue that names the measure leaves it.
                if cue.measure.is_some() || subject_cue.as_ref().is_none_or(|c| c.measure.is_none())
                {
                    subject_cue = Some(cue);
                }
                k = at;
                continue;
            }
            return (Some(cue), subject_cue);
        }
        distance += cue_cost(w, lexicon, k);
    }
    (None, subject_cue)
}

/// Whether a count at words `start..end` is of companions of someone named ("X along
/// with two others", "alongside three"), whose cue may stand far back.
fn is_companion(w: &Words, start: usize, end: usize) -> bool {
    matches!(w.lower(end - 1), "others" | "other")
        || start >= 2
            && matches!(
                (w.lower(start - 2), w.lower(start - 1)),
                ("along" | "together", "with")
            )
        || start >= 1 && w.lower(start - 1) == "alongside"
}

/// Whether a count at word `start` says where from ("from the two neighbouring
/// countries"), so no cue before it measures it.
fn after_origin(w: &Words, start: usize) -> bool {
    // "deported from the two neighbouring countries", "rose from 61": a figure right
    // after these says where from, not how many the cue before it measures.
    let mut p = start;
    while p > 0 && matches!(w.lower(p - 1), "the" | "its" | "their" | "these" | "those") {
        p -= 1;
    }
    p > 0 && matches!(w.lower(p - 1), "from" | "between" | "across")
}

/// Whether a count at word `start` is what a change verb earlier in its clause changed
/// its object to ("brings the death toll … to 16").
fn changes_an_object(w: &Words, lexicon: &Lexicon, start: usize) -> bool {
    // "brings the death toll from last Friday's crash to 16": a change verb that takes
    // what changed as its object stands before it, and "to" before the figure; what
    // changed is found as a subject is.
    start >= 2
        && matches!(w.lower(start - 1), "to" | "at")
        && (start.saturating_sub(14)..start - 1)
            .rev()
            .take_while(|&j| !CLAUSE_END.contains(&w.lower(j)))
            .any(|j| lexicon.vocabulary.change_verbs.has(w.lower(j)) && !is_copula(w.lower(j)))
}

/// An aside that closes at word `k`, looking back: where it opens, and whether it is a
/// relative clause (rather than a parenthesis).
fn aside_ending_at(w: &Words, k: usize) -> Option<(usize, bool)> {
    // "The death toll for both fires, which have destroyed hundreds of homes, has
    // risen to 16": a relative clause between the subject and its verb is skipped
    // on the way back to the subject.
    if w.lower(k) == ","
        && let Some(open) = (k.saturating_sub(24)..k).rev().find(|&j| w.lower(j) == ",")
        && matches!(w.lower(open + 1), "which" | "who" | "that" | "where")
    {
        return Some((open, true));
    }
    // "… on Friday (March 22) night in Russia has risen to 133": so is a parenthesis.
    if w.lower(k) == ")"
        && let Some(open) = (k.saturating_sub(12)..k).rev().find(|&j| w.lower(j) == "(")
    {
        return Some((open, false));
    }
    None
}

/// A cue ending at word `k`: its first word, its length and its measure.
fn cue_ending_at<'l>(
    w: &Words,
    lexicon: &'l Lexicon,
    k: usize,
) -> Option<(usize, usize, Option<&'l std::sync::Arc<str>>)> {
    // A cue ending here (multi-word cues are found from their first word).
    (0..4).filter(|back| *back <= k).find_map(|back| {
        lexicon
            .cue_at(w, k - back)
            .filter(|(len, _)| k - back + len == k + 1)
            .map(|(len, m)| (k - back, len, m))
    })
}

/// Whether word `at` is a change verb followed by "to", "from", "by" or "at" ("rose
/// to").
fn is_change_to(w: &Words, lexicon: &Lexicon, at: usize) -> bool {
    lexicon.vocabulary.change_verbs.has(w.lower(at))
        && matches!(w.lower(at + 1), "to" | "from" | "by" | "at")
}

/// The cue a count takes: the `best` found beside it, or the `subject_cue` of what
/// changed to it when none follows right after it or the one after it is only what it
/// is counted in.
fn with_subject<'l>(
    w: &Words,
    best: Option<CueFound<'l>>,
    subject_cue: Option<CueFound<'l>>,
) -> Option<CueFound<'l>> {
    // "his majority fell to 66 seats", "the death toll rose to 50 people": what rose
    // is the subject; the plural noun right after the figure is only what it is
    // counted in. A word of state after it ("rose to 12 dead") still names the measure.
    let counted_in = best.as_ref().is_some_and(|b| {
        b.forward
            && b.distance == 0
            && b.len == 1
            && looks_plural(w.lower(b.at))
            && subject_cue
                .as_ref()
                .is_some_and(|s| s.measure.is_some() && s.measure != b.measure && s.distance <= 3)
    });
    if let Some(cue) = subject_cue
        && best
            .as_ref()
            .is_none_or(|b| !b.forward || b.distance > 0 || counted_in)
    {
        return Some(cue);
    }
    best
}

/// The measure cued by the place a sentence opens with, and its cue's length, when it
/// is another than `measure`.
fn scoped_by_place<'l>(
    w: &Words,
    lexicon: &'l Lexicon,
    start: usize,
    measure: &std::sync::Arc<str>,
) -> Option<(&'l std::sync::Arc<str>, usize)> {
    // "In Turkey, the agency put the national toll at 50,783": a sentence that opens
    // with a place scopes its figures there, so a measure cued by "in Turkey" wins.
    if w.lower(0) == "in"
        && let Some(comma) = (1..start.min(6)).find(|&k| w.lower(k) == ",")
        && let Some((len, Some(scoped))) = lexicon.cue_at(w, 0)
        && len == comma
        && scoped.as_ref() != measure.as_ref()
    {
        return Some((scoped, len));
    }
    None
}

/// Counts the named victim beside a count at words `start..end` ("X along with two
/// others"), and labels the whole phrase.
fn add_named_victim(w: &Words, start: usize, end: usize, mention: &mut Mention) {
    if let MentionValue::Number(v) = &mut mention.value {
        *v = v.plus(1);
    }
    // Label the whole "along with two others".
    let mut s = start;
    while s > 0 && matches!(w.lower(s - 1), "along" | "with" | "together" | "alongside") {
        s -= 1;
    }
    mention.span = w.span_of(s, end);
}

/// Whether a count stands beside a named victim it does not include: "X along with two
/// others", "X and two others were killed", "claimed the lives of two others". Never
/// after another figure in the clause: "killed 12 and injured 30 others" and
/// "destroyed 6,837 structures and damaged 1,017 others" reckon "others" from it.
fn names_another_victim(
    w: &Words,
    start: usize,
    end: usize,
    forward: bool,
    v: &crate::lexicon::Vocabulary,
) -> bool {
    let before = |n: usize| start.checked_sub(n).map_or("", |i| w.lower(i));
    if matches!(
        (before(2), before(1)),
        ("along", "with") | ("together", "with") | ("as", "well") | (_, "alongside")
    ) || (before(3), before(2), before(1)) == ("as", "well", "as")
    {
        return true;
    }
    let others = matches!(w.lower(end - 1), "others" | "other");
    if !others {
        return false;
    }
    // "Seoul, Sejong and 17 other regions": others of a kind that is no one.
    if w.lower(end - 1) == "other" {
        let (noun, n) = w.ahead::<3>(end);
        let someone = v.person_nouns.starts(&noun[..n]).is_some()
            || v.group_nouns.starts(&noun[..n]).is_some()
            || v.whole_nouns.starts(&noun[..n]).is_some()
            || noun[..n]
                .first()
                .is_some_and(|w| v.person_nouns.has(w.strip_suffix('s').unwrap_or(w)));
        if !someone {
            return false;
        }
    }
    if matches!(before(1), "and" | "plus" | "with") {
        // "X and two others", "X, the minister, and two others": the word before "and"
        // must name someone, not be a verb.
        let back = if before(2) == "," { 3 } else { 2 };
        let name = before(back);
        return !name.is_empty()
            && !v.occurrence_words.has(name)
            && !v.transparent.has(name)
            && start >= back
            && !w.is_punct(start - back);
    }
    // "killed two others", "claimed the lives of two others".
    !forward
}

/// What a count counts, read from the words around it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// The whole of what its cue measures ("killed 179 people").
    Whole,
    /// A part of a total ("including nine soldiers", "nine of the dead", "four
    /// medical students"): not the measure's figure.
    Part,
    /// An addition to a figure given elsewhere ("another seven", "dozens more").
    Increment,
    /// A forecast or a possibility ("could exceed 200"), not a claim of fact.
    Forecast,
    /// A count of something else, named by its own noun ("60 ambulances").
    Other,
}

/// How the words around a count say what it counts. A count of a narrower group
/// than the measure's ("nine members of a family", "four medical students") is a part,
/// as is one said to be among or of others; only a count with no noun, a noun for
/// everyone ("people", "victims") or a measure's own cue word is the measure's figure.
fn role_of(w: &Words, lexicon: &Lexicon, start: usize, end: usize) -> Role {
    let v = &*lexicon.vocabulary;
    let before: Vec<&str> = (start.saturating_sub(4)..start)
        .map(|k| w.lower(k))
        .collect();
    let (after, n) = w.ahead::<4>(end);
    let after = &after[..n];
    if forecast_before(w, v, start) || forecast_after(w, lexicon, end, after) {
        return Role::Forecast;
    }
    if v.increment_before.ends(&before).is_some()
        || after.first().is_some_and(|a| v.increment_after.has(a))
    {
        return Role::Increment;
    }
    let (mut noun, own_cue) = own_noun(w, lexicon, end);
    // "Haqqani was killed along with several staff members": companions of someone
    // named, counted with them, whatever they are.
    let companion = before.ends_with(&["along", "with"])
        || before.ends_with(&["together", "with"])
        || before.last() == Some(&"alongside");
    if companion && noun == Some(Role::Part) {
        noun = Some(Role::Whole);
    }
    // "Of the 295 people killed, 29 bodies are still unidentified": a part of the
    // group the clause opens with.
    let of_the_group = w.lower(0) == "of"
        && matches!(w.lower(1), "the" | "those" | "these")
        && (1..start).any(|k| w.lower(k) == ",");
    let still = still_so(w, v, end);
    let part_before = of_the_group || still || v.part_before.ends(&before).is_some();
    let part_after = part_after(w, lexicon, start, after);
    // "133 dead, including three children", where the rulebook counts the children: a
    // part of the toll, and the whole of the measure its own noun cues.
    let own_measure = own_cue && !of_the_group && !still && !part_after;
    match noun {
        _ if own_measure => Role::Whole,
        _ if part_before || part_after => Role::Part,
        Some(role) => role,
        None => Role::Whole,
    }
}

/// Whether word `k` is a forecast or modal word ("could", "may", "expected").
fn is_forecast_word(w: &Words, v: &crate::lexicon::Vocabulary, k: usize) -> bool {
    // A forecast or modal word; "May" capitalised is the month.
    let word = w.lower(k);
    let capital = w
        .original(k)
        .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()));
    v.forecast.has(word) && !(word == "may" && capital)
}

/// Whether a forecast word comes before the count at word `start` in its clause
/// (within eight words).
fn forecast_before(w: &Words, v: &crate::lexicon::Vocabulary, start: usize) -> bool {
    // Forecasts: a modal or forecast word earlier in the clause.
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        k -= 1;
        steps += 1;
        let word = w.lower(k);
        // "could rise eightfold, to as many as 20,000": a comma inside the clause.
        if CLAUSE_END.contains(&word) || matches!(word, "and" | "but" | "while") {
            break;
        }
        if is_forecast_word(w, v, k) {
            return true;
        }
    }
    false
}

/// Whether the words after a count ending at word `end` (the first of them `after`) make
/// it a forecast: "feared", "expected", or a modal before its cue.
fn forecast_after(w: &Words, lexicon: &Lexicon, end: usize, after: &[&str]) -> bool {
    let v = &*lexicon.vocabulary;
    if after
        .first()
        .is_some_and(|a| matches!(*a, "feared" | "expected" | "likely"))
    {
        return true;
    }
    // "18,000 to 20,000 people may have died": a modal between the figure and its cue.
    for k in end..(end + 5).min(w.len()) {
        // "… is at 82 and is expected to rise": past "and", another verb phrase.
        // "rose to 131 on Monday as authorities warned of more rain": past a word that
        // opens another clause, a forecast is that clause's.
        if lexicon.cue_at(w, k).is_some()
            || w.is_punct(k)
            || matches!(
                w.lower(k),
                "and" | "but" | "as" | "while" | "when" | "after" | "before" | "because" | "since"
            )
        {
            break;
        }
        if is_forecast_word(w, v, k) {
            return true;
        }
    }
    false
}

/// The role the noun after a count ending at word `end` gives it (`None` with no noun
/// that says), and whether that noun is a measure's cue.
fn own_noun(w: &Words, lexicon: &Lexicon, end: usize) -> (Option<Role>, bool) {
    let v = &*lexicon.vocabulary;
    // The count's own noun, past modifiers and capitalised words ("two Thai nationals").
    let mut noun = None;
    let mut own_cue = false;
    for k in end..(end + 4).min(w.len()) {
        let word = w.lower(k);
        // Its own noun is a measure's cue ("three children" where children are counted).
        if lexicon.cue_at(w, k).is_some() {
            noun = Some(Role::Whole);
            own_cue = true;
            break;
        }
        let (rest, len) = w.ahead::<3>(k);
        if v.whole_nouns.starts(&rest[..len]).is_some() {
            noun = Some(Role::Whole);
            break;
        }
        let capital = w
            .original(k)
            .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()));
        if v.modifiers.has(word) || capital && w.is_word(k) {
            continue;
        }
        // "two teenage brothers": an adjective before a group's noun.
        if k == end
            && w.is_word(k)
            && !looks_plural(word)
            && v.group_nouns.starts(&[w.lower(k + 1)]).is_some()
        {
            continue;
        }
        if v.group_nouns.starts(&rest[..len]).is_some() {
            noun = Some(Role::Part);
        } else if w.is_word(k)
            && looks_plural(word)
            && !v.transparent.has(word)
            && !lexicon.names_measure(word)
        {
            // "60 ambulances", "12 families": a count of its own noun, which is no
            // measure's cue, no measure's name and no word for everyone.
            noun = Some(Role::Other);
        }
        break;
    }
    (noun, own_cue)
}

/// Whether the words after a count ending at word `end` say some of those counted are
/// still in a state ("remain in hospital"), which makes the count a part.
fn still_so(w: &Words, v: &crate::lexicon::Vocabulary, end: usize) -> bool {
    // "Eighty people injured in the attack … remain in hospital": those still so, in
    // the figure's own clause ("28 on board and no one escaped, some remain in
    // serious condition" counts all on board) and with no other figure between ("18,
    // with 17 still in hospital"); an aside set off by commas ("including six
    // children,") is passed over.
    let mut k = end;
    let mut found = false;
    while k < w.len() {
        let word = w.lower(k);
        if matches!(word, "and" | "but" | "while" | "whereas" | ";") {
            break;
        }
        if word == "," && v.part_before.starts(&[w.lower(k + 1)]).is_some() {
            match (k + 1..w.len()).find(|&j| w.lower(j) == ",") {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => break,
            }
        }
        let number = w.number_word(k).is_some()
            || !matches!(word, "a" | "an") && number::cardinal(&[word]).is_some();
        if number {
            break;
        }
        let (rest, n) = w.ahead::<4>(k);
        if v.state_after.starts(&rest[..n]).is_some() {
            found = true;
            break;
        }
        k += 1;
    }
    found
}

/// Whether the words after a count at words `start..` (the first of them `after`) make
/// it a part of others: "nine of the dead", "38 of us", "among the dead".
fn part_after(w: &Words, lexicon: &Lexicon, start: usize, after: &[&str]) -> bool {
    let v = &*lexicon.vocabulary;
    // "nine of the dead", "38 of us"; not "dozens of people", and not "killing 129 of
    // the 167 passengers", where the figure is the killed and the whole another count.
    let of_another_count = after.first().is_some_and(|a| *a == "of")
        && after.get(1) == Some(&"the")
        && after
            .get(2)
            .is_some_and(|b| b.starts_with(|c: char| c.is_ascii_digit()))
        && start > 0
        && lexicon.cue_at(w, start - 1).is_some();
    !of_another_count
        && after.first().is_some_and(|a| v.part_after.has(a))
        && after.get(1).is_some_and(|b| {
            matches!(
                *b,
                "the"
                    | "them"
                    | "us"
                    | "those"
                    | "these"
                    | "whom"
                    | "which"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
            ) || b.starts_with(|c: char| c.is_ascii_digit())
        })
        || v.part_following.starts(after).is_some()
}

/// Whether a lower-case word looks like a plural noun ("ambulances", "families").
fn looks_plural(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with("'s")
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// A number that is a designator, not a figure: after a designator noun ("flight
/// 171", "route 9", "category 4"), after a code ("AI 171", "7C 2216") or after a
/// capitalised word that is not the sentence's first ("Boeing 737-800", "Airbus
/// 320"), and one that comes right before a capitalised name ("4 Chloe Childress").
/// Returns the word after the designator's last part.
fn designator_at(w: &Words, i: usize, v: &crate::lexicon::Vocabulary) -> Option<usize> {
    let capital = |k: usize| {
        w.is_word(k)
            && w.original(k)
                .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()))
    };
    // "World War Two", "Apollo Eleven": a capitalised number word after a capitalised
    // word inside the sentence is part of a name.
    let title_case = || {
        let words: Vec<usize> = (0..w.len()).filter(|&k| w.is_word(k)).collect();
        words.len() >= 4 && words.iter().filter(|&&k| capital(k)).count() * 10 >= words.len() * 7
    };
    if w.number_word(i).is_none() {
        let named = i > 1
            && capital(i)
            && capital(i - 1)
            && number::cardinal(&[w.lower(i)]).is_some()
            && !v.not_designators.has(w.lower(i - 1))
            && crate::date::month_from_name(w.lower(i - 1)).is_none()
            && !is_weekday_word(w.lower(i - 1))
            && !title_case();
        return named.then_some(i + 1);
    }
    let prev = i.checked_sub(1);
    let glued_to_prev = prev.is_some_and(|p| w.span(p).end == w.span(i).start);
    let by_word = prev.is_some_and(|p| {
        let word = w.lower(p);
        let original = w.original(p).unwrap_or("");
        let code = original.len() >= 2
            && original
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && original.chars().any(|c| c.is_ascii_uppercase())
            && !v.not_designators.has(word);
        !glued_to_prev
            && (v.designators.has(word)
                || code
                || p > 0
                    && capital(p)
                    && !v.not_designators.has(word)
                    && crate::date::month_from_name(word).is_none()
                    && !is_weekday_word(word)
                    && !title_case())
    });
    let before_name = i + 2 < w.len()
        && capital(i + 1)
        && capital(i + 2)
        && !w.lower(i + 1).is_empty()
        && w.span(i).end < w.span(i + 1).start;
    if !by_word && !before_name {
        return None;
    }
    // Skip the parts written onto it: "737-800", "2216A".
    let mut end = i + 1;
    while end < w.len() && w.span(end - 1).end == w.span(end).start && !w.is_punct(end)
        || end + 1 < w.len()
            && matches!(w.lower(end), "-" | "/")
            && w.span(end - 1).end == w.span(end).start
            && w.span(end).end == w.span(end + 1).start
    {
        end += if w.is_punct(end) { 2 } else { 1 };
    }
    Some(end)
}

fn is_weekday_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches("'s"),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Whether the words around a date say something happened on it.
fn describes_occurrence(
    w: &Words,
    start: usize,
    end: usize,
    v: &crate::lexicon::Vocabulary,
) -> (bool, Vec<String>, bool) {
    // Nearest distance, in words, to a word of each kind on either side.
    let mut near = Nearest {
        occurrence: None,
        reporting: None,
        kinds: Vec::new(),
    };
    let relative = in_relative_clause(w, start);
    near.look(w, v, &mut (end..w.len()), 8, true, relative);
    near.look(w, v, &mut (0..start).rev(), 10, false, relative);
    if dates_a_figure(w, start, end, v) {
        return (false, Vec::new(), true);
    }
    if let Some(kinds) = of_a_kind_noun(w, start, end, v, near.reporting) {
        return (true, kinds, false);
    }
    let Nearest {
        occurrence,
        reporting,
        kinds,
    } = near;
    let happened = match (occurrence, reporting) {
        (Some(o), Some(r)) => o < r,
        (Some(_), None) => true,
        _ => false,
    };
    let said = reporting.is_some() && !happened;
    (happened, if happened { kinds } else { Vec::new() }, said)
}

/// Whether a date at word `start` stands inside a relative clause, or a clause of time
/// or cause, opened since the last comma before it.
fn in_relative_clause(w: &Words, start: usize) -> bool {
    // "The ferry, which entered service in 2017, sank": a date inside a relative
    // clause is not dated by the verb after the clause closes.
    // So is a date inside a clause of time or cause: "when it collided with a truck on
    // April 6, has died".
    (0..start)
        .rev()
        .take_while(|&k| w.lower(k) != ",")
        .any(|k| {
            matches!(
                w.lower(k),
                "which"
                    | "who"
                    | "whose"
                    | "when"
                    | "where"
                    | "while"
                    | "because"
                    | "after"
                    | "before"
            )
        })
}

/// The words nearest a date, in words, that say something happened (`occurrence`) or
/// was reported (`reporting`), and the kinds of event the nearest word of happening
/// names.
struct Nearest {
    occurrence: Option<usize>,
    reporting: Option<usize>,
    kinds: Vec<String>,
}

impl Nearest {
    /// Walks the words `indices` away from a date, `forward` or back, up to `reach`
    /// words and never past the end of its clause (nor, inside a `relative` clause, past
    /// a comma ahead), noting each word of happening or of reporting.
    fn look(
        &mut self,
        w: &Words,
        v: &crate::lexicon::Vocabulary,
        indices: &mut dyn Iterator<Item = usize>,
        reach: usize,
        forward: bool,
        relative: bool,
    ) {
        let mut distance = 0;
        for k in indices {
            let word = w.lower(k);
            if CLAUSE_END.contains(&word) || distance >= reach || forward && relative && word == ","
            {
                break;
            }
            // "in Derna on Tuesday after two dams burst": what follows "after" is
            // another, earlier happening.
            // "on Tuesday as identification of those killed went on": nor what follows
            // a word that opens another clause.
            if forward
                && matches!(
                    word,
                    "after"
                        | "before"
                        | "since"
                        | "following"
                        | "until"
                        | "and"
                        | "but"
                        | "as"
                        | "while"
                        | "whereas"
                        | "because"
                )
            {
                break;
            }
            if w.is_punct(k) {
                continue;
            }
            self.note(w, v, k, distance);
            distance += 1;
        }
    }

    /// Notes word `k`, `distance` words from the date, if it is a word of happening or
    /// of reporting.
    fn note(&mut self, w: &Words, v: &crate::lexicon::Vocabulary, k: usize, distance: usize) {
        let word = w.lower(k);
        let word = word.strip_suffix("'s").unwrap_or(word);
        // "the death toll Monday": a date of the figure, not of the event.
        let figure_noun = matches!(w.lower(k + 1), "toll" | "tolls" | "count" | "tally");
        let (phrase, n) = w.ahead::<3>(k);
        let verb_len = v.occurrence_verbs.starts(&phrase[..n]);
        let verb = verb_len.is_some();
        if (v.occurrence_words.has(word) || verb) && !figure_noun {
            if self.occurrence.is_none_or(|o| distance < o) {
                self.kinds =
                    if v.occurrence_words.has(word) || v.happened.starts(&phrase[..n]).is_some() {
                        Vec::new()
                    } else {
                        v.kinds_of_verb(&phrase[..n])
                            .into_iter()
                            .map(String::from)
                            .collect()
                    };
            }
            self.occurrence = Some(self.occurrence.map_or(distance, |o| o.min(distance)));
        }
        // "opened fire on Friday": a verb of happening of several words outranks
        // its first word's sense of reporting ("opened").
        // "was first reported on Jan. 7": nor does the tail of one.
        let tail_of_verb = || {
            (1..=2).any(|back| {
                k >= back && {
                    let (phrase, n) = w.ahead::<3>(k - back);
                    v.occurrence_verbs
                        .starts(&phrase[..n])
                        .is_some_and(|l| l > back)
                }
            })
        };
        if v.reporting.has(word) && verb_len.is_none_or(|l| l < 2) && !tail_of_verb() {
            self.reporting = Some(self.reporting.map_or(distance, |r| r.min(distance)));
        }
    }
}

/// Whether the date in words `start..end` is the day a figure stood or changed, not
/// the day of the event: "the toll on Monday increased", "as of Sunday", "120 by
/// Monday", "Monday's death toll".
fn dates_a_figure(w: &Words, start: usize, end: usize, v: &crate::lexicon::Vocabulary) -> bool {
    // "the toll on Monday increased to 278": the day of the change, not of the event;
    // "as of Sunday", "by Monday": the day a figure stood.
    // "up from 543 on Friday", "120 by Monday": a date right after a figure dates it.
    // "figures on Saturday showed": so does one right after a figure's noun.
    let after_figure = start >= 2
        && matches!(w.lower(start - 1), "on" | "by")
        && (w.lower(start - 2).starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.lower(start - 2),
                "figures" | "figure" | "toll" | "tolls" | "tally" | "count" | "data" | "numbers"
            ))
        // "died at 100 on Sunday", "at the age of 100 on": an age, not a figure.
        && !(start >= 3 && matches!(w.lower(start - 3), "at" | "of" | "aged"));
    // "Friday's vote count", "Monday's death toll": a day's tally, dated by the day.
    let tally_of_day = w.lower(end - 1).ends_with("'s")
        && (end..(end + 3).min(w.len()))
            .any(|k| matches!(w.lower(k), "toll" | "tolls" | "count" | "counts" | "tally"));
    v.change_verbs.has(w.lower(end))
        || after_figure
        || tally_of_day
        || start >= 2 && (w.lower(start - 2), w.lower(start - 1)) == ("as", "of")
}

/// The kinds of event a date in words `start..end` is of when it is written with a
/// kind's noun and no word of reporting right beside it, or `None`.
fn of_a_kind_noun(
    w: &Words,
    start: usize,
    end: usize,
    v: &crate::lexicon::Vocabulary,
    reporting: Option<usize>,
) -> Option<Vec<String>> {
    // A kind's noun written with the date: "the crash on Sunday", "the quake of 6
    // February", "Friday's attack".
    let noun_before = start >= 2
        && matches!(w.lower(start - 1), "on" | "of")
        && v.is_kind_noun(w.lower(start - 2));
    let attribute = written_as_attribute(w, start, end);
    let possessive = w.lower(end - 1).ends_with("'s");
    let noun_after = if attribute || possessive {
        (end..(end + 3).min(w.len())).find(|&k| v.is_kind_noun(w.lower(k)))
    } else {
        None
    };
    if (noun_before || noun_after.is_some()) && reporting.is_none_or(|r| r > 1) {
        // "Last Friday's crash": a day is of an event of the noun's kinds, never of a
        // death the sentence also names.
        let kinds = match noun_after.filter(|_| possessive) {
            Some(noun) => v
                .kinds_of_noun(w.lower(noun))
                .into_iter()
                .map(String::from)
                .collect(),
            None => Vec::new(),
        };
        return Some(kinds);
    }
    None
}

/// "The January wildfires", "a close 1976 presidential election", "the July 4
/// disaster": whether the date in words `start..end` is written as the attribute of
/// an event's noun.
fn written_as_attribute(w: &Words, start: usize, end: usize) -> bool {
    !(start > 0 && matches!(w.lower(start - 1), "in" | "on" | "since" | "by" | "of"))
        && (end == start + 1 || start > 0 && matches!(w.lower(start - 1), "the" | "a" | "an"))
        && dates::event_noun_after(w, end)
}

/// The kinds of the event noun a date is written as the attribute of: "the April
/// presidential election victory" (election), "the 2004 Beslan school siege".
fn attribute_kinds(
    w: &Words,
    start: usize,
    end: usize,
    v: &crate::lexicon::Vocabulary,
) -> Vec<String> {
    if !written_as_attribute(w, start, end) {
        return Vec::new();
    }
    // The noun within the date's own noun phrase: past modifiers only, never past a
    // word that opens another phrase ("contained Saturday after killing 29").
    for k in end..(end + 3).min(w.len()) {
        let word = w.lower(k);
        if v.is_kind_noun(word) && !word.ends_with("ing") {
            return v
                .kinds_of_noun(word)
                .into_iter()
                .map(String::from)
                .collect();
        }
        if !w.is_word(k)
            || CLAUSE_END.contains(&word)
            || opens_another_phrase(word)
            || word == "with"
        {
            break;
        }
    }
    Vec::new()
}

/// "KABUL, Dec 12 (Wire) —": a date after a capitalised place at the very start of a
/// sentence, followed by an agency or a dash.
fn is_dateline(w: &Words, start: usize, end: usize) -> bool {
    // "Published: 29 Dec. 2024, 10:21", "Updated: 30 December": the page's own stamp.
    if start >= 2
        && w.lower(start - 1) == ":"
        && matches!(w.lower(start - 2), "published" | "updated" | "posted")
    {
        return true;
    }
    if start == 0 || start > 5 || w.lower(start - 1) != "," {
        return false;
    }
    // "KABUL", "ANTAKYA, Turkey": a place in capitals, then perhaps its country.
    let capitals = |k: usize| {
        w.original(k).is_some_and(|o| {
            o.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                && o.chars().any(char::is_alphabetic)
        })
    };
    let place_in_capitals = capitals(0)
        && (1..start - 1).all(|k| {
            w.lower(k) == ","
                || w.original(k)
                    .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()))
        });
    place_in_capitals && matches!(w.lower(end), "(" | "\u{2014}" | "\u{2013}" | "-" | "--")
}

/// Applies rule patterns to one sentence: a match marks the mention it covers, or adds
/// one when no built-in reader saw the figure.
fn apply_patterns(
    doc: &Document,
    sentence: usize,
    lexicon: &Lexicon,
    out: &mut Vec<Mention>,
    first: usize,
) {
    if lexicon.patterns.is_empty() {
        return;
    }
    let span = doc.sentences[sentence].span.clone();
    let text = &doc.prose[span.clone()];
    // A mention matched by the same pattern shape for several facts is not tied by
    // any of them: it keeps the measure, and attribution finds the event.
    let mut matched: Vec<(Range<usize>, usize)> = Vec::new();
    for (fact, measure, regex) in &lexicon.patterns {
        for caps in regex.captures_iter(text) {
            let (group, kind) = match (caps.name("count"), caps.name("ordinal")) {
                (Some(g), _) => (g, MentionKind::Count),
                (None, Some(g)) => (g, MentionKind::Ordinal),
                _ => continue,
            };
            let at = span.start + group.start()..span.start + group.end();
            let value = match kind {
                MentionKind::Ordinal => {
                    number::ordinal(&group.as_str().to_lowercase()).map(Interval::exact)
                }
                _ => quantity::parse_phrase(group.as_str()).map(|q| q.value),
            };
            let Some(value) = value else { continue };
            let existing = out[first..].iter_mut().find(|m| {
                m.span.start < at.end
                    && at.start < m.span.end
                    && matches!(m.kind, MentionKind::Count | MentionKind::Ordinal)
            });
            let other_fact = matched
                .iter()
                .any(|(span, f)| span.start < at.end && at.start < span.end && f != fact);
            matched.push((at.clone(), *fact));
            match existing {
                Some(m) if other_fact => {
                    m.pattern_fact = None;
                    m.measure = Some(measure.clone());
                }
                Some(m) => m.pattern_fact = Some(*fact),
                None => {
                    let mut m = Mention::new(at, sentence, kind, MentionValue::Number(value));
                    m.pattern_fact = Some(*fact);
                    out.push(m);
                }
            }
        }
    }
    out[first..].sort_by_key(|m| (m.span.start, m.span.end));
}

#[cfg(test)]
mod tests;

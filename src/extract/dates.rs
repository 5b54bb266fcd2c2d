//! Dates: "December 11, 2024", "11 December 2024", "Dec. 11", "March 2023", "in 2011",
//! "in early 2015", "2024-12-11"; figures ("02/22/2016", "21/04/16", "3-7-07",
//! "13.5.2015", "on 4/22"); a month joined to its day ("Oct-2", "28-nov", "jan/1",
//! "april22", "2019-sep-1"); days and years in words ("Jan first", "the fourth of May",
//! "May twenty one", "September 10, nineteen zero one"); "the first Friday of July"; and
//! weekdays ("on Wednesday", "Thursday, December 11", "on tues", "Friday the 15th").
//!
//! Precision comes first: a figure that merely could be a date is not one. Month and
//! weekday names in lower case count only beside a day or after a word such as "on",
//! and "may", "march" and "mar" need more than that; "3/4", "4-22" and "4.22" are days
//! only where the words around them say so ("on 4-22", "Friday 7/6") or where no share,
//! score or decimal is written that way ("22/04", "I'll go back 4/22").

use crate::date::{Day, DayRange, MONTHS, Weekday, month_from_name};

use super::Words;

/// A date found in a run of words.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    /// The first word of the date, a weekday written with it included.
    pub start: usize,
    /// The word after the date: it takes words `start..end`.
    pub end: usize,
    /// The days the text means, if it could be resolved.
    pub range: Option<DayRange>,
    /// A weekday written with the date, and the word it is.
    pub weekday: Option<(Weekday, usize)>,
}

/// Words before a bare four-digit number that make it a year.
const YEAR_LEAD: &[&str] = &[
    "in", "since", "by", "during", "until", "till", "from", "of", "before", "after", "early",
    "late", "mid", "mid-", "the", "between", "and", "through", "to", "around", "circa",
];

/// Words before a weekday written in lower case or abbreviated that make it a day:
/// "on friday", "last tues".
const WEEKDAY_LEAD: &[&str] = &[
    "on", "last", "past", "this", "next", "coming", "since", "by", "until", "till", "before",
    "after", "from",
];

/// Words before a lower-case "may", "march" or "mar" that make it a month when a day
/// follows: "on may 22".
const MONTH_LEAD: &[&str] = &[
    "on", "since", "by", "until", "till", "from", "before", "after", "of", "through",
];

/// Words after a figure such as "3/4" or "7.6" that make it a quantity, not a day.
const FIGURE_NEXT: &[&str] = &[
    "%",
    "percent",
    "per",
    "pc",
    "of",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "magnitude",
    "point",
    "points",
    "times",
    "inch",
    "inches",
    "mile",
    "miles",
    "km",
    "metres",
    "meters",
    "feet",
    "foot",
    "kg",
    "tonnes",
    "tons",
    "pounds",
    "cup",
    "cups",
    "degrees",
    "seconds",
    "minutes",
    "hours",
    "years",
    "vote",
    "votes",
    "win",
    "victory",
    "defeat",
    "lead",
    "margin",
    "aggregate",
];

/// "a/b" figures that are not days of the publication year: a ratio, or an event named
/// by its date.
const NOT_DAYS: &[&str] = &["24/7", "9/11", "7/7", "50/50", "26/11"];

/// Words that may follow the day of "Friday the 15th": "Friday the 15th with Joe".
const AFTER_DAY: &[&str] = &[
    "with", "at", "in", "and", "or", "for", "to", "from", "when", "as", "but", "after", "before",
    "until", "till", "by", "on",
];

/// One to nineteen, from the number reader's table (which starts at zero).
const UNIT_WORDS: &[&str] = super::number::UNITS.as_slice().split_at(1).1;

/// First to nineteenth, from the number reader's table.
const ORDINAL_WORDS: &[&str] = super::number::ORDINALS.as_slice().split_at(19).0;

const TENS_WORDS: &[&str] = &super::number::TENS;

/// The one day a short text names with its year written ("March 15, 2025", "15 Mar
/// 2025", "Sat, 15 Mar 2025 10:00:00 +0000"): a front-matter date in another form
/// than YYYY-MM-DD. `None` when it names no single day.
pub fn day_in(text: &str) -> Option<Day> {
    let w = Words::new(text, 0..text.len());
    let mut at = 0;
    while at < w.len() {
        if let Some(m) = read(&w, at, None) {
            return m.range.filter(DayRange::is_day).map(|r| r.from);
        }
        at += 1;
    }
    None
}

/// Reads a date at word `at`. `published` resolves years left out and weekdays.
pub fn read(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    if let Some((weekday, form)) = weekday_word(w, at) {
        let date = weekday_date(w, at, weekday, form, published)?;
        return Some(listed_weekday(w, &date, published).unwrap_or(date));
    }
    calendar(w, at, published)
        .or_else(|| day_of_month(w, at, published))
        .or_else(|| bare_month(w, at, published))
        .or_else(|| relative(w, at, published))
}

/// A day or span counted from publication: "yesterday", "the day before yesterday",
/// "tomorrow", "two days ago", "a week ago", "three weeks ago", "a month ago", "last
/// week", "earlier this week", "last weekend", "over the weekend", "last month",
/// "earlier this month". Spans counted in weeks or months are loose by a few days,
/// as writers use them ("just over a week ago").
fn relative(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let published = published?;
    let day = |n: i32| published.add_days(n);
    let span = |from: Day, to: Day| Some(DayRange { from, to });
    let word = w.lower(at);
    let (end, range) = match word {
        "yesterday"
            if at >= 3
                && (w.lower(at - 3), w.lower(at - 2), w.lower(at - 1))
                    == ("the", "day", "before") =>
        {
            return Some(single(at - 3, at + 1, Some(DayRange::day(day(-2)))));
        }
        "yesterday" => (at + 1, Some(DayRange::day(day(-1)))),
        "tomorrow" => (at + 1, Some(DayRange::day(day(1)))),
        "last" | "this" | "the" | "earlier" => {
            let (next, n) = w.ahead::<3>(at + 1);
            let next = &next[..n];
            let monday = published.previous_or_same(Weekday::Monday);
            match (word, next) {
                ("last", ["week", ..]) => (at + 2, span(monday.add_days(-7), day(-1))),
                ("earlier", ["this", "week", ..]) if published != monday => {
                    (at + 3, span(monday, day(-1)))
                }
                // A weekend is read from its Friday to its Monday: long weekends and
                // Friday nights are told as the weekend. On a weekend, "last weekend" is
                // the one before.
                ("last", ["weekend", ..]) => {
                    let mut sat = published.previous_or_same(Weekday::Saturday);
                    if matches!(published.weekday(), Weekday::Saturday | Weekday::Sunday) {
                        sat = sat.add_days(-7);
                    }
                    (
                        at + 2,
                        span(sat.add_days(-1), sat.add_days(2).min(published)),
                    )
                }
                ("the", ["weekend", ..])
                    if at > 0 && matches!(w.lower(at - 1), "over" | "during") =>
                {
                    let sat = published.previous_or_same(Weekday::Saturday);
                    (
                        at + 2,
                        span(sat.add_days(-1), sat.add_days(2).min(published)),
                    )
                }
                ("last", ["month", ..]) => {
                    let (y, m, _) = published.ymd();
                    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                    (at + 2, DayRange::month(y, m))
                }
                ("earlier", ["this", "month", ..]) => {
                    let (y, m, d) = published.ymd();
                    if d == 1 {
                        return None;
                    }
                    (at + 3, span(Day::from_ymd(y, m, 1)?, day(-1)))
                }
                _ => return None,
            }
        }
        _ => {
            // "two days ago", "a week ago", "three weeks ago", "a month ago". "Ago"
            // first: it is cheap to look for, and most words have none after them.
            if !(at + 2..(at + 6).min(w.len())).any(|k| w.lower(k) == "ago") {
                return None;
            }
            let (n, used) = if matches!(word, "a" | "one") {
                (1, 1)
            } else {
                let (ahead, len) = w.ahead::<4>(at);
                let (value, used) = super::number::cardinal(&ahead[..len])?;
                (value.fract() == 0.0 && (1.0..=60.0).contains(&value))
                    .then_some((value as i32, used))?
            };
            let unit = w.lower(at + used);
            if w.lower(at + used + 1) != "ago" {
                return None;
            }
            let (near, far) = match unit {
                "day" | "days" => (n, n),
                "week" | "weeks" => (7 * n - 3, 7 * n + 3),
                "month" | "months" => (30 * n - 10, 30 * n + 10),
                _ => return None,
            };
            (at + used + 2, span(day(-far), day(-near)))
        }
    };
    Some(single(at, end, range))
}

/// A month named alone, after a word that makes it a time ("since February", "in
/// March last year", "last August", "by June"): the month of the year its words say
/// ("this year", "last year", "next year"), else the latest such month up to the
/// publication's, or the next one in a clause that tells of the future.
fn bare_month(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let published = published?;
    // "in early January", "by late March": a part of the month after the word of time.
    let part = at
        .checked_sub(1)
        .map(|p| w.lower(p))
        .filter(|p| matches!(*p, "early" | "mid" | "mid-" | "late"));
    // Either way the month is capitalised: most words are tested no further.
    if !w
        .original(at)
        .is_some_and(|o| o.starts_with(char::is_uppercase))
    {
        return None;
    }
    if part.is_none() && month_at(w, at).is_some() && is_attributive(w, at) {
        return attributive_month(w, at, published);
    }
    // The word of time first: it is cheap to test, and most words follow none.
    let lead = w.lower(at.checked_sub(1 + usize::from(part.is_some()))?);
    if !matches!(
        lead,
        "in" | "since"
            | "until"
            | "till"
            | "through"
            | "by"
            | "from"
            | "during"
            | "last"
            | "this"
            | "next"
    ) {
        return None;
    }
    let (month, form) = month_at(w, at)?;
    if form != MonthForm::Proper {
        return None;
    }
    // Not a calendar date read another way ("February 14", "February 2023").
    if w.number_word(at + 1).is_some() {
        return None;
    }
    // "In January that year", "in May of the same year": a year the article gave
    // before, not the publication's.
    let (after, n) = w.ahead::<4>(at + 1);
    if after[..n].iter().take(3).any(|word| {
        matches!(
            *word,
            "that" | "same" | "following" | "previous" | "before" | "after"
        )
    }) && after[..n].contains(&"year")
    {
        return None;
    }
    let (year, now, _) = published.ymd();
    let (said_year, end) = match (w.lower(at + 1), w.lower(at + 2)) {
        ("this", "year") => (Some(year), at + 3),
        ("last", "year") => (Some(year - 1), at + 3),
        ("next", "year") => (Some(year + 1), at + 3),
        _ => (None, at + 1),
    };
    let ahead =
        matches!(lead, "until" | "till" | "through" | "by" | "next") || future_before(w, at);
    let year = match said_year {
        Some(y) => y,
        None if lead == "this" => year,
        None if lead == "last" => {
            if month < now {
                year
            } else {
                year - 1
            }
        }
        None if ahead => {
            if month >= now {
                year
            } else {
                year + 1
            }
        }
        None if month <= now => year,
        None => year - 1,
    };
    let start = if matches!(lead, "last" | "this" | "next") {
        at - 1
    } else {
        at
    };
    let range = DayRange::month(year, month).map(|r| part_of_month(r, part));
    Some(single(start - usize::from(part.is_some()), end, range))
}

/// The days of a month that "early", "mid" or "late" say: the 1st to the 10th, the
/// 11th to the 20th, the 21st to the end.
fn part_of_month(month: DayRange, part: Option<&str>) -> DayRange {
    let (y, m, _) = month.from.ymd();
    let day = |d| Day::from_ymd(y, m, d).unwrap_or(month.from);
    match part {
        Some("early") => DayRange {
            from: month.from,
            to: day(10),
        },
        Some("mid" | "mid-") => DayRange {
            from: day(11),
            to: day(20),
        },
        Some("late") => DayRange {
            from: day(21),
            to: month.to,
        },
        _ => month,
    }
}

/// Whether the month or year at word `at` is written as an event's attribute, before
/// the noun of a kind of event with at most two words between ("the January
/// wildfires", "the January Palisades fire", "a close 1976 presidential election"),
/// and not after a word that makes it a figure ("about 2000 fire engines").
fn is_attributive(w: &Words, at: usize) -> bool {
    let lead = at.checked_sub(1).map_or("", |p| w.lower(p));
    let sentence_start = at == 0 || w.is_punct(at - 1) && !matches!(lead, "$" | "#");
    let after_article = matches!(
        lead,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "that"
            | "close"
            | "landmark"
            | "historic"
            | "deadly"
            | "devastating"
            | "catastrophic"
    ) || lead.ends_with("'s")
        || lead.ends_with("\u{2019}s");
    (sentence_start || after_article) && event_noun_after(w, at + 1)
}

/// Whether a noun of a kind of event stands at word `from` or up to two words later,
/// with only words between ("presidential election", "Palisades fire").
pub(super) fn event_noun_after(w: &Words, from: usize) -> bool {
    let vocabulary = crate::lexicon::english();
    for k in from..from + 3 {
        if k >= w.len() || w.is_punct(k) || w.number_word(k).is_some() {
            return false;
        }
        let word = w.lower(k);
        // "Contained Saturday after killing 29": a word that opens another phrase ends
        // the date's own.
        if super::opens_another_phrase(word)
            || matches!(word, "or" | "of" | "in" | "on" | "at" | "by")
        {
            return false;
        }
        if vocabulary.is_kind_noun(word) {
            // "fire engines", "fire crews": a noun before another is its modifier.
            let next = w.lower(k + 1);
            return next.is_empty() || !w.is_word(k + 1) || !next.ends_with('s') || next == "was";
        }
    }
    false
}

/// "The January wildfires": a month written before an event's noun is the latest such
/// month up to publication.
fn attributive_month(w: &Words, at: usize, published: Day) -> Option<DateMatch> {
    let (month, form) = month_at(w, at)?;
    // "May fire crews", "March flood waters": at a sentence's start "May" and "March"
    // may be a verb.
    let start = at == 0 || w.is_punct(at - 1);
    if form != MonthForm::Proper || start && matches!(w.lower(at), "may" | "march") {
        return None;
    }
    let (year, now, _) = published.ymd();
    let year = if month <= now { year } else { year - 1 };
    Some(single(at, at + 1, DayRange::month(year, month)))
}

/// "On the 29th", "on the morning of the 29th": a day of the month alone, with digits,
/// is that day in the month of publication, or in the month before when it is later
/// than the publication day.
fn day_of_month(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let published = published?;
    if w.lower(at) != "the" || at == 0 || !matches!(w.lower(at - 1), "on" | "of") {
        return None;
    }
    let word = w.lower(at + 1);
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    let day: u32 = digits.parse().ok().filter(|d| (1..=31).contains(d))?;
    // Not "the 29th of December" (a calendar date) nor "the 39th president".
    let next = w.lower(at + 2);
    if next == "of" || w.is_word(at + 2) && !matches!(next, "at" | "in" | "when" | "and") {
        return None;
    }
    let (year, month, _) = published.ymd();
    let this = Day::from_ymd(year, month, day).filter(|d| *d <= published);
    let before = || {
        let (y, m) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        Day::from_ymd(y, m, day)
    };
    let day = this.or_else(before)?;
    Some(single(at, at + 2, Some(DayRange::day(day))))
}

/// How a weekday is written, which decides where it counts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum WeekdayForm {
    /// "Wednesday": a day wherever it stands.
    Proper,
    /// "wednesday", "Tues": after a word such as "on" or "last", or beside a date.
    Loose,
    /// "sun", "Sat", "wed", "Mon" with no full stop: words and names too, so only
    /// beside a date.
    Word,
}

/// A weekday written with the date before or after it, or alone.
fn weekday_date(
    w: &Words,
    at: usize,
    weekday: Weekday,
    form: WeekdayForm,
    published: Option<Day>,
) -> Option<DateMatch> {
    // Only a single day goes with a weekday.
    let dated = |date: DateMatch| {
        date.range.is_none_or(|r| r.is_day()).then_some(DateMatch {
            start: at,
            weekday: Some((weekday, at)),
            ..date
        })
    };
    // "Thursday, December 11, 2024" / "Wednesday 11 December" / "friday 7/6" /
    // "Wed. Dec 11"
    let mut next = at + 1;
    if w.lower(next) == "." && form != WeekdayForm::Proper {
        next += 1;
    }
    if w.lower(next) == "," {
        next += 1;
    }
    if let Some(date) = bare_calendar(w, next, published).and_then(dated) {
        return Some(date);
    }
    // "friday (jun-15)"
    if w.lower(at + 1) == "("
        && let Some(date) = bare_calendar(w, at + 2, published).and_then(dated)
        && w.lower(date.end) == ")"
    {
        return Some(DateMatch {
            end: date.end + 1,
            ..date
        });
    }
    // "Friday the 15th of June" / "Friday the 15th" / "saturday the second"
    if w.lower(at + 1) == "the" {
        if let Some(date) = bare_calendar(w, at + 2, published).and_then(dated) {
            return Some(date);
        }
        if let Some((day, end, _)) = day_at(w, at + 2)
            && ends_day(w, end)
        {
            return Some(DateMatch {
                start: at,
                end,
                range: published.and_then(|p| day_on_weekday(p, day, weekday)),
                weekday: Some((weekday, at)),
            });
        }
    }
    let prev = at.checked_sub(1).map(|p| w.lower(p));
    match form {
        WeekdayForm::Proper => {}
        WeekdayForm::Loose if prev.is_some_and(|p| WEEKDAY_LEAD.contains(&p)) => {}
        _ => return None,
    }
    let range = match prev {
        // "through Thursday", "until Friday": a day ahead, not the last one.
        Some("next" | "coming" | "until" | "till" | "through") => None,
        Some("last" | "past") => {
            published.map(|p| DayRange::day(p.add_days(-1).previous_or_same(weekday)))
        }
        // "would observe a day of mourning Monday", "will be buried on Friday": a day
        // in a clause that tells of the future is the next one.
        _ if future_before(w, at) => {
            published.map(|p| DayRange::day(p.add_days(6).previous_or_same(weekday)))
        }
        _ => published.map(|p| DayRange::day(p.previous_or_same(weekday))),
    };
    if prev == Some("next") {
        return Some(DateMatch {
            start: at,
            end: at + 1,
            range: None,
            weekday: None,
        });
    }
    Some(DateMatch {
        start: at,
        end: at + 1,
        range,
        weekday: Some((weekday, at)),
    })
}

/// Words that may stand between the weekdays of a list: "Saturday night, Sunday and
/// Monday", "Friday or Saturday".
const LIST_JOINS: &[&str] = &[
    ",",
    "and",
    "or",
    "&",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// "Saturday night, Sunday and Monday": a weekday listed after another is the first
/// day of its name after that one, however the first was resolved. A list is followed
/// back at most a week of days.
fn listed_weekday(w: &Words, date: &DateMatch, published: Option<Day>) -> Option<DateMatch> {
    let (weekday, at) = date.weekday?;
    if date.end != at + 1 {
        return None;
    }
    // The earlier weekdays of the list, nearest first.
    let mut list: Vec<(usize, Weekday)> = Vec::new();
    let mut k = at;
    while list.len() < 7 {
        let mut j = k;
        let mut joined = false;
        while j > 0 && k - j < 3 && LIST_JOINS.contains(&w.lower(j - 1)) {
            joined |= matches!(w.lower(j - 1), "," | "and" | "or" | "&");
            j -= 1;
        }
        if !joined || j == 0 {
            break;
        }
        match weekday_word(w, j - 1) {
            Some((day, WeekdayForm::Proper | WeekdayForm::Loose)) => {
                list.push((j - 1, day));
                k = j - 1;
            }
            _ => break,
        }
    }
    let &(head_at, head_day) = list.last()?;
    let (_, head_form) = weekday_word(w, head_at)?;
    let head = weekday_date(w, head_at, head_day, head_form, published)?;
    let mut day = head.range.filter(|r| r.is_day())?.from;
    for &(_, next) in list.iter().rev().skip(1).chain([(at, weekday)].iter()) {
        day = day.add_days(7).previous_or_same(next);
    }
    Some(DateMatch {
        range: Some(DayRange::day(day)),
        ..date.clone()
    })
}

/// Whether the clause before word `at` tells of the future: a word of the lexicon's
/// `future` list ("will", "would", "scheduled") within ten words, back to the
/// clause's start.
fn future_before(w: &Words, at: usize) -> bool {
    let future = &crate::lexicon::english().future;
    let mut k = at;
    while k > 0 && at - k < 10 {
        k -= 1;
        let word = w.lower(k);
        if matches!(
            word,
            "." | ";" | ":" | "\u{2014}" | "\"" | "\u{201c}" | "\u{201d}"
        ) {
            return false;
        }
        let (phrase, n) = w.ahead::<3>(k);
        if future.starts(&phrase[..n]).is_some() {
            return true;
        }
    }
    false
}

/// A weekday at word `at`, in full or abbreviated, in any case.
fn weekday_word(w: &Words, at: usize) -> Option<(Weekday, WeekdayForm)> {
    let word = w.original(at)?;
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    if let Some(day) = Weekday::from_name(bare) {
        let form = if bare.starts_with(|c: char| c.is_uppercase()) {
            WeekdayForm::Proper
        } else {
            WeekdayForm::Loose
        };
        return Some((day, form));
    }
    let lower = bare.to_ascii_lowercase();
    let day = weekday_abbreviation(&lower)?;
    // "Sun", "Sat", "Wed" and "Mon" are words and names too ("attacks on Mon villages"):
    // without a full stop they count only beside a date.
    let form = if matches!(lower.as_str(), "sun" | "sat" | "wed" | "mon") && w.lower(at + 1) != "."
    {
        WeekdayForm::Word
    } else {
        WeekdayForm::Loose
    };
    Some((day, form))
}

fn weekday_abbreviation(word: &str) -> Option<Weekday> {
    Some(match word {
        "mon" => Weekday::Monday,
        "tue" | "tues" => Weekday::Tuesday,
        "wed" | "weds" => Weekday::Wednesday,
        "thu" | "thur" | "thurs" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// Whether a weekday stands just before word `at`: "friday 7/6", "monday, jan 22" (not
/// "sun" or "wed", which may be other words).
fn after_weekday(w: &Words, at: usize) -> bool {
    let Some(mut prev) = at.checked_sub(1) else {
        return false;
    };
    if w.lower(prev) == "," {
        let Some(p) = prev.checked_sub(1) else {
            return false;
        };
        prev = p;
    }
    weekday_word(w, prev).is_some_and(|(_, form)| form != WeekdayForm::Word)
}

/// A calendar date, with a weekday in apposition after it if there is one:
/// "Dec 11, a Wednesday," / "December 11 (Wednesday)".
fn calendar(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let mut date = bare_calendar(w, at, published)?;
    // "until May 22", "through January 4": a day ahead, when no year is written.
    let yearless = (date.start..date.end).all(|k| year_number(w.lower(k)).is_none());
    if at > 0
        && matches!(w.lower(at - 1), "until" | "till" | "through" | "by")
        && yearless
        && let (Some(p), Some(range)) = (published, date.range)
        && range.to < p
    {
        date.range = Some(DayRange {
            from: range.from.add_years(1),
            to: range.to.add_years(1),
        });
    }
    let e = date.end;
    let apposition = match (w.lower(e), w.lower(e + 1)) {
        (",", "a") => Some(e + 2),
        ("(", _) if w.lower(e + 2) == ")" => Some(e + 1),
        _ => None,
    };
    if date.weekday.is_none()
        && let Some(k) = apposition
        && let Some((weekday, _)) = weekday_word(w, k)
    {
        date.weekday = Some((weekday, k));
        date.end = if w.lower(k + 1) == ")" { k + 2 } else { k + 1 };
    }
    Some(date)
}

fn bare_calendar(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let word = w.lower(at);
    // ISO: 2024-12-11
    if word.len() == 10
        && let Some(day) = Day::parse_iso(word)
    {
        return Some(single(at, at + 1, Some(DayRange::day(day))));
    }
    // "1995-01": a year and a month, written as in ISO 8601.
    if w.number_word(at).is_some()
        && let Some(year) = year_number(word)
        && w.lower(at + 1) == "-"
        && w.number_word(at + 2).is_some()
        && w.lower(at + 2).len() == 2
        && w.lower(at + 3) != "-"
        && w.span(at).end == w.span(at + 1).start
        && let Ok(month) = w.lower(at + 2).parse::<u32>()
        && let Some(range) = DayRange::month(year, month)
    {
        return Some(single(at, at + 3, Some(range)));
    }
    if let Some(date) = joined(w, at, published)
        .or_else(|| figures(w, at, published))
        .or_else(|| month_first(w, at, published))
        .or_else(|| nth_weekday(w, at, published))
        .or_else(|| day_first(w, at, published))
    {
        return Some(date);
    }
    // A year: "in 2011", "in early 2015", "the 1973 coup".
    let (part, year_at) = match word {
        "early" | "mid" | "late" | "mid-" => (Some(word), at + 1),
        _ => (None, at),
    };
    let year = w.number_word(year_at).and(year_number(w.lower(year_at)))?;
    let lead = at.checked_sub(1).map(|p| w.lower(p));
    if part.is_none() && !lead.is_some_and(|l| YEAR_LEAD.contains(&l)) && !is_attributive(w, at) {
        return None;
    }
    let range = DayRange::year(year)?;
    let range = match part {
        Some("early") => DayRange {
            from: range.from,
            to: Day::from_ymd(year, 4, 30)?,
        },
        Some("mid" | "mid-") => DayRange {
            from: Day::from_ymd(year, 5, 1)?,
            to: Day::from_ymd(year, 8, 31)?,
        },
        Some("late") => DayRange {
            from: Day::from_ymd(year, 9, 1)?,
            to: range.to,
        },
        _ => range,
    };
    Some(single(at, year_at + 1, Some(range)))
}

/// Whether the date in words `start..end` names a month and no year ("February 20",
/// "since February", not "February 20, 2024", "February this year" or "Tuesday"): its
/// year is the one the publication date gives it.
pub fn year_left_out(w: &Words, start: usize, end: usize) -> bool {
    let month = (start..end).any(|k| month_at(w, k).is_some());
    let year = (start..end).any(|k| {
        let word = w.lower(k);
        year_number(word).is_some()
            || matches!(word, "year" | "years")
            || word
                .strip_prefix(['\'', '’'])
                .is_some_and(|y| y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()))
            || word.bytes().filter(u8::is_ascii_digit).count() >= 4
    });
    month && !year
}

fn single(start: usize, end: usize, range: Option<DayRange>) -> DateMatch {
    DateMatch {
        start,
        end,
        range,
        weekday: None,
    }
}

/// A date written as one word: "3-7-07", "2018-7-6", "2019-sep-1", "Oct-2", "28-nov",
/// "friday-jun-15", "april22", "22april", "january12,2016", "13.5.2015", "on 4.22".
fn joined(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let word = w.lower(at);
    if w.number_word(at).is_some() {
        let parts: Vec<&str> = word.split('.').collect();
        let range = match parts[..] {
            [a, b, c] => Some(figure_triple(a, b, c, true, published)?),
            [a, b] if pair_ok(w, at, at + 1, '.', a, b) => {
                let (month, day) = month_day(a, b)?;
                resolve(None, month, day, published)
            }
            _ => return None,
        };
        return Some(single(at, at + 1, range));
    }
    if !w.is_word(at) {
        return None;
    }
    if word.contains('-') {
        let parts: Vec<&str> = word.split('-').collect();
        let (weekday, parts) = match weekday_name(parts[0]) {
            Some(day) if parts.len() > 2 => (Some((day, at)), &parts[1..]),
            _ => (None, &parts[..]),
        };
        let range = joined_parts(parts, published)?;
        return Some(DateMatch {
            start: at,
            end: at + 1,
            range,
            weekday,
        });
    }
    // Run together: "april22", "22april", "january12,2016". Full month names only:
    // "Oct4" is as likely a name as a day.
    let first_digit = word.find(|c: char| c.is_ascii_digit())?;
    let (month, day, year) = if first_digit == 0 {
        let letters = word.find(|c: char| !c.is_ascii_digit())?;
        (&word[letters..], &word[..letters], None)
    } else {
        let (month, rest) = word.split_at(first_digit);
        match rest.split_once(',') {
            Some((day, year)) => (month, day, Some(year)),
            None => (month, rest, None),
        }
    };
    if !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(month)) {
        return None;
    }
    let month = month_from_name(month)?;
    let day = digits_day(day)?;
    let year = match year {
        Some(y) => Some(written_year(y, published)?),
        None => None,
    };
    Some(single(at, at + 1, resolve(year, month, day, published)))
}

/// The pieces of a hyphenated date, as a date (`None` when they are not one) that may
/// not resolve without a publication date.
fn joined_parts(parts: &[&str], published: Option<Day>) -> Option<Option<DayRange>> {
    let range = match *parts {
        // "3-7-07", "21-04-2016", "2018-7-6"
        [a, b, c] if [a, b, c].iter().all(|p| is_digits(p)) => {
            Some(figure_triple(a, b, c, false, published)?)
        }
        // "2019-sep-1"
        [y, m, d] if y.len() == 4 && is_digits(y) => {
            let day = Day::from_ymd(year_number(y)?, name_month(m)?, digits_day(d)?)?;
            Some(DayRange::day(day))
        }
        // "1-jan-2016", "jan-1-2016"
        [a, b, y] => {
            let (month, day) = match name_month(a) {
                Some(m) => (m, digits_day(b)?),
                None => (name_month(b)?, digits_day(a)?),
            };
            let day = Day::from_ymd(written_year(y, published)?, month, day)?;
            Some(DayRange::day(day))
        }
        // "Oct-2", "28-nov"
        [a, b] => {
            let (month, day) = match name_month(a) {
                Some(m) => (m, digits_day(b)?),
                None => (name_month(b)?, digits_day(a)?),
            };
            resolve(None, month, day, published)
        }
        _ => return None,
    };
    Some(range)
}

/// A date in figures over several words: "02/22/2016", "2015/08/12", "08/12,2015",
/// "2019/sep/01", "jan/1", "4/22", "on 4-22".
fn figures(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let sep = w.lower(at + 1);
    if !matches!(sep, "/" | "-") || !tight(w, at) || !tight(w, at + 1) {
        return None;
    }
    // Not the tail or the head of a longer figure: "1/2/3/4".
    if at > 0 && matches!(w.lower(at - 1), "/" | "-" | ".") && tight(w, at - 1) {
        return None;
    }
    let (a, b) = (w.lower(at), w.lower(at + 2));
    if w.lower(at + 3) == sep && tight(w, at + 2) && tight(w, at + 3) {
        if matches!(w.lower(at + 5), "/" | "-") && tight(w, at + 4) {
            return None;
        }
        let c = w.lower(at + 4);
        let range = match name_month(b) {
            Some(month) if a.len() == 4 => {
                DayRange::day(Day::from_ymd(year_number(a)?, month, digits_day(c)?)?)
            }
            _ => figure_triple(a, b, c, false, published)?,
        };
        return Some(single(at, at + 5, Some(range)));
    }
    if sep != "/" {
        let (a, b) = (is_digits(a).then_some(a)?, is_digits(b).then_some(b)?);
        if !pair_ok(w, at, at + 3, '-', a, b) {
            return None;
        }
        let (month, day) = month_day(a, b)?;
        return Some(single(at, at + 3, resolve(None, month, day, published)));
    }
    // "08/12,2015": the year joined to the day by a comma.
    if let Some((day, year)) = b.split_once(',') {
        let (month, day) = month_day(a, day)?;
        let year = written_year(year, published)?;
        let day = Day::from_ymd(year, month, day)?;
        return Some(single(at, at + 3, Some(DayRange::day(day))));
    }
    // "jan/1"
    if let Some(month) = name_month(a) {
        let day = digits_day(b)?;
        return Some(single(at, at + 3, resolve(None, month, day, published)));
    }
    if !is_digits(a) || !is_digits(b) || !pair_ok(w, at, at + 3, '/', a, b) {
        return None;
    }
    let (month, day) = month_day(a, b)?;
    Some(single(at, at + 3, resolve(None, month, day, published)))
}

/// Whether word `i` touches the next one, with no space between.
fn tight(w: &Words, i: usize) -> bool {
    i + 1 < w.len() && w.span(i).end == w.span(i + 1).start
}

/// Whether a day and month in figures with no year ("4/22", "4-22", "4.22", from word
/// `start` to `end`) is a date. Shares ("3/4"), scores ("4-2") and decimals ("7.6")
/// are written the same way, so it takes words around it that say so: a weekday
/// before it ("Friday 7/6"), "on" before it ("on 4-22", "on 4.22"), or for a slash,
/// a figure no share is written as ("22/04", "4/22") at the end of a clause.
fn pair_ok(w: &Words, start: usize, end: usize, sep: char, a: &str, b: &str) -> bool {
    if sep == '/' && NOT_DAYS.contains(&format!("{a}/{b}").as_str()) {
        return false;
    }
    let next = w.lower(end);
    if FIGURE_NEXT.contains(&next) || w.number_word(end).is_some() {
        return false;
    }
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    let clean = ends_clean(w, end);
    let weekday = after_weekday(w, start);
    let prev = start.checked_sub(1).map_or("", |p| w.lower(p));
    // Neither a small share nor a small score.
    let plain = x > 12 || y > 12 || a.starts_with('0') || b.starts_with('0');
    match sep {
        '/' => weekday || matches!(prev, "on" | "since" | "until" | "till") || (plain && clean),
        '-' => (weekday || prev == "on") && plain && clean,
        _ => weekday || (prev == "on" && b.len() == 2 && y > 12 && clean),
    }
}

/// A day and month in figures: month first when both could be one (US order), day
/// first when the first is over 12.
fn month_day(a: &str, b: &str) -> Option<(u32, u32)> {
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
        return None;
    }
    let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    match (x, y) {
        (1..=12, 1..=31) => Some((x, y)),
        (13..=31, 1..=12) => Some((y, x)),
        _ => None,
    }
}

/// Three figures: year first ("2015/08/12", "2015.5.13"), else a day and month as
/// [`month_day`] reads them, then a year of four figures or (not between full stops,
/// where a version number may stand) two.
fn figure_triple(
    a: &str,
    b: &str,
    c: &str,
    dotted: bool,
    published: Option<Day>,
) -> Option<DayRange> {
    if ![a, b, c].iter().all(|p| is_digits(p)) {
        return None;
    }
    let (year, month, day) = if a.len() == 4 {
        if !(1..=2).contains(&b.len()) || !(1..=2).contains(&c.len()) {
            return None;
        }
        (year_number(a)?, b.parse().ok()?, c.parse().ok()?)
    } else {
        let (month, day) = month_day(a, b)?;
        if dotted && c.len() != 4 {
            return None;
        }
        (written_year(c, published)?, month, day)
    };
    Day::from_ymd(year, month, day).map(DayRange::day)
}

fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// A year in figures, four of them or two: "2016", "16", "89". Two figures mean the
/// latest such year no more than 20 years after publication.
fn written_year(word: &str, published: Option<Day>) -> Option<i32> {
    match word.len() {
        4 => year_number(word),
        2 if is_digits(word) => {
            let yy: i32 = word.parse().ok()?;
            let latest = published.map_or(2049, |p| p.year() + 20);
            Some(latest - (latest - yy).rem_euclid(100))
        }
        _ => None,
    }
}

/// A day of the month in one or two figures: "1", "01", "22".
fn digits_day(word: &str) -> Option<u32> {
    if !is_digits(word) || word.len() > 2 {
        return None;
    }
    let n: u32 = word.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// A month named inside a joined date, in any case: "sep", "Oct", "november".
fn name_month(word: &str) -> Option<u32> {
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    month_from_name(word)
}

fn weekday_name(word: &str) -> Option<Weekday> {
    Weekday::from_name(word).or_else(|| weekday_abbreviation(word))
}

/// How a month is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MonthForm {
    /// "December", "Dec", "MAY": capitalised as a proper noun.
    Proper,
    /// "december", "dec".
    Lower,
    /// "may", "march", "mar": ordinary words as well.
    Ambiguous,
}

fn month_at(w: &Words, at: usize) -> Option<(u32, MonthForm)> {
    let word = w.original(at)?;
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let month = month_from_name(word)?;
    let form = if word.starts_with(|c: char| c.is_uppercase()) {
        MonthForm::Proper
    } else if matches!(w.lower(at), "may" | "march" | "mar") {
        MonthForm::Ambiguous
    } else {
        MonthForm::Lower
    };
    Some((month, form))
}

/// How a day of the month is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum DayForm {
    /// "11"
    Digits,
    /// "11th"
    Suffixed,
    /// "first", "twenty-first", "twenty second"
    Ordinal,
    /// "fifteen", "twenty one"
    Cardinal,
}

/// A day of the month at word `i`: its number, the word after it, and how it is written.
fn day_at(w: &Words, i: usize) -> Option<(u32, usize, DayForm)> {
    let word = w.lower(i);
    if let Some(day) = day_number(word) {
        let form = if is_digits(word) {
            DayForm::Digits
        } else {
            DayForm::Suffixed
        };
        return Some((day, i + 1, form));
    }
    // "twenty first", "twenty one"
    let tens = match word {
        "twenty" => 20,
        "thirty" => 30,
        _ => {
            let (day, form) = day_word(word)?;
            return Some((day, i + 1, form));
        }
    };
    let next = w.lower(i + 1);
    let unit = |list: &[&str]| list[..9].iter().position(|u| *u == next);
    let (day, end, form) = if let Some(u) = unit(ORDINAL_WORDS) {
        (tens + u as u32 + 1, i + 2, DayForm::Ordinal)
    } else if let Some(u) = unit(UNIT_WORDS) {
        (tens + u as u32 + 1, i + 2, DayForm::Cardinal)
    } else {
        (tens, i + 1, DayForm::Cardinal)
    };
    (day <= 31).then_some((day, end, form))
}

/// A day of the month in one word: "fifteen", "twenty-one", "second", "twenty-first",
/// "thirtieth".
fn day_word(word: &str) -> Option<(u32, DayForm)> {
    let find = |list: &[&str], w: &str| list.iter().position(|u| *u == w).map(|i| i as u32 + 1);
    let (day, form) = if let Some(n) = find(UNIT_WORDS, word) {
        (n, DayForm::Cardinal)
    } else if let Some(n) = find(ORDINAL_WORDS, word) {
        (n, DayForm::Ordinal)
    } else {
        match word {
            "twenty" => (20, DayForm::Cardinal),
            "thirty" => (30, DayForm::Cardinal),
            "twentieth" => (20, DayForm::Ordinal),
            "thirtieth" => (30, DayForm::Ordinal),
            _ => {
                let (tens, unit) = word.split_once('-')?;
                let tens = match tens {
                    "twenty" => 20,
                    "thirty" => 30,
                    _ => return None,
                };
                if let Some(u) = find(&ORDINAL_WORDS[..9], unit) {
                    (tens + u, DayForm::Ordinal)
                } else {
                    (tens + find(&UNIT_WORDS[..9], unit)?, DayForm::Cardinal)
                }
            }
        }
    };
    (day <= 31).then_some((day, form))
}

/// Month first: "December 11, 2024", "Dec. 11", "March 2023", "october, 1st",
/// "September the twenty-first", "Jan first", "jan twenty two, 2018".
fn month_first(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let (month, form) = month_at(w, at)?;
    let mut i = at + 1;
    let comma = w.lower(i) == ",";
    if comma || w.lower(i) == "." {
        i += 1;
    }
    let the = w.lower(i) == "the";
    if the {
        i += 1;
    }
    if let Some((day, day_end, day_form)) = day_at(w, i) {
        let year = year_after(w, day_end, true).or_else(|| said_year(w, day_end, published));
        let clean = year.is_some() || ends_clean(w, day_end);
        let weekday = after_weekday(w, at);
        let ok = match day_form {
            DayForm::Digits => !comma && !the,
            DayForm::Suffixed => !comma || clean,
            DayForm::Ordinal => clean || weekday,
            DayForm::Cardinal => !comma && !the && (clean || weekday),
        };
        let lead = at
            .checked_sub(1)
            .is_some_and(|p| MONTH_LEAD.contains(&w.lower(p)));
        if !ok || (form == MonthForm::Ambiguous && !(clean || lead || weekday)) {
            return None;
        }
        // "March 5-7", "Sept. 26 – 28, 2024": days of one month, as one span.
        if year.is_none()
            && matches!(w.lower(day_end), "-" | "–")
            && let Some((last, last_end, DayForm::Digits)) = day_at(w, day_end + 1)
            && last > day
        {
            let year = year_after(w, last_end, true).or_else(|| said_year(w, last_end, published));
            let end = year.map_or(last_end, |(_, e)| e);
            let first = resolve(year.map(|(y, _)| y), month, day, published);
            let range = first.and_then(|f| {
                let to = Day::from_ymd(f.from.year(), month, last)?;
                Some(DayRange { from: f.from, to })
            });
            return Some(single(at, end, range));
        }
        let end = year.map_or(day_end, |(_, e)| e);
        let range = resolve(year.map(|(y, _)| y), month, day, published);
        return Some(single(at, end, range));
    }
    if form == MonthForm::Ambiguous || the {
        return None;
    }
    // "March 2023", "March, 2023", "Nov. 2016": four figures only ("in March, two
    // thousand" may count).
    let after = i;
    let year = w.number_word(after).and(year_number(w.lower(after)))?;
    Some(single(at, after + 1, DayRange::month(year, month)))
}

/// "Oct. 29 last year", "5 March this year": a year said relative to publication,
/// right after a day and month, and the word after it.
fn said_year(w: &Words, at: usize, published: Option<Day>) -> Option<(i32, usize)> {
    let year = published?.year();
    match (w.lower(at), w.lower(at + 1)) {
        ("last", "year") => Some((year - 1, at + 2)),
        ("this", "year") => Some((year, at + 2)),
        ("next", "year") => Some((year + 1, at + 2)),
        _ => None,
    }
}

/// Day first: "11 December 2024", "11th of December", "15 june 2016", "1st jan",
/// "22 of jan", "the fourth of May", "twenty second of June", "16. nov. 2016".
fn day_first(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let (day, day_end, day_form) = day_at(w, at)?;
    if day_form == DayForm::Cardinal {
        return None;
    }
    // "a fourth of", "two thirds of": shares, not days.
    if day_form == DayForm::Ordinal
        && at > 0
        && (matches!(w.lower(at - 1), "a" | "an" | "every" | "one")
            || w.number_word(at - 1).is_some()
            || UNIT_WORDS.contains(&w.lower(at - 1)))
    {
        return None;
    }
    let mut i = day_end;
    let of = w.lower(i) == "of";
    let dot = !of && w.lower(i) == ".";
    if of || dot {
        i += 1;
    }
    if day_form == DayForm::Ordinal && !of {
        return None;
    }
    let (month, form) = month_at(w, i)?;
    let mut end = i + 1;
    // "Dec.", not the full stop after "December."
    if w.lower(end) == "." && w.lower(i).len() < MONTHS[month as usize - 1].len() {
        end += 1;
    }
    let year = year_after(w, end, false).or_else(|| said_year(w, end, published));
    if (dot || (form == MonthForm::Ambiguous && !of)) && year.is_none() {
        return None;
    }
    let end = year.map_or(end, |(_, e)| e);
    Some(single(
        at,
        end,
        resolve(year.map(|(y, _)| y), month, day, published),
    ))
}

/// "the first Friday of July", "the last Sunday of May 2016".
fn nth_weekday(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let n = match w.lower(at) {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "last" => 0,
        _ => return None,
    };
    let weekday = Weekday::from_name(w.lower(at + 1))?;
    if w.lower(at + 2) != "of" {
        return None;
    }
    let (month, _) = month_at(w, at + 3)?;
    let year = year_after(w, at + 4, false);
    let end = year.map_or(at + 4, |(_, e)| e);
    let nth = |y: i32| -> Option<Day> {
        let first = Day::from_ymd(y, month, 1)?;
        let day = if n == 0 {
            let last = Day::from_ymd(y, month, crate::date::days_in_month(y, month))?;
            let back = (last.weekday().index() + 7 - weekday.index()) % 7;
            last.add_days(-(back as i32))
        } else {
            let ahead = (weekday.index() + 7 - first.weekday().index()) % 7;
            first.add_days((ahead + 7 * (n - 1)) as i32)
        };
        (day.ymd().1 == month).then_some(day)
    };
    let day = match (year, published) {
        (Some((y, _)), _) => nth(y),
        (None, Some(p)) => nth(p.year())
            .filter(|d| *d <= p.add_days(7))
            .or_else(|| nth(p.year() - 1)),
        (None, None) => None,
    };
    Some(DateMatch {
        start: at,
        end,
        range: day.map(DayRange::day),
        weekday: None,
    })
}

/// A year at word `i` or after a comma or "of" there: four figures ("2024"); with nothing after
/// it, a year outside 1800–2199 ("1391") or in words ("nineteen seventy eight", "two
/// thousand and eighteen"). `comma` lets four figures after a comma stand before other
/// words ("December 11, 2024 in Kabul"). Returns the year and the word after it.
fn year_after(w: &Words, i: usize, comma: bool) -> Option<(i32, usize)> {
    // "26th June of 2020", "January 12 of 2016": four figures that end the phrase.
    if w.lower(i) == "of" {
        let year = w.number_word(i + 1).and(year_number(w.lower(i + 1)))?;
        return ends_day(w, i + 2).then_some((year, i + 2));
    }
    let (j, after_comma) = if w.lower(i) == "," {
        (i + 1, true)
    } else {
        (i, false)
    };
    if w.number_word(j).is_some()
        && let Some(year) = year_number(w.lower(j))
        && (!after_comma || comma || ends_clean(w, j + 1))
    {
        return Some((year, j + 1));
    }
    let wide = w.number_word(j).and_then(|()| {
        let word = w.lower(j);
        let y: i32 = (word.len() == 4 && is_digits(word))
            .then(|| word.parse().ok())
            .flatten()?;
        (1000..=2999).contains(&y).then_some((y, j + 1))
    });
    let (year, end) = wide.or_else(|| year_words(w, j))?;
    ends_clean(w, end).then_some((year, end))
}

/// A year in words at word `i`: "two thousand", "two thousand and eighteen",
/// "nineteen seventy eight", "nineteen zero one", "nineteen hundred", "twenty twenty".
fn year_words(w: &Words, i: usize) -> Option<(i32, usize)> {
    if w.lower(i) == "two" && w.lower(i + 1) == "thousand" {
        let k = if w.lower(i + 2) == "and" {
            i + 3
        } else {
            i + 2
        };
        return match small_number(w, k) {
            Some((n, end)) => Some((2000 + n, end)),
            None => Some((2000, i + 2)),
        };
    }
    let (century, after) = small_number(w, i)?;
    if !(10..=20).contains(&century) || after != i + 1 {
        return None;
    }
    match w.lower(after) {
        "hundred" => Some((century * 100, after + 1)),
        "oh" | "o" | "zero" | "nought" => {
            let (n, end) = small_number(w, after + 1)?;
            (n < 10 && end == after + 2).then_some((century * 100 + n, end))
        }
        _ => {
            let (n, end) = small_number(w, after)?;
            (n >= 10).then_some((century * 100 + n, end))
        }
    }
}

/// A number from 1 to 99 in words at word `i`: "eighteen", "seventy eight",
/// "twenty-one". Returns it and the word after it.
fn small_number(w: &Words, i: usize) -> Option<(i32, usize)> {
    let word = w.lower(i);
    if let Some(u) = UNIT_WORDS.iter().position(|u| *u == word) {
        return Some((u as i32 + 1, i + 1));
    }
    let (tens_word, unit_word) = match word.split_once('-') {
        Some((t, u)) => (t, Some(u)),
        None => (word, None),
    };
    let tens = (TENS_WORDS.iter().position(|t| *t == tens_word)? as i32 + 2) * 10;
    let unit = |u: &str| UNIT_WORDS[..9].iter().position(|x| *x == u);
    match unit_word {
        Some(u) => Some((tens + unit(u)? as i32 + 1, i + 1)),
        None => match unit(w.lower(i + 1)) {
            Some(u) => Some((tens + u as i32 + 1, i + 2)),
            None => Some((tens, i + 1)),
        },
    }
}

/// Whether word `i` ends a phrase: the end of the sentence or punctuation that is not
/// part of a figure.
fn ends_clean(w: &Words, i: usize) -> bool {
    i >= w.len()
        || (w.is_punct(i)
            && !matches!(
                w.lower(i),
                "%" | "/" | "-" | "+" | "$" | "€" | "£" | "&" | "'" | "\u{2019}"
            ))
}

/// Whether the day of "Friday the 15th" ends there.
fn ends_day(w: &Words, i: usize) -> bool {
    ends_clean(w, i) || AFTER_DAY.contains(&w.lower(i))
}

/// The day nearest publication that is the `day`th of its month and falls on `weekday`
/// ("Friday the 15th"), looking up to two years either way; a day up to a week after
/// publication counts as before it.
fn day_on_weekday(published: Day, day: u32, weekday: Weekday) -> Option<DayRange> {
    let limit = published.add_days(7);
    let (year, month, _) = limit.ymd();
    let month_index = year * 12 + month as i32 - 1;
    let candidates = (-24..=24).filter_map(|k| {
        let m = month_index + k;
        let d = Day::from_ymd(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, day)?;
        (d.weekday() == weekday).then_some(d)
    });
    // Distance from publication, with the week's grace counted as none.
    let distance = |d: &Day| {
        if *d <= limit {
            d.days_until(published).max(0)
        } else {
            limit.days_until(*d)
        }
    };
    candidates.min_by_key(distance).map(DayRange::day)
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..=2199).contains(&y).then_some(y)
}

/// A day and month with or without a year. Without one, the year is the one that puts
/// the date nearest before publication, or, within two weeks ahead, after it (a
/// funeral, a hearing, "on Tuesday, Jan. 7" written on 30 December); a 29 February,
/// the last one before.
fn resolve(year: Option<i32>, month: u32, day: u32, published: Option<Day>) -> Option<DayRange> {
    let day = match (year, published) {
        (Some(y), _) => Day::from_ymd(y, month, day)?,
        (None, Some(p)) => {
            let ahead = Day::from_ymd(p.year(), month, day)
                .filter(|d| *d > p)
                .or_else(|| Day::from_ymd(p.year() + 1, month, day))
                .filter(|d| p.days_until(*d) <= 14);
            let before = (0..=8).find_map(|back| {
                Day::from_ymd(p.year() - back, month, day)
                    .filter(|d| back > 0 || *d <= p.add_days(7))
            });
            match (ahead, before) {
                (Some(a), Some(b)) if p.days_until(a) < b.days_until(p).abs() => a,
                (_, Some(b)) => b,
                (Some(a), None) => a,
                (None, None) => return None,
            }
        }
        (None, None) => return None,
    };
    Some(DayRange::day(day))
}

#[cfg(test)]
mod tests {
    use super::super::Words;
    use super::*;

    fn date(text: &str, published: Option<&str>) -> Option<(String, Option<Weekday>, usize)> {
        let w = Words::new(text, 0..text.len());
        let p = published.and_then(Day::parse_iso);
        (0..w.len()).find_map(|i| {
            read(&w, i, p).map(|m| {
                (
                    m.range.map_or("?".into(), |r| r.to_string()),
                    m.weekday.map(|(d, _)| d),
                    m.end - m.start,
                )
            })
        })
    }

    /// The text of the date found, and its days.
    fn found(text: &str, published: &str) -> Option<(String, String)> {
        let w = Words::new(text, 0..text.len());
        let p = Day::parse_iso(published);
        let mut i = 0;
        while i < w.len() {
            if let Some(m) = read(&w, i, p) {
                if let Some(r) = m.range {
                    let span = w.span_of(m.start, m.end);
                    return Some((text[span].to_string(), r.to_string()));
                }
                i = m.end;
                continue;
            }
            i += 1;
        }
        None
    }

    #[test]
    fn shapes_of_dates() {
        let p = Some("2024-12-12");
        let table: &[(&str, &str)] = &[
            ("on December 11, 2024 in Kabul", "2024-12-11"),
            ("on 11 December 2024 in Kabul", "2024-12-11"),
            ("on Dec. 11 the", "2024-12-11"),
            ("on Oct. 29 last year in", "2023-10-29"),
            ("on March 5-7 the", "2024-03-05..2024-03-07"),
            ("on Sept. 26 – 28, 2024 the", "2024-09-26..2024-09-28"),
            ("on 5 March this year the", "2024-03-05"),
            ("on Dec 11 the", "2024-12-11"),
            ("on the 11th of December", "2024-12-11"),
            ("in March 2023 the", "2023-03-01..2023-03-31"),
            ("in 2011 the", "2011-01-01..2011-12-31"),
            ("in early 2015 the", "2015-01-01..2015-04-30"),
            ("the 1973 coup", "1973-01-01..1973-12-31"),
            ("on 2024-12-11", "2024-12-11"),
            ("on Wednesday", "2024-12-11"),
            ("on Thursday", "2024-12-12"),
            ("last Thursday", "2024-12-05"),
            ("Wednesday's attack", "2024-12-11"),
            // A month or year as an event's attribute; a part of a month.
            ("after the December bombing in", "2024-12-01..2024-12-31"),
            ("the July Kabul floods", "2024-07-01..2024-07-31"),
            (
                "a close 1976 presidential election",
                "1976-01-01..1976-12-31",
            ),
            ("in early December the", "2024-12-01..2024-12-10"),
            ("since late November the", "2024-11-21..2024-11-30"),
        ];
        for (text, want) in table {
            let got = date(text, p).unwrap_or_else(|| panic!("no date in {text:?}"));
            assert_eq!(got.0, *want, "{text}");
        }
        assert_eq!(
            date("Dec 30 the", Some("2025-01-02")).unwrap().0,
            "2024-12-30"
        );
    }

    /// Asserts that each text, published on its day, holds a date in the words given and
    /// that the date means the days given.
    fn dates_found(table: &[(&str, &str, &str, &str)]) {
        for (text, published, span, want) in table {
            let got = found(text, published).unwrap_or_else(|| panic!("no date in {text:?}"));
            assert_eq!((got.0.as_str(), got.1.as_str()), (*span, *want), "{text}");
        }
    }

    // In the tables below: (text, published, the words read as the date, its days).

    /// Figures: month first when both parts could be one, day first past 12.
    #[test]
    fn dates_in_figures() {
        dates_found(&[
            ("back 02/22/2016", "2016-11-07", "02/22/2016", "2016-02-22"),
            ("back 21/04/2016", "2016-11-07", "21/04/2016", "2016-04-21"),
            ("back 21/04/16", "2016-11-07", "21/04/16", "2016-04-21"),
            ("back 05/05/89", "2016-11-07", "05/05/89", "1989-05-05"),
            ("back 3-7-27", "2016-11-07", "3-7-27", "2027-03-07"),
            ("back 3-7-07", "2016-11-07", "3-7-07", "2007-03-07"),
            ("back 9-18-15", "2016-11-07", "9-18-15", "2015-09-18"),
            ("back 21-04-2016", "2016-11-07", "21-04-2016", "2016-04-21"),
            ("back 2015/08/12", "2016-11-07", "2015/08/12", "2015-08-12"),
            ("back 08/12,2015", "2016-11-07", "08/12,2015", "2015-08-12"),
            ("back 08/12,15", "2016-11-07", "08/12,15", "2015-08-12"),
            (
                "free on 13.5.2015?",
                "2017-03-22",
                "13.5.2015",
                "2015-05-13",
            ),
            (
                "free on 2015.5.13?",
                "2017-03-22",
                "2015.5.13",
                "2015-05-13",
            ),
            (
                "Friday 2018-7-6 with Jim",
                "2018-07-06",
                "Friday 2018-7-6",
                "2018-07-06",
            ),
        ]);
    }

    /// Day and month in figures, the year from publication.
    #[test]
    fn day_and_month_in_figures() {
        dates_found(&[
            ("killed on 4/22", "2016-11-07", "4/22", "2016-04-22"),
            ("killed on 22/04", "2016-11-07", "22/04", "2016-04-22"),
            ("back 4/22", "2016-11-07", "4/22", "2016-04-22"),
            ("back 22/04.", "2016-11-07", "22/04", "2016-04-22"),
            ("killed on 4-22", "2016-11-07", "4-22", "2016-04-22"),
            ("killed on 4.22", "2016-11-07", "4.22", "2016-04-22"),
            (
                "on friday 7.6 with Jim",
                "2018-07-06",
                "friday 7.6",
                "2018-07-06",
            ),
            (
                "sometime friday 7/6 with Jim",
                "2018-07-06",
                "friday 7/6",
                "2018-07-06",
            ),
            (
                "on 3/4, a Wednesday",
                "2024-12-12",
                "3/4, a Wednesday",
                "2024-03-04",
            ),
            ("2/29", "2019-03-22", "2/29", "2016-02-29"),
            ("2/29/2020", "2020-03-22", "2/29/2020", "2020-02-29"),
        ]);
    }

    /// A month joined to its day.
    #[test]
    fn a_month_joined_to_its_day() {
        dates_found(&[
            ("back Oct-2", "2016-11-07", "Oct-2", "2016-10-02"),
            ("back Oct/2", "2016-11-07", "Oct/2", "2016-10-02"),
            ("back jan/1", "2016-11-07", "jan/1", "2016-01-01"),
            ("back 28-nov", "2016-11-07", "28-nov", "2015-11-28"),
            ("back 1-jan", "2016-11-07", "1-jan", "2016-01-01"),
            ("back October2", "2016-11-07", "October2", "2016-10-02"),
            ("back april22", "2016-11-07", "april22", "2016-04-22"),
            ("back 22april", "2016-11-07", "22april", "2016-04-22"),
            (
                "back january12,2016",
                "2016-11-07",
                "january12,2016",
                "2016-01-12",
            ),
            ("back 2019-sep-1.", "2018-08-21", "2019-sep-1", "2019-09-01"),
            (
                "back 2019/sep/01.",
                "2018-08-21",
                "2019/sep/01",
                "2019-09-01",
            ),
            (
                "this friday-jun-15 with",
                "2018-06-14",
                "friday-jun-15",
                "2018-06-15",
            ),
            (
                "this friday (jun-15) with",
                "2018-06-14",
                "friday (jun-15)",
                "2018-06-15",
            ),
            (
                "this friday(jun-15) with",
                "2018-06-14",
                "friday(jun-15)",
                "2018-06-15",
            ),
        ]);
    }

    /// Month and weekday names in lower case, beside a day.
    #[test]
    fn names_in_lower_case_beside_a_day() {
        dates_found(&[
            (
                "back january 12, 2016",
                "2016-11-07",
                "january 12, 2016",
                "2016-01-12",
            ),
            (
                "back 15 june 2016",
                "2016-11-07",
                "15 june 2016",
                "2016-06-15",
            ),
            ("back 1st jan", "2016-11-07", "1st jan", "2016-01-01"),
            (
                "back 4th of march",
                "2016-11-07",
                "4th of march",
                "2016-03-04",
            ),
            ("on may 22", "2016-11-07", "may 22", "2016-05-22"),
            ("they may 22.", "2016-11-07", "may 22", "2016-05-22"),
            ("16. nov. 2016", "2016-11-14", "16. nov. 2016", "2016-11-16"),
            (
                "Nov. 2016",
                "2016-11-14",
                "Nov. 2016",
                "2016-11-01..2016-11-30",
            ),
            (
                "back monday january 12th, 2016",
                "2016-11-07",
                "monday january 12th, 2016",
                "2016-01-12",
            ),
            (
                "back wed, 22 of jan",
                "2016-11-07",
                "wed, 22 of jan",
                "2016-01-22",
            ),
            (
                "On Wed. Dec 11 the",
                "2024-12-12",
                "Wed. Dec 11",
                "2024-12-11",
            ),
            ("back on friday", "2016-11-07", "friday", "2016-11-04"),
            ("back on tues.", "2016-11-07", "tues", "2016-11-01"),
            ("past monday", "2016-11-07", "monday", "2016-10-31"),
            ("last sunday", "2016-11-07", "sunday", "2016-11-06"),
            ("on Sat. the", "2024-12-12", "Sat", "2024-12-07"),
        ]);
    }

    /// Days in words, and ordinal days with a month.
    #[test]
    fn days_in_words() {
        dates_found(&[
            ("back Jan first", "2016-11-07", "Jan first", "2016-01-01"),
            (
                "back May twenty-first",
                "2016-11-07",
                "May twenty-first",
                "2016-05-21",
            ),
            (
                "back May twenty one",
                "2016-11-07",
                "May twenty one",
                "2016-05-21",
            ),
            (
                "back second of Aug.",
                "2016-11-07",
                "second of Aug.",
                "2016-08-02",
            ),
            (
                "back fourth of may",
                "2016-11-07",
                "fourth of may",
                "2016-05-04",
            ),
            (
                "back twenty second of June",
                "2016-11-07",
                "twenty second of June",
                "2016-06-22",
            ),
            (
                "back twenty-second of june 2017",
                "2016-11-07",
                "twenty-second of june 2017",
                "2017-06-22",
            ),
            (
                "a baseball on may the eleventh",
                "2016-11-07",
                "may the eleventh",
                "2016-05-11",
            ),
            (
                "set up for october, 1st.",
                "2016-11-07",
                "october, 1st",
                "2016-10-01",
            ),
            (
                "signed on the fourth of July.",
                "2024-12-12",
                "fourth of July",
                "2024-07-04",
            ),
            (
                "this friday june twenty two with Jim",
                "2018-06-20",
                "friday june twenty two",
                "2018-06-22",
            ),
        ]);
    }

    /// Years written out, or outside the usual range, where nothing follows.
    #[test]
    fn years_written_out() {
        dates_found(&[
            (
                "monday, jan twenty two, 2018",
                "2016-11-07",
                "monday, jan twenty two, 2018",
                "2018-01-22",
            ),
            (
                "on sunday jan twenty one two thousand and eighteen",
                "2016-11-07",
                "sunday jan twenty one two thousand and eighteen",
                "2018-01-21",
            ),
            (
                "on September the twenty-first nineteen seventy eight",
                "2016-11-07",
                "September the twenty-first nineteen seventy eight",
                "1978-09-21",
            ),
            (
                "on September 10, nineteen zero one",
                "2016-11-07",
                "September 10, nineteen zero one",
                "1901-09-10",
            ),
            (
                "on the tenth of September, two thousand",
                "2016-11-07",
                "tenth of September, two thousand",
                "2000-09-10",
            ),
            (
                "a meeting 5 December 1391",
                "2017-12-18",
                "5 December 1391",
                "1391-12-05",
            ),
            (
                "a trip on 26th june of 2020",
                "2016-11-07",
                "26th june of 2020",
                "2020-06-26",
            ),
        ]);
    }

    /// A weekday and a day of the month; the nth weekday of a month.
    #[test]
    fn weekdays_and_days_of_the_month() {
        dates_found(&[
            (
                "back Friday the 15th",
                "2017-09-27",
                "Friday the 15th",
                "2017-09-15",
            ),
            (
                "back Friday the fifteen",
                "2017-09-27",
                "Friday the fifteen",
                "2017-09-15",
            ),
            (
                "on saturday the second",
                "2017-09-01",
                "saturday the second",
                "2017-09-02",
            ),
            (
                "for wednesday the 27th with Joe",
                "2017-09-01",
                "wednesday the 27th",
                "2017-09-27",
            ),
            (
                "on Friday the 13th of December.",
                "2024-12-12",
                "Friday the 13th of December",
                "2024-12-13",
            ),
            (
                "back the first friday of july",
                "2016-11-07",
                "first friday of july",
                "2016-07-01",
            ),
            (
                "the last Sunday of May 2016.",
                "2016-11-07",
                "last Sunday of May 2016",
                "2016-05-29",
            ),
        ]);
    }

    #[test]
    fn weekday_beside_a_date_is_kept() {
        let got = date("on Thursday, December 11, 2024, a", None).unwrap();
        assert_eq!(got.0, "2024-12-11");
        assert_eq!(got.1, Some(Weekday::Thursday));
        assert_eq!(got.2, 6);
        assert_eq!(date("on Wednesday", None).unwrap().0, "?");
        let got = date("back Friday the 15th", None).unwrap();
        assert_eq!((got.0.as_str(), got.1), ("?", Some(Weekday::Friday)));
        // The weekday alone, not the figure after it.
        for (text, weekday) in [
            ("On Friday 7-6 in the final set", "Friday"),
            ("On Saturday the second round began.", "Saturday"),
            ("on friday 7-6 with Jim", "friday"),
        ] {
            let got = found(text, "2024-12-12").unwrap();
            assert_eq!(got.0, weekday, "{text}");
        }
        let got = date("on friday 7/6 with", Some("2018-07-06")).unwrap();
        assert_eq!(
            (got.0.as_str(), got.1),
            ("2018-07-06", Some(Weekday::Friday))
        );
    }

    #[test]
    fn weekdays_of_a_list_follow_the_first() {
        // Published on a Friday: the list is read forward from its first day, however
        // far its last day stands from the word that put the first in the future.
        let all = |text: &str, published: &str| -> Vec<String> {
            let w = Words::new(text, 0..text.len());
            let p = Day::parse_iso(published);
            (0..w.len())
                .filter_map(|i| read(&w, i, p).and_then(|m| m.range).map(|r| r.to_string()))
                .collect()
        };
        assert_eq!(
            all(
                "The casket will lie in state at the Capitol Saturday night, Sunday and Monday.",
                "2024-12-27"
            ),
            ["2024-12-28", "2024-12-29", "2024-12-30"]
        );
        // Without a word of the future the first day is the last one, and the next
        // follow it.
        assert_eq!(
            all(
                "Crowds gathered on Tuesday, Wednesday and Thursday.",
                "2024-12-27"
            ),
            ["2024-12-24", "2024-12-25", "2024-12-26"]
        );
        // Not a list: two weekdays in separate clauses keep their own reading.
        assert_eq!(
            all("It opened on Monday. Stores close Friday.", "2024-12-25"),
            ["2024-12-23", "2024-12-20"]
        );
    }

    #[test]
    fn days_counted_from_publication() {
        // Published on Thursday 12 December 2024.
        let p = "2024-12-12";
        let table: &[(&str, &str, &str)] = &[
            ("It struck yesterday.", "yesterday", "2024-12-11"),
            (
                "It struck the day before yesterday.",
                "the day before yesterday",
                "2024-12-10",
            ),
            ("It opens tomorrow.", "tomorrow", "2024-12-13"),
            ("It struck two days ago.", "two days ago", "2024-12-10"),
            (
                "It struck just over a week ago.",
                "a week ago",
                "2024-12-02..2024-12-08",
            ),
            (
                "It struck three weeks ago.",
                "three weeks ago",
                "2024-11-18..2024-11-24",
            ),
            (
                "It struck last week.",
                "last week",
                "2024-12-02..2024-12-11",
            ),
            (
                "It struck earlier this week.",
                "earlier this week",
                "2024-12-09..2024-12-11",
            ),
            (
                "It struck last weekend.",
                "last weekend",
                "2024-12-06..2024-12-09",
            ),
            (
                "It grew over the weekend.",
                "the weekend",
                "2024-12-06..2024-12-09",
            ),
            (
                "It struck last month.",
                "last month",
                "2024-11-01..2024-11-30",
            ),
            (
                "It struck earlier this month.",
                "earlier this month",
                "2024-12-01..2024-12-11",
            ),
        ];
        for (text, span, want) in table {
            let got = found(text, p).unwrap_or_else(|| panic!("no date in {text:?}"));
            assert_eq!((got.0.as_str(), got.1.as_str()), (*span, *want), "{text}");
        }
        // On a weekend, "last weekend" is the one before.
        assert_eq!(
            found("It struck last weekend.", "2024-12-14").unwrap().1,
            "2024-12-06..2024-12-09"
        );
        // Years ago, an hour ago and a figure before "ago" are no such dates.
        for text in [
            "Built 30 years ago.",
            "It rang an hour ago.",
            "He came here ago.",
        ] {
            assert_eq!(found(text, p), None, "{text}");
        }
    }

    #[test]
    fn year_and_month() {
        assert_eq!(
            date("in 1995-01 the", None).unwrap().0,
            "1995-01-01..1995-01-31"
        );
        assert_eq!(date("killed 2023-13 people", None), None);
    }

    #[test]
    fn not_dates() {
        assert_eq!(date("they may march 2000 people", None), None);
        assert_eq!(date("killed 2011 people", None), None);
        assert_eq!(date("the wednesday meeting", None), None);
        // A number before a noun that modifies another is no year of an event.
        assert_eq!(date("about 2000 fire engines", Some("2024-12-12")), None);
        assert_eq!(date("the December fire crews", Some("2024-12-12")), None);
        assert_eq!(date("May fire crews rest", Some("2024-12-12")), None);
        let p = "2024-12-12";
        let table: &[&str] = &[
            // Shares, ratios, scores and decimals.
            "Around 3/4 of the people voted.",
            "Nearly 1/3 of homes were hit.",
            "the face amount of its 6 1/4% convertible",
            "The shop is open 24/7 now.",
            "Since 9/11 the rules have changed.",
            "After 7/7 London changed.",
            "The ratio was 50/50.",
            "rose 3/4.",
            "He scored 21/4 in the match.",
            "Between 1/16 and 1/8 inch.",
            "The court ruled 5-4 in the case.",
            "Madrid won 4-2 on aggregate.",
            "He won on 4-2 aggregate.",
            "Federer won the tiebreak 7-6.",
            "Ages 4-22 were eligible.",
            "Children aged 3-7 were hurt.",
            "i'll go back in 4-22",
            "A 7.6 magnitude quake struck.",
            "He finished in 4.22 seconds.",
            "i'll go back at 4.22",
            "Prices rose 1.5 percent.",
            "Version 1.2.10 was released.",
            "The server at 10.1.1.1 failed.",
            "Call 555-12-34 now.",
            "The scores were 1-2-3.",
            "6,107.31 dollars",
            // Ordinary words that are also month and weekday names.
            "They may march 20 miles to the capital.",
            "The protesters march 2000 strong.",
            "Jan first met him there.",
            "June first saw the results.",
            "A fourth of May's budget went to arms.",
            "one third of June was lost.",
            "He sat on sun loungers.",
            "They wed in the spring.",
            "Sat in the front row, he watched.",
            "The Sun reported it.",
            "attacks on Mon villages",
            "on sun loungers",
            "i'll go back friday",
            "the first prize",
            "Mar-a-Lago and Covid-19 and Oct4",
            // A day of the month with no month.
            "i'll go to the 27th floor",
            "Commemorative Events for the 25th Anniversary",
            "Get tickets for the 17th Door Haunted Experience",
            "i'll go back on 15",
            "Feb 30",
        ];
        for text in table {
            assert_eq!(found(text, p), None, "{text}");
        }
        // A month before a count is the month, never a day of it.
        for (text, month) in [
            ("In March two people died.", "2024-03-01..2024-03-31"),
            (
                "In March, two thousand people marched.",
                "2024-03-01..2024-03-31",
            ),
            ("In October, 12 people died.", "2024-10-01..2024-10-31"),
            ("In May one soldier died.", "2024-05-01..2024-05-31"),
        ] {
            assert_eq!(
                found(text, p).map(|(_, r)| r).as_deref(),
                Some(month),
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod day_of_month_tests {
    use super::super::Words;
    use super::*;

    fn date(text: &str, published: &str) -> Option<String> {
        let w = Words::new(text, 0..text.len());
        let p = Day::parse_iso(published);
        (0..w.len()).find_map(|i| read(&w, i, p).and_then(|d| d.range).map(|r| r.to_string()))
    }

    #[test]
    fn a_day_of_the_month_alone() {
        assert_eq!(
            date("It crashed on the 29th at 9:03 a.m.", "2024-12-29").as_deref(),
            Some("2024-12-29")
        );
        assert_eq!(
            date("on the morning of the 30th, it fell", "2025-01-02").as_deref(),
            Some("2024-12-30")
        );
        // A rank, not a day.
        assert_eq!(date("on the 39th president's farm", "2025-01-02"), None);
        assert_eq!(
            date("the 29th of December", "2025-01-02").as_deref(),
            Some("2024-12-29")
        );
    }
}

//! Dates: "December 11, 2024", "11 December 2024", "Dec. 11", "March 2023", "in 2011",
//! "in early 2015", "2024-12-11", and weekdays ("on Wednesday", "Thursday, December 11").

use crate::date::{Day, DayRange, Weekday, month_from_name};

use super::Words;

/// A date found in a run of words.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    pub start: usize,
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

/// Reads a date at word `at`. `published` resolves years left out and weekdays.
pub fn read(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    if let Some(weekday) = weekday_at(w, at) {
        // "Thursday, December 11, 2024" / "Wednesday 11 December"
        let mut next = at + 1;
        if w.lower(next) == "," {
            next += 1;
        }
        if let Some(mut date) = bare_calendar(w, next, published) {
            date.start = at;
            date.weekday = Some((weekday, at));
            return Some(date);
        }
        let prev = at.checked_sub(1).map(|p| w.lower(p));
        let range = match prev {
            Some("next" | "coming") => None,
            Some("last" | "past") => {
                published.map(|p| DayRange::day(p.add_days(-1).previous_or_same(weekday)))
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
        return Some(DateMatch {
            start: at,
            end: at + 1,
            range,
            weekday: Some((weekday, at)),
        });
    }
    calendar(w, at, published)
}

fn weekday_at(w: &Words, at: usize) -> Option<Weekday> {
    let word = w.original(at)?;
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    Weekday::from_name(bare)
}

/// A calendar date, with a weekday in apposition after it if there is one:
/// "Dec 11, a Wednesday," / "December 11 (Wednesday)".
fn calendar(w: &Words, at: usize, published: Option<Day>) -> Option<DateMatch> {
    let mut date = bare_calendar(w, at, published)?;
    let e = date.end;
    let apposition = match (w.lower(e), w.lower(e + 1)) {
        (",", "a") => Some(e + 2),
        ("(", _) if w.lower(e + 2) == ")" => Some(e + 1),
        _ => None,
    };
    if let Some(k) = apposition
        && let Some(weekday) = weekday_at(w, k)
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
    // Month first: "December 11, 2024", "Dec. 11", "March 2023".
    if let Some(month) = month_word(w, at) {
        let mut i = at + 1;
        if w.lower(i) == "." {
            i += 1;
        }
        if let Some(day) = day_number(w.lower(i)) {
            let mut end = i + 1;
            let mut after = end;
            if w.lower(after) == "," {
                after += 1;
            }
            let year = year_number(w.lower(after));
            if year.is_some() {
                end = after + 1;
            }
            let range = resolve(year, month, day, published);
            return Some(single(at, end, range));
        }
        let mut after = i;
        if w.lower(after) == "," {
            after += 1;
        }
        if let Some(year) = year_number(w.lower(after)) {
            return Some(single(at, after + 1, DayRange::month(year, month)));
        }
        return None;
    }
    // Day first: "11 December 2024", "11th of December".
    if let Some(day) = day_number(word) {
        let mut i = at + 1;
        if w.lower(i) == "of" {
            i += 1;
        }
        if let Some(month) = month_word(w, i) {
            let mut end = i + 1;
            if w.lower(end) == "." {
                end += 1;
            }
            let year = year_number(w.lower(end));
            if year.is_some() {
                end += 1;
            }
            return Some(single(at, end, resolve(year, month, day, published)));
        }
        return None;
    }
    // A year: "in 2011", "in early 2015", "the 1973 coup".
    let (part, year_at) = match word {
        "early" | "mid" | "late" | "mid-" => (Some(word), at + 1),
        _ => (None, at),
    };
    let year = w.number_word(year_at).and(year_number(w.lower(year_at)))?;
    let lead = at.checked_sub(1).map(|p| w.lower(p));
    if part.is_none() && !lead.is_some_and(|l| YEAR_LEAD.contains(&l)) {
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

fn single(start: usize, end: usize, range: Option<DayRange>) -> DateMatch {
    DateMatch {
        start,
        end,
        range,
        weekday: None,
    }
}

/// A month name, capitalised as a proper noun; "May" and "March" only count when a day
/// or a year is beside them, which the callers check.
fn month_word(w: &Words, at: usize) -> Option<u32> {
    let word = w.original(at)?;
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    month_from_name(word)
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
/// the date nearest before publication (a week's grace for things announced ahead).
fn resolve(year: Option<i32>, month: u32, day: u32, published: Option<Day>) -> Option<DayRange> {
    let day = match (year, published) {
        (Some(y), _) => Day::from_ymd(y, month, day)?,
        (None, Some(p)) => {
            let this = Day::from_ymd(p.year(), month, day);
            match this {
                Some(d) if d <= p.add_days(7) => d,
                _ => Day::from_ymd(p.year() - 1, month, day)?,
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

    #[test]
    fn shapes_of_dates() {
        let p = Some("2024-12-12");
        let table: &[(&str, &str)] = &[
            ("on December 11, 2024 in Kabul", "2024-12-11"),
            ("on 11 December 2024 in Kabul", "2024-12-11"),
            ("on Dec. 11 the", "2024-12-11"),
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

    #[test]
    fn weekday_beside_a_date_is_kept() {
        let got = date("on Thursday, December 11, 2024, a", None).unwrap();
        assert_eq!(got.0, "2024-12-11");
        assert_eq!(got.1, Some(Weekday::Thursday));
        assert_eq!(got.2, 6);
        assert_eq!(date("on Wednesday", None).unwrap().0, "?");
    }

    #[test]
    fn not_dates() {
        assert_eq!(date("they may march 2000 people", None), None);
        assert_eq!(date("killed 2011 people", None), None);
        assert_eq!(date("the wednesday meeting", None), None);
    }
}

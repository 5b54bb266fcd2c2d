//! Ages in the shapes newswire uses: "X, 58,", "X, now 58,", "58-year-old X", "X (58)",
//! "aged 58", "at the age of 58" (and "58 years old"), "died at 100", "lived to 100",
//! "his 100 years of life".

use super::Words;

/// An age found in a run of words, with the words that name whose age it is when they
/// stand right beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeMatch {
    /// The first word of the age as written ("aged" in "aged 58").
    pub start: usize,
    /// The word after the age: it takes words `start..end`.
    pub end: usize,
    /// The age in years; the first year of an age given as a span.
    pub years: u64,
    /// The last year of an age given as a span ("in her late 60s": 66 to 69); `years`
    /// alone when it is one number.
    pub years_max: u64,
    /// Word range of the name beside the age.
    pub subject: Option<(usize, usize)>,
    /// The age of several people: "in their 20s".
    pub of_group: bool,
}

const MAX_AGE: u64 = 125;

/// Reads an age at word `at`.
pub fn read(w: &Words, at: usize) -> Option<AgeMatch> {
    let word = w.lower(at);
    hyphenated(w, at, word)
        .or_else(|| aged(w, at, word))
        .or_else(|| in_decade_of_life(w, at, word))
        .or_else(|| at_the_age_of(w, at, word))
        .or_else(|| years_old(w, at))
        .or_else(|| age_at_death(w, at))
        .or_else(|| age_lived_to(w, at))
        .or_else(|| of_age(w, at, word))
        .or_else(|| beside_name(w, at, word))
}

/// "58-year-old", "58-years-old": at word `at` (`word`), the age of the noun phrase it
/// stands in, or of nobody named when it refers back.
fn hyphenated(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    let n = hyphenated_age(word)?;
    // The age is of the noun phrase it stands in: "the 58-year-old Khalil Haqqani",
    // "a 79-year-old grandfather surnamed Bae"; "his 68-year-old wife" and "a
    // 5-year-old" are somebody else, whoever else the sentence names.
    // "confirmed that the 25-year-old had died": "the" and no noun after make it a
    // noun for someone named before, whoever the sentence names.
    let next = w.lower(at + 1);
    let refers_back = at > 0
        && w.lower(at - 1) == "the"
        && (next.is_empty()
            || w.is_punct(at + 1)
            || matches!(
                next,
                "had"
                    | "has"
                    | "have"
                    | "was"
                    | "is"
                    | "were"
                    | "who"
                    | "will"
                    | "would"
                    | "died"
                    | "dies"
            ));
    let subject = name_after(w, at + 1)
        .or_else(|| name_before_comma(w, at))
        .or_else(|| name_in_phrase(w, at + 1))
        .or((!refers_back).then_some((at, at + 1)));
    Some(AgeMatch {
        start: at,
        end: at + 1,
        years: n,
        years_max: n,
        subject,
        of_group: false,
    })
}

/// "Khalil Haqqani, aged 58", "his wife, aged 68": at word `at` (`word`), "aged" and
/// the number after it, of the name or noun set off before it.
fn aged(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    // "aged 58"
    if word == "aged"
        && let Some(n) = age_number(w.lower(at + 1))
    {
        return Some(AgeMatch {
            start: at,
            end: at + 2,
            years: n,
            years_max: n,
            subject: name_before_comma(w, at).or_else(|| noun_before_comma(w, at)),
            of_group: false,
        });
    }
    None
}

/// "In her late 60s", "in their mid-40s": at word `at` (`word`), a decade of life
/// after "in" and a possessive, as a span of years; of a group after "their".
fn in_decade_of_life(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    // "in her late 60s", "in his eighties", "in their mid-40s": a decade of life.
    if word == "in"
        && matches!(w.lower(at + 1), "his" | "her" | "their")
        && let Some((years, used)) = decade_of_life(w, at + 2)
    {
        return Some(AgeMatch {
            start: at,
            end: at + 2 + used,
            years: years.0,
            years_max: years.1,
            subject: None,
            of_group: w.lower(at + 1) == "their",
        });
    }
    None
}

/// "At the age of 58": at word `at` (`word`), the five words, of nobody named.
fn at_the_age_of(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    // "at the age of 58"
    if word == "at"
        && w.lower(at + 1) == "the"
        && w.lower(at + 2) == "age"
        && w.lower(at + 3) == "of"
        && let Some(n) = age_number(w.lower(at + 4))
    {
        return Some(AgeMatch {
            start: at,
            end: at + 5,
            years: n,
            years_max: n,
            subject: None,
            of_group: false,
        });
    }
    None
}

/// "58 years old", "ninety five years of age", "87 yo": at word `at`, a number of years
/// in digits or words and the words that make it an age, of a name set off before it.
fn years_old(w: &Words, at: usize) -> Option<AgeMatch> {
    // "58 years old", "five years old", "one year old", "ninety five years of age".
    let (n, used) = years_at(w, at)?;
    let after = at + used;
    let unit = w.lower(after);
    let old = matches!(unit, "years" | "year") && w.lower(after + 1) == "old";
    let of_age = matches!(unit, "years" | "year")
        && w.lower(after + 1) == "of"
        && w.lower(after + 2) == "age";
    if old || of_age || unit == "yo" {
        let end = after
            + if old {
                2
            } else if of_age {
                3
            } else {
                1
            };
        return Some(AgeMatch {
            start: at,
            end,
            years: n,
            years_max: n,
            subject: name_before_comma(w, at),
            of_group: false,
        });
    }
    None
}

/// "A man of age 87": at word `at` (`word`), "age" and a number, not after "the".
fn of_age(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    // "a man of age 87"
    if word == "age"
        && w.lower(at.wrapping_sub(1)) != "the"
        && let Some(n) = age_number(w.lower(at + 1))
    {
        return Some(AgeMatch {
            start: at,
            end: at + 2,
            years: n,
            years_max: n,
            subject: None,
            of_group: false,
        });
    }
    None
}

/// "Haqqani (58)", "John William, now 76,", "Haqqani, 58, was": at word `at` (`word`),
/// a bare number set off beside the name it is the age of. A number in one of these
/// settings with no name before it is no age.
fn beside_name(w: &Words, at: usize, word: &str) -> Option<AgeMatch> {
    let n = age_number(word)?;
    let prev = at.checked_sub(1).map(|p| w.lower(p));
    let next = w.lower(at + 1);
    // "Haqqani (58)"
    if prev == Some("(") && next == ")" {
        let subject = name_ending(w, at - 1);
        return subject.map(|s| AgeMatch {
            start: at,
            end: at + 1,
            years: n,
            years_max: n,
            subject: Some(s),
            of_group: false,
        });
    }
    // "John William, now 76, who": the age today, of the name before "now".
    if prev == Some("now")
        && at >= 2
        && w.lower(at - 2) == ","
        && matches!(next, "," | ";" | "." | "")
    {
        let subject = name_ending(w, at - 2)?;
        return Some(AgeMatch {
            start: at - 1,
            end: at + 1,
            years: n,
            years_max: n,
            subject: Some(subject),
            of_group: false,
        });
    }
    // "Haqqani, 58, was"; "Julie Richards, 47 and her daughter".
    let and_another = next == "and"
        && w.number_word(at + 2).is_none()
        && !matches!(w.lower(at + 2), "others" | "other" | "more")
        && super::number::cardinal(&[w.lower(at + 2)]).is_none();
    if prev == Some(",") && (matches!(next, "," | ";" | "." | "") || and_another) {
        let subject = name_ending(w, at - 1)?;
        return Some(AgeMatch {
            start: at,
            end: at + 1,
            years: n,
            years_max: n,
            subject: Some(subject),
            of_group: false,
        });
    }
    None
}

/// "Died at 100", "dies at 96 years", "died at his home in Plains at 100 on Sunday": at
/// word `at` ("at"), a number of years after a verb of dying earlier in its clause
/// (within eight words, no comma between), with no noun after it: the age at death.
fn age_at_death(w: &Words, at: usize) -> Option<AgeMatch> {
    if w.lower(at) != "at" {
        return None;
    }
    let n = age_number(w.lower(at + 1))?;
    let after = w.lower(at + 2);
    let free = !w.is_word(at + 2)
        || matches!(after, "years" | "year" | "after" | "on" | "in")
        || w.original(at + 2)
            .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()));
    let died = (at.saturating_sub(8)..at)
        .rev()
        .take_while(|&k| w.is_word(k) || w.number_word(k).is_some())
        .any(|k| matches!(w.lower(k), "died" | "dies" | "dead"));
    if !free || !died {
        return None;
    }
    let years = usize::from(matches!(after, "years" | "year"));
    Some(AgeMatch {
        start: at + 1,
        end: at + 2 + years,
        years: n,
        years_max: n,
        subject: None,
        of_group: false,
    })
}

/// "To live to 100", "lived to be 97", "his 100 years of life": at word `at`, how old
/// someone lived to be.
fn age_lived_to(w: &Words, at: usize) -> Option<AgeMatch> {
    let age = |start: usize, n: u64, end: usize| AgeMatch {
        start,
        end,
        years: n,
        years_max: n,
        subject: None,
        of_group: false,
    };
    if matches!(w.lower(at), "live" | "lived" | "lives" | "living") && w.lower(at + 1) == "to" {
        let be = usize::from(w.lower(at + 2) == "be");
        let n = age_number(w.lower(at + 2 + be))?;
        let next = at + 3 + be;
        return (!w.is_word(next) || matches!(w.lower(next), "on" | "in" | "after" | "and"))
            .then(|| age(at + 2 + be, n, next));
    }
    let (n, used) = years_at(w, at)?;
    let years = at + used;
    (n <= MAX_AGE
        && matches!(w.lower(years), "years" | "year")
        && w.lower(years + 1) == "of"
        && w.lower(years + 2) == "life")
        .then(|| age(at, n, years + 3))
}

/// The decade of life at word `at` ("60s", "sixties", "late 60s", "mid-40s",
/// "teens"), as its first and last years, and how many words it takes. "Early", "mid"
/// and "late" take overlapping thirds so that a reader's sense of them is not held to
/// a day: early 60, 60 to 64; mid, 63 to 67; late, 66 to 69.
fn decade_of_life(w: &Words, at: usize) -> Option<((u64, u64), usize)> {
    let mut word = w.lower(at);
    let mut used = 1;
    let mut part = None;
    if let Some(rest) = word.strip_prefix("mid-") {
        part = Some("mid");
        word = rest;
    } else if matches!(word, "early" | "mid" | "late") {
        part = Some(word);
        word = w.lower(at + 1);
        used = 2;
    }
    let word = word.trim_end_matches('\'').trim_end_matches('\u{2019}');
    let first: u64 = match word {
        "teens" => 13,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => {
            let digits = word
                .strip_suffix("s")
                .map(|d| d.strip_suffix('\'').unwrap_or(d))?;
            let d: u64 = digits
                .parse()
                .ok()
                .filter(|d| digits.len() == 2 && d % 10 == 0)?;
            (20..=110).contains(&d).then_some(d)?
        }
    };
    let last = if first == 13 { 19 } else { first + 9 };
    let span = match part {
        Some("early") => (first, first + 4),
        Some("mid") => (first + 3, first + 7),
        Some("late") => (first + 6, last),
        _ => (first, last),
    };
    Some((span, used))
}

/// A number of years at word `at`, in digits or words, and how many words it takes.
fn years_at(w: &Words, at: usize) -> Option<(u64, usize)> {
    let (ahead, len) = w.ahead::<6>(at);
    let (value, used) = super::number::cardinal(&ahead[..len])?;
    (value.fract() == 0.0 && (0.0..10_000.0).contains(&value)).then_some((value as u64, used))
}

fn hyphenated_age(word: &str) -> Option<u64> {
    let rest = word
        .strip_suffix("-year-old")
        .or_else(|| word.strip_suffix("-years-old"))?;
    age_number(rest)
}

fn age_number(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = word.parse().ok()?;
    (1..=MAX_AGE).contains(&n).then_some(n)
}

/// Words that may sit inside a name in lower case ("Khalil-ur-Rahman", "bin Zayed").
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "ul", "ur", "ud", "ud-din", "de", "van", "von",
];

fn is_name_word(w: &Words, i: usize) -> bool {
    w.original(i)
        .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()) && w.is_word(i))
}

/// The name whose last word is `end - 1` (a run of capitalised words, with perhaps a
/// quoted nickname inside it: 'John William "Jack" Carter').
fn name_ending(w: &Words, end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    while start > 0 {
        let i = start - 1;
        if is_name_word(w, i) || (NAME_PARTICLES.contains(&w.lower(i)) && start < end) {
            start -= 1;
        } else if start < end && i >= 3 && is_nickname(w, i - 1) && is_name_word(w, i - 3) {
            start -= 3;
        } else {
            break;
        }
    }
    (start < end && is_name_word(w, start)).then_some((start, end))
}

/// A capitalised word between quotation marks at word `i` ('"Jack"', '“Dick”').
fn is_nickname(w: &Words, i: usize) -> bool {
    let quote = |k: usize| {
        matches!(
            w.lower(k),
            "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}"
        )
    };
    i >= 1 && quote(i - 1) && quote(i + 1) && is_name_word(w, i)
}

fn name_after(w: &Words, start: usize) -> Option<(usize, usize)> {
    // "92-year-old Rev. Andrew Young": an abbreviated honorific is no part of the name.
    let honorifics = &crate::lexicon::english().honorifics;
    let start = if is_name_word(w, start)
        && w.lower(start + 1) == "."
        && is_name_word(w, start + 2)
        && (honorifics.has(w.lower(start)) || honorifics.has(&format!("{}.", w.lower(start))))
    {
        start + 2
    } else {
        start
    };
    let mut end = start;
    while end < w.len()
        && (is_name_word(w, end) || (end > start && NAME_PARTICLES.contains(&w.lower(end))))
    {
        end += 1;
    }
    (end > start).then_some((start, end))
}

/// A name later in the noun phrase after an age: past lower-case words ("grandfather",
/// "former minister") and a naming word ("surnamed", "named"), before any punctuation.
fn name_in_phrase(w: &Words, start: usize) -> Option<(usize, usize)> {
    let naming = &crate::lexicon::english().naming;
    let mut k = start;
    while k < w.len() && k < start + 5 {
        // "an 83-year-old man, Rodney Nickerson,": the name in apposition.
        if w.lower(k) == "," && k > start && is_name_word(w, k + 1) {
            return name_after(w, k + 1);
        }
        if w.is_punct(k) {
            return None;
        }
        if is_name_word(w, k) {
            return name_after(w, k);
        }
        if let Some(len) = naming.starts(&[w.lower(k), w.lower(k + 1)]) {
            return name_after(w, k + len);
        }
        k += 1;
    }
    None
}

/// "his wife, aged 68", "the boy, aged 5": the common noun, after a determiner, that
/// the age is set off from.
fn noun_before_comma(w: &Words, at: usize) -> Option<(usize, usize)> {
    let determiner = |k: usize| {
        matches!(
            w.lower(k),
            "his" | "her" | "their" | "its" | "our" | "my" | "the" | "a" | "an"
        )
    };
    (at >= 3
        && w.lower(at - 1) == ","
        && w.is_word(at - 2)
        && !is_name_word(w, at - 2)
        && (determiner(at - 3) || at >= 4 && determiner(at - 4)))
    .then_some((at - 2, at - 1))
}

/// "Khalil Haqqani, aged 58" / "Haqqani, a 58-year-old".
fn name_before_comma(w: &Words, at: usize) -> Option<(usize, usize)> {
    let mut i = at;
    // Skip an article: "Haqqani, a 58-year-old".
    if i > 0 && matches!(w.lower(i - 1), "a" | "an" | "the") {
        i -= 1;
    }
    if i > 0 && w.lower(i - 1) == "," {
        return name_ending(w, i - 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::Words;
    use super::*;

    fn age(text: &str) -> Option<(u64, Option<String>)> {
        let w = Words::new(text, 0..text.len());
        (0..w.len()).find_map(|i| {
            read(&w, i).map(|m| {
                let subject = m.subject.map(|(s, e)| {
                    let start = w.span(s).start;
                    let end = w.span(e - 1).end;
                    text[start..end].to_string()
                });
                (m.years, subject)
            })
        })
    }

    #[test]
    fn five_shapes() {
        let table: &[(&str, u64, Option<&str>)] = &[
            ("Khalil Haqqani, 58, was killed", 58, Some("Khalil Haqqani")),
            ("the 58-year-old Khalil Haqqani", 58, Some("Khalil Haqqani")),
            ("Khalil Haqqani (58) was", 58, Some("Khalil Haqqani")),
            ("Khalil Haqqani, aged 58, was", 58, Some("Khalil Haqqani")),
            ("he died at the age of 58", 58, None),
            ("Haqqani, 58.", 58, Some("Haqqani")),
            (
                "Khalil-ur-Rahman Haqqani, 58, was",
                58,
                Some("Khalil-ur-Rahman Haqqani"),
            ),
            ("Haqqani, a 58-year-old", 58, Some("Haqqani")),
            ("Haqqani, 58 years old,", 58, Some("Haqqani")),
            ("when she was five years old", 5, None),
            ("a promise that is one year old", 1, None),
            ("after ninety five years of age", 95, None),
            ("a 87 yo man", 87, None),
            ("a man of age 87", 87, None),
            ("John William, now 76, who", 76, Some("John William")),
        ];
        for (text, years, subject) in table {
            let got = age(text).unwrap_or_else(|| panic!("no age in {text:?}"));
            assert_eq!(got, (*years, subject.map(String::from)), "{text}");
        }
    }

    #[test]
    fn not_ages() {
        assert_eq!(age("In Kabul, 58 people died"), None);
        assert_eq!(age("killed 58, injured 20"), None);
        assert_eq!(age("in (58) cases"), None);
        assert_eq!(age("The toll, now 76, rose"), None);
    }
}

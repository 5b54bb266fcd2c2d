//! Figures with their qualifiers, read as intervals.
//!
//! | text | value |
//! | --- | --- |
//! | "five", "5" | [5, 5] |
//! | "at least five", "a minimum of five", "no fewer than five", "five or more" | [5, ∞) |
//! | "more than 60", "over 60", "upwards of 60" | [61, ∞) |
//! | "nearly 250", "almost 250" | [⌈250·(1−t)⌉, 249] |
//! | "about 100", "around", "some", "approximately", "roughly" | [⌊100·(1−t)⌋, ⌈100·(1+t)⌉] |
//! | "up to 10", "as many as 10" | [1, 10] |
//! | "fewer than 10", "under 10" | [0, 9] |
//! | "at most 10", "no more than 10" | [0, 10] |
//! | "between 60 and 63", "60 to 63", "two or three" | [60, 63] |
//!
//! `t` is the tolerance for approximate figures, 10% by default. Vague quantities have
//! fixed ranges, listed in [`VAGUE`].
//!
//! The same reader parses figures written in the rulebook, so a rule author writes
//! `killed: at least 3` exactly as a reporter would.

use crate::interval::Interval;

use super::number;

/// Default tolerance for "about", "nearly" and their kin.
pub const DEFAULT_TOLERANCE: f64 = 0.10;

/// A figure read from text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: Interval,
    /// A word such as "several" rather than a figure.
    pub vague: bool,
    /// Set for money: "USD", "EUR", "GBP", "PKR", "AFN".
    pub currency: Option<String>,
    /// The figure exactly as written, when it is one plain number ("4.8").
    pub figure: Option<f64>,
}

/// A figure found in a run of words: its value and which words it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMatch {
    pub quantity: Quantity,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    AtLeast,
    MoreThan,
    Nearly,
    About,
    UpTo,
    FewerThan,
    AtMost,
    Between,
}

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["at", "least"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "short", "of"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::FewerThan),
    (&["less", "than"], Qualifier::FewerThan),
    (&["under"], Qualifier::FewerThan),
    (&["below"], Qualifier::FewerThan),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["between"], Qualifier::Between),
];

/// Vague quantities and the ranges they are read as.
pub const VAGUE: &[(&[&str], u64, Option<u64>)] = &[
    (&["a", "couple", "of"], 2, Some(3)),
    (&["a", "couple"], 2, Some(3)),
    (&["a", "few"], 2, Some(5)),
    (&["a", "handful", "of"], 2, Some(6)),
    (&["a", "handful"], 2, Some(6)),
    (&["several"], 3, Some(9)),
    (&["tens", "of", "thousands"], 20_000, Some(99_999)),
    (&["hundreds", "of", "thousands"], 200_000, Some(999_999)),
    (&["dozens"], 24, Some(199)),
    (&["scores"], 40, Some(199)),
    (&["hundreds"], 200, Some(999)),
    (&["thousands"], 2_000, Some(9_999)),
    (&["millions"], 2_000_000, Some(999_999_999)),
];

/// Words after a number that make it something other than a count of things.
const UNITS: &[&str] = &[
    "%",
    "percent",
    "per",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "decade",
    "centuries",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "kg",
    "times",
    "o'clock",
    "am",
    "pm",
    "a.m",
    "p.m",
    ":",
];

const CURRENCY_BEFORE: &[(&[&str], &str)] = &[
    (&["us", "$"], "USD"),
    (&["$"], "USD"),
    (&["usd"], "USD"),
    (&["€"], "EUR"),
    (&["£"], "GBP"),
    (&["rs"], "PKR"),
    (&["rs", "."], "PKR"),
];

const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("rupees", "PKR"),
    ("afghanis", "AFN"),
];

fn starts_with(words: &[&str], at: usize, phrase: &[&str]) -> bool {
    words.len() >= at + phrase.len() && words[at..at + phrase.len()] == *phrase
}

/// Reads a figure starting exactly at word `at` of lowercased `words`.
pub fn read(words: &[&str], at: usize, tolerance: f64) -> Option<QuantityMatch> {
    let mut i = at;
    let mut qualifier = None;
    if let Some((phrase, q)) = QUALIFIERS
        .iter()
        .filter(|(p, _)| starts_with(words, i, p))
        .max_by_key(|(p, _)| p.len())
    {
        qualifier = Some(*q);
        i += phrase.len();
    }
    let mut currency = None;
    if let Some((phrase, code)) = CURRENCY_BEFORE
        .iter()
        .filter(|(p, _)| starts_with(words, i, p))
        .max_by_key(|(p, _)| p.len())
    {
        currency = Some((*code).to_string());
        i += phrase.len();
    }

    // Vague quantities.
    if currency.is_none()
        && let Some((phrase, min, max)) = VAGUE.iter().find(|(p, _, _)| starts_with(words, i, p))
    {
        let end = i + phrase.len();
        let value = Interval {
            min: *min,
            max: *max,
        };
        let value = match qualifier {
            None => value,
            Some(Qualifier::AtLeast | Qualifier::MoreThan) => Interval::at_least(value.min),
            Some(_) => value,
        };
        return Some(QuantityMatch {
            quantity: Quantity {
                value,
                vague: true,
                currency: None,
                figure: None,
            },
            start: at,
            end,
        });
    }

    let (first, mut end) = number_at(words, i)?;
    if qualifier == Some(Qualifier::Between) {
        let and = words
            .get(end)
            .filter(|w| matches!(**w, "and" | "to" | "-" | "–"))?;
        let _ = and;
        let (second, after) = number_at(words, end + 1)?;
        let value = Interval::between(first.floor() as u64, second.ceil() as u64)?;
        return finish(words, at, after, value, currency);
    }
    // "1m" alone is as likely a metre as a million; with a currency it is money.
    let single_letter_scale = |w: &str| {
        w.len() >= 2
            && w.ends_with(['m', 'b', 'g'])
            && w[..w.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    if currency.is_none() && end == i + 1 && single_letter_scale(words[i]) {
        return None;
    }
    // "two or three", "60 to 63"; "10 bln or 10 tln" names two figures, not a range.
    if qualifier.is_none()
        && let Some(sep) = words.get(end)
        && matches!(*sep, "to" | "-" | "–" | "or")
        && let Some((second, after)) = number_at(words, end + 1)
        && second > first
        && (*sep != "or" || second <= first * 10.0)
    {
        let value = Interval::between(first.floor() as u64, second.ceil() as u64)?;
        return finish(words, at, after, value, currency);
    }
    let (after, currency) = unit_and_currency(words, end, currency)?;
    end = after;
    let n = first.round().max(0.0) as u64;
    let value = match qualifier {
        None => {
            if starts_with(words, end, &["or", "more"])
                || starts_with(words, end, &["and", "more"])
                || starts_with(words, end, &["or", "above"])
            {
                end += 2;
                Interval::at_least(n)
            } else if words.get(end) == Some(&"+") || words.get(end) == Some(&"plus") {
                end += 1;
                Interval::at_least(n)
            } else if starts_with(words, end, &["or", "so"]) {
                end += 2;
                about(first, tolerance)
            } else if starts_with(words, end, &["or", "fewer"])
                || starts_with(words, end, &["or", "less"])
            {
                end += 2;
                Interval {
                    min: 0,
                    max: Some(n),
                }
            } else if first.fract() != 0.0 {
                Interval {
                    min: first.floor() as u64,
                    max: Some(first.ceil() as u64),
                }
            } else {
                Interval::exact(n)
            }
        }
        Some(Qualifier::AtLeast) => Interval::at_least(n),
        Some(Qualifier::MoreThan) => Interval::at_least(first.floor() as u64 + 1),
        Some(Qualifier::Nearly) => {
            let min = (first * (1.0 - tolerance) - 1e-9).ceil() as u64;
            let max = (first.ceil() as u64).saturating_sub(1);
            Interval::between(min.min(max), max)?
        }
        Some(Qualifier::About) => about(first, tolerance),
        Some(Qualifier::UpTo) => Interval {
            min: 1.min(n),
            max: Some(n),
        },
        Some(Qualifier::FewerThan) => Interval {
            min: 0,
            max: Some((first.ceil() as u64).saturating_sub(1)),
        },
        Some(Qualifier::AtMost) => Interval {
            min: 0,
            max: Some(n),
        },
        Some(Qualifier::Between) => return None,
    };
    Some(QuantityMatch {
        quantity: Quantity {
            value,
            vague: false,
            currency,
            figure: qualifier.is_none().then_some(first),
        },
        start: at,
        end,
    })
}

fn finish(
    words: &[&str],
    at: usize,
    end: usize,
    value: Interval,
    currency: Option<String>,
) -> Option<QuantityMatch> {
    let (end, currency) = unit_and_currency(words, end, currency)?;
    Some(QuantityMatch {
        quantity: Quantity {
            value,
            vague: false,
            currency,
            figure: None,
        },
        start: at,
        end,
    })
}

/// What follows a number: a unit makes it no count at all (`None`); a currency word
/// ("dollars") makes it an amount and joins the figure.
fn unit_and_currency(
    words: &[&str],
    end: usize,
    currency: Option<String>,
) -> Option<(usize, Option<String>)> {
    let next = words.get(end);
    if next.is_some_and(|w| UNITS.contains(w)) {
        return None;
    }
    if currency.is_none()
        && let Some((_, code)) = CURRENCY_AFTER.iter().find(|(w, _)| next == Some(w))
    {
        return Some((end + 1, Some((*code).to_string())));
    }
    Some((end, currency))
}

fn about(n: f64, tolerance: f64) -> Interval {
    Interval {
        // The epsilon keeps 100 × 1.1 from rounding up to 111.
        min: (n * (1.0 - tolerance) + 1e-9).floor().max(0.0) as u64,
        max: Some((n * (1.0 + tolerance) - 1e-9).ceil() as u64),
    }
}

/// A number at word `i` (see [`number::cardinal`]).
fn number_at(words: &[&str], i: usize) -> Option<(f64, usize)> {
    let (value, used) = number::cardinal(words.get(i..)?)?;
    Some((value, i + used))
}

/// Parses a whole phrase as one figure: "at least 3", "$5 million", "nearly 250",
/// "3 to 6", "several". `None` if anything is left over.
pub fn parse_phrase(text: &str) -> Option<Quantity> {
    let lowered = text.trim().to_lowercase();
    let tokens = super::tokens::tokenize(&lowered, 0..lowered.len());
    let owned: Vec<String> = tokens
        .iter()
        .flat_map(|t| split_range_word(&lowered[t.span.clone()]))
        .collect();
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let found = read(&words, 0, DEFAULT_TOLERANCE)?;
    (found.end == words.len()).then_some(found.quantity)
}

/// "60-63" → ["60", "-", "63"]; other words unchanged.
pub fn split_range_word(word: &str) -> Vec<String> {
    if let Some((a, b)) = word.split_once('-')
        && number::digits(a).is_some()
        && number::digits(b).is_some()
    {
        return vec![a.to_string(), "-".to_string(), b.to_string()];
    }
    vec![word.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(u64, Option<u64>)> {
        parse_phrase(text).map(|q| (q.value.min, q.value.max))
    }

    #[test]
    fn meanings_of_figures() {
        let table: &[(&str, (u64, Option<u64>))] = &[
            ("five", (5, Some(5))),
            ("5", (5, Some(5))),
            ("at least five", (5, None)),
            ("a minimum of five", (5, None)),
            ("no fewer than five", (5, None)),
            ("five or more", (5, None)),
            ("more than 60", (61, None)),
            ("over 60", (61, None)),
            ("upwards of 60", (61, None)),
            ("nearly 250", (225, Some(249))),
            ("almost 250", (225, Some(249))),
            ("about 100", (90, Some(110))),
            ("around 100", (90, Some(110))),
            ("some 100", (90, Some(110))),
            ("approximately 100", (90, Some(110))),
            ("roughly 100", (90, Some(110))),
            ("up to 10", (1, Some(10))),
            ("as many as 10", (1, Some(10))),
            ("fewer than 10", (0, Some(9))),
            ("at most 10", (0, Some(10))),
            ("between 60 and 63", (60, Some(63))),
            ("60 to 63", (60, Some(63))),
            ("60-63", (60, Some(63))),
            ("two or three", (2, Some(3))),
            ("several", (3, Some(9))),
            ("a few", (2, Some(5))),
            ("dozens", (24, Some(199))),
            ("scores", (40, Some(199))),
            ("hundreds", (200, Some(999))),
            ("a handful", (2, Some(6))),
            ("more than a dozen", (13, None)),
            ("about 6,000", (5400, Some(6600))),
            ("1.5 million", (1_500_000, Some(1_500_000))),
            ("about 1.5 million", (1_350_000, Some(1_650_000))),
            ("twenty-one", (21, Some(21))),
            ("60+", (60, None)),
        ];
        for (text, want) in table {
            assert_eq!(q(text), Some(*want), "{text}");
        }
        assert_eq!(q("several people"), None);
        assert_eq!(q("12 percent"), None);
        assert_eq!(q("at least"), None);
    }

    #[test]
    fn amounts() {
        let five = parse_phrase("$5 million").unwrap();
        assert_eq!(five.value, Interval::exact(5_000_000));
        assert_eq!(five.currency.as_deref(), Some("USD"));
        assert_eq!(
            parse_phrase("US$5m").unwrap().value,
            Interval::exact(5_000_000)
        );
        assert_eq!(
            parse_phrase("10 million rupees")
                .unwrap()
                .currency
                .as_deref(),
            Some("PKR")
        );
    }
}

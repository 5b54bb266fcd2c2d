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
    /// The numbers the figure allows, its qualifier and the tolerance applied ("about
    /// 100" is 90 to 110).
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
    /// The figure read.
    pub quantity: Quantity,
    /// The first word of the figure, its qualifier included ("at" in "at least five").
    pub start: usize,
    /// The word after the figure: it takes words `start..end`.
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
    Exactly,
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

// Rupees written "Rs" or "rupees" are not assumed to be any one country's; "₹" and
// "INR" are India's.
const CURRENCY_BEFORE: &[(&[&str], &str)] = &[
    (&["us", "$"], "USD"),
    (&["$"], "USD"),
    (&["usd"], "USD"),
    (&["€"], "EUR"),
    (&["eur"], "EUR"),
    (&["£"], "GBP"),
    (&["gbp"], "GBP"),
    (&["₹"], "INR"),
    (&["inr"], "INR"),
    (&["rs"], "RUPEE"),
    (&["rs", "."], "RUPEE"),
    (&["pkr"], "PKR"),
    (&["¥"], "YEN-YUAN"),
    (&["jpy"], "JPY"),
    (&["cny"], "CNY"),
    (&["rmb"], "CNY"),
    (&["krw"], "KRW"),
    (&["₩"], "KRW"),
    (&["thb"], "THB"),
    (&["฿"], "THB"),
    (&["try"], "TRY"),
    (&["₺"], "TRY"),
];

const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("rupees", "RUPEE"),
    ("rupee", "RUPEE"),
    ("afghanis", "AFN"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("baht", "THB"),
    ("won", "KRW"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("dinars", "DINAR"),
    ("pesos", "PESO"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
];

fn starts_with(words: &[&str], at: usize, phrase: &[&str]) -> bool {
    words.len() >= at + phrase.len() && words[at..at + phrase.len()] == *phrase
}

/// Comparatives that raise or lower a bound.
const UP: &[&str] = &["more", "greater", "larger", "bigger", "higher"];
const DOWN: &[&str] = &["less", "fewer", "smaller", "lower"];

/// A qualifier before a figure, and how many words it takes. Besides the fixed phrases
/// above, comparatives combine with "or equal": "more than or equal to", "higher or
/// equal than", "equal to or less than", "at least or equal to".
fn prefix(words: &[&str], i: usize) -> Option<(Qualifier, usize)> {
    let w = |k: usize| words.get(i + k).copied().unwrap_or("");
    let direction = |word: &str| {
        if UP.contains(&word) {
            Some(true)
        } else if DOWN.contains(&word) {
            Some(false)
        } else {
            None
        }
    };
    let inclusive = |up: bool| {
        if up {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        }
    };
    if w(0) == "equal" && w(1) == "to" && w(2) == "or" && w(4) == "than" {
        if let Some(up) = direction(w(3)) {
            return Some((inclusive(up), 5));
        }
    }
    if let Some(up) = direction(w(0)) {
        let mut k = 1;
        if w(k) == "than" {
            k += 1;
        }
        if w(k) == "or" && w(k + 1) == "equal" {
            k += 2;
            if matches!(w(k), "to" | "than") {
                k += 1;
            }
            return Some((inclusive(up), k));
        }
        if w(1) == "than" {
            let strict = if up {
                Qualifier::MoreThan
            } else {
                Qualifier::FewerThan
            };
            return Some((strict, 2));
        }
    }
    if w(0) == "at" && matches!(w(1), "least" | "most") && w(2) == "or" && w(3) == "equal" {
        let up = w(1) == "least";
        return Some((inclusive(up), if w(4) == "to" { 5 } else { 4 }));
    }
    if crate::lexicon::english().passed.has(w(0)) {
        return Some((Qualifier::MoreThan, 1));
    }
    if w(0) == "equal" && w(1) == "to" && w(2) != "or" {
        return Some((Qualifier::Exactly, 2));
    }
    QUALIFIERS
        .iter()
        .filter(|(p, _)| starts_with(words, i, p))
        .max_by_key(|(p, _)| p.len())
        .map(|(p, q)| (*q, p.len()))
}

/// Reads a figure starting exactly at word `at` of lowercased `words`: one figure, or
/// two opposite bounds joined into a range ("above 1000 and below 1500").
pub fn read(words: &[&str], at: usize, tolerance: f64) -> Option<QuantityMatch> {
    let first = read_one(words, at, tolerance)?;
    let v = first.quantity.value;
    let lower_only = v.max.is_none() && v.min > 0;
    let upper_only = v.max.is_some() && v.min <= 1 && !v.is_exact();
    if first.quantity.vague || first.quantity.currency.is_some() || !(lower_only || upper_only) {
        return Some(first);
    }
    let mut j = first.end;
    if words.get(j) == Some(&",") {
        j += 1;
    }
    if matches!(words.get(j), Some(&"and") | Some(&"but")) {
        j += 1;
    }
    if j == first.end {
        return Some(first);
    }
    let Some(second) = prefix(words, j).and_then(|_| read_one(words, j, tolerance)) else {
        return Some(first);
    };
    let w = second.quantity.value;
    let opposite = if lower_only {
        w.max.is_some() && w.min <= 1
    } else {
        w.max.is_none() && w.min > 0
    };
    let joined = Interval::between(
        v.min.max(w.min),
        v.max
            .or(w.max)
            .map_or(u64::MAX, |m| m.min(w.max.unwrap_or(m))),
    );
    match joined {
        Some(value) if opposite && !second.quantity.vague => Some(QuantityMatch {
            quantity: Quantity {
                value,
                vague: false,
                currency: None,
                figure: None,
            },
            start: at,
            end: second.end,
        }),
        _ => Some(first),
    }
}

/// Reads one figure at word `at`: a qualifier and a currency before it, then a vague
/// quantity, a range, or a number with the comparison after it.
fn read_one(words: &[&str], at: usize, tolerance: f64) -> Option<QuantityMatch> {
    let mut i = at;
    let mut qualifier = None;
    if let Some((q, len)) = prefix(words, i) {
        qualifier = Some(q);
        i += len;
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
        && let Some(found) = vague(words, at, i, qualifier)
    {
        return Some(found);
    }

    let (first, end) = number_at(words, i)?;
    if qualifier == Some(Qualifier::Between) {
        words
            .get(end)
            .filter(|w| matches!(**w, "and" | "to" | "-" | "–"))?;
        let (second, after) = number_at(words, end + 1)?;
        let value = Interval::between(first.floor() as u64, second.ceil() as u64)?;
        return finish(words, at, after, value, currency);
    }
    // "1m" alone is as likely a metre as a million; with a currency it is money.
    if currency.is_none() && end == i + 1 && single_letter_scale(words[i]) {
        return None;
    }
    if qualifier.is_none()
        && let Some((second, after)) = range_to(words, end, first)
    {
        let value = Interval::between(first.floor() as u64, second.ceil() as u64)?;
        return finish(words, at, after, value, currency);
    }
    let (end, currency) = unit_and_currency(words, end, currency)?;
    let (qualifier, end) = match comparison_after(words, end, qualifier) {
        Some((q, k)) => (Some(q), k),
        None => (qualifier, end),
    };
    let (value, end) = qualified(words, end, first, qualifier, tolerance)?;
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

/// Digits with one of the scale letters "m", "b" or "g" after them: "1m", "2.5b".
fn single_letter_scale(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with(['m', 'b', 'g'])
        && w[..w.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// A vague quantity ("several", "dozens of") at word `i` of a figure that starts at
/// `at`; a lower qualifier ("at least several") keeps only its lower bound.
fn vague(
    words: &[&str],
    at: usize,
    i: usize,
    qualifier: Option<Qualifier>,
) -> Option<QuantityMatch> {
    let (phrase, min, max) = VAGUE.iter().find(|(p, _, _)| starts_with(words, i, p))?;
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
    Some(QuantityMatch {
        quantity: Quantity {
            value,
            vague: true,
            currency: None,
            figure: None,
        },
        start: at,
        end,
    })
}

/// The second number of a range after the number `first` that ends at word `end`, and
/// the word after it.
fn range_to(words: &[&str], end: usize, first: f64) -> Option<(f64, usize)> {
    // "two or three", "60 to 63", "20 through 100"; "10 bln or 10 tln" names two
    // figures, not a range.
    let sep = words.get(end)?;
    if matches!(*sep, "to" | "-" | "–" | "or" | "through" | "thru")
        && let Some((second, after)) = number_at(words, end + 1)
        && second > first
        && (*sep != "or" || second <= first * 10.0)
    {
        return Some((second, after));
    }
    None
}

/// A comparison after a figure that ends at word `end`, as the qualifier it makes and
/// the word after it.
fn comparison_after(
    words: &[&str],
    end: usize,
    qualifier: Option<Qualifier>,
) -> Option<(Qualifier, usize)> {
    // After the figure: "or more", "or greater", "and above", "or less", "or equal".
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let starts_new_comparison = |k: usize| word(k) == "than" && number_at(words, k + 1).is_some();
    let mut post = None;
    if matches!(word(end), "or" | "and") {
        let next = word(end + 1);
        let up = UP.contains(&next) || matches!(next, "above" | "over");
        let down = (DOWN.contains(&next) || matches!(next, "below" | "under")) && word(end) == "or";
        if (up || down) && !starts_new_comparison(end + 2) {
            let mut k = end + 2;
            if word(k) == "than" {
                k += 1;
            }
            post = Some((
                if up {
                    Qualifier::AtLeast
                } else {
                    Qualifier::AtMost
                },
                k,
            ));
        } else if word(end) == "or"
            && next == "equal"
            && matches!(qualifier, Some(Qualifier::MoreThan | Qualifier::FewerThan))
        {
            let mut k = end + 2;
            if word(k) == "to" {
                k += 1;
            }
            if word(k) == "it" {
                k += 1;
            }
            let up = qualifier == Some(Qualifier::MoreThan);
            post = Some((
                if up {
                    Qualifier::AtLeast
                } else {
                    Qualifier::AtMost
                },
                k,
            ));
        }
    }
    post
}

/// The interval the number `first`, ending at word `end`, stands for under `qualifier`
/// (see the table at the top), and the word after the figure.
fn qualified(
    words: &[&str],
    end: usize,
    first: f64,
    qualifier: Option<Qualifier>,
    tolerance: f64,
) -> Option<(Interval, usize)> {
    let n = first.round().max(0.0) as u64;
    let value = match qualifier {
        None => return Some(unqualified(words, end, first, tolerance)),
        Some(Qualifier::Exactly) => Interval::exact(n),
        Some(Qualifier::AtLeast) => Interval::at_least(n),
        Some(Qualifier::MoreThan) => Interval::at_least((first.floor() as u64).saturating_add(1)),
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
    Some((value, end))
}

/// The interval a number `first` with no qualifier before it stands for, read with the
/// words after it ("5+", "50 or so", "10 or fewer"; "4.5" as 4 to 5), and the word
/// after the figure.
fn unqualified(words: &[&str], mut end: usize, first: f64, tolerance: f64) -> (Interval, usize) {
    let n = first.round().max(0.0) as u64;
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let value = if word(end) == "+" || word(end) == "plus" {
        end += 1;
        Interval::at_least(n)
    } else if starts_with(words, end, &["or", "so"]) {
        end += 2;
        about(first, tolerance)
    } else if starts_with(words, end, &["or", "fewer"]) || starts_with(words, end, &["or", "less"])
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
    };
    (value, end)
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
    if next.is_some_and(|w| crate::lexicon::english().units.has(w)) {
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
            ("more than or equal to 30", (30, None)),
            ("higher or equal than 30", (30, None)),
            ("equal to or more than 30", (30, None)),
            ("less than or equal to 100", (0, Some(100))),
            ("equal to or less than 30", (0, Some(30))),
            ("at least or equal to 30", (30, None)),
            ("200 or greater", (200, None)),
            ("about five hundred or more", (500, None)),
            ("five hundred or less", (0, Some(500))),
            ("more than 5000 or equal to", (5000, None)),
            ("less than 5000 or equal", (0, Some(5000))),
            ("exceeding 3000", (3001, None)),
            ("equal to 5000", (5000, Some(5000))),
            ("above 1000 and below 1500", (1001, Some(1499))),
            ("at most 100 and at least 20", (20, Some(100))),
            ("larger than 10 and smaller than 20", (11, Some(19))),
            (
                "higher or equal than one hundred, lower or equal than three hundred",
                (100, Some(300)),
            ),
            ("20 through 100", (20, Some(100))),
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
        // Rupees are not assumed to be any one country's; "₹" and "INR" are India's.
        let currency = |text: &str| parse_phrase(text).unwrap().currency;
        assert_eq!(currency("10 million rupees").as_deref(), Some("RUPEE"));
        assert_eq!(currency("Rs 20 lakh").as_deref(), Some("RUPEE"));
        assert_eq!(currency("₹500 crore").as_deref(), Some("INR"));
        assert_eq!(currency("INR 3 crore").as_deref(), Some("INR"));
        assert_eq!(currency("3 million won").as_deref(), Some("KRW"));
        assert_eq!(currency("5,000 baht").as_deref(), Some("THB"));
        assert_eq!(
            parse_phrase("1,25,000 rupees").unwrap().value,
            Interval::exact(125_000)
        );
        // Past 2^64 a figure is refused, never the largest one.
        assert_eq!(parse_phrase("18446744073709551617"), None);
    }
}

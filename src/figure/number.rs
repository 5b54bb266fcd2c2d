//! Cardinal and ordinal numbers in digits and in words.

/// Reads a cardinal number from words already lowercased, starting at the first.
/// Returns the value and how many words it used: "twenty-one" → (21, 1), "one hundred
/// and five" → (105, 4), "1.5 million" → (1_500_000, 2), "6,000" → (6000, 1),
/// "3 hundred and 21" → (321, 4), "five and a half million" → (5_500_000, 5),
/// "two hundred point zero three" → (200.03, 5), "40 000" → (40_000, 2).
///
/// Units (digits or words below a hundred) combine with "hundred", "dozen" and scale
/// words the way they are spoken; a fraction ("a half", "three quarters") joins the
/// unit or scale before it; "point" starts decimal digits.
pub fn cardinal(words: &[&str]) -> Option<(f64, usize)> {
    let mut r = Cardinal {
        words,
        total: 0.0,
        current: 0.0,
        last_scale: None,
        any: false,
        used: 0,
        i: 0,
    };
    r.bare_decimal();
    while r.i < words.len() {
        match r.step() {
            Step::Took => {
                r.any = true;
                r.used = r.i;
            }
            Step::Passed => {}
            Step::Stop => break,
        }
    }
    if !r.any {
        return None;
    }
    let mut used = r.used;
    while used > 0 && matches!(words[used - 1], "and" | "a" | "-") {
        used -= 1;
    }
    Some((r.total + r.current, used))
}

/// What reading one word (or one unit of several words) of a cardinal did.
enum Step {
    /// The word is part of the number, which now reaches past it.
    Took,
    /// The word was read ("and", "a", "-"; a fraction, which marks itself used), but the
    /// number reaches past it only if a later word is taken.
    Passed,
    /// The number ends here.
    Stop,
}

/// A cardinal being read word by word.
struct Cardinal<'a> {
    words: &'a [&'a str],
    /// The sum of the scales already closed ("three million" in "three million and five").
    total: f64,
    /// The part below the next scale.
    current: f64,
    /// The value of the last scale word applied, for "one million and a half".
    last_scale: Option<f64>,
    /// Whether any word of the number has been read.
    any: bool,
    /// How many words the number takes so far.
    used: usize,
    /// The word being read.
    i: usize,
}

impl Cardinal<'_> {
    /// Starts the number at a decimal point that has digits after it and no figure before.
    fn bare_decimal(&mut self) {
        let words = self.words;
        // ".08": a decimal without its leading zero.
        if words.first() == Some(&".")
            && let Some(digits) = words
                .get(1)
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
            && let Ok(v) = format!("0.{digits}").parse::<f64>()
        {
            self.current = v;
            self.any = true;
            self.i = 2;
            self.used = 2;
        }
    }

    /// Reads the word at `i`, trying each kind of word a number is made of in turn.
    fn step(&mut self) -> Step {
        let words = self.words;
        let i = self.i;
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        let prev = if i > 0 { words[i - 1] } else { "" };
        self.take_fraction(w, next, prev)
            .or_else(|| self.take_unit(prev))
            .or_else(|| self.take_article(w, next))
            .or_else(|| self.take_hundred(w, next))
            .or_else(|| self.take_dozen(w))
            .or_else(|| self.take_scale(w, prev))
            .or_else(|| self.take_point(w))
            .or_else(|| self.take_and(w, next))
            .or_else(|| self.take_hyphen(w, next))
            .unwrap_or(Step::Stop)
    }

    /// "Half", "three quarters", "five and a half", "one million and a half": a fraction
    /// word `w`, when it leads a number or follows one.
    fn take_fraction(&mut self, w: &str, next: &str, prev: &str) -> Option<Step> {
        let words = self.words;
        let i = self.i;
        // A fraction leads a number only before a scale ("half million", "half a
        // dozen"); otherwise it is a word like any other ("the third attack").
        let leads = scale(next).is_some()
            || is_dozen(next)
            || (next == "a"
                && words
                    .get(i + 2)
                    .is_some_and(|w| is_dozen(w) || scale(w).is_some()));
        let any = self.any;
        let share = fraction(w)
            .filter(|_| (!any && leads) || (any && (prev == "a" || self.current > 0.0)))?;
        if prev == "a" && self.current > 0.0 && words.get(i.wrapping_sub(2)) == Some(&"and") {
            self.current += share; // "five and a half"
        } else if prev == "a" || !self.any {
            self.current = share; // "and a half" after a scale; "half million"
        } else {
            self.current *= share; // "three quarters"
        }
        self.any = true;
        self.i += 1;
        self.used = self.i;
        if scale(next).is_some() || is_dozen(next) || next == "a" {
            return Some(Step::Passed);
        }
        // A fraction that closes the number is a share of the last scale: "one
        // million and a half".
        if self.current < 1.0
            && let Some(s) = self.last_scale
        {
            self.total += self.current * s;
            self.current = 0.0;
        }
        Some(Step::Stop)
    }

    /// A unit (see [`unit`]) at `i`, added to the part below the next scale when it
    /// follows a hundred or a ten as spoken numbers do.
    fn take_unit(&mut self, prev: &str) -> Option<Step> {
        let words = self.words;
        let (v, width) = unit(&words[self.i..])?;
        // Two figures written in digits side by side are two numbers ("4000 3").
        let in_digits = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
        if self.any && in_digits(words[self.i]) && in_digits(prev) {
            return Some(Step::Stop);
        }
        if self.any && self.current > 0.0 {
            let current = self.current;
            let after_hundred = current % 100.0 == 0.0 && v < 100.0 && v > 0.0;
            let after_tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10.0;
            if !(after_hundred || after_tens) {
                return Some(Step::Stop);
            }
        }
        self.current += v;
        self.i += width;
        Some(Step::Took)
    }

    /// "A" before "hundred", "dozen", a scale or a fraction: one of them, or nothing
    /// after a number ("and a half").
    fn take_article(&mut self, w: &str, next: &str) -> Option<Step> {
        if w == "a"
            && (next == "hundred"
                || is_dozen(next)
                || scale(next).is_some()
                || fraction(next).is_some())
        {
            // "a hundred", "a dozen"; "half a dozen"; "and a half".
            if !self.any {
                self.current = 1.0;
            }
            self.i += 1;
            return Some(Step::Passed);
        }
        None
    }

    /// "Hundred" after a number, or before a scale.
    fn take_hundred(&mut self, w: &str, next: &str) -> Option<Step> {
        if w == "hundred" && (self.any || self.current > 0.0 || scale(next).is_some()) {
            // Bare "hundred thousand" counts one hundred.
            let current = self.current;
            self.current = if current == 0.0 { 1.0 } else { current } * 100.0;
            self.i += 1;
            return Some(Step::Took);
        }
        None
    }

    /// "Dozen" after a number: twelve of the units before it.
    fn take_dozen(&mut self, w: &str) -> Option<Step> {
        if is_dozen(w) && (self.any || self.current > 0.0) {
            // "three hundred and two dozens": the dozens are the units after the hundreds.
            let current = self.current;
            let units = current % 100.0;
            self.current = if current == 0.0 {
                12.0
            } else if current >= 100.0 && units > 0.0 {
                current - units + units * 12.0
            } else {
                current * 12.0
            };
            self.i += 1;
            return Some(Step::Took);
        }
        None
    }

    /// A scale word ("thousand", "million", "lakh") after a number: it closes the part
    /// below it into the total.
    fn take_scale(&mut self, w: &str, prev: &str) -> Option<Step> {
        let s = scale(w).filter(|_| self.any || self.current > 0.0)?;
        if self.current == 0.0 && self.total > 0.0 && prev != "and" {
            self.total *= s; // "three lakh crore": scales multiply
        } else {
            let current = self.current;
            self.total += if current == 0.0 { 1.0 } else { current } * s;
        }
        self.current = 0.0;
        self.last_scale = Some(s);
        self.i += 1;
        Some(Step::Took)
    }

    /// "Point" after a number and the decimal words after it, which end the number.
    fn take_point(&mut self, w: &str) -> Option<Step> {
        if w == "point" && self.any {
            let Some((decimals, width)) = decimal_words(&self.words[self.i + 1..]) else {
                return Some(Step::Stop);
            };
            self.current += decimals;
            self.i += 1 + width;
            self.used = self.i;
            return Some(Step::Stop);
        }
        None
    }

    /// "And" inside a number, before a unit or a fraction.
    fn take_and(&mut self, w: &str, next: &str) -> Option<Step> {
        let words = self.words;
        let i = self.i;
        if w == "and"
            && self.any
            && (unit(&words[i + 1..]).is_some() || next == "a" || fraction(next).is_some())
        {
            // "3 hundred and 2 hundred" is two numbers.
            if self.current >= 100.0
                && let Some((_, width)) = unit(&words[i + 1..])
                && words.get(i + 1 + width) == Some(&"hundred")
            {
                return Some(Step::Stop);
            }
            self.i += 1;
            return Some(Step::Passed);
        }
        None
    }

    /// A hyphen standing apart between a ten and a digit word.
    fn take_hyphen(&mut self, w: &str, next: &str) -> Option<Step> {
        if w == "-"
            && self.any
            && (20.0..100.0).contains(&self.current)
            && self.current % 10.0 == 0.0
            && small(next).is_some_and(|v| v < 10.0)
        {
            self.i += 1; // "fifty - two"
            return Some(Step::Passed);
        }
        None
    }
}

/// A unit at the start of `words`: digits (with separators, decimals or a scale
/// suffix such as "5m"), digits grouped by spaces ("40 000"), or a word below a hundred.
/// Returns its value and how many words it took.
fn unit(words: &[&str]) -> Option<(f64, usize)> {
    let w = *words.first()?;
    if let Some(v) = digits(w) {
        // "1 234 567": groups of three after a head of one to three digits.
        let mut value = v;
        let mut width = 1;
        if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
            while let Some(group) = words.get(width).filter(|g| {
                let (whole, frac) = g.split_once('.').unwrap_or((g, "0"));
                whole.len() == 3
                    && whole.bytes().all(|b| b.is_ascii_digit())
                    && frac.bytes().all(|b| b.is_ascii_digit())
            }) {
                value = value * 1000.0 + group.parse::<f64>().ok()?;
                width += 1;
                if group.contains('.') {
                    break;
                }
            }
        }
        return Some((value, width));
    }
    if let Some(split) = w.find(|c: char| c.is_ascii_alphabetic())
        && split > 0
        && let Some(n) = digits(&w[..split])
        && let Some(s) = scale(&w[split..])
    {
        return Some((n * s, 1));
    }
    small(w).map(|v| (v, 1))
}

/// Decimal digits after "point": single digits ("zero three" → .03) or one number
/// ("eleven" → .11, "seventy-one" → .71).
fn decimal_words(words: &[&str]) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut width = 0;
    for w in words {
        match small(w) {
            Some(v) if v < 10.0 => digits.push_str(&(v as u8).to_string()),
            Some(v) if width == 0 => {
                digits.push_str(&(v as u8).to_string());
                width = 1;
                break;
            }
            _ => break,
        }
        width += 1;
    }
    if digits.is_empty() {
        return None;
    }
    Some((format!("0.{digits}").parse().ok()?, width))
}

fn is_dozen(word: &str) -> bool {
    matches!(word, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// "half" → 0.5, "quarter(s)" → 0.25, "third(s)" → 1/3, "fifth(s)" → 0.2.
fn fraction(word: &str) -> Option<f64> {
    Some(match word {
        "half" => 0.5,
        "quarter" | "quarters" => 0.25,
        "third" | "thirds" => 1.0 / 3.0,
        "fifth" | "fifths" => 0.2,
        _ => return None,
    })
}

/// "6,000", "1.5", "84" → value. Commas must group thousands.
pub fn digits(word: &str) -> Option<f64> {
    if word.is_empty() || !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if word.contains(',') {
        let mut groups = word.split(',');
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 {
            return None;
        }
        let rest: Vec<&str> = groups.collect();
        let (last, middle) = rest.split_last()?;
        // Thousands ("1,250,000") or the Indian lakh grouping ("12,50,000"): twos
        // between the head and the last three.
        let thousands = middle.iter().all(|g| g.len() == 3);
        let indian = !middle.is_empty() && head.len() <= 2 && middle.iter().all(|g| g.len() == 2);
        if !thousands && !indian {
            return None;
        }
        let (last_int, frac) = last.split_once('.').unwrap_or((last, ""));
        if last_int.len() != 3 {
            return None;
        }
        let joined = format!(
            "{head}{}{last_int}{}{frac}",
            middle.concat(),
            if frac.is_empty() { "" } else { "." }
        );
        return joined.parse().ok().filter(|v: &f64| *v < TOO_LARGE);
    }
    if word.matches('.').count() > 1 {
        return None;
    }
    word.parse().ok().filter(|v: &f64| *v < TOO_LARGE)
}

/// Figures from 2^64 up are refused, never rounded down to the largest one.
pub const TOO_LARGE: f64 = 18_446_744_073_709_551_616.0;

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "millions" | "mn" | "m" | "mm" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" | "bn" | "bln" | "b" | "g" => 1e9,
        "trillion" | "tn" | "tln" | "trn" => 1e12,
        _ => return None,
    })
}

pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0–99 in words, including hyphenated compounds ("twenty-one").
fn small(word: &str) -> Option<f64> {
    if matches!(word, "nought" | "naught") {
        return Some(0.0);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(((i + 2) * 10) as f64);
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|t| *t == tens)?;
    let u = UNITS[1..10].iter().position(|u| *u == unit)?;
    Some(((t + 2) * 10 + u + 1) as f64)
}

/// Whether a lowercased word is a number word of any kind (for the scanner).
pub fn is_number_word(word: &str) -> bool {
    small(word).is_some()
}

pub(crate) const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

const TENS_ORDINALS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// "hundredth" → 100, "millionth" → 1,000,000.
fn scale_ordinal(word: &str) -> Option<u64> {
    Some(match word {
        "hundredth" => 100,
        "thousandth" => 1_000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        _ => return None,
    })
}

/// An ordinal of several words: "one hundred twenty-fifth" → (125, 3), "two
/// hundredth" → (200, 2), "a hundred trillionth" → (100 trillion, 3), "third" → (3, 1).
/// A cardinal joins a following unit ordinal only when it ends in a round ten
/// ("twenty fifth"), so "one third" stays a fraction.
pub fn ordinal_phrase(words: &[&str]) -> Option<(u64, usize)> {
    let last = (0..words.len().min(12)).find(|&k| ordinal(words[k]).is_some())?;
    let value = ordinal(words[last])?;
    if last == 0 {
        return Some((value, 1));
    }
    let (head, used) = cardinal(&words[..last])?;
    if used != last || head.fract() != 0.0 {
        return None;
    }
    let head = head as u64;
    let combined = if scale_ordinal(words[last]).is_some() {
        head.checked_mul(value)?
    } else if value < 100 && head % 10 == 0 && head % 100 != 10 {
        head + value
    } else {
        return None;
    };
    Some((combined, last + 1))
}

/// "third" → 3, "twenty-first" → 21, "3rd" → 3, "hundredth" → 100.
pub fn ordinal(word: &str) -> Option<u64> {
    if let Some(i) = ORDINALS.iter().position(|o| *o == word) {
        return Some(i as u64 + 1);
    }
    if let Some(i) = TENS_ORDINALS.iter().position(|o| *o == word) {
        return Some((i as u64 + 2) * 10);
    }
    if let Some(n) = scale_ordinal(word) {
        return Some(n);
    }
    if word == "nineth" {
        return Some(9); // a common misspelling
    }
    if let Some((tens, unit)) = word.split_once('-') {
        let t = TENS.iter().position(|t| *t == tens)?;
        let u = ORDINALS[..9].iter().position(|o| *o == unit)?;
        return Some((t as u64 + 2) * 10 + u as u64 + 1);
    }
    let digits_end = word.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 {
        return None;
    }
    let (n, suffix) = word.split_at(digits_end);
    let n: u64 = n.parse().ok()?;
    let expected = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (suffix == expected).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(f64, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        cardinal(&words)
    }

    #[test]
    fn cardinals() {
        let table: &[(&str, f64, usize)] = &[
            ("5", 5.0, 1),
            ("6,000", 6000.0, 1),
            ("1,500,000", 1_500_000.0, 1),
            ("1.5 million", 1_500_000.0, 2),
            ("5 bn", 5e9, 2),
            ("two", 2.0, 1),
            ("twenty-one", 21.0, 1),
            ("twenty one", 21.0, 2),
            ("one hundred and five", 105.0, 4),
            ("a hundred", 100.0, 2),
            ("three thousand four hundred", 3400.0, 4),
            ("a dozen", 12.0, 2),
            ("two dozen", 24.0, 2),
            ("two million", 2e6, 2),
            ("five and", 5.0, 1),
            ("3 hundred and 21", 321.0, 4),
            ("4 thousand 3 hundred and 21", 4321.0, 6),
            ("322 hundred", 32_200.0, 2),
            ("2.12 hundred", 212.0, 2),
            ("three dozens", 36.0, 2),
            ("half a dozen", 6.0, 3),
            ("half million", 500_000.0, 2),
            ("quarter million", 250_000.0, 2),
            ("five and a half million", 5_500_000.0, 5),
            ("one million and a half", 1_500_000.0, 5),
            ("3 million and a quarter", 3_250_000.0, 5),
            ("two million and three fifths", 2_600_000.0, 5),
            ("five billion and three quarters", 5_750_000_000.0, 5),
            ("one billion and three quarters million", 1_000_750_000.0, 6),
            ("one billion and a half million", 1_000_500_000.0, 6),
            ("two hundred point zero three", 200.03, 5),
            ("nine point nought four", 9.04, 4),
            ("nought point eleven", 0.11, 3),
            ("40 000", 40_000.0, 2),
            ("1 234 567", 1_234_567.0, 3),
            ("10g", 1e10, 1),
            ("2mil", 2e6, 1),
            ("10 bln", 1e10, 2),
            ("2.33 k", 2330.0, 2),
            ("13 lakh", 1_300_000.0, 2),
            ("three lakh crore", 3e12, 3),
            ("6 crore and two hundred", 60_000_200.0, 5),
            ("fifty - two", 52.0, 3),
            (". 08", 0.08, 2),
            ("nought", 0.0, 1),
            ("three hundred and two dozens", 324.0, 5),
            ("hundred thousand", 100_000.0, 2),
            ("4000 3", 4000.0, 1),
            ("3 hundred and 2 hundred", 300.0, 2),
            ("4 thousand 3 hundred and 0", 4300.0, 4),
            ("1 234 567.89", 1_234_567.89, 3),
        ];
        for (text, value, used) in table {
            let (v, u) = read(text).unwrap_or_else(|| panic!("nothing read from {text:?}"));
            assert!(
                (v - value).abs() < 1e-6 * value.abs().max(1.0),
                "{text}: {v}"
            );
            assert_eq!(u, *used, "{text}");
        }
        assert_eq!(read("a few"), None);
        assert_eq!(read("6,00"), None);
        assert_eq!(read("five five"), Some((5.0, 1)));
    }

    #[test]
    fn ordinals() {
        for (w, n) in [
            ("third", 3),
            ("twenty-first", 21),
            ("3rd", 3),
            ("11th", 11),
            ("22nd", 22),
            ("twentieth", 20),
        ] {
            assert_eq!(ordinal(w), Some(n), "{w}");
        }
        assert_eq!(ordinal("3th"), None);
        let phrase = |t: &str| ordinal_phrase(&t.split(' ').collect::<Vec<_>>());
        assert_eq!(phrase("one hundred twenty-fifth"), Some((125, 3)));
        assert_eq!(phrase("one hundred twenty fifth"), Some((125, 4)));
        assert_eq!(phrase("two hundredth"), Some((200, 2)));
        assert_eq!(
            phrase("a hundred trillionth"),
            Some((100_000_000_000_000, 3))
        );
        assert_eq!(
            phrase("twenty-one trillion and three hundred twenty second"),
            Some((21_000_000_000_322, 7))
        );
        assert_eq!(phrase("third attack"), Some((3, 1)));
        assert_eq!(phrase("one third"), None);
        assert_eq!(phrase("killed the third"), None);
        assert_eq!(ordinal("thirds"), None);
    }
}

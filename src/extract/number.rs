//! Cardinal and ordinal numbers in digits and in words.

/// Reads a cardinal number from words already lowercased, starting at the first.
/// Returns the value and how many words it used: "twenty-one" → (21, 1),
/// "one hundred and five" → (105, 4), "1.5 million" → (1_500_000, 2), "6,000" → (6000, 1).
pub fn cardinal(words: &[&str]) -> Option<(f64, usize)> {
    let first = *words.first()?;
    if let Some(value) = digits(first) {
        let mut used = 1;
        let mut value = value;
        if let Some(scale) = words.get(1).and_then(|w| scale(w)) {
            value *= scale;
            used += 1;
        } else if words.get(1) == Some(&"dozen") {
            value *= 12.0;
            used += 1;
        }
        return Some((value, used));
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut any = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some(v) = small(w) {
            // "twenty five" after "twenty" adds; "five five" is two numbers.
            if any && current > 0.0 {
                let after_hundred = current % 100.0 == 0.0 && v < 100.0;
                let after_tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10.0;
                if !(after_hundred || after_tens) {
                    break;
                }
            }
            current += v;
        } else if w == "a"
            && !any
            && words
                .get(i + 1)
                .is_some_and(|n| n == &"hundred" || scale(n).is_some() || *n == "dozen")
        {
            current = 1.0;
        } else if w == "hundred" && any_or_a(any, current) {
            current = current.max(1.0) * 100.0;
        } else if w == "dozen" && any_or_a(any, current) {
            current = current.max(1.0) * 12.0;
        } else if let Some(s) = scale(w).filter(|_| any_or_a(any, current)) {
            total += current.max(1.0) * s;
            current = 0.0;
        } else if w == "and" && any && words.get(i + 1).is_some_and(|n| small(n).is_some()) {
            // "one hundred and five"
        } else {
            break;
        }
        if w != "a" {
            any = true;
        }
        i += 1;
        used = i;
    }
    if !any {
        return None;
    }
    // A trailing "and" is not part of the number.
    while used > 0 && words[used - 1] == "and" {
        used -= 1;
    }
    Some((total + current, used))
}

fn any_or_a(any: bool, current: f64) -> bool {
    any || current == 1.0
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
        if middle.iter().any(|g| g.len() != 3) {
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
        return joined.parse().ok();
    }
    if word.matches('.').count() > 1 {
        return None;
    }
    word.parse().ok()
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

const UNITS: [&str; 20] = [
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

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0–99 in words, including hyphenated compounds ("twenty-one").
fn small(word: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(((i + 2) * 10) as f64);
    }
    let (tens, unit) = word.split_once(['-', '\u{2011}'])?;
    let t = TENS.iter().position(|t| *t == tens)?;
    let u = UNITS[1..10].iter().position(|u| *u == unit)?;
    Some(((t + 2) * 10 + u + 1) as f64)
}

/// Whether a lowercased word is a number word of any kind (for the scanner).
pub fn is_number_word(word: &str) -> bool {
    small(word).is_some()
}

const ORDINALS: [&str; 20] = [
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

/// "third" → 3, "twenty-first" → 21, "3rd" → 3, "hundredth" → 100.
pub fn ordinal(word: &str) -> Option<u64> {
    if let Some(i) = ORDINALS.iter().position(|o| *o == word) {
        return Some(i as u64 + 1);
    }
    if let Some(i) = TENS_ORDINALS.iter().position(|o| *o == word) {
        return Some((i as u64 + 2) * 10);
    }
    match word {
        "hundredth" => return Some(100),
        "thousandth" => return Some(1000),
        "millionth" => return Some(1_000_000),
        _ => {}
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
        ];
        for (text, value, used) in table {
            assert_eq!(read(text), Some((*value, *used)), "{text}");
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
        assert_eq!(ordinal("thirds"), None);
    }
}

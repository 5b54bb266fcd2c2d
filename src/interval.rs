//! Closed intervals of whole numbers: the value of every figure.
//!
//! "at least five" is `[5, ∞)`, "nearly 250" is `[225, 249]`, "five" is `[5, 5]`. Two
//! figures disagree exactly when their intervals do not overlap, so conflict detection
//! never has to know which words produced a value.

use std::fmt;

/// `[min, max]`, where `max == None` means unbounded above.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Interval {
    /// The smallest value.
    pub min: u64,
    /// The largest value; `None` when open upward ("at least 3").
    pub max: Option<u64>,
}

impl Interval {
    /// Exactly `n`.
    pub fn exact(n: u64) -> Interval {
        Interval {
            min: n,
            max: Some(n),
        }
    }

    /// `n` or more.
    pub fn at_least(n: u64) -> Interval {
        Interval { min: n, max: None }
    }

    /// `[min, max]`, or `None` when `min > max`.
    pub fn between(min: u64, max: u64) -> Option<Interval> {
        (min <= max).then_some(Interval {
            min,
            max: Some(max),
        })
    }

    /// Whether two intervals share a value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = matches!(self.max, Some(max) if max < other.min);
        let above = matches!(other.max, Some(max) if max < self.min);
        !below && !above
    }

    /// Whether the whole number `n` is one of the interval's values.
    pub fn contains(&self, n: u64) -> bool {
        n >= self.min && self.max.is_none_or(|max| n <= max)
    }

    /// Whether the interval holds one value only: a figure written plainly ("five"),
    /// not a range or an approximation.
    pub fn is_exact(&self) -> bool {
        self.max == Some(self.min)
    }

    /// Adds `n` to both ends ("two others" plus the named victim).
    pub fn plus(&self, n: u64) -> Interval {
        Interval {
            min: self.min.saturating_add(n),
            max: self.max.map(|m| m.saturating_add(n)),
        }
    }

    /// A plain-English form: "3", "at least 3", "3 to 6", "at most 10".
    pub fn describe(&self) -> String {
        match self.max {
            Some(max) if max == self.min => group_digits(max),
            Some(max) if self.min == 0 => format!("at most {}", group_digits(max)),
            Some(max) => format!("{} to {}", group_digits(self.min), group_digits(max)),
            None => format!("at least {}", group_digits(self.min)),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// "6000" → "6,000".
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_interval_overlap() {
        let three = Interval::exact(3);
        let five_plus = Interval::at_least(5);
        assert!(!three.overlaps(&five_plus));
        assert!(!five_plus.overlaps(&three));
        assert!(Interval::at_least(3).overlaps(&five_plus));
        assert!(
            Interval::between(3, 6)
                .unwrap()
                .overlaps(&Interval::exact(6))
        );
        assert!(Interval::between(4, 3).is_none());
    }

    #[test]
    fn describes_in_words() {
        assert_eq!(Interval::exact(6000).describe(), "6,000");
        assert_eq!(Interval::at_least(5).describe(), "at least 5");
        assert_eq!(
            Interval::between(225, 249).unwrap().describe(),
            "225 to 249"
        );
        assert_eq!(Interval::between(0, 9).unwrap().describe(), "at most 9");
        assert_eq!(group_digits(1_500_000), "1,500,000");
    }
}

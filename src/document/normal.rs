//! The prose in the form it is matched in.
//!
//! Text pasted from a web page or a word processor carries characters a reader never
//! sees: decomposed accents ("e" + U+0301), zero-width spaces and joiners, soft hyphens,
//! direction marks, and spaces and hyphens of other widths. Left as they are, they hide a
//! name ("Haq\u{200b}qani") or split a number ("1\u{200d}3" read as 1). So the prose is
//! put in one form before anything reads it:
//! - canonical composition (NFC), so an accent typed either way matches;
//! - invisible characters dropped (zero-width space, non-joiner and joiner, word joiner,
//!   a byte-order mark inside the text, soft hyphen, direction marks and overrides);
//! - no-break, thin and other fixed-width spaces written as a space, except that a thin,
//!   narrow no-break or figure space between groups of three digits is a thousands
//!   separator ("13\u{202f}000" is 13,000);
//! - the hyphen and the non-breaking hyphen written as `-`.
//!
//! The normal form may be shorter or longer than the original, so a [`Remap`] keeps where
//! each changed stretch came from. Readers work on the normal form; their spans are
//! mapped back to the original bytes before anyone else sees them. Text that needs no
//! change (nearly every article) gets no map and costs one scan.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Where the normal form's bytes came from in the original text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Remap {
    /// `(normal offset, original offset)` at both ends of every changed stretch, in
    /// order. Between two stretches the bytes are the same, so offsets move together.
    points: Vec<(usize, usize)>,
}

impl Remap {
    /// The original offset where a span starting at `at` in the normal form starts:
    /// after any character that was dropped there.
    pub fn start(&self, at: usize) -> usize {
        map(&self.points, at, |a, _| a, |_, b| b, true)
    }

    /// The original offset where a span ending at `at` in the normal form ends: before
    /// any character that was dropped there.
    pub fn end(&self, at: usize) -> usize {
        map(&self.points, at, |a, _| a, |_, b| b, false)
    }

    /// A span of the normal form as a span of the original.
    pub fn span(&self, span: &Range<usize>) -> Range<usize> {
        if span.start == span.end {
            let at = self.end(span.start);
            return at..at;
        }
        self.start(span.start)..self.end(span.end)
    }

    /// A span of the original as a span of the normal form (the inverse of [`Remap::span`]
    /// on the spans it gives).
    pub fn normal_span(&self, span: &Range<usize>) -> Range<usize> {
        let start = map(&self.points, span.start, |_, b| b, |a, _| a, false);
        let end = map(&self.points, span.end, |_, b| b, |a, _| a, true);
        start..end.max(start)
    }
}

/// Maps `at` from one side of the points to the other. `from` and `to` pick the sides;
/// where several points sit at `at` (a dropped character), `last` picks the far one.
fn map(
    points: &[(usize, usize)],
    at: usize,
    from: impl Fn(usize, usize) -> usize,
    to: impl Fn(usize, usize) -> usize,
    last: bool,
) -> usize {
    // The first point at or past `at`.
    let i = points.partition_point(|&(a, b)| from(a, b) < at);
    let mut j = i;
    while j < points.len() && from(points[j].0, points[j].1) == at {
        j += 1;
    }
    if j > i {
        let (a, b) = if last { points[j - 1] } else { points[i] };
        return to(a, b);
    }
    match i.checked_sub(1).map(|k| points[k]) {
        // Past a changed stretch: the same bytes, moved by the stretch's difference.
        Some((a, b)) => to(a, b) + (at - from(a, b)),
        None => at,
    }
}

/// What a character becomes in the normal form, if it is one of those written another
/// way; `None` for characters kept (subject to composition).
fn replacement(c: char) -> Option<&'static str> {
    match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Some(""),
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(""),
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(" "),
        '\u{2010}' | '\u{2011}' => Some("-"),
        _ => None,
    }
}

/// Spaces made for grouping digits.
fn groups_digits(c: char) -> bool {
    matches!(c, '\u{2007}' | '\u{2009}' | '\u{202f}')
}

/// Whether the grouping space at `at..end` stands between a group of one to three digits
/// and a group of exactly three.
fn thousands_gap(text: &str, at: usize, end: usize) -> bool {
    let before = text.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = text.as_bytes()[end..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=3).contains(&before) && after == 3
}

/// Whether a text needs any change to be in normal form.
fn needs_change(text: &str) -> bool {
    !text.is_ascii()
        && (text.chars().any(|c| replacement(c).is_some())
            || is_nfc_quick(text.chars()) != IsNormalized::Yes)
}

/// The normal form of a text and its map back, or `None` when it is already normal.
pub fn normalize(text: &str) -> Option<(String, Remap)> {
    if !needs_change(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut points = Vec::new();
    let mut copied = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        // A character and the combining marks after it compose together.
        let mut end = at + c.len_utf8();
        while let Some(&(next, d)) = chars.peek() {
            if canonical_combining_class(d) == 0 {
                break;
            }
            end = next + d.len_utf8();
            chars.next();
        }
        let cluster = &text[at..end];
        let new: Cow<str> = match replacement(c) {
            Some(_) if groups_digits(c) && thousands_gap(text, at, end) => ",".into(),
            Some(r) if end == at + c.len_utf8() => r.into(),
            _ if cluster.is_ascii() => continue,
            _ if is_nfc_quick(cluster.chars()) == IsNormalized::Yes => continue,
            _ => {
                let composed: String = cluster.nfc().collect();
                if composed == cluster {
                    continue;
                }
                composed.into()
            }
        };
        out.push_str(&text[copied..at]);
        points.push((out.len(), at));
        out.push_str(&new);
        points.push((out.len(), end));
        copied = end;
    }
    out.push_str(&text[copied..]);
    Some((out, Remap { points }))
}

/// The normal form of a short text (a rulebook's name, alias or phrase).
pub fn normal_form(text: &str) -> Cow<'_, str> {
    match normalize(text) {
        Some((normal, _)) => normal.into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normal_form(text).into_owned()
    }

    #[test]
    fn plain_text_needs_no_map() {
        assert!(normalize("Khalil Haqqani, 58, was killed.").is_none());
        assert!(normalize("Haqqani’s “long” day — Kabul").is_none());
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(norm("Ame\u{301}lie"), "Amélie");
        assert_eq!(norm("Amélie"), "Amélie");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(norm("1\u{200d}3 killed"), "13 killed");
        assert_eq!(norm("Haq\u{200b}qani"), "Haqqani");
        assert_eq!(norm("Haq\u{ad}qani"), "Haqqani");
        assert_eq!(norm("\u{200f}Kabul\u{202c}"), "Kabul");
    }

    #[test]
    fn spaces_and_hyphens_of_other_widths() {
        assert_eq!(norm("Khalil\u{a0}Haqqani"), "Khalil Haqqani");
        assert_eq!(norm("six\u{2011}day"), "six-day");
        assert_eq!(norm("13\u{202f}000 people"), "13,000 people");
        assert_eq!(norm("1\u{2009}234\u{2009}567"), "1,234,567");
        // Not groups of three: a plain space.
        assert_eq!(norm("2024\u{2009}300"), "2024 300");
        assert_eq!(norm("13\u{2009}killed"), "13 killed");
        // A no-break space is not a digit separator.
        assert_eq!(norm("12\u{a0}240"), "12 240");
    }

    #[test]
    fn spans_map_back_to_the_original_bytes() {
        let text = "On \u{200b}Tuesday 1\u{200d}3 were killed near Ame\u{301}lie\u{200b}.";
        let (normal, map) = normalize(text).unwrap();
        let find = |s: &str| {
            let at = normal.find(s).unwrap();
            at..at + s.len()
        };
        assert_eq!(&text[map.span(&find("Tuesday"))], "Tuesday");
        assert_eq!(&text[map.span(&find("13"))], "1\u{200d}3");
        assert_eq!(&text[map.span(&find("Amélie"))], "Ame\u{301}lie");
        assert_eq!(&text[map.span(&find("."))], ".");
        for s in ["Tuesday", "13", "Amélie", "killed"] {
            let span = find(s);
            assert_eq!(map.normal_span(&map.span(&span)), span, "{s}");
        }
    }
}

//! Words, numbers and punctuation with their byte spans.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, possibly with digits, inner hyphens and apostrophes ("58-year-old").
    Word,
    /// Digits with inner separators ("6,000", "1.5").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// A word, number or punctuation mark of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its byte offsets in the whole text (not in the range tokenized).
    pub span: Range<usize>,
    /// What it is.
    pub kind: Kind,
}

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let slice = &text[range.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let next = chars.get(j + 1).map(|&(_, n)| n);
                let prev = chars[j - 1].1;
                let joins = d.is_alphanumeric()
                    || (matches!(d, '-' | '\'' | '\u{2019}')
                        && next.is_some_and(char::is_alphanumeric))
                    || (matches!(d, ',' | '.')
                        && prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()));
                if !joins {
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map_or(slice.len(), |&(e, _)| e);
            let word = &slice[start..end];
            let kind = if word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                Kind::Number
            } else {
                Kind::Word
            };
            tokens.push(Token {
                span: range.start + start..range.start + end,
                kind,
            });
            i = j;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                span: range.start + start..range.start + end,
                kind: Kind::Punct,
            });
            i += 1;
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_numbers_and_hyphenated_words_whole() {
        let text = "A 58-year-old, 6,000 fighters; 1.5 million. Dec. 11 (twenty-one) Haqqani's";
        let toks = tokenize(text, 0..text.len());
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(
            words,
            vec![
                "A",
                "58-year-old",
                ",",
                "6,000",
                "fighters",
                ";",
                "1.5",
                "million",
                ".",
                "Dec",
                ".",
                "11",
                "(",
                "twenty-one",
                ")",
                "Haqqani's"
            ]
        );
        assert_eq!(toks[3].kind, Kind::Number);
        assert_eq!(toks[1].kind, Kind::Word);
    }
}

//! Applying the safe fixes of findings to an article's text (`check --fix`, `--diff`).
//!
//! A fix replaces the words of one finding with the rulebook's form (the house
//! spelling of a name, the accepted form of a title). Nothing outside a fix's span
//! changes. A fix whose words the file no longer holds, or that overlaps one already
//! taken, is left out with a note.

use crate::document::normal::normal_form;
use crate::findings::{Finding, Fix};

/// An article's text with its fixes made.
#[derive(Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The whole text after the fixes: what `--fix` writes back and `--diff` compares.
    pub text: String,
    /// How many edits were made.
    pub made: usize,
    /// Why each fix left out was left out.
    pub left_out: Vec<String>,
}

/// The fixes of `findings` whose primary label is in the article numbered `doc`.
pub fn fixes_for(findings: &[Finding], doc: usize) -> Vec<&Fix> {
    findings
        .iter()
        .filter(|f| f.primary.file == crate::findings::FileRef::Document(doc))
        .flat_map(|f| &f.fixes)
        .collect()
}

/// `text` with `fixes` made, in order of position; one that overlaps an earlier one,
/// or whose span does not hold its words, is left out.
pub fn apply(text: &str, fixes: &[&Fix]) -> Fixed {
    let mut fixes: Vec<&Fix> = fixes.to_vec();
    fixes.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
    fixes.dedup();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut made = 0;
    let mut left_out = Vec::new();
    for fix in fixes {
        let span = fix.span.clone();
        let Some(words) = text.get(span.clone()) else {
            left_out.push(format!(
                "bytes {}..{} are not in the file: \"{}\" left as it is",
                span.start, span.end, fix.written
            ));
            continue;
        };
        if span.start < at {
            left_out.push(format!(
                "\"{}\" overlaps another fix and is left as it is",
                fix.written
            ));
            continue;
        }
        if normal_form(words) != normal_form(&fix.written) {
            left_out.push(format!(
                "the file no longer holds \"{}\" at bytes {}..{}; left as it is",
                fix.written, span.start, span.end
            ));
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&fix.replacement);
        at = span.end;
        made += 1;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        made,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(start: usize, written: &str, replacement: &str) -> Fix {
        Fix {
            span: start..start + written.len(),
            written: written.into(),
            replacement: replacement.into(),
        }
    }

    #[test]
    fn makes_each_fix_and_nothing_else() {
        let text = "Khalil Haqany spoke; Haqany left.";
        let a = fix(0, "Khalil Haqany", "Khalil Haqqani");
        let b = fix(21, "Haqany", "Haqqani");
        let fixed = apply(text, &[&b, &a]);
        assert_eq!(fixed.text, "Khalil Haqqani spoke; Haqqani left.");
        assert_eq!(fixed.made, 2);
        assert!(fixed.left_out.is_empty());
    }

    #[test]
    fn leaves_out_overlaps_and_stale_spans() {
        let text = "Khalil Haqany spoke.";
        let a = fix(0, "Khalil Haqany", "Khalil Haqqani");
        let overlapping = fix(7, "Haqany", "Haqqani");
        let stale = fix(14, "Kabul", "Kabul City");
        let beyond = fix(40, "Kabul", "Kabul City");
        let fixed = apply(text, &[&a, &overlapping, &stale, &beyond]);
        assert_eq!(fixed.text, "Khalil Haqqani spoke.");
        assert_eq!(fixed.made, 1);
        assert_eq!(fixed.left_out.len(), 3, "{:?}", fixed.left_out);
    }

    #[test]
    fn a_respelling_has_as_many_words_and_keeps_capitals() {
        assert_eq!(Fix::respelling(0..7, "Rosalyn", "Rosalynn Carter"), None);
        assert_eq!(Fix::respelling(0..6, "Haqany", "Haqany"), None);
        let f = Fix::respelling(0..13, "KHALIL HAQANY", "Khalil Haqqani").unwrap();
        assert_eq!(f.replacement, "KHALIL HAQQANI");
        let f = Fix::respelling(
            0..24,
            "Khalil-ul-Rahman Haqqani",
            "Khalil ur-Rahman Haqqani",
        )
        .unwrap();
        assert_eq!(f.replacement, "Khalil ur-Rahman Haqqani");
    }
}

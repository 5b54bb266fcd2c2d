//! Text as XML 1.0 writes it, for the JUnit and Checkstyle reports.

/// `text` escaped for an attribute value or element content: markup characters as
/// entities, tab and line ends as character references (so attribute values keep
/// them), and characters XML 1.0 cannot hold at all (other C0 controls, lone
/// surrogates cannot occur in a `str`, U+FFFE and U+FFFF) written as `\u{..}`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_controls_cannot_break_the_document() {
        assert_eq!(
            escape("a<b>&\"c'\td\ne\u{1b}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#9;d&#10;e\\u{1b}"
        );
        assert_eq!(escape("Kabul, 12 Dezember"), "Kabul, 12 Dezember");
    }
}

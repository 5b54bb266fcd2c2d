//! HTML articles read as text: tags, attributes, comments, and the contents of
//! `script`, `style`, `code`, `pre` and the like are not prose. As for every format, the
//! prose keeps the file's byte offsets: text is copied in place, everything else is
//! blanked.

use std::ops::Range;

use crate::date::Day;

use super::Metadata;

/// Elements whose whole content is not prose.
const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "kbd", "samp", "noscript", "svg", "template", "textarea",
    "head", "math", "object", "iframe",
];

/// Elements that start or end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "dt",
    "dd",
    "dl",
    "hr",
    "main",
    "aside",
    "nav",
    "body",
    "html",
    "caption",
    "address",
];

/// Copies the prose of an HTML document from `start` into `prose`; returns its blocks
/// and records its comments.
pub(super) fn prose(
    text: &str,
    start: usize,
    prose: &mut [u8],
    comments: &mut Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut blocks = Vec::new();
    let mut block: Option<(usize, usize)> = None; // (start, end of last text)
    let close_block = |block: &mut Option<(usize, usize)>, blocks: &mut Vec<Range<usize>>| {
        if let Some((s, e)) = block.take() {
            blocks.push(s..e);
        }
    };
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if text[i..].starts_with("<!--") {
                let end = text[i + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |e| i + 4 + e + 3);
                comments.push(i..end);
                i = end;
                continue;
            }
            let Some((name, closing, end)) = tag(text, i) else {
                // A lone '<' is text.
                copy(prose, bytes, i, &mut block);
                i += 1;
                continue;
            };
            if BLOCKS.contains(&name.as_str()) {
                close_block(&mut block, &mut blocks);
            }
            // An image's `alt` text is a caption of its own.
            if name == "img"
                && let Some(alt) = attribute(&text[i..end], "alt")
                && let Some(span) = prose_span(text, alt)
            {
                close_block(&mut block, &mut blocks);
                prose[span.clone()].copy_from_slice(&bytes[span.clone()]);
                blocks.push(span);
            }
            i = end;
            if !closing && SKIPPED.contains(&name.as_str()) {
                i = skip_element(text, i, &name);
            }
            continue;
        }
        if bytes[i] == b'&'
            && let Some(len) = entity_len(&text[i..])
        {
            // Entities are not decoded; a non-breaking space still separates words.
            i += len;
            continue;
        }
        if !bytes[i].is_ascii_whitespace() {
            copy(prose, bytes, i, &mut block);
        } else if block.is_some() {
            prose[i] = if bytes[i] == b'\n' { b'\n' } else { b' ' };
        }
        i += 1;
    }
    close_block(&mut block, &mut blocks);
    blocks
}

fn copy(prose: &mut [u8], bytes: &[u8], i: usize, block: &mut Option<(usize, usize)>) {
    prose[i] = bytes[i];
    match block {
        Some((_, end)) => *end = i + 1,
        None => *block = Some((i, i + 1)),
    }
}

/// A tag at `at`: its lowercased name, whether it closes, and where it ends.
fn tag(text: &str, at: usize) -> Option<(String, bool, usize)> {
    let bytes = text.as_bytes();
    let mut i = at + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    let is_declaration = bytes.get(at + 1).is_some_and(|b| *b == b'!' || *b == b'?');
    if i == name_start && !is_declaration {
        return None;
    }
    let name = text[name_start..i].to_ascii_lowercase();
    // Find the closing '>' outside quoted attribute values.
    let mut quote = None;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'"' | b'\'', None) => quote = Some(bytes[i]),
            (q, Some(open)) if q == open => quote = None,
            (b'>', None) => return Some((name, closing, i + 1)),
            _ => {}
        }
        i += 1;
    }
    Some((name, closing, bytes.len()))
}

/// Skips to just after `</name>`.
/// Linear in the text skipped: the element's text is searched once, without a copy.
fn skip_element(text: &str, from: usize, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(pos) = text[at..].find("</") {
        let close = at + pos;
        let name_at = close + 2;
        if bytes
            .get(name_at..name_at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return tag(text, close).map_or(text.len(), |(_, _, end)| end);
        }
        at = name_at;
    }
    text.len()
}

/// Length of an entity such as `&amp;`, `&#8217;` or `&#x2019;` at the start of `text`.
fn entity_len(text: &str) -> Option<usize> {
    let body = text.get(1..text.len().min(12))?;
    let end = body.find(';')?;
    let name = &body[..end];
    let valid = !name.is_empty()
        && (name.chars().all(|c| c.is_ascii_alphanumeric())
            || (name.starts_with('#')
                && name[1..].chars().all(|c| c.is_ascii_hexdigit() || c == 'x')));
    valid.then_some(end + 2)
}

/// Where a slice of `text` starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// A headline or description to read as prose, when it holds no markup or entity (so
/// that its bytes read as they show).
fn prose_span(text: &str, part: &str) -> Option<Range<usize>> {
    let part = part.trim();
    (!part.is_empty() && !part.contains(['<', '&'])).then(|| {
        let at = offset_in(text, part);
        at..at + part.len()
    })
}

/// The title, publication date and description an HTML page states in its head. The
/// title and the description (`description`, `og:title`, `og:description`) are read as
/// prose where the page holds them.
pub(super) fn metadata(text: &str) -> Metadata {
    let mut meta = Metadata::default();
    let lower = text.to_ascii_lowercase();
    if let Some(open) = lower.find("<title")
        && let Some((_, _, start)) = tag(text, open)
        && let Some(close) = lower[start..].find("</title")
    {
        let title = &text[start..start + close];
        meta.title = Some(title.trim().to_string());
        meta.prose.extend(prose_span(text, title));
    }
    let mut at = 0;
    while let Some(pos) = lower[at..].find("<meta") {
        let open = at + pos;
        let Some((_, _, end)) = tag(text, open) else {
            break;
        };
        let element = &text[open..end];
        let key = attribute(element, "name").or_else(|| attribute(element, "property"));
        let is_date = key.is_some_and(|k| {
            matches!(
                k.to_ascii_lowercase().as_str(),
                "date"
                    | "pubdate"
                    | "publishdate"
                    | "publication_date"
                    | "dc.date"
                    | "article:published_time"
                    | "og:published_time"
            )
        });
        if is_date
            && meta.published.is_none()
            && let Some(content) = attribute(element, "content")
        {
            meta.published = content.get(..10).and_then(Day::parse_iso);
        }
        let is_description = key.is_some_and(|k| {
            matches!(
                k.to_ascii_lowercase().as_str(),
                "description" | "og:description" | "twitter:description"
            )
        });
        if is_description && let Some(content) = attribute(element, "content") {
            meta.prose.extend(prose_span(text, content));
        }
        at = end;
    }
    meta
}

/// The value of `name="…"` in a tag.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let lower = element.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = element[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let quote = value.chars().next()?;
        if quote == '"' || quote == '\'' {
            let inner = &value[1..];
            return inner.find(quote).map(|end| &inner[..end]);
        }
        let end = value
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(value.len());
        return Some(&value[..end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};

    #[test]
    fn reads_text_and_skips_markup() {
        let page = "<html><head><title>Kabul blast</title><meta name=\"date\" content=\"2024-12-12\"><style>p{}</style></head>\n<body><p class=\"lede\" data-n=\"5 killed\">Khalil Haqqani and <b>two others</b> were killed.</p>\n<!-- factlint-disable-next-line FL001 -->\n<p>Seen&nbsp;at <a href=\"https://x.org/40-dead\">the ministry</a>.</p><script>var x = '12 dead';</script><pre>99 dead</pre></body></html>";
        let doc = Document::parse("a.html", page.as_bytes().to_vec(), Format::Html, None).unwrap();
        assert_eq!(doc.prose.len(), page.len());
        assert_eq!(doc.meta.title.as_deref(), Some("Kabul blast"));
        assert_eq!(
            doc.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2024-12-12")
        );
        for hidden in [
            "5 killed", "12 dead", "99 dead", "x.org", "lede", "p{}", "factlint",
        ] {
            assert!(
                !doc.prose.contains(hidden),
                "{hidden} leaked into the prose"
            );
        }
        let sentences: Vec<String> = doc
            .sentences
            .iter()
            .map(|s| {
                doc.prose[s.span.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            sentences,
            // The page's title is a headline, read as prose.
            vec![
                "Kabul blast",
                "Khalil Haqqani and two others were killed.",
                "Seen at the ministry ."
            ]
        );
        let start = page.find("two others").unwrap();
        assert_eq!(&doc.prose[start..start + 10], "two others");
        assert_eq!(doc.comments.len(), 1);
    }

    #[test]
    fn the_title_description_and_alt_text_are_prose_in_place() {
        let page = "<html><head><title>Blast kills two</title><meta name=\"description\" content=\"Two died at the ministry\"><meta property=\"og:description\" content=\"A &amp; B\"></head><body><p>Text.</p><img src=\"x.jpg\" alt=\"Mourners, 12 of them, at the gate\"></body></html>";
        let doc = Document::parse("a.html", page.as_bytes().to_vec(), Format::Html, None).unwrap();
        let texts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.prose[s.span.clone()].trim())
            .collect();
        assert_eq!(
            texts,
            [
                "Blast kills two",
                "Two died at the ministry",
                "Text.",
                "Mourners, 12 of them, at the gate"
            ]
        );
        // In place: each sentence is the page's own bytes there.
        for s in &doc.sentences {
            assert_eq!(
                doc.prose[s.span.clone()].trim(),
                page[s.span.clone()].trim()
            );
        }
    }
}

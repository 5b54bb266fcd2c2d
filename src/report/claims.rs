//! `factlint claims`: every mention found, attributed or not, so a rule author can see
//! what the checker sees.

use serde::Serialize;
use serde_json::{Value, json};

use super::Cursor;
use crate::attribute::Claim;
use crate::document::Document;
use crate::extract::{Mention, MentionValue};
use crate::rulebook::Rulebook;

#[derive(Serialize)]
struct JsonMention<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    kind: &'static str,
    value: Value,
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<&'a str>,
    /// Why it was tied or left untied, with `--why`.
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
}

fn value_json(book: &Rulebook, mention: &Mention) -> Value {
    let person = mention.entity.map(|e| book.entities[e].id.as_str());
    match &mention.value {
        MentionValue::Number(_) if mention.figure.is_some() => {
            json!({"min": mention.figure, "max": mention.figure})
        }
        MentionValue::Number(v) => json!({"min": v.min, "max": v.max}),
        MentionValue::Amount { value, currency } => {
            json!({"min": value.min, "max": value.max, "currency": currency})
        }
        MentionValue::Date(r) => json!({"from": r.from.to_string(), "to": r.to.to_string()}),
        MentionValue::Weekday(d) => json!({"weekday": d.name()}),
        MentionValue::Name(n) => json!({"name": n, "person": person}),
        MentionValue::Title(t) => json!({"title": t, "person": person}),
        MentionValue::Code(c) => json!({"code": c}),
    }
}

/// Mentions with their indices, in the order they stand in the text.
fn in_order(mentions: &[Mention]) -> Vec<(usize, &Mention)> {
    let mut list: Vec<(usize, &Mention)> = mentions.iter().enumerate().collect();
    list.sort_by_key(|(_, m)| (m.span.start, m.span.end));
    list
}

fn fact_of<'a>(book: &'a Rulebook, claims: &[Claim], index: usize) -> Option<&'a str> {
    claims
        .iter()
        .find(|c| c.mention == index)
        .map(|c| book.facts[c.fact].id.as_str())
}

/// One line per mention: `path:line:col: kind value "text" -> fact`; with `why` (one
/// list per document, one reason per mention), the reason on the line below.
pub fn render_human(
    book: &Rulebook,
    docs: &[Document],
    read: &[(Vec<Mention>, Vec<Claim>)],
    why: Option<&[Vec<String>]>,
) -> String {
    let mut out = String::new();
    for (d, (doc, (mentions, claims))) in docs.iter().zip(read).enumerate() {
        let mut cursor = Cursor::new(&doc.text);
        for (i, m) in in_order(mentions) {
            let (line, column) = cursor.locate(m.span.start);
            let value = match &m.value {
                MentionValue::Number(v) => v.describe(),
                MentionValue::Amount { value, currency } => format!("{currency} {value}"),
                MentionValue::Date(r) => r.to_string(),
                MentionValue::Weekday(d) => d.name().to_string(),
                MentionValue::Code(c) => c.clone(),
                MentionValue::Name(_) | MentionValue::Title(_) => m
                    .entity
                    .map(|e| format!("of {}", book.entities[e].name))
                    .unwrap_or_default(),
            };
            let fact = fact_of(book, claims, i).unwrap_or("-");
            let measure = m
                .measure
                .as_deref()
                .map(|s| format!(" [{s}]"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}:{line}:{column}: {} {value}{measure} {:?} -> {fact}\n",
                doc.path,
                m.kind.name(),
                &doc.text[m.span.clone()],
            ));
            if let Some(reason) = why.and_then(|w| w.get(d)).and_then(|w| w.get(i)) {
                out.push_str(&format!("    why: {reason}\n"));
            }
        }
    }
    out
}

/// Every mention and what it was tied to, as one JSON document (`claims --format json`).
pub fn render_json(
    book: &Rulebook,
    docs: &[Document],
    read: &[(Vec<Mention>, Vec<Claim>)],
    why: Option<&[Vec<String>]>,
) -> String {
    let mut mentions = Vec::new();
    for (d, (doc, (ms, claims))) in docs.iter().zip(read).enumerate() {
        let mut cursor = Cursor::new(&doc.text);
        for (i, m) in in_order(ms) {
            let (line, column) = cursor.locate(m.span.start);
            mentions.push(JsonMention {
                file: &doc.path,
                start: m.span.start,
                end: m.span.end,
                line,
                column,
                text: &doc.text[m.span.clone()],
                kind: m.kind.name(),
                value: value_json(book, m),
                fact: fact_of(book, claims, i),
                measure: m.measure.as_deref(),
                why: why
                    .and_then(|w| w.get(d))
                    .and_then(|w| w.get(i))
                    .map(String::as_str),
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&json!({"version": 1, "mentions": mentions}))
        .unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

//! The map/reduce split for runs beyond one machine.
//!
//! Map: `factlint claims --format jsonl` writes one line per article with what checking
//! needs of it (its claims, the dates written with a weekday, its publication date, and
//! its text only when suppression comments need it). Reduce: `factlint reconcile`
//! reads such lines, from any number of map tasks in any order, and runs the same
//! checking and reporting as `factlint check`, so both give the same findings.
//!
//! Facts are named by id on the wire, so a reducer only needs the same rulebook, not
//! the same build. Reports that show snippets or lines read the articles back from
//! their paths, as `check` does.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::attribute::{Claim, Via};
use crate::check::Read;
use crate::date::Day;
use crate::document::{Document, Metadata};
use crate::extract::Mention;
use crate::rulebook::Rulebook;

/// The version of the line format.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Line {
    version: u32,
    file: String,
    published: Option<Day>,
    /// Whether the article can be read again from `file`.
    reloadable: bool,
    /// The article's text, when it cannot be read again or its comments need it.
    text: Option<String>,
    comments: Vec<Range<usize>>,
    mentions: Vec<Mention>,
    claims: Vec<WireClaim>,
}

#[derive(Serialize, Deserialize)]
struct WireClaim {
    mention: usize,
    fact: String,
    via: Via,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    on: Option<crate::date::DayRange>,
}

/// One article's line, from a document that has been read (and possibly shed).
pub fn encode(book: &Rulebook, doc: &Document, mentions: &[Mention], claims: &[Claim]) -> String {
    let line = Line {
        version: VERSION,
        file: doc.path.clone(),
        published: doc.meta.published,
        reloadable: doc.reloadable,
        text: (!doc.text_shed).then(|| doc.text.clone()),
        comments: doc.comments.clone(),
        mentions: mentions.to_vec(),
        claims: claims
            .iter()
            .map(|c| WireClaim {
                mention: c.mention,
                fact: book.facts[c.fact].id.clone(),
                via: c.via,
                on: c.on,
            })
            .collect(),
    };
    serde_json::to_string(&line).unwrap_or_default()
}

/// Checks that every place and index in a line can be used: spans in order and, where the
/// text is carried, inside it on character boundaries; facts and entities in the
/// rulebook. A line edited by hand or cut short is an error, never a panic.
fn validate(book: &Rulebook, line: &Line) -> Result<(), String> {
    let bad = |what: &str| Err(format!("{}: {what}", line.file));
    let fits = |r: &Range<usize>| {
        r.start <= r.end
            && line.text.as_ref().is_none_or(|t| {
                r.end <= t.len() && t.is_char_boundary(r.start) && t.is_char_boundary(r.end)
            })
    };
    if !line.comments.iter().all(fits) {
        return bad("a comment's place is outside the text");
    }
    for m in &line.mentions {
        let places = std::iter::once(&m.span)
            .chain(m.cue.iter())
            .chain(m.subject.iter())
            .chain(m.weekday.iter().map(|(_, r)| r));
        if !places.into_iter().all(fits) {
            return bad("a mention's place is outside the text");
        }
        if m.pattern_fact.is_some_and(|f| f >= book.facts.len())
            || m.entity.is_some_and(|e| e >= book.entities.len())
        {
            return bad("a mention names a fact or person that is not in this rulebook");
        }
    }
    Ok(())
}

/// An article back from its line, with its mentions and claims, ready for
/// [`crate::Engine::check_read`]. A line of another version, or one whose places, facts
/// or entities do not fit this rulebook, is an error.
pub fn decode(book: &Rulebook, line: &str) -> Result<(Document, Read), String> {
    let line: Line = serde_json::from_str(line).map_err(|e| format!("not a claims line: {e}"))?;
    if line.version != VERSION {
        return Err(format!(
            "claims line of version {}, this factlint reads version {VERSION}",
            line.version
        ));
    }
    validate(book, &line)?;
    let ids: std::collections::HashMap<&str, usize> = book
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let mut claims = Vec::with_capacity(line.claims.len());
    for c in line.claims {
        let fact = *ids
            .get(c.fact.as_str())
            .ok_or_else(|| format!("{}: fact `{}` is not in this rulebook", line.file, c.fact))?;
        if c.mention >= line.mentions.len() {
            return Err(format!(
                "{}: a claim names a mention that is not there",
                line.file
            ));
        }
        claims.push(Claim {
            mention: c.mention,
            fact,
            via: c.via,
            on: c.on,
        });
    }
    let text_shed = line.text.is_none();
    let doc = Document {
        path: line.file,
        text: line.text.unwrap_or_default(),
        prose: String::new(),
        remap: None,
        meta: Metadata {
            published: line.published,
            title: None,
            source: None,
            date_text: None,
            prose: Vec::new(),
        },
        blocks: Vec::new(),
        sentences: Vec::new(),
        comments: line.comments,
        text_shed,
        reloadable: line.reloadable,
    };
    Ok((doc, (line.mentions, claims)))
}

//! `factlint rules list`: what a rulebook holds, for the people who maintain it.

use crate::rulebook::{Fact, Rulebook, Subject};

/// The rulebook's entities, events and facts, with their values and lines.
pub fn render(book: &Rulebook) -> String {
    let mut out = String::new();
    out.push_str(&format!("entities ({})\n", book.entities.len()));
    for e in &book.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!("  aliases: {}", e.aliases.join("; "))
        };
        out.push_str(&format!("  {}  {} [{:?}]{aliases}\n", e.id, e.name, e.kind));
    }
    out.push_str(&format!("\nevents ({})\n", book.events.len()));
    for e in &book.events {
        let date = e
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "  {}  {date}  {}\n",
            e.id,
            e.summary.as_deref().unwrap_or("")
        ));
    }
    out.push_str(&format!("\nfacts ({})\n", book.facts.len()));
    for f in &book.facts {
        fact(&mut out, book, f);
    }
    out
}

/// One fact's line (its value, unit, date, subject, line and sources), then the lines
/// of what else the rulebook says of it.
fn fact(out: &mut String, book: &Rulebook, f: &Fact) {
    let line = book.line_of(&f.loc);
    let sources = book.source_titles(&f.sources);
    let kind = match f.subject {
        Subject::Entity(_) => "entity",
        Subject::Event(_) => "event",
    };
    let since = f.as_of.map(|a| format!(" as of {a}")).unwrap_or_default();
    let unit = f.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
    out.push_str(&format!(
        "  {}  {}{unit}{since}  ({kind}, {}:{line}){}\n",
        f.id,
        f.describe(),
        book.files[f.loc.file].name,
        if sources.is_empty() {
            String::new()
        } else {
            format!("  sources: {}", sources.join("; "))
        }
    ));
    figures(out, book, f);
    cues(out, book, f);
    posts(out, book, f);
    if let Some(whole) = f.part_of {
        out.push_str(&format!("      part of: {}\n", book.facts[whole].id));
    }
}

/// The other figures reported for a fact, and those it was revised from, with their
/// dates and sources; then the values in dispute.
fn figures(out: &mut String, book: &Rulebook, f: &Fact) {
    for (label, list) in [("reported", &f.reported), ("revised from", &f.revised_from)] {
        if list.is_empty() {
            continue;
        }
        let figures: Vec<String> = list
            .iter()
            .map(|r| {
                let mut text = r.describe();
                if let Some(a) = r.as_of {
                    text.push_str(&format!(" as of {a}"));
                }
                text.push_str(&book.cited(&r.sources));
                text
            })
            .collect();
        out.push_str(&format!("      {label}: {}\n", figures.join("; ")));
    }
    if !f.disputed.is_empty() {
        let values: Vec<String> = f
            .disputed
            .iter()
            .map(|r| format!("{}{}", r.written, book.cited(&r.sources)))
            .collect();
        out.push_str(&format!("      reported: {}\n", values.join("; ")));
    }
}

/// The cues of a fact's measure (or identifier), unless it has none or is one of the
/// built-in measures.
fn cues(out: &mut String, book: &Rulebook, f: &Fact) {
    // The words that mark the measure (or precede the identifier), which show a
    // cue forgotten.
    let cues = book
        .measures
        .iter()
        .chain(&book.codes)
        .find(|m| m.name == f.measure)
        .map(|m| &m.cues);
    if let Some(cues) = cues.filter(|c| !c.is_empty())
        && !crate::rulebook::BUILTIN_MEASURES
            .iter()
            .any(|(name, _)| *name == f.measure)
    {
        out.push_str(&format!("      cues: {}\n", cues.join(", ")));
    }
}

/// The posts of a title fact's person, with their dates, when there is more than one
/// or any is dated.
fn posts(out: &mut String, book: &Rulebook, f: &Fact) {
    let posts = match f.subject {
        Subject::Entity(e) if f.measure == "title" => book.entities[e].posts.as_slice(),
        _ => &[],
    };
    if posts.len() > 1 || posts.iter().any(|p| p.from.is_some() || p.to.is_some()) {
        let posts: Vec<String> = posts
            .iter()
            .map(|p| match (p.from, p.to) {
                (Some(f), Some(t)) => format!("{} ({f} to {t})", p.value),
                (Some(f), None) => format!("{} (from {f})", p.value),
                (None, Some(t)) => format!("{} (until {t})", p.value),
                (None, None) => p.value.clone(),
            })
            .collect();
        out.push_str(&format!("      posts: {}\n", posts.join("; ")));
    }
}

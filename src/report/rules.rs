//! `factlint rules list`: what a rulebook holds, for the people who maintain it.

use crate::rulebook::{Rulebook, Subject};

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
        let line = book.line_of(&f.loc);
        let sources = book.source_titles(&f.sources);
        let kind = match f.subject {
            Subject::Entity(_) => "entity",
            Subject::Event(_) => "event",
        };
        let since = f.as_of.map(|a| format!(" as of {a}")).unwrap_or_default();
        out.push_str(&format!(
            "  {}  {}{since}  ({kind}, {}:{line}){}\n",
            f.id,
            f.describe(),
            book.files[f.loc.file].name,
            if sources.is_empty() {
                String::new()
            } else {
                format!("  sources: {}", sources.join("; "))
            }
        ));
        for (label, list) in [("reported", &f.reported), ("revised from", &f.revised_from)] {
            if list.is_empty() {
                continue;
            }
            let figures: Vec<String> = list
                .iter()
                .map(|r| {
                    let mut text = r
                        .decimal
                        .map_or_else(|| r.value.describe(), crate::rulebook::describe_decimal);
                    if let Some(a) = r.as_of {
                        text.push_str(&format!(" as of {a}"));
                    }
                    let by = book.source_titles(&r.sources);
                    if !by.is_empty() {
                        text.push_str(&format!(" ({})", by.join("; ")));
                    }
                    text
                })
                .collect();
            out.push_str(&format!("      {label}: {}\n", figures.join("; ")));
        }
    }
    out
}

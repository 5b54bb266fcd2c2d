//! One row per phrasing: what extraction reads from a sentence, including every shape
//! in the reporting this project starts from.

use super::*;
use crate::document::{Document, Format};
use crate::rulebook::{RuleFile, load_sources};

fn lexicon() -> Lexicon {
    let book = load_sources(vec![RuleFile {
        name: "t.yaml".into(),
        text: "entities:\n  ttp:\n    name: TTP\n    facts:\n      fighters: {value: about 6000, cues: [fighters]}\n".into(),
    }])
    .expect("test rulebook loads");
    Lexicon::new(&book, quantity::DEFAULT_TOLERANCE)
}

/// `(kind, text of the span, value, measure)` for every mention in `text`.
fn read(text: &str, published: Option<&str>) -> Vec<(String, String, String, Option<String>)> {
    let doc = Document::parse(
        "t.txt",
        text.as_bytes().to_vec(),
        Format::Text,
        published.and_then(Day::parse_iso),
    )
    .expect("test text parses");
    extract(&doc, &lexicon())
        .into_iter()
        .map(|m| {
            let value = match &m.value {
                MentionValue::Number(v) => v.describe(),
                MentionValue::Amount { value, currency } => format!("{currency} {value}"),
                MentionValue::Date(r) => r.to_string(),
                MentionValue::Weekday(d) => d.name().to_string(),
                MentionValue::Name(n) | MentionValue::Title(n) | MentionValue::Code(n) => n.clone(),
            };
            (
                m.kind.name().to_string(),
                text[m.span.clone()].to_string(),
                value,
                m.measure.map(|m| m.to_string()),
            )
        })
        .collect()
}

/// The first count in `text`: its value and measure.
fn count(text: &str) -> (String, Option<String>) {
    let found = read(text, None);
    let m = found
        .into_iter()
        .find(|(kind, ..)| kind == "count")
        .unwrap_or_else(|| panic!("no count in {text:?}"));
    (m.2, m.3)
}

#[test]
fn counts_with_their_measures() {
    let k = Some("killed".to_string());
    let i = Some("injured".to_string());
    let table: &[(&str, &str, &Option<String>)] = &[
        // The victim plus others: N + 1 dead.
        (
            "A bomber killed Khalil Haqqani along with two others.",
            "3",
            &k,
        ),
        ("Khalil Haqqani and two others were killed.", "3", &k),
        (
            "Haqqani was killed, along with several staff members.",
            "4 to 10",
            &k,
        ),
        (
            "It was an attack that also claimed the lives of two others.",
            "3",
            &k,
        ),
        (
            "A bomber killed Khalil Haqqani, the refugees minister, and two others.",
            "3",
            &k,
        ),
        // Lower bounds.
        ("At least five people were killed.", "at least 5", &k),
        ("A minimum of five people died.", "at least 5", &k),
        ("No fewer than five people died.", "at least 5", &k),
        ("Five or more people were killed.", "at least 5", &k),
        // Strict bounds.
        ("More than 60 people were killed.", "at least 61", &k),
        ("The blast killed over 60 people.", "at least 61", &k),
        ("Upwards of 60 people died.", "at least 61", &k),
        // Upper bounds and approximations.
        ("Up to 10 people were killed.", "1 to 10", &k),
        ("As many as 10 people were killed.", "1 to 10", &k),
        ("Nearly 250 people were killed.", "225 to 249", &k),
        ("Almost 250 people were killed.", "225 to 249", &k),
        ("About 100 people died.", "90 to 110", &k),
        ("Around 100 people died.", "90 to 110", &k),
        ("Some 100 people died.", "90 to 110", &k),
        ("Approximately 100 people died.", "90 to 110", &k),
        ("Roughly 100 people died.", "90 to 110", &k),
        // Verbs and nouns of death.
        ("Twelve soldiers lost their lives.", "12", &k),
        ("The death toll rose to 84.", "84", &k),
        ("The attack claimed the lives of 12 soldiers.", "12", &k),
        ("Twelve soldiers were martyred.", "12", &k),
        ("There were 12 fatalities.", "12", &k),
        ("Twelve soldiers were martyred in the attack.", "12", &k),
        ("Four people were wounded.", "4", &i),
        // Casualties mix dead and injured: no measure.
        ("There were 12 casualties.", "12", &None),
        // Vague quantities.
        ("Several people were wounded.", "3 to 9", &i),
        ("A few people were wounded.", "2 to 5", &i),
        ("Dozens of people were killed.", "24 to 199", &k),
        ("Scores of people were killed.", "40 to 199", &k),
        ("Hundreds of people were wounded.", "200 to 999", &i),
        ("A handful of people were wounded.", "2 to 6", &i),
        ("More than a dozen people were killed.", "at least 13", &k),
        // Numbers.
        ("Twenty-one people died.", "21", &k),
        (
            "The group has about 6,000 fighters.",
            "5,400 to 6,600",
            &Some("fighters".to_string()),
        ),
        ("Between 60 and 63 people were killed.", "60 to 63", &k),
    ];
    for (text, value, measure) in table {
        assert_eq!(
            count(text),
            (value.to_string(), (*measure).clone()),
            "{text}"
        );
    }
}

#[test]
fn two_figures_in_one_clause() {
    let found = read("The blast killed four and injured 20.", None);
    let counts: Vec<_> = found.iter().filter(|m| m.0 == "count").collect();
    assert_eq!(counts[0].2, "4");
    assert_eq!(counts[0].3.as_deref(), Some("killed"));
    assert_eq!(counts[1].2, "20");
    assert_eq!(counts[1].3.as_deref(), Some("injured"));
    let found = read("It left four dead and 20 wounded.", None);
    let counts: Vec<_> = found.iter().filter(|m| m.0 == "count").collect();
    assert_eq!(
        (counts[0].2.as_str(), counts[0].3.as_deref()),
        ("4", Some("killed"))
    );
    assert_eq!(
        (counts[1].2.as_str(), counts[1].3.as_deref()),
        ("20", Some("injured"))
    );
    let found = read("Haqqani was killed and two others were injured.", None);
    let counts: Vec<_> = found.iter().filter(|m| m.0 == "count").collect();
    assert_eq!(
        (counts[0].2.as_str(), counts[0].3.as_deref()),
        ("2", Some("injured"))
    );
}

#[test]
fn amounts_ordinals_and_non_counts() {
    let found = read(
        "The US offered a $5 million reward. It was the third attack.",
        None,
    );
    assert!(
        found
            .iter()
            .any(|m| m.0 == "amount" && m.1 == "$5 million" && m.2 == "USD 5,000,000")
    );
    assert!(
        found
            .iter()
            .any(|m| m.0 == "ordinal" && m.1 == "third" && m.2 == "3")
    );
    let found = read("Turnout was 12 percent over two days at 10:30.", None);
    assert!(found.iter().all(|m| m.0 != "count"), "{found:?}");
    let found = read("About 1.5 million Afghans were deported.", None);
    assert_eq!(found[0].2, "1,350,000 to 1,650,000");
}

#[test]
fn dates_and_weekdays() {
    let p = Some("2024-12-12");
    let table: &[(&str, &str, &str)] = &[
        (
            "He was killed on December 11, 2024.",
            "December 11, 2024",
            "2024-12-11",
        ),
        (
            "He was killed on 11 December 2024.",
            "11 December 2024",
            "2024-12-11",
        ),
        ("He was killed on Dec. 11.", "Dec. 11", "2024-12-11"),
        ("He was killed on Wednesday.", "Wednesday", "2024-12-11"),
        (
            "It happened in March 2023.",
            "March 2023",
            "2023-03-01..2023-03-31",
        ),
        (
            "It began in early 2015.",
            "early 2015",
            "2015-01-01..2015-04-30",
        ),
        ("He was listed in 2011.", "2011", "2011-01-01..2011-12-31"),
    ];
    for (text, span, value) in table {
        let found = read(text, p);
        let date = found
            .iter()
            .find(|m| m.0 == "date")
            .unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(
            (date.1.as_str(), date.2.as_str()),
            (*span, *value),
            "{text}"
        );
    }
    let found = read("He was killed on Wednesday.", None);
    assert_eq!(found[0].2, "Wednesday");
}

#[test]
fn ages_in_every_shape() {
    let table: &[(&str, &str)] = &[
        ("Khalil Haqqani, 58, was killed.", "58"),
        ("The 58-year-old Khalil Haqqani was killed.", "58-year-old"),
        ("Khalil Haqqani (58) was killed.", "58"),
        ("Khalil Haqqani, aged 58, was killed.", "aged 58"),
        ("He died at the age of 58.", "at the age of 58"),
    ];
    for (text, span) in table {
        let found = read(text, None);
        let age = found
            .iter()
            .find(|m| m.0 == "age")
            .unwrap_or_else(|| panic!("no age in {text:?}"));
        assert_eq!((age.1.as_str(), age.2.as_str()), (*span, "58"), "{text}");
        assert!(
            found.iter().all(|m| m.0 != "count"),
            "{text}: an age is not a count"
        );
    }
}

#[test]
fn a_decade_of_life_is_an_age_span() {
    let table: &[(&str, &str, &str)] = &[
        (
            "She was in her late 60s when it shut.",
            "in her late 60s",
            "66 to 69",
        ),
        (
            "A man in his eighties was rescued.",
            "in his eighties",
            "80 to 89",
        ),
        (
            "Both, in their mid-40s, survived.",
            "in their mid-40s",
            "43 to 47",
        ),
        ("He was in his early 30s.", "in his early 30s", "30 to 34"),
        ("She was still in her teens.", "in her teens", "13 to 19"),
    ];
    for (text, span, value) in table {
        let found = read(text, None);
        let age = found
            .iter()
            .find(|m| m.0 == "age")
            .unwrap_or_else(|| panic!("no age in {text:?}"));
        assert_eq!((age.1.as_str(), age.2.as_str()), (*span, *value), "{text}");
    }
    // Not a person's decade: temperatures, a century's decades, a possessive missing.
    for text in [
        "Temperatures were in the 90s.",
        "It was built in the 1960s.",
        "Homes built in their 1970s style.",
    ] {
        assert!(read(text, None).iter().all(|m| m.0 != "age"), "{text}");
    }
}

#[test]
fn datelines_are_marked() {
    let doc = Document::parse(
        "t.txt",
        "KABUL, Dec 12 (Wire) — A bomber killed three people on Wednesday."
            .as_bytes()
            .to_vec(),
        Format::Text,
        Day::parse_iso("2024-12-12"),
    )
    .expect("parses");
    let mentions = extract(&doc, &lexicon());
    let dates: Vec<_> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Date)
        .collect();
    assert!(dates[0].dateline);
    assert!(!dates[1].dateline);
    assert!(dates[1].occurrence);
}

#[test]
fn a_page_stamp_is_a_dateline_and_a_day_of_saying_is_said() {
    let doc = Document::parse(
        "t.txt",
        "Three died in the crash\nPublished: 29 Dec. 2024, 10:21\n\nThe airline said on \
         Monday that the crash on Sunday killed three."
            .as_bytes()
            .to_vec(),
        Format::Text,
        Day::parse_iso("2024-12-30"),
    )
    .expect("parses");
    let mentions = extract(&doc, &lexicon());
    let dates: Vec<_> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Date)
        .map(|m| (&doc.prose[m.span.clone()], m.dateline, m.said, m.occurrence))
        .collect();
    assert_eq!(
        dates,
        [
            ("29 Dec. 2024", true, false, false),
            ("Monday", false, true, false),
            ("Sunday", false, false, true),
        ]
    );
}

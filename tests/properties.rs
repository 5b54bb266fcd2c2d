//! Invariants that hold for any input: reading never panics, every span lies inside the
//! file on character boundaries, and every value is a well-formed interval.

use factlint::Engine;
use factlint::document::{Document, Format};
use factlint::extract::quantity::{self, DEFAULT_TOLERANCE};
use factlint::findings::FileRef;
use factlint::rulebook;
use proptest::prelude::*;

/// The shipped rulebook, compiled once for every case.
fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        let book =
            rulebook::load_paths(&["rules".to_string()]).expect("the shipped rulebook loads");
        Engine::new(book, DEFAULT_TOLERANCE)
    })
}

/// Text built from the words and marks articles are made of, so that the extractors
/// actually fire, mixed with arbitrary characters.
fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Khalil Haqqani".to_string()),
        Just("Haqqani".to_string()),
        Just("killed".to_string()),
        Just("wounded".to_string()),
        Just("at least".to_string()),
        Just("along with".to_string()),
        Just("others".to_string()),
        Just("on Wednesday".to_string()),
        Just("December 11, 2024".to_string()),
        Just("Ministry of Refugees".to_string()),
        Just("the attack".to_string()),
        Just("Peshawar".to_string()),
        Just("$5 million".to_string()),
        Just("58-year-old".to_string()),
        Just(", 58,".to_string()),
        Just("Khalil-ur-Rahman Haqqani".to_string()),
        Just("Kalil Haqqani".to_string()),
        Just("Sirajuddin Haqqani, the interior minister,".to_string()),
        Just("foreign minister".to_string()),
        Just("Minister of Refugees and Repartition".to_string()),
        Just("also known as".to_string()),
        Just("\n\n".to_string()),
        Just("---\n".to_string()),
        Just("```".to_string()),
        Just("<!--".to_string()),
        Just("[a](http://x.y/1)".to_string()),
        "[0-9,.]{1,8}".prop_map(String::from),
        "[a-zA-Z]{1,10}".prop_map(String::from),
        any::<char>().prop_map(String::from),
        "\\PC{0,5}".prop_map(String::from),
    ];
    prop::collection::vec(word, 0..60).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_stay_inside_the_file(text in article(), markdown in any::<bool>()) {
        let format = if markdown { Format::Markdown } else { Format::Text };
        let Ok(doc) = Document::parse("p.md", text.clone().into_bytes(), format, None) else {
            return Ok(());
        };
        if doc.remap.is_none() {
            prop_assert_eq!(doc.prose.len(), doc.text.len());
        }
        let prose = &doc.prose;
        for s in &doc.sentences {
            prop_assert!(s.span.start <= s.span.end && s.span.end <= prose.len());
            prop_assert!(prose.is_char_boundary(s.span.start) && prose.is_char_boundary(s.span.end));
        }
        let engine = engine();
        let (mentions, claims) = engine.read(&doc);
        for m in &mentions {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            if let Some(v) = m.interval() {
                prop_assert!(v.max.is_none_or(|max| v.min <= max));
            }
        }
        for c in &claims {
            prop_assert!(c.mention < mentions.len());
            prop_assert!(c.fact < engine.book.facts.len());
        }
        let report = engine.check(std::slice::from_ref(&doc));
        for f in &report.findings {
            for label in std::iter::once(&f.primary).chain(&f.related) {
                if let FileRef::Document(_) = label.file {
                    prop_assert!(label.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(label.span.start));
                    prop_assert!(text.is_char_boundary(label.span.end));
                }
            }
        }
    }

    #[test]
    fn invisible_characters_inside_words_change_nothing_read(
        text in article(),
        marks in prop::collection::vec((any::<prop::sample::Index>(), 0..4usize), 1..8),
    ) {
        // Zero-width and soft-hyphen characters put between two letters or digits.
        let invisible = ['\u{200b}', '\u{200d}', '\u{ad}', '\u{2060}'];
        let chars: Vec<char> = text.chars().collect();
        let mut at: Vec<(usize, char)> = marks
            .iter()
            .map(|(i, k)| (i.index(chars.len().max(1)), invisible[*k]))
            .filter(|&(i, _)| {
                i > 0 && i < chars.len()
                    && chars[i - 1].is_ascii_alphanumeric()
                    && chars[i].is_ascii_alphanumeric()
            })
            .collect();
        at.sort();
        let mut marked = String::new();
        for (i, c) in chars.iter().enumerate() {
            for &(_, mark) in at.iter().filter(|(j, _)| *j == i) {
                marked.push(mark);
            }
            marked.push(*c);
        }
        let read = |t: &str| -> Option<Vec<(String, String)>> {
            let doc = Document::parse("p.txt", t.as_bytes().to_vec(), Format::Text, None).ok()?;
            let (mentions, _) = engine().read(&doc);
            Some(
                mentions
                    .iter()
                    .map(|m| {
                        // The span covers the marks inside it, never half a character.
                        let written: String = t[m.span.clone()]
                            .chars()
                            .filter(|c| !invisible.contains(c))
                            .collect();
                        (written, format!("{:?}", m.value))
                    })
                    .collect(),
            )
        };
        prop_assert_eq!(read(&text), read(&marked));
    }

    #[test]
    fn figures_are_well_formed_intervals(text in "\\PC{0,40}") {
        if let Some(q) = quantity::parse_phrase(&text) {
            prop_assert!(q.value.max.is_none_or(|max| q.value.min <= max));
        }
    }

    #[test]
    fn checking_is_deterministic_and_order_free(a in article(), b in article()) {
        let docs = |first: &str, second: &str| -> Vec<Document> {
            [("a.md", first), ("b.md", second)]
                .iter()
                .filter_map(|(n, t)| Document::parse(n, t.as_bytes().to_vec(), Format::Markdown, None).ok())
                .collect()
        };
        let engine = engine();
        let forward = docs(&a, &b);
        let once = engine.check(&forward).findings;
        let again = engine.check(&forward).findings;
        prop_assert_eq!(&once, &again);
        // The same articles given in the other order raise the same findings.
        let mut backward = docs(&a, &b);
        backward.reverse();
        let reversed = engine.check(&backward).findings;
        let key = |fs: &[factlint::findings::Finding], docs: &[Document]| {
            let mut k: Vec<(String, String, usize)> = fs
                .iter()
                .map(|f| {
                    let file = match f.primary.file {
                        FileRef::Document(d) => docs[d].path.clone(),
                        FileRef::Rule(r) => format!("rule{r}"),
                    };
                    (f.code.code().to_string(), file, f.primary.span.start)
                })
                .collect();
            k.sort();
            k
        };
        prop_assert_eq!(key(&once, &forward), key(&reversed, &backward));
    }
}

/// The labelled corpus, read once.
fn corpus() -> &'static Vec<Document> {
    static CORPUS: std::sync::OnceLock<Vec<Document>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut paths: Vec<_> = std::fs::read_dir("corpus")
            .expect("corpus/")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).expect("corpus file");
                Document::parse(&p.to_string_lossy(), bytes, Format::Markdown, None)
                    .expect("parses")
            })
            .collect()
    })
}

/// Conflicts with the rulebook (classes that compare one claim with a rule), keyed by
/// file and position.
fn rule_conflicts(
    findings: &[factlint::findings::Finding],
    docs: &[Document],
) -> Vec<(String, usize, String)> {
    use factlint::findings::Code;
    let mut out: Vec<_> = findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                Code::Conflict | Code::RevisedFigure | Code::Unsupported | Code::WeekdayMismatch
            )
        })
        .filter_map(|f| match f.primary.file {
            FileRef::Document(d) => Some((
                docs[d].path.clone(),
                f.primary.span.start,
                f.code.code().to_string(),
            )),
            FileRef::Rule(_) => None,
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Adding an unrelated article never removes a finding about another article's own
    /// conflict with the rulebook.
    #[test]
    fn adding_an_article_keeps_every_rule_conflict(text in article()) {
        let engine = engine();
        let docs = corpus().clone();
        let before = rule_conflicts(&engine.check(&docs).findings, &docs);
        let mut more = docs.clone();
        if let Ok(extra) = Document::parse("zz-extra.md", text.into_bytes(), Format::Markdown, None) {
            more.push(extra);
        }
        let after = rule_conflicts(&engine.check(&more).findings, &more);
        for finding in &before {
            prop_assert!(after.contains(finding), "lost {:?}", finding);
        }
    }
}

/// A document checked alone and inside the corpus gives the same rule conflicts.
#[test]
fn alone_or_in_the_corpus_the_same_rule_conflicts() {
    let engine = engine();
    let docs = corpus();
    let together = rule_conflicts(&engine.check(docs).findings, docs);
    let mut alone = Vec::new();
    for doc in docs {
        let one = std::slice::from_ref(doc);
        alone.extend(rule_conflicts(&engine.check(one).findings, one));
    }
    alone.sort();
    assert!(!together.is_empty());
    assert_eq!(alone, together);
}

/// Words of running text with no names in them.
fn plain_words() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("the".to_string()),
        Just("said".to_string()),
        Just("minister".to_string()),
        Just("on Wednesday".to_string()),
        Just("killed".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("and".to_string()),
        // Words that cite a name ("known as", "spelled") are left out: a cited name is
        // rightly not flagged.
        "[a-z]{1,9}".prop_filter("not a citing word", |w| {
            ![
                "known",
                "spelled",
                "spelt",
                "spelling",
                "spellings",
                "aka",
                "transliterated",
                "rendered",
                "alias",
                "called",
                "written",
                "also",
            ]
            .contains(&w.as_str())
        }),
    ]
}

fn spelling_findings(text: &str) -> Vec<String> {
    let Ok(doc) = Document::parse("n.md", text.as_bytes().to_vec(), Format::Markdown, None) else {
        return Vec::new();
    };
    engine()
        .check(std::slice::from_ref(&doc))
        .findings
        .into_iter()
        .filter(|f| matches!(f.code.code(), "FL007" | "FL009"))
        .map(|f| format!("{} {}", f.code.code(), f.message))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// House spellings, however they are mixed into text, are never a spelling finding.
    #[test]
    fn house_spellings_are_never_flagged(
        words in prop::collection::vec(
            prop_oneof![
                3 => plain_words(),
                1 => prop::sample::select(house_spellings()),
            ],
            0..40,
        )
    ) {
        let text = words.join(" ");
        prop_assert!(spelling_findings(&text).is_empty(), "{text:?}: {:?}", spelling_findings(&text));
    }

    /// A man who shares a surname but not a first given name is nobody's variant.
    #[test]
    fn another_given_name_is_never_a_variant(
        given in prop::sample::select(vec![
            "Anas", "Khalid", "Badruddin", "Nasiruddin", "Mohammad", "Abdul", "Aziz",
            "Ibrahim", "Yahya", "Hafiz",
        ]),
        surname in prop::sample::select(vec!["Haqqani", "Haqqany", "Hakkani", "Haqani"]),
        before in prop::collection::vec(plain_words(), 0..8),
        after in prop::collection::vec(plain_words(), 0..8),
    ) {
        let text = format!("{} {given} {surname} {}", before.join(" "), after.join(" "));
        let found = spelling_findings(&text);
        prop_assert!(found.is_empty(), "{text:?}: {found:?}");
    }

    /// An alias used alone gets exactly one warning, naming the house spelling.
    #[test]
    fn an_alias_used_alone_gets_one_warning(
        (alias, house) in prop::sample::select(aliases()),
        before in prop::collection::vec(plain_words(), 0..8),
        times in 1usize..4,
    ) {
        let text = format!("{} {}.", before.join(" "), vec![alias.as_str(); times].join(" met "));
        let found = spelling_findings(&text);
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", text, found);
        prop_assert!(found[0].starts_with("FL007") && found[0].contains(&house), "{:?}", found);
    }
}

fn people() -> Vec<&'static factlint::rulebook::Entity> {
    engine()
        .book
        .entities
        .iter()
        .filter(|e| e.kind == factlint::rulebook::EntityKind::Person)
        .collect()
}

fn house_spellings() -> Vec<String> {
    people().iter().map(|e| e.name.clone()).collect()
}

fn aliases() -> Vec<(String, String)> {
    people()
        .iter()
        .flat_map(|e| e.aliases.iter().map(|a| (a.clone(), e.name.clone())))
        .collect()
}

//! The labelled corpus: `factlint check corpus/` against the answer key in
//! `corpus/expected.yaml`. Every finding the key lists must be raised, every finding
//! raised must be in the key, and no span the key marks clean may be flagged.
//! Prints precision and recall of findings, and of attributed claims against the
//! claim labels in `corpus/claims.yaml`.

use std::ops::Range;
use std::path::Path;

use factlint::Engine;
use factlint::document::{Document, Format};
use factlint::extract::MentionKind;
use factlint::extract::quantity::DEFAULT_TOLERANCE;
use factlint::findings::{FileRef, Finding};
use factlint::rulebook;
use factlint::yaml::{self, Node};

struct Expected {
    file: String,
    code: String,
    fact: Option<String>,
    span: Range<usize>,
    related: Option<(String, Range<usize>)>,
    describe: String,
}

struct Clean {
    file: String,
    span: Range<usize>,
    describe: String,
}

fn field(node: &Node, key: &str) -> Option<String> {
    node.as_map()?
        .iter()
        .find(|e| e.key == key)
        .and_then(|e| e.value.scalar_text())
}

fn child<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.as_map()?
        .iter()
        .find(|e| e.key == key)
        .map(|e| &e.value)
}

fn items(node: &Node) -> &[Node] {
    match &node.value {
        yaml::Value::Seq(items) => items,
        _ => &[],
    }
}

/// The byte span of the `occurrence`-th (1-based) `text` in a corpus file.
fn locate(file: &str, text: &str, occurrence: usize) -> Range<usize> {
    let content = std::fs::read_to_string(Path::new("corpus").join(file))
        .unwrap_or_else(|e| panic!("answer key names {file}: {e}"));
    let start = content
        .match_indices(text)
        .nth(occurrence - 1)
        .unwrap_or_else(|| {
            panic!("answer key: {text:?} (occurrence {occurrence}) is not in {file}")
        })
        .0;
    start..start + text.len()
}

fn occurrence(node: &Node) -> usize {
    field(node, "occurrence").map_or(1, |o| o.parse().expect("occurrence is a number"))
}

fn load_key() -> (Vec<Expected>, Vec<Clean>) {
    let text = std::fs::read_to_string("corpus/expected.yaml").expect("corpus/expected.yaml");
    let root = yaml::parse(&text).expect("the answer key is valid YAML");
    let mut expected = Vec::new();
    for item in items(child(&root, "findings").expect("findings:")) {
        let file = field(item, "file").expect("file");
        let text = field(item, "text").expect("text");
        let related = child(item, "related").map(|r| {
            let rf = field(r, "file").expect("related file");
            let rt = field(r, "text").expect("related text");
            let span = locate(&rf, &rt, occurrence(r));
            (rf, span)
        });
        expected.push(Expected {
            span: locate(&file, &text, occurrence(item)),
            code: field(item, "code").expect("code"),
            fact: field(item, "fact"),
            describe: format!(
                "{file}: {} {text:?}",
                field(item, "code").unwrap_or_default()
            ),
            file,
            related,
        });
    }
    let mut clean = Vec::new();
    for item in items(child(&root, "clean").expect("clean:")) {
        let file = field(item, "file").expect("file");
        let text = field(item, "text").expect("text");
        clean.push(Clean {
            span: locate(&file, &text, occurrence(item)),
            describe: format!(
                "{file}: {text:?} ({})",
                field(item, "note").unwrap_or_default()
            ),
            file,
        });
    }
    (expected, clean)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn doc_name(docs: &[Document], file: FileRef) -> Option<String> {
    match file {
        FileRef::Document(d) => Path::new(&docs[d].path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned()),
        FileRef::Rule(_) => None,
    }
}

fn matches(docs: &[Document], finding: &Finding, want: &Expected) -> bool {
    let file_ok = doc_name(docs, finding.primary.file).as_deref() == Some(want.file.as_str());
    let fact_ok = match (&want.fact, &finding.fact) {
        (Some(w), Some(f)) => w == f,
        _ => true,
    };
    let related_ok = want.related.as_ref().is_none_or(|(rf, rs)| {
        finding.related.iter().any(|l| {
            doc_name(docs, l.file).as_deref() == Some(rf.as_str()) && overlaps(&l.span, rs)
        })
    });
    file_ok
        && finding.code.code() == want.code
        && fact_ok
        && overlaps(&finding.primary.span, &want.span)
        && related_ok
}

#[test]
fn corpus_matches_the_answer_key() {
    let book = rulebook::load_paths(&["rules".to_string()]).expect("the shipped rulebook loads");
    let mut docs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir("corpus")
        .expect("corpus/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    for path in names {
        let name = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("corpus file");
        docs.push(
            Document::parse(&name, bytes, Format::Markdown, None).expect("corpus file parses"),
        );
    }
    assert!(docs.len() >= 15, "the corpus has at least 15 articles");
    let engine = Engine::new(book, DEFAULT_TOLERANCE);
    let report = engine.check(&docs);
    let (expected, clean) = load_key();

    let mut problems = Vec::new();
    let mut matched_findings = 0;
    for finding in &report.findings {
        if expected.iter().any(|w| matches(&docs, finding, w)) {
            matched_findings += 1;
        } else {
            let file = doc_name(&docs, finding.primary.file).unwrap_or_default();
            let (line, _) = factlint::report::line_col(
                &docs
                    .iter()
                    .find(|d| d.path.ends_with(&file))
                    .map(|d| d.text.clone())
                    .unwrap_or_default(),
                finding.primary.span.start,
            );
            problems.push(format!(
                "unexpected {} {} at {file}:{line}: {}",
                finding.code.code(),
                finding.code.name(),
                finding.message
            ));
        }
    }
    let mut found = 0;
    for want in &expected {
        if report.findings.iter().any(|f| matches(&docs, f, want)) {
            found += 1;
        } else {
            problems.push(format!("missed {}", want.describe));
        }
    }
    for span in &clean {
        for finding in &report.findings {
            if doc_name(&docs, finding.primary.file).as_deref() == Some(span.file.as_str())
                && overlaps(&finding.primary.span, &span.span)
            {
                problems.push(format!(
                    "flagged a clean span {}: {} {}",
                    span.describe,
                    finding.code.code(),
                    finding.message
                ));
            }
        }
    }
    let precision = if report.findings.is_empty() {
        1.0
    } else {
        matched_findings as f64 / report.findings.len() as f64
    };
    let recall = if expected.is_empty() {
        1.0
    } else {
        found as f64 / expected.len() as f64
    };
    println!(
        "corpus: {} articles, {} findings raised, {} expected, {} clean spans",
        docs.len(),
        report.findings.len(),
        expected.len(),
        clean.len()
    );
    println!(
        "corpus: precision {:.1}% ({matched_findings}/{}), recall {:.1}% ({found}/{})",
        precision * 100.0,
        report.findings.len(),
        recall * 100.0,
        expected.len()
    );
    for problem in &problems {
        println!("corpus: {problem}");
    }
    score_claims(&docs, &report);
    assert!(
        problems.is_empty(),
        "the corpus disagrees with its answer key:\n{}",
        problems.join("\n")
    );
}

/// Labels of one kind of claim: (file, span, fact or none).
type Labels = Vec<(String, Range<usize>, Option<String>)>;

fn labels(path: &str, section: &str) -> Labels {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let root = yaml::parse(&text).unwrap_or_else(|e| panic!("{path} is not valid YAML: {e:?}"));
    items(child(&root, section).unwrap_or_else(|| panic!("{path}: no `{section}:`")))
        .iter()
        .map(|item| {
            let file = field(item, "file").expect("file");
            let text = field(item, "text").expect("text");
            // A name cited as a spelling ("also known as …") is not a use of it.
            let cited = field(item, "cited").is_some_and(|c| c == "true");
            let fact = field(item, "fact").filter(|f| f != "null" && !f.is_empty() && !cited);
            (file.clone(), locate(&file, &text, occurrence(item)), fact)
        })
        .collect()
}

/// Precision and recall of the claims of some kinds against their labels. Returns
/// (precision, recall).
fn score(
    what: &str,
    docs: &[Document],
    report: &factlint::Report,
    labels: &Labels,
    kinds: &[MentionKind],
) -> (f64, f64) {
    let engine_facts = |d: usize| -> Vec<(Range<usize>, String)> {
        let (mentions, claims) = &report.read[d];
        claims
            .iter()
            .filter(|c| kinds.contains(&mentions[c.mention].kind))
            .map(|c| (mentions[c.mention].span.clone(), fact_id(c.fact)))
            .collect()
    };
    let name = |d: usize| {
        Path::new(&docs[d].path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (mut right, mut wrong, mut missed) = (0usize, 0usize, 0usize);
    let mut wrong_list = Vec::new();
    let mut missed_list = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let file = name(d);
        let here: Vec<_> = labels.iter().filter(|(f, _, _)| *f == file).collect();
        let made = engine_facts(d);
        for (span, fact) in &made {
            let agrees = here
                .iter()
                .any(|(_, l, want)| overlaps(l, span) && want.as_deref() == Some(fact.as_str()));
            if agrees {
                right += 1;
            } else {
                wrong += 1;
                wrong_list.push(format!("{file}: {:?} -> {fact}", &doc.text[span.clone()]));
            }
        }
        for (_, l, want) in &here {
            if let Some(want) = want
                && !made
                    .iter()
                    .any(|(span, fact)| overlaps(l, span) && fact == want)
            {
                missed += 1;
                missed_list.push(format!("{file}: {:?} -> {want}", &doc.text[l.clone()]));
            }
        }
    }
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = right as f64 / (right + missed).max(1) as f64;
    println!(
        "{what}: {} labelled ({} with a fact); precision {:.1}% ({right}/{}), recall {:.1}% ({right}/{})",
        labels.len(),
        labels.iter().filter(|l| l.2.is_some()).count(),
        precision * 100.0,
        right + wrong,
        recall * 100.0,
        right + missed
    );
    for w in &wrong_list {
        println!("{what}: attributed against the labels: {w}");
    }
    if std::env::var_os("FACTLINT_SHOW_MISSED").is_some() {
        for m in &missed_list {
            println!("{what}: missed: {m}");
        }
    }
    (precision, recall)
}

/// Precision and recall of attribution: every claim the checker makes, against the
/// fact a reader assigns to each figure, date and age in `corpus/claims.yaml`, and to
/// each name and title of a known person and each identifier in `corpus/names.yaml`.
fn score_claims(docs: &[Document], report: &factlint::Report) {
    use MentionKind::*;
    let figures = labels("corpus/claims.yaml", "claims");
    let (precision, recall) = score(
        "claims",
        docs,
        report,
        &figures,
        &[Count, Amount, Ordinal, Date, Age],
    );
    // Floors that the corpus must keep: attribution may grow, not slide back.
    assert!(
        precision >= CLAIM_PRECISION_FLOOR,
        "claim precision fell to {precision:.3}"
    );
    assert!(
        recall >= CLAIM_RECALL_FLOOR,
        "claim recall fell to {recall:.3}"
    );
    for (section, kind, recall_floor) in [
        ("names", Name, NAME_RECALL_FLOOR),
        ("titles", Title, TITLE_RECALL_FLOOR),
        ("codes", Code, CODE_RECALL_FLOOR),
    ] {
        let labelled = labels("corpus/names.yaml", section);
        let (precision, recall) = score(section, docs, report, &labelled, &[kind]);
        assert!(
            precision >= CLAIM_PRECISION_FLOOR,
            "{section}: precision fell to {precision:.3}"
        );
        assert!(
            recall >= recall_floor,
            "{section}: recall fell to {recall:.3}"
        );
    }
}

const CLAIM_PRECISION_FLOOR: f64 = 0.99;
const CLAIM_RECALL_FLOOR: f64 = 0.50;
const NAME_RECALL_FLOOR: f64 = 0.90;
const CODE_RECALL_FLOOR: f64 = 0.50;
const TITLE_RECALL_FLOOR: f64 = 0.80;

fn fact_id(fact: usize) -> String {
    static BOOK: std::sync::OnceLock<factlint::rulebook::Rulebook> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| rulebook::load_paths(&["rules".to_string()]).expect("rulebook"))
        .facts[fact]
        .id
        .clone()
}

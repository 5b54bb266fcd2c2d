//! Figures as of a time: a toll that rose, each value dated from when it stood. An
//! article is checked against the figure that stood when it was published. Run through
//! the binary as a user runs it.

mod common;

use common::{factlint, write};

const RULES: &str = r#"
sources:
  agency-0306: {title: "Agency, 6 March", published: 2025-03-06}
  agency-0310: {title: "Agency, 10 March", published: 2025-03-10}
events:
  varna-quake-2025:
    summary: the Varna earthquake of 6 March 2025
    date: 2025-03-06
    about: [Varna earthquake]
    facts:
      killed:
        value: 2100
        as_of: 2025-03-10
        source: agency-0310
        revised_from:
          - {value: 102, as_of: "2025-03-06 09:00", source: agency-0306}
          - {value: 164, as_of: "2025-03-06 14:00"}
          - {value: 543, as_of: 2025-03-07}
          - {value: 80}
"#;

/// The findings of one article published on `day` that says `sentence`: "code figure".
fn findings(day: &str, sentence: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    write(
        dir.path(),
        "a.md",
        format!("---\ndate: {day}\n---\n{sentence}\n"),
    );
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "a.md"],
        None,
    );
    assert!(run.code <= 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

fn toll(n: &str) -> String {
    format!("The Varna earthquake killed {n} people.")
}

#[test]
fn a_figure_right_when_written_is_no_finding() {
    // Both same-day figures may have stood on the day they were given.
    assert!(findings("2025-03-06", &toll("102")).is_empty());
    assert!(findings("2025-03-06", &toll("164")).is_empty());
    assert!(findings("2025-03-08", &toll("543")).is_empty());
    assert!(findings("2025-03-12", &toll("2,100")).is_empty());
}

#[test]
fn a_figure_revised_before_publication_is_stale() {
    let got = findings("2025-03-08", &toll("164"));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("FL005"), "{got:?}");
    assert!(
        got[0].contains("164 was revised to 543 on Friday 7 March 2025"),
        "{got:?}"
    );
    let got = findings("2025-03-12", &toll("543"));
    assert!(
        got.len() == 1 && got[0].contains("revised to 2,100 on Monday 10 March 2025"),
        "{got:?}"
    );
    // Revised by a later figure of the same day, with a time: stale the next day.
    let got = findings("2025-03-07", &toll("102"));
    assert!(
        got.len() == 1 && got[0].contains("revised to 164 on Thursday 6 March 2025 14:00"),
        "{got:?}"
    );
}

#[test]
fn an_undated_superseded_figure_is_stale_whenever() {
    let got = findings("2025-03-06", &toll("80"));
    assert!(
        got.len() == 1 && got[0].starts_with("FL005") && got[0].contains("80 was revised"),
        "{got:?}"
    );
}

#[test]
fn a_figure_in_no_record_before_the_current_one_stood_is_a_warning() {
    // 900 on 8 March: between recorded figures, before 2,100 stood. Not an error.
    let got = findings("2025-03-08", &toll("900"));
    assert!(got.len() == 1 && got[0].starts_with("FL005"), "{got:?}");
    // Once the current figure stood, a figure in no record contradicts it.
    let got = findings("2025-03-12", &toll("900"));
    assert!(got.len() == 1 && got[0].starts_with("FL001"), "{got:?}");
}

#[test]
fn articles_right_on_their_own_days_do_not_conflict() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    write(
        dir.path(),
        "early.md",
        format!("---\ndate: 2025-03-07\n---\n{}\n", toll("543")),
    );
    write(
        dir.path(),
        "late.md",
        format!("---\ndate: 2025-03-11\n---\n{}\n", toll("2,100")),
    );
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "early.md", "late.md"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("FL00"), "{}", run.stdout);
}

#[test]
fn a_bad_as_of_is_a_located_rule_error() {
    for (bad, words) in [
        (
            "as_of: 2025-13-01",
            "`as_of` must be the day a figure came to stand",
        ),
        (
            "as_of: \"2025-03-06 25:00\"",
            "`as_of` must be the day a figure came to stand",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "rules/story.yaml",
            RULES.replace("as_of: 2025-03-10", bad),
        );
        let run = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
        assert!(run.stderr.contains(words), "{bad}: {}", run.stderr);
        assert!(run.stderr.contains("story.yaml"), "{}", run.stderr);
    }
    // A `reported` figure is a dispute, not a revision: it has no `as_of`.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules/story.yaml",
        RULES.replace(
            "revised_from:",
            "reported: [{value: 2000, as_of: 2025-03-10}]\n        revised_from:",
        ),
    );
    let run = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("dates a superseded figure"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_stale_figure_beside_the_current_one_is_stale_unless_told_as_history() {
    // The article gives the current toll too, but tells the old one as today's.
    let got = findings(
        "2025-03-12",
        "The Varna earthquake killed 2,100 people. The deaths of 543 people have been confirmed.",
    );
    assert!(
        got.len() == 1 && got[0].starts_with("FL005") && got[0].contains("543 was revised"),
        "{got:?}"
    );
    // Told as an earlier figure, it is history.
    for history in [
        "The Varna earthquake killed 2,100 people. The toll was initially put at 543.",
        "The Varna earthquake killed 2,100 people, up from 543 on Friday.",
    ] {
        let got = findings("2025-03-12", history);
        assert!(got.is_empty(), "{history}: {got:?}");
    }
}

#[test]
fn an_undated_superseded_figure_beside_the_current_one_is_a_contradiction() {
    // The lead was never updated: 80 (superseded, undated) and 2,100 with the same
    // words, nothing told as a change.
    let got = findings(
        "2025-03-12",
        "The Varna earthquake, which killed 80 people, shook the coast.\n\n\
         Officials said the Varna earthquake killed 2,100 people.",
    );
    assert!(
        got.len() == 1 && got[0].starts_with("FL003") && got[0].contains("80 and 2,100"),
        "{got:?}"
    );
    // Told as a change, or with other words (not the same count), it is the revised
    // figure's warning at most.
    for told in [
        "The Varna earthquake, which killed 80 people, shook the coast.\n\n\
         The toll of the Varna earthquake has since risen to 2,100 people killed.",
        "The Varna earthquake left 80 people dead on the first day.\n\n\
         Officials said the Varna earthquake killed 2,100 people.",
    ] {
        let got = findings("2025-03-12", told);
        assert!(
            !got.iter().any(|f| f.starts_with("FL003")),
            "{told}: {got:?}"
        );
    }
}

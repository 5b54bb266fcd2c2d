//! `factlint rules check` lints: rulebook entries that load but would not do what their
//! author meant, each a located warning with a fix. Run through the binary.

mod common;

use common::{factlint, write};

/// `rules check` on one rulebook file: (exit code, stdout, stderr).
fn rules_check(rules: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/story.yaml", rules);
    let run = factlint(dir.path(), &["rules", "check"], None);
    (run.code, run.stdout, run.stderr)
}

/// The rulebook warns with `message` (and still loads).
fn warns(rules: &str, message: &str) {
    let (code, stdout, stderr) = rules_check(rules);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("rulebook is valid"), "{stdout}");
    assert!(stdout.contains("warning"), "{stdout}");
    // The renderer wraps long messages (even inside a hyphenated word): compare
    // without the wrapping.
    let bare = |t: &str| t.replace('│', "").split_whitespace().collect::<String>();
    assert!(
        bare(&stderr).contains(&bare(message)),
        "{message}: {stderr}"
    );
    assert!(stderr.contains("story.yaml:"), "located: {stderr}");
}

const CLEAN: &str = r#"
entities:
  ana-vell:
    name: Ana Vell
    kind: person
    aliases: [Anna Vell, Ana vell]
    short: [Vell]
    facts:
      title: {value: fire chief}
  who: {name: World Health Organization, kind: organisation, aliases: [WHO]}
events:
  fire-2025:
    date: 2025-03-07
    about: [Lark Street fire]
    facts:
      killed:
        value: 9
        as_of: 2025-03-09
        revised_from: [{value: 4, as_of: 2025-03-07}, {value: 12, as_of: 2025-03-08}]
      on_board: {value: 44, cues: [on board]}
      passengers: {value: 40, cues: [passengers]}
"#;

#[test]
fn a_sound_rulebook_has_no_warning() {
    let (code, stdout, stderr) = rules_check(CLEAN);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("warning"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn an_alias_that_is_the_house_spelling() {
    warns(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    aliases: [Ana  Vell]\n",
        "alias `Ana  Vell` of `ana-vell` is its house spelling",
    );
}

#[test]
fn a_spelling_two_entities_share() {
    warns(
        "entities:\n  ana-vell: {name: Ana Vell, short: [Vell]}\n  vell: {name: Vell, kind: place}\n",
        "`Vell` is a spelling of both `ana-vell` and `vell`",
    );
}

#[test]
fn a_spelling_that_is_a_common_word_is_refused() {
    for spelling in ["the", "a", "Who"] {
        let rules = format!(
            "entities:\n  the-band: {{name: The Band, kind: group, short: [{spelling}]}}\n"
        );
        let (code, _, stderr) = rules_check(&rules);
        assert_eq!(code, 2, "{spelling}: {stderr}");
        assert!(
            stderr.contains(&format!("`{spelling}` of `the-band` is a common word")),
            "{stderr}"
        );
        assert!(stderr.contains("story.yaml:"), "located: {stderr}");
    }
    // In capitals an acronym is no common word.
    let (code, _, stderr) = rules_check(
        "entities:\n  who: {name: World Health Organization, kind: organisation, short: [WHO]}\n",
    );
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_marker_that_can_never_match() {
    warns(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    about: ['Lark  Street fire']\n",
        "marker `Lark  Street fire` of `fire-2025` can never match",
    );
    warns(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    about: ['*Lark Street* fire']\n",
        "it holds markup",
    );
}

#[test]
fn a_title_that_is_another_entitys_name() {
    warns(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    facts:\n      title: {value: chief, accept: [Fire Service]}\n  fire-service: {name: Fire Service, kind: organisation}\n",
        "accepted title `Fire Service` of `ana-vell` is the name of `fire-service`",
    );
}

#[test]
fn a_title_too_long_to_read() {
    warns(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    facts:\n      title: {value: chief of the division of the office of the bureau of the department of works}\n",
        "is longer than ten words",
    );
}

#[test]
fn an_open_superseded_figure_that_holds_the_current_one() {
    warns(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    facts:\n      killed:\n        value: 9\n        revised_from: [{value: at least 4}]\n",
        "superseded figure `at least 4` of `fire-2025.killed` includes the current figure 9",
    );
    // Dated: open, and holding every later figure too.
    warns(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    facts:\n      killed:\n        value: 9\n        revised_from: [{value: at least 4, as_of: 2025-03-07}, {value: 6, as_of: 2025-03-08}]\n",
        "superseded figure `at least 4`",
    );
}

#[test]
fn a_cue_two_measures_share() {
    warns(
        "events:\n  crash-2025:\n    date: 2025-03-07\n    facts:\n      on_board: {value: 44, cues: [on board, people]}\n      passengers: {value: 40, cues: [passengers, people]}\n",
        "cue `people` is given to both `crash-2025.on_board` and `crash-2025.passengers`",
    );
    // A named measure that takes a cue of a built-in one.
    warns(
        "events:\n  crash-2025:\n    date: 2025-03-07\n    facts:\n      killed: 3\n      crew_dead: {value: 2, cues: [crew, dead]}\n",
        "cue `dead` is given to both `crash-2025.killed` and `crash-2025.crew_dead`",
    );
}

#[test]
fn a_figure_split_by_yaml_says_to_quote_it() {
    let (code, _, stderr) = rules_check(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    facts:\n      killed: {value: 1,002}\n",
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("unknown key `002`"), "{stderr}");
    assert!(stderr.contains("quote the figure"), "{stderr}");
}

#[test]
fn check_with_lint_rules_prints_the_rulebook_warnings_then_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "rules/story.yaml",
        "entities:\n  ana-vell:\n    name: Ana Vell\n    aliases: [Ana  Vell]\n",
    );
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-03-08\n---\nAna Vell spoke.\n",
    );
    let plain = factlint(dir.path(), &["check", "a.md"], None);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stderr.contains("house spelling"), "{}", plain.stderr);
    let linted = factlint(dir.path(), &["check", "a.md", "--lint-rules"], None);
    assert_eq!(
        linted.code, 0,
        "warnings do not fail the run: {}",
        linted.stderr
    );
    assert!(
        linted.stderr.contains("is its house spelling") && linted.stderr.contains("story.yaml:"),
        "{}",
        linted.stderr
    );
    assert_eq!(linted.stdout, plain.stdout, "the findings are the same");
}

#[test]
fn aliases_on_an_entity_of_no_kind_are_never_reported() {
    warns(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    aliases: [Anna Vell]\n",
        "`ana-vell` has aliases but no `kind:`",
    );
    // With a kind, person or not, there is nothing to say.
    for kind in ["person", "organisation", "other"] {
        let (code, _, stderr) = rules_check(&format!(
            "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: {kind}\n    aliases: [Anna Vell]\n"
        ));
        assert_eq!(code, 0);
        assert!(!stderr.contains("no `kind:`"), "{kind}: {stderr}");
    }
}

/// The rulebook loads with no warning at all.
fn quiet(rules: &str) {
    let (code, stdout, stderr) = rules_check(rules);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("rulebook is valid"), "{stdout}");
    assert!(!stdout.contains("warning"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn a_marker_that_starts_or_ends_with_a_space() {
    for marker in [" Lark Street fire", "Lark Street fire "] {
        let rules =
            format!("events:\n  fire-2025:\n    date: 2025-03-07\n    about: ['{marker}']\n");
        warns(
            &rules,
            &format!(
                "marker `{marker}` of `fire-2025` can never match: it starts or ends with a space"
            ),
        );
        // Drawn at the marker itself, on its line.
        let (_, _, stderr) = rules_check(&rules);
        assert!(stderr.contains("story.yaml:4:14"), "{stderr}");
    }
    // The phrase as an article writes it, with an apostrophe and a hyphen.
    quiet(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    about: [Lark Street fire, \"St George's Chapel\", fire-hit street]\n",
    );
}

#[test]
fn a_marker_with_a_tab() {
    warns(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    about: [\"Lark\\tStreet fire\"]\n",
        "of `fire-2025` can never match: it holds two spaces, a tab or a line break",
    );
}

#[test]
fn an_alias_that_differs_from_the_house_spelling_by_case_is_no_lint() {
    quiet(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    aliases: [Ana vell, ANA VELL]\n",
    );
}

#[test]
fn a_short_name_two_people_share_is_no_lint() {
    // Listed under `short` on each, the article's fuller names decide.
    quiet(
        "entities:\n  ana-vell: {name: Ana Vell, kind: person, short: [Vell]}\n  bo-vell: {name: Bo Vell, kind: person, short: [Vell]}\n",
    );
}

#[test]
fn a_title_that_holds_another_entitys_name_is_no_lint() {
    // "Fire Service chief" is a post, not the name of the Fire Service.
    quiet(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    facts:\n      title: {value: chief, accept: [Fire Service chief]}\n  fire-service: {name: Fire Service, kind: organisation}\n",
    );
}

#[test]
fn a_title_of_ten_words_is_read() {
    quiet(
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    facts:\n      title: {value: chief of the division of the office of public works}\n",
    );
}

#[test]
fn a_superseded_figure_above_the_current_one_is_no_lint() {
    // A toll revised down: the old figure, open upward, excludes the current 9.
    quiet(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    facts:\n      killed:\n        value: 9\n        as_of: 2025-03-08\n        revised_from: [{value: 4, as_of: 2025-03-06}, {value: at least 12, as_of: 2025-03-07}]\n",
    );
}

#[test]
fn a_cue_shared_where_figures_can_be_told_apart_is_no_lint() {
    // Two built-in measures given one cue.
    quiet(
        "events:\n  fire-2025:\n    date: 2025-03-07\n    facts:\n      killed: {value: 9, cues: [casualties]}\n      injured: {value: 20, cues: [casualties]}\n",
    );
    // One measure, with the same cue, on two events.
    quiet(
        "events:\n  crash-2025:\n    date: 2025-03-07\n    facts:\n      on_board: {value: 44, cues: [on board]}\n  crash-2024:\n    date: 2024-03-07\n    facts:\n      on_board: {value: 30, cues: [on board]}\n",
    );
}

#[test]
fn dated_revisions_beside_an_undated_current_figure() {
    let rules = r#"
events:
  fire-2025:
    date: 2025-03-07
    about: [Lark Street fire]
    facts:
      killed:
        value: 9
        revised_from: [{value: 4, as_of: 2025-03-07}, {value: 6, as_of: 2025-03-08}]
"#;
    warns(
        rules,
        "`fire-2025.killed` dates its superseded figures with `as_of` but not its current figure",
    );
    // Undated revisions (superseded whenever) or a dated current figure: nothing.
    for quiet in [
        rules
            .replace(", as_of: 2025-03-07", "")
            .replace(", as_of: 2025-03-08", ""),
        rules.replace(
            "        value: 9\n",
            "        value: 9\n        as_of: 2025-03-09\n",
        ),
    ] {
        let (code, stdout, stderr) = rules_check(&quiet);
        assert_eq!(code, 0, "{stderr}");
        assert!(!stderr.contains("current figure"), "{stderr}");
        assert!(stdout.contains("rulebook is valid"), "{stdout}");
    }
}

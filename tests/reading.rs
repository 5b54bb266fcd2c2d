//! The rules of reading that let any story be checked: each case is a sentence shape
//! a desk meets on a crash, a flood, a fire or a death, with the fact it must (or must
//! not) be tied to. Run through the binary as a user runs it.

mod common;

use common::{factlint, write};

const RULES: &str = r#"
entities:
  lena-ostrova: {name: Lena Ostrova, kind: person, facts: {age: {value: 78, as_of: 2025-03-09}}}
  varna-bay: {name: Varna Bay, kind: place}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash off Varna Bay
    date: 2025-03-09
    place: varna-bay
    about: [Northern Star]
    facts:
      killed: {value: 41}
      on_board: {value: 44, cues: [on board, aboard]}
"#;

/// A folder with the rulebook and one article, `a.md`, published 10 March 2025.
fn fixture(article: &str) -> tempfile::TempDir {
    fixture_with(RULES, article)
}

/// A folder with `rules` as its rulebook and one article, `a.md`, published 10 March 2025.
fn fixture_with(rules: &str, article: &str) -> tempfile::TempDir {
    fixture_on(rules, "2025-03-10", article)
}

/// A folder with `rules` as its rulebook and one article, `a.md`, published on a day.
fn fixture_on(rules: &str, published: &str, article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", rules);
    write(
        dir.path(),
        "a.md",
        format!("---\ndate: {published}\n---\n{article}\n"),
    );
    dir
}

/// The mentions `claims --format json` gives for one article on a rulebook.
fn json_mentions(rules: &str, article: &str) -> Vec<serde_json::Value> {
    json_mentions_on(rules, "2025-03-10", article)
}

/// The mentions `claims --format json` gives for one article published on a day.
fn json_mentions_on(rules: &str, published: &str, article: &str) -> Vec<serde_json::Value> {
    let dir = fixture_on(rules, published, article);
    let run = factlint(
        dir.path(),
        &["claims", "--rules", "rules", "--format", "json", "a.md"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["mentions"].as_array().unwrap().clone()
}

/// `check --format short` on one article on a rulebook.
fn short_check(rules: &str, article: &str) -> String {
    let dir = fixture_with(rules, article);
    factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "short", "a.md"],
        None,
    )
    .stdout
}

/// The first day of every date read in an article on the ferry rulebook.
fn date_values(article: &str) -> Vec<String> {
    json_mentions(RULES, article)
        .iter()
        .filter(|m| m["kind"] == "date")
        .map(|m| m["value"]["from"].as_str().unwrap().to_string())
        .collect()
}

/// Claims of one article, one line each: "text -> fact".
fn claims(article: &str) -> Vec<String> {
    claims_with(RULES, article)
}

/// Claims of one article on a rulebook, one line each: "text -> fact".
fn claims_with(rules: &str, article: &str) -> Vec<String> {
    json_mentions(rules, article)
        .iter()
        .filter(|m| m["kind"] != "name" && m["kind"] != "title")
        .map(|m| {
            let fact = m["fact"].as_str().unwrap_or("-");
            format!("{} -> {fact}", m["text"].as_str().unwrap())
        })
        .collect()
}

fn errors(article: &str) -> usize {
    let dir = fixture(article);
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "a.md"],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .count()
}

fn tied(article: &str, text: &str) -> Option<String> {
    let all = claims(article);
    all.iter()
        .find(|c| c.starts_with(&format!("{text} ->")))
        .map(|c| c.rsplit(" -> ").next().unwrap().to_string())
        .filter(|f| f != "-")
}

#[test]
fn the_whole_toll_is_tied() {
    let s = "The Northern Star crash killed 41 people on Sunday.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    let s = "Of the 44 on board the Northern Star, 41 died.";
    assert_eq!(tied(s, "44").as_deref(), Some("ferry-crash-2025.on_board"));
}

#[test]
fn parts_increments_and_forecasts_are_not_the_toll() {
    for (sentence, figure) in [
        (
            "The Northern Star crash killed 41, including nine sailors.",
            "nine",
        ),
        (
            "Seven members of one family were killed in the Northern Star crash.",
            "Seven",
        ),
        (
            "Five students were among the dead of the Northern Star crash.",
            "Five",
        ),
        (
            "Of the 41 killed on the Northern Star, 12 bodies are unidentified.",
            "12",
        ),
        (
            "Divers found another six bodies near the Northern Star.",
            "six",
        ),
        (
            "Officials said the Northern Star toll could exceed 60.",
            "exceed 60",
        ),
        (
            "Dozens more were injured when the Northern Star went down.",
            "Dozens",
        ),
        (
            "Three children were injured when the Northern Star went down.",
            "Three",
        ),
    ] {
        assert_eq!(tied(sentence, figure), None, "{sentence}");
        assert_eq!(errors(sentence), 0, "{sentence}");
    }
}

#[test]
fn identifiers_times_and_units_are_not_counts() {
    for sentence in [
        "The Northern Star, a Damen 4010 ferry on Route 9, sank at 13:39 after flight 171 passed.",
        "The Northern Star crash came at 1339 hrs, near a 30-storey tower and Pier 7.",
        "The Northern Star crash was felt 12 miles away, where waves of 9 feet hit.",
        "4 Lena Ostrova, a Northern Star passenger, was among those killed.",
    ] {
        assert_eq!(errors(sentence), 0, "{sentence}: {:?}", claims(sentence));
    }
}

#[test]
fn an_age_after_a_name_with_a_quoted_nickname_is_its_own() {
    let rules = r#"
entities:
  lena-ostrova:
    name: Lena Ostrova
    kind: person
    short: [Elena Maria Ostrova, 'Elena Maria "Lena" Ostrova']
    facts: {age: {value: 78, as_of: 2025-03-09}}
"#;
    let claims = regatta_run(
        rules,
        "Elena Maria \"Lena\" Ostrova, 78, was aboard.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"78\" -> lena-ostrova.age"),
        "{claims:?}"
    );
    let check = regatta_run(
        rules,
        "Elena Maria \"Lena\" Ostrova, 71, was aboard.",
        "check",
    );
    assert!(has_line(&check, "error[FL001]"), "{check:?}");
}

#[test]
fn a_decade_of_life_is_checked_as_a_span() {
    // 78: inside "her late 70s" and "her seventies", outside "her early 70s".
    for (sentence, wrong) in [
        ("Lena Ostrova, who is in her late 70s, was aboard.", false),
        ("Lena Ostrova was in her seventies.", false),
        ("Lena Ostrova was in her early 70s.", true),
    ] {
        let check = short_check(RULES, sentence);
        assert_eq!(check.contains("error[FL001]"), wrong, "{sentence}: {check}");
    }
}

#[test]
fn the_n_year_old_as_a_noun_is_the_one_person_named() {
    // "The 78-year-old" with no noun after it is the person the sentence names.
    let s = "The family of Lena Ostrova said the 71-year-old had been aboard.";
    assert_eq!(
        short_check(RULES, s).matches("error[FL001]").count(),
        1,
        "{s}"
    );
    let s = "The family of Lena Ostrova said the 78-year-old had been aboard.";
    assert!(!short_check(RULES, s).contains("error"), "{s}");
    // With a noun after it, it is somebody else.
    let s = "Lena Ostrova said the 71-year-old skipper had been aboard.";
    assert!(!short_check(RULES, s).contains("error"), "{s}");
}

#[test]
fn a_state_after_another_clause_leaves_the_count_whole() {
    // "28 on board and …, some remain in serious condition": all on board.
    let s = "There were 44 on board the Northern Star and no one escaped unhurt, some remain in serious condition.";
    assert_eq!(tied(s, "44").as_deref(), Some("ferry-crash-2025.on_board"));
}

#[test]
fn ages_past_a_demonym_and_before_and() {
    // "71-year-old Varnan sailor Lena Ostrova": past a capitalised word that is no one's
    // name and the lower-case words of the noun phrase.
    let s = "The 71-year-old Varnan sailor Lena Ostrova was aboard the Northern Star.";
    assert_eq!(tied(s, "71-year-old").as_deref(), Some("lena-ostrova.age"));
    assert!(short_check(RULES, s).contains("error[FL001]"));
    // "Lena Ostrova, 71 and her son": the age before "and" is hers.
    let s = "Lena Ostrova, 71 and her son were aboard the Northern Star.";
    assert_eq!(tied(s, "71").as_deref(), Some("lena-ostrova.age"));
    // "Lena Ostrova, 78 and 12 others": a list of figures, not her age.
    let s = "Survivors were Lena Ostrova, 78 and 12 others from the Northern Star.";
    assert_ne!(tied(s, "78").as_deref(), Some("lena-ostrova.age"));
}

#[test]
fn a_change_verb_with_its_object_finds_what_changed() {
    // "brings the toll from Sunday's crash to 41": the date between is passed over.
    let s = "Her death brings the toll from Sunday's Northern Star crash to 41.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    // "stands at 41, with 3 still in hospital": the state is the later figure's.
    let s = "The Northern Star crash toll stands at 41, with 3 still in hospital.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
}

#[test]
fn a_toll_of_a_people_or_group_is_a_part() {
    for (sentence, figure) in [
        (
            "The Northern Star crash took the death toll of Varnans to nine.",
            "nine",
        ),
        (
            "The number of children killed in the Northern Star crash is nine.",
            "nine",
        ),
        (
            "The Northern Star crash killed two teenage brothers.",
            "two",
        ),
    ] {
        assert_ne!(
            tied(sentence, figure).as_deref(),
            Some("ferry-crash-2025.killed"),
            "{sentence}"
        );
        assert_eq!(errors(sentence), 0, "{sentence}");
    }
    // A capitalised plural inside a name is no people: "the Port of Varnans".
    let s = "The blast at the Port of Varnans killed 41 in the Northern Star crash.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
}

#[test]
fn a_cue_right_after_another_figure_is_that_figures() {
    let rules = "events:\n  ferry-crash-2025:\n    date: 2025-03-09\n    about: [Northern Star]\n    facts:\n      killed: 5\n      missing: {value: 8, cues: [missing]}\n";
    // "Five dead, eight missing, 31 in hospital": 31 is not the missing.
    let s = "Northern Star crash: five dead, eight missing, 31 in hospital.";
    let claims = regatta_run(rules, s, "claims");
    assert!(
        has_line(&claims, "\"eight\" -> ferry-crash-2025.missing"),
        "{claims:?}"
    );
    assert!(
        !has_line(&claims, "\"31\" -> ferry-crash-2025.missing"),
        "{claims:?}"
    );
    assert!(regatta_run(rules, s, "check").is_empty());
}

#[test]
fn a_date_restated_in_parentheses_and_a_date_before_an_events_noun() {
    // "sank on Sunday morning (March 9, 2025)": the parenthesis restates the day.
    let s = "The Northern Star sank on Sunday morning (March 9, 2025) off Varna Bay.";
    let all = claims(s);
    assert!(
        all.iter()
            .any(|c| c == "March 9, 2025 -> ferry-crash-2025.date"),
        "{all:?}"
    );
    let s = "The Northern Star sank on Sunday morning (March 8, 2025) off Varna Bay.";
    assert_eq!(errors(s), 1, "{:?}", claims(s));
    // "the March 9 crash": a date before the event's noun.
    let s = "Families of the March 9 crash gathered at Varna Bay.";
    assert_eq!(tied(s, "March 9").as_deref(), Some("ferry-crash-2025.date"));
}

#[test]
fn first_reported_is_when_it_happened() {
    let rules = "events:\n  bay-fire-2025:\n    summary: the Bay fire\n    kind: fire\n    date: 2025-03-07\n    about: [Bay fire]\n";
    let claims = regatta_run(
        rules,
        "The Bay fire was first reported on March 7.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"March 7\" -> bay-fire-2025.date"),
        "{claims:?}"
    );
    let check = regatta_run(
        rules,
        "The Bay fire was first reported on March 5.",
        "check",
    );
    assert!(has_line(&check, "error"), "{check:?}");
    // Reported alone is still the day of a report.
    let claims = regatta_run(
        rules,
        "The Bay fire toll was reported on March 9.",
        "claims",
    );
    assert!(!has_line(&claims, "bay-fire-2025.date"), "{claims:?}");
}

#[test]
fn a_word_for_any_figure_leaves_the_measure_and_a_later_clause_its_forecast() {
    // "The official tally of deaths … rose to 41": "tally" names no measure; "deaths"
    // does. "as officials warned" opens another clause: no forecast of the 41.
    let s = "The official tally of deaths in the Northern Star crash rose to 41 on Monday \
             as officials warned of more storms.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    // A forecast in the figure's own clause still makes it none.
    let s = "The Northern Star crash toll rose to 41 and could climb to 60.";
    assert_eq!(tied(s, "60"), None);
}

#[test]
fn an_abbreviated_honorific_before_a_name_is_passed() {
    let rules = "entities:\n  lena-ostrova: {name: Lena Ostrova, kind: person, facts: {age: {value: 78, as_of: 2025-03-09}}}\n";
    for s in [
        "Prayers came from 71-year-old Dr. Lena Ostrova at the quay.",
        "Prayers came from 71-year-old Rev. Lena Ostrova at the quay.",
    ] {
        let check = regatta_run(rules, s, "check");
        assert!(has_line(&check, "error[FL001]"), "{s}: {check:?}");
    }
}

#[test]
fn one_who_speaks_after_the_death_is_a_namesake() {
    let rules = "entities:\n  ivo-marek:\n    name: Ivo Marek\n    kind: person\n    died: 2025-03-09\n    facts: {age: {value: 49, as_of: 2025-03-09}}\n";
    // The dead man's namesake, who speaks, is not him.
    for s in [
        "Ivo Marek, 61, who lost five relatives in the fire, including three children, said he would stay.",
        "\u{201c}It hurts,\u{201d} Ivo Marek, 60, said at the funeral.",
    ] {
        let check = regatta_run(rules, s, "check");
        assert!(!has_line(&check, "error"), "{s}: {check:?}");
    }
    // The dead man himself, and one named after "of", are checked.
    for s in [
        "Ivo Marek, 61, died in the fire.",
        "The mother of Ivo Marek, 61, told reporters he died.",
    ] {
        let check = regatta_run(rules, s, "check");
        assert!(has_line(&check, "error[FL001]"), "{s}: {check:?}");
    }
}

#[test]
fn a_parts_cue_after_another_figure_is_that_figures() {
    let rules = r#"
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed:
        value: 41
        parts:
          children: {value: 8, cues: [children]}
"#;
    let s = "Eight children are among the 41 confirmed dead in the Northern Star crash.";
    let claims = regatta_run(rules, s, "claims");
    assert!(
        has_line(&claims, "\"41\" -> ferry-crash-2025.killed"),
        "{claims:?}"
    );
    assert!(regatta_run(rules, s, "check").is_empty());
}

#[test]
fn a_unit_the_rulebook_measures_in_is_read() {
    let rules = r#"
entities:
  lena-ostrova:
    name: Lena Ostrova
    kind: person
    facts:
      years_married: {value: 52, cues: [years]}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      search_days: {value: 6, cues: [day, days]}
"#;
    let check = regatta_run(
        rules,
        "Lena Ostrova, his wife of 50 years, was aboard.",
        "check",
    );
    assert!(has_line(&check, "error[FL001]"), "{check:?}");
    let check = regatta_run(
        rules,
        "Lena Ostrova, his wife of 52 years, was aboard.",
        "check",
    );
    assert!(check.is_empty(), "{check:?}");
    // "a five-day search": a number word joined to the unit.
    let claims = regatta_run(
        rules,
        "The Northern Star crash began a five-day search.",
        "claims",
    );
    assert!(
        has_line(&claims, "ferry-crash-2025.search_days"),
        "{claims:?}"
    );
    // A name that holds such a word is no figure: "the Six-Day War".
    let claims = regatta_run(
        rules,
        "The Northern Star crash recalled the Six-Day War.",
        "claims",
    );
    assert!(!has_line(&claims, "search_days"), "{claims:?}");
    // Without the cue, years are no count.
    let check = regatta_run(
        RULES,
        "Lena Ostrova, who sailed for 50 years, was aboard.",
        "check",
    );
    assert!(check.is_empty(), "{check:?}");
}

#[test]
fn n_plus_is_a_lower_bound_and_a_grouped_number_joins_its_cue() {
    let rules = r#"
entities:
  varna-hall: {name: Varna Hall, kind: place, facts: {seats: {value: 6200, cues: [seat, seats]}}}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      missing: {value: 170, cues: [missing]}
"#;
    let claims = regatta_run(
        rules,
        "The Northern Star crash left 160-plus people missing.",
        "claims",
    );
    assert!(has_line(&claims, "at least 160"), "{claims:?}");
    assert!(has_line(&claims, "ferry-crash-2025.missing"), "{claims:?}");
    let check = regatta_run(rules, "Mourners filled the 6,100-seat Varna Hall.", "check");
    assert!(has_line(&check, "error[FL001]"), "{check:?}");
    let check = regatta_run(rules, "Mourners filled the 6,200-seat Varna Hall.", "check");
    assert!(check.is_empty(), "{check:?}");
}

#[test]
fn the_event_named_in_the_figures_own_phrase_is_its() {
    let rules = r#"
events:
  valley-floods-2025:
    summary: the floods across the Ash Valley
    date: 2025-03-09
    about: [Ash Valley, Ash River]
    facts:
      killed: {value: 135}
  camp-flood-2025:
    summary: the flood at Camp Lark
    date: 2025-03-09
    about: [Camp Lark]
    facts:
      killed: {value: 27}
"#;
    let article = "The Ash Valley floods killed at least 135 people over the weekend, with \
                   most deaths along the Ash River at Camp Lark.";
    let claims = regatta_run(rules, article, "claims");
    assert!(
        has_line(&claims, "\"at least 135\" -> valley-floods-2025.killed"),
        "{claims:?}"
    );
    assert!(regatta_run(rules, article, "check").is_empty());
}

#[test]
fn a_spaced_colon_is_punctuation_and_a_glued_one_a_time() {
    // "Toll rises to 41: 12 bodies found": two figures, not a time of day.
    let s = "Northern Star crash toll rises to 41: search goes on.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    // "At 13:39" is a time, neither figure a count.
    let s = "The Northern Star crash came at 13:41 and killed 41.";
    let all = claims(s);
    assert!(!all.iter().any(|c| c.starts_with("13")), "{all:?}");
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    assert_eq!(errors(s), 0, "{all:?}");
}

#[test]
fn what_rose_is_the_subject_of_its_own_clause() {
    let rules = r#"
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed: {value: 41}
      recovered: {value: 6, cues: [bodies recovered]}
"#;
    let claims = regatta_run(
        rules,
        "6 Bodies Recovered From Northern Star, Death Toll Rises to 41",
        "claims",
    );
    assert!(
        has_line(&claims, "\"41\" -> ferry-crash-2025.killed"),
        "{claims:?}"
    );
    assert!(
        !has_line(&claims, "\"41\" -> ferry-crash-2025.recovered"),
        "{claims:?}"
    );
}

#[test]
fn verbs_of_passing_give_a_lower_bound() {
    let s = "The Northern Star crash toll surpassed 40 on Monday.";
    assert_eq!(
        tied(s, "surpassed 40").as_deref(),
        Some("ferry-crash-2025.killed")
    );
    assert_eq!(errors(s), 0);
    let s = "The Northern Star crash toll rose to 41.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
}

#[test]
fn others_add_one_only_beside_someone_named() {
    let s = "The Northern Star crash killed 12 and injured 30 others.";
    assert_eq!(
        tied(s, "30 others").as_deref(),
        Some("ferry-crash-2025.injured")
    );
    let all = claims(s);
    assert!(all.iter().any(|c| c.starts_with("30 others")), "{all:?}");
}

#[test]
fn an_age_belongs_to_its_own_noun_phrase() {
    let s = "Lena Ostrova was on the Northern Star with her 52-year-old son.";
    assert_eq!(tied(s, "52-year-old"), None);
    assert_eq!(errors(s), 0);
    let s = "A 79-year-old grandmother named Lena Ostrova was aboard.";
    assert_eq!(tied(s, "79-year-old").as_deref(), Some("lena-ostrova.age"));
}

#[test]
fn a_vague_word_never_contradicts() {
    assert_eq!(
        errors("Several people were killed in the Northern Star crash."),
        0
    );
    assert_eq!(errors("The Northern Star crash killed hundreds."), 0);
}

#[test]
fn a_date_just_after_publication_is_this_year_ahead() {
    // Published 10 March 2025: "March 14" is four days ahead, not 2024.
    let all = claims("The Northern Star funeral is on Friday, March 14.");
    assert!(
        all.iter().any(|c| c.starts_with("Friday, March 14")),
        "{all:?}"
    );
    assert_eq!(
        errors("The Northern Star funeral is on Friday, March 14."),
        0
    );
}

#[test]
fn a_place_alone_names_no_event() {
    let s = "A house fire in Varna Bay killed two people last year.";
    assert_eq!(tied(s, "two people"), None);
    assert_eq!(errors(s), 0);
}

#[test]
fn a_reference_back_by_the_events_kind_ties_the_toll() {
    // "the crash" refers back to the lead event, a ferry crash; a wrong toll there is a
    // conflict.
    let s = "The Northern Star sank off Varna Bay on Sunday. The crash killed 39 people.";
    assert_eq!(tied(s, "39").as_deref(), Some("ferry-crash-2025.killed"));
    assert_eq!(errors(s), 1);
    // An earthquake is no crash: "the quake" does not refer to it.
    let s = "The Northern Star sank off Varna Bay on Sunday. The quake killed 39 people.";
    assert_eq!(tied(s, "39"), None);
}

#[test]
fn a_figure_in_a_sentence_naming_no_event_only_confirms() {
    let s = "The Northern Star sank off Varna Bay on Sunday. Rescuers said 41 people died.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    let s = "The Northern Star sank off Varna Bay on Sunday. Rescuers said 12 people died.";
    assert_eq!(tied(s, "12"), None);
    assert_eq!(errors(s), 0);
}

#[test]
fn a_date_with_the_events_noun_is_its_date() {
    // A day something else was done: no claim on the crash's date.
    let s = "Divers returned on 7 March to search the wreck of the Northern Star.";
    assert_eq!(errors(s), 0, "{:?}", claims(s));
    let s = "Families gathered a day after the crash on 7 March off Varna Bay.";
    assert_eq!(tied(s, "7 March").as_deref(), Some("ferry-crash-2025.date"));
    assert_eq!(errors(s), 1);
}

#[test]
fn an_age_at_death_and_a_pronoun() {
    let s = "Lena Ostrova was a passenger on the Northern Star. She died at 78.";
    assert_eq!(tied(s, "78").as_deref(), Some("lena-ostrova.age"));
    let s = "Lena Ostrova was a passenger on the Northern Star. She died at 71.";
    assert_eq!(errors(s), 1);
}

#[test]
fn an_honorific_is_no_part_of_a_name() {
    let dir = fixture("Dr Lena Ostrova and Mrs Lena Ostrova's son were aboard the Northern Star.");
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "short", "a.md"],
        None,
    );
    assert!(!run.stdout.contains("FL009"), "{}", run.stdout);
}

const REGATTA: &str = r#"
lexicon:
  kinds:
    regatta:
      words: [regatta]
      nouns: [regatta, race]
      verbs: [capsized]
  group_nouns: [helmsmen]
events:
  varna-regatta-2025:
    summary: the Varna Bay regatta, where a squall overturned the fleet
    date: 2025-03-09
    about: [Varna Bay regatta]
    facts:
      killed: {value: 7}
"#;

/// Whether any line contains `part`.
fn has_line<S: AsRef<str>>(lines: &[S], part: &str) -> bool {
    lines.iter().any(|l| l.as_ref().contains(part))
}

fn regatta_run(rules: &str, article: &str, verb: &str) -> Vec<String> {
    let dir = fixture_with(rules, article);
    let format = if verb == "check" { "short" } else { "human" };
    let run = factlint(
        dir.path(),
        &[verb, "--rules", "rules", "--format", format, "a.md"],
        None,
    );
    assert!(run.code <= 1, "{}", run.stderr);
    run.stdout.lines().map(str::to_string).collect()
}

#[test]
fn a_rulebook_extends_the_lexicon() {
    let without = format!("events:{}", REGATTA.split("events:").nth(1).unwrap());
    // "The race" refers back to the regatta only once the rulebook says a regatta is a
    // race: then a wrong toll is an error; without, the sentence names nothing.
    let article = "The Varna Bay regatta ended in grief. The race killed 9 people.";
    let with = regatta_run(REGATTA, article, "check");
    assert!(has_line(&with, "error[FL001]"), "{with:?}");
    assert!(regatta_run(&without, article, "check").is_empty());
    // "Four helmsmen" is a part of the toll once helmsmen are a group.
    let article = "Four helmsmen died in the Varna Bay regatta.";
    let with = regatta_run(REGATTA, article, "claims");
    assert!(has_line(&with, "\"Four\" -> -"), "{with:?}");
    let plain = regatta_run(&without, article, "claims");
    assert!(
        has_line(&plain, "\"Four\" -> varna-regatta-2025.killed"),
        "{plain:?}"
    );
}

#[test]
fn a_bad_lexicon_word_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules/story.yaml",
        "lexicon:\n  group_nouns: [Helmsmen]\n  colours: [red]\n",
    );
    write(dir.path(), "a.md", "Nothing.\n");
    let run = factlint(dir.path(), &["check", "--rules", "rules", "a.md"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("lower case"), "{}", run.stderr);
    assert!(run.stderr.contains("colours"), "{}", run.stderr);
}

#[test]
fn the_example_rulebooks_load() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stories = 0;
    for entry in std::fs::read_dir(root.join("examples/rulebooks")).unwrap() {
        let rules = entry.unwrap().path().join("rules");
        if !rules.is_dir() {
            continue;
        }
        stories += 1;
        let run = factlint(
            root,
            &["rules", "check", "--rules", rules.to_str().unwrap()],
            None,
        );
        assert_eq!(run.code, 0, "{}: {}", rules.display(), run.stderr);
    }
    assert!(stories >= 5, "found {stories} example rulebooks");
}

#[test]
fn a_vague_figure_far_off_is_a_warning() {
    let dir = fixture("The Northern Star crash killed thousands.");
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "short", "a.md"],
        None,
    );
    assert!(run.stdout.contains("warning[FL001]"), "{}", run.stdout);
    assert!(!run.stdout.contains("error["), "{}", run.stdout);
}

#[test]
fn an_age_with_a_name_in_apposition() {
    let s = "An 81-year-old woman, Lena Ostrova, was aboard the Northern Star.";
    assert_eq!(tied(s, "81-year-old").as_deref(), Some("lena-ostrova.age"));
    assert_eq!(errors(s), 1);
}

#[test]
fn a_marker_in_an_apposition_describes_the_one_before() {
    let rules = r#"
events:
  camp-flood-2025:
    summary: the flood at Camp Lark on the river
    date: 2025-03-09
    about: [Camp Lark]
    facts:
      missing: {value: 10, cues: [missing]}
  valley-floods-2025:
    summary: the floods across the Ash Valley
    date: 2025-03-09
    about: [Ash Valley]
    facts:
      missing: {value: 40, cues: [missing]}
"#;
    let article = "Searchers looked for 10 missing girls from Camp Lark, a camp at the heart of \
                   the floods that swept the Ash Valley.";
    let claims = regatta_run(rules, article, "claims");
    assert!(
        has_line(&claims, "\"10\" -> camp-flood-2025.missing"),
        "{claims:?}"
    );
    // A clause of its own ("which …") after a comma leaves the figure's own phrase
    // naming the camp alone: its figure, and wrong.
    let article = "Searchers looked for 12 missing girls from Camp Lark, which the floods of \
                   the Ash Valley swept away.";
    let claims = regatta_run(rules, article, "claims");
    assert!(
        has_line(&claims, "\"12\" -> camp-flood-2025.missing"),
        "{claims:?}"
    );
    // Both named in the figure's own phrase: neither.
    let article = "Searchers looked for 12 missing girls from Camp Lark and the Ash Valley.";
    let claims = regatta_run(rules, article, "claims");
    assert!(has_line(&claims, "\"12\" -> -"), "{claims:?}");
}

#[test]
fn a_far_subject_reaches_its_figure() {
    let s = "The death toll from the Northern Star crash on Sunday (March 9) off Varna Bay, \
             which stunned the coast, has risen to 41.";
    assert_eq!(
        tied(s, "41").as_deref(),
        Some("ferry-crash-2025.killed"),
        "{:?}",
        claims(s)
    );
}

#[test]
fn a_date_by_its_verbs_kind() {
    let rules = r#"
entities:
  ana-vell: {name: Ana Vell, kind: person, born: 1931-05-02, died: 2025-03-09}
events:
  vell-wedding-1956:
    summary: the wedding of Ana Vell and Tomas Vell
    date: 1956-06-30
    about: [ana-vell]
  vell-death-2025:
    summary: death of Ana Vell at her home
    date: 2025-03-09
    about: [ana-vell]
"#;
    let claims = regatta_run(
        rules,
        "Ana Vell married Tomas Vell on June 30, 1956.",
        "claims",
    );
    assert!(has_line(&claims, "-> vell-wedding-1956.date"), "{claims:?}");
    // A date that fits no wedding stays untied: no error.
    let check = regatta_run(
        rules,
        "Ana Vell married Tomas Vell on June 30, 1957.",
        "check",
    );
    assert!(!has_line(&check, "error["), "{check:?}");
}

#[test]
fn a_rank_in_a_title_is_the_title_of_its_holder() {
    let rules = r#"
entities:
  ana-vell:
    name: Ana Vell
    kind: person
    facts:
      title: {value: 12th Mayor of Varna, accept: [12th mayor]}
  ivo-dimov:
    name: Ivo Dimov
    kind: person
    facts:
      title: {value: 13th Mayor of Varna}
"#;
    let claims = regatta_run(
        rules,
        "The city's 12th mayor was buried on Sunday. The 13th Mayor's office closed. \
         She came 12th in the race.",
        "claims",
    );
    let tied: Vec<&String> = claims.iter().filter(|l| l.contains("->")).collect();
    assert!(has_line(&tied, "\"12th\" -> ana-vell.title"), "{claims:?}");
    assert!(has_line(&tied, "\"13th\" -> ivo-dimov.title"), "{claims:?}");
    // A rank before no word of any title is no one's.
    assert_eq!(
        tied.iter()
            .filter(|l| l.contains("-> ana-vell.title"))
            .count(),
        1,
        "{claims:?}"
    );
    // A rank inside a title written beside a name is checked with the title, once.
    let check = regatta_run(rules, "The 14th Mayor of Varna Ana Vell spoke.", "check");
    assert!(!has_line(&check, "FL002"), "{check:?}");
}

#[test]
fn a_date_that_fits_one_of_the_events_named_is_its_date() {
    let rules = r#"
entities:
  ana-vell: {name: Ana Vell, kind: person}
  tomas-vell: {name: Tomas Vell, kind: person}
events:
  ana-vell-death-2025:
    summary: death of Ana Vell
    date: 2025-03-09
    about: [ana-vell, died]
  tomas-vell-death-2019:
    summary: death of Tomas Vell
    date: 2019-05-02
    about: [tomas-vell, died]
"#;
    let run = |article: &str| regatta_run(rules, article, "claims");
    // "Died" marks both deaths; Sunday 9 March fits only hers.
    let claims = run("She died on Sunday, at home.");
    assert!(
        has_line(&claims, "\"Sunday\" -> ana-vell-death-2025.date"),
        "{claims:?}"
    );
    // The day something was said is no date of the death.
    let claims = run("Her family said on Sunday that she died.");
    assert!(!has_line(&claims, ".date"), "{claims:?}");
    // A date that fits neither stays untied, and raises nothing.
    let check = regatta_run(rules, "She died on 3 March 2025.", "check");
    assert!(!has_line(&check, "error"), "{check:?}");
}

#[test]
fn the_day_of_a_saying_dates_only_an_event_that_is_one() {
    let rules = r#"
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-08
    about: [Northern Star]
    facts:
      killed: {value: 41}
  mayor-address-2025:
    summary: the mayor's address on the crash
    date: 2025-03-09
    about: [video statement, address to the city]
"#;
    // The address is a saying: the day of its release is its date, confirmed where it
    // fits; a day that fits no event named stays untied and raises nothing.
    let claims = regatta_run(
        rules,
        "The mayor spoke in a video statement released on Sunday.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"Sunday\" -> mayor-address-2025.date"),
        "{claims:?}"
    );
    let check = regatta_run(
        rules,
        "The mayor spoke in a video statement released on Friday.",
        "check",
    );
    assert!(!has_line(&check, "error"), "{check:?}");
    // The day officials spoke is no date of the crash, which has a toll.
    let claims = regatta_run(
        rules,
        "Officials said on Sunday that the Northern Star crash killed 41.",
        "claims",
    );
    assert!(!has_line(&claims, "ferry-crash-2025.date"), "{claims:?}");
}

#[test]
fn a_list_of_nouns_counted_together_is_no_part_and_a_part_cue_may_end_the_of_phrase() {
    let rules = r#"
entities:
  ivo-marek:
    name: Ivo Marek
    kind: person
    facts:
      charges:
        value: 29
        cues: [charges, counts]
        parts:
          death_counts: {value: 16, cues: [causing death]}
          harm_counts: {value: 13, cues: [bodily harm]}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed:
        value: 16
        parts:
          crew: {value: 10, cues: [sailors]}
"#;
    // Sixteen sailors, cooks, stewards and a pilot: all the dead, not the sailors.
    let check = regatta_run(
        rules,
        "In all 16 sailors, cooks, stewards and a harbour pilot died in the Northern Star crash.",
        "check",
    );
    assert!(!has_line(&check, "error"), "{check:?}");
    let claims = regatta_run(
        rules,
        "Ten sailors and a pilot died in the Northern Star crash.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"Ten\" -> ferry-crash-2025.killed.crew"),
        "{claims:?}"
    );
    // A part's cue at the end of the figure's "of" phrase.
    let article = "Ivo Marek faces 29 charges: 16 counts of dangerous operation of a \
                   motor vehicle causing death and 13 counts of dangerous operation of a \
                   motor vehicle causing bodily harm.";
    let check = regatta_run(rules, article, "check");
    assert!(!has_line(&check, "error"), "{check:?}");
    let claims = regatta_run(rules, article, "claims");
    assert!(
        has_line(&claims, "\"16\" -> ivo-marek.charges.death_counts"),
        "{claims:?}"
    );
    assert!(
        has_line(&claims, "\"13\" -> ivo-marek.charges.harm_counts"),
        "{claims:?}"
    );
}

#[test]
fn a_day_of_another_clause_or_kind_is_not_a_deaths() {
    let rules = r#"
entities:
  ana-vell: {name: Ana Vell, kind: person}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    kind: crash
    date: 2025-03-07
    about: [Northern Star]
  ana-vell-death-2025:
    summary: death of Ana Vell, the crash's last victim
    kind: death
    date: 2025-03-09
    about: [ana-vell]
"#;
    for article in [
        "Ana Vell, who was aboard when it collided with a pier on March 7, has died.",
        "Ana Vell's death brings the toll from Friday's crash to 16.",
    ] {
        let check = regatta_run(rules, article, "check");
        assert!(!has_line(&check, "error"), "{article}: {check:?}");
        let claims = regatta_run(rules, article, "claims");
        assert!(
            !has_line(&claims, "ana-vell-death-2025.date"),
            "{article}: {claims:?}"
        );
        // The next way of tying finds the crash, the one event of the verb's kind on
        // that day.
        assert!(
            has_line(&claims, "ferry-crash-2025.date"),
            "{article}: {claims:?}"
        );
    }
}

#[test]
fn a_part_whose_noun_is_another_measures_cue_is_that_measure() {
    let rules = r#"
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed: {value: 41}
      children_killed: {value: 6, cues: [children]}
"#;
    let claims = regatta_run(
        rules,
        "The Northern Star crash killed 41, including six children and nine sailors.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"six\" -> ferry-crash-2025.children_killed"),
        "{claims:?}"
    );
    assert!(has_line(&claims, "\"nine\" -> -"), "{claims:?}");
    let check = regatta_run(
        rules,
        "The Northern Star crash killed 41, including eight children.",
        "check",
    );
    assert!(has_line(&check, "error[FL001]"), "{check:?}");
}

#[test]
fn of_the_events_named_the_one_with_the_measure_takes_the_figure() {
    let rules = r#"
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed: {value: 41}
  mourning-2025:
    summary: national day of mourning for the ferry crash
    date: 2025-03-10
    about: [day of mourning]
    facts:
      towns: {value: 17, cues: [towns]}
"#;
    let claims = regatta_run(
        rules,
        "A day of mourning was declared for the Northern Star, which sank killing 41.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"41\" -> ferry-crash-2025.killed"),
        "{claims:?}"
    );
    // "And 17 other towns" lists places, not someone besides them: 17, not 18.
    let check = regatta_run(
        rules,
        "The day of mourning was kept in Varna, Burgas and 17 other towns.",
        "check",
    );
    assert!(!has_line(&check, "error"), "{check:?}");
}

#[test]
fn names_and_figures_in_turn_pair_up() {
    let rules = r#"
events:
  north-fire-2025:
    summary: the North fire
    date: 2025-03-07
    about: [North fire]
    facts:
      acres: {value: 17000, cues: [acres]}
  bay-fire-2025:
    summary: the Bay fire
    date: 2025-03-07
    about: [Bay fire]
    facts:
      acres: {value: 10600, cues: [acres]}
"#;
    let claims = regatta_run(
        rules,
        "The North fire has burned 17,000 acres, and the Bay fire has burned 10,600 acres.",
        "claims",
    );
    for want in [
        "\"17,000\" -> north-fire-2025.acres",
        "\"10,600\" -> bay-fire-2025.acres",
    ] {
        assert!(has_line(&claims, want), "{want}: {claims:?}");
    }
    // A name after the last figure leaves the pairing in doubt: figures that agree with
    // neither fire are tied to neither.
    let claims = regatta_run(
        rules,
        "Crews held 18,000 acres of the North fire and 11,000 acres of the Bay fire.",
        "claims",
    );
    assert!(!has_line(&claims, "acres\""), "{claims:?}");
    assert!(!has_line(&claims, "-> north"), "{claims:?}");
}

const TWO_FLOODS: &str = r#"
events:
  valley-floods-2025:
    summary: the floods across the Ash Valley
    date: 2025-03-07
    about: [Ash Valley]
    facts:
      killed: {value: 82}
      missing: {value: 41, cues: [missing]}
  camp-flood-2025:
    summary: the flood at Camp Lark
    date: 2025-03-07
    about: [Camp Lark, the Lark Fund]
    facts:
      killed: {value: 27}
  town-storm-2025:
    summary: a storm over Millbrook
    date: 2025-03-01
    about: [Millbrook storm]
    facts:
      killed: {value: 27}
"#;

#[test]
fn a_figure_that_agrees_with_one_named_event_confirms_it() {
    // After a digression to the camp, a toll with its cue that agrees with the valley's
    // figure alone is the valley's.
    let article = "The Ash Valley floods drowned whole towns. Camp Lark lay in ruins. \
                   Rescuers said 82 people had been killed.";
    let claims = regatta_run(TWO_FLOODS, article, "claims");
    assert!(
        has_line(&claims, "\"82\" -> valley-floods-2025.killed"),
        "{claims:?}"
    );
    // A figure that agrees with no event, or with two, is tied to none; nor is a small
    // count, which agrees by chance.
    for (article, figure) in [
        (
            "Camp Lark lay in ruins. Rescuers said 90 people had been killed.",
            "\"90\" -> -",
        ),
        (
            "Camp Lark and the Millbrook storm were both deadly. Officials said 27 people \
             had been killed.",
            "\"27\" -> -",
        ),
        (
            "Camp Lark lay in ruins. Rescuers said 7 people were missing.",
            "\"7\" -> -",
        ),
    ] {
        let claims = regatta_run(TWO_FLOODS, article, "claims");
        assert!(has_line(&claims, figure), "{figure}: {claims:?}");
    }
    // Agreement only ever confirms: a wrong figure after the digression is no error.
    let article = "The Ash Valley floods drowned whole towns. Camp Lark lay in ruins. \
                   Rescuers said 85 people had been killed.";
    assert!(regatta_run(TWO_FLOODS, article, "check").is_empty());
}

#[test]
fn a_day_that_fits_several_named_events_is_the_nearest_ones() {
    let article = "Searchers left the Ash Valley as the water rose at Camp Lark on Friday.";
    let claims = regatta_run(TWO_FLOODS, article, "claims");
    assert!(
        has_line(&claims, "\"Friday\" -> camp-flood-2025.date"),
        "{claims:?}"
    );
}

#[test]
fn a_marker_needs_its_capitals_wherever_they_are() {
    // "the Lark Fund" matches only with its capitals, though it starts lower case.
    let claims = regatta_run(
        TWO_FLOODS,
        "Gifts reached the Lark Fund on 7 March 2025.",
        "claims",
    );
    assert!(has_line(&claims, "-> camp-flood-2025.date"), "{claims:?}");
    let claims = regatta_run(
        TWO_FLOODS,
        "Gifts reached the lark fund on 7 March 2025.",
        "claims",
    );
    assert!(!has_line(&claims, "-> camp-flood-2025.date"), "{claims:?}");
}

#[test]
fn a_date_beside_a_verb_of_the_events_own_kind_is_its_date_however_far() {
    // "Crashed" is a verb of a crash: eight years off, the crash misdated.
    let got = regatta_run(
        RULES,
        "The Northern Star crashed off Varna Bay on 9 March 2017.",
        "check",
    );
    assert!(has_line(&got, "error[FL001]"), "{got:?}");
    // A year far off beside no verb of the crash's kind names another time.
    let got = regatta_run(
        RULES,
        "The Northern Star, which entered service in 2017, sank fast.",
        "check",
    );
    assert!(!has_line(&got, "FL001"), "{got:?}");
}

#[test]
fn the_events_day_and_month_with_an_earlier_year_is_a_slip_of_the_year() {
    let got = regatta_run(
        RULES,
        "On 9 March 2024, the crew of the Northern Star reported a fault.",
        "check",
    );
    assert!(has_line(&got, "error[FL001]"), "{got:?}");
    // A later year is an anniversary, not a slip.
    let got = regatta_run(
        RULES,
        "On 9 March 2026, families remembered the Northern Star.",
        "check",
    );
    assert!(!has_line(&got, "FL001"), "{got:?}");
}

#[test]
fn the_end_of_a_range_whose_start_is_a_terms_is_the_terms_end() {
    let rules = r#"
events:
  mayor-term:
    summary: her term as mayor of Millbrook
    date: {from: 2011-01-03, to: 2019-01-07}
    about: [served as mayor]
"#;
    let got = regatta_run(
        rules,
        "She served as mayor from January 2011 to January 2091.",
        "check",
    );
    assert!(has_line(&got, "error[FL001]"), "{got:?}");
    let got = regatta_run(
        rules,
        "She served as mayor from January 2011 to January 2019.",
        "check",
    );
    assert!(got.is_empty(), "{got:?}");
}

const TWO_FIRES: &str = r#"
events:
  lark-fire-2025:
    summary: the Lark fire
    date: 2025-03-07
    about: [Lark fire]
    facts:
      killed: 9
  bay-fire-2025:
    summary: the Bay fire
    date: 2025-03-07
    about: [Bay fire]
    facts:
      killed: 16
      magnitude: {value: 7, cues: [magnitude]}
"#;

#[test]
fn a_part_of_a_total_is_the_named_events_when_it_agrees() {
    let claims = regatta_run(
        TWO_FIRES,
        "Nine of the victims died in the Lark fire and 16 in the Bay fire.",
        "claims",
    );
    for want in [
        "\"Nine\" -> lark-fire-2025.killed",
        "\"16\" -> bay-fire-2025.killed",
    ] {
        assert!(has_line(&claims, want), "{want}: {claims:?}");
    }
    // The whole of "16 of the 25 deaths" is not the Bay fire's: no error, the part
    // confirms.
    let article = "In all, 16 of the 25 deaths were in the Bay fire.";
    let claims = regatta_run(TWO_FIRES, article, "claims");
    assert!(
        has_line(&claims, "\"16\" -> bay-fire-2025.killed"),
        "{claims:?}"
    );
    assert!(has_line(&claims, "\"25\" -> -"), "{claims:?}");
    assert!(regatta_run(TWO_FIRES, article, "check").is_empty());
    // A part that agrees with no event named in its clause is tied to none.
    let claims = regatta_run(
        TWO_FIRES,
        "Four of the victims died in the Lark fire.",
        "claims",
    );
    assert!(has_line(&claims, "\"Four\" -> -"), "{claims:?}");
}

#[test]
fn what_rose_is_the_subjects_first_cue() {
    // "magnitude" inside the subject's phrase is not what rose: the toll did.
    let claims = regatta_run(
        TWO_FIRES,
        "The death toll from the magnitude 7 blaze at the Bay fire has risen to 16.",
        "claims",
    );
    assert!(
        has_line(&claims, "count 16 [killed] \"16\" -> bay-fire-2025.killed"),
        "{claims:?}"
    );
}

#[test]
fn a_figure_after_following_is_not_about_that_event() {
    // "Following the Bay fire" says when; the figure is a later happening's.
    let article = "The Bay fire raged all night. Following the fire, several smaller \
                   blazes were reported at magnitude 5.";
    let claims = regatta_run(TWO_FIRES, article, "claims");
    assert!(!has_line(&claims, "\"5\" -> bay"), "{claims:?}");
    // A date after a figure's noun, or after "showed", is the day it was said.
    let article = "The Bay fire burned for a week. Updated figures on Saturday showed the \
                   fire killed 16 people.";
    assert!(regatta_run(TWO_FIRES, article, "check").is_empty());
}

#[test]
fn another_count_of_a_new_measure_is_its_whole() {
    let rules = "events:\n  quake-2025:\n    date: 2025-03-07\n    about: [Varna quake]\n    facts:\n      killed: 820\n      injured: 672\n";
    // Right after the toll, "another 672 injured" is the number injured.
    let claims = regatta_run(
        rules,
        "The Varna quake killed 820 people. Another 672 people were injured.",
        "claims",
    );
    assert!(
        has_line(&claims, "\"672\" -> quake-2025.injured"),
        "{claims:?}"
    );
    // After a figure of the same measure, or of none, it adds to that figure.
    for article in [
        "The Varna quake killed 820 people. Another 672 people were killed in the hills.",
        "Four men were held after the Varna quake. Another 672 people were injured.",
    ] {
        let claims = regatta_run(rules, article, "claims");
        assert!(has_line(&claims, "\"672\" -> -"), "{article}: {claims:?}");
    }
}

#[test]
fn figures_with_decimals_are_compared_as_written() {
    let rules = r#"
events:
  bay-quake-2025:
    date: 2025-03-07
    about: [Bay quake]
    facts:
      magnitude: {value: "6.8 to 7.2", cues: [magnitude], reported: [{value: 6.8}]}
      crest: {value: 37.52, cues: [crest, feet]}
"#;
    for (sentence, wrong) in [
        ("The Bay quake had a magnitude of 6.4.", true),
        (
            "The Bay quake, a 6.8-magnitude tremor, shook the coast.",
            false,
        ),
        ("The Bay quake measured 7.0-magnitude.", false),
        ("The Bay quake had a magnitude of 7.", false),
        ("The Bay quake was magnitude-7.9.", true),
        (
            "After the Bay quake the river crest reached 39.1 feet.",
            true,
        ),
        (
            "After the Bay quake the river crest reached 37.5 feet.",
            false,
        ),
    ] {
        let got = regatta_run(rules, sentence, "check");
        assert_eq!(has_line(&got, "error[FL001]"), wrong, "{sentence}: {got:?}");
    }
    let dir = fixture_with(rules, "");
    let run = factlint(dir.path(), &["rules", "list", "--rules", "rules"], None);
    assert!(
        run.stdout.contains("bay-quake-2025.magnitude  6.8 to 7.2"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("reported: 6.8"), "{}", run.stdout);
}

#[test]
fn an_events_kind_is_named_in_the_rulebook() {
    // The summary names no kind; `kind: crash` makes "the crash" refer back to it and
    // "crashed on" date it.
    let rules = "events:\n  star-2025:\n    summary: the loss of the Northern Star\n    kind: crash\n    date: 2025-03-09\n    about: [Northern Star]\n    facts:\n      killed: 41\n";
    let got = regatta_run(
        rules,
        "The Northern Star went down off the cape. The crash killed 45 people.",
        "check",
    );
    assert!(has_line(&got, "error[FL001]"), "{got:?}");
    // A kind with no toll has no built-in `killed` or `injured` to be unsupported.
    let funeral = |kind: &str| {
        format!(
            "events:\n  funeral-2025:\n    summary: the state funeral\n{kind}    date: 2025-03-09\n    about: [state funeral]\n    facts:\n      mourners: {{value: 3000, cues: [mourners]}}\n"
        )
    };
    let article = "The state funeral drew 3,000 mourners, and two people were hurt in the crush.";
    let without = regatta_run(&funeral(""), article, "check");
    assert!(has_line(&without, "FL004"), "{without:?}");
    let with = regatta_run(&funeral("    kind: death\n"), article, "check");
    assert!(!has_line(&with, "FL004"), "{with:?}");
    // An unknown kind is a located rule error with the nearest kind.
    let dir = fixture_with(&funeral("    kind: deth\n"), "");
    let run = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown kind of event `deth`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `death`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn of_the_events_named_the_one_of_the_verbs_kind_takes_the_date() {
    let rules = r#"
events:
  vell-term:
    summary: Ana Vell's term as mayor
    kind: office
    date: {from: 2011-01-03, to: 2015-01-05}
    about: [term as mayor]
  vell-defeat-2014:
    summary: the 2014 mayoral election
    kind: election
    date: 2014-11-04
    about: [beaten by Tomas Roe]
"#;
    // "Beaten" is a verb of an election: the date is the election's, misdated.
    let got = regatta_run(
        rules,
        "She served one term as mayor, before being beaten by Tomas Roe in 2016.",
        "check",
    );
    assert!(has_line(&got, "error[FL001]"), "{got:?}");
    // After "since", a year is a point of comparison, not the event's date.
    let got = regatta_run(
        rules,
        "She began her term as mayor as the first woman elected since 1837.",
        "check",
    );
    assert!(!has_line(&got, "FL001"), "{got:?}");
}

const PARTS: &str = r#"
events:
  flight-88-crash-2025:
    summary: the crash of Flight 88 at Varna
    kind: crash
    date: 2025-03-09
    about: [Flight 88]
    facts:
      killed:
        value: 60
        parts:
          on_board: {value: 52, cues: [on board, aboard]}
          on_the_ground: {value: 8, cues: [on the ground]}
"#;

/// (text of the claim, fact it is tied to or "-") for one sentence on the PARTS book.
fn part_claims(article: &str) -> Vec<String> {
    json_mentions(PARTS, article)
        .iter()
        .filter(|m| m["kind"] == "count")
        .map(|m| {
            format!(
                "{} -> {}",
                m["text"].as_str().unwrap(),
                m["fact"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn a_declared_part_is_checked_against_the_part() {
    let p = "flight-88-crash-2025.killed";
    for (sentence, want) in [
        (
            "The Flight 88 crash killed 60 people, including all 52 on board.",
            vec![format!("60 -> {p}"), format!("52 -> {p}.on_board")],
        ),
        // No cue of the whole beside the figure, but one in the sentence.
        (
            "On Flight 88, 52 on board and 8 on the ground died.",
            vec![
                format!("52 -> {p}.on_board"),
                format!("8 -> {p}.on_the_ground"),
            ],
        ),
        // An addition in another part: "and 8 more on the ground".
        (
            "The Flight 88 crash killed 52 people on board and 8 more on the ground.",
            vec![
                format!("52 -> {p}.on_board"),
                format!("8 -> {p}.on_the_ground"),
            ],
        ),
        // A part's cue with no measure of the whole is no claim of the part.
        (
            "Flight 88 had 52 people on board when it left.",
            vec!["52 -> -".to_string()],
        ),
        // A sentence that opens with a part's cue scopes its figures to it.
        (
            "On the ground, the Flight 88 crash killed 8 people.",
            vec![format!("8 -> {p}.on_the_ground")],
        ),
    ] {
        assert_eq!(part_claims(sentence), want, "{sentence}");
    }
    // A wrong part is an error against the part; a right part is no error against the
    // whole.
    let run = |article: &str| short_check(PARTS, article);
    let wrong = run("The Flight 88 crash killed 60 people, including all 50 on board.");
    assert!(wrong.contains("FL001"), "{wrong}");
    assert!(wrong.contains("killed on board"), "{wrong}");
    assert_eq!(run("The Flight 88 crash killed 52 people on board."), "");
    // Parts that add up to more than the whole are a rule error at `parts`.
    let dir = fixture_with(&PARTS.replace("value: 60", "value: 59"), "");
    let check = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("the parts add up to at least 60, more than the whole (59)"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_reported_value_outside_the_accepted_one_is_a_warning() {
    let rules = r#"
sources:
  wire-a: {title: Wire A}
  paper-b: {title: Paper B}
entities:
  lena-ostrova:
    name: Lena Ostrova
    kind: person
    facts:
      age: {value: 78, as_of: 2025-03-09, source: wire-a, reported: [{value: 77, source: paper-b}]}
  ivo-marek:
    name: Ivo Marek
    kind: person
    born: {value: 1960-05-01, source: wire-a}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash
    date: {value: 2025-03-09, source: wire-a, reported: [{value: 2025-03-08, source: paper-b}]}
    about: [Northern Star]
    facts:
      killed: {value: 41, source: wire-a, reported: [{value: 43, source: paper-b}]}
"#;
    let run = |article: &str| {
        let dir = fixture_with(rules, article);
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
                let notes = f["notes"].to_string();
                (
                    f["severity"].as_str().unwrap().to_string(),
                    notes.contains("what Paper B reported"),
                )
            })
            .collect::<Vec<_>>()
    };
    let warned = vec![("warning".to_string(), true)];
    let erred = vec![("error".to_string(), false)];
    // Each kind of fact: the reported value is a warning naming its source; any other
    // value is still an error.
    for (reported, other) in [
        ("Lena Ostrova, 77, survived.", "Lena Ostrova, 74, survived."),
        (
            "The Northern Star sank on March 8, 2025.",
            "The Northern Star sank on March 5, 2025.",
        ),
        (
            "The Northern Star crash killed 43 people.",
            "The Northern Star crash killed 47 people.",
        ),
    ] {
        assert_eq!(run(reported), warned, "{reported}");
        assert_eq!(run(other), erred, "{other}");
    }
    // `born` with its source is still a birth date.
    assert_eq!(run("Ivo Marek, 70, was on board.").len(), 1);
    assert!(run("Ivo Marek, 64, was on board.").is_empty());
}

#[test]
fn an_identifier_is_checked_when_its_sentence_names_the_event() {
    let rules = r#"
events:
  flight-88-crash-2025:
    summary: the crash of Varna Air Flight 88
    kind: crash
    date: 2025-03-09
    about: [Varna Air]
    facts:
      flight: {code: VA88}
      aircraft: {code: 737-800, cues: [boeing]}
  old-crash-1999:
    summary: the crash of a Lindorf Airways jet
    date: 1999-05-01
    about: [Lindorf Airways]
"#;
    let check = |article: &str| short_check(rules, article);
    // Right, written any way: the same code, spaced, or without its airline prefix.
    for right in [
        "Varna Air flight VA 88 came down at dusk.",
        "Varna Air Flight 88 was a Boeing 737-800.",
        "The Varna Air crash involved flight VA88.",
    ] {
        assert_eq!(check(right), "", "{right}");
    }
    // A slip of the code: one digit changed, dropped or swapped.
    for wrong in [
        "Varna Air flight VA 89 came down at dusk.",
        "Varna Air Flight 8 came down at dusk.",
        "The Varna Air jet was a Boeing 737-900.",
    ] {
        let out = check(wrong);
        assert!(out.contains("error[FL001]"), "{wrong}: {out}");
    }
    // Another flight's code: far from the rulebook's, owned by another name, after a
    // comparing word, with another date, or in lower case with no letters.
    for other in [
        "Varna Air Flight 612 was diverted the same day.",
        "The Varna Air crash was the worst since Lindorf Airways Flight 87.",
        "The Varna Air crash was the worst since Flight 87.",
        "Varna Air Flight 87 crashed in 1999.",
        "Varna Air said the flight 80 minutes later was cancelled.",
    ] {
        let out = check(other);
        assert!(
            !out.contains("the flight of") && !out.contains("the aircraft of"),
            "{other}: {out}"
        );
    }
    // An identifier is an event's fact, and needs a digit.
    let dir = fixture_with(
        "entities:\n  jet:\n    name: The Jet\n    kind: other\n    facts:\n      tail: {code: N123}\nevents:\n  e:\n    date: 2025-01-01\n    about: [E]\n    facts:\n      flight: {code: ABC}\n",
        "",
    );
    let run = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("an identifier (`code:`) is an event's fact"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("an identifier needs a digit"),
        "{}",
        run.stderr
    );
}

#[test]
fn posts_are_held_between_their_dates() {
    let rules = r#"
entities:
  ana-veld:
    name: Ana Veld
    kind: person
    short: [Veld]
    facts:
      title:
        - {value: Mayor of Varna, accept: [mayor], from: 2010-01-01, to: 2014-12-31}
        - {value: Governor of the Bay, accept: [governor], from: 2020-01-01}
  ivo-marek:
    name: Ivo Marek
    kind: person
    short: [Marek]
    facts:
      title: {value: Acting Governor of the Coast, accept: [acting governor]}
"#;
    let check = |article: &str| short_check(rules, article);
    // Held, held no longer and said so, or told at a time it was held: right.
    for right in [
        "Governor Ana Veld spoke.",
        "Former Mayor Ana Veld spoke.",
        "In 2012, Mayor Ana Veld opened the port.",
        "Acting Governor Ivo Marek spoke.",
    ] {
        assert_eq!(check(right), "", "{right}");
    }
    // A post given as held after it ended: a warning.
    let out = check("Mayor Ana Veld spoke.");
    assert!(
        out.contains("warning[FL008]") && out.contains("held until"),
        "{out}"
    );
    // "Former" of a post still held: an error.
    let out = check("Former Governor Ana Veld spoke.");
    assert!(
        out.contains("error[FL001]") && out.contains("not a former post"),
        "{out}"
    );
    // A provisional post written without its word, before a short name too.
    let out = check("Governor Ivo Marek spoke. Later, Governor Marek left.");
    assert_eq!(out.matches("warning[FL008]").count(), 2, "{out}");
    assert!(out.contains("\"acting governor\""), "{out}");
    // `rules list` shows the posts with their dates.
    let dir = fixture_with(rules, "");
    let list = factlint(dir.path(), &["rules", "list", "--rules", "rules"], None).stdout;
    assert!(
        list.contains("posts: Mayor of Varna (2010-01-01 to 2014-12-31); Governor of the Bay (from 2020-01-01)"),
        "{list}"
    );
}

#[test]
fn a_weekday_in_the_future_tense_is_the_next_one() {
    // Published Monday 10 March 2025.
    let dates = date_values;
    assert_eq!(
        dates("Officials said the town would mourn the Northern Star dead Friday."),
        ["2025-03-14"]
    );
    assert_eq!(
        dates("The Northern Star victims will be buried on Friday."),
        ["2025-03-14"]
    );
    assert_eq!(
        dates("The town mourned the Northern Star dead on Friday."),
        ["2025-03-07"]
    );
}

#[test]
fn a_date_of_what_is_compared_with_does_not_rule_the_event_out() {
    // The 1998 date belongs to the disaster compared with, after the figure's clause.
    let s = "The Northern Star crash killed 45 people, surpassing the Varna Bay disaster of 1998.";
    assert_eq!(tied(s, "45").as_deref(), Some("ferry-crash-2025.killed"));
    assert_eq!(errors(s), 1);
    // A date before the figure that the figure's clause tells of still rules it out.
    let s = "The Northern Star crash is the worst since 1998, when a storm killed 45 people.";
    assert_eq!(errors(s), 0);
}

#[test]
fn the_number_of_something_named_refers_back_to_nothing() {
    let s = "The Northern Star crash killed 41 people. The number missing stands at 12.";
    assert_eq!(tied(s, "12"), None);
    let s = "The Northern Star crash killed 38 people. That number later rose to 41.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
}

#[test]
fn a_month_named_alone_is_of_the_year_its_words_say() {
    // Published 10 March 2025.
    let dates = date_values;
    assert_eq!(
        dates("The ferry had been idle since February."),
        ["2025-02-01"]
    );
    assert_eq!(dates("The ferry was idle since August."), ["2024-08-01"]);
    assert_eq!(
        dates("In June last year the ferry was sold."),
        ["2024-06-01"]
    );
    assert_eq!(dates("The inquiry will report in June."), ["2025-06-01"]);
    assert_eq!(dates("The inquiry is due by January."), ["2026-01-01"]);
    // A year given before, a month that is a name, a month with no word of time.
    assert!(
        dates("The ferry sank in 1998. In January that year, it was sold.")
            .iter()
            .all(|d| !d.starts_with("2025"))
    );
    assert!(dates("April Ryan met June Carter.").is_empty());
}

#[test]
fn an_age_apart_from_any_name_is_the_subjects() {
    let rules = r#"
entities:
  lena-ostrova: {name: Lena Ostrova, kind: person, facts: {age: {value: 78, as_of: 2025-03-09}}}
  mara-ostrova: {name: Mara Ostrova, kind: person, facts: {age: {value: 50, as_of: 2025-03-09}}}
"#;
    let ages = |article: &str| -> Vec<String> {
        json_mentions(rules, article)
            .iter()
            .filter(|m| m["kind"] == "age")
            .map(|m| m["fact"].as_str().unwrap_or("-").to_string())
            .collect()
    };
    assert_eq!(
        ages("Mara Ostrova's mother, Lena Ostrova, died on Sunday, aged 78."),
        ["lena-ostrova.age"]
    );
    assert_eq!(
        ages("Mara Ostrova mourned her mother, Lena Ostrova, who died on Sunday at age 78."),
        ["lena-ostrova.age"]
    );
    assert_eq!(
        ages("Mara Ostrova, who sailed with Lena Ostrova, retired aged 50."),
        ["mara-ostrova.age"]
    );
}

#[test]
fn an_earlier_figure_after_up_from_is_of_the_measure_before_it() {
    let s = "The Northern Star toll rose to 41, up from 38 on Sunday.";
    assert_eq!(tied(s, "38").as_deref(), Some("ferry-crash-2025.killed"));
    // An earlier figure the rulebook does not record contradicts nothing.
    assert_eq!(errors(s), 0);
    assert_eq!(
        errors("The Northern Star toll rose to 45, up from 38 on Sunday."),
        1
    );
    // A forecast after "and" is another verb phrase's: the figure before it stands.
    let s = "The Northern Star toll is at 41 and is expected to rise.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
}

#[test]
fn a_datelines_place_names_no_event() {
    let rules = r#"
entities:
  varna: {name: Varna, kind: place}
events:
  varna-siege-2024:
    summary: the siege of the Varna courthouse
    date: 2024-05-01
    about: [Varna]
    facts:
      killed: 41
"#;
    let article = "VARNA, March 9 (Coast Wire) — Rescuers said 12 people died in a storm.";
    assert_eq!(short_check(rules, article), "");
    // Named in the text, the same place does name the event.
    let out = short_check(rules, "In Varna, the siege killed 12 people.");
    assert!(out.contains("error[FL001]"), "{out}");
}

const GAUGE_RULES: &str = r#"
entities:
  arlen-river: {name: Arlen River, kind: place}
events:
  arlen-flood-2025:
    summary: the Arlen River flood of March 2025
    date: 2025-03-08
    place: arlen-river
    about: [Arlen flood]
    facts:
      killed: 12
      crest: {value: 31.4, unit: feet, cues: [crest, crested, peaked]}
      rise: {value: 18, unit: ft, cues: [rose]}
  arlen-flood-1961:
    summary: the Arlen River flood of 1961
    date: 1961-05-02
    place: arlen-river
    facts:
      crest: {value: 29.8, unit: feet, cues: [crest, crested]}
"#;

#[test]
fn a_figure_in_a_unit_the_rulebook_measures_in_is_read() {
    // With a cue, the unit joined to the figure or after it.
    let c = claims_with(
        GAUGE_RULES,
        "In the Arlen flood the river crested at 31.4 feet on Saturday, and had rose 18 ft.",
    );
    assert!(
        c.contains(&"31.4 -> arlen-flood-2025.crest".to_string()),
        "{c:?}"
    );
    assert!(
        c.contains(&"18 -> arlen-flood-2025.rise".to_string()),
        "{c:?}"
    );
    let c = claims_with(
        GAUGE_RULES,
        "A 31.4-foot crest swept through the Arlen flood zone.",
    );
    assert!(
        c.contains(&"31.4-foot -> arlen-flood-2025.crest".to_string()),
        "{c:?}"
    );
    // A table line with no cue: the date tells which event's crest it is.
    let c = claims_with(
        GAUGE_RULES,
        "Highest crests on the Arlen River:\n\n- 31.4 ft – March 8, 2025\n- 29.8 ft – May 2, 1961\n",
    );
    assert!(
        c.contains(&"31.4 -> arlen-flood-2025.crest".to_string()),
        "{c:?}"
    );
    assert!(
        c.contains(&"29.8 -> arlen-flood-1961.crest".to_string()),
        "{c:?}"
    );
    assert!(
        c.contains(&"May 2, 1961 -> arlen-flood-1961.date".to_string()),
        "{c:?}"
    );
}

#[test]
fn a_figure_in_a_unit_is_compared_only_with_a_fact_in_that_unit() {
    // Wrong in the rulebook's unit: an error.
    let out = short_check(
        GAUGE_RULES,
        "The Arlen River crested at 35.1 feet in the Arlen flood.",
    );
    assert!(out.contains("FL001"), "{out}");
    assert!(out.contains("is 31.4 in the rulebook"), "{out}");
    // The same figure in another unit, or a count of people, is not the crest.
    for sentence in [
        "The Arlen River crested at 9.6 metres in the Arlen flood.",
        "The Arlen flood crest reached homes 35 miles downstream.",
        "The Arlen River crested on Saturday, and 12 people were killed.",
    ] {
        let out = short_check(GAUGE_RULES, sentence);
        assert!(!out.contains("error"), "{sentence}: {out}");
    }
    // A figure in the unit with no cue only ever confirms: never an error.
    let out = short_check(
        GAUGE_RULES,
        "Water stood 40 feet deep after the Arlen flood.",
    );
    assert!(!out.contains("error"), "{out}");
}

#[test]
fn an_unknown_unit_is_a_located_rule_error() {
    let rules = GAUGE_RULES.replace(
        "unit: feet, cues: [crest, crested, peaked]",
        "unit: fet, cues: [crest]",
    );
    let dir = fixture_with(&rules, "");
    let run = factlint(dir.path(), &["rules", "check", "--rules", "rules"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("unknown unit `fet`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `feet`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_superseded_figure_with_decimals_is_told_as_superseded_in_its_own_words() {
    let rules = GAUGE_RULES.replace(
        "crest: {value: 31.4, unit: feet, cues: [crest, crested, peaked]}",
        "crest: {value: 31.4, unit: feet, cues: [crest, crested, peaked], revised_from: [{value: 28.65}]}",
    );
    let out = short_check(
        &rules,
        "In the Arlen flood the river crested at 28.65 feet.",
    );
    assert!(out.contains("FL005"), "{out}");
    assert!(out.contains("28.65 was revised to 31.4"), "{out}");
    assert!(!out.contains("error"), "{out}");
}

/// A storm a year before the articles (published 10 March 2025), and one of this year.
const YEAR_RULES: &str = r#"
events:
  varna-storm-2024:
    summary: the Varna storm of 2024
    date: 2024-02-20
    about: [Varna storm]
  varna-fire-2025:
    summary: the Varna harbour fire
    date: 2025-01-15
    about: [harbour fire]
"#;

#[test]
fn a_date_with_its_year_left_out_that_fits_the_year_before_is_a_warning() {
    for sentence in [
        "The Varna storm struck on February 20.",
        "Repairs after the Varna storm have gone on since February.",
        "The Varna storm of February 20 and the harbour fire left the quay in ruins.",
    ] {
        let out = short_check(YEAR_RULES, sentence);
        assert!(out.contains("FL010"), "{sentence}: {out}");
        assert!(!out.contains("error"), "{sentence}: {out}");
    }
    // The year written, a day of this year's event, or a day that comes back each year:
    // nothing to say.
    for sentence in [
        "The Varna storm struck on February 20, 2024.",
        "The harbour fire broke out on January 15.",
        "Crowds marked the anniversary of the Varna storm on February 20.",
        "The Varna storm struck in February last year.",
    ] {
        let out = short_check(YEAR_RULES, sentence);
        assert!(!out.contains("FL010"), "{sentence}: {out}");
        assert!(!out.contains("error"), "{sentence}: {out}");
    }
    // A date a year off with its year written stays a conflict.
    let out = short_check(YEAR_RULES, "The Varna storm struck on February 20, 2025.");
    assert!(out.contains("FL001") && !out.contains("FL010"), "{out}");
}

/// A vote with parts (seats per party), a projection before it, two people with posts.
const VOTE_RULES: &str = r#"
entities:
  ada-marsh:
    name: Ada Marsh
    kind: person
    facts:
      age: {value: 61, as_of: 2026-05-08}
      title: {value: Home Secretary}
  tomas-reyes:
    name: Tomas Reyes
    kind: person
    facts:
      title: {value: Foreign Secretary}
events:
  riverland-vote-2026:
    summary: the Riverland general election
    kind: election
    date: 2026-05-07
    about: [general election, Riverland election]
    facts:
      seats:
        value: 300
        cues: [seats]
        parts:
          greens: {value: 171, cues: [Greens]}
          liberals: {value: 90, cues: [Liberals]}
  riverland-projection-2026:
    summary: the Riverland exit poll
    kind: election
    date: 2026-05-07
    about: [exit poll]
    facts:
      seats:
        value: 300
        cues: [seats]
        parts:
          greens: {value: 165, cues: [Greens]}
"#;

/// The findings `check` gives for one article on a rulebook, as "code message" lines.
fn errors_with(rules: &str, published: &str, article: &str) -> Vec<String> {
    let dir = fixture_on(rules, published, article);
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

#[test]
fn a_figure_of_a_total_with_a_part_named_elsewhere_in_its_sentence_may_be_the_parts() {
    // The Greens are named in another clause: 168 fits neither the total nor the
    // projection's part; it is left untied, never the total's error.
    let article = "The Greens have won 171 seats in the Riverland election, beyond the exit poll projection of 165 seats.";
    assert!(errors_with(VOTE_RULES, "2026-05-09", article).is_empty());
    let article = "In the Riverland general election, with one seat left to declare, the Greens have 170, and the count shows 168 seats so far.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(
        found.iter().all(|f| !f.contains("is 300 in the rulebook")),
        "{found:?}"
    );
    // With no part named, a figure of the total is held against it.
    let article = "The Riverland general election filled 250 seats.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("FL001") && f.contains("300")),
        "{found:?}"
    );
}

#[test]
fn an_event_after_beyond_or_compared_with_is_a_point_of_comparison() {
    // The exit poll alone is named, after "beyond": no reference back to it either.
    for article in [
        "The Greens won 171 seats, going beyond the exit poll projection.",
        "The Greens won 171 seats, compared with the exit poll.",
    ] {
        let found = errors_with(VOTE_RULES, "2026-05-09", article);
        assert!(found.is_empty(), "{article}: {found:?}");
    }
}

#[test]
fn no_title_ends_with_and_before_a_name() {
    let article = "Ada Marsh became home secretary and Tomas Reyes was named to the cabinet.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(found.iter().all(|f| !f.starts_with("FL001")), "{found:?}");
    let titles: Vec<String> = json_mentions(VOTE_RULES, article)
        .iter()
        .filter(|m| m["kind"] == "title")
        .map(|m| m["text"].as_str().unwrap().to_string())
        .collect();
    assert!(titles.iter().all(|t| !t.ends_with("and")), "{titles:?}");
}

#[test]
fn in_their_twenties_is_a_groups_age_not_a_persons() {
    let article =
        "Ada Marsh spoke for the voters, mostly those in their 20s, in the Riverland election.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(found.is_empty(), "{found:?}");
    // "in her 60s" is still hers.
    let article = "Ada Marsh, in her 50s, spoke after the Riverland election.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(found.iter().any(|f| f.starts_with("FL001")), "{found:?}");
}

#[test]
fn a_days_tally_is_dated_by_the_day_not_the_event() {
    // The count ran on the Friday after a Thursday vote.
    let article = "The Greens led in the Riverland election in Friday's vote count.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(found.iter().all(|f| !f.starts_with("FL006")), "{found:?}");
}

#[test]
fn a_change_gives_the_new_level_and_a_difference_is_no_level() {
    let s = "The toll of the Northern Star crash rose by one to 41 on Monday.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    assert!(
        claims(s).iter().all(|c| !c.starts_with("one to 41")),
        "{:?}",
        claims(s)
    );
    let s = "The number killed in the Northern Star crash has risen from 38 to 41.";
    assert_eq!(tied(s, "41").as_deref(), Some("ferry-crash-2025.killed"));
    // "risen by 3": the difference, not the toll; no error.
    assert_eq!(
        errors("The Northern Star crash toll has risen by 3 since Sunday."),
        0
    );
    // "ranged from 20 to 60" is still a range (no verb of change before "from").
    let s = "The Northern Star crash killed passengers aged from 20 to 60.";
    assert!(
        claims(s).iter().all(|c| !c.starts_with("60 ->")),
        "{:?}",
        claims(s)
    );
}

#[test]
fn additional_deaths_are_an_addition_whatever_came_before() {
    let s = "The Northern Star was 40 metres long. Officials announced 3 additional deaths in the Northern Star crash.";
    assert_eq!(tied(s, "3"), None, "{:?}", claims(s));
    assert_eq!(errors(s), 0);
}

#[test]
fn a_stale_figure_tied_by_the_topic_alone_is_no_warning_where_the_rulebook_has_parts() {
    let rules = r#"
events:
  storm-2026:
    summary: the storm Odile
    date: 2026-09-26
    about: [Odile]
    facts:
      killed:
        value: 200
        as_of: 2026-10-05
        revised_from: [{value: 25, as_of: 2026-09-28}]
        parts:
          in_north: {value: 120, cues: [in the north]}
"#;
    // A figure of a region the sentence does not name as a part, in an article on the
    // storm published after the toll was revised.
    let article = "Odile struck on Saturday.\n\nThe governor said the death toll in that state had reached 25.";
    let found = errors_with(rules, "2026-10-10", article);
    assert!(found.iter().all(|f| !f.starts_with("FL005")), "{found:?}");
}

#[test]
fn what_fell_is_the_subject_and_the_plural_noun_after_the_figure_its_unit() {
    let rules = r#"
events:
  vote-2005:
    summary: the 2005 Riverland election
    kind: election
    date: 2005-05-05
    about: [2005 election]
    facts:
      seats: {value: 646, cues: [seats]}
      majority: {value: 66, cues: [majority]}
"#;
    let article = "Labour won the 2005 election, when its majority fell to 66 seats.";
    let found = errors_with(rules, "2026-05-09", article);
    assert!(found.is_empty(), "{found:?}");
    let tied = claims_with(rules, article);
    assert!(
        tied.contains(&"66 -> vote-2005.majority".to_string()),
        "{tied:?}"
    );
    // A wrong majority is still the majority's error.
    let article = "Labour won the 2005 election, when its majority fell to 60 seats.";
    let found = errors_with(rules, "2026-05-09", article);
    assert!(found.iter().any(|f| f.contains("majority")), "{found:?}");
}

#[test]
fn an_exact_figure_that_fits_a_part_of_a_total_is_not_the_totals_error() {
    // "netted him 171 seats": the winner's part, named by no cue of its own.
    let article = "The Riverland general election netted its winner 171 seats.";
    let found = errors_with(VOTE_RULES, "2026-05-09", article);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_date_written_as_an_attribute_of_one_kinds_noun_is_no_date_of_another_kind() {
    let rules = r#"
entities:
  ada-marsh: {name: Ada Marsh, kind: person}
events:
  vote-2026:
    summary: the Riverland presidential election
    kind: election
    date: 2026-04-24
    about: [Riverland vote]
  second-term-2026:
    summary: the start of Ada Marsh's second term
    kind: office
    date: 2026-05-14
    about: [second term]
"#;
    let article = "The scandal would tarnish Ada Marsh's April presidential election victory, when she became the first leader to win a second term.";
    let found = errors_with(rules, "2026-06-01", article);
    assert!(found.iter().all(|f| !f.starts_with("FL001")), "{found:?}");
    // The term's own date, written as its own, is still checked.
    let article = "Ada Marsh began her second term on April 2, 2026.";
    let found = errors_with(rules, "2026-06-01", article);
    assert!(found.iter().any(|f| f.starts_with("FL001")), "{found:?}");
}

#[test]
fn a_figure_joined_to_a_unit_and_a_dimension_is_in_that_unit() {
    let rules = r#"
entities:
  dali: {name: Dali, kind: other, facts: {length: {value: 984, unit: feet, cues: [long, vessel]}}}
"#;
    let found = errors_with(
        rules,
        "2026-05-09",
        "The Dali, a 947-foot-long cargo vessel, left port.",
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("FL001") && f.contains("947")),
        "{found:?}"
    );
    let found = errors_with(
        rules,
        "2026-05-09",
        "The Dali, a 984-foot-long cargo vessel, left port.",
    );
    assert!(found.is_empty(), "{found:?}");
}

const SITES_RULES: &str = r#"
events:
  pier-shooting-2026:
    summary: the shootings at the Varna pier and the Varna arcade
    date: 2026-03-01
    about: [Varna pier, Varna arcade]
    facts:
      killed:
        value: 18
        parts:
          at_pier: {value: 10, cues: [at the pier]}
          at_arcade: {value: 6, cues: [at the arcade]}
          children: {value: 2, cues: [children]}
      injured: {value: 13}
"#;

#[test]
fn a_cue_followed_by_a_figure_of_its_own_is_that_figures() {
    for article in [
        "The shootings at the Varna pier killed 18 people, wounded 13, and shut the town.",
        "Police sought the man wanted for murdering the 18 victims at the Varna pier and wounding 13 others.",
    ] {
        let found = errors_with(SITES_RULES, "2026-03-02", article);
        assert!(found.is_empty(), "{article}: {found:?}");
        let tied = claims_with(SITES_RULES, article);
        assert!(
            tied.iter()
                .all(|c| !c.starts_with("18 -> pier-shooting-2026.injured")),
            "{tied:?}"
        );
    }
}

#[test]
fn a_whole_including_a_part_and_a_scope_among_two_are_not_the_parts() {
    // "including children": what the whole takes in.
    let article = "The Varna pier shootings killed 18 people, including children.";
    assert!(errors_with(SITES_RULES, "2026-03-02", article).is_empty());
    // Two sites after "or": neither is the figure's.
    let article = "As they fished at the pier or played in the hall, 18 lives were cut short in the Varna pier shootings.";
    assert!(errors_with(SITES_RULES, "2026-03-02", article).is_empty());
    // A sentence about one site: its figures may be the site's, not the event's whole.
    let article = "The gunman opened fire again at the arcade in Varna, killing six people and wounding ten more.";
    let found = errors_with(SITES_RULES, "2026-03-02", article);
    assert!(
        found.iter().all(|f| !f.contains("is 13 in the rulebook")),
        "{found:?}"
    );
}

#[test]
fn a_date_right_after_killed_is_never_the_date_of_an_event_with_no_toll() {
    let rules = r#"
lexicon:
  kinds:
    lawsuit:
      words: [lawsuit, legal notice]
      nouns: [lawsuit]
      toll: false
events:
  pier-shooting-2025:
    summary: the Varna pier shooting
    kind: attack
    date: 2025-10-25
    about: [Varna pier]
    facts:
      killed: {value: 18}
  notice-2026:
    summary: the legal notice of the families of the Varna pier shooting
    kind: lawsuit
    date: 2026-10-15
    about: [legal notice]
"#;
    let article = "Families of the 18 killed last October sent a legal notice to the city.";
    let found = errors_with(rules, "2026-10-20", article);
    assert!(found.iter().all(|f| !f.starts_with("FL001")), "{found:?}");
    // A wrong date after "killed" of the shooting itself is still its error.
    let article = "The Varna pier shooting killed 18 people on October 24, 2025.";
    let found = errors_with(rules, "2026-10-20", article);
    assert!(found.iter().any(|f| f.starts_with("FL001")), "{found:?}");
}

const MOURNING_RULES: &str = r#"
entities:
  varna-bay: {name: Varna Bay, kind: place}
events:
  ferry-crash-2025:
    summary: the Northern Star ferry crash off Varna Bay
    date: 2025-03-09
    place: varna-bay
    about: [Northern Star]
    facts:
      killed: {value: 41}
  mourning-2025:
    summary: national day of mourning for the victims
    date: 2025-03-11
    about: [day of mourning]
"#;

#[test]
fn a_date_beside_another_events_marker_rules_out_nothing_else() {
    // A headline run into the first sentence names the crash and the day of mourning,
    // with the mourning's date: the toll after it is still the crash's.
    let article = "President calls Northern Star crash a tragedy; declares day of mourning on \
                   March 11\nDescribing the disaster, which killed 38 people, as a national \
                   tragedy, he asked for calm.";
    let found = claims_with(MOURNING_RULES, article);
    assert!(
        found.contains(&"38 -> ferry-crash-2025.killed".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"March 11 -> mourning-2025.date".to_string()),
        "{found:?}"
    );
    // A date far from any marker still says which event a figure is of.
    let article = "The Northern Star crash was the worst since March 11, 1990, when a ferry \
                   sank with 38 people aboard.";
    let found = claims_with(MOURNING_RULES, article);
    assert!(
        !found.iter().any(|c| c.starts_with("38 -> ferry")),
        "{found:?}"
    );
}

#[test]
fn an_age_at_death_or_lived_to_is_an_age() {
    for (sentence, text) in [
        (
            "Lena Ostrova, who died at her home near Varna Bay at 79 on Sunday, was mourned.",
            "79",
        ),
        (
            "Lena Ostrova, the first captain to live to 79, was mourned.",
            "79",
        ),
        ("Lena Ostrova lived to be 79.", "79"),
        (
            "Lena Ostrova did much in her 79 years of life.",
            "79 years of life",
        ),
    ] {
        assert_eq!(
            tied(sentence, text).as_deref(),
            Some("lena-ostrova.age"),
            "{sentence}"
        );
        assert_eq!(errors(sentence), 1, "{sentence}");
    }
    // Not an age: a time of day after the verb, a figure with a noun after it.
    for sentence in [
        "Lena Ostrova died at 79 minutes past midnight on Sunday.",
        "Lena Ostrova died at 9 a.m. on Sunday.",
        "Lena Ostrova lived to 79 percent of her plan.",
    ] {
        assert_eq!(errors(sentence), 0, "{sentence}");
    }
}

const NESTED_PARTS_RULES: &str = r#"
events:
  air-collision-2025:
    summary: midair collision of the Northern Star airliner and a rescue helicopter
    kind: crash
    date: 2025-03-09
    about: [Northern Star]
    facts:
      killed:
        value: 50
        parts:
          on_plane:
            value: 47
            cues: [aboard the plane, on the plane]
            parts:
              passengers: {value: 43, cues: [passengers]}
              crew: {value: 4, cues: [crew members, crew]}
          on_helicopter: {value: 3, cues: [aboard the helicopter]}
"#;

#[test]
fn the_cue_nearest_a_figure_names_its_part_however_deep() {
    let article = "The Northern Star collision claimed the lives of all 43 passengers and four \
                   crew members aboard the plane, as well as three aboard the helicopter.";
    let found = claims_with(NESTED_PARTS_RULES, article);
    for line in [
        "43 -> air-collision-2025.killed.on_plane.passengers",
        "four -> air-collision-2025.killed.on_plane.crew",
        "three -> air-collision-2025.killed.on_helicopter",
    ] {
        assert!(found.contains(&line.to_string()), "{line}: {found:?}");
    }
    let dir = fixture_with(NESTED_PARTS_RULES, article);
    let run = factlint(dir.path(), &["check", "--rules", "rules", "a.md"], None);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

const PLACE_KIND_RULES: &str = r#"
entities:
  varna-bay: {name: Varna Bay, kind: place}
events:
  varna-floods-2025:
    summary: flash floods around Varna Bay
    kind: flood
    date: 2025-03-09
    place: varna-bay
    about: [Varna deluge]
    facts:
      killed: {value: 41}
  varna-floods-1990:
    summary: floods around Varna Bay in 1990
    kind: flood
    date: 1990-05-02
    place: varna-bay
    about: [1990 floods]
    facts:
      killed: {value: 12}
  mourning-2025:
    summary: national day of mourning for the victims
    date: 2025-03-11
    about: [day of mourning]
"#;

#[test]
fn a_noun_of_the_events_kind_beside_its_place_makes_it_the_lead() {
    // The opening calls the event by its kind and place only; the day of mourning is
    // named later: the toll that refers back is the floods'.
    let article = "The death toll from massive flooding around Varna Bay is likely to rise.\n\n\
                   The government declared a day of mourning.\n\n\
                   The floods killed 38 people, officials said.";
    let found = claims_with(PLACE_KIND_RULES, article);
    assert!(
        found.contains(&"38 -> varna-floods-2025.killed".to_string()),
        "{found:?}"
    );
    // Written in 1991, the same words name the latest floods there by then: 1990's.
    let mentions = json_mentions_on(PLACE_KIND_RULES, "1991-01-10", article);
    let tied_to_old = mentions
        .iter()
        .any(|m| m["fact"] == "varna-floods-1990.killed");
    assert!(tied_to_old, "{mentions:?}");
}

const CONTAINMENT_RULES: &str = r#"
events:
  harbour-fire-2025:
    summary: the Northern Star warehouse fire
    kind: fire
    date: 2025-03-02
    about: [Northern Star]
    facts:
      killed: {value: 3}
  harbour-fire-contained-2025:
    summary: full containment of the Northern Star warehouse fire
    kind: containment
    date: 2025-03-07
    about: [fully contained]
lexicon:
  kinds:
    containment:
      toll: false
      words: [containment]
      nouns: [containment]
      verbs: [contained]
"#;

#[test]
fn a_phrase_after_a_date_is_not_its_noun() {
    // "Saturday after killing three": "killing" is no noun the date is written as the
    // attribute of; the verb before the date says what happened that day.
    let article = "The Northern Star fire was fully contained Saturday after killing three people.";
    let found = claims_with(CONTAINMENT_RULES, article);
    assert!(
        found.contains(&"Saturday -> harbour-fire-contained-2025.date".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"three -> harbour-fire-2025.killed".to_string()),
        "{found:?}"
    );
}

//! The `factlint` binary, run as a user runs it: exit codes, standard input, bad rules,
//! output formats. Rendered output is compared with insta snapshots.

use std::path::Path;

mod common;
use common::{Run, factlint, write};

const RULES: &str = r#"
sources:
  wire: {title: "Wire report, 12 December 2024"}
entities:
  khalil-haqqani:
    name: Khalil Haqqani
    short: [Haqqani]
    died: 2024-12-11
    facts:
      age: {value: 58, as_of: 2024-12-11, source: wire}
  balkh: {name: Balkh, kind: place}
events:
  kabul-bombing:
    summary: bombing at the refugees ministry in Kabul
    date: 2024-12-11
    about: [khalil-haqqani, Ministry of Refugees]
    facts:
      killed: {at_least: 3, source: wire, note: reports differ}
  balkh-killing:
    summary: killing of the Balkh governor
    date: 2023-03-09
    about: [balkh]
    facts:
      killed: 3
"#;

/// Two reports of one bombing that disagree, and a paragraph with an earlier attack.
fn two_reports(dir: &Path) {
    write(dir, "rules/kabul.yaml", RULES);
    write(
        dir,
        "a.md",
        "---\ntitle: Minister killed\ndate: 2024-12-12\n---\nKhalil Haqqani and two others were killed on Wednesday at the Ministry of Refugees. The attack came after a bombing in March 2023 that killed two people.\n\nIn March 2023, a governor was killed in Balkh along with two others.\n",
    );
    write(
        dir,
        "b.md",
        "---\ntitle: Blast at ministry\ndate: 2024-12-13\n---\nAt least five people were killed when a bomber struck the Ministry of Refugees. Haqqani, 58, was among them.\n",
    );
}

#[test]
fn source_conflict_names_both_reports_in_human_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_reports(dir.path());
    let run = factlint(dir.path(), &["check", "a.md", "b.md"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("two_reports_human", run.stdout);
}

#[test]
fn source_conflict_in_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_reports(dir.path());
    let run = factlint(
        dir.path(),
        &["check", "a.md", "b.md", "--format", "json"],
        None,
    );
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let findings = json["findings"].as_array().expect("findings");
    // One source conflict; nothing about the Balkh figure (an earlier attack with its own
    // date and toll, in a paragraph next to the bombing's own toll).
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    let f = &findings[0];
    assert_eq!(f["code"], "FL002");
    assert_eq!(f["name"], "source-conflict");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["fact"], "kabul-bombing.killed");
    let text = |loc: &serde_json::Value| {
        let file = loc["file"].as_str().expect("file");
        let content = std::fs::read_to_string(dir.path().join(file)).expect("file");
        content[loc["start"].as_u64().expect("start") as usize
            ..loc["end"].as_u64().expect("end") as usize]
            .to_string()
    };
    assert_eq!(f["primary"]["file"], "b.md");
    assert_eq!(text(&f["primary"]), "At least five");
    assert_eq!(f["related"][0]["file"], "a.md");
    assert_eq!(text(&f["related"][0]), "two others");
    assert_eq!(f["primary"]["line"], 5);
    assert_eq!(f["primary"]["column"], 1);
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["errors"], 1);
    insta::assert_snapshot!("two_reports_json", run.stdout);
}

#[test]
fn stdin_with_a_name_and_a_publication_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/kabul.yaml", RULES);
    let story = "Khalil Haqqani was killed on Tuesday at the Ministry of Refugees.\n";
    let run = factlint(
        dir.path(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "story.md",
            "--published",
            "2024-12-12",
            "--format",
            "json",
        ],
        Some(story.as_bytes()),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let f = &json["findings"][0];
    assert_eq!(f["code"], "FL006");
    assert_eq!(f["primary"]["file"], "story.md");
    assert_eq!(f["found"], "2024-12-10");
    assert_eq!(f["expected"], "2024-12-11");
    // Without a publication date, the weekday is checked against the event's date.
    let run = factlint(
        dir.path(),
        &["check", "-", "--format", "json"],
        Some(story.as_bytes()),
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["findings"][0]["code"], "FL006");
    assert_eq!(json["findings"][0]["found"], "Tuesday");
    let run = factlint(
        dir.path(),
        &["check", "-"],
        Some(b"Khalil Haqqani was killed on Wednesday.\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn exit_codes_and_fail_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/kabul.yaml", RULES);
    write(dir.path(), "clean.md", "Nothing to see here.\n");
    write(
        dir.path(),
        "unsupported.md",
        "---\ndate: 2024-12-12\n---\nKhalil Haqqani was killed at the Ministry of Refugees, which also left 12 people wounded.\n",
    );
    assert_eq!(factlint(dir.path(), &["check", "clean.md"], None).code, 0);
    let warned = factlint(dir.path(), &["check", "unsupported.md"], None);
    assert_eq!(
        warned.code, 0,
        "warnings do not fail by default: {}",
        warned.stdout
    );
    assert!(warned.stdout.contains("warning[FL004]"));
    assert_eq!(
        factlint(
            dir.path(),
            &["check", "unsupported.md", "--fail-on", "warning"],
            None
        )
        .code,
        1
    );
    let missing = factlint(dir.path(), &["check", "nowhere.md"], None);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("nowhere.md: no such file or directory")
    );
    let glob = factlint(dir.path(), &["check", "*.txt"], None);
    assert_eq!(glob.code, 2);
    assert!(glob.stderr.contains("*.txt: this pattern matches no files"));
    write(dir.path(), "bad.md", "");
    std::fs::write(dir.path().join("bad.md"), b"Valid start \xff\xfe then junk").expect("write");
    let bad = factlint(dir.path(), &["check", "bad.md", "clean.md"], None);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("bad.md: not valid UTF-8 (invalid byte at offset 12)"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stdout.contains("1 file checked"),
        "the other file is still checked"
    );
    let bad_date = factlint(
        dir.path(),
        &["check", "clean.md", "--published", "2024-02-30"],
        None,
    );
    assert_eq!(bad_date.code, 2);
}

#[test]
fn bad_rules_are_all_reported_with_their_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "rules/a.yaml",
        "sources:\n  wire: {title: Wire}\nentities:\n  kh:\n    name: Khalil Haqqani\n    colour: blue\nevents:\n  e:\n    date: 2024-02-30\n    about: [khalil-haqani]\n    facts:\n      killed: {at_least: 5, at_most: 3, source: wirre}\n      fighters: {value: 5, cues: [fighters], patterns: ['(unclosed {count}']}\n      kiled: 3\n",
    );
    write(
        dir.path(),
        "rules/b.yaml",
        "entities:\n  kh:\n    name: Someone Else\n",
    );
    write(dir.path(), "story.md", "Text.\n");
    let run = factlint(dir.path(), &["check", "story.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    for expected in [
        "the rulebook has 8 errors",
        "unknown key `colour` in an entity",
        "`date`: `2024-02-30` is not a date",
        "undefined entity `khalil-haqani`",
        "impossible range: at least 5 but at most 3",
        "undefined source `wirre`",
        "did you mean `wire`?",
        "invalid pattern",
        "unknown fact kind `kiled`",
        "did you mean `killed`?",
        "duplicate entity id `kh`",
        "rules/a.yaml:6:5",
        "rules/b.yaml:2:3",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?} in:\n{}",
            run.stderr
        );
    }
    write(dir.path(), "rules/b.yaml", "entities: [unclosed\n");
    let run = factlint(
        dir.path(),
        &["check", "story.md", "--rules", "rules/b.yaml"],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("YAML syntax error"), "{}", run.stderr);
    assert!(run.stderr.contains("rules/b.yaml:"), "{}", run.stderr);
}

#[test]
fn claims_inventory_in_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_reports(dir.path());
    let run = factlint(dir.path(), &["claims", "a.md", "--format", "json"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let mentions = json["mentions"].as_array().expect("mentions");
    let find = |text: &str| {
        mentions
            .iter()
            .find(|m| m["text"] == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {}", run.stdout))
    };
    let toll = find("two others");
    assert_eq!(toll["kind"], "count");
    assert_eq!(toll["value"], serde_json::json!({"min": 3, "max": 3}));
    assert_eq!(toll["fact"], "kabul-bombing.killed");
    assert_eq!(toll["line"], 5);
    let day = find("Wednesday");
    assert_eq!(day["kind"], "date");
    assert_eq!(
        day["value"],
        serde_json::json!({"from": "2024-12-11", "to": "2024-12-11"})
    );
    assert_eq!(day["fact"], "kabul-bombing.date");
    let month = find("March 2023");
    assert_eq!(
        month["value"],
        serde_json::json!({"from": "2023-03-01", "to": "2023-03-31"})
    );
    // The earlier attack's figure, beside the bombing's own toll and referring back to
    // "the attack", is found but tied to nothing: its date points away.
    let other = mentions
        .iter()
        .find(|m| m["text"] == "two" && m["line"] == 5)
        .unwrap_or_else(|| panic!("no second toll in {}", run.stdout));
    assert_eq!(other["value"], serde_json::json!({"min": 2, "max": 2}));
    assert_eq!(other["fact"], serde_json::Value::Null);
    let balkh = find("along with two others");
    assert_eq!(balkh["fact"], "balkh-killing.killed");
    insta::assert_snapshot!(
        "claims_human",
        factlint(dir.path(), &["claims", "a.md", "b.md"], None).stdout
    );
    // With --why, each mention says why it was tied or left untied.
    let why = factlint(dir.path(), &["claims", "--why", "a.md", "b.md"], None).stdout;
    insta::assert_snapshot!("claims_why", why);
    let json = factlint(
        dir.path(),
        &["claims", "--why", "--format", "json", "a.md"],
        None,
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let mentions = value["mentions"].as_array().expect("mentions");
    assert!(
        mentions
            .iter()
            .all(|m| m["why"].as_str().is_some_and(|w| !w.is_empty())),
        "{}",
        json.stdout
    );
    // Without it, no reasons are given.
    assert!(!run.stdout.contains("\"why\""));
}

#[test]
fn explain_prints_every_class() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = factlint(dir.path(), &["explain", "FL005"], None);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .starts_with("FL005 revised-figure (default severity: warning)")
    );
    for section in [
        "What it means",
        "Why it matters",
        "Example",
        "How to fix it",
    ] {
        assert!(run.stdout.contains(section));
    }
    assert_eq!(factlint(dir.path(), &["explain", "conflict"], None).code, 0);
    let all = factlint(dir.path(), &["explain"], None);
    assert_eq!(
        all.stdout.matches("What it means").count(),
        factlint::findings::Code::ALL.len()
    );
    let unknown = factlint(dir.path(), &["explain", "FL999"], None);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("unknown finding code `FL999`"));
}

#[test]
fn built_in_rulebook_is_used_outside_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "story.md",
        "---\ndate: 2024-12-12\n---\nIn Peshawar, the police lines mosque bombing killed at least 100 people.\n",
    );
    let run = factlint(dir.path(), &["check", "story.md", "--format", "json"], None);
    assert_eq!(run.code, 0, "a revised figure is a warning: {}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["findings"][0]["code"], "FL005");
    assert!(
        json["findings"][0]["rule"]["file"]
            .as_str()
            .expect("rule file")
            .starts_with("<built-in>/rules/")
    );
}

#[test]
fn corpus_run_matches_its_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = factlint(root, &["check", "corpus", "--format", "json"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("corpus_json", run.stdout);
}

/// Correct ages of one person in articles written years apart agree.
#[test]
fn regression_ages_written_years_apart_do_not_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  ana-vell:\n    name: Ana Vell\n    kind: person\n    facts:\n      age: {born: 1970}\n",
    );
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2015-06-01\n---\nAna Vell, 45, said the road would reopen.\n",
    );
    write(
        dir.path(),
        "b.md",
        "---\ndate: 2020-06-01\n---\nAna Vell, 50, said the bridge would reopen.\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "a.md", "b.md", "--format", "short"],
        None,
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    write(
        dir.path(),
        "c.md",
        "---\ndate: 2020-06-01\n---\nAna Vell, 47, said nothing.\n",
    );
    let run = factlint(dir.path(), &["check", "c.md", "--format", "short"], None);
    assert!(run.stdout.contains("error[FL001]"), "{}", run.stdout);
}

/// "The bombing" after a sentence about an older event still means the story's own.
#[test]
fn regression_reference_back_past_a_digression() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  tarvon: {name: Tarvon, kind: place}\nevents:\n  tarvon-market-bombing:\n    date: 2021-03-09\n    about: [tarvon, Dorvan market]\n    facts:\n      killed: 12\n  tarvon-bus-blast:\n    date: 2019-05-01\n    about: [tarvon, bus station]\n    facts:\n      killed: 5\n  kelm-mine-explosion:\n    date: 2017-08-03\n    about: [Kelm mine]\n    facts:\n      killed: 2\n",
    );
    write(
        dir.path(),
        "a.md",
        "---\ntitle: \"12 killed in Tarvon bombing\"\ndate: 2021-03-10\n---\nTARVON, March 10 (Wire) — Twelve people were killed on Tuesday when a bomb exploded at the Dorvan market in Tarvon, police said.\n\nIn 2017, two people were killed in an explosion at the Kelm mine.\n\nThe death toll from the bombing rose to 12, officials said.\n",
    );
    let run = factlint(dir.path(), &["check", "a.md", "--format", "short"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let claims = factlint(dir.path(), &["claims", "a.md"], None);
    assert!(
        claims
            .stdout
            .contains("\"12\" -> tarvon-market-bombing.killed"),
        "{}",
        claims.stdout
    );
}

#[test]
fn init_writes_a_starter_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = factlint(dir.path(), &["init"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rules = std::fs::read_to_string(dir.path().join("rules/story.yaml")).expect("rules");
    assert!(dir.path().join("factlint.yaml").is_file());
    let check = factlint(dir.path(), &["rules", "check"], None);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.contains("1 event(s)"), "{}", check.stdout);
    // The starter's own figures are read: a wrong toll is an error against it.
    write(
        dir.path(),
        "a/story.md",
        "---\ndate: 2025-03-09\n---\nThe Millbrook warehouse fire killed 5 people.\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "a/story.md", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("error[FL001]"), "{}", run.stdout);
    // A second run writes nothing and says why.
    write(dir.path(), "rules/story.yaml", "events: {}\n");
    let again = factlint(dir.path(), &["init"], None);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rules/story.yaml")).unwrap(),
        "events: {}\n"
    );
    assert_ne!(rules, "events: {}\n");
}

#[test]
fn the_rulebook_is_found_upward_from_the_files_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "desk/rules/story.yaml",
        "events:\n  fire-2025:\n    date: 2025-03-07\n    about: [Lark Street fire]\n    facts:\n      killed: 4\n",
    );
    write(
        dir.path(),
        "desk/articles/2025/a.md",
        "---\ndate: 2025-03-09\n---\nThe Lark Street fire killed 6 people.\n",
    );
    // Run from outside the desk, and from inside its articles: the desk's rulebook.
    for (cwd, path) in [
        (dir.path().to_path_buf(), "desk/articles/2025/a.md"),
        (dir.path().join("desk/articles"), "2025/a.md"),
    ] {
        let run = factlint(&cwd, &["check", path, "--format", "short"], None);
        assert_eq!(run.code, 1, "{}: {}", path, run.stderr);
        assert!(run.stdout.contains("error[FL001]"), "{}", run.stdout);
        assert!(!run.stderr.contains("built into"), "{}", run.stderr);
    }
    // Nothing found: the built-in example rulebook, and a note saying so.
    let other = tempfile::tempdir().expect("tempdir");
    write(
        other.path(),
        "a.md",
        "---\ndate: 2025-03-09\n---\nA quiet day.\n",
    );
    let run = factlint(other.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("no rulebook found"), "{}", run.stderr);
}

/// The codes of the findings `check --format short` prints over the corpus with `args`.
fn corpus_codes(args: &[&str]) -> (std::collections::BTreeSet<String>, Run) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec!["check", "corpus", "--rules", "rules", "--format", "short"];
    all.extend_from_slice(args);
    let run = factlint(root, &all, None);
    let codes = run
        .stdout
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .map(str::to_string)
        .collect();
    (codes, run)
}

#[test]
fn select_ignore_and_extend_select_by_code_prefix_and_name() {
    let (all, _) = corpus_codes(&[]);
    assert!(all.len() >= 5, "{all:?}");
    let (codes, _) = corpus_codes(&["--select", "FL007,title"]);
    assert_eq!(codes, ["FL007", "FL008"].map(String::from).into());
    let (codes, _) = corpus_codes(&[
        "--select",
        "fl00",
        "--ignore",
        "FL001",
        "--ignore",
        "weekday-mismatch",
    ]);
    assert!(
        !codes.contains("FL001") && !codes.contains("FL006"),
        "{codes:?}"
    );
    assert_eq!(codes.len(), all.len() - 2, "{codes:?}");
    let (codes, _) = corpus_codes(&["--select", "FL004", "--extend-select", "FL005"]);
    assert_eq!(codes, ["FL004", "FL005"].map(String::from).into());
    let (codes, run) = corpus_codes(&["--select", "FL999"]);
    assert!(codes.is_empty());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`FL999` names no finding class"),
        "{}",
        run.stderr
    );
}

#[test]
fn extend_select_turns_on_a_class_the_configuration_turns_off() {
    let dir = tempfile::tempdir().unwrap();
    two_reports(dir.path());
    write(
        dir.path(),
        "factlint.yaml",
        "severity: {source-conflict: off}\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "--format", "short", "a.md", "b.md"],
        None,
    );
    assert!(!run.stdout.contains("FL002"), "{}", run.stdout);
    let run = factlint(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--extend-select",
            "FL002",
            "a.md",
            "b.md",
        ],
        None,
    );
    assert!(run.stdout.contains("FL002"), "{}", run.stdout);
}

#[test]
fn exit_zero_and_quiet() {
    let (_, run) = corpus_codes(&["--exit-zero"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("error[FL001]"));
    // A file that cannot be read still fails the run.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = factlint(
        root,
        &[
            "check",
            "--rules",
            "rules",
            "--exit-zero",
            "corpus/no-such-file.md",
        ],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    // Quiet: the findings, no summary line, no notes.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani was killed in the bombing on Tuesday.\n",
    );
    let run = factlint(dir.path(), &["check", "a.md"], None);
    assert!(run.stderr.contains("note:"), "{}", run.stderr);
    assert!(run.stdout.contains("1 file checked"), "{}", run.stdout);
    let run = factlint(dir.path(), &["check", "--quiet", "a.md"], None);
    assert!(run.stdout.contains("FL006"), "{}", run.stdout);
    assert!(!run.stdout.contains("file checked"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 1);
}

#[test]
fn front_matter_in_toml_with_any_common_date_and_a_headline_read_as_prose() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/kabul.yaml", RULES);
    // The headline's figure is checked where the file has it; TOML front matter and a
    // date in words are read.
    let article = "+++\ntitle = \"Blast at Ministry of Refugees kills two\"\ndate = 2024-12-13T08:00:00Z\n+++\nKhalil Haqqani was killed on Wednesday.\n";
    write(dir.path(), "a.md", article);
    write(
        dir.path(),
        "b.md",
        "---\ndate: December 13, 2024\n---\nKhalil Haqqani was killed on Tuesday.\n",
    );
    write(
        dir.path(),
        "c.md",
        "---\ndate: the day before\n---\nKhalil Haqqani was killed.\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "--format", "json", "a.md", "b.md", "c.md"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let headline = findings
        .iter()
        .find(|f| f["primary"]["file"] == "a.md")
        .expect("a finding in the headline");
    let (s, e) = (
        headline["primary"]["start"].as_u64().unwrap() as usize,
        headline["primary"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&article[s..e], "two", "{headline}");
    // "on Tuesday" counted back from 13 December 2024, read from "December 13, 2024".
    assert!(
        findings
            .iter()
            .any(|f| f["primary"]["file"] == "b.md" && f["code"] == "FL006"),
        "{}",
        run.stdout
    );
    // A date factlint cannot read is a note, not a failed run.
    assert!(
        run.stderr
            .contains("c.md: front matter `date: the day before` is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_files_show_settings_completions_and_the_manual_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = factlint(
        root,
        &[
            "check",
            "corpus",
            "--rules",
            "rules",
            "--exclude",
            "corpus/wire-*",
            "--show-files",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<&str> = run.stdout.lines().collect();
    assert!(
        files.contains(&"corpus/afghan-deportations.md"),
        "{files:?}"
    );
    assert!(
        !files.iter().any(|f| f.starts_with("corpus/wire-")),
        "{files:?}"
    );
    assert!(files.iter().all(|f| f.ends_with(".md")));
    let run = factlint(
        root,
        &[
            "check",
            "corpus",
            "--rules",
            "rules",
            "--fail-on",
            "warning",
            "--show-settings",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("rulebook: rules/context.yaml, "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("fail_on: warning"), "{}", run.stdout);
    assert!(run.stdout.contains("paths: corpus"), "{}", run.stdout);
    for shell in ["bash", "zsh", "fish"] {
        let run = factlint(root, &["completions", shell], None);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("factlint") && run.stdout.contains("show-files"),
            "{shell}"
        );
    }
    let run = factlint(root, &["manpage"], None);
    assert!(run.stdout.contains(".TH factlint 1"), "{}", run.stdout);
}

/// Runs factlint in `dir` with none of the colour or gate variables set but `vars`.
fn in_env(dir: &std::path::Path, args: &[&str], vars: &[(&str, &str)]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"));
    command.args(args).current_dir(dir);
    for name in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "CI",
        "PRE_COMMIT",
    ] {
        command.env_remove(name);
    }
    for (k, v) in vars {
        command.env(k, v);
    }
    command.output().unwrap()
}

#[test]
fn force_color_colours_output_into_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    two_reports(dir.path());
    let run = |vars: &[(&str, &str)]| {
        String::from_utf8(in_env(dir.path(), &["check", "a.md", "b.md"], vars).stdout).unwrap()
    };
    assert!(!run(&[]).contains('\u{1b}'));
    assert!(run(&[("FORCE_COLOR", "1")]).contains('\u{1b}'));
    assert!(run(&[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(!run(&[("FORCE_COLOR", "0")]).contains('\u{1b}'));
    assert!(!run(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
}

#[test]
fn a_directory_walk_leaves_out_what_gitignore_lists_inside_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    let article = "---\ndate: 2024-12-13\n---\nKhalil Haqqani was killed.\n";
    for name in [
        "news/a.md",
        "news/b.draft.md",
        "news/keep.draft.md",
        "_site/index.md",
    ] {
        write(dir.path(), name, article);
    }
    write(
        dir.path(),
        ".gitignore",
        "_site/\n*.draft.md\n!keep.draft.md\n",
    );
    let listed = |args: &[&str]| {
        let mut all = vec!["check", "--show-files"];
        all.extend_from_slice(args);
        let run = factlint(dir.path(), &all, None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.lines().map(str::to_string).collect::<Vec<_>>()
    };
    // Outside a repository, .gitignore is not read (as git does not).
    assert_eq!(listed(&["."]).len(), 4);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    assert_eq!(listed(&["."]), ["./news/a.md", "./news/keep.draft.md"]);
    // A parent's .gitignore counts when walking a folder below it.
    assert_eq!(listed(&["news"]), ["news/a.md", "news/keep.draft.md"]);
    assert_eq!(listed(&["--no-ignore", "."]).len(), 4);
    // A file named is read whatever .gitignore says.
    assert_eq!(listed(&["_site/index.md"]), ["_site/index.md"]);
}

#[test]
fn per_file_ignores_leave_classes_out_of_the_files_a_glob_matches() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/kabul.yaml", RULES);
    let article =
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani was killed in the bombing on Tuesday.\n";
    write(dir.path(), "news/a.md", article);
    write(dir.path(), "drafts/a.md", article);
    write(
        dir.path(),
        "factlint.yaml",
        "per_file_ignores:\n  \"drafts/**\": [weekday-mismatch]\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "--format", "short", "news", "drafts"],
        None,
    );
    assert!(
        run.stdout.contains("news/a.md") && run.stdout.contains("FL006"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("drafts/a.md"), "{}", run.stdout);
    write(
        dir.path(),
        "factlint.yaml",
        "per_file_ignores:\n  \"drafts/**\": [FL999]\n",
    );
    let run = factlint(dir.path(), &["check", "news"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`FL999` names no finding class"),
        "{}",
        run.stderr
    );
}

#[test]
fn color_applies_to_rulebook_and_configuration_errors_too() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  x:\n    name: X\n    kind: persn\n",
    );
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-12-13\n---\nX was there.\n",
    );
    let stderr = |args: &[&str], vars: &[(&str, &str)]| {
        let out = in_env(dir.path(), args, vars);
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    for args in [&["rules", "check"][..], &["check", "a.md"]] {
        let plain = stderr(args, &[]);
        assert!(plain.contains("unknown entity kind"), "{plain}");
        assert!(!plain.contains('\u{1b}'), "{plain}");
        // `--color` goes before or after the subcommand.
        let mut always = args.to_vec();
        always.extend(["--color", "always"]);
        assert!(stderr(&always, &[("NO_COLOR", "1")]).contains('\u{1b}'));
        let mut first = vec!["--color", "always"];
        first.extend(args);
        assert!(stderr(&first, &[]).contains('\u{1b}'));
        assert!(stderr(args, &[("FORCE_COLOR", "1")]).contains('\u{1b}'));
        let mut never = args.to_vec();
        never.extend(["--color", "never"]);
        assert!(!stderr(&never, &[("FORCE_COLOR", "1")]).contains('\u{1b}'));
    }
    // A broken configuration as well.
    write(dir.path(), "factlint.yaml", "fail_on: sometimes\n");
    std::fs::remove_dir_all(dir.path().join("rules")).unwrap();
    let coloured = stderr(&["check", "a.md", "--color", "always"], &[]);
    assert!(coloured.contains('\u{1b}'), "{coloured}");
}

#[test]
fn tolerance_sets_how_far_about_reaches() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules/r.yaml",
        "events:\n  fire:\n    summary: Lark Street fire\n    date: 2025-03-07\n    about: [Lark Street]\n    facts:\n      killed: 44\n",
    );
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-03-08\n---\nThe Lark Street fire killed about 40 people.\n",
    );
    let run = factlint(dir.path(), &["check", "a.md", "--format", "short"], None);
    assert_eq!(
        run.code, 0,
        "10% by default: about 40 reaches 44: {}",
        run.stdout
    );
    let run = factlint(
        dir.path(),
        &["check", "a.md", "--format", "short", "--tolerance", "0.05"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("says 38 to 42"), "{}", run.stdout);
    let run = factlint(dir.path(), &["check", "a.md", "--tolerance", "2"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a fraction between 0 and 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_gate_never_falls_back_on_the_built_in_rulebook() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2024-12-12\n---\nKhalil Haqqani and two others were killed.\n",
    );
    let run = |vars: &[(&str, &str)]| {
        let mut all = vec![("NO_COLOR", "1")];
        all.extend(vars);
        let out = in_env(dir.path(), &["check", "a.md"], &all);
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, stderr) = run(&[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("using the example rulebook built into factlint"),
        "{stderr}"
    );
    for gate in [("CI", "true"), ("PRE_COMMIT", "1")] {
        let (code, stderr) = run(&[gate]);
        assert_eq!(code, Some(2), "{gate:?}: {stderr}");
        assert!(stderr.contains("no rulebook found"), "{stderr}");
        assert!(stderr.contains("--rules"), "{stderr}");
    }
    let (code, _) = run(&[("CI", "false")]);
    assert_eq!(code, Some(0));
    // A rulebook found or named is used in a gate as anywhere.
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  x: {name: Khalil Haqqani, kind: person}\n",
    );
    let (code, stderr) = run(&[("CI", "true")]);
    assert_eq!(code, Some(0), "{stderr}");
}

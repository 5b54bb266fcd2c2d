//! The `factlint` binary, run as a user runs it: exit codes, standard input, bad rules,
//! output formats. Rendered output is compared with insta snapshots. Cases that are only
//! arguments, files and the output expected are data in `tests/cmd/` (run by
//! `tests/cli_cases.rs`); these check more than the output, or need the corpus, a
//! repository or the environment set.

use std::path::Path;

mod common;
use common::{Run, factlint, fixture, write};

/// Two reports of one bombing that disagree, and a paragraph with an earlier attack: the
/// folder of `tests/cmd/two-reports.in`.
fn two_reports(dir: &Path) {
    fixture("two-reports.in", dir);
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

/// `explain` with no code prints every class; one class, by code or name, and an
/// unknown code are cases in `tests/cmd/explain-*.toml`.
#[test]
fn explain_without_a_code_prints_every_class() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all = factlint(dir.path(), &["explain"], None);
    assert_eq!(all.code, 0);
    assert_eq!(
        all.stdout.matches("What it means").count(),
        factlint::findings::Code::ALL.len()
    );
}

#[test]
fn corpus_run_matches_its_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = factlint(root, &["check", "corpus", "--format", "json"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("corpus_json", run.stdout);
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
fn front_matter_in_toml_with_any_common_date_and_a_headline_read_as_prose() {
    let dir = tempfile::tempdir().unwrap();
    fixture("two-reports.in/rules", &dir.path().join("rules"));
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

//! A catalogue of bad input: each case runs the binary and checks its message and exit
//! code. factlint must never panic, never hang, and always say what it did not check.

mod common;
use common::{Run, factlint, write};

const RULES: &str = "events:\n  kabul:\n    date: 2024-12-11\n    about: [Ministry of Refugees]\n    facts:\n      killed: {at_least: 3}\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/r.yaml", RULES.as_bytes());
    dir
}

/// A line that conflicts with the rulebook, to show a file was really read.
const CONFLICT: &str = "The blast at the Ministry of Refugees killed two people.";

fn findings(run: &Run) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    json["findings"].as_array().expect("findings").clone()
}

#[test]
fn invalid_utf8_is_refused_with_its_offset_or_read_lossily() {
    let dir = project();
    let mut bytes = b"Valid prose.\n".to_vec();
    bytes.extend([0xC3, 0x28]);
    bytes.extend(format!("\n{CONFLICT}\n").as_bytes());
    write(dir.path(), "bad.md", &bytes);
    let run = factlint(dir.path(), &["check", "bad.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("bad.md: not valid UTF-8 (invalid byte at offset 13)"),
        "{}",
        run.stderr
    );
    let run = factlint(
        dir.path(),
        &["check", "bad.md", "--lossy-utf8", "--format", "json"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bad.md: 1 invalid UTF-8 byte(s) read as `?`"),
        "{}",
        run.stderr
    );
    let f = &findings(&run)[0];
    let start = f["primary"]["start"].as_u64().expect("start") as usize;
    assert_eq!(
        &bytes[start..start + 3],
        b"two",
        "offsets index the original bytes"
    );
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = project();
    write(
        dir.path(),
        "news/photo.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR two people killed",
    );
    write(dir.path(), "news/story.md", CONFLICT.as_bytes());
    let run = factlint(dir.path(), &["check", "news", "--format", "json"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("news/photo.md: skipped: a binary file"),
        "{}",
        run.stderr
    );
    let found = findings(&run);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["primary"]["file"], "news/story.md");
}

#[test]
fn empty_files_front_matter_only_and_bom() {
    let dir = project();
    write(dir.path(), "empty.md", b"");
    write(dir.path(), "empty.txt", b"");
    write(
        dir.path(),
        "front.md",
        b"---\ntitle: Only front matter\ndate: 2024-12-12\n---\n",
    );
    write(dir.path(), "unclosed.md", b"---\ntitle: never closed\n");
    let run = factlint(
        dir.path(),
        &[
            "check",
            "empty.md",
            "empty.txt",
            "front.md",
            "unclosed.md",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(findings(&run).len(), 0);
    let mut bom = "\u{feff}---\ndate: 2024-12-12\n---\n".as_bytes().to_vec();
    bom.extend(CONFLICT.as_bytes());
    write(dir.path(), "bom.md", &bom);
    let run = factlint(dir.path(), &["check", "bom.md", "--format", "json"], None);
    let f = &findings(&run)[0];
    assert_eq!(f["primary"]["line"], 4);
    assert_eq!(f["primary"]["column"], 46);
}

#[test]
fn crlf_and_lone_cr_keep_lines_and_columns_right() {
    let dir = project();
    for (name, eol) in [("crlf.txt", "\r\n"), ("cr.txt", "\r"), ("lf.txt", "\n")] {
        let text = format!("First line.{eol}{eol}Second paragraph.{eol}{CONFLICT}{eol}");
        write(dir.path(), name, text.as_bytes());
        let run = factlint(dir.path(), &["check", name, "--format", "json"], None);
        let f = &findings(&run)[0];
        assert_eq!(
            (
                f["primary"]["line"].as_u64(),
                f["primary"]["column"].as_u64()
            ),
            (Some(4), Some(46)),
            "{name}"
        );
        let human = factlint(dir.path(), &["check", name], None);
        assert!(
            human.stdout.contains(&format!("{name}:4:46")),
            "{name}: {}",
            human.stdout
        );
        let short = factlint(dir.path(), &["check", name, "--format", "short"], None);
        assert!(
            short.stdout.starts_with(&format!("{name}:4:46:")),
            "{name}: {}",
            short.stdout
        );
    }
}

#[test]
fn a_100_mb_single_line_file() {
    let dir = project();
    let filler = "Officials met again and talked for hours about roads and the budget ";
    let mut text = String::with_capacity(100 * 1024 * 1024 + CONFLICT.len());
    while text.len() < 100 * 1024 * 1024 {
        text.push_str(filler);
    }
    text.push_str(CONFLICT);
    write(dir.path(), "huge.txt", text.as_bytes());
    drop(text);
    let run = factlint(
        dir.path(),
        &["check", "huge.txt", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with("huge.txt:1:"), "{}", run.stdout);
    assert!(run.stdout.contains("error[FL001]"));
}

#[test]
fn a_directory_of_20000_small_files() {
    let dir = project();
    for i in 0..20_000 {
        let text = if i == 12_345 {
            CONFLICT.to_string()
        } else {
            format!("Article {i} says nothing checkable.")
        };
        write(
            dir.path(),
            &format!("many/{:02}/{i:05}.md", i % 100),
            text.as_bytes(),
        );
    }
    let run = factlint(dir.path(), &["check", "many", "--format", "json"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["summary"]["files"], 20_000);
    assert_eq!(json["findings"][0]["primary"]["file"], "many/45/12345.md");
}

#[test]
fn unreadable_files_and_broken_links_are_named_and_the_rest_checked() {
    let dir = project();
    write(dir.path(), "news/good.md", CONFLICT.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.md"),
        dir.path().join("news/broken.md"),
    )
    .expect("symlink");
    write(dir.path(), "news/locked.md", CONFLICT.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("news/locked.md");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    // Whoever can still read a file with no permissions (root) cannot test that part.
    let readable_anyway = std::fs::read(dir.path().join("news/locked.md")).is_ok();
    let run = factlint(
        dir.path(),
        &[
            "check",
            "news/good.md",
            "news/broken.md",
            "news/locked.md",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("news/broken.md: no such file (or a broken link)"),
        "{}",
        run.stderr
    );
    if !readable_anyway {
        assert!(
            run.stderr.contains("news/locked.md: permission denied"),
            "{}",
            run.stderr
        );
    }
    let found = findings(&run);
    assert!(
        found.iter().any(|f| f["primary"]["file"] == "news/good.md"),
        "the readable file is still checked"
    );
}

#[test]
fn missing_paths_and_empty_globs() {
    let dir = project();
    let run = factlint(dir.path(), &["check", "missing.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.md: no such file or directory"));
    let run = factlint(dir.path(), &["check", "drafts/**/*.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("drafts/**/*.md: this pattern matches no files")
    );
    let run = factlint(dir.path(), &["check", "[unclosed"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[unclosed"), "{}", run.stderr);
    std::fs::create_dir(dir.path().join("nothing")).expect("mkdir");
    let run = factlint(dir.path(), &["check", "nothing"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("nothing: no files to read in this directory")
    );
}

fn rule_errors(rules: &str) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/r.yaml", rules.as_bytes());
    write(dir.path(), "a.md", CONFLICT.as_bytes());
    let run = factlint(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.is_empty(),
        "nothing is checked with a broken rulebook"
    );
    run
}

#[test]
fn bad_rules_are_located_errors() {
    let run = rule_errors("events:\n  kabul:\n    date: [2024]\n    facts: seven\n");
    assert!(
        run.stderr.contains("`date` must be a date, found a list"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`facts` must be a mapping, found text"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("rules/r.yaml:4:12"), "{}", run.stderr);

    let run = rule_errors("entities:\n  a: {name: A}\n  a: {name: B}\n");
    assert!(
        run.stderr.contains("duplicate entry with key"),
        "{}",
        run.stderr
    );

    // The billion-laughs shape: aliases that expand exponentially.
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let run = rule_errors(&bomb);
    assert!(
        run.stderr.contains("aliases expand to more than"),
        "{}",
        run.stderr
    );

    let deep = format!("sources: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let run = rule_errors(&deep);
    assert!(
        run.stderr.contains("nested deeper than 64 levels"),
        "{}",
        run.stderr
    );

    let huge_pattern = r"'(?:\w{1,500}){1,500} {count}'";
    let run = rule_errors(&format!(
        "events:\n  e:\n    about: [X]\n    facts:\n      m: {{value: 1, cues: [m], patterns: [{huge_pattern}]}}\n"
    ));
    assert!(run.stderr.contains("exceeds size limit"), "{}", run.stderr);

    let run = rule_errors(
        "events:\n  e:\n    about: [X]\n    facts:\n      m: {value: 1, cues: [m], patterns: ['(?:{count})?']}\n",
    );
    assert!(
        run.stderr.contains("this pattern matches empty text"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_ids_across_files_apply_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/a.yaml", RULES.as_bytes());
    write(dir.path(), "rules/b.yaml", RULES.as_bytes());
    write(dir.path(), "a.md", CONFLICT.as_bytes());
    let run = factlint(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("duplicate event id `kabul`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("first defined at rules/a.yaml:2"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn rulebook_file_that_is_not_utf8_or_not_yaml() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/a.yaml", b"events: \xff\xfe\n");
    write(dir.path(), "a.md", CONFLICT.as_bytes());
    let run = factlint(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("rules/a.yaml: not valid UTF-8 (invalid byte at offset 8)"),
        "{}",
        run.stderr
    );
    write(dir.path(), "rules/a.yaml", b"events:\n  - [unclosed\n");
    let run = factlint(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("YAML syntax error"), "{}", run.stderr);
}

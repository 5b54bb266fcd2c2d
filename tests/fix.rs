//! `check --fix` and `check --diff`: the safe fixes (house spellings of names, the
//! accepted forms of titles) made in the files, atomically and nowhere else. Run
//! through the binary as a user runs it.

mod common;

use common::{factlint, write};

const RULES: &str = r#"
entities:
  mira-talbot:
    name: Mira Talbot
    kind: person
    aliases: [Myra Talbot, Mira Talbott, Talbott]
    facts:
      title: {value: Minister of Coastal Affairs, accept: [coastal affairs minister]}
events:
  harbour-fire-2025:
    summary: the Varna harbour fire
    date: 2025-03-08
    about: [harbour fire]
"#;

const ARTICLE: &str = "---\ndate: 2025-03-10\n---\n\
Minister of Costal Affairs Mira Talbot visited the harbour fire site on Sunday.\n\n\
Myra Talbot said the quay would reopen. Later, Myra Talbot met the crews.\n\n\
Meera Talbot, the minister, thanked them; Talbott left at noon.\n";

fn fixture(article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/story.yaml", RULES);
    write(dir.path(), "a.md", article);
    dir
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).unwrap()
}

#[test]
fn fix_makes_each_safe_fix_and_nothing_else() {
    let dir = fixture(ARTICLE);
    let run = factlint(
        dir.path(),
        &[
            "check", "--rules", "rules", "--format", "short", "--fix", "a.md",
        ],
        None,
    );
    assert!(run.code <= 1, "{}", run.stderr);
    let fixed = read(&dir, "a.md");
    let want = ARTICLE
        .replace("Costal", "Coastal")
        .replace("Myra Talbot", "Mira Talbot")
        .replace("Meera Talbot", "Mira Talbot");
    // "Talbott" alone is an alias of one word for a name of two: no fix is offered.
    assert_eq!(fixed, want);
    assert!(
        run.stderr.contains("fixed 4 places in 1 file"),
        "{}",
        run.stderr
    );
    // What remains is reported: the one-word alias, which has no fix.
    assert!(run.stdout.contains("\"Talbott\""), "{}", run.stdout);
    assert!(!run.stdout.contains("FL009"), "{}", run.stdout);
    assert!(!run.stdout.contains("FL008"), "{}", run.stdout);
    // A second run has nothing left to fix.
    let again = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--diff", "a.md"],
        None,
    );
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    assert_eq!(again.stdout, "");
    assert_eq!(read(&dir, "a.md"), want);
}

#[test]
fn diff_prints_the_fixes_and_leaves_the_file() {
    let dir = fixture(ARTICLE);
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--diff", "a.md"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(read(&dir, "a.md"), ARTICLE);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn fixes_are_part_of_each_finding_in_json() {
    let dir = fixture(ARTICLE);
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "a.md"],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut seen = 0;
    for finding in json["findings"].as_array().unwrap() {
        for fix in finding["fixes"].as_array().into_iter().flatten() {
            let (start, end) = (
                fix["start"].as_u64().unwrap() as usize,
                fix["end"].as_u64().unwrap() as usize,
            );
            let replaced = &ARTICLE[start..end];
            let replacement = fix["replacement"].as_str().unwrap();
            assert!(
                ["Costal", "Myra Talbot", "Meera Talbot"].contains(&replaced),
                "{replaced}"
            );
            assert!(["Coastal", "Mira Talbot"].contains(&replacement));
            seen += 1;
        }
    }
    assert_eq!(seen, 4, "{}", run.stdout);
}

#[test]
fn a_suppressed_finding_is_not_fixed() {
    let article = ARTICLE.replace(
        "Meera Talbot, the minister",
        "<!-- factlint-disable-next-line FL009 -->\nMeera Talbot, the minister",
    );
    let dir = fixture(&article);
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--fix", "a.md"],
        None,
    );
    assert!(run.code <= 1, "{}", run.stderr);
    let fixed = read(&dir, "a.md");
    assert!(fixed.contains("Meera Talbot, the minister"), "{fixed}");
    assert!(!fixed.contains("Myra"), "{fixed}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_and_standard_input_are_never_written() {
    let dir = fixture(ARTICLE);
    std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("link.md")).unwrap();
    let run = factlint(
        dir.path(),
        &["check", "--rules", "rules", "--fix", "link.md"],
        None,
    );
    assert!(
        run.stderr.contains("a symbolic link; not fixed"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&dir, "a.md"), ARTICLE);
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let run = factlint(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--fix",
            "--stdin-filename",
            "s.md",
            "-",
        ],
        Some(ARTICLE.as_bytes()),
    );
    assert!(run.stderr.contains("not fixed"), "{}", run.stderr);
    assert!(!dir.path().join("s.md").exists());
}

#[test]
fn fix_on_the_corpus_leaves_no_spelling_or_title_finding() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root.join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let rules = root.join("rules");
    let rules = rules.to_str().unwrap();
    let codes = |args: &[&str]| {
        let mut all = vec!["check", "--rules", rules, "--format", "short"];
        all.extend_from_slice(args);
        all.push(".");
        let run = factlint(dir.path(), &all, None);
        let n = run
            .stdout
            .lines()
            .filter(|l| l.contains("[FL007]") || l.contains("[FL008]") || l.contains("[FL009]"))
            .count();
        (n, run)
    };
    let (before, _) = codes(&[]);
    assert!(before >= 8, "{before}");
    let (_, run) = codes(&["--fix"]);
    assert!(run.stderr.contains("fixed "), "{}", run.stderr);
    let (after, run) = codes(&[]);
    assert_eq!(after, 0, "{}", run.stdout);
    // A post no longer held at a sentence's start takes "Former".
    let brief = read_path(&dir.path().join("brief-queen-second-anniversary.md"));
    assert!(
        brief.contains("well-wishers. Former Prime Minister Liz Truss"),
        "{brief}"
    );
}

fn read_path(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

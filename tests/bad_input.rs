//! A catalogue of bad input: each case runs the binary and checks its message and exit
//! code. factlint must never panic, never hang, and always say what it did not check.
//! Cases that are only arguments, files and the output expected are data in `tests/cmd/`
//! (run by `tests/cli_cases.rs`); these need inputs made at run time, limits on CPU and
//! memory, or checks on the output beyond comparing it.

mod common;
use common::{Run, factlint, factlint_bounded, write};
use std::process::Command;

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

/// Refused without `--lossy-utf8` (tests/cmd/invalid-utf8.toml); with it, read on.
#[test]
fn invalid_utf8_read_lossily_keeps_offsets_into_the_original_bytes() {
    let dir = project();
    let mut bytes = b"Valid prose.\n".to_vec();
    bytes.extend([0xC3, 0x28]);
    bytes.extend(format!("\n{CONFLICT}\n").as_bytes());
    write(dir.path(), "bad.md", &bytes);
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

// Hostile input, class by class. Inputs are generated here; each run is bounded by CPU
// time and address space that the operating system enforces (see `factlint_bounded`).

/// CPU seconds and MiB of address space for one hostile run.
const CPU: u32 = 20;
const MEMORY: u32 = 1024;

fn bounded(dir: &std::path::Path, args: &[&str]) -> Run {
    factlint_bounded(dir, args, CPU, MEMORY)
}

#[test]
fn an_empty_yaml_key_does_not_hang() {
    let dir = project();
    write(
        dir.path(),
        "a.md",
        format!("---\n\"\": x\ndate: 2024-12-12\n---\n{CONFLICT}\n"),
    );
    let run = bounded(dir.path(), &["check", "a.md", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run).len(), 1);
    write(dir.path(), "rules/r.yaml", format!("\"\": x\n{RULES}"));
    let run = bounded(dir.path(), &["rules", "check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    write(dir.path(), "rules/r.yaml", RULES);
    write(dir.path(), "factlint.yaml", "\"\": x\n");
    let run = bounded(dir.path(), &["check", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn yaml_nesting_and_alias_bombs_are_refused_before_parsing() {
    let dir = project();
    let deep = format!("---\nx: {}\n---\nProse.\n", "[".repeat(100_000));
    write(dir.path(), "deep.md", deep);
    let run = bounded(dir.path(), &["check", "deep.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("nested deeper than 64 levels"),
        "{}",
        run.stderr
    );
    let compact = format!("---\nx: {}1\n---\nProse.\n", "- ".repeat(100_000));
    write(dir.path(), "compact.md", compact);
    let run = bounded(dir.path(), &["check", "compact.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // One 1 MiB anchor used 4,000 times: 4 GiB once expanded.
    let big = "a".repeat(1 << 20);
    let uses = vec!["*A"; 4000].join(", ");
    write(
        dir.path(),
        "bomb.md",
        format!("---\nbig: &A \"{big}\"\nlist: [{uses}]\n---\nProse.\n"),
    );
    let run = bounded(dir.path(), &["check", "bomb.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("aliases expand to more than"),
        "{}",
        run.stderr
    );
    // Aliases a rulebook may well use still load.
    write(
        dir.path(),
        "rules/r.yaml",
        format!("{RULES}sources:\n  wire: &wire {{title: Wire report}}\n"),
    );
    let run = bounded(dir.path(), &["rules", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn special_files_and_link_loops_in_a_walk() {
    let dir = project();
    write(dir.path(), "articles/a.md", format!("{CONFLICT}\n"));
    let fifo = dir.path().join("articles/pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    std::os::unix::fs::symlink("..", dir.path().join("articles/up")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("articles/here")).unwrap();
    let run = bounded(dir.path(), &["check", "articles", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        findings(&run).len(),
        1,
        "each file once, through every link"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            run.stderr.contains("pipe.md: skipped: a named pipe"),
            "{}",
            run.stderr
        );
        let run = bounded(dir.path(), &["check", "articles/pipe.md"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("a named pipe, not a regular file"),
            "{}",
            run.stderr
        );
    }
    // A device named on the command line is refused, never read to exhaustion.
    let run = bounded(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("a device, not a regular file"),
        "{}",
        run.stderr
    );
    // The same directory named twice is read once.
    let run = bounded(
        dir.path(),
        &["check", "articles", "./articles", "--format", "json"],
    );
    assert_eq!(findings(&run).len(), 1, "{}", run.stderr);
}

#[test]
fn many_threads_are_capped() {
    let dir = project();
    write(dir.path(), "a.md", format!("{CONFLICT}\n"));
    let run = bounded(dir.path(), &["check", "a.md", "--threads", "100000000"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("CPUs here; using"), "{}", run.stderr);
}

#[test]
fn thousands_of_differing_figures_make_one_finding_per_fact() {
    let dir = project();
    let figures = |from: u64| {
        (from..from + 2500)
            .map(|n| format!("At the Ministry of Refugees, {n} people were killed.\n\n"))
            .collect::<String>()
    };
    write(dir.path(), "a.md", figures(3));
    write(dir.path(), "b.md", figures(100_000));
    let run = bounded(dir.path(), &["check", "a.md", "b.md", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let conflicts = findings(&run)
        .iter()
        .filter(|f| f["code"] == "FL002")
        .count();
    assert_eq!(conflicts, 1);
}

#[test]
fn output_never_replaces_an_input_or_a_special_file() {
    let dir = project();
    let article = format!("{CONFLICT}\n");
    write(dir.path(), "a.md", &article);
    for target in ["a.md", "./a.md"] {
        let run = bounded(dir.path(), &["check", "a.md", "-o", target]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("one of the files read"),
            "{}",
            run.stderr
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
            article
        );
    }
    let run = bounded(dir.path(), &["check", ".", "-o", "rules/r.yaml"]);
    assert_eq!(
        run.code, 2,
        "a file under a directory checked: {}",
        run.stderr
    );
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let run = bounded(dir.path(), &["check", "a.md", "-o", "out"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    // A report written leaves no temporary file behind.
    let run = bounded(dir.path(), &["check", "a.md", "-o", "out/report.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("report.txt")]);
    // Nor may reconcile write over the claims it reads.
    let claims = factlint(dir.path(), &["claims", "a.md", "--format", "jsonl"], None);
    write(dir.path(), "c.jsonl", claims.stdout);
    let run = bounded(dir.path(), &["reconcile", "c.jsonl", "-o", "c.jsonl"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_closed_standard_error_is_no_panic() {
    let dir = project();
    write(dir.path(), "a.md", format!("{CONFLICT}\n"));
    // Standard error a pipe whose reader has gone before factlint writes its notes;
    // the exit code is kept in a file.
    let status = Command::new("sh")
        .arg("-c")
        .arg("(sleep 0.2; \"$0\" check a.md missing.md; echo $? > status) 2>&1 >/dev/null | true")
        .arg(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let code = std::fs::read_to_string(dir.path().join("status")).unwrap();
    assert_eq!(
        code.trim(),
        "2",
        "the exit code of a missing input, not a panic's 101"
    );
}

#[test]
fn reconcile_refuses_lines_with_bad_places() {
    let dir = project();
    write(
        dir.path(),
        "a.md",
        format!("{CONFLICT} <!-- factlint-disable-line FL001 -->\n"),
    );
    let claims = factlint(dir.path(), &["claims", "a.md", "--format", "jsonl"], None);
    let mut line: serde_json::Value = serde_json::from_str(claims.stdout.trim()).unwrap();
    let cases: [(&str, serde_json::Value); 4] = [
        ("/comments/0/end", serde_json::json!(u64::MAX)),
        ("/comments/0/start", serde_json::json!(1_000_000)),
        ("/mentions/0/span/start", serde_json::json!(10_000)),
        ("/mentions/0/entity", serde_json::json!(99)),
    ];
    for (pointer, value) in cases {
        let original = line.pointer(pointer).cloned();
        if let Some(slot) = line.pointer_mut(pointer) {
            *slot = value;
        } else {
            continue;
        }
        write(dir.path(), "c.jsonl", format!("{line}\n"));
        let run = bounded(dir.path(), &["reconcile", "c.jsonl"]);
        assert_eq!(run.code, 2, "{pointer}: {}", run.stderr);
        assert!(run.stderr.contains("c.jsonl:1:"), "{}", run.stderr);
        *line.pointer_mut(pointer).unwrap() = original.unwrap();
    }
}

#[test]
fn huge_numbers_neither_panic_nor_wrap() {
    let dir = project();
    write(
        dir.path(),
        "rules/r.yaml",
        RULES.replace("{at_least: 3}", "3"),
    );
    let mut text = String::new();
    for n in [
        "9223372036854775807",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
    ] {
        for shape in [
            "The blast at the Ministry of Refugees killed more than {n} people.",
            "At the Ministry of Refugees, between {n} and {n} people were killed.",
            "The minister, {n}, was killed on {n} December {n}.",
            "It was the {n}th attack; {n} of the {n} dead were staff.",
        ] {
            text.push_str(&shape.replace("{n}", n));
            text.push_str("\n\n");
        }
    }
    write(dir.path(), "a.md", text);
    let run = bounded(dir.path(), &["check", "a.md", "--format", "json"]);
    // "More than 9223372036854775807" is far above the toll of three: a conflict,
    // never a wrap to "at least 0", which would fit anything.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(findings(&run).iter().any(|f| f["code"] == "FL001"));
}

#[test]
fn rule_errors_far_into_a_line_are_printed_without_drawing_it() {
    let dir = project();
    write(
        dir.path(),
        "rules/r.yaml",
        format!(
            "events:\n  kabul: {{{}date: 2024-13-45}}\n",
            " ".repeat(70_000)
        ),
    );
    let run = bounded(dir.path(), &["rules", "check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("r.yaml:2:70017"), "{}", run.stderr);
}

#[test]
fn quadratic_shapes_run_in_linear_time() {
    let dir = project();
    // Many skipped elements in one page.
    let page: String = (0..60_000)
        .map(|i| format!("<p>Para {i} with <code>x{i}</code> text.</p>"))
        .collect();
    write(
        dir.path(),
        "page.html",
        format!("<html><body>{page}</body></html>"),
    );
    let run = factlint_bounded(dir.path(), &["check", "page.html"], 5, MEMORY);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Agreeing sentences by the hundred thousand.
    let agree = "At the Ministry of Refugees, Haqqani and two others were killed. ".repeat(200_000);
    write(dir.path(), "agree.md", agree);
    let run = factlint_bounded(dir.path(), &["check", "agree.md"], 10, MEMORY);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Thousands of figures on one event, with their own cues.
    let mut rules = String::from(RULES);
    for i in 0..2000 {
        rules.push_str(&format!(
            "      widget{i}: {{value: {i}, cues: [widget{i}]}}\n"
        ));
    }
    write(dir.path(), "rules/r.yaml", rules);
    let run = factlint_bounded(dir.path(), &["rules", "check"], 10, MEMORY);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn encodings_exclusions_and_control_characters_are_never_silent() {
    let dir = project();
    let utf16: Vec<u8> = "\u{feff}The blast killed two people.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(dir.path(), "wide.md", utf16);
    let run = bounded(dir.path(), &["check", "wide.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("UTF-16 text"), "{}", run.stderr);
    write(
        dir.path(),
        "a.md",
        format!("{CONFLICT} \u{1b}[2J\u{202e}\n"),
    );
    let run = bounded(dir.path(), &["check", "a.md", "--exclude", "**"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("excluded by `exclude`"),
        "{}",
        run.stderr
    );
    for format in ["human", "short"] {
        let run = bounded(dir.path(), &["check", "a.md", "--format", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(!run.stdout.contains('\u{1b}'), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains('\u{202e}'), "{format}: {}", run.stdout);
    }
    #[cfg(unix)]
    {
        write(dir.path(), "new\nline.md", format!("{CONFLICT}\n"));
        let run = bounded(dir.path(), &["check", "new\nline.md", "--format", "short"]);
        assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
        assert!(run.stdout.starts_with("new\\nline.md:"), "{}", run.stdout);
    }
}

#[test]
fn a_configuration_never_reads_outside_its_project() {
    let dir = project();
    write(dir.path(), "desk/a.md", format!("{CONFLICT}\n"));
    for paths in [
        "rules: [../rules]",
        "include: [\"../*.md\"]",
        "rules: [/etc]",
    ] {
        write(dir.path(), "desk/factlint.yaml", format!("{paths}\n"));
        let run = bounded(&dir.path().join("desk"), &["check", "a.md"]);
        assert_eq!(run.code, 2, "{paths}: {}", run.stderr);
        assert!(
            run.stderr.contains("outside this configuration's"),
            "{}",
            run.stderr
        );
    }
    // Named on the command line, the same rulebook is used.
    write(dir.path(), "desk/factlint.yaml", "fail_on: error\n");
    let run = bounded(
        &dir.path().join("desk"),
        &["check", "a.md", "--rules", "../rules"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn invisible_and_decomposed_characters_neither_hide_a_name_nor_split_a_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The rulebook spells the name with a composed accent and a no-break space.
    write(
        dir.path(),
        "rules/r.yaml",
        "events:\n  kabul:\n    date: 2024-12-11\n    about: [Ministry of Refugees]\n    \
         facts:\n      killed: 13\nentities:\n  amelie:\n    name: \"Am\u{e9}lie\u{a0}Durand\"\n    \
         kind: person\n    facts:\n      age: {born: 1970-01-01}\n"
            .as_bytes(),
    );
    let article = "---\ndate: 2024-12-12\n---\n\
        The blast at the Ministry of Refugees killed 1\u{200d}2 people.\n\n\
        Ame\u{301}lie Du\u{200b}rand, 40, was among the wounded.\n\n\
        The blast at the Ministry of Refugees injured 13\u{202f}000 people.\n";
    write(dir.path(), "a.md", article);
    let run = bounded(dir.path(), &["check", "a.md", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run);
    let spans: Vec<&str> = found
        .iter()
        .map(|f| {
            let start = f["primary"]["start"].as_u64().expect("start") as usize;
            let end = f["primary"]["end"].as_u64().expect("end") as usize;
            &article[start..end]
        })
        .collect();
    // The toll is read as 12 (not 1), its span the original bytes, joiner included.
    assert!(spans.contains(&"1\u{200d}2"), "{spans:?}\n{}", run.stdout);
    // The name is found, so the age beside it is checked against the record.
    assert!(spans.contains(&"40"), "{spans:?}\n{}", run.stdout);
    let run = bounded(dir.path(), &["claims", "a.md"]);
    // A narrow no-break space between groups of three digits separates thousands.
    assert!(
        run.stdout.contains("count 13,000 [injured]"),
        "{}",
        run.stdout
    );
}

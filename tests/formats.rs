//! Output formats, configuration, suppressions, HTML and the pre-commit hook, through
//! the binary. Cases that are only arguments, files and the output expected are data in
//! `tests/cmd/` (run by `tests/cli_cases.rs`); these check more than the output.

use std::path::Path;

mod common;
use common::{factlint, fixture, write};

/// A project with a conflict, a source conflict, a warning and a weekday error: the
/// folder the `tests/cmd/format-*` cases run in.
fn project(dir: &Path) {
    fixture("formats.in", dir);
}

/// The project's rulebook alone.
fn rules(dir: &Path) {
    fixture("formats.in/rules", &dir.join("rules"));
}

#[test]
fn sarif_has_what_github_code_scanning_requires() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let run = factlint(dir.path(), &["check", "news", "--format", "sarif"], None);
    assert_eq!(run.code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        sarif["$schema"]
            .as_str()
            .expect("schema")
            .contains("sarif-2.1.0")
    );
    let run0 = &sarif["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), factlint::findings::Code::ALL.len());
    for rule in rules {
        for field in ["id", "name"] {
            assert!(
                rule[field].as_str().is_some_and(|s| !s.is_empty()),
                "{rule}"
            );
        }
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                rule[field]["text"].as_str().is_some_and(|s| !s.is_empty()),
                "{rule}"
            );
        }
    }
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    for result in results {
        let rule_id = result["ruleId"].as_str().expect("ruleId");
        assert!(rules.iter().any(|r| r["id"] == rule_id));
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().expect("level")));
        assert!(
            !result["message"]["text"]
                .as_str()
                .expect("message")
                .is_empty()
        );
        let locations = result["locations"].as_array().expect("locations");
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("news/"), "{uri}");
        let region = &physical["region"];
        for field in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[field].as_u64().is_some_and(|n| n >= 1), "{region}");
        }
        assert!(
            result["partialFingerprints"]
                .as_object()
                .is_some_and(|f| !f.is_empty())
        );
    }
    let conflict = results
        .iter()
        .find(|r| r["ruleId"] == "FL002")
        .expect("a source conflict");
    let related = conflict["relatedLocations"].as_array().expect("related");
    assert!(
        related
            .iter()
            .any(|r| r["physicalLocation"]["artifactLocation"]["uri"] == "news/a.md")
    );
    // `%SRCROOT%` is the directory factlint ran in, which differs from run to run.
    let root = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("%SRCROOT%");
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    insta::assert_snapshot!("sarif", run.stdout.replace(root, "file:///[ROOT]/"));
}

/// The project's annotations are a case (tests/cmd/format-github.toml); a file name
/// Windows cannot check out is made here.
#[test]
fn github_annotations_escape_the_file_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    // A path with a comma, a colon and a percent sign, and a message with a colon.
    let odd = "odd, name: 100%.md";
    write(
        dir.path(),
        odd,
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani, 61, was killed.\n",
    );
    let run = factlint(dir.path(), &["check", odd, "--format", "github"], None);
    assert_eq!(
        run.stdout.lines().next().expect("one annotation"),
        "::error file=odd%2C name%3A 100%25.md,line=4,endLine=4,col=17,endColumn=19,title=FL001 conflict::Khalil Haqqani was 58 at death (Wednesday 11 December 2024), but the article says 61"
    );
}

/// `--statistics` and `-o` into a missing directory are cases in `tests/cmd/`.
#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    std::fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    let run = factlint(
        dir.path(),
        &["check", "news", "--format", "json", "-o", "out/report.json"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let written =
        std::fs::read_to_string(dir.path().join("out/report.json")).expect("report written");
    let json: serde_json::Value = serde_json::from_str(&written).expect("valid JSON");
    assert_eq!(json["summary"]["errors"], 3);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn html_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    rules(dir.path());
    let page = "<!doctype html>\n<html><head><title>Minister killed</title><meta name=\"date\" content=\"2024-12-13\"></head>\n<body>\n<p data-toll=\"9 killed\">Khalil Haqqani, <em>61</em>, was killed.</p>\n<script>const dead = \"99 killed\";</script>\n</body></html>\n";
    write(dir.path(), "story.html", page);
    let run = factlint(
        dir.path(),
        &["check", "story.html", "--format", "json"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    let f = &findings[0];
    assert_eq!(f["code"], "FL001");
    let start = f["primary"]["start"].as_u64().expect("start") as usize;
    assert_eq!(
        &page[start..start + 2],
        "61",
        "spans point into the HTML as written"
    );
    assert_eq!(f["primary"]["line"], 4);
}

/// Runs the hook exactly as `.pre-commit-hooks.yaml` states it: its entry, then the
/// staged file names pre-commit would pass.
#[test]
fn pre_commit_hook_entry() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .expect("hook file");
    let hooks = factlint::yaml::parse(&manifest).expect("valid YAML");
    let factlint::yaml::Value::Seq(hooks) = &hooks.value else {
        panic!("a list of hooks")
    };
    let hook = hooks
        .iter()
        .find(|h| {
            h.as_map().is_some_and(|m| {
                m.iter()
                    .any(|e| e.key == "id" && e.value.as_str() == Some("factlint"))
            })
        })
        .expect("a factlint hook");
    let field = |key: &str| {
        hook.as_map()
            .and_then(|m| m.iter().find(|e| e.key == key))
            .map(|e| e.value.clone())
            .unwrap_or_else(|| panic!("hook has {key}"))
    };
    assert_eq!(field("language").as_str(), Some("rust"));
    let factlint::yaml::Value::Seq(types) = field("types_or").value else {
        panic!("types_or is a list")
    };
    let types: Vec<String> = types.iter().filter_map(|t| t.scalar_text()).collect();
    assert!(types.contains(&"markdown".to_string()) && types.contains(&"html".to_string()));
    let entry = field("entry").as_str().expect("entry").to_string();
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("factlint"));
    let args: Vec<&str> = words.collect();

    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let mut with_files = args.clone();
    with_files.extend(["news/a.md", "news/c.md"]);
    let run = factlint(dir.path(), &with_files, None);
    assert_eq!(
        run.code, 1,
        "a staged error blocks the commit: {}",
        run.stderr
    );
    assert!(
        run.stdout.contains("news/c.md:4:17: error[FL001]"),
        "{}",
        run.stdout
    );
    write(
        dir.path(),
        "news/ok.md",
        "---\ndate: 2024-12-12\n---\nKhalil Haqqani was killed on Wednesday.\n",
    );
    let mut clean = args.clone();
    clean.push("news/ok.md");
    assert_eq!(
        factlint(dir.path(), &clean, None).code,
        0,
        "a clean commit passes"
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = factlint(
        root,
        &["check", "corpus", "--format", "json", "--threads", "1"],
        None,
    );
    let many = factlint(
        root,
        &["check", "corpus", "--format", "json", "--threads", "4"],
        None,
    );
    assert_eq!(one.code, many.code);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, many.stdout);
    let claims_one = factlint(
        root,
        &["claims", "corpus", "--format", "json", "--threads", "1"],
        None,
    );
    let claims_many = factlint(
        root,
        &["claims", "corpus", "--format", "json", "--threads", "3"],
        None,
    );
    assert_eq!(claims_one.stdout, claims_many.stdout);
}

/// The map step run file by file, as GNU parallel or an engine's map tasks would, in
/// any order, then the reduce step: the same findings as one `check`.
#[test]
fn map_and_reduce_give_the_findings_of_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| format!("corpus/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".md"))
        .collect();
    files.sort();
    // A scrambled order, as map tasks finish when they finish.
    files.reverse();
    files.rotate_left(7);
    let mut lines = String::new();
    for file in &files {
        let map = factlint(root, &["claims", "--format", "jsonl", file], None);
        assert_eq!(map.code, 0, "{}", map.stderr);
        assert_eq!(map.stdout.lines().count(), 1, "one line per article");
        lines.push_str(&map.stdout);
    }
    for format in ["json", "short", "sarif"] {
        let check = factlint(root, &["check", "corpus", "--format", format], None);
        let reduce = factlint(
            root,
            &["reconcile", "-", "--format", format],
            Some(lines.as_bytes()),
        );
        assert_eq!(check.code, reduce.code, "{format}: {}", reduce.stderr);
        assert_eq!(check.stdout, reduce.stdout, "{format}");
    }
    let bad = factlint(
        root,
        &["reconcile", "-"],
        Some(b"{\"version\":1}\nnot json\n"),
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("<stdin>") || bad.stderr.contains("-:1:"),
        "{}",
        bad.stderr
    );
}

/// What `--format json` says of each finding: (file, line, column, end line, end
/// column, code, severity), the reference the CI formats are checked against.
fn json_findings(dir: &Path, args: &[&str]) -> Vec<(String, u64, u64, u64, u64, String, String)> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = factlint(dir, &all, None);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let p = &f["primary"];
            (
                p["file"].as_str().unwrap_or_default().to_string(),
                p["line"].as_u64().unwrap_or(0),
                p["column"].as_u64().unwrap_or(0),
                p["end_line"].as_u64().unwrap_or(0),
                p["end_column"].as_u64().unwrap_or(0),
                f["code"].as_str().unwrap_or_default().to_string(),
                f["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn gitlab_code_quality_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let expected = json_findings(dir.path(), &["check", "news"]);
    let run = factlint(dir.path(), &["check", "news", "--format", "gitlab"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("a JSON array");
    assert_eq!(issues.len(), expected.len());
    let mut prints = std::collections::HashSet::new();
    for (issue, (file, line, col, end_line, end_col, code, severity)) in
        issues.iter().zip(&expected)
    {
        assert_eq!(issue["check_name"], code.as_str());
        assert_eq!(issue["location"]["path"], file.as_str());
        let positions = &issue["location"]["positions"];
        assert_eq!(positions["begin"]["line"], *line);
        assert_eq!(positions["begin"]["column"], *col);
        assert_eq!(positions["end"]["line"], *end_line);
        assert_eq!(positions["end"]["column"], *end_col);
        let level = match severity.as_str() {
            "error" => "major",
            "warning" => "minor",
            _ => "info",
        };
        assert_eq!(issue["severity"], level);
        assert!(!issue["description"].as_str().unwrap_or_default().is_empty());
        assert!(
            prints.insert(
                issue["fingerprint"]
                    .as_str()
                    .expect("fingerprint")
                    .to_string()
            )
        );
    }
    insta::assert_snapshot!("gitlab", run.stdout);
    // The same words twice in one article are two issues with two fingerprints.
    write(
        dir.path(),
        "twice.md",
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani, 61, was killed.\n\nKhalil Haqqani, 61, was killed.\n",
    );
    let run = factlint(
        dir.path(),
        &["check", "twice.md", "--format", "gitlab"],
        None,
    );
    let issues: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(issues.len(), 2, "{}", run.stdout);
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
}

#[test]
fn junit_report_fails_exactly_where_the_run_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    write(
        dir.path(),
        "news/quiet.md",
        "---\ndate: 2024-12-13\n---\nNothing happened.\n",
    );
    let expected = json_findings(dir.path(), &["check", "news"]);
    for (fail_on, failing) in [
        ("error", vec!["error"]),
        ("warning", vec!["error", "warning"]),
    ] {
        let run = factlint(
            dir.path(),
            &["check", "news", "--format", "junit", "--fail-on", fail_on],
            None,
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let failures = expected
            .iter()
            .filter(|f| failing.contains(&f.6.as_str()))
            .count();
        assert_eq!(
            root.attribute("failures"),
            Some(failures.to_string().as_str())
        );
        let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        // One suite per article, the article without findings among them.
        assert_eq!(suites.len(), 4);
        assert!(
            suites
                .iter()
                .any(|s| s.attribute("name") == Some("news/quiet.md")
                    && s.attribute("failures") == Some("0"))
        );
        let cases: Vec<_> = suites
            .iter()
            .flat_map(|s| s.children().filter(|n| n.has_tag_name("testcase")))
            .filter(|c| c.attribute("name") != Some("no findings"))
            .collect();
        assert_eq!(cases.len(), expected.len());
        for (case, (file, line, col, _, _, code, severity)) in cases.iter().zip(&expected) {
            assert_eq!(case.attribute("classname"), Some(file.as_str()));
            assert_eq!(case.attribute("line"), Some(line.to_string().as_str()));
            assert!(
                case.attribute("name")
                    .unwrap_or_default()
                    .starts_with(code.as_str())
            );
            assert!(
                case.attribute("name")
                    .unwrap_or_default()
                    .ends_with(&format!(" at {line}:{col}"))
            );
            let failure = case.children().find(|n| n.has_tag_name("failure"));
            assert_eq!(
                failure.is_some(),
                failing.contains(&severity.as_str()),
                "{case:?}"
            );
            if let Some(failure) = failure {
                assert_eq!(failure.attribute("type"), Some(severity.as_str()));
            }
        }
        if fail_on == "error" {
            insta::assert_snapshot!("junit", run.stdout);
        }
    }
}

#[test]
fn checkstyle_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let expected = json_findings(dir.path(), &["check", "news"]);
    let run = factlint(
        dir.path(),
        &["check", "news", "--format", "checkstyle"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let mut errors = Vec::new();
    for file in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("file"))
    {
        for e in file.children().filter(|n| n.has_tag_name("error")) {
            errors.push((file.attribute("name").unwrap_or_default().to_string(), e));
        }
    }
    assert_eq!(errors.len(), expected.len());
    for ((file, e), (want_file, line, col, _, _, code, severity)) in errors.iter().zip(&expected) {
        assert_eq!(file, want_file);
        assert_eq!(e.attribute("line"), Some(line.to_string().as_str()));
        assert_eq!(e.attribute("column"), Some(col.to_string().as_str()));
        assert_eq!(
            e.attribute("source"),
            Some(format!("factlint.{code}").as_str())
        );
        let level = if severity == "note" {
            "info"
        } else {
            severity.as_str()
        };
        assert_eq!(e.attribute("severity"), Some(level));
    }
    insta::assert_snapshot!("checkstyle", run.stdout);
}

#[test]
fn rdjson_counts_columns_in_bytes_and_carries_fixes() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    let expected = json_findings(dir.path(), &["check", "news"]);
    let run = factlint(dir.path(), &["check", "news", "--format", "rdjson"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["source"]["name"], "factlint");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), expected.len());
    for (d, (file, line, _, _, _, code, severity)) in diagnostics.iter().zip(&expected) {
        assert_eq!(d["location"]["path"], file.as_str());
        assert_eq!(d["location"]["range"]["start"]["line"], *line);
        assert_eq!(d["code"]["value"], code.as_str());
        assert_eq!(d["severity"], severity.to_uppercase());
    }
    insta::assert_snapshot!("rdjson", run.stdout);
    // On a line with letters of two bytes before the name, columns count bytes, and the
    // house spelling comes as a suggestion over exactly the misspelt words.
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  khalil-haqqani:\n    name: Khalil Haqqani\n    kind: person\n    aliases: [Khalil Haqany]\n",
    );
    let line = "Über die Lage: Khalil Haqany was killed.";
    write(
        dir.path(),
        "umlaut.md",
        format!("---\ndate: 2024-12-13\n---\n{line}\n"),
    );
    let run = factlint(
        dir.path(),
        &["check", "umlaut.md", "--format", "rdjson"],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let d = &report["diagnostics"][0];
    let start = line.find("Khalil Haqany").expect("name") + 1;
    assert_eq!(
        d["location"]["range"]["start"]["column"], start,
        "{}",
        run.stdout
    );
    assert_eq!(
        d["location"]["range"]["end"]["column"],
        start + "Khalil Haqany".len()
    );
    let suggestion = &d["suggestions"][0];
    assert_eq!(suggestion["text"], "Khalil Haqqani", "{}", run.stdout);
    assert_eq!(suggestion["range"]["start"]["column"], start);
}

#[test]
fn xml_reports_hold_any_file_name_and_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    rules(dir.path());
    let odd = "a&b <\"c\"> 'd'.md";
    write(
        dir.path(),
        odd,
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani, 61, was killed.\n",
    );
    for format in ["junit", "checkstyle"] {
        let run = factlint(dir.path(), &["check", odd, "--format", format], None);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
        let named = doc
            .descendants()
            .filter(|n| n.attribute("name") == Some(odd) || n.attribute("classname") == Some(odd))
            .count();
        assert!(named >= 1, "{format}: {}", run.stdout);
    }
}

#[test]
fn files_from_with_nul_separated_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    // Names git would quote or a line-based list would break: a leading space, a line
    // break, letters outside ASCII.
    let names = [" lead.md", "two\nlines.md", "Kābul files.md"];
    for name in names {
        write(
            dir.path(),
            name,
            "---\ndate: 2024-12-13\n---\nKhalil Haqqani, 61, was killed.\n",
        );
    }
    let list: String = names.iter().map(|n| format!("{n}\0")).collect();
    write(dir.path(), "list", &list);
    let run = factlint(
        dir.path(),
        &["check", "--files-from", "list", "-z", "--format", "json"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let mut files: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["primary"]["file"].as_str().unwrap_or_default())
        .collect();
    files.sort_unstable();
    let mut want = names.to_vec();
    want.sort_unstable();
    assert_eq!(files, want);
    // From standard input too, as `git diff --name-only -z | factlint check
    // --files-from - -z` gives it.
    let run = factlint(
        dir.path(),
        &["check", "--files-from", "-", "-z", "--format", "short"],
        Some(list.as_bytes()),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    // Without -z the same list is one unreadable name.
    let run = factlint(dir.path(), &["check", "--files-from", "list"], None);
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn against_an_archive_reports_only_in_the_files_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    project(dir.path());
    // Alone, b.md contradicts nothing but the rulebook; beside the archive it
    // contradicts a.md, and the finding stands in b.md whichever was first published.
    let alone = factlint(
        dir.path(),
        &["check", "news/b.md", "--format", "short"],
        None,
    );
    assert!(!alone.stdout.contains("FL002"), "{}", alone.stdout);
    for (file, other) in [("news/b.md", "news/a.md"), ("news/a.md", "news/b.md")] {
        let run = factlint(
            dir.path(),
            &["check", file, "--against=news", "--format", "json"],
            None,
        );
        let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let findings = report["findings"].as_array().expect("findings");
        assert!(
            findings.iter().all(|f| f["primary"]["file"] == file),
            "{file}: {}",
            run.stdout
        );
        let conflict = findings
            .iter()
            .find(|f| f["code"] == "FL002")
            .unwrap_or_else(|| panic!("{file}: {}", run.stdout));
        assert_eq!(conflict["related"][0]["file"], other);
        assert_eq!(report["summary"]["files"], 1);
    }
    // `--against` alone is the configuration's `include`, else the current directory;
    // a file named twice (as checked and in the archive) is read once.
    let bare = factlint(
        dir.path(),
        &["check", "./news/b.md", "--against", "--format", "short"],
        None,
    );
    assert!(
        bare.stdout.contains("error[FL002]") && bare.stdout.contains("in news/a.md"),
        "{}",
        bare.stdout
    );
    assert!(
        bare.stdout.lines().all(|l| l.starts_with("./news/b.md:")),
        "{}",
        bare.stdout
    );
    // The map-and-reduce form: the archive's claims cached, the new article's claims
    // reconciled against them, with the same findings.
    let archive = factlint(dir.path(), &["claims", "news", "--format", "jsonl"], None);
    write(dir.path(), "archive.jsonl", &archive.stdout);
    let new = factlint(
        dir.path(),
        &["claims", "news/b.md", "--format", "jsonl"],
        None,
    );
    write(dir.path(), "new.jsonl", &new.stdout);
    let reduced = factlint(
        dir.path(),
        &[
            "reconcile",
            "new.jsonl",
            "--against",
            "archive.jsonl",
            "--format",
            "short",
        ],
        None,
    );
    let direct = factlint(
        dir.path(),
        &["check", "news/b.md", "--against=news", "--format", "short"],
        None,
    );
    assert_eq!(reduced.stdout, direct.stdout);
    assert_eq!(reduced.code, direct.code);
    // An article changed since the archive was cached is compared as it is now.
    write(
        dir.path(),
        "news/a.md",
        "---\ndate: 2024-12-12\n---\nAt least five people were killed at the Ministry of Refugees.\n",
    );
    let new = factlint(
        dir.path(),
        &["claims", "news/a.md", "--format", "jsonl"],
        None,
    );
    write(dir.path(), "new.jsonl", &new.stdout);
    let reduced = factlint(
        dir.path(),
        &[
            "reconcile",
            "new.jsonl",
            "--against",
            "archive.jsonl",
            "--format",
            "short",
        ],
        None,
    );
    assert!(!reduced.stdout.contains("FL002"), "{}", reduced.stdout);
}

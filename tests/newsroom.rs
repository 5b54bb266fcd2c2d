//! A newsroom's repository, scripted: git, articles, a rulebook, and a pre-commit
//! configuration that points at this repository's `.pre-commit-hooks.yaml`. Commits go
//! through `git commit`, so the hooks run exactly as pre-commit runs them on a desk.
//!
//! pre-commit comes from PyPI; CI installs it under `target/pre-commit` (a virtual
//! environment). The `-system` hooks are used, with this build's factlint first on the
//! PATH; the `rust` hooks run the same entries after building factlint with cargo.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pre_commit() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let installed = root.join("target/pre-commit/bin/pre-commit");
    if installed.is_file() {
        return Some(installed);
    }
    assert!(
        std::env::var_os("FACTLINT_NEED_PRE_COMMIT").is_none(),
        "FACTLINT_NEED_PRE_COMMIT is set and {} is not installed",
        installed.display()
    );
    eprintln!("pre-commit is not installed; the newsroom repository is not scripted");
    None
}

/// Runs a program in `dir` with an environment of its own: no user or system git
/// configuration, pre-commit's cache inside the test, this build's factlint on the PATH.
fn run(dir: &Path, home: &Path, program: &Path, args: &[&str]) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_factlint"))
        .parent()
        .expect("a directory")
        .to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).expect("PATH"))
        .env("HOME", home)
        .env("PRE_COMMIT_HOME", home.join("pre-commit-cache"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the program runs")
}

fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let out = run(dir, home, Path::new("git"), args);
    assert!(
        out.status.success() || args[0] == "commit",
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn commits(dir: &Path, home: &Path) -> usize {
    let out = run(
        dir,
        home,
        Path::new("git"),
        &["rev-list", "--count", "HEAD"],
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

const RULES: &str = "\
entities:
  khalil-haqqani:
    name: Khalil Haqqani
    kind: person
    aliases: [Khalilur Rehman Haqqani]
events:
  kabul-bombing:
    summary: bombing at the refugees ministry in Kabul
    date: 2024-12-11
    about: [khalil-haqqani, Ministry of Refugees]
    facts:
      killed: {at_least: 3}
";

fn article(dir: &Path, name: &str, body: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, format!("---\ndate: 2024-12-12\n---\n{body}\n")).expect("write");
}

#[test]
fn hooks_guard_a_newsroom_repository() {
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).expect("home");

    // The hooks repository: this repository's hook manifest, committed.
    let hooks = tmp.path().join("hooks");
    std::fs::create_dir_all(&hooks).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
        hooks.join(".pre-commit-hooks.yaml"),
    )
    .expect("copy the manifest");
    git(&hooks, &home, &["init", "-q"]);
    git(&hooks, &home, &["add", "."]);
    git(&hooks, &home, &["commit", "-q", "-m", "hooks"]);
    let rev = String::from_utf8_lossy(&git(&hooks, &home, &["rev-parse", "HEAD"]).stdout)
        .trim()
        .to_string();

    // The newsroom: articles under articles/, the rulebook under rules/.
    let desk = tmp.path().join("desk");
    std::fs::create_dir_all(desk.join("rules")).expect("mkdir");
    git(&desk, &home, &["init", "-q"]);
    std::fs::write(
        desk.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: factlint-system\n      - id: factlint-rules-system\n",
            hooks.display()
        ),
    )
    .expect("write");
    std::fs::write(desk.join("factlint.yaml"), "include: [articles]\n").expect("write");
    std::fs::write(desk.join("rules/story.yaml"), RULES).expect("write");
    std::fs::write(
        desk.join("README.md"),
        "The desk's articles. At least 9 were killed.\n",
    )
    .expect("write");
    article(
        &desk,
        "articles/first.md",
        "Khalil Haqqani and two others were killed at the Ministry of Refugees.",
    );
    let install = run(&desk, &home, &pre_commit, &["install"]);
    assert!(install.status.success(), "{}", text(&install));
    git(&desk, &home, &["add", "."]);
    let first = git(&desk, &home, &["commit", "-m", "first article"]);
    assert!(
        first.status.success(),
        "a clean first commit: {}",
        text(&first)
    );
    assert_eq!(commits(&desk, &home), 1);

    // An article that contradicts the one already committed is caught, though only it
    // is staged; the README, outside `include`, is not compared.
    article(
        &desk,
        "articles/second.md",
        "At least five people were killed at the Ministry of Refugees.",
    );
    git(&desk, &home, &["add", "articles/second.md"]);
    let second = git(&desk, &home, &["commit", "-m", "second article"]);
    let said = text(&second);
    assert!(!second.status.success(), "{said}");
    assert!(
        said.contains("articles/second.md:4:1: error[FL002]")
            && said.contains("in articles/first.md"),
        "{said}"
    );
    assert!(!said.contains("README"), "{said}");
    assert!(
        !said.contains("articles/first.md:4"),
        "only staged files get findings: {said}"
    );
    assert_eq!(commits(&desk, &home), 1);
    git(&desk, &home, &["reset", "-q"]);
    std::fs::remove_file(desk.join("articles/second.md")).expect("rm");

    // A passing commit shows its warnings.
    article(
        &desk,
        "articles/third.md",
        "Khalilur Rehman Haqqani was among those killed at the Ministry of Refugees.",
    );
    git(&desk, &home, &["add", "articles/third.md"]);
    let third = git(&desk, &home, &["commit", "-m", "third article"]);
    let said = text(&third);
    assert!(third.status.success(), "{said}");
    assert!(
        said.contains("articles/third.md:4:1: warning[FL007]"),
        "{said}"
    );
    assert_eq!(commits(&desk, &home), 2);

    // A commit that changes only the rulebook runs the rulebook hook, which fails on a
    // broken rule ...
    std::fs::write(
        desk.join("rules/story.yaml"),
        RULES.replace("kind: person", "kind: persn"),
    )
    .expect("write");
    git(&desk, &home, &["add", "rules/story.yaml"]);
    let broken = git(&desk, &home, &["commit", "-m", "rulebook typo"]);
    let said = text(&broken);
    assert!(!broken.status.success(), "{said}");
    assert!(said.contains("unknown entity kind `persn`"), "{said}");
    assert!(said.contains("factlint rulebook"), "{said}");
    assert_eq!(commits(&desk, &home), 2);

    // ... and on a rule that makes a committed article wrong.
    std::fs::write(
        desk.join("rules/story.yaml"),
        RULES.replace("{at_least: 3}", "{value: 4}"),
    )
    .expect("write");
    git(&desk, &home, &["add", "rules/story.yaml"]);
    let changed = git(&desk, &home, &["commit", "-m", "toll revised"]);
    let said = text(&changed);
    assert!(!changed.status.success(), "{said}");
    assert!(
        said.contains("articles/first.md:4:20: error[FL001]")
            && said.contains("is 4 in the rulebook"),
        "{said}"
    );
    assert_eq!(commits(&desk, &home), 2);

    // A sound rulebook change commits.
    std::fs::write(
        desk.join("rules/story.yaml"),
        RULES.replace("{at_least: 3}", "{value: 3}"),
    )
    .expect("write");
    git(&desk, &home, &["add", "rules/story.yaml"]);
    let sound = git(&desk, &home, &["commit", "-m", "toll confirmed"]);
    assert!(sound.status.success(), "{}", text(&sound));
    assert_eq!(commits(&desk, &home), 3);
}

/// The `run` script of the step called `name` in the shipped GitHub workflow.
fn workflow_step(name: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/github-actions.yml"),
    )
    .expect("the workflow");
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).expect("valid YAML");
    let steps = workflow["jobs"]["factlint"]["steps"]
        .as_sequence()
        .expect("steps");
    steps
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .and_then(|s| s["run"].as_str())
        .unwrap_or_else(|| panic!("a step {name:?} with a script"))
        .to_string()
}

/// Runs a workflow step's script as the runner does (`bash -eo pipefail`), with
/// `$BASE` and `$GITHUB_OUTPUT`; returns its output and whether it succeeded.
fn run_step(dir: &Path, home: &Path, base: &str, name: &str) -> (bool, String) {
    let script = workflow_step(name);
    let output = dir.join("github-output");
    let out = run(
        dir,
        home,
        Path::new("bash"),
        &[
            "--noprofile",
            "--norc",
            "-eo",
            "pipefail",
            "-c",
            &format!(
                "export BASE={base} GITHUB_OUTPUT={}\n{script}",
                output.display()
            ),
        ],
    );
    (out.status.success(), text(&out))
}

fn scope(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("github-output"))
        .unwrap_or_default()
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("scope="))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_shipped_workflow_checks_changed_articles_against_the_archive() {
    for tool in ["git", "bash", "jq"] {
        if Command::new(tool).arg("--version").output().is_err() {
            assert!(
                std::env::var_os("FACTLINT_NEED_PRE_COMMIT").is_none(),
                "{tool} is needed to run the workflow's steps"
            );
            eprintln!("{tool} is not installed; the workflow is not run");
            return;
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home");
    let desk = tmp.path().join("desk");
    std::fs::create_dir_all(&home).expect("home");
    std::fs::create_dir_all(desk.join("rules")).expect("mkdir");
    git(&desk, &home, &["init", "-q", "-b", "main"]);
    std::fs::write(desk.join("factlint.yaml"), "include: [articles]\n").expect("write");
    std::fs::write(desk.join("rules/story.yaml"), RULES).expect("write");
    article(
        &desk,
        "articles/first.md",
        "Khalil Haqqani and two others were killed at the Ministry of Refugees.",
    );
    git(&desk, &home, &["add", "."]);
    git(&desk, &home, &["commit", "-q", "-m", "archive"]);
    let base = String::from_utf8_lossy(&git(&desk, &home, &["rev-parse", "HEAD"]).stdout)
        .trim()
        .to_string();

    // A pull request adds an article, under a name with a space and a letter beyond
    // ASCII, that contradicts the archive.
    git(&desk, &home, &["checkout", "-q", "-b", "new-article"]);
    let name = "articles/second report ü.md";
    article(
        &desk,
        name,
        "At least five people were killed at the Ministry of Refugees.",
    );
    git(&desk, &home, &["add", "."]);
    git(&desk, &home, &["commit", "-q", "-m", "second"]);
    let (ok, said) = run_step(&desk, &home, &base, "What changed");
    assert!(ok, "{said}");
    assert_eq!(scope(&desk), "changed");
    let (ok, said) = run_step(&desk, &home, &base, "Claims of the archive");
    assert!(ok, "{said}");
    let (ok, said) = run_step(
        &desk,
        &home,
        &base,
        "Check the changed articles against the archive",
    );
    assert!(!ok, "the pull request fails: {said}");
    assert!(
        said.contains(&format!("::error file={name},line=4"))
            && said.contains("title=FL002 source-conflict")
            && said.contains("in articles/first.md"),
        "{said}"
    );
    assert!(!said.contains("file=articles/first.md"), "{said}");
    let (ok, said) = run_step(&desk, &home, &base, "SARIF of the changed articles");
    assert!(ok, "{said}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(desk.join("factlint.sarif")).expect("SARIF"))
            .expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "FL002"), "{sarif}");

    // The same article, where the pull request also deletes the one it contradicted:
    // the archive no longer holds it.
    git(&desk, &home, &["rm", "-q", "articles/first.md"]);
    git(&desk, &home, &["commit", "-q", "-m", "retract the first"]);
    let (ok, said) = run_step(&desk, &home, &base, "What changed");
    assert!(ok, "{said}");
    let (ok, said) = run_step(
        &desk,
        &home,
        &base,
        "Check the changed articles against the archive",
    );
    assert!(ok, "{said}");
    assert!(!said.contains("FL002"), "{said}");

    // A pull request that changes only the rulebook checks every article.
    git(&desk, &home, &["checkout", "-q", "main"]);
    git(&desk, &home, &["checkout", "-q", "-b", "revised-toll"]);
    std::fs::write(
        desk.join("rules/story.yaml"),
        RULES.replace("{at_least: 3}", "{value: 4}"),
    )
    .expect("write");
    git(&desk, &home, &["commit", "-q", "-am", "toll"]);
    let (ok, said) = run_step(&desk, &home, &base, "What changed");
    assert!(ok, "{said}");
    assert_eq!(scope(&desk), "all");
    let (ok, said) = run_step(&desk, &home, &base, "Check every article");
    assert!(!ok, "{said}");
    assert!(
        said.contains("::error file=articles/first.md,line=4") && said.contains("FL001"),
        "{said}"
    );
}

#[test]
fn the_release_workflow_builds_every_platform_from_a_tag_of_the_crate_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join(".github/workflows/release.yml"))
        .expect("the release workflow");
    let workflow: serde_yaml::Value = serde_yaml::from_str(&manifest).expect("valid YAML");
    let tags = &workflow["on"]["push"]["tags"][0];
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    // The tag pattern is a glob with `[0-9]+` classes, as GitHub reads it.
    let pattern = tags.as_str().expect("a tag pattern");
    assert!(pattern.starts_with("v[0-9]+."), "{pattern}");
    assert!(
        tag.split('.')
            .all(|part| part.trim_start_matches('v').parse::<u32>().is_ok())
    );
    let targets: Vec<&str> = workflow["jobs"]["upload-binaries"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("a build matrix")
        .iter()
        .filter_map(|t| t["target"].as_str())
        .collect();
    for platform in ["linux", "apple-darwin", "windows"] {
        assert!(targets.iter().any(|t| t.contains(platform)), "{targets:?}");
    }
    // The step that holds the tag to the crate's version runs the check it states.
    let steps = workflow["jobs"]["create-release"]["steps"]
        .as_sequence()
        .expect("steps");
    let script = steps
        .iter()
        .find_map(|s| s["run"].as_str())
        .expect("the version check");
    let tmp = tempfile::tempdir().expect("tempdir");
    for (name, passes) in [(tag.clone(), true), ("v99.0.0".to_string(), false)] {
        let out = Command::new("bash")
            .args(["-eo", "pipefail", "-c", script])
            .current_dir(root)
            .env("GITHUB_REF_NAME", &name)
            .env("CARGO_TARGET_DIR", tmp.path())
            .output()
            .expect("bash runs");
        assert_eq!(out.status.success(), passes, "{name}: {}", text(&out));
    }
}

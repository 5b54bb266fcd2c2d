//! The library's [`Workspace`] gives a caller exactly what the command line prints for
//! the same options: the same configuration and rulebook found, the same findings
//! settled the same way.

use std::path::Path;

use factlint::findings::Selection;
use factlint::report::{self, Files};
use factlint::workspace::{self, Keep, Setup, Workspace};

mod common;
use common::{factlint, write};

/// `check PATHS --format json` through the library, run from `dir`.
fn library_json(dir: &Path, paths: &[&str], against: &[&str], selection: &Selection) -> String {
    let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    let against: Vec<String> = against.iter().map(|p| p.to_string()).collect();
    let start = dir.join(&paths[0]);
    let start = if start.is_dir() {
        start
    } else {
        start.parent().expect("a folder").to_path_buf()
    };
    // Relative paths are read from `dir`, as the command line would be run there.
    let previous = std::env::current_dir().expect("cwd");
    std::env::set_current_dir(dir).expect("cd");
    let ws = Workspace::discover(&Setup::default(), &start, None).expect("the rulebook loads");
    let options = workspace::read_options(&ws.config, None, &[]);
    let keep = Keep {
        for_check: true,
        why: false,
    };
    let run = ws.read(&paths, &against, &options, keep);
    let findings = ws.check(&run.docs, run.read, &run.context, selection);
    let files = Files::new(&run.docs, &ws.engine.book).with_context(&run.context);
    let text = report::json::render(&findings, &files, files.checked());
    std::env::set_current_dir(previous).expect("cd back");
    text
}

#[test]
fn the_library_gives_what_the_command_line_prints() {
    // One test function: the working directory is process-wide.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cli = factlint(root, &["check", "corpus", "--format", "json"], None);
    assert_eq!(cli.code, 1, "{}", cli.stderr);
    let lib = library_json(root, &["corpus"], &[], &Selection::default());
    assert_eq!(lib, cli.stdout, "the shipped corpus");

    // A project with a configuration: severities, per-file ignores, a suppression
    // comment, an archive to compare with, and classes selected.
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "factlint.yaml",
        "severity:\n  FL007: error\nper_file_ignores:\n  \"news/old/**\": [FL001]\n",
    );
    write(
        dir.path(),
        "rules/r.yaml",
        "entities:\n  khalil-haqqani:\n    name: Khalil Haqqani\n    kind: person\n    aliases: [Khalilur Rehman Haqqani]\n    died: 2024-12-11\n    facts:\n      age: {value: 58, as_of: 2024-12-11}\nevents:\n  kabul-bombing:\n    summary: bombing at the refugees ministry in Kabul\n    date: 2024-12-11\n    about: [khalil-haqqani, Ministry of Refugees]\n    facts:\n      killed: {at_least: 3}\n",
    );
    write(
        dir.path(),
        "news/a.md",
        "---\ndate: 2024-12-12\n---\nKhalilur Rehman Haqqani and two others were killed at the Ministry of Refugees.\n",
    );
    write(
        dir.path(),
        "news/b.md",
        "---\ndate: 2024-12-13\n---\nAt least five people were killed at the Ministry of Refugees.\n\nKhalil Haqqani, 61, was killed. <!-- factlint-disable-line FL001 -->\n",
    );
    write(
        dir.path(),
        "news/old/c.md",
        "---\ndate: 2024-12-13\n---\nKhalil Haqqani, 61, was killed.\n",
    );
    let cases: [(&[&str], &[&str], &[&str]); 4] = [
        (&["news"], &[], &[]),
        (&["news/b.md"], &["news"], &[]),
        (&["news/a.md"], &[""], &[]),
        (&["news"], &[], &["--select", "FL002,FL007"]),
    ];
    for (paths, against, extra) in cases {
        let mut args = vec!["check"];
        args.extend(paths);
        for a in against {
            args.push(if a.is_empty() {
                "--against"
            } else {
                "--against=news"
            });
        }
        args.extend(extra);
        args.extend(["--format", "json"]);
        let cli = factlint(dir.path(), &args, None);
        let selection = if extra.is_empty() {
            Selection::default()
        } else {
            Selection::parse(&[extra[1].to_string()], &[], &[]).expect("codes")
        };
        let lib = library_json(dir.path(), paths, against, &selection);
        assert_eq!(lib, cli.stdout, "{args:?}: {}", cli.stderr);
        assert!(
            cli.stdout.contains("\"code\""),
            "{args:?}: findings to compare"
        );
    }
}

//! The whole job, as the command line does it: find the configuration and the rulebook,
//! read the articles, check them, and settle the findings (suppressions, per-file
//! ignores, configured severities, the classes selected).
//!
//! A library caller, the language server and the binary all go through [`Workspace`],
//! so each gets exactly the findings the others do for the same options. Nothing here
//! prints: notes and problems come back as data for the caller to show.

use std::path::{Path, PathBuf};

use crate::Engine;
use crate::check::Read;
use crate::config::{self, Config, DateSource};
use crate::document::Document;
use crate::extract::quantity::DEFAULT_TOLERANCE;
use crate::findings::{FileRef, Finding, Selection};
use crate::input::{self, InputError, ReadOptions, Skipped};
use crate::rulebook::{self, RuleError, RuleErrors, RuleFile, Rulebook};
use crate::suppress;

/// Where the rulebook and the configuration come from.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Rulebook files, directories or globs (`--rules`); empty: the configuration's
    /// `rules`, else the nearest `rules/` directory upward, else the built-in example.
    pub rules: Vec<String>,
    /// A configuration file to use instead of the one discovered.
    pub config: Option<PathBuf>,
    /// Use no configuration file at all.
    pub no_config: bool,
}

/// A configuration and a compiled rulebook, found as the command line finds them.
pub struct Workspace {
    /// The configuration in force (`factlint.yaml`, or the defaults).
    pub config: Config,
    /// The compiled rulebook, with the tolerance for "about".
    pub engine: Engine,
    /// What finding them said that a person should hear (the built-in rulebook in use).
    pub notes: Vec<String>,
}

/// What reading a set of articles gave.
pub struct Run {
    /// The documents read, in report order.
    pub docs: Vec<Document>,
    /// Each document's mentions and claims, taken while it was whole.
    pub read: Vec<Read>,
    /// With `why`: for each document, why each mention was tied or left untied.
    pub why: Vec<Vec<String>>,
    /// For each document, whether it was read only to compare the others with (an
    /// archive, `--against`): its own findings are not reported.
    pub context: Vec<bool>,
    /// Files that could not be read.
    pub errors: Vec<InputError>,
    /// Entries of a walked directory that are not articles one can read (pipes,
    /// sockets), and why.
    pub skipped: Vec<Skipped>,
}

/// What to keep of each document read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keep {
    /// Only what checking needs (the claims inventory needs every mention and the text).
    pub for_check: bool,
    /// Why each mention was tied or left untied (`claims --why`).
    pub why: bool,
}

/// Where discovery of the configuration and the rulebook starts: the directory of the
/// first file or directory named that exists, else the current directory.
pub fn search_start(paths: &[String]) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    paths
        .iter()
        .map(Path::new)
        .find(|p| p.exists())
        .map(|p| {
            let p = cwd.join(p);
            if p.is_dir() {
                p
            } else {
                p.parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| cwd.clone())
            }
        })
        .unwrap_or(cwd)
}

/// A path as shown to the user: relative to the current directory when inside it.
pub fn shown(path: PathBuf) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p
            }
        })
        .unwrap_or(path)
}

/// Whether factlint runs as a gate: in a pre-commit hook (`PRE_COMMIT`, which
/// pre-commit sets) or a CI job (`CI`, which GitHub Actions, GitLab CI and most others
/// set), each set and not "0" or "false".
pub fn in_a_gate() -> bool {
    ["PRE_COMMIT", "CI"].iter().any(|name| {
        std::env::var(name)
            .is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
    })
}

/// The configuration in force: the one named, the one found from `start` upward, or
/// none.
pub fn load_config(setup: &Setup, start: &Path) -> Result<Config, RuleErrors> {
    if setup.no_config {
        return Ok(Config::default());
    }
    let path = match &setup.config {
        Some(path) => Some(path.clone()),
        None => config::discover(start),
    };
    match path {
        // Paths in a discovered file are shown relative to where factlint runs.
        Some(path) => Config::load(&shown(path)),
        None => Ok(Config::default()),
    }
}

/// The rulebook in force: the one named in `setup`, the configuration's, the nearest
/// `rules/` directory from `start` upward (no higher than the configuration's own
/// directory), else, outside a gate, the example rulebook built into factlint (with a
/// note saying so).
pub fn find_rulebook(
    setup: &Setup,
    config: &Config,
    start: &Path,
) -> Result<(Rulebook, Option<String>), RuleErrors> {
    let paths = if !setup.rules.is_empty() {
        setup.rules.clone()
    } else {
        config.rules.clone()
    };
    let top = config
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(|p| std::env::current_dir().unwrap_or_default().join(p));
    let found = || {
        for dir in start.ancestors() {
            let candidate = dir.join("rules");
            if candidate.is_dir() {
                return Some(candidate);
            }
            if top.as_deref() == Some(dir) {
                return None;
            }
        }
        None
    };
    if !paths.is_empty() {
        return rulebook::load_paths(&paths).map(|book| (book, None));
    }
    if let Some(dir) = found() {
        return rulebook::load_paths(&[shown(dir).to_string_lossy().into_owned()])
            .map(|book| (book, None));
    }
    let dir = shown(start.to_path_buf()).display().to_string();
    if in_a_gate() {
        return Err(RuleErrors(vec![RuleError {
            help: Some("name the rulebook with --rules, or with `rules:` in factlint.yaml".into()),
            ..RuleError::plain(
                "factlint::rules",
                &dir,
                "no rulebook found (no `rules/` directory or configuration from here upward); \
                 in a pre-commit hook or a CI run (PRE_COMMIT or CI set) factlint does not fall \
                 back on its built-in example rulebook, so that no gate passes on the wrong facts",
            )
        }]));
    }
    let note = format!(
        "no rulebook found (no `rules/` directory or configuration from {dir} upward); \
         using the example rulebook built into factlint. Name yours with --rules, or start one with `factlint init`."
    );
    let book = rulebook::load_sources(
        rulebook::EMBEDDED
            .iter()
            .map(|(name, text)| RuleFile {
                name: format!("<built-in>/{name}"),
                text: (*text).to_string(),
            })
            .collect(),
    )?;
    Ok((book, Some(note)))
}

/// Findings as a run reports them: suppressions applied; those in documents read only
/// for comparison (`context`), in files the configuration's `per_file_ignores` names,
/// or of classes not selected left out; each with its configured severity.
pub fn settle(
    findings: Vec<Finding>,
    docs: &[Document],
    context: &[bool],
    config: &Config,
    selection: &Selection,
) -> Vec<Finding> {
    suppress::apply(docs, findings)
        .into_iter()
        .filter(|f| match f.primary.file {
            FileRef::Document(d) => !context.get(d).copied().unwrap_or(false),
            FileRef::Rule(_) => true,
        })
        .filter(|f| selection.keeps(f.code))
        .filter(|f| match f.primary.file {
            FileRef::Document(d) => !config.ignores_in(&docs[d].path, f.code),
            FileRef::Rule(_) => true,
        })
        .filter_map(|mut f| {
            f.severity = match config.severity_or(f.code, f.severity) {
                Some(s) => s,
                None if selection.names(f.code) => f.severity,
                None => return None,
            };
            Some(f)
        })
        .collect()
}

/// The paths read when none is given: the configuration's `include`, else the current
/// directory.
pub fn default_paths(config: &Config) -> Vec<String> {
    if config.include.is_empty() {
        vec![".".to_string()]
    } else {
        config.include.clone()
    }
}

/// How articles are read: the configuration's publication date, date sources and
/// `exclude`, with `published` and `exclude` from the caller added.
pub fn read_options(
    config: &Config,
    published: Option<crate::date::Day>,
    exclude: &[String],
) -> ReadOptions {
    let mut all = config.exclude.clone();
    all.extend(exclude.iter().cloned());
    ReadOptions {
        published: published.or(config.published),
        date_sources: config
            .date_sources
            .clone()
            .unwrap_or_else(|| vec![DateSource::FrontMatter]),
        stdin_filename: None,
        exclude: all,
        lossy_utf8: false,
    }
}

impl Workspace {
    /// The configuration and rulebook found from `start` as `setup` says, compiled,
    /// with `tolerance` (else the configuration's, else the default) for "about".
    pub fn discover(
        setup: &Setup,
        start: &Path,
        tolerance: Option<f64>,
    ) -> Result<Workspace, RuleErrors> {
        let config = load_config(setup, start)?;
        let (book, note) = find_rulebook(setup, &config, start)?;
        let tolerance = tolerance.or(config.tolerance).unwrap_or(DEFAULT_TOLERANCE);
        Ok(Workspace {
            engine: Engine::new(book, tolerance),
            config,
            notes: note.into_iter().collect(),
        })
    }

    /// The paths read when none is given (see [`default_paths`]).
    pub fn default_paths(&self) -> Vec<String> {
        default_paths(&self.config)
    }

    /// Reads `paths`, and the archive `against` names to compare them with (an empty
    /// entry: [`Workspace::default_paths`]), each document read, extracted and
    /// attributed while it is in memory, then shed to what `keep` says.
    pub fn read(
        &self,
        paths: &[String],
        against: &[String],
        options: &ReadOptions,
        keep: Keep,
    ) -> Run {
        let archive = self.archive_files(paths, against, options);
        let mut all = paths.to_vec();
        all.extend(archive.iter().cloned());
        let engine = &self.engine;
        let inputs = input::read_with(&all, options, |mut doc| {
            let read = if keep.for_check {
                engine.read_for_check(&doc)
            } else {
                engine.read(&doc)
            };
            let reasons = if keep.why {
                engine.why(&doc, &read.0, &read.1)
            } else {
                Vec::new()
            };
            doc.shed(!keep.for_check);
            (doc, (read, reasons))
        });
        let (docs, read): (Vec<Document>, Vec<(Read, Vec<String>)>) =
            inputs.documents.into_iter().unzip();
        let (read, why) = read.into_iter().unzip();
        let archive: std::collections::HashSet<String> = archive.into_iter().collect();
        let context = docs.iter().map(|d| archive.contains(&d.path)).collect();
        Run {
            docs,
            read,
            why,
            context,
            errors: inputs.errors,
            skipped: inputs.skipped,
        }
    }

    /// The files of `against` that are not among the files `checked`, whatever their
    /// spelling ("./news/a.md" is "news/a.md").
    fn archive_files(
        &self,
        checked: &[String],
        against: &[String],
        options: &ReadOptions,
    ) -> Vec<String> {
        if against.is_empty() {
            return Vec::new();
        }
        let mut paths = Vec::new();
        for path in against {
            if path.is_empty() {
                paths.extend(self.default_paths());
            } else {
                paths.push(path.clone());
            }
        }
        let identity = |f: &String| std::fs::canonicalize(f).unwrap_or_else(|_| PathBuf::from(f));
        let (checked, _, _) = input::files_to_read(checked, options);
        let checked: std::collections::HashSet<PathBuf> = checked.iter().map(identity).collect();
        let (archive, _, _) = input::files_to_read(&paths, options);
        archive
            .into_iter()
            .filter(|f| f != "-" && !checked.contains(&identity(f)))
            // The current directory's files under the names a hook or `git diff` gives.
            .map(|f| match f.strip_prefix("./") {
                Some(rest) if against.iter().any(String::is_empty) => rest.to_string(),
                _ => f,
            })
            .collect()
    }

    /// The findings of documents read, as the command line reports them.
    pub fn check(
        &self,
        docs: &[Document],
        read: Vec<Read>,
        context: &[bool],
        selection: &Selection,
    ) -> Vec<Finding> {
        let report = self.engine.check_against(docs, read, context);
        settle(report.findings, docs, context, &self.config, selection)
    }
}

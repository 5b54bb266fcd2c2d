//! The configuration file: `factlint.yaml` or `.factlint.yaml`.
//!
//! Found with `--config PATH`, else in the current directory or the nearest parent that
//! holds one. Paths in it are relative to the file's own directory. Command-line flags
//! override it. Unknown keys and bad values are errors pointing at their line.
//!
//! ```yaml
//! rules: [rules/]                 # rulebook paths (files, directories, globs)
//! include: ["articles/**/*.md"]   # what to check when no paths are given
//! exclude: ["articles/drafts/**"] # never checked, even when named
//! severity: {FL004: error, revised-figure: off}
//! fail_on: warning
//! published: {from: [front-matter, filename], default: 2024-12-12}
//! tolerance: 0.1
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::date::Day;
use crate::findings::{Code, Severity};
use crate::rulebook::{RuleError, RuleErrors};
use crate::yaml::{self, Entry, Node, Value};

/// The names a configuration file is found by, in order.
pub const FILE_NAMES: [&str; 2] = ["factlint.yaml", ".factlint.yaml"];

/// Where a publication date may come from, tried in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// `date:` or `published:` in the front matter (or HTML meta tags).
    FrontMatter,
    /// A `YYYY-MM-DD` in the file's name.
    Filename,
}

/// A severity setting for a finding class: a level, or off.
pub type SeverityOverride = Option<Severity>;

/// The settings of `factlint.yaml`; every field absent means the default.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file this came from, if any.
    pub path: Option<PathBuf>,
    /// Rulebook files, directories or globs (`rules`).
    pub rules: Vec<String>,
    /// What is checked when no path is given (`include`).
    pub include: Vec<String>,
    /// Files never read, even when named (`exclude`).
    pub exclude: Vec<String>,
    /// Severities by class (`severity`), `None` for off.
    pub severity: BTreeMap<Code, SeverityOverride>,
    /// `per_file_ignores`: classes never reported in the files a glob matches.
    pub per_file_ignores: Vec<(String, Vec<Code>)>,
    /// The lowest severity that fails a run (`fail_on`).
    pub fail_on: Option<Severity>,
    /// Where publication dates come from (`published.from`).
    pub date_sources: Option<Vec<DateSource>>,
    /// The publication date of articles that state none (`published.default`).
    pub published: Option<Day>,
    /// The tolerance for "about" and "nearly" (`tolerance`).
    pub tolerance: Option<f64>,
}

const KEYS: &[&str] = &[
    "rules",
    "include",
    "exclude",
    "severity",
    "per_file_ignores",
    "fail_on",
    "published",
    "tolerance",
];

/// Finds the configuration file for a directory: its own or its nearest parent's.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

impl Config {
    /// Reads a configuration file; every problem is reported at its line.
    pub fn load(path: &Path) -> Result<Config, RuleErrors> {
        let name = path.to_string_lossy().into_owned();
        let text = crate::paths::read_bounded(path, crate::yaml::MAX_YAML_BYTES as u64)
            .and_then(|b| String::from_utf8(b).map_err(|_| "not valid UTF-8".to_string()))
            .map_err(|e| RuleErrors(vec![RuleError::plain("factlint::config", &name, &e)]))?;
        let mut config = Config::parse(&name, &text)?;
        let base = path.parent().unwrap_or(Path::new("."));
        let relative = |p: &String| {
            if Path::new(p).is_absolute() || base.as_os_str().is_empty() {
                p.clone()
            } else {
                base.join(p).to_string_lossy().into_owned()
            }
        };
        // A configuration names files of its own project only: a rulebook or articles
        // elsewhere are read (and their lines printed in errors) only when a person
        // names them on the command line.
        let outside: Vec<RuleError> = config
            .rules
            .iter()
            .map(|p| ("rules", p))
            .chain(config.include.iter().map(|p| ("include", p)))
            .filter(|(_, p)| leaves(base, p))
            .map(|(key, p)| {
                RuleError::plain(
                    "factlint::config",
                    &name,
                    &format!(
                        "`{key}` names `{p}`, outside this configuration's directory; name it on the command line instead (`--rules` or a path to check)"
                    ),
                )
            })
            .collect();
        if !outside.is_empty() {
            return Err(RuleErrors(outside));
        }
        config.rules = config.rules.iter().map(relative).collect();
        config.include = config.include.iter().map(relative).collect();
        config.exclude = config.exclude.iter().map(relative).collect();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses configuration text (paths are left as written).
    pub fn parse(name: &str, text: &str) -> Result<Config, RuleErrors> {
        let source = Arc::new(text.to_string());
        let mut errors = Vec::new();
        let mut error =
            |span: std::ops::Range<usize>, message: String, label: &str, help: Option<String>| {
                errors.push(RuleError::at(
                    "factlint::config",
                    name,
                    source.clone(),
                    span,
                    message,
                    label,
                    help,
                ));
            };
        let root = match yaml::parse_or_null(text) {
            Ok(root) => root,
            Err(e) => {
                let at = e.offset.unwrap_or(0);
                error(
                    at..at,
                    format!("YAML syntax error: {}", e.message),
                    "here",
                    None,
                );
                return Err(RuleErrors(errors));
            }
        };
        let mut config = Config::default();
        let entries = match &root.value {
            Value::Map(entries) => entries.clone(),
            Value::Null => Vec::new(),
            _ => {
                error(
                    root.span.clone(),
                    "the configuration must be a mapping of settings".into(),
                    "expected `key: value` pairs",
                    None,
                );
                Vec::new()
            }
        };
        for entry in &entries {
            let value = &entry.value;
            match entry.key.as_str() {
                "rules" | "include" | "exclude" => paths(entry, &mut config, &mut error),
                "severity" => severities(value, &mut config, &mut error),
                "per_file_ignores" => per_file_ignores(value, &mut config, &mut error),
                "fail_on" => fail_on(value, &mut config, &mut error),
                "published" => published(value, &mut config, &mut error),
                "tolerance" => tolerance(value, &mut config, &mut error),
                other => unknown_setting(entry, other, &mut error),
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(RuleErrors(errors))
        }
    }

    /// The severity a finding class has under this configuration (`None`: off).
    pub fn severity_of(&self, code: Code) -> Option<Severity> {
        self.severity_or(code, code.default_severity())
    }

    /// The configured severity of a code, or `found` (the severity the checker gave
    /// this finding) when the configuration says nothing of it; `None` when it is off.
    pub fn severity_or(&self, code: Code, found: Severity) -> Option<Severity> {
        self.severity.get(&code).copied().unwrap_or(Some(found))
    }

    /// Whether `per_file_ignores` leaves findings of `code` out of the file at `path`.
    pub fn ignores_in(&self, path: &str, code: Code) -> bool {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.per_file_ignores.iter().any(|(pattern, codes)| {
            codes.contains(&code)
                && glob::Pattern::new(pattern.strip_prefix("./").unwrap_or(pattern))
                    .is_ok_and(|p| p.matches(path))
        })
    }

    /// Whether a path is excluded.
    pub fn excludes(&self, path: &str) -> bool {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.exclude.iter().any(|pattern| {
            let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
            glob::Pattern::new(pattern).is_ok_and(|p| {
                p.matches_with(
                    path,
                    glob::MatchOptions {
                        require_literal_separator: false,
                        ..glob::MatchOptions::new()
                    },
                ) || Path::new(path).starts_with(pattern.trim_end_matches("/**"))
            })
        })
    }
}

/// Where configuration errors are collected: span, message, label, help.
type ErrorSink<'a> = dyn FnMut(std::ops::Range<usize>, String, &str, Option<String>) + 'a;

/// `published: 2024-12-12` or `published: {from: [front-matter, filename], default: …}`.
fn published(value: &Node, config: &mut Config, error: &mut ErrorSink<'_>) {
    if let Some(day) = value.scalar_text() {
        match Day::parse_iso(&day) {
            Some(d) => config.published = Some(d),
            None => error(
                value.span.clone(),
                format!("`{day}` is not a date (YYYY-MM-DD)"),
                "not a date",
                None,
            ),
        }
        return;
    }
    let Some(parts) = value.as_map() else {
        error(
            value.span.clone(),
            "`published` is a date or a mapping".into(),
            "unexpected value",
            None,
        );
        return;
    };
    for part in parts {
        match part.key.as_str() {
            "default" => match part.value.scalar_text().as_deref().and_then(Day::parse_iso) {
                Some(d) => config.published = Some(d),
                None => error(
                    part.value.span.clone(),
                    "`default` must be a date (YYYY-MM-DD)".into(),
                    "not a date",
                    None,
                ),
            },
            "from" => {
                let mut sources = Vec::new();
                for word in strings(&part.value).unwrap_or_default() {
                    match word.as_str() {
                        "front-matter" => sources.push(DateSource::FrontMatter),
                        "filename" => sources.push(DateSource::Filename),
                        _ => error(
                            part.value.span.clone(),
                            format!("unknown publication-date source `{word}`"),
                            "unknown source",
                            Some("use front-matter and/or filename".into()),
                        ),
                    }
                }
                config.date_sources = Some(sources);
            }
            other => error(
                part.key_span.clone(),
                format!("unknown key `{other}` in `published`"),
                "unknown key",
                Some("`published` takes `from` and `default`".into()),
            ),
        }
    }
}

/// `rules`, `include` or `exclude`: a path or a list of paths. The globs of `include`
/// and `exclude` are checked each time one of the three is read.
fn paths(entry: &Entry, config: &mut Config, error: &mut ErrorSink<'_>) {
    let value = &entry.value;
    let list = strings(value);
    match list {
        Some(list) => match entry.key.as_str() {
            "rules" => config.rules = list,
            "include" => config.include = list,
            _ => config.exclude = list,
        },
        None => error(
            value.span.clone(),
            format!("`{}` must be a path or a list of paths", entry.key),
            "expected paths",
            None,
        ),
    }
    for pattern in config.include.iter().chain(&config.exclude) {
        if let Err(e) = glob::Pattern::new(pattern) {
            error(
                value.span.clone(),
                format!("invalid glob `{pattern}`: {e}"),
                "invalid glob",
                None,
            );
        }
    }
}

/// `severity: {FL004: error, revised-figure: off}`: a level (or off) for each finding
/// class named by code or name.
fn severities(value: &Node, config: &mut Config, error: &mut ErrorSink<'_>) {
    let Some(levels) = value.as_map() else {
        error(
            value.span.clone(),
            "`severity` maps finding codes to levels".into(),
            "expected a mapping",
            Some("for example `severity: {FL004: error, revised-figure: off}`".into()),
        );
        return;
    };
    for level in levels {
        let Some(code) = Code::parse(&level.key) else {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.code()).collect();
            error(
                level.key_span.clone(),
                format!("unknown finding code `{}`", level.key),
                "unknown code",
                Some(format!("codes are {} (or their names)", names.join(", "))),
            );
            continue;
        };
        match level.value.scalar_text().as_deref().map(parse_level) {
            Some(Some(setting)) => {
                config.severity.insert(code, setting);
            }
            _ => error(
                level.value.span.clone(),
                format!(
                    "`{}` is not a severity",
                    level.value.scalar_text().unwrap_or_default()
                ),
                "not a severity",
                Some("use error, warning, note or off".into()),
            ),
        }
    }
}

/// `per_file_ignores: {"drafts/**": [FL004]}`: for each glob, the finding classes
/// (codes, prefixes, names or ALL) never reported in the files it matches.
fn per_file_ignores(value: &Node, config: &mut Config, error: &mut ErrorSink<'_>) {
    let Some(globs) = value.as_map() else {
        error(
            value.span.clone(),
            "`per_file_ignores` maps globs to finding codes".into(),
            "expected a mapping",
            Some("for example `per_file_ignores: {\"drafts/**\": [FL004]}`".into()),
        );
        return;
    };
    for glob_entry in globs {
        if let Err(e) = glob::Pattern::new(&glob_entry.key) {
            error(
                glob_entry.key_span.clone(),
                format!("invalid glob `{}`: {e}", glob_entry.key),
                "invalid glob",
                None,
            );
            continue;
        }
        let mut codes = Vec::new();
        for text in strings(&glob_entry.value).unwrap_or_default() {
            match Code::matching(&text) {
                Some(found) => codes.extend(found),
                None => error(
                    glob_entry.value.span.clone(),
                    format!("`{text}` names no finding class"),
                    "unknown code",
                    Some("use a code (FL004), a prefix (FL00), a name or ALL".into()),
                ),
            }
        }
        config
            .per_file_ignores
            .push((glob_entry.key.clone(), codes));
    }
}

/// `fail_on: warning`: the lowest severity that fails a run (not `off`).
fn fail_on(value: &Node, config: &mut Config, error: &mut ErrorSink<'_>) {
    match value.scalar_text().as_deref().map(parse_level) {
        Some(Some(Some(level))) => config.fail_on = Some(level),
        _ => error(
            value.span.clone(),
            "`fail_on` must be error, warning or note".into(),
            "not a severity",
            None,
        ),
    }
}

/// `tolerance: 0.1`: how far "about" and "nearly" may stray, a fraction below 1.
fn tolerance(value: &Node, config: &mut Config, error: &mut ErrorSink<'_>) {
    match value.scalar_text().and_then(|t| t.parse::<f64>().ok()) {
        Some(t) if (0.0..1.0).contains(&t) => config.tolerance = Some(t),
        _ => error(
            value.span.clone(),
            "`tolerance` must be a fraction between 0 and 1, such as 0.1".into(),
            "not a fraction",
            None,
        ),
    }
}

/// A key that is no setting, reported with the nearest setting's name when one is close.
fn unknown_setting(entry: &Entry, other: &str, error: &mut ErrorSink<'_>) {
    let help = match crate::rulebook::closest_key(other, KEYS.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? Settings are: {}", KEYS.join(", ")),
        None => format!("settings are: {}", KEYS.join(", ")),
    };
    error(
        entry.key_span.clone(),
        format!("unknown setting `{other}`"),
        "unknown setting",
        Some(help),
    );
}

/// A path or a list of paths.
fn strings(node: &Node) -> Option<Vec<String>> {
    match &node.value {
        Value::Seq(items) => items.iter().map(Node::scalar_text).collect(),
        Value::Null => Some(Vec::new()),
        _ => node.scalar_text().map(|s| vec![s]),
    }
}

/// "error" | "warning" | "note" | "off".
fn parse_level(word: &str) -> Option<SeverityOverride> {
    Some(match word.to_ascii_lowercase().as_str() {
        "error" => Some(Severity::Error),
        "warning" | "warn" => Some(Severity::Warning),
        "note" | "info" => Some(Severity::Note),
        "off" | "none" | "ignore" => None,
        _ => return None,
    })
}

/// A publication date written in a file name: `2024-12-12-kabul.md`.
pub fn date_in_name(path: &str) -> Option<Day> {
    let name = Path::new(path).file_name()?.to_str()?;
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = bytes.get(i + 10).is_none_or(|b| !b.is_ascii_digit());
        (before_ok && after_ok)
            .then(|| Day::parse_iso(candidate))
            .flatten()
    })
}

/// Whether `written`, a path in a configuration in `base`, leads out of `base`: an
/// absolute path elsewhere, or more `..` than it has directories. Judged on the words
/// of the path, so it works for globs too.
fn leaves(base: &Path, written: &str) -> bool {
    let path = Path::new(written);
    if path.is_absolute() {
        let root = std::fs::canonicalize(if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        });
        return !root.is_ok_and(|root| path.starts_with(root));
    }
    let mut depth: i64 = 0;
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let config = Config::parse(
            "factlint.yaml",
            "rules: [rules/]\ninclude: 'articles/**/*.md'\nexclude: [drafts/**]\nseverity: {FL004: error, revised-figure: off}\nfail_on: warning\npublished: {from: [filename, front-matter], default: 2024-12-12}\ntolerance: 0.2\n",
        )
        .unwrap();
        assert_eq!(config.rules, vec!["rules/"]);
        assert_eq!(config.include, vec!["articles/**/*.md"]);
        assert_eq!(config.severity_of(Code::Unsupported), Some(Severity::Error));
        assert_eq!(config.severity_of(Code::RevisedFigure), None);
        assert_eq!(config.severity_of(Code::Conflict), Some(Severity::Error));
        assert_eq!(config.fail_on, Some(Severity::Warning));
        assert_eq!(
            config.date_sources,
            Some(vec![DateSource::Filename, DateSource::FrontMatter])
        );
        assert_eq!(config.published, Day::parse_iso("2024-12-12"));
        assert_eq!(config.tolerance, Some(0.2));
        assert!(config.excludes("drafts/a.md"));
        assert!(!config.excludes("articles/a.md"));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located() {
        let text = "rulez: [rules]\nseverity: {FL999: off, FL001: loud}\ntolerance: 3\n";
        let errors = Config::parse("factlint.yaml", text).unwrap_err().0;
        let messages: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| {
                (
                    text[..e.span.start].matches('\n').count() + 1,
                    e.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            messages,
            vec![
                (1, "unknown setting `rulez`"),
                (2, "unknown finding code `FL999`"),
                (2, "`loud` is not a severity"),
                (
                    3,
                    "`tolerance` must be a fraction between 0 and 1, such as 0.1"
                ),
            ]
        );
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap()
                .contains("did you mean `rules`?")
        );
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("news/2024-12-12-kabul.md"),
            Day::parse_iso("2024-12-12")
        );
        assert_eq!(date_in_name("kabul.md"), None);
        assert_eq!(date_in_name("12024-12-12.md"), None);
    }
}

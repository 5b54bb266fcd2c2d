//! Choosing and reading the articles a run checks.
//!
//! Paths may be files, directories (read recursively for `.md`, `.markdown` and `.txt`
//! files), glob patterns, or `-` for standard input. Problems with one input are
//! collected and reported together; the others are still read.

use std::io::Read;
use std::path::Path;

use crate::config::{Config, DateSource, date_in_name};
use crate::date::Day;
use crate::document::{Document, Format, looks_binary};
use rayon::prelude::*;

/// The largest article read, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A problem with one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Inputs skipped on purpose, with the reason (binary files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// What reading gave: a value per document (the document itself, or whatever was
/// made of it while it was in memory), and what could not be read.
#[derive(Debug)]
pub struct Inputs<T = Document> {
    pub documents: Vec<T>,
    pub errors: Vec<InputError>,
    pub skipped: Vec<Skipped>,
}

/// How to read inputs.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Publication date for documents that state none.
    pub published: Option<Day>,
    /// Where a document's own publication date is looked for, in order.
    pub date_sources: Vec<DateSource>,
    /// The name standard input is reported under (its extension picks the format).
    pub stdin_filename: Option<String>,
    /// Files never read, even when named.
    pub exclude: Vec<String>,
    /// Read files that are not valid UTF-8 by replacing each invalid byte with `?`
    /// (one byte for one, so every offset stays true), instead of refusing them.
    pub lossy_utf8: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            published: None,
            date_sources: vec![DateSource::FrontMatter],
            stdin_filename: None,
            exclude: Vec::new(),
            lossy_utf8: false,
        }
    }
}

/// Reads a list of paths, one per line, from a file or `-` (standard input).
pub fn paths_from(source: &str) -> Result<Vec<String>, InputError> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(source)
    };
    let text = text.map_err(|e| InputError {
        path: source.to_string(),
        message: format!("cannot read the list of files: {e}"),
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// Expands paths into files, in the order given; directories and globs in sorted order.
/// Directories are walked for the files `wanted` accepts, skipping hidden entries; `-`
/// passes through.
pub fn expand(
    paths: &[String],
    wanted: fn(&Path) -> bool,
    errors: &mut Vec<InputError>,
) -> Vec<String> {
    let mut files = Vec::new();
    for given in paths {
        if given == "-" {
            files.push(given.clone());
            continue;
        }
        let path = Path::new(given);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, wanted, &mut found);
            if found.is_empty() {
                errors.push(InputError {
                    path: given.clone(),
                    message: "no files to read in this directory".into(),
                });
            }
            found.sort();
            files.extend(found);
        } else if path.exists() || path.symlink_metadata().is_ok() {
            files.push(given.clone());
        } else if given.contains(['*', '?', '[']) {
            match glob::glob(given) {
                Ok(paths) => {
                    let mut found: Vec<String> = paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file())
                        .map(|p| p.to_string_lossy().into_owned())
                        .collect();
                    if found.is_empty() {
                        errors.push(InputError {
                            path: given.clone(),
                            message: "this pattern matches no files".into(),
                        });
                    }
                    found.sort();
                    files.extend(found);
                }
                Err(e) => errors.push(InputError {
                    path: given.clone(),
                    message: format!("invalid glob pattern: {e}"),
                }),
            }
        } else {
            errors.push(InputError {
                path: given.clone(),
                message: "no such file or directory".into(),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    files
}

/// Articles factlint reads when walking a directory.
pub fn is_article(path: &Path) -> bool {
    Format::from_path(&path.to_string_lossy()).is_some()
}

fn walk(dir: &Path, wanted: fn(&Path) -> bool, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, wanted, out);
        } else if wanted(&path) {
            out.push(path.to_string_lossy().into_owned());
        }
    }
}

/// Reads the given paths.
pub fn read(paths: &[String], options: &ReadOptions) -> Inputs {
    read_with(paths, options, |doc| doc)
}

/// Reads the given paths and hands each document to `each` as soon as it is parsed, on
/// a pool of threads, so that a caller can keep what it needs of a document and let the
/// rest go. Results come back in path order, whatever the number of threads.
pub fn read_with<T: Send>(
    paths: &[String],
    options: &ReadOptions,
    each: impl Fn(Document) -> T + Sync + Send,
) -> Inputs<T> {
    let mut inputs = Inputs {
        documents: Vec::new(),
        errors: Vec::new(),
        skipped: Vec::new(),
    };
    let excluded = |path: &str| {
        let config = Config {
            exclude: options.exclude.clone(),
            ..Config::default()
        };
        config.excludes(path)
    };
    let mut files = expand(paths, is_article, &mut inputs.errors);
    files.retain(|f| f == "-" || !excluded(f));
    // Reports list files in path order, whatever order they were given in.
    let stdin_name = options
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    files.sort_by(|a, b| {
        let name = |f: &String| {
            if f == "-" {
                stdin_name.clone()
            } else {
                f.clone()
            }
        };
        name(a).cmp(&name(b))
    });
    let outcomes: Vec<(Outcome, Option<T>)> = files
        .par_iter()
        .map(|path| {
            let mut outcome = read_one(path, options);
            let made = match &mut outcome.result {
                Ok(doc) => doc.take().map(&each),
                Err(_) => None,
            };
            (outcome, made)
        })
        .collect();
    for (outcome, made) in outcomes {
        inputs.skipped.extend(outcome.notes);
        if let Err(e) = outcome.result {
            inputs.errors.push(e);
        }
        inputs.documents.extend(made);
    }
    inputs
}

/// What reading one input gave: a document (or nothing, for a skipped file), notes to
/// show, or the reason it could not be read.
struct Outcome {
    result: Result<Option<Document>, InputError>,
    notes: Vec<Skipped>,
}

fn read_one(path: &str, options: &ReadOptions) -> Outcome {
    let mut notes = Vec::new();
    let fail = |path: String, message: String| Outcome {
        result: Err(InputError { path, message }),
        notes: Vec::new(),
    };
    let (name, bytes) = if path == "-" {
        let name = options
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".to_string());
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
        {
            return fail(name, format!("cannot read standard input: {e}"));
        }
        (name, bytes)
    } else {
        match read_file(path) {
            Ok(bytes) => (path.to_string(), bytes),
            Err(message) => return fail(path.to_string(), message),
        }
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(
            name,
            format!("larger than the {MAX_FILE_BYTES}-byte limit for one article"),
        );
    }
    if looks_binary(&bytes) {
        return Outcome {
            result: Ok(None),
            notes: vec![Skipped {
                path: name,
                reason: "skipped: a binary file (it contains NUL bytes), not read".into(),
            }],
        };
    }
    let (bytes, replaced) = if options.lossy_utf8 {
        replace_invalid_utf8(bytes)
    } else {
        (bytes, 0)
    };
    if replaced > 0 {
        notes.push(Skipped {
            path: name.clone(),
            reason: format!("{replaced} invalid UTF-8 byte(s) read as `?`"),
        });
    }
    // Standard input without a name is read as Markdown, the usual article format.
    let format = Format::from_path(&name).unwrap_or(Format::Markdown);
    let result = match Document::parse(&name, bytes, format, None) {
        Ok(mut doc) => {
            doc.reloadable = path != "-" && replaced == 0;
            let own = doc.meta.published;
            doc.meta.published = options
                .date_sources
                .iter()
                .find_map(|source| match source {
                    DateSource::FrontMatter => own,
                    DateSource::Filename => date_in_name(&name),
                })
                .or(options.published);
            Ok(Some(doc))
        }
        Err(e) => Err(InputError {
            path: name,
            message: e.to_string(),
        }),
    };
    Outcome { result, notes }
}

/// Replaces every byte that is not part of valid UTF-8 with `?`; returns how many.
fn replace_invalid_utf8(mut bytes: Vec<u8>) -> (Vec<u8>, usize) {
    let mut replaced = 0;
    let mut at = 0;
    while let Err(e) = std::str::from_utf8(&bytes[at..]) {
        let bad_start = at + e.valid_up_to();
        let bad_len = e.error_len().unwrap_or(bytes.len() - bad_start);
        bytes[bad_start..bad_start + bad_len].fill(b'?');
        replaced += bad_len;
        at = bad_start + bad_len;
    }
    (bytes, replaced)
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "larger than the {MAX_FILE_BYTES}-byte limit for one article"
        ));
    }
    std::fs::read(path).map_err(|e| describe_io(&e))
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (or a broken link)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

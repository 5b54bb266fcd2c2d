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
pub use crate::paths::MAX_FILE_BYTES;
pub use crate::paths::{
    BoundedLines, Expanded, InputError, RESPECT_GITIGNORE, Skipped, expand, is_article,
    open_regular, paths_from, read_bounded, same_file,
};
use rayon::prelude::*;

/// What reading gave: a value per document (the document itself, or whatever was
/// made of it while it was in memory), and what could not be read.
#[derive(Debug)]
pub struct Inputs<T = Document> {
    /// What was made of each document, in report order.
    pub documents: Vec<T>,
    /// Files that could not be read.
    pub errors: Vec<InputError>,
    /// Entries of a walked directory that were skipped.
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
    let files;
    (files, inputs.errors, inputs.skipped) = files_to_read(paths, options);
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

/// The files [`read_with`] reads for `paths`, in report order: directories and globs
/// expanded to articles, `exclude` applied (`--show-files` lists them).
pub fn files_to_read(
    paths: &[String],
    options: &ReadOptions,
) -> (Vec<String>, Vec<InputError>, Vec<Skipped>) {
    let mut inputs = Inputs::<()> {
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
    let expanded = expand(paths, is_article);
    inputs.errors = expanded.errors;
    inputs.skipped = expanded.skipped;
    let mut files = expanded.files;
    let named = files.len();
    files.retain(|f| f == "-" || !excluded(f));
    if named > 0 && files.is_empty() {
        inputs.errors.push(InputError {
            path: paths.join(" "),
            message: format!(
                "all {named} file(s) found are excluded by `exclude`, so nothing would be checked"
            ),
        });
    }
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
    (files, inputs.errors, inputs.skipped)
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
    if let Some(encoding) = utf16_bom(&bytes) {
        return fail(
            name,
            format!(
                "{encoding} (it starts with that byte-order mark); save it as UTF-8 to check it"
            ),
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
    let result = document(&name, bytes, options).map(|mut doc| {
        doc.reloadable = path != "-" && replaced == 0;
        if let Some(text) = &doc.meta.date_text
            && crate::extract::dates::day_in(text).is_none()
        {
            notes.push(Skipped {
                path: name.clone(),
                reason: format!(
                    "front matter `date: {text}` is not a date factlint reads (write YYYY-MM-DD); read with no publication date of its own"
                ),
            });
        }
        Some(doc)
    });
    Outcome { result, notes }
}

/// A document from its bytes under `name`, as a file of that name is read: the format
/// its extension gives (Markdown without one), and the publication date from the
/// sources `options` names, in order. An editor's unsaved text is read this way.
pub fn document(name: &str, bytes: Vec<u8>, options: &ReadOptions) -> Result<Document, InputError> {
    let format = Format::from_path(name).unwrap_or(Format::Markdown);
    match Document::parse(name, bytes, format, None) {
        Ok(mut doc) => {
            let own = doc.meta.published.or_else(|| {
                doc.meta
                    .date_text
                    .as_deref()
                    .and_then(crate::extract::dates::day_in)
            });
            doc.meta.published = options
                .date_sources
                .iter()
                .find_map(|source| match source {
                    DateSource::FrontMatter => own,
                    DateSource::Filename => date_in_name(name),
                })
                .or(options.published);
            Ok(doc)
        }
        Err(e) => Err(InputError {
            path: name.to_string(),
            message: e.to_string(),
        }),
    }
}

/// The encoding a UTF-16 or UTF-32 byte-order mark names, if the bytes start with one.
fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("UTF-32 text")
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16 text")
    } else {
        None
    }
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
    read_bounded(Path::new(path), MAX_FILE_BYTES).map_err(|e| {
        if e.starts_with("larger than") {
            format!("{e} for one article")
        } else {
            e
        }
    })
}

//! Paths: which files a list of paths, directories and globs names, and reading a
//! file within a bound. The loader of rulebooks, the configuration and the reader of
//! articles all use it; it uses none of them.

use std::io::Read;
use std::path::Path;

use crate::document::Format;

/// The largest article read, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A problem with one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The path as given.
    pub path: String,
    /// What went wrong.
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
    /// The entry's path.
    pub path: String,
    /// Why it was skipped ("a named pipe").
    pub reason: String,
}

/// Reads a list of paths, one per line (or each ended by NUL with `null`), from a file
/// or `-` (standard input).
pub fn paths_from(source: &str, null: bool) -> Result<Vec<String>, InputError> {
    let bytes = if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| describe_io(&e))
            .and_then(|_| {
                if bytes.len() as u64 > MAX_FILE_BYTES {
                    Err(format!("larger than the {MAX_FILE_BYTES}-byte limit"))
                } else {
                    Ok(bytes)
                }
            })
    } else {
        read_bounded(Path::new(source), MAX_FILE_BYTES)
    };
    let text = bytes
        .and_then(|b| String::from_utf8(b).map_err(|_| "not valid UTF-8".to_string()))
        .map_err(|e| InputError {
            path: source.to_string(),
            message: format!("cannot read the list of files: {e}"),
        })?;
    // NUL-separated names are taken exactly as written: a name may start or end with
    // a space, or hold a line break.
    if null {
        return Ok(text
            .split('\0')
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect());
    }
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// What expanding the paths given gave: the files to read, in order, and the problems.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, in order.
    pub files: Vec<String>,
    /// Paths that could not be expanded.
    pub errors: Vec<InputError>,
    /// Entries of a walked directory that are not regular files (named pipes, sockets,
    /// devices): skipped, never opened.
    pub skipped: Vec<Skipped>,
}

/// Expands paths into files, in the order given; directories and globs in sorted order.
/// Directories are walked for the regular files `wanted` accepts, skipping hidden
/// entries, each directory once however it is reached (so links that loop end); `-`
/// passes through. A file reached under two names is kept once, under the first.
/// A path named that is neither a regular file nor a directory is refused.
pub fn expand(paths: &[String], wanted: fn(&Path) -> bool) -> Expanded {
    let mut out = Expanded::default();
    let mut files = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for given in paths {
        if given == "-" {
            files.push(given.clone());
            continue;
        }
        let path = Path::new(given);
        if path.is_dir() {
            if identity(path).is_some_and(|key| visited.contains(&key)) {
                // Named twice (`corpus/ ./corpus/`), or already walked through another.
                continue;
            }
            let mut found = Vec::new();
            let before = out.errors.len();
            let ignores = ignores_above(path);
            walk(path, wanted, &mut found, &mut out, &mut visited, &ignores);
            if found.is_empty() && out.errors.len() == before {
                out.errors.push(InputError {
                    path: given.clone(),
                    message: "no files to read in this directory".into(),
                });
            }
            found.sort();
            files.extend(found);
        } else if let Ok(meta) = std::fs::metadata(path) {
            match not_regular(&meta) {
                Some(kind) => out.errors.push(InputError {
                    path: given.clone(),
                    message: format!("{kind}, not a regular file; not read"),
                }),
                None => files.push(given.clone()),
            }
        } else if path.symlink_metadata().is_ok() {
            // A broken link: reading it names the problem.
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
                        out.errors.push(InputError {
                            path: given.clone(),
                            message: "this pattern matches no files".into(),
                        });
                    }
                    found.sort();
                    files.extend(found);
                }
                Err(e) => out.errors.push(InputError {
                    path: given.clone(),
                    message: format!("invalid glob pattern: {e}"),
                }),
            }
        } else {
            out.errors.push(InputError {
                path: given.clone(),
                message: "no such file or directory".into(),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| {
        seen.insert(identity(Path::new(f)).unwrap_or_else(|| FileKey::Name(f.clone())))
    });
    out.files = files;
    out
}

/// What tells two names of one file apart from two files.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg(unix)]
    Inode(u64, u64),
    Name(String),
}

/// The file a path names, followed through links; `None` when it cannot be reached.
fn identity(path: &Path) -> Option<FileKey> {
    if path.as_os_str() == "-" {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(FileKey::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let real = std::fs::canonicalize(path).ok()?;
        Some(FileKey::Name(real.to_string_lossy().into_owned()))
    }
}

/// Whether two paths name one file (through links and other spellings of the path).
pub fn same_file(a: &Path, b: &Path) -> bool {
    identity(a).is_some_and(|key| identity(b) == Some(key))
}

/// What a file that is not a regular file or a directory is, for messages.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Articles factlint reads when walking a directory.
pub fn is_article(path: &Path) -> bool {
    Format::from_path(&path.to_string_lossy()).is_some()
}

/// Whether walking a directory skips what `.gitignore` files list (on unless
/// `--no-ignore`). As in git, they count only inside a git repository.
pub static RESPECT_GITIGNORE: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(true);

/// The `.gitignore` files that bear on a directory walked from `dir`: those of `dir`'s
/// parents up to the repository's root, nearest first; none outside a repository.
fn ignores_above(dir: &Path) -> Vec<ignore::gitignore::Gitignore> {
    if !RESPECT_GITIGNORE.load(std::sync::atomic::Ordering::Relaxed) {
        return Vec::new();
    }
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return Vec::new();
    };
    let Some(repo) = dir.ancestors().find(|a| a.join(".git").exists()) else {
        return Vec::new();
    };
    let mut ignores = Vec::new();
    for parent in dir.ancestors().skip(1) {
        let file = parent.join(".gitignore");
        if file.is_file() {
            ignores.push(ignore::gitignore::Gitignore::new(&file).0);
        }
        if parent == repo {
            break;
        }
    }
    ignores
}

/// Whether `.gitignore` files (nearest first) leave `path` out: the nearest that has
/// a say decides, as a `!pattern` lets back in what a farther one left out.
fn gitignored(ignores: &[ignore::gitignore::Gitignore], path: &Path, is_dir: bool) -> bool {
    for gitignore in ignores {
        match gitignore.matched(path, is_dir) {
            ignore::Match::Ignore(_) => return true,
            ignore::Match::Whitelist(_) => return false,
            ignore::Match::None => {}
        }
    }
    false
}

fn walk(
    dir: &Path,
    wanted: fn(&Path) -> bool,
    found: &mut Vec<String>,
    out: &mut Expanded,
    visited: &mut std::collections::HashSet<FileKey>,
    ignores: &[ignore::gitignore::Gitignore],
) {
    if let Some(key) = identity(dir)
        && !visited.insert(key)
    {
        return;
    }
    // This directory's own `.gitignore` comes first, inside a repository.
    let absolute = std::fs::canonicalize(dir).ok();
    let own = dir.join(".gitignore");
    let mut ignores = ignores.to_vec();
    if RESPECT_GITIGNORE.load(std::sync::atomic::Ordering::Relaxed)
        && own.is_file()
        && absolute
            .as_deref()
            .is_some_and(|a| a.ancestors().any(|p| p.join(".git").exists()))
    {
        ignores.insert(0, ignore::gitignore::Gitignore::new(&own).0);
    }
    let unreadable = |e: std::io::Error| InputError {
        path: dir.to_string_lossy().into_owned(),
        message: format!("cannot read this directory: {}", describe_io(&e)),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.errors.push(unreadable(e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.errors.push(unreadable(e));
                continue;
            }
        };
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let metadata = std::fs::metadata(&path);
        if !ignores.is_empty()
            && let Some(absolute) = &absolute
        {
            let is_dir = metadata.as_ref().is_ok_and(|m| m.is_dir());
            if gitignored(&ignores, &absolute.join(entry.file_name()), is_dir) {
                continue;
            }
        }
        match metadata {
            Ok(meta) if meta.is_dir() => walk(&path, wanted, found, out, visited, &ignores),
            Ok(meta) if wanted(&path) => match not_regular(&meta) {
                Some(kind) => out.skipped.push(Skipped {
                    path: path.to_string_lossy().into_owned(),
                    reason: format!("skipped: {kind}, not a regular file"),
                }),
                None => found.push(path.to_string_lossy().into_owned()),
            },
            Ok(_) => {}
            // A broken link or an entry gone since: reading it names the problem.
            Err(_) if wanted(&path) => found.push(path.to_string_lossy().into_owned()),
            Err(_) => {}
        }
    }
}

/// Opens a regular file for reading; never opens a pipe, socket or device.
pub fn open_regular(path: &Path) -> Result<std::fs::File, String> {
    let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
    if let Some(kind) = not_regular(&meta) {
        return Err(format!("{kind}, not a regular file; not read"));
    }
    if meta.is_dir() {
        return Err("a directory, not a file".into());
    }
    std::fs::File::open(path).map_err(|e| describe_io(&e))
}

/// Lines of a stream, each at most `limit` bytes: a line longer than that is an error,
/// never a memory bomb.
pub struct BoundedLines<R> {
    reader: R,
    limit: u64,
}

impl<R: std::io::BufRead> BoundedLines<R> {
    /// Lines of `reader`, each refused past `limit` bytes.
    pub fn new(reader: R, limit: u64) -> BoundedLines<R> {
        BoundedLines { reader, limit }
    }

    /// The next line without its line end, `None` at the end of the stream.
    pub fn next_line(&mut self) -> Result<Option<String>, String> {
        use std::io::BufRead;
        let mut bytes = Vec::new();
        let read = (&mut self.reader)
            .take(self.limit.saturating_add(1))
            .read_until(b'\n', &mut bytes)
            .map_err(|e| describe_io(&e))?;
        if read == 0 {
            return Ok(None);
        }
        if bytes.len() as u64 > self.limit {
            return Err(format!("a line longer than the {}-byte limit", self.limit));
        }
        while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            bytes.pop();
        }
        String::from_utf8(bytes).map(Some).map_err(|e| {
            format!(
                "not valid UTF-8 (invalid byte at offset {} of the line)",
                e.utf8_error().valid_up_to()
            )
        })
    }
}

/// Reads at most `limit` bytes of a regular file, checking the limit while reading (a
/// file may grow, or lie about its size); never opens a pipe, socket or device.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(|e| describe_io(&e))?;
    let too_large = || format!("larger than the {limit}-byte limit");
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A reading error in words a desk understands.
pub(crate) fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (or a broken link)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

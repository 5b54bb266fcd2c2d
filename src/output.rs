//! Writing a report to a file without losing one.
//!
//! A report goes to a temporary file beside its target, created exclusively under a
//! random name (so nothing planted there is followed), and is renamed into place once
//! complete. The temporary file is removed if writing fails or the run is interrupted.
//! A target that is one of the files being checked, or that is not a regular file, is
//! refused before anything is read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use crate::input::same_file;

/// Why a report cannot be written where it was asked to go.
pub fn refuse(target: &Path, inputs: &[String]) -> Option<String> {
    let shown = target.display();
    if let Ok(meta) = std::fs::metadata(target)
        && !meta.is_file()
    {
        return Some(format!(
            "{shown} is not a regular file; a report is written only to a new file or over a regular one"
        ));
    }
    inputs
        .iter()
        .find(|input| same_file(Path::new(input), target))
        .map(|input| {
            let named = if Path::new(input) == target {
                String::new()
            } else {
                format!(" ({input})")
            };
            format!(
                "{shown} is one of the files read{named}; writing the report there would replace it"
            )
        })
}

/// The temporary file of a report being written, removed if the run is interrupted.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the pending temporary file and ends the run on SIGINT, SIGTERM or SIGHUP.
fn guard_interrupts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Some(path) = PENDING.lock().unwrap_or_else(|e| e.into_inner()).take() {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(130);
        });
    });
}

/// Writes `bytes` to `target` atomically: the target holds either its old content or
/// the whole report, never a part.
/// A report over an existing file keeps that file's permissions; a new one gets
/// those any new file gets (read and write for all, less the umask), not the
/// temporary file's owner-only ones.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let existing = std::fs::metadata(target)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.permissions());
    write_with(target, bytes, existing)
}

/// Replaces the regular file `target` with `bytes` atomically, keeping its
/// permissions: an article being fixed holds either its old text or the whole new one.
/// A symbolic link or anything but a regular file is refused, never written through.
pub fn replace_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(target)?;
    if !meta.file_type().is_file() {
        return Err(std::io::Error::other(if meta.file_type().is_symlink() {
            "a symbolic link; not written through"
        } else {
            "not a regular file"
        }));
    }
    write_with(target, bytes, Some(meta.permissions()))
}

fn write_with(
    target: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    guard_interrupts();
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Created as any new file is: the operating system takes the umask off.
    #[cfg(unix)]
    if permissions.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    *pending = Some(temp.path().to_path_buf());
    drop(pending);
    let written = temp
        .write_all(bytes)
        .and_then(|()| match permissions {
            Some(p) => temp.as_file().set_permissions(p),
            None => Ok(()),
        })
        .and_then(|()| temp.as_file().sync_all());
    let result = written.and_then(|()| temp.persist(target).map(drop).map_err(|e| e.error));
    // On failure the temporary file was dropped, and with it removed.
    PENDING.lock().unwrap_or_else(|e| e.into_inner()).take();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        std::fs::write(&target, "old").unwrap();
        write_atomically(&target, b"new report").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new report");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_report_is_readable_as_any_new_file_is() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        let target = dir.path().join("report.txt");
        write_atomically(&target, b"report").unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual);
        // Over an existing report, its permissions stay.
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&target, b"again").unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_link_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.md");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(replace_atomically(&link, b"through").is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn refuses_an_input_and_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.md");
        std::fs::write(&article, "text").unwrap();
        let other_name = dir.path().join(".").join("a.md");
        let inputs = vec![article.to_string_lossy().into_owned()];
        assert!(
            refuse(&other_name, &inputs)
                .unwrap()
                .contains("one of the files read")
        );
        assert!(
            refuse(dir.path(), &inputs)
                .unwrap()
                .contains("not a regular file")
        );
        assert_eq!(refuse(&dir.path().join("new.txt"), &inputs), None);
    }
}

//! Running the `factlint` binary as a user does, for the command-line tests.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs factlint in `dir` with `args`, feeding `stdin` if given. Fails the test if
/// factlint panicked: whatever the input, it must not.
pub fn factlint(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Outside a gate unless a test says so (see `in_a_gate`).
        .env_remove("CI")
        .env_remove("PRE_COMMIT")
        .env("COLUMNS", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().expect("factlint finishes");
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "factlint panicked:\n{}",
        run.stderr
    );
    run
}

/// Writes a fixture file, creating its directories.
pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, content).expect("write fixture");
}

/// Runs factlint as [`factlint`] does, under limits the operating system enforces: CPU
/// seconds and address space (`ulimit -t` and `-v`). An input that makes factlint spin
/// or balloon is killed by the limit and fails the test, whatever the machine's speed.
/// A run that blocks (on a pipe, say) is killed after `cpu_seconds` × 10 of wall time.
#[allow(dead_code)] // Not every test binary uses it.
pub fn factlint_bounded(dir: &Path, args: &[&str], cpu_seconds: u32, memory_mib: u32) -> Run {
    let script = format!(
        "ulimit -t {cpu_seconds} && ulimit -v {} && exec \"$0\" \"$@\"",
        memory_mib as u64 * 1024
    );
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Outside a gate unless a test says so (see `in_a_gate`).
        .env_remove("CI")
        .env_remove("PRE_COMMIT")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    let pid = child.id();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let wall = std::time::Duration::from_secs(u64::from(cpu_seconds) * 10);
        if done_rx.recv_timeout(wall).is_err() {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            return true;
        }
        false
    });
    let out = child.wait_with_output().expect("factlint finishes");
    let _ = done_tx.send(());
    let killed_by_watchdog = watchdog.join().unwrap_or(false);
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    };
    assert!(!killed_by_watchdog, "factlint blocked: {args:?}");
    assert!(
        out.status.code().is_some(),
        "factlint was killed (CPU or memory limit of {cpu_seconds} s, {memory_mib} MiB): {args:?}\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "factlint panicked:\n{}",
        run.stderr
    );
    run
}

/// Copies `tests/cmd/<from>` (the folder of a command-line case, see `tests/cli_cases.rs`)
/// into `to`, so that a test in Rust starts from the same files as the cases.
#[allow(dead_code)] // Not every test binary uses it.
pub fn fixture(from: &str, to: &Path) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("fixture folder") {
            let entry = entry.expect("fixture entry");
            let path = entry.path();
            if path.is_dir() {
                copy(&path, &to.join(entry.file_name()));
            } else if entry.file_name() != ".keep" {
                std::fs::copy(&path, to.join(entry.file_name())).expect("copy fixture");
            }
        }
    }
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cmd")
            .join(from),
        to,
    );
}

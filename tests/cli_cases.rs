//! Command-line cases kept as data: each `tests/cmd/*.toml` runs `factlint` with its
//! `args` (and `.stdin`) in its folder (`fs.cwd`, or the `.in/` folder of the same name)
//! and expects its exit code (`status.code`) and the `.stdout` and `.stderr` beside it.
//! `tests/cmd/class-FL….toml` run `check` over `tests/fixtures/FL…/`: for each finding
//! class, a small rulebook and articles that raise that class alone, with near misses
//! that must not.
//!
//! After an intended change to output, `TRYCMD=overwrite cargo test --test cli_cases`
//! rewrites the expected files; read the diff before committing it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        // `bin.name = "factlint"` in each case: the binary cargo built for this test.
        .register_bin(
            "factlint",
            std::path::Path::new(env!("CARGO_BIN_EXE_factlint")),
        )
        // As `tests/common` runs factlint: no colour, a fixed width, and outside a gate
        // whatever the caller's environment (a gate is CI or PRE_COMMIT set and not "0"
        // or "false"; colour is forced by FORCE_COLOR or CLICOLOR_FORCE set and not "0").
        .env("NO_COLOR", "1")
        .env("FORCE_COLOR", "0")
        .env("CLICOLOR_FORCE", "0")
        .env("CI", "false")
        .env("PRE_COMMIT", "0")
        .env("COLUMNS", "100")
        .timeout(std::time::Duration::from_secs(120))
        .case("tests/cmd/*.toml")
        .run();
}

//! The command line never writes an output over its input: the memo pack checks every
//! file it will write, and `--out` refuses another name for the portfolio (a hard link).
//! Kept beside `cli.rs`, which holds the rest of the command line's tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use millwright::export::pack;

fn run(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_millwright")).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("could not start millwright: {e}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sample_text() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_portfolios")
        .join("midmarket_rollup_2b.json");
    std::fs::read(path).unwrap_or_else(|e| panic!("{e}"))
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("{e}"))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// A portfolio saved as `summary.csv` in the folder the pack goes into would be replaced
/// by the pack's summary table: `export` refuses before writing anything, and the
/// portfolio keeps every byte.
#[test]
fn export_refuses_a_pack_file_that_is_the_portfolio() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = sample_text();
    let file: PathBuf = dir.path().join("summary.csv");
    std::fs::write(&file, &original).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[
        "export",
        &file.to_string_lossy(),
        "--out",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("summary.csv") && stderr.contains("portfolio file itself"),
        "{stderr}"
    );
    assert!(
        std::fs::read(&file).unwrap_or_else(|e| panic!("{e}")) == original,
        "the portfolio changed"
    );
    assert_eq!(names_in(dir.path()), BTreeSet::from(["summary.csv".to_string()]));
}

/// The names `pack::file_names` gives (which `export` checks) are the files it writes.
#[test]
fn pack_file_names_are_the_files_export_writes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("fund.json");
    std::fs::write(&file, sample_text()).unwrap_or_else(|e| panic!("{e}"));
    let pack_dir = dir.path().join("pack");
    let out = run(&[
        "export",
        &file.to_string_lossy(),
        "--out",
        &pack_dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected: BTreeSet<String> = pack::file_names().into_iter().collect();
    assert_eq!(expected.len(), pack::file_count(), "names repeat");
    assert_eq!(names_in(&pack_dir), expected);
}

/// `cashflows F --out G` where G is a hard link to F would write the CSV into the
/// portfolio (a different path, the same file): refused, and F keeps every byte.
#[cfg(unix)]
#[test]
fn cashflows_refuses_a_hard_link_to_the_portfolio() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = sample_text();
    let file = dir.path().join("fund.json");
    std::fs::write(&file, &original).unwrap_or_else(|e| panic!("{e}"));
    let link = dir.path().join("flows.csv");
    std::fs::hard_link(&file, &link).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[
        "cashflows",
        &file.to_string_lossy(),
        "--out",
        &link.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("portfolio file itself"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        std::fs::read(&file).unwrap_or_else(|e| panic!("{e}")) == original,
        "the portfolio changed"
    );
}

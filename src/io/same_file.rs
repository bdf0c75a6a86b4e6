//! Refusing to write an output over one of the inputs (`cashflows fund.json --out
//! fund.json`, an export over the open portfolio): paths are compared after resolving
//! links and `..`, and on Unix by device and inode as well, so a hard link or another
//! spelling of the same file is caught too.

use std::path::{Path, PathBuf};

/// The output path names a file that is also an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "refusing to write {}: it is the input file {} — choose another output path",
    output.display(),
    input.display()
)]
pub struct SameFileError {
    /// The output path asked for.
    pub output: PathBuf,
    /// The input it would overwrite.
    pub input: PathBuf,
}

/// `Err` if `out` is the same file as any of `inputs`.
pub fn ensure_not_an_input(out: &Path, inputs: &[&Path]) -> Result<(), SameFileError> {
    let out_canonical = canonical(out);
    for input in inputs {
        if canonical(input) == out_canonical || same_inode(out, input) {
            return Err(SameFileError {
                output: out.to_path_buf(),
                input: input.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The canonical form of `path`; for a file that does not exist yet, its canonical folder
/// joined with its name (and the path made absolute if even that fails).
fn canonical(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    let linked = super::atomic::resolve_links(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = super::atomic::folder_of(&linked);
    match (std::fs::canonicalize(&folder), linked.file_name()) {
        (Ok(f), Some(name)) => f.join(name),
        _ => std::path::absolute(&linked).unwrap_or(linked),
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_by_any_spelling_is_refused() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        let input = dir.path().join("fund.json");
        std::fs::write(&input, "{}")?;
        let other_spelling = dir.path().join("sub").join("..").join("fund.json");

        let err = ensure_not_an_input(&other_spelling, &[Path::new("/nonexistent/x.json"), &input]);
        assert_eq!(
            err,
            Err(SameFileError {
                output: other_spelling.clone(),
                input: input.clone()
            })
        );
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("refusing") && message.contains("fund.json"),
            "{message}"
        );

        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&input, &link)?;
            assert!(
                ensure_not_an_input(&link, &[&input]).is_err(),
                "a symlink to the input"
            );
            let hard = dir.path().join("hard.json");
            std::fs::hard_link(&input, &hard)?;
            assert!(
                ensure_not_an_input(&hard, &[&input]).is_err(),
                "a hard link to the input"
            );
        }
        Ok(())
    }

    #[test]
    fn another_file_or_a_new_one_is_allowed() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("fund.json");
        std::fs::write(&input, "{}")?;
        let csv = dir.path().join("fund.csv");
        assert_eq!(
            ensure_not_an_input(&csv, &[&input]),
            Ok(()),
            "a file not yet written"
        );
        std::fs::write(&csv, "a,b")?;
        assert_eq!(ensure_not_an_input(&csv, &[&input]), Ok(()));
        assert_eq!(ensure_not_an_input(&csv, &[]), Ok(()));
        Ok(())
    }
}

//! Atomic file writes: write a temporary file in the target's folder, flush it to disk,
//! then rename it over the target. A failure at any step leaves the existing file as it
//! was and removes the temporary file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(
            ".{}.",
            path.file_name()
                .map_or_else(|| "millwright".into(), |n| n.to_string_lossy())
        ))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_existing_file_and_leaves_no_temp() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old")?;
        write_atomically(&target, b"new")?;
        assert_eq!(std::fs::read_to_string(&target)?, "new");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn failure_keeps_the_original() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        // The target is a non-empty folder: rename over it fails on every platform.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target)?;
        std::fs::write(target.join("keep.txt"), "keep")?;
        assert!(write_atomically(&target, b"x").is_err());
        assert_eq!(std::fs::read_to_string(target.join("keep.txt"))?, "keep");
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            1,
            "no temp file left behind"
        );
        Ok(())
    }
}

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
    // Keep the permissions of the file being replaced; new files get the usual 0644
    // rather than the temporary file's private 0600.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
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

    #[cfg(unix)]
    #[test]
    fn keeps_the_replaced_files_permissions() -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("fund.json");
        write_atomically(&target, b"one")?;
        assert_eq!(std::fs::metadata(&target)?.permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640))?;
        write_atomically(&target, b"two")?;
        assert_eq!(std::fs::metadata(&target)?.permissions().mode() & 0o777, 0o640);
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

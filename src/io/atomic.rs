//! Atomic file writes: write a temporary file of our own naming (see
//! [`super::temp_files`]) in the target's folder, flush it to disk, rename it over the
//! target, then flush the folder so the rename itself survives a power loss. A failure
//! at any step leaves the existing file as it was and removes the temporary file.
//!
//! A symlinked target is written through: the link is resolved, the real file is
//! replaced atomically beside itself, and the link stays. A read-only target is refused
//! ([`WriteError::ReadOnly`]) rather than replaced behind the user's back.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::temp_files::temp_path_for;

/// Why an atomic write failed. The existing file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target file is read-only, so it was left alone.
    #[error("{path} is read-only; it was not replaced (make it writable or choose another file)")]
    ReadOnly {
        /// The file that was to be replaced (after following symbolic links).
        path: PathBuf,
    },
    /// Following links, or creating, writing, flushing or renaming the temporary file,
    /// failed.
    #[error("{path}: {source}")]
    Io {
        /// The file being written (after following symbolic links, once they resolve).
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

impl From<WriteError> for std::io::Error {
    /// Keeps the typed error inside (find it with `get_ref()` and `downcast_ref`).
    fn from(error: WriteError) -> Self {
        let kind = match &error {
            WriteError::ReadOnly { .. } => std::io::ErrorKind::PermissionDenied,
            WriteError::Io { source, .. } => source.kind(),
        };
        std::io::Error::new(kind, error)
    }
}

/// Writes `bytes` to `path` atomically (see the module docs).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    try_write_atomically(path, bytes).map_err(std::io::Error::from)
}

/// Like [`write_atomically`], with a typed error.
pub fn try_write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target = resolve_links(path).map_err(|source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let io = |source| WriteError::Io {
        path: target.clone(),
        source,
    };
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(meta) = &existing
        && meta.is_file()
        && meta.permissions().readonly()
    {
        return Err(WriteError::ReadOnly { path: target });
    }
    let folder = folder_of(&target);
    let temp = TempFile::create(temp_path_for(&folder, &target)).map_err(io)?;
    // Keep the permissions of the file being replaced; new files get the usual 0644
    // rather than a private temporary mode.
    let permissions = match &existing {
        Some(meta) => meta.permissions(),
        None => default_permissions(&temp.file).map_err(io)?,
    };
    temp.write(bytes, permissions).map_err(io)?;
    temp.rename_to(&target).map_err(io)?;
    sync_folder(&folder).map_err(io)
}

/// The folder holding `path` (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Follows symbolic links from `path` to the file they end at (which need not exist
/// yet). Gives up after 40 links, as the kernel does.
pub(super) fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = if next.is_absolute() {
                    next
                } else {
                    folder_of(&current).join(next)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "{} is a loop of symbolic links",
        path.display()
    )))
}

/// Flushes a folder's entries (a rename into it) to disk. On Unix the folder is opened
/// and `sync_all`ed; other platforms have no portable way, and NTFS journals renames.
///
/// Whether the data reached the platter cannot be observed from a test; the tests count
/// the calls instead (see `folder_syncs`).
pub(super) fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(test)]
    FOLDER_SYNCS.with(|n| n.set(n.get() + 1));
    #[cfg(unix)]
    std::fs::File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _unused = folder;
    Ok(())
}

#[cfg(test)]
thread_local! {
    static FOLDER_SYNCS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many folder syncs this thread has made (tests only).
#[cfg(test)]
pub(super) fn folder_syncs() -> usize {
    FOLDER_SYNCS.with(std::cell::Cell::get)
}

/// A temporary file removed on drop unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    file: std::fs::File,
    renamed: bool,
}

impl TempFile {
    fn create(path: PathBuf) -> std::io::Result<TempFile> {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        Ok(TempFile {
            path,
            file,
            renamed: false,
        })
    }

    fn write(&self, bytes: &[u8], permissions: std::fs::Permissions) -> std::io::Result<()> {
        (&self.file).write_all(bytes)?;
        self.file.set_permissions(permissions)?;
        self.file.sync_all()
    }

    fn rename_to(mut self, target: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.renamed = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.renamed {
            // Best effort: a leftover is ours by name and the next clean-up removes it.
            std::fs::remove_file(&self.path).ok();
        }
    }
}

#[cfg(unix)]
pub(super) fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(super) fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests;

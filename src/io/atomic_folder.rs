//! Writing a set of files into one folder as a whole (the memo pack): every file goes
//! into a fresh temporary folder of our own naming beside the destination (same file
//! system), is flushed to disk, and only then moves into place.
//!
//! - Destination missing or empty: the temporary folder is renamed to it in one step,
//!   so the folder holds either nothing or the whole new set.
//! - Destination already holds files (an older pack): each new file is renamed over its
//!   old one. If a rename fails part-way, [`PartlyMoved`] says exactly
//!   which files are from this run, which are still from the earlier one, and where the
//!   new files that did not move are kept.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::{default_permissions, folder_of, sync_folder};
use super::temp_files::temp_path_for;

/// Why the files could not all be put in place.
#[derive(Debug, thiserror::Error)]
pub enum FolderWriteError {
    /// Nothing in the destination changed (the temporary folder was removed).
    #[error("could not write {path}: {source} ({out_dir} is unchanged)")]
    Unchanged {
        /// The destination folder.
        out_dir: PathBuf,
        /// The file or folder whose step failed.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Some files were replaced, others not.
    #[error(transparent)]
    PartlyMoved(Box<PartlyMoved>),
    /// Every file is in place but the folder could not be flushed to disk.
    #[error("wrote every file into {out_dir} but could not flush it to disk: {source}")]
    NotSynced {
        /// The destination folder.
        out_dir: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// A move into the destination that failed part-way: which files are from which run.
#[derive(Debug, thiserror::Error)]
#[error(
    "{} now holds a mix of two runs: moving {failed} failed ({source}). From this run: {}. \
     Still from the earlier run (or missing): {}. The new versions of those are in {}.",
    out_dir.display(), names(new_files), names(old_files), kept_in.display()
)]
pub struct PartlyMoved {
    /// The destination folder, now holding files of two runs.
    pub out_dir: PathBuf,
    /// The file whose rename failed.
    pub failed: String,
    /// Why the rename failed.
    pub source: std::io::Error,
    /// Files in `out_dir` written by this run.
    pub new_files: Vec<String>,
    /// Files of this run whose `out_dir` copy is still the earlier one (or absent).
    pub old_files: Vec<String>,
    /// The temporary folder that still holds the new versions of `old_files`.
    pub kept_in: PathBuf,
}

fn names(files: &[String]) -> String {
    if files.is_empty() {
        "none".into()
    } else {
        files.join(", ")
    }
}

/// Writes `files` (`(name, bytes)`, plain file names) into `out_dir` as a whole (see the
/// module docs). Creates `out_dir`'s parent folders if needed. Returns the paths written.
pub fn write_folder_atomically(
    out_dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<PathBuf>, FolderWriteError> {
    let unchanged = |path: &Path, source| FolderWriteError::Unchanged {
        out_dir: out_dir.to_path_buf(),
        path: path.to_path_buf(),
        source,
    };
    if out_dir.exists() && !out_dir.is_dir() {
        let not_a_folder = std::io::Error::other("it is a file, not a folder");
        return Err(unchanged(out_dir, not_a_folder));
    }
    let parent = folder_of(out_dir);
    std::fs::create_dir_all(&parent).map_err(|e| unchanged(&parent, e))?;
    // Best effort: leftovers of a killed export go; a failure here is not this export's.
    super::clean_stale_temp_files(&parent).ok();
    let staging = Staging::create(temp_path_for(&parent, out_dir)).map_err(|e| unchanged(out_dir, e))?;
    for (name, bytes) in files {
        let path = staging.path.join(name);
        write_new_file(&path, bytes).map_err(|e| unchanged(&path, e))?;
    }
    sync_folder(&staging.path).map_err(|e| unchanged(&staging.path, e))?;
    let written = files.iter().map(|(name, _)| out_dir.join(name)).collect();

    if is_missing_or_empty(out_dir) {
        staging.rename_whole(out_dir).map_err(|e| unchanged(out_dir, e))?;
        let synced = sync_folder(&parent);
        return synced
            .map(|()| written)
            .map_err(|source| FolderWriteError::NotSynced {
                out_dir: out_dir.to_path_buf(),
                source,
            });
    }
    move_one_by_one(staging, out_dir, files)?;
    Ok(written)
}

fn move_one_by_one(
    staging: Staging,
    out_dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<(), FolderWriteError> {
    for (i, (name, _)) in files.iter().enumerate() {
        if let Err(source) = std::fs::rename(staging.path.join(name), out_dir.join(name)) {
            if i == 0 {
                // Nothing moved yet: the destination is as it was.
                return Err(FolderWriteError::Unchanged {
                    out_dir: out_dir.to_path_buf(),
                    path: out_dir.join(name),
                    source,
                });
            }
            let names = || files.iter().map(|(n, _)| n.clone());
            let kept_in = staging.keep();
            // What did move is flushed even so (best effort: the error above is the news).
            sync_folder(out_dir).ok();
            return Err(FolderWriteError::PartlyMoved(Box::new(PartlyMoved {
                out_dir: out_dir.to_path_buf(),
                failed: name.clone(),
                source,
                new_files: names().take(i).collect(),
                old_files: names().skip(i).collect(),
                kept_in,
            })));
        }
    }
    sync_folder(out_dir).map_err(|source| FolderWriteError::NotSynced {
        out_dir: out_dir.to_path_buf(),
        source,
    })
    // `staging` is empty now; dropping it removes it.
}

fn is_missing_or_empty(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

fn write_new_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.set_permissions(default_permissions(&file)?)?;
    file.sync_all()
}

/// The temporary folder, removed (with anything left in it) on drop unless it was
/// renamed into place or kept for the user.
struct Staging {
    path: PathBuf,
    remove_on_drop: bool,
}

impl Staging {
    fn create(path: PathBuf) -> std::io::Result<Staging> {
        std::fs::create_dir(&path)?;
        Ok(Staging {
            path,
            remove_on_drop: true,
        })
    }

    /// Renames the whole folder to `out_dir` (missing, or an empty folder, which is
    /// removed first where the platform will not rename over it).
    fn rename_whole(mut self, out_dir: &Path) -> std::io::Result<()> {
        if let Err(first) = std::fs::rename(&self.path, out_dir) {
            if !out_dir.is_dir() {
                return Err(first);
            }
            std::fs::remove_dir(out_dir)?;
            std::fs::rename(&self.path, out_dir)?;
        }
        self.remove_on_drop = false;
        Ok(())
    }

    fn keep(mut self) -> PathBuf {
        self.remove_on_drop = false;
        std::mem::take(&mut self.path)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.remove_on_drop {
            // Best effort: a leftover is ours by name and the next clean-up removes it.
            std::fs::remove_dir_all(&self.path).ok();
        }
    }
}

#[cfg(test)]
mod tests;

//! The autosave copy of unsaved work in the data folder, and the note beside it that
//! remembers which file the work came from. Every failure is returned, typed, for the
//! status bar to show.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::AppPaths;
use crate::engine::model::Portfolio;
use crate::io::portfolio_file::{self, SaveError};

/// Why the autosave copy could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// The data folder could not be created.
    #[error("could not create the folder {path}: {source}")]
    Folder {
        /// The folder that could not be created.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The copy itself could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The note naming the original file could not be written.
    #[error("could not write the note beside the copy: {0}")]
    Note(std::io::Error),
}

/// What the autosave copy remembers besides the model.
#[derive(Serialize, Deserialize)]
struct AutosaveNote {
    original: Option<PathBuf>,
}

fn note_file(paths: &AppPaths) -> PathBuf {
    note_beside(&paths.autosave_file())
}

/// The note that goes with the autosave copy `copy` (`autosave-123.json` →
/// `autosave-123.note.json`).
fn note_beside(copy: &Path) -> PathBuf {
    copy.with_extension("note.json")
}

/// The process that wrote the autosave copy `name` (`autosave-123.json` → 123); `None`
/// for the single copy of older versions (`autosave.json`) and for other files.
fn writer_of(name: &str) -> Option<Option<u32>> {
    if name == "autosave.json" {
        return Some(None);
    }
    let pid = name.strip_prefix("autosave-")?.strip_suffix(".json")?;
    pid.parse().ok().map(Some)
}

/// Whether process `pid` is running (another Millwright still working on its copy). Where
/// the system cannot tell (no `/proc`), every other instance's copy counts as running, so
/// a copy is never taken from an instance that may still be alive.
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc_root = Path::new("/proc");
    !proc_root.is_dir() || proc_root.join(pid.to_string()).exists()
}

/// Autosave copies left by instances that are no longer running, oldest first.
fn orphaned_copies(paths: &AppPaths) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(&paths.data_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let writer = writer_of(&name)?;
            if writer.is_some_and(is_running) {
                return None;
            }
            let modified = entry.metadata().and_then(|m| m.modified()).ok()?;
            Some((modified, entry.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// Writes the autosave copy of unsaved work that came from `original` (if any).
pub fn write_autosave(
    paths: &AppPaths,
    portfolio: &Portfolio,
    original: Option<&Path>,
) -> Result<(), AutosaveError> {
    std::fs::create_dir_all(&paths.data_dir).map_err(|source| AutosaveError::Folder {
        path: paths.data_dir.clone(),
        source,
    })?;
    portfolio_file::save(&paths.autosave_file(), portfolio)?;
    let note = serde_json::to_string(&AutosaveNote {
        original: original.map(Path::to_path_buf),
    })
    .map_err(|e| AutosaveError::Note(std::io::Error::other(e)))?;
    crate::io::write_atomically(&note_file(paths), note.as_bytes()).map_err(AutosaveError::Note)
}

/// The newest autosave copy left by a session that did not close cleanly, if any. Each
/// running instance writes its own copy (named by its process id), so one instance's
/// clean exit never deletes another's work, and a copy is only offered once the instance
/// that wrote it is gone. The copy offered is adopted as this instance's own, so Discard,
/// a save or a clean exit removes it. A copy that no longer loads is left where it is.
pub fn find_autosave(paths: &AppPaths) -> Option<(Portfolio, Option<PathBuf>)> {
    let copy = orphaned_copies(paths)
        .into_iter()
        .rev()
        .find(|copy| portfolio_file::load(copy).is_ok())?;
    let portfolio = portfolio_file::load(&copy).ok()?;
    let original = std::fs::read_to_string(note_beside(&copy))
        .ok()
        .and_then(|t| serde_json::from_str::<AutosaveNote>(&t).ok())
        .and_then(|n| n.original);
    adopt(paths, &copy);
    Some((portfolio, original))
}

/// Makes the copy `copy` this instance's own (renamed to this instance's names). If the
/// rename fails the copy stays where it is and is offered again next time.
fn adopt(paths: &AppPaths, copy: &Path) {
    let own = paths.autosave_file();
    if copy == own {
        return;
    }
    if std::fs::rename(copy, &own).is_ok() {
        // The note is optional: without it the recovered work has no original file.
        std::fs::rename(note_beside(copy), note_file(paths)).ok();
    }
}

/// Deletes the autosave copy and its note (after a save, or a clean exit). Files that
/// are already gone are fine.
pub fn remove_autosave(paths: &AppPaths) -> std::io::Result<()> {
    for file in [paths.autosave_file(), note_file(paths)] {
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autosave_round_trips_with_the_original_path() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        assert!(find_autosave(&paths).is_none());
        remove_autosave(&paths)?;
        let p = crate::io::samples::flagship()?;
        write_autosave(&paths, &p, Some(Path::new("/models/fund.json")))?;
        let (found, original) = find_autosave(&paths).ok_or_else(|| anyhow::anyhow!("no autosave"))?;
        assert_eq!(found, p);
        assert_eq!(original, Some(PathBuf::from("/models/fund.json")));
        remove_autosave(&paths)?;
        assert!(find_autosave(&paths).is_none());
        Ok(())
    }

    #[test]
    fn each_instance_keeps_its_own_copy_and_a_running_ones_is_never_taken() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        std::fs::create_dir_all(&paths.data_dir)?;
        let p = crate::io::samples::midmarket()?;
        // Process 1 (init) is always running: its copy must be left alone.
        let running = paths.data_dir.join("autosave-1.json");
        portfolio_file::save(&running, &p)?;
        assert!(
            find_autosave(&paths).is_none(),
            "a running instance's copy was offered"
        );
        assert!(running.exists(), "a running instance's copy was touched");
        // A copy from a process that is gone (pid far above any real one) is offered and
        // becomes ours, so our clean exit removes it and nothing else.
        let orphan = paths.data_dir.join(format!("autosave-{}.json", u32::MAX - 7));
        portfolio_file::save(&orphan, &p)?;
        let (found, _) = find_autosave(&paths).ok_or_else(|| anyhow::anyhow!("orphan not offered"))?;
        assert_eq!(found, p);
        assert!(!orphan.exists());
        assert!(paths.autosave_file().exists());
        remove_autosave(&paths)?;
        assert!(running.exists(), "our clean-up deleted another instance's copy");
        Ok(())
    }

    #[test]
    fn the_copy_of_an_older_version_is_still_offered() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        std::fs::create_dir_all(&paths.data_dir)?;
        let p = crate::io::samples::midmarket()?;
        portfolio_file::save(&paths.data_dir.join("autosave.json"), &p)?;
        assert_eq!(find_autosave(&paths).map(|(found, _)| found), Some(p));
        Ok(())
    }

    #[test]
    fn a_failed_autosave_says_why() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        // The data folder cannot be created where a file stands.
        let blocked = dir.path().join("data");
        std::fs::write(&blocked, "not a folder")?;
        let paths = AppPaths::under(dir.path());
        let p = crate::io::samples::flagship()?;
        let error = write_autosave(&paths, &p, None)
            .err()
            .ok_or_else(|| anyhow::anyhow!("it saved"))?;
        assert!(matches!(error, AutosaveError::Folder { .. }), "{error:?}");
        assert!(
            error.to_string().contains("could not create the folder"),
            "{error}"
        );
        Ok(())
    }
}

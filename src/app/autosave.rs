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
    paths.data_dir.join("autosave.note.json")
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

/// The autosave copy left by a session that did not close cleanly, if any (a copy that
/// no longer loads is not offered).
pub fn find_autosave(paths: &AppPaths) -> Option<(Portfolio, Option<PathBuf>)> {
    let portfolio = portfolio_file::load(&paths.autosave_file()).ok()?;
    let original = std::fs::read_to_string(note_file(paths))
        .ok()
        .and_then(|t| serde_json::from_str::<AutosaveNote>(&t).ok())
        .and_then(|n| n.original);
    Some((portfolio, original))
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

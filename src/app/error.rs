//! The app's errors, kept typed until they are drawn: [`AppError`] for what a dialog
//! shows, and [`FileWarnings`] for the app's own files (autosave, preferences) and an
//! open file of an older format version, shown in the status bar until the operation
//! next succeeds (or the file is saved).

use crate::engine::edit::EditError;
use crate::io::portfolio_file::{LoadError, Migration, SaveError};

/// Something that went wrong, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A portfolio file could not be read or understood.
    #[error("Could not open the file.\n\n{0}")]
    Open(LoadError),
    /// Saving failed; the file on disk is as it was.
    #[error("Could not save. Your file on disk is unchanged.\n\n{0}")]
    Save(SaveError),
    /// The background copy of unsaved work could not be written.
    #[error("Autosave failed: {0} — your work is not protected")]
    Autosave(super::autosave::AutosaveError),
    /// The window and view preferences could not be written.
    #[error("Preferences not saved: {0}")]
    Prefs(std::io::Error),
    /// The autosave copy could not be removed after a save or a clean exit.
    #[error("Could not delete the autosave copy ({0}): Millwright may offer to recover it next time")]
    RemoveAutosave(std::io::Error),
    /// Leftover temporary files of an interrupted save could not be removed from the
    /// app's own folders.
    #[error("Could not remove leftover temporary files from Millwright's folders: {0}")]
    TempCleanup(std::io::Error),
    /// The model refused an edit (a bad index, a name already taken, a value that does
    /// not fit).
    #[error("That change could not be made: {0}.")]
    Edit(EditError),
    /// A chart could not be built or written (the reason, in words).
    #[error("Could not export the chart.\n\n{0}")]
    ChartExport(String),
    /// The memo pack could not be built or written (the reason, in words).
    #[error("The memo pack could not be written.\n\n{0}")]
    MemoPack(String),
    /// An export was asked for while the model does not compute.
    #[error("There are no results to export yet: fix the model's errors first.")]
    NoResults,
    /// The open file was written in an older format version and was brought up to the
    /// current one in memory; saving writes the current version.
    #[error("{file} {migration}")]
    OlderFormat {
        /// The file's name.
        file: String,
        /// The versions it went between.
        migration: Migration,
    },
}

/// Failures of the app's own files, each kept until the same operation succeeds.
#[derive(Debug, Default)]
pub struct FileWarnings {
    /// The last autosave failed ([`AppError::Autosave`]); cleared by an autosave or a
    /// save that succeeds.
    pub autosave: Option<AppError>,
    /// The preferences could not be written ([`AppError::Prefs`]).
    pub prefs: Option<AppError>,
    /// The autosave copy could not be deleted ([`AppError::RemoveAutosave`]).
    pub cleanup: Option<AppError>,
    /// Stale temporary files in the app's folders could not be removed on start
    /// ([`AppError::TempCleanup`]).
    pub temp_cleanup: Option<AppError>,
    /// The open file is of an older format version ([`AppError::OlderFormat`]); cleared
    /// when it is saved or another model replaces it.
    pub older_format: Option<AppError>,
}

impl FileWarnings {
    /// The warnings to show, most serious first.
    pub fn iter(&self) -> impl Iterator<Item = &AppError> {
        [
            &self.autosave,
            &self.prefs,
            &self.cleanup,
            &self.temp_cleanup,
            &self.older_format,
        ]
        .into_iter()
        .flatten()
    }
}

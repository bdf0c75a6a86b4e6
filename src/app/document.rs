//! The open model's file actions: New, Open, Save, Save As, the autosave copy and the
//! preferences file. Every failure is kept typed ([`AppError`]): a dialog shows a failed
//! open or save, the status bar shows a failed autosave or preferences save until the
//! next one succeeds.

use std::path::PathBuf;
use std::time::Instant;

use super::error::AppError;
use super::{AUTOSAVE_EVERY, MillwrightApp, Pending, autosave};
use crate::engine::defaults;
use crate::io::portfolio_file;

impl MillwrightApp {
    /// Asks before `action` when there are unsaved changes; otherwise does it.
    pub fn request(&mut self, action: Pending) {
        if self.state.is_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(action);
        }
    }

    /// Does `action` now, unsaved changes or not.
    pub fn perform(&mut self, action: Pending) {
        match action {
            Pending::New | Pending::Close => {
                let today = chrono::Local::now().date_naive();
                self.state.replace(defaults::blank_portfolio(today), None);
            }
            Pending::Open(path) => {
                let Some(path) = path.or_else(|| self.dialog.pick_open()) else {
                    return;
                };
                self.open_path(path);
            }
            Pending::Quit => self.allow_close = true,
        }
        self.charts.clear();
    }

    /// Opens `path`; on failure shows why and keeps the current model.
    pub fn open_path(&mut self, path: PathBuf) {
        match portfolio_file::load(&path) {
            Ok(portfolio) => {
                self.prefs.remember(&path);
                self.save_prefs();
                self.state.replace(portfolio, Some(path));
                self.charts.clear();
            }
            Err(e) => self.error = Some(AppError::Open(e)),
        }
    }

    /// Saves to the current file, or asks where. Returns whether it saved.
    pub fn save(&mut self) -> bool {
        match self.state.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    /// Asks where to save, then saves. Returns whether it saved.
    pub fn save_as(&mut self) -> bool {
        let suggested = format!(
            "{}.json",
            self.state.portfolio.fund.name.replace(['/', '\\', ':'], "-")
        );
        match self.dialog.pick_save(&suggested) {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match portfolio_file::save(&path, &self.state.portfolio) {
            Ok(()) => {
                self.prefs.remember(&path);
                self.save_prefs();
                self.state.mark_saved(path);
                // The work is in its file now: an earlier autosave failure no longer matters.
                self.warnings.autosave = None;
                self.remove_autosave();
                true
            }
            Err(e) => {
                self.error = Some(AppError::Save(e));
                false
            }
        }
    }

    /// Copies unsaved work to the data folder once a minute.
    pub(super) fn autosave_if_due(&mut self) {
        if self.state.is_dirty() && self.last_autosave.elapsed() >= AUTOSAVE_EVERY {
            self.autosave_now();
        }
    }

    /// Copies the model to the data folder now. A failure stays in the status bar until
    /// an autosave (or a save) succeeds.
    pub fn autosave_now(&mut self) {
        self.last_autosave = Instant::now();
        let Some(paths) = &self.paths else { return };
        self.warnings.autosave =
            autosave::write_autosave(paths, &self.state.portfolio, self.state.path.as_deref())
                .err()
                .map(AppError::Autosave);
    }

    /// Deletes the autosave copy (saved or discarded work); a failure is shown.
    pub fn remove_autosave(&mut self) {
        let Some(paths) = &self.paths else { return };
        self.warnings.cleanup = autosave::remove_autosave(paths)
            .err()
            .map(AppError::RemoveAutosave);
    }

    /// Writes the preferences; a failure is shown until a later write succeeds.
    pub fn save_prefs(&mut self) {
        let Some(paths) = &self.paths else { return };
        self.warnings.prefs = self.prefs.save(paths).err().map(AppError::Prefs);
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::app::files::{AppPaths, FileDialog};
    use crate::engine::edit::Edit;

    struct NoDialog;

    impl FileDialog for NoDialog {
        fn pick_open(&mut self) -> Option<PathBuf> {
            None
        }
        fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
            None
        }
        fn pick_export(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
            None
        }
        fn pick_folder(&mut self) -> Option<PathBuf> {
            None
        }
    }

    #[test]
    fn a_failed_autosave_stays_in_view_until_one_succeeds() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        let sample = crate::io::samples::flagship()?;
        let mut app = MillwrightApp::new(sample, None, Box::new(NoDialog), Some(paths.clone()));
        app.state.apply(Edit::AddStage)?;
        // A file where the data folder should be: the copy cannot be written.
        std::fs::write(&paths.data_dir, "in the way")?;
        app.autosave_now();
        let shown = app.warnings.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].starts_with("Autosave failed: could not create the folder"),
            "{}",
            shown[0]
        );
        assert!(shown[0].ends_with("— your work is not protected"), "{}", shown[0]);

        std::fs::remove_file(&paths.data_dir)?;
        app.autosave_now();
        assert!(
            app.warnings.autosave.is_none(),
            "a good autosave clears the warning"
        );
        assert!(paths.autosave_file().exists());
        Ok(())
    }
}

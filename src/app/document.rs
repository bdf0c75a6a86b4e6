//! The open model's file actions: New, Open, Save, Save As (through the app's own file
//! dialog, [`super::file_dialog`]), the autosave copy and the preferences file. Every failure is kept typed ([`AppError`]): a dialog shows a failed
//! open or save, the status bar shows a failed autosave or preferences save until the
//! next one succeeds.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::error::AppError;
use super::file_dialog::{self, Answer, FileDialogWindow, FileTask};
use super::results_area::Headline;
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

    /// Does `action` now, unsaved changes or not (Open without a file asks for one in the
    /// app's file dialog).
    pub fn perform(&mut self, action: Pending) {
        match action {
            Pending::New | Pending::Close => {
                let today = chrono::Local::now().date_naive();
                self.state.replace(defaults::blank_portfolio(today), None);
                self.warnings.older_format = None;
                self.headline = Headline::default();
            }
            Pending::Open(Some(path)) => self.open_path(path),
            Pending::Open(None) => self.open_file_dialog(FileTask::Open),
            Pending::Quit => self.allow_close = true,
        }
        self.charts.clear();
    }

    /// Opens `path`; on failure shows why and keeps the current model.
    pub fn open_path(&mut self, path: PathBuf) {
        match portfolio_file::load_with_migration(&path) {
            Ok(portfolio_file::Loaded { portfolio, migrated }) => {
                self.prefs.remember(&path);
                self.save_prefs();
                // Said once, until the file is saved in the current version.
                self.warnings.older_format = migrated.map(|migration| AppError::OlderFormat {
                    file: path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    ),
                    migration,
                });
                self.state.replace(portfolio, Some(path));
                self.charts.clear();
                self.headline = Headline::default();
            }
            Err(e) => self.error = Some(AppError::Open(e)),
        }
    }

    /// Saves to the current file, or asks where (in the app's file dialog). Returns
    /// whether it saved now.
    pub fn save(&mut self) -> bool {
        match self.state.path.clone() {
            Some(path) => self.save_to(path),
            None => {
                self.save_as();
                false
            }
        }
    }

    /// Saves, then does `then` (an action that asked about unsaved changes); with no file
    /// yet, `then` waits in the Save As dialog until the model is saved.
    pub fn save_then(&mut self, then: Pending) {
        match self.state.path.clone() {
            Some(path) => {
                if self.save_to(path) {
                    self.perform(then);
                }
            }
            None => self.open_file_dialog(FileTask::SaveAs { then: Some(then) }),
        }
    }

    /// Asks where to save, in the app's file dialog.
    pub fn save_as(&mut self) {
        self.open_file_dialog(FileTask::SaveAs { then: None });
    }

    /// Opens the app's file dialog for `task`, its path field in the open file's folder
    /// (or the documents folder) with a suggested name.
    pub fn open_file_dialog(&mut self, task: FileTask) {
        let start = self
            .state
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|folder| folder.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| self.paths.as_ref().and_then(|p| p.documents_dir.clone()))
            .or_else(file_dialog::documents_folder)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let fund_name = self.state.portfolio.fund.name.replace(['/', '\\', ':'], "-");
        let suggested = match &task {
            FileTask::SaveAs { .. } => format!("{fund_name}.json"),
            FileTask::Open => String::new(),
            FileTask::ExportChart { chart, extension, .. } => format!("{}.{extension}", chart.id.name()),
            FileTask::MemoPack => format!("{fund_name} memo pack"),
        };
        self.file_dialog = Some(FileDialogWindow::new(
            task,
            start,
            &suggested,
            &self.prefs.recent_files,
        ));
    }

    /// Draws the file dialog, if open, and acts on what was pressed.
    pub(super) fn file_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.file_dialog else {
            return;
        };
        match dialog.ui(ctx) {
            None => {}
            Some(Answer::Cancel) => self.file_dialog = None,
            Some(Answer::Browse) => self.browse(),
            Some(Answer::Confirm) => self.confirm_file_dialog(),
        }
    }

    /// "Browse…": the system dialog's answer is used as if typed and confirmed; no answer
    /// (cancelled, or no file portal on this desktop) is said in the dialog.
    fn browse(&mut self) {
        let Some(dialog) = &mut self.file_dialog else {
            return;
        };
        let name = dialog.file_name();
        let picked = match &dialog.task {
            FileTask::SaveAs { .. } => self.dialog.pick_save(&name),
            FileTask::Open => self.dialog.pick_open(),
            FileTask::ExportChart { extension, .. } => self.dialog.pick_export(&name, extension),
            FileTask::MemoPack => self.dialog.pick_folder(),
        };
        match picked {
            Some(path) => {
                dialog.accept_browsed(&path);
                self.confirm_file_dialog();
            }
            None => {
                dialog.message = Some(
                    "The system file dialog returned no file: it was cancelled, or this desktop has \
                     no file portal. Type the path above instead."
                        .into(),
                );
            }
        }
    }

    /// Checks the typed path; a refusal stays in the dialog, a good path runs the task.
    fn confirm_file_dialog(&mut self) {
        let Some(mut dialog) = self.file_dialog.take() else {
            return;
        };
        match dialog.checked_path(self.state.path.as_deref()) {
            Err(reason) => {
                dialog.message = Some(reason);
                self.file_dialog = Some(dialog);
            }
            Ok(path) => match dialog.task {
                FileTask::SaveAs { then } => {
                    if self.save_to(path)
                        && let Some(action) = then
                    {
                        self.perform(action);
                    }
                }
                FileTask::Open => self.open_path(path),
                FileTask::ExportChart { chart, case, .. } => self.write_chart(&chart, &case, &path),
                FileTask::MemoPack => self.start_memo_pack_in(path),
            },
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
                self.warnings.older_format = None;
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

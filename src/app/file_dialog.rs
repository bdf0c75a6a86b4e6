//! The app's own file dialog for Save As, Open, chart exports and the memo pack: a path
//! field pre-filled in the user's documents folder, the folders of recent files, and
//! "Browse…" for the system dialog ([`super::files::FileDialog`]). A desktop without a
//! file portal (where the system dialog answers nothing at all) can still save: the
//! path is typed. A typed path is checked before anything is written ([`resolve()`]);
//! every refusal and an empty system dialog are said in the window, never dropped.

use std::path::{Path, PathBuf};

use egui::{Context, Id, Key, Modal, RichText};

use super::Pending;
use crate::charts::Chart;
use crate::engine::study::Case;

mod resolve;

pub use resolve::resolve;

/// The colour of a refusal.
const ERROR: egui::Color32 = egui::Color32::from_rgb(0xC0, 0x20, 0x20);

/// What the dialog chooses a path for.
#[derive(Clone)]
pub enum FileTask {
    /// Save the model to a new file, then do `then` (an action that waited for the save,
    /// as "save your changes before quitting?").
    SaveAs {
        /// The action that waits for the save, if any.
        then: Option<Pending>,
    },
    /// Open a portfolio file.
    Open,
    /// Write `chart` of `case` as an `extension` file (`svg`, `png`).
    ExportChart {
        /// The chart as shown on screen.
        chart: Box<Chart>,
        /// The case it shows.
        case: Case,
        /// `svg` or `png`.
        extension: &'static str,
    },
    /// Write the viewed case's memo pack into a folder.
    MemoPack,
}

/// The kind of path a task needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A file to read: it must exist.
    ExistingFile,
    /// A file to write, with this extension.
    NewFile {
        /// The extension the file must have (`json`, `svg`); added when the typed name
        /// lacks it.
        extension: &'static str,
    },
    /// A folder to write into (made if missing).
    Folder,
}

impl FileTask {
    /// The window's heading.
    pub fn title(&self) -> String {
        match self {
            FileTask::SaveAs { .. } => "Save As".into(),
            FileTask::Open => "Open".into(),
            FileTask::ExportChart { extension, .. } => format!("Export {}", extension.to_uppercase()),
            FileTask::MemoPack => "Export memo pack".into(),
        }
    }

    /// The text of the button that does it.
    pub fn confirm_text(&self) -> &'static str {
        match self {
            FileTask::SaveAs { .. } => "Save",
            FileTask::Open => "Open",
            FileTask::ExportChart { .. } => "Export",
            FileTask::MemoPack => "Export here",
        }
    }

    /// The kind of path it needs.
    pub fn wanted(&self) -> Wanted {
        match self {
            FileTask::SaveAs { .. } => Wanted::NewFile { extension: "json" },
            FileTask::Open => Wanted::ExistingFile,
            FileTask::ExportChart { extension, .. } => Wanted::NewFile { extension },
            FileTask::MemoPack => Wanted::Folder,
        }
    }
}

/// What the user pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The confirm button, or Enter in the path field: use the typed path.
    Confirm,
    /// "Browse…": ask the system's file dialog.
    Browse,
    /// Cancel: close without doing the task.
    Cancel,
}

/// The open dialog: its task, the typed path and what it last had to say.
pub struct FileDialogWindow {
    /// What the chosen path is for.
    pub task: FileTask,
    /// The path as typed.
    pub path: String,
    /// Why the last attempt was refused, or what the system dialog did; shown in red.
    pub message: Option<String>,
    /// Where a path typed without a folder goes.
    pub start_folder: PathBuf,
    recent_folders: Vec<PathBuf>,
    /// An existing file the user has been warned about; pressing again replaces it.
    replace_confirmed: Option<PathBuf>,
}

/// The user's documents folder, or their home folder when there is none.
pub fn documents_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| dirs.home_dir())
            .to_path_buf(),
    )
}

/// The folders of `recent_files`, most recent first, each once, those that still exist.
pub fn recent_folders(recent_files: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for folder in recent_files.iter().filter_map(|f| f.parent()) {
        if folder.is_dir() && !folders.iter().any(|f| f == folder) {
            folders.push(folder.to_path_buf());
        }
    }
    folders
}

impl FileDialogWindow {
    /// A dialog for `task`, its path field set to `suggested_name` in `start_folder`.
    pub fn new(
        task: FileTask,
        start_folder: PathBuf,
        suggested_name: &str,
        recent_files: &[PathBuf],
    ) -> Self {
        let path = start_folder.join(suggested_name).display().to_string();
        Self {
            task,
            path,
            message: None,
            start_folder,
            recent_folders: recent_folders(recent_files),
            replace_confirmed: None,
        }
    }

    /// Takes the system dialog's answer as the path; the system dialog has already asked
    /// about replacing it.
    pub fn accept_browsed(&mut self, path: &Path) {
        self.path = path.display().to_string();
        self.replace_confirmed = Some(path.to_path_buf());
        self.message = None;
    }

    /// The file name in the path field (kept when a recent folder is picked).
    pub fn file_name(&self) -> String {
        Path::new(self.path.trim())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Draws the dialog; returns what was pressed this frame.
    pub fn ui(&mut self, ctx: &Context) -> Option<Answer> {
        let mut answer = None;
        Modal::new(Id::unique("file_dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(self.task.title());
            let hint = match self.task.wanted() {
                Wanted::ExistingFile => "Type the path of a portfolio file, or browse for it.",
                Wanted::NewFile { .. } => {
                    "Type where to write the file (a name alone goes into the folder shown), or browse."
                }
                Wanted::Folder => "Type the folder for the memo pack (made if missing), or browse.",
            };
            ui.label(hint);
            ui.horizontal(|ui| {
                let label = ui.label("Path");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(400.0))
                    .labelled_by(label.id);
                if field.changed() {
                    self.replace_confirmed = None;
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    answer = Some(Answer::Confirm);
                }
                if ui
                    .button("Browse…")
                    .on_hover_text("Use the system's file dialog")
                    .clicked()
                {
                    answer = Some(Answer::Browse);
                }
            });
            self.recent_ui(ui);
            if let Some(message) = &self.message {
                ui.add(egui::Label::new(RichText::new(message).color(ERROR)).wrap());
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(self.task.confirm_text()).clicked() {
                    answer = Some(Answer::Confirm);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        answer
    }

    fn recent_ui(&mut self, ui: &mut egui::Ui) {
        if self.recent_folders.is_empty() {
            return;
        }
        ui.label(RichText::new("Recent folders").small());
        let name = self.file_name();
        let mut picked = None;
        for folder in &self.recent_folders {
            if ui.link(folder.display().to_string()).clicked() {
                picked = Some(folder.clone());
            }
        }
        if let Some(folder) = picked {
            let path = if name.is_empty() {
                folder
            } else {
                folder.join(name)
            };
            self.path = path.display().to_string();
            self.replace_confirmed = None;
        }
    }

    /// The typed path, checked for the task ([`resolve()`]); an existing file other than
    /// `open_portfolio` is replaced only when asked twice.
    pub fn checked_path(&mut self, open_portfolio: Option<&Path>) -> Result<PathBuf, String> {
        let path = resolve(&self.path, self.task.wanted(), &self.start_folder, open_portfolio)?;
        let replaces_another = matches!(self.task.wanted(), Wanted::NewFile { .. })
            && path.is_file()
            && open_portfolio.is_none_or(|open| crate::io::ensure_not_an_input(&path, &[open]).is_ok());
        if replaces_another && self.replace_confirmed.as_ref() != Some(&path) {
            self.path = path.display().to_string();
            self.replace_confirmed = Some(path.clone());
            return Err(format!(
                "{} already exists: press {} again to replace it.",
                path.display(),
                self.task.confirm_text()
            ));
        }
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_replaced_only_when_asked_twice() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("old.json"), "{}")?;
        let task = FileTask::SaveAs { then: None };
        let mut dialog = FileDialogWindow::new(task, dir.path().to_path_buf(), "old.json", &[]);
        let first = dialog.checked_path(None);
        assert!(
            first.as_ref().is_err_and(|e| e.contains("press Save again")),
            "{first:?}"
        );
        assert_eq!(dialog.checked_path(None), Ok(dir.path().join("old.json")));
        Ok(())
    }

    #[test]
    fn recent_folders_are_listed_once_and_only_if_they_exist() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        let gone = dir.path().join("gone").join("c.json");
        assert_eq!(recent_folders(&[a, gone, b]), vec![dir.path().to_path_buf()]);
        Ok(())
    }
}

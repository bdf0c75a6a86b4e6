//! Where the app keeps its own files (recent files, view preferences, the autosave
//! copy), and the native file dialogs behind a trait so tests can fake them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Native open/save dialogs.
pub trait FileDialog {
    /// A portfolio file to open, or `None` when cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save, or `None` when cancelled.
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to write an exported file with `extension` (`svg`, `png`).
    fn pick_export(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// A folder for the memo pack.
    fn pick_folder(&mut self) -> Option<PathBuf>;
}

/// The system's dialogs (xdg portal on Linux): with no portal they answer `None`.
pub struct NativeDialog;

impl FileDialog for NativeDialog {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Millwright portfolio", &["json"])
            .pick_file()
    }
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Millwright portfolio", &["json"])
            .set_file_name(suggested_name)
            .save_file()
    }
    fn pick_export(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(suggested_name)
            .save_file()
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Folder for the memo pack")
            .pick_folder()
    }
}

/// Folders for the app's own files.
#[derive(Debug, Clone)]
pub struct AppPaths {
    /// Where the preferences live.
    pub config_dir: PathBuf,
    /// Where the autosave copy and its note live.
    pub data_dir: PathBuf,
    /// Where the file dialog starts when the model has no file yet (the user's documents
    /// folder, or their home folder).
    pub documents_dir: Option<PathBuf>,
}

impl AppPaths {
    /// The user's config and data folders (e.g. `~/.config/millwright`).
    pub fn for_user() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "millwright")?;
        Some(Self {
            config_dir: dirs.config_dir().to_path_buf(),
            data_dir: dirs.data_dir().to_path_buf(),
            documents_dir: super::file_dialog::documents_folder(),
        })
    }

    /// Paths under one folder (tests): the file dialog starts in `root` itself.
    pub fn under(root: &Path) -> Self {
        Self {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            documents_dir: Some(root.to_path_buf()),
        }
    }

    fn prefs_file(&self) -> PathBuf {
        self.config_dir.join("preferences.json")
    }

    /// The autosave copy of unsaved work.
    pub fn autosave_file(&self) -> PathBuf {
        // One copy per running instance, so two instances never share (or delete) one.
        self.data_dir
            .join(format!("autosave-{}.json", std::process::id()))
    }
}

/// The results tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Tab {
    /// The fund's headline figures.
    #[default]
    Overview,
    /// A chart tab: position in [`crate::charts::ChartId::TABS`].
    Chart(usize),
    /// The table of companies and their deal figures.
    Companies,
    /// The quarterly statement of the company selected in the tree.
    Statement,
    /// The LP classes' capital accounts and their figures over the fund's life.
    LpAccounts,
    /// The AI programme: lever timelines, uplift on the plan and risk-adjusted, evidence.
    AiProgramme,
    /// The base case beside every scenario.
    Compare,
    /// Tornado and grid over the drivers.
    Sensitivity,
    /// The Monte Carlo simulation.
    MonteCarlo,
}

/// View preferences and recent files, kept between runs. The model lives only in files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Dark theme instead of light.
    pub dark_mode: bool,
    /// Whether the model tree panel is shown.
    pub show_tree: bool,
    /// Whether the field editor panel is shown.
    pub show_editor: bool,
    /// The results tab last open.
    pub tab: Tab,
    /// Width of the tree panel, in points.
    pub tree_width: f32,
    /// Width of the editor panel, in points.
    pub editor_width: f32,
    /// The tree groups companies by sector rather than by stage.
    pub group_by_sector: bool,
    /// Files opened or saved lately, newest first.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark_mode: false,
            show_tree: true,
            show_editor: true,
            tab: Tab::Overview,
            tree_width: 260.0,
            editor_width: 360.0,
            group_by_sector: false,
            recent_files: Vec::new(),
        }
    }
}

const RECENT_LIMIT: usize = 10;

impl Prefs {
    /// Reads the preferences; defaults when absent or unreadable.
    pub fn load(paths: &AppPaths) -> Self {
        std::fs::read_to_string(paths.prefs_file())
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the preferences (best effort: a failure loses only view settings).
    pub fn save(&self, paths: &AppPaths) -> std::io::Result<()> {
        std::fs::create_dir_all(&paths.config_dir)?;
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::io::write_atomically(&paths.prefs_file(), text.as_bytes())
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_round_trip_and_recent_files_stay_unique_and_short() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        assert_eq!(Prefs::load(&paths), Prefs::default());
        let mut prefs = Prefs {
            dark_mode: true,
            tab: Tab::Chart(2),
            ..Prefs::default()
        };
        for i in 0..12 {
            prefs.remember(Path::new(&format!("/f{i}.json")));
        }
        prefs.remember(Path::new("/f5.json"));
        assert_eq!(prefs.recent_files.len(), 10);
        assert_eq!(prefs.recent_files[0], PathBuf::from("/f5.json"));
        assert_eq!(
            prefs
                .recent_files
                .iter()
                .filter(|p| p.ends_with("f5.json"))
                .count(),
            1
        );
        prefs.save(&paths)?;
        assert_eq!(Prefs::load(&paths), prefs);
        Ok(())
    }
}

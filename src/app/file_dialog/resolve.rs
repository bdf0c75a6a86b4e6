//! A typed path made ready for the dialog's task, or the reason it cannot be used: `~`
//! expanded, a relative path put in the start folder, a file to write given its
//! extension and checked against its folder and the open portfolio.

use std::path::{Path, PathBuf};

use super::Wanted;

/// `~` or `~/…` with the home folder put in.
fn expand_home(text: &str) -> PathBuf {
    let home = || directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    match text.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') || rest.starts_with('\\') => home()
            .map_or_else(
                || PathBuf::from(text),
                |h| h.join(rest.trim_start_matches(['/', '\\'])),
            ),
        _ => PathBuf::from(text),
    }
}

/// The path typed as `text` made ready for a task wanting `wanted`, or why it cannot be
/// used: relative paths go into `start_folder`; a file to write gets its extension if it
/// lacks it, needs an existing folder, and may not be the open portfolio
/// (`open_portfolio`) unless it is the portfolio being saved.
pub fn resolve(
    text: &str,
    wanted: Wanted,
    start_folder: &Path,
    open_portfolio: Option<&Path>,
) -> Result<PathBuf, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Type a path first, or use Browse….".into());
    }
    let typed = expand_home(text);
    let mut path = if typed.is_absolute() {
        typed
    } else {
        start_folder.join(typed)
    };
    match wanted {
        Wanted::ExistingFile => {
            if path.is_dir() {
                return Err(format!(
                    "{} is a folder: type the file's name after it.",
                    path.display()
                ));
            }
            if !path.is_file() {
                return Err(format!("There is no file at {}.", path.display()));
            }
        }
        Wanted::NewFile { extension } => {
            let has_it = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(extension));
            if !has_it {
                let mut name = path.as_os_str().to_os_string();
                name.push(format!(".{extension}"));
                path = PathBuf::from(name);
            }
            if path.is_dir() {
                return Err(format!("{} is a folder: type a file name.", path.display()));
            }
            ensure_folder_exists(&path)?;
            let is_portfolio = extension == "json";
            if let (false, Some(open)) = (is_portfolio, open_portfolio) {
                crate::io::ensure_not_an_input(&path, &[open]).map_err(|_| {
                    format!(
                        "{} is the portfolio you have open: an export cannot replace it. Choose another name.",
                        path.display()
                    )
                })?;
            }
        }
        Wanted::Folder => {
            if path.is_file() {
                return Err(format!("{} is a file: type a folder.", path.display()));
            }
            ensure_folder_exists(&path)?;
        }
    }
    Ok(path)
}

/// `Err` unless the folder `path` goes into exists.
fn ensure_folder_exists(path: &Path) -> Result<(), String> {
    match path.parent() {
        Some(folder) if folder.as_os_str().is_empty() || folder.is_dir() => Ok(()),
        Some(folder) => Err(format!("The folder {} does not exist.", folder.display())),
        None => Err(format!("{} has no folder to go into.", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_is_checked_for_its_task() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let folder = dir.path();
        let save = Wanted::NewFile { extension: "json" };
        // A bare name goes into the start folder and gets its extension.
        assert_eq!(resolve("fund", save, folder, None), Ok(folder.join("fund.json")));
        assert_eq!(
            resolve(" fund.JSON ", save, folder, None),
            Ok(folder.join("fund.JSON"))
        );
        assert!(resolve("", save, folder, None).is_err());
        let missing = resolve("nowhere/fund.json", save, folder, None);
        assert!(
            missing.as_ref().is_err_and(|e| e.contains("does not exist")),
            "{missing:?}"
        );

        let open = folder.join("fund.json");
        std::fs::write(&open, "{}")?;
        // Saving over the open portfolio is Save; an export over it is refused.
        assert_eq!(resolve("fund.json", save, folder, Some(&open)), Ok(open.clone()));
        let png = Wanted::NewFile { extension: "png" };
        assert_eq!(
            resolve("chart", png, folder, Some(&open)),
            Ok(folder.join("chart.png"))
        );
        assert_eq!(
            resolve("fund.json", png, folder, Some(&open)),
            Ok(folder.join("fund.json.png")),
            "a different extension is added, not swapped"
        );
        let svg = Wanted::NewFile { extension: "svg" };
        let link = folder.join("fund.svg");
        std::fs::hard_link(&open, &link)?;
        assert!(resolve("fund.svg", svg, folder, Some(&open)).is_err_and(|e| e.contains("you have open")));

        let read = Wanted::ExistingFile;
        assert_eq!(resolve("fund.json", read, folder, None), Ok(open));
        assert!(resolve("other.json", read, folder, None).is_err_and(|e| e.starts_with("There is no file")));
        assert!(resolve(".", read, folder, None).is_err_and(|e| e.contains("is a folder")));

        let pack = Wanted::Folder;
        assert_eq!(resolve("memo", pack, folder, None), Ok(folder.join("memo")));
        assert!(resolve("fund.json", pack, folder, None).is_err_and(|e| e.contains("is a file")));
        Ok(())
    }
}

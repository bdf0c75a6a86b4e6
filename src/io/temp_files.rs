//! Our temporary files and folders: one recognisable name, `.NAME.millwright-tmp-PID-N`,
//! so that a write killed before its rename leaves something we can find and remove
//! later, and nothing else is ever touched.
//!
//! [`clean_stale_temp_files`] removes, from one folder, the entries of exactly that
//! form whose process is no longer running or that are older than [`STALE_AFTER`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The marker between the target's name and the process id.
const MARKER: &str = ".millwright-tmp-";

/// A temporary entry older than this is stale even if its process seems alive (process
/// ids are reused).
pub const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

static NEXT: AtomicU64 = AtomicU64::new(0);

/// A fresh temporary name for `target` in `folder`: `.NAME.millwright-tmp-PID-N`.
pub(super) fn temp_path_for(folder: &Path, target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "millwright".into(), |n| n.to_string_lossy());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    folder.join(format!(".{name}{MARKER}{}-{n}", std::process::id()))
}

/// The process id in one of our temporary names, or `None` if `name` is not ours.
fn our_temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let at = rest.rfind(MARKER)?;
    if at == 0 {
        return None;
    }
    let (pid, n) = rest[at + MARKER.len()..].split_once('-')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(pid) || !all_digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is running, when this platform lets us tell (Linux's `/proc`).
fn process_running(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        Some(proc.join(pid.to_string()).exists())
    } else {
        None
    }
}

fn older_than(meta: &std::fs::Metadata, age: Duration) -> bool {
    meta.modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|elapsed| elapsed > age)
}

/// Removes our stale temporary files and folders from `dir` (entries named
/// `.NAME.millwright-tmp-PID-N` whose process is gone, or older than [`STALE_AFTER`]).
/// Anything else is left alone. Returns what was removed. Call it on start and before
/// saving into a folder.
pub fn clean_stale_temp_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(our_temp_pid) else {
            continue;
        };
        // symlink_metadata: a link with our name is removed as a link, never followed.
        let meta = entry.path().symlink_metadata()?;
        let stale = process_running(pid) == Some(false) || older_than(&meta, STALE_AFTER);
        if !stale {
            continue;
        }
        let path = entry.path();
        if meta.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
        removed.push(path);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_our_form_are_ours() {
        assert_eq!(our_temp_pid(".fund.json.millwright-tmp-123-4"), Some(123));
        assert_eq!(our_temp_pid(".a.b.millwright-tmp-7-0"), Some(7));
        assert_eq!(
            our_temp_pid("fund.json.millwright-tmp-123-4"),
            None,
            "no leading dot"
        );
        assert_eq!(our_temp_pid(".fund.json.millwright-tmp-12x-4"), None);
        assert_eq!(our_temp_pid(".fund.json.millwright-tmp-123-"), None);
        assert_eq!(our_temp_pid(".fund.json.tmp"), None);
        assert_eq!(our_temp_pid(".millwright-tmp-1-2"), None, "no target name");
    }

    #[test]
    fn fresh_names_differ_and_are_ours() {
        let a = temp_path_for(Path::new("/x"), Path::new("/x/fund.json"));
        let b = temp_path_for(Path::new("/x"), Path::new("/x/fund.json"));
        assert_ne!(a, b);
        let name = a.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        assert_eq!(our_temp_pid(name), Some(std::process::id()));
    }

    #[test]
    fn stale_temp_files_of_ours_go_and_foreign_files_stay() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        // A process id above Linux's maximum (2^22) cannot be running.
        let dead_file = dir.path().join(".fund.json.millwright-tmp-99999999-0");
        let dead_folder = dir.path().join(".pack.millwright-tmp-99999999-1");
        std::fs::write(&dead_file, "half a save")?;
        std::fs::create_dir(&dead_folder)?;
        std::fs::write(dead_folder.join("summary.csv"), "half a pack")?;
        // Ours, but of this (running) process and fresh: a write may be under way.
        let live = temp_path_for(dir.path(), &dir.path().join("fund.json"));
        std::fs::write(&live, "in flight")?;
        // Not ours: similar names, and the user's files.
        let foreign = [
            ".fund.json.tmp",
            "fund.json",
            ".fund.json.millwright-tmp-x-1",
            "notes.txt",
        ];
        for name in foreign {
            std::fs::write(dir.path().join(name), "keep")?;
        }

        let mut removed = clean_stale_temp_files(dir.path())?;
        removed.sort();
        let mut expected = vec![dead_file.clone(), dead_folder.clone()];
        expected.sort();
        if process_running(1).is_some() {
            assert_eq!(removed, expected);
            assert!(!dead_file.exists() && !dead_folder.exists());
        }
        assert!(live.exists(), "a fresh temp file of a running process is kept");
        for name in foreign {
            assert_eq!(std::fs::read_to_string(dir.path().join(name))?, "keep", "{name}");
        }
        Ok(())
    }
}

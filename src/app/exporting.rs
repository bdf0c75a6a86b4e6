//! Exports from the app: one chart to SVG or PNG from its tab, and the memo pack from
//! the File menu, written on a background thread with a progress bar.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use super::jobs::BackgroundJob;
use crate::charts::Chart;
use crate::engine::study::{Case, Study};
use crate::export::memo_chart::{self, PNG_SIZE, SVG_SIZE};
use crate::export::pack::{self, Source};

/// A memo pack being written in the background.
pub struct PackJob {
    /// The writing thread: files done so far, then the number written or the error.
    pub job: BackgroundJob<Result<usize, String>>,
    /// The folder the pack goes into.
    pub folder: PathBuf,
}

impl PackJob {
    /// Starts writing the pack of `case` into `folder` on a background thread, from a copy
    /// of the app's study (so a Monte Carlo run the user made is reused, not rerun).
    pub fn start(mut study: Study, case: Case, source: Source, folder: PathBuf) -> Self {
        let out = folder.clone();
        let job = BackgroundJob::spawn(pack::file_count(), move |done, _cancel| {
            pack::export_pack(&mut study, &case, &source, &out, &mut |n, _| {
                done.store(n, Ordering::Relaxed)
            })
            .map(|files| files.len())
            .map_err(|e| e.to_string())
        });
        Self { job, folder }
    }

    /// The outcome once the thread has finished.
    pub fn finished(&mut self) -> Option<Result<usize, String>> {
        self.job.finished().map(|r| r.and_then(|inner| inner))
    }

    /// Share of files written.
    pub fn progress(&self) -> f32 {
        self.job.progress()
    }
}

/// What the memo says the figures came from.
pub fn source(path: Option<&std::path::Path>, fund_name: &str) -> Source {
    Source {
        file_name: path.and_then(|p| p.file_name()).map_or_else(
            || format!("{fund_name} (not saved to a file)"),
            |n| n.to_string_lossy().into_owned(),
        ),
        model_date: chrono::Local::now().date_naive().to_string(),
    }
}

/// Writes `chart` of `case` as SVG or PNG (by `path`'s extension) in memo style.
pub fn write_chart(
    chart: &Chart,
    study: &Study,
    case: &Case,
    source: &Source,
    path: &std::path::Path,
) -> Result<(), String> {
    let text = pack::memo_text(study, case, source).map_err(|e| e.to_string())?;
    let bytes = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => memo_chart::png(chart, &text, PNG_SIZE).map_err(|e| e.to_string())?,
        _ => memo_chart::svg(chart, &text, SVG_SIZE)
            .map_err(|e| e.to_string())?
            .into_bytes(),
    };
    crate::io::write_atomically(path, &bytes).map_err(|e| format!("could not write {}: {e}", path.display()))
}

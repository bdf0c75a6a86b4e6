//! Exports from the app: one chart to SVG or PNG from its tab, and the memo pack from
//! the File menu, written on a background thread with a progress bar.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::charts::Chart;
use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;
use crate::export::memo_chart::{self, PNG_SIZE, SVG_SIZE};
use crate::export::pack::{self, Source};

/// A memo pack being written.
pub struct PackJob {
    pub done: Arc<AtomicUsize>,
    pub total: usize,
    pub folder: PathBuf,
    handle: Option<JoinHandle<Result<usize, String>>>,
}

impl PackJob {
    /// Starts writing the pack into `folder` on a background thread.
    pub fn start(portfolio: Portfolio, result: Arc<FundResult>, source: Source, folder: PathBuf) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let out = folder.clone();
        let handle = std::thread::spawn(move || {
            pack::export_pack(&portfolio, &result, &source, &out, &mut |n, _| {
                counter.store(n, Ordering::Relaxed)
            })
            .map(|files| files.len())
            .map_err(|e| e.to_string())
        });
        Self {
            done,
            total: pack::file_count(),
            folder,
            handle: Some(handle),
        }
    }

    /// The outcome once the thread has finished.
    pub fn finished(&mut self) -> Option<Result<usize, String>> {
        if self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            let handle = self.handle.take()?;
            return Some(
                handle
                    .join()
                    .unwrap_or_else(|_| Err("the export stopped unexpectedly".into())),
            );
        }
        None
    }

    /// Share of files written.
    #[expect(clippy::cast_precision_loss, reason = "a handful of files")]
    pub fn progress(&self) -> f32 {
        self.done.load(Ordering::Relaxed) as f32 / self.total.max(1) as f32
    }
}

/// What the memo says the figures came from.
pub fn source(path: Option<&std::path::Path>, fund_name: &str) -> Source {
    Source {
        file_name: path.and_then(|p| p.file_name()).map_or_else(
            || format!("{fund_name} (not saved to a file)"),
            |n| n.to_string_lossy().into_owned(),
        ),
        scenario: "Base".into(),
        model_date: chrono::Local::now().date_naive().to_string(),
    }
}

/// Writes `chart` as SVG or PNG (by `path`'s extension) in memo style.
pub fn write_chart(
    chart: &Chart,
    portfolio: &Portfolio,
    result: &FundResult,
    source: &Source,
    path: &std::path::Path,
) -> Result<(), String> {
    let text = pack::memo_text(portfolio, result, source);
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

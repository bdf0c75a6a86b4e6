//! Work that runs off the UI thread (Monte Carlo, the memo pack): a thread with a shared
//! progress counter and a cancel flag, polled once a frame so the window never freezes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// A background computation producing `T`.
pub struct BackgroundJob<T> {
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    total: usize,
    handle: Option<JoinHandle<T>>,
}

impl<T: Send + 'static> BackgroundJob<T> {
    /// Runs `work(done, cancel)` on a new thread; `work` counts up `done` to `total`
    /// and should stop early when `cancel` is set.
    pub fn spawn(total: usize, work: impl FnOnce(&AtomicUsize, &AtomicBool) -> T + Send + 'static) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c) = (Arc::clone(&done), Arc::clone(&cancel));
        let handle = std::thread::spawn(move || work(&d, &c));
        Self {
            done,
            cancel,
            total,
            handle: Some(handle),
        }
    }

    /// The result once the thread has finished (`None` while it runs); `Err` if it
    /// panicked.
    pub fn finished(&mut self) -> Option<Result<T, String>> {
        if self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            let handle = self.handle.take()?;
            return Some(
                handle
                    .join()
                    .map_err(|_| "the background work stopped unexpectedly".to_string()),
            );
        }
        None
    }

    /// Share done, 0 to 1.
    #[expect(clippy::cast_precision_loss, reason = "counts of files or paths are small")]
    pub fn progress(&self) -> f32 {
        self.done.load(Ordering::Relaxed) as f32 / self.total.max(1) as f32
    }

    /// Asks the work to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_progress_result_and_cancellation() {
        let mut job = BackgroundJob::spawn(4, |done, cancel| {
            while !cancel.load(Ordering::Relaxed) {
                std::thread::yield_now();
            }
            done.store(2, Ordering::Relaxed);
            7
        });
        job.cancel();
        let mut outcome = None;
        for _ in 0..10_000 {
            outcome = job.finished();
            if outcome.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(outcome, Some(Ok(7)));
        assert!((job.progress() - 0.5).abs() < f32::EPSILON);
        assert_eq!(job.finished(), None, "a result is handed out once");
    }
}

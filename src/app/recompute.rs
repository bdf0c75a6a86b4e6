//! Recomputing without freezing the window. A model whose last study took less than a
//! frame is recomputed on the spot (the $100B sample takes 3–4 ms, so the screens never
//! show stale figures); a larger one (thousands of companies) is recomputed on a worker
//! thread while the screens keep showing the last results, marked as recomputing.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::engine::model::Portfolio;
use crate::engine::study::Study;

/// A recompute slower than this moves off the UI thread (one frame at 60 Hz).
pub const FRAME_BUDGET: Duration = Duration::from_millis(16);

/// Models smaller than this are always recomputed on the spot, however long the last
/// recompute took on a busy machine: their figures must be current the frame after an
/// edit (a few milliseconds here; the $100B sample has 44 companies).
pub const BACKGROUND_FROM_COMPANIES: usize = 250;

/// A study being built on a worker thread.
struct Worker {
    revision: u64,
    receiver: Receiver<(Study, Duration)>,
}

/// Decides, per revision, whether to build the study now or on a worker thread.
pub struct Recomputer {
    budget: Duration,
    min_companies: usize,
    last_took: Duration,
    worker: Option<Worker>,
}

impl Default for Recomputer {
    fn default() -> Self {
        Self {
            min_companies: BACKGROUND_FROM_COMPANIES,
            ..Self::with_budget(FRAME_BUDGET)
        }
    }
}

impl Recomputer {
    /// A recomputer that moves work off the UI thread once a study took `budget` or more,
    /// whatever the model's size.
    pub fn with_budget(budget: Duration) -> Self {
        Self {
            budget,
            min_companies: 0,
            last_took: Duration::ZERO,
            worker: None,
        }
    }

    /// Whether a study is being built in the background.
    pub fn is_busy(&self) -> bool {
        self.worker.is_some()
    }

    /// The study of `portfolio` at `revision` and how long it took, if it is ready:
    /// built now when the last one was quick, otherwise started (or still running) on a
    /// worker thread, in which case `None` until it is done. A worker for an older
    /// revision is abandoned (its result is never shown).
    pub fn request(&mut self, portfolio: &Portfolio, revision: u64) -> Option<(Study, Duration)> {
        if let Some(worker) = self.worker.take()
            && worker.revision == revision
        {
            match worker.receiver.try_recv() {
                Ok(done) => {
                    self.last_took = done.1;
                    return Some(done);
                }
                Err(TryRecvError::Empty) => {
                    self.worker = Some(worker);
                    return None;
                }
                // The worker is gone without an answer: build it here instead.
                Err(TryRecvError::Disconnected) => {}
            }
        }
        if self.last_took < self.budget || portfolio.companies.len() < self.min_companies {
            return Some(self.build_now(portfolio, revision));
        }
        let (sender, receiver) = mpsc::channel();
        let model = portfolio.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("millwright-recompute-{revision}"))
            .spawn(move || {
                let started = Instant::now();
                let study = Study::new(model, revision);
                // The app may have moved on to a newer revision and dropped the receiver.
                sender.send((study, started.elapsed())).ok();
            });
        match spawned {
            Ok(_) => {
                self.worker = Some(Worker { revision, receiver });
                None
            }
            // No thread to be had: build it here, slow as it is.
            Err(_) => Some(self.build_now(portfolio, revision)),
        }
    }

    fn build_now(&mut self, portfolio: &Portfolio, revision: u64) -> (Study, Duration) {
        let started = Instant::now();
        let study = Study::new(portfolio.clone(), revision);
        self.last_took = started.elapsed();
        (study, self.last_took)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(recomputer: &mut Recomputer, p: &Portfolio, revision: u64) -> Option<(Study, Duration)> {
        for _ in 0..2000 {
            if let Some(done) = recomputer.request(p, revision) {
                return Some(done);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }

    #[test]
    fn a_small_model_is_always_recomputed_on_the_spot() {
        let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        // Even after a slow recompute (a busy machine), 44 companies stay on the spot.
        let mut r = Recomputer {
            last_took: Duration::from_secs(1),
            ..Recomputer::default()
        };
        assert!(r.request(&p, 1).is_some());
        assert!(!r.is_busy());
    }

    #[test]
    fn a_quick_model_is_recomputed_on_the_spot() {
        let p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let mut r = Recomputer::with_budget(Duration::from_secs(60));
        let (study, _) = r.request(&p, 3).unwrap_or_else(|| panic!("not built now"));
        assert_eq!(study.revision(), 3);
        assert!(!r.is_busy());
    }

    #[test]
    fn a_slow_model_is_recomputed_in_the_background_and_a_stale_worker_is_dropped() {
        let p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        // A zero budget counts every model as slow.
        let mut r = Recomputer::with_budget(Duration::ZERO);
        assert!(r.request(&p, 1).is_none(), "revision 1 must go to a worker");
        assert!(r.is_busy());
        // The model changed again before the worker finished: only revision 2 is shown.
        assert!(r.request(&p, 2).is_none());
        let (study, _) = wait_for(&mut r, &p, 2).unwrap_or_else(|| panic!("no result"));
        assert_eq!(study.revision(), 2);
        assert!(study.base().outcome.is_ok());
        assert!(!r.is_busy());
    }
}

//! The study of the open model: built when the revision changes (now or on a worker
//! thread), the one the screens show while the model has errors, and the problems it
//! found.

use std::sync::Arc;
use std::time::Duration;

use crate::engine::fields::FieldPath;
use crate::engine::study::Study;
use crate::engine::validate::Problem;

use super::AppState;

/// The study of one model revision, and how long its base case took.
pub struct Computed {
    /// Problems, base case, scenarios and analyses of this revision.
    pub study: Study,
    /// Time taken to build the study (validation and the base case).
    pub took: Duration,
}

impl AppState {
    /// Builds the study of the current revision when the model changed since the last
    /// time (validation runs once, inside the study). A slow model is built on a worker
    /// thread ([`crate::app::recompute`]); until it is ready the last study stays in view and
    /// [`Self::is_recomputing`] is true.
    pub fn recompute_if_needed(&mut self) {
        if self
            .computed
            .as_ref()
            .is_some_and(|c| c.study.revision() == self.revision)
        {
            return;
        }
        let Some((study, took)) = self.recomputer.request(&self.portfolio, self.revision) else {
            return;
        };
        match self.computed.take() {
            _ if study.base().outcome.is_ok() => self.last_good_study = None,
            Some(previous) if previous.study.base().outcome.is_ok() => {
                self.last_good_study = Some(previous.study);
            }
            _ => {}
        }
        if let Some(result) = study.base().result() {
            self.last_good = Some(Arc::clone(result));
        }
        self.last_good_is_current = study.base().outcome.is_ok();
        self.computed = Some(Computed { study, took });
    }

    /// Whether a newer study is being built in the background (the screens show the
    /// last one meanwhile).
    pub fn is_recomputing(&self) -> bool {
        self.recomputer.is_busy()
    }

    /// The study of the latest computed revision (call [`Self::recompute_if_needed`]
    /// first).
    pub fn study(&self) -> Option<&Study> {
        self.computed.as_ref().map(|c| &c.study)
    }

    /// The study, to run analyses on it (they are kept with it).
    pub fn study_mut(&mut self) -> Option<&mut Study> {
        self.computed.as_mut().map(|c| &mut c.study)
    }

    /// The study the screens show: the current one when its base case computes,
    /// otherwise the last one that did (see [`Self::last_good_is_current`]).
    pub fn shown_study(&self) -> Option<&Study> {
        match &self.computed {
            Some(c) if c.study.base().outcome.is_ok() => Some(&c.study),
            _ => self.last_good_study.as_ref(),
        }
    }

    /// [`Self::shown_study`], to run analyses on it.
    pub fn shown_study_mut(&mut self) -> Option<&mut Study> {
        match &mut self.computed {
            Some(c) if c.study.base().outcome.is_ok() => Some(&mut c.study),
            _ => self.last_good_study.as_mut(),
        }
    }

    /// The latest computation (call [`Self::recompute_if_needed`] first).
    pub fn computed(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    /// Problems of the current revision.
    pub fn problems(&self) -> &[Problem] {
        self.computed.as_ref().map_or(&[], |c| c.study.problems())
    }

    /// Problems at exactly `path`.
    pub fn problems_at<'a>(&'a self, path: &'a FieldPath) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems().iter().filter(move |p| p.path == *path)
    }
}

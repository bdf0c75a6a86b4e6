//! The analyses a study keeps, each with the case and settings it was computed on.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use rust_decimal::Decimal;

use super::super::drivers::{Driver, Metric};
use super::super::model::Portfolio;
use super::super::montecarlo::{self, McConfig, McError, McResult};
use super::super::sensitivity::{Axis, Grid, SweepError, Tornado};
use super::case::{Case, CaseError};

/// The settings of a two-driver (or one-driver) grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSettings {
    /// The driver swept across, with its range and steps.
    pub x: Axis,
    /// The driver swept up, for a two-driver grid; `None` for a one-driver sweep.
    pub y: Option<Axis>,
    /// The figure computed in each cell.
    pub metric: Metric,
}

impl GridSettings {
    /// The memo pack's heatmap: net IRR over exit multiple shift × AI lever realisation,
    /// 21 steps each over the drivers' tornado ranges on `model`.
    pub fn default_heatmap(model: &Portfolio) -> GridSettings {
        let axis = |driver: Driver| {
            let (low, high) = driver.tornado_range(model);
            Axis {
                driver,
                low,
                high,
                steps: 21,
            }
        };
        GridSettings {
            x: axis(Driver::ExitMultipleShift),
            y: Some(axis(Driver::RealisationScale)),
            metric: Metric::NetIrr,
        }
    }

    /// "Net IRR by exit multiple shift and AI lever realisation".
    pub fn describe(&self) -> String {
        match &self.y {
            Some(y) => format!(
                "{} by {} and {}",
                self.metric.label(),
                self.x.driver.label(),
                y.driver.label()
            ),
            None => format!("{} by {}", self.metric.label(), self.x.driver.label()),
        }
    }
}

/// An analysis run: the case and settings it was computed on, and what it found.
#[derive(Debug, Clone)]
pub struct Analysis<S, R> {
    /// The case (base or a scenario) the analysis ran on.
    pub case: Case,
    /// The settings it ran with.
    pub settings: S,
    /// What it found, or why it failed.
    pub outcome: R,
}

/// A tornado over every driver on one case.
pub type TornadoRun = Analysis<(), Result<Tornado, SweepError>>;

/// A grid on one case; the settings carry the axes and metric.
#[derive(Debug, Clone)]
pub struct GridRun {
    /// The case the grid ran on.
    pub case: Case,
    /// Its axes and metric.
    pub settings: GridSettings,
    /// The drivers' values in the case's model (where the heatmap marks the base case).
    pub base_point: (Decimal, Option<Decimal>),
    /// The grid's cells, or why the sweep failed.
    pub outcome: Result<Grid, SweepError>,
}

/// A Monte Carlo run on one case with the configuration that produced it.
pub type MonteCarloRun = Analysis<McConfig, Result<McResult, McError>>;

/// A Monte Carlo run waiting to be made (see [`super::Study::monte_carlo_task`]).
#[derive(Debug, Clone)]
pub struct MonteCarloTask {
    /// The case to simulate.
    pub case: Case,
    /// Paths, seed and the other settings of the run.
    pub config: McConfig,
    pub(super) model: Result<Arc<Portfolio>, CaseError>,
}

impl MonteCarloTask {
    /// Runs the simulation, calling `progress(paths done)`; stops early once `cancel`
    /// is set.
    pub fn run(self, progress: &(dyn Fn(usize) + Sync), cancel: &AtomicBool) -> MonteCarloRun {
        let outcome = match &self.model {
            Ok(model) => montecarlo::run(model, &self.config, progress, cancel),
            Err(e) => Err(McError::Model(e.to_string())),
        };
        Analysis {
            case: self.case,
            settings: self.config,
            outcome,
        }
    }
}

//! A lever as a programme, quarter by quarter: the pilot, the gate, the scale-up, the
//! phased cost to achieve and the dis-synergy (model: `engine::model::LeverProgramme`).
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! **Quarters.** As for a lever's own start, a pilot starts `start_delay_quarters` after
//! the first operating quarter (the quarter after the acquisition) and lasts `quarters`
//! (at least one). A gate sits `quarter` quarters after the acquisition quarter — the
//! decision is taken at the end of that quarter, which may not come before the pilot's
//! last quarter — and the scale-up starts the quarter after it. Without a gate, a pilot's
//! scale-up starts the quarter after the pilot ends. With a pilot or a gate the lever's
//! own `start_delay_quarters` is not used; without either the lever is exactly as before.
//!
//! **Pilot.** Its effect (as measured on its line or site, a share of the lever's target;
//! no realisation haircut) ramps linearly: `effect × k / n` in its `k`-th of `n`
//! quarters, then stays at `effect` until the scale-up. Its cost is spread evenly over its
//! quarters, split capitalised / expensed by the lever's `one_time_capex_share` (the
//! capitalised part depreciated over `capex_life_years` from the quarter after each
//! instalment) and funded as the lever says. Its running cost is inside that cost up to
//! the gate: a pilot has no run cost before the scale-up starts.
//!
//! **Scale-up.** From its start the effect ramps from the pilot's to the lever's own
//! `effect × realisation` (× any Monte Carlo scale) with the lever's ramp and shape:
//! `pilot + (full − pilot) × ramp(k)`; without a pilot, `full × ramp(k)` as before. The
//! lever's annual run cost runs from the start; its one-time cost is spent by
//! `cost_phasing` (the share of each quarter from the start; empty: all in the start
//! quarter), each instalment split capitalised / expensed and funded as the lever says,
//! each capitalised part depreciated from the quarter after it is spent.
//!
//! **Gate failure.** `KeepPilot`: the pilot's effect stays for the rest of the hold, and
//! from the quarter after the gate so does its share of the run cost:
//! `annual run cost × min(1, pilot effect ÷ full effect)` (the share of the scale-up's
//! reach the pilot delivers). `StopAndWriteOff`: no effect and no run cost from the quarter
//! after the gate; the pilot's capitalised cost still on the books at the end of the gate
//! quarter is written off (expensed through D&A, so below EBITDA) in the quarter after it.
//! No scale-up cost is spent and no dis-synergy is suffered after a failed gate.
//!
//! **Dis-synergy.** From the scale-up's start, for `quarters` quarters, the lever's effect
//! is reduced by `share`: its pool rises by `share` of itself (its revenue falls by that
//! share of baseline revenue; its inventory days rise by that share).
//!
//! **Readings.** Each lever with a gate carries a weight `w` on everything after the gate:
//! the effect is `kept + w × (scale-up effect − kept)`, where `kept` is the pilot's effect
//! on `KeepPilot` and zero on `StopAndWriteOff`; the run cost likewise
//! `kept run + w × (run − kept run)`; the scale-up's one-time cost and its depreciation and
//! the dis-synergy are `w ×` theirs; the write-off is `(1 − w) ×` the pilot's book value and
//! the pilot's later depreciation `w ×` its own. `w` is 1 on the plan (every gate passes),
//! the gate's probability on the risk-adjusted reading, and 1 or 0 when a Monte Carlo path
//! draws the gate's outcome (`CompanyAdjustment::gate_outcomes`). The risk-adjusted
//! reading is a deterministic, exact projection of probability-weighted levers: it is
//! **not** the expected value of the fund's results, since marks, the waterfall, the
//! carry and the IRR are not linear in the levers. A lever without a gate has `w = 1`.

use super::levers::PreparedLever;
use crate::engine::model::{Pilot, Reading};
use crate::engine::num::{FACTOR_DP, Num};

/// A pilot on the grid.
#[derive(Debug, Clone)]
pub(super) struct PilotTerms<T> {
    /// Fund-grid quarter of the pilot's first quarter.
    start: usize,
    /// Its length in quarters (at least one).
    quarters: usize,
    /// The effect it reaches.
    effect: T,
    /// Its cost in each of its quarters.
    cost_per_quarter: T,
    /// Run cost kept after a failed gate with `KeepPilot`.
    kept_run_cost_per_quarter: T,
}

impl<T: Num> PilotTerms<T> {
    /// `pilot` of a lever whose company first operates in `first` and whose scale-up
    /// reaches `full_effect` at `run_cost_per_quarter`.
    pub(super) fn new(pilot: &Pilot, first: usize, full_effect: T, run_cost_per_quarter: T) -> Self {
        let quarters = (pilot.quarters as usize).max(1);
        let effect = T::from_dec(pilot.effect);
        let run_share = if full_effect == T::zero() {
            T::zero()
        } else {
            // A full effect near zero makes the quotient overflow: the pilot then
            // keeps the whole run cost (the share is capped at 1 anyway).
            effect
                .checked_div(full_effect)
                .unwrap_or(T::one())
                .min_of(T::one())
                .max_of(T::zero())
        };
        Self {
            start: first + pilot.start_delay_quarters as usize,
            quarters,
            effect,
            cost_per_quarter: T::from_dec(pilot.cost) / T::from_i64(i64::try_from(quarters).unwrap_or(1)),
            kept_run_cost_per_quarter: run_cost_per_quarter * run_share,
        }
    }

    /// Fund-grid quarter of the pilot's last quarter.
    pub(super) fn end(&self) -> usize {
        self.start + self.quarters - 1
    }

    /// The pilot's effect in quarter `q` (before the scale-up).
    fn effect_at(&self, q: usize) -> T {
        if q < self.start {
            return T::zero();
        }
        let k = q - self.start + 1;
        if k >= self.quarters {
            return self.effect;
        }
        self.effect * T::from_i64(i64::try_from(k).unwrap_or(0))
            / T::from_i64(i64::try_from(self.quarters).unwrap_or(1))
    }
}

/// A gate on the grid, with the weight the reading gives what follows it.
#[derive(Debug, Clone)]
pub(super) struct GateTerms<T> {
    /// Fund-grid quarter at whose end the gate is decided.
    pub(super) at: usize,
    /// Probability of passing.
    pub(super) probability: T,
    /// Whether a failure keeps the pilot (else stops it and writes it off).
    pub(super) keep_pilot: bool,
    /// Weight of what follows the gate: 1 passed, 0 failed, the probability risk-adjusted.
    pub(super) weight: T,
}

/// A lever's costs in one quarter.
#[derive(Debug, Clone, Copy)]
pub(super) struct LeverCosts<T> {
    /// Run cost (inside EBITDA).
    pub(super) run: T,
    /// One-time cost spent (pilot instalment and scale-up tranche).
    pub(super) one_time: T,
    /// Depreciation of capitalised costs, and any write-off.
    pub(super) depreciation: T,
}

impl<T: Num> PreparedLever<T> {
    /// Sets the weight of what follows the gate: `outcome` (a drawn pass or fail) when
    /// given, else the reading's.
    pub(super) fn set_outcome(&mut self, reading: Reading, outcome: Option<bool>) {
        if let Some(gate) = &mut self.gate {
            gate.weight = match (outcome, reading) {
                (Some(true), _) | (None, Reading::Plan) => T::one(),
                (Some(false), _) => T::zero(),
                (None, Reading::RiskAdjusted) => gate.probability,
            };
        }
    }

    /// The first quarter anything of the lever happens (its pilot or its scale-up).
    pub(super) fn first_quarter(&self) -> usize {
        self.pilot
            .as_ref()
            .map_or(self.start, |p| p.start.min(self.start))
    }

    /// The pilot's effect, zero without a pilot.
    fn pilot_effect(&self) -> T {
        self.pilot.as_ref().map_or(T::zero(), |p| p.effect)
    }

    /// The lever's effect in fund-grid quarter `q` (zero before it starts), capped at 1.
    pub(super) fn effect_at(&self, q: usize) -> T {
        if q < self.start {
            return self.pilot.as_ref().map_or(T::zero(), |p| p.effect_at(q));
        }
        let since = q - self.start;
        let fraction = self.ramp.get(since).copied().unwrap_or(T::one());
        let scale_up = match &self.pilot {
            None => self.realised_effect * fraction,
            Some(pilot) => pilot.effect + (self.realised_effect - pilot.effect) * fraction,
        };
        let (mut effect, weight) = match &self.gate {
            None => (scale_up, T::one()),
            Some(gate) => {
                let kept = if gate.keep_pilot {
                    self.pilot_effect()
                } else {
                    T::zero()
                };
                (kept + gate.weight * (scale_up - kept), gate.weight)
            }
        };
        if let Some((share, quarters)) = self.dis_synergy
            && since < quarters
        {
            effect -= weight * share;
        }
        effect.min_of(T::one()).max_of(-T::one()).carried(FACTOR_DP)
    }

    /// The lever's run, one-time and depreciation costs in fund-grid quarter `q`.
    pub(super) fn costs_at(&self, q: usize) -> LeverCosts<T> {
        let mut costs = LeverCosts {
            run: T::zero(),
            one_time: T::zero(),
            depreciation: T::zero(),
        };
        if let Some(pilot) = &self.pilot {
            self.add_pilot_costs(pilot, q, &mut costs);
        }
        if q < self.start {
            return costs;
        }
        let since = q - self.start;
        let weight = self.gate.as_ref().map(|g| g.weight);
        let weighted = |amount: T| weight.map_or(amount, |w| w * amount);
        costs.run += match (&self.gate, &self.pilot) {
            (Some(gate), Some(pilot)) if gate.keep_pilot => {
                let kept = pilot.kept_run_cost_per_quarter;
                kept + gate.weight * (self.run_cost_per_quarter - kept)
            }
            _ => weighted(self.run_cost_per_quarter),
        };
        if let Some(tranche) = self.tranches.get(since) {
            costs.one_time += weighted(*tranche);
        }
        let life = self.depreciation_quarters;
        let per_quarter = T::from_i64(i64::try_from(life).unwrap_or(1));
        for (k, tranche) in self.tranches.iter().enumerate() {
            if since > k && since - k <= life {
                costs.depreciation += weighted(*tranche * self.capex_share / per_quarter);
            }
        }
        costs
    }

    /// The pilot's instalment, the depreciation of its capitalised instalments and, after a
    /// failed `StopAndWriteOff` gate, the write-off of what is left on the books.
    fn add_pilot_costs(&self, pilot: &PilotTerms<T>, q: usize, costs: &mut LeverCosts<T>) {
        if (pilot.start..=pilot.end()).contains(&q) {
            costs.one_time += pilot.cost_per_quarter;
        }
        let life = self.depreciation_quarters;
        let life_t = T::from_i64(i64::try_from(life).unwrap_or(1));
        let charge = pilot.cost_per_quarter * self.capex_share / life_t;
        if charge == T::zero() {
            return;
        }
        let stopped = self.gate.as_ref().filter(|g| !g.keep_pilot);
        for spent in pilot.start..=pilot.end() {
            if q > spent && q - spent <= life {
                let after_gate = stopped.is_some_and(|g| q > g.at);
                costs.depreciation += match stopped {
                    Some(gate) if after_gate => gate.weight * charge,
                    _ => charge,
                };
            }
            if let Some(gate) = stopped
                && q == gate.at + 1
            {
                let charged = gate.at.saturating_sub(spent).min(life);
                let book = charge * T::from_i64(i64::try_from(life - charged).unwrap_or(0));
                costs.depreciation += (T::one() - gate.weight) * book;
            }
        }
    }
}

/// Where the projection places one lever's phases on the fund's quarterly grid (indices
/// into the fund's dates): what the AI programme view draws, read from the prepared lever
/// rather than re-derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeverPhases {
    /// The pilot's first and last quarters.
    pub pilot: Option<(usize, usize)>,
    /// The quarter at whose end the gate is decided.
    pub gate: Option<usize>,
    /// The scale-up's first quarter.
    pub scale_up_start: usize,
    /// The quarter by whose end the scale-up reaches its full effect (its ramp's last).
    pub full_effect: usize,
    /// The last quarter of the dis-synergy, if any.
    pub dis_synergy_end: Option<usize>,
}

impl<T: Num> super::PreparedCompany<T> {
    /// Each lever's phases as placed on the grid, in model order.
    pub(crate) fn lever_phases(&self) -> Vec<LeverPhases> {
        self.levers.iter().map(PreparedLever::phases).collect()
    }
}

impl<T: Num> PreparedLever<T> {
    /// This lever's phases on the grid.
    fn phases(&self) -> LeverPhases {
        LeverPhases {
            pilot: self.pilot.as_ref().map(|p| (p.start, p.end())),
            gate: self.gate.as_ref().map(|g| g.at),
            scale_up_start: self.start,
            full_effect: self.start + self.ramp.len().saturating_sub(1),
            dis_synergy_end: self
                .dis_synergy
                .as_ref()
                .filter(|(_, quarters)| *quarters > 0)
                .map(|(_, quarters)| self.start + quarters - 1),
        }
    }
}

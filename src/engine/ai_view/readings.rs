//! Three readings of the same model side by side: the plan (every lever gate passes), the
//! risk-adjusted reading (each post-gate effect weighted by its gate's probability) and,
//! after a Monte Carlo run, the simulated P10 / P50 / P90.
//!
//! Conventions (each a modelling choice, stated so a reviewer can check it):
//!
//! - The plan and risk-adjusted figures are the fund's metrics on that reading: net IRR,
//!   net TVPI, gross MOIC, the LPs' paid-in. The risk-adjusted reading is one projection
//!   with weighted lever effects, *not* the expected value of the fund's waterfall (carry
//!   and the stage gates are not linear in the levers).
//! - *Exit AI uplift* is Σ over the companies of the LTM AI EBITDA uplift at exit, 100 %
//!   of each: the value bridge's AI line over the company's entry multiple (a company
//!   with no positive entry multiple adds nothing) — the definition of Monte Carlo's
//!   `ProgrammeRisk::plan_ai_uplift`, so the plan figure is that run's denominator.
//! - *Stage gates passed* counts the reading's stage gate outcomes that passed, of all.
//! - The simulated figures are estimates from the run's paths: net IRR and TVPI as the
//!   run summarised them, the exit AI uplift as the run's share of plan × its plan
//!   uplift, gross MOIC and the LPs' paid-in as the run summarised them (with the stage
//!   gates as modelled), and each stage gate's pass rate.

use rust_decimal::Decimal;

use crate::engine::model::Portfolio;
use crate::engine::montecarlo::{McResult, Summary};
use crate::engine::results::FundResult;

/// One reading's figures (the plan's or the risk-adjusted).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadingColumn {
    /// Net IRR of the LPs' flows; `None` when it has no root.
    pub net_irr: Option<Decimal>,
    /// LPs' total value to paid-in.
    pub net_tvpi: Option<Decimal>,
    /// Σ deal proceeds and final gross NAV over Σ invested.
    pub gross_moic: Option<Decimal>,
    /// The LPs' paid-in capital.
    pub paid_in: Decimal,
    /// Σ over the companies of the exit LTM AI EBITDA uplift, 100 % of each.
    pub exit_ai_uplift: Decimal,
    /// Stage gates passed on this reading.
    pub gates_passed: usize,
    /// Stage gates evaluated (every gated stage).
    pub gates: usize,
}

/// P10, P50 and P90 of a simulated figure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spread {
    /// The 10th percentile.
    pub p10: f64,
    /// The median.
    pub p50: f64,
    /// The 90th percentile.
    pub p90: f64,
}

impl Spread {
    /// The P10, P50 and P90 of `summary` (its `values` 1, 3 and 5), each times `scale`.
    fn of(summary: &Summary, scale: f64) -> Self {
        Self {
            p10: summary.values[1] * scale,
            p50: summary.values[3] * scale,
            p90: summary.values[5] * scale,
        }
    }
}

/// A Monte Carlo run's figures (estimates).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SimulatedColumn {
    /// Paths simulated.
    pub paths: usize,
    /// The run's seed.
    pub seed: u64,
    /// Net IRR over the paths that have one (fractions).
    pub net_irr: Spread,
    /// Final net TVPI.
    pub net_tvpi: Spread,
    /// Gross MOIC.
    pub gross_moic: Spread,
    /// The LPs' paid-in, with the stage gates as modelled.
    pub paid_in: Spread,
    /// Σ exit LTM AI EBITDA uplift, in currency units; `None` when the plan has none.
    pub exit_ai_uplift: Option<Spread>,
    /// Each stage gate's name and pass rate (0 to 1), in stage order.
    pub gate_pass_rates: Vec<(String, f64)>,
}

/// The three readings side by side.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadingsTable {
    /// Every lever gate passes.
    pub plan: ReadingColumn,
    /// Post-gate effects weighted by the gates' probabilities.
    pub risk_adjusted: ReadingColumn,
    /// The case's last Monte Carlo run, if there is one.
    pub simulated: Option<SimulatedColumn>,
}

impl ReadingsTable {
    /// The plan and risk-adjusted columns of `portfolio` from its results on both readings,
    /// with no simulated column.
    pub fn new(portfolio: &Portfolio, plan: &FundResult, risk_adjusted: &FundResult) -> Self {
        Self {
            plan: column(portfolio, plan),
            risk_adjusted: column(portfolio, risk_adjusted),
            simulated: None,
        }
    }

    /// This table with the simulated column of `run`.
    pub fn with_simulated(&self, run: &McResult) -> Self {
        Self {
            simulated: Some(simulated(run)),
            ..self.clone()
        }
    }
}

/// One reading's column from its result.
fn column(portfolio: &Portfolio, result: &FundResult) -> ReadingColumn {
    let metrics = &result.metrics;
    ReadingColumn {
        net_irr: metrics.net_irr.as_ref().ok().copied(),
        net_tvpi: metrics.tvpi,
        gross_moic: metrics.gross_moic,
        paid_in: metrics.paid_in,
        exit_ai_uplift: exit_ai_uplift(portfolio, result),
        gates_passed: result.stage_gates.iter().filter(|g| g.passed).count(),
        gates: result.stage_gates.len(),
    }
}

/// Σ over companies of the bridge's AI line over the entry multiple (the module's rule).
fn exit_ai_uplift(portfolio: &Portfolio, result: &FundResult) -> Decimal {
    result
        .companies
        .iter()
        .zip(&portfolio.companies)
        .filter(|(_, company)| company.entry_multiple > Decimal::ZERO)
        .filter_map(|(c, company)| c.bridge.ai_levers.checked_div(company.entry_multiple))
        .sum()
}

/// The simulated column of `run`.
fn simulated(run: &McResult) -> SimulatedColumn {
    let programme = &run.programme;
    SimulatedColumn {
        paths: run.paths,
        seed: run.seed,
        net_irr: Spread::of(&run.net_irr, 1.0),
        net_tvpi: Spread::of(&run.tvpi, 1.0),
        gross_moic: Spread::of(&run.gross_moic, 1.0),
        paid_in: Spread::of(&run.paid_in, 1.0),
        exit_ai_uplift: programme
            .ai_uplift_share
            .as_ref()
            .map(|share| Spread::of(share, programme.plan_ai_uplift)),
        gate_pass_rates: programme
            .stage_gates
            .iter()
            .map(|g| (g.stage.clone(), g.pass_rate))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    //! On the hand-checkable company of `ai_view::tests` (materials 50 a quarter, sold at
    //! grid quarter 8, entry multiple 10).

    use chrono::NaiveDate;
    use rust_decimal::{Decimal, dec};

    use super::ReadingsTable;
    use crate::engine::ai_view::tests::{first_close, materials_lever, portfolio};
    use crate::engine::compute_checked_on;
    use crate::engine::model::{LeverKind, Portfolio, Reading};
    use crate::engine::montecarlo::{McResult, ProgrammeRisk, Summary};
    use crate::engine::results::{FundResult, StageGateOutcome};

    fn result(p: &Portfolio, reading: Reading) -> FundResult {
        compute_checked_on(p, reading).1.unwrap_or_else(|e| panic!("{e}"))
    }

    fn table(p: &Portfolio) -> ReadingsTable {
        ReadingsTable::new(p, &result(p, Reading::Plan), &result(p, Reading::RiskAdjusted))
    }

    #[test]
    fn with_no_lever_gate_the_plan_and_risk_adjusted_columns_are_equal() {
        let mut p = portfolio();
        // Lever A alone: 20 % of materials from quarter 1, no gate.
        for company in &mut p.companies {
            company.levers = vec![materials_lever("A", LeverKind::VisionQualityControl, dec!(0.2))];
        }
        let t = table(&p);
        assert_eq!(t.plan, t.risk_adjusted);
        // LTM at exit: 4 quarters × 20 % × 50.
        assert_eq!(t.plan.exit_ai_uplift, dec!(40));
        assert_eq!((t.plan.gates_passed, t.plan.gates), (0, 0));
        assert!(t.plan.net_tvpi.is_some() && t.plan.paid_in > Decimal::ZERO);
        assert!(t.simulated.is_none());
    }

    #[test]
    fn a_lever_gate_lowers_the_risk_adjusted_exit_uplift() {
        let t = table(&portfolio());
        // Plan: both levers on materials compound, 50 × (1 − 0.8 × 0.9) = 14 a quarter,
        // LTM 56. Risk-adjusted: B is 0.5 × 10 % + 0.5 × 4 % (pilot kept) = 7 %,
        // 50 × (1 − 0.8 × 0.93) = 12.8 a quarter, LTM 51.2.
        assert_eq!(t.plan.exit_ai_uplift, dec!(56));
        assert_eq!(t.risk_adjusted.exit_ai_uplift, dec!(51.2));
        assert_ne!(t.plan.net_tvpi, t.risk_adjusted.net_tvpi);
    }

    fn outcome(stage: &str, date: NaiveDate, passed: bool) -> StageGateOutcome {
        StageGateOutcome {
            stage: stage.into(),
            date,
            measured: Some(Decimal::ONE),
            threshold: Decimal::ONE,
            passed,
            budget: Decimal::ZERO,
            not_acquired: Vec::new(),
        }
    }

    #[test]
    fn the_gates_row_counts_the_outcomes_that_passed() {
        let p = portfolio();
        let mut plan = result(&p, Reading::Plan);
        let mut risk = plan.clone();
        plan.stage_gates = vec![
            outcome("II", first_close(), true),
            outcome("III", first_close(), true),
        ];
        risk.stage_gates = vec![
            outcome("II", first_close(), true),
            outcome("III", first_close(), false),
        ];
        let t = ReadingsTable::new(&p, &plan, &risk);
        assert_eq!((t.plan.gates_passed, t.plan.gates), (2, 2));
        assert_eq!((t.risk_adjusted.gates_passed, t.risk_adjusted.gates), (1, 2));
    }

    fn summary(p10: f64, p50: f64, p90: f64) -> Summary {
        Summary {
            values: [0.0, p10, 0.0, p50, 0.0, p90, 0.0],
            mean: p50,
        }
    }

    #[test]
    fn the_simulated_uplift_is_the_share_of_plan_times_the_plan() {
        let run = McResult {
            paths: 100,
            seed: 7,
            net_irr: summary(0.05, 0.1, 0.15),
            paths_without_irr: 0,
            tvpi: summary(1.2, 1.6, 2.0),
            dpi: summary(1.0, 1.0, 1.0),
            gross_moic: summary(1.5, 2.0, 2.5),
            paid_in: summary(70.0, 80.0, 90.0),
            at_years: Vec::new(),
            probability_tvpi_below_one: 0.0,
            tvpi_histogram: Vec::new(),
            nav_fan: Vec::new(),
            cash_fan: Vec::new(),
            dates: Vec::new(),
            programme: ProgrammeRisk {
                ai_uplift_share: Some(summary(0.5, 0.9, 1.0)),
                plan_ai_uplift: 56.0,
                ..ProgrammeRisk::default()
            },
        };
        let t = table(&portfolio()).with_simulated(&run);
        let s = t.simulated.unwrap_or_else(|| panic!("a simulated column"));
        assert_eq!((s.paths, s.seed), (100, 7));
        assert_eq!((s.net_irr.p10, s.net_irr.p50, s.net_irr.p90), (0.05, 0.1, 0.15));
        assert_eq!((s.net_tvpi.p10, s.net_tvpi.p90), (1.2, 2.0));
        // 0.5 × 56, 0.9 × 56, 1.0 × 56.
        let uplift = s.exit_ai_uplift.unwrap_or_else(|| panic!("a simulated uplift"));
        assert!((uplift.p10 - 28.0).abs() < 1e-9 && (uplift.p50 - 50.4).abs() < 1e-9);
        assert!((uplift.p90 - 56.0).abs() < 1e-9);
        assert_eq!(
            (s.gross_moic.p10, s.gross_moic.p50, s.gross_moic.p90),
            (1.5, 2.0, 2.5)
        );
        assert_eq!((s.paid_in.p10, s.paid_in.p90), (70.0, 90.0));
    }
}

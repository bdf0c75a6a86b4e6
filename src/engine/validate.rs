//! Validation: every problem names the field it is about, in words a fund manager reads.
//!
//! The bounds also keep the Decimal projection inside `Decimal`'s range (about 7.9e28):
//! money at most 1e14, growth within ±50 % a year over at most 160 quarters
//! (1.5^40 ≈ 1.1e7), multiples at most 100 — so the largest product the projection forms
//! stays below ~1e23 and no operation can overflow.

use std::collections::HashSet;
use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::dec;

use super::grid;
use super::model::{
    Company, CostPool, Distribution, FundTerms, Lever, LeverFunding, LeverTarget, PmeBenchmark, Portfolio,
    Uncertainty,
};

/// Largest amount of money the model accepts (100 trillion in the fund's currency).
pub const MAX_MONEY: Decimal = dec!(100_000_000_000_000);

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Results are still computed; worth a look.
    Warning,
    /// The model cannot be computed until this is fixed.
    Error,
}

/// One problem, with the path of the field it is about (`companies[3].exit_date`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{kind}: {}: {}", self.path, self.message)
    }
}

/// Whether any problem in `problems` blocks computing.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

struct Checker {
    problems: Vec<Problem>,
}

fn pct(value: Decimal) -> String {
    format!("{}%", (value * dec!(100)).normalize())
}

impl Checker {
    fn push(&mut self, severity: Severity, path: String, message: String) {
        self.problems.push(Problem {
            severity,
            path,
            message,
        });
    }
    fn error(&mut self, path: String, message: String) {
        self.push(Severity::Error, path, message);
    }
    /// A share or rate in `[lo, hi]`, shown as percentages.
    fn share(&mut self, path: String, label: &str, value: Decimal, lo: Decimal, hi: Decimal) {
        if value < lo || value > hi {
            self.error(
                path,
                format!(
                    "{label} is {}, must be between {} and {}",
                    pct(value),
                    pct(lo),
                    pct(hi)
                ),
            );
        }
    }
    /// A plain number (a multiple) in `[lo, hi]`.
    fn number(&mut self, path: String, label: &str, value: Decimal, lo: Decimal, hi: Decimal) {
        if value < lo || value > hi {
            self.error(
                path,
                format!("{label} is {}, must be between {lo} and {hi}", value.normalize()),
            );
        }
    }
    /// Money that cannot be negative.
    fn money(&mut self, path: String, label: &str, value: Decimal) {
        if value < Decimal::ZERO {
            self.error(
                path,
                format!("{label} cannot be negative (it is {})", value.normalize()),
            );
        } else if value > MAX_MONEY {
            self.error(
                path,
                format!("{label} is above the model's limit of 100 trillion"),
            );
        }
    }
}

/// Checks a whole portfolio.
pub fn validate(portfolio: &Portfolio) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new() };
    check_fund(&mut c, &portfolio.fund);
    check_stages(&mut c, portfolio);
    let mut names = HashSet::new();
    for (i, company) in portfolio.companies.iter().enumerate() {
        let path = format!("companies[{i}]");
        if !names.insert(company.name.as_str()) {
            c.error(
                format!("{path}.name"),
                format!("two companies are named '{}'", company.name),
            );
        }
        check_company(&mut c, portfolio, &path, company);
    }
    check_stage_budgets(&mut c, portfolio);
    if let Some(u) = &portfolio.uncertainty {
        check_uncertainty(&mut c, u);
    }
    let mut scenario_names = HashSet::new();
    for (i, scenario) in portfolio.scenarios.iter().enumerate() {
        if scenario.name.trim().is_empty() {
            c.error(format!("scenarios[{i}].name"), "a scenario needs a name".into());
        } else if !scenario_names.insert(scenario.name.as_str()) {
            c.error(
                format!("scenarios[{i}].name"),
                format!("two scenarios are named '{}'", scenario.name),
            );
        }
        for (j, o) in scenario.company_overrides.iter().enumerate() {
            if !portfolio.companies.iter().any(|co| co.name == o.company) {
                c.error(
                    format!("scenarios[{i}].company_overrides[{j}].company"),
                    format!(
                        "scenario '{}' overrides '{}', which is not a company in the fund",
                        scenario.name, o.company
                    ),
                );
            }
        }
    }
    c.problems
}

fn check_fund(c: &mut Checker, f: &FundTerms) {
    if f.name.trim().is_empty() {
        c.error("fund.name".into(), "the fund needs a name".into());
    }
    if f.commitment <= Decimal::ZERO {
        c.error(
            "fund.commitment".into(),
            "the commitment must be above zero".into(),
        );
    }
    c.money("fund.commitment".into(), "the commitment", f.commitment);
    c.share(
        "fund.gp_commitment_share".into(),
        "the GP commitment share",
        f.gp_commitment_share,
        dec!(0),
        dec!(1),
    );
    if f.term_years == 0 || f.term_years + f.extension_years > 30 {
        c.error(
            "fund.term_years".into(),
            "the term plus extensions must be between 1 and 30 years".into(),
        );
    }
    if f.investment_period_years == 0 || f.investment_period_years > f.term_years {
        c.error(
            "fund.investment_period_years".into(),
            format!(
                "the investment period ({} years) must be at least 1 year and no longer than the term",
                f.investment_period_years
            ),
        );
    }
    c.share(
        "fund.management_fee_rate".into(),
        "the management fee",
        f.management_fee_rate,
        dec!(0),
        dec!(0.1),
    );
    if let Some(rate) = f.post_investment_fee_rate {
        c.share(
            "fund.post_investment_fee_rate".into(),
            "the post-investment fee",
            rate,
            dec!(0),
            dec!(0.1),
        );
    }
    c.money(
        "fund.organisational_expenses".into(),
        "organisational expenses",
        f.organisational_expenses,
    );
    c.money(
        "fund.annual_expenses".into(),
        "annual expenses",
        f.annual_expenses,
    );
    c.share(
        "fund.carry_rate".into(),
        "the carry rate",
        f.carry_rate,
        dec!(0),
        dec!(0.5),
    );
    c.share(
        "fund.preferred_return".into(),
        "the preferred return",
        f.preferred_return,
        dec!(0),
        dec!(0.5),
    );
    c.share(
        "fund.gp_catch_up".into(),
        "the GP catch-up",
        f.gp_catch_up,
        dec!(0),
        dec!(1),
    );
    match &f.pme_benchmark {
        PmeBenchmark::ConstantReturn { annual_return } => c.share(
            "fund.pme_benchmark.annual_return".into(),
            "the benchmark return",
            *annual_return,
            dec!(-0.5),
            dec!(1),
        ),
        PmeBenchmark::Series { points } => {
            if points.len() < 2 {
                c.error(
                    "fund.pme_benchmark.points".into(),
                    "an index series needs at least two points".into(),
                );
            }
            for (i, w) in points.windows(2).enumerate() {
                if let [a, b] = w
                    && b.date <= a.date
                {
                    c.error(
                        format!("fund.pme_benchmark.points[{}].date", i + 1),
                        format!("index dates must increase ({} follows {})", b.date, a.date),
                    );
                }
            }
            for (i, p) in points.iter().enumerate() {
                if p.level <= Decimal::ZERO || p.level > MAX_MONEY {
                    c.error(
                        format!("fund.pme_benchmark.points[{i}].level"),
                        "index levels must be above zero".into(),
                    );
                }
            }
        }
    }
}

fn check_stages(c: &mut Checker, p: &Portfolio) {
    if p.stages.is_empty() {
        c.error(
            "stages".into(),
            "the fund needs at least one deployment stage".into(),
        );
    }
    let mut names = HashSet::new();
    let mut total = Decimal::ZERO;
    for (i, s) in p.stages.iter().enumerate() {
        let path = format!("stages[{i}]");
        if s.name.trim().is_empty() {
            c.error(format!("{path}.name"), "a stage needs a name".into());
        } else if !names.insert(s.name.as_str()) {
            c.error(
                format!("{path}.name"),
                format!("two stages are named '{}'", s.name),
            );
        }
        c.money(
            format!("{path}.budget"),
            &format!("stage '{}' budget", s.name),
            s.budget,
        );
        c.money(
            format!("{path}.reserve"),
            &format!("stage '{}' reserve", s.name),
            s.reserve,
        );
        if s.start_date < p.fund.first_close {
            c.error(
                format!("{path}.start_date"),
                format!(
                    "stage '{}' starts before the first close ({})",
                    s.name, p.fund.first_close
                ),
            );
        }
        if s.budget.abs() <= MAX_MONEY && s.reserve.abs() <= MAX_MONEY {
            total += s.budget + s.reserve;
        }
    }
    if total > p.fund.commitment {
        c.error(
            "stages".into(),
            format!(
                "stage budgets and reserves add up to {}, more than the commitment of {}",
                total.normalize(),
                p.fund.commitment.normalize()
            ),
        );
    }
}

fn check_company(c: &mut Checker, p: &Portfolio, path: &str, co: &Company) {
    let who = &co.name;
    if who.trim().is_empty() {
        c.error(format!("{path}.name"), "a company needs a name".into());
    }
    match p.stage(&co.stage) {
        None => c.error(
            format!("{path}.stage"),
            format!("'{who}' belongs to stage '{}', which does not exist", co.stage),
        ),
        Some(stage) if co.acquisition_date < stage.start_date => c.error(
            format!("{path}.acquisition_date"),
            format!(
                "'{who}' is acquired on {}, before its stage '{}' starts ({})",
                co.acquisition_date, stage.name, stage.start_date
            ),
        ),
        Some(_) => {}
    }
    if co.acquisition_date < p.fund.first_close {
        c.error(
            format!("{path}.acquisition_date"),
            format!("'{who}' is acquired before the fund's first close"),
        );
    }
    if grid::quarters_between(co.acquisition_date, co.exit_date) < 1 {
        c.error(
            format!("{path}.exit_date"),
            format!(
                "'{who}' exits on {}, which must be in a later quarter than the acquisition ({})",
                co.exit_date, co.acquisition_date
            ),
        );
    }
    if grid::quarters_between(p.fund.first_close, co.exit_date) >= 150 {
        c.error(
            format!("{path}.exit_date"),
            format!("'{who}' exits more than 37 years after the first close"),
        );
    }
    let fund_end = grid::add_years(p.fund.first_close, p.fund.term_years + p.fund.extension_years);
    if co.exit_date > fund_end {
        c.push(
            Severity::Warning,
            format!("{path}.exit_date"),
            format!(
                "'{who}' exits after the fund's term ends ({fund_end}); no fees are charged after the term"
            ),
        );
    }
    if co.ownership <= Decimal::ZERO || co.ownership > Decimal::ONE {
        c.error(
            format!("{path}.ownership"),
            format!(
                "'{who}' ownership is {}, must be above 0% and at most 100%",
                pct(co.ownership)
            ),
        );
    }
    if co.entry_revenue <= Decimal::ZERO {
        c.error(
            format!("{path}.entry_revenue"),
            format!("'{who}' entry revenue must be above zero"),
        );
    }
    c.money(
        format!("{path}.entry_revenue"),
        &format!("'{who}' entry revenue"),
        co.entry_revenue,
    );
    c.share(
        format!("{path}.revenue_growth"),
        &format!("'{who}' revenue growth"),
        co.revenue_growth,
        dec!(-0.5),
        dec!(0.5),
    );
    for pool in CostPool::ALL {
        let label = format!("'{who}' {} cost", pool.label().to_lowercase());
        c.share(
            format!("{path}.cost_pools.{}", pool.key()),
            &label,
            co.cost_pools.get(pool),
            dec!(0),
            dec!(1),
        );
    }
    let pools = co.cost_pools.total();
    if pools >= Decimal::ONE {
        c.error(
            format!("{path}.cost_pools"),
            format!(
                "'{who}' cost pools add up to {} of revenue, leaving no EBITDA (must be under 100%)",
                pct(pools)
            ),
        );
    }
    c.share(
        format!("{path}.maintenance_capex"),
        &format!("'{who}' maintenance capex"),
        co.maintenance_capex,
        dec!(0),
        dec!(1),
    );
    c.share(
        format!("{path}.tax_rate"),
        &format!("'{who}' tax rate"),
        co.tax_rate,
        dec!(0),
        dec!(0.9),
    );
    c.number(
        format!("{path}.entry_multiple"),
        &format!("'{who}' entry multiple"),
        co.entry_multiple,
        dec!(0.1),
        dec!(100),
    );
    c.number(
        format!("{path}.exit_multiple"),
        &format!("'{who}' exit multiple"),
        co.exit_multiple,
        dec!(0),
        dec!(100),
    );
    c.number(
        format!("{path}.debt_multiple"),
        &format!("'{who}' debt multiple"),
        co.debt_multiple,
        dec!(0),
        dec!(100),
    );
    if co.debt_multiple >= co.entry_multiple * (Decimal::ONE + co.transaction_costs)
        && co.entry_multiple > Decimal::ZERO
    {
        c.error(
            format!("{path}.debt_multiple"),
            format!("'{who}' debt ({}x EBITDA) would pay for the whole entry price ({}x): the fund must put in equity", co.debt_multiple.normalize(), co.entry_multiple.normalize()),
        );
    }
    c.share(
        format!("{path}.interest_rate"),
        &format!("'{who}' interest rate"),
        co.interest_rate,
        dec!(0),
        dec!(0.5),
    );
    c.share(
        format!("{path}.cash_sweep"),
        &format!("'{who}' cash sweep"),
        co.cash_sweep,
        dec!(0),
        dec!(1),
    );
    c.share(
        format!("{path}.transaction_costs"),
        &format!("'{who}' transaction costs"),
        co.transaction_costs,
        dec!(0),
        dec!(0.5),
    );
    c.share(
        format!("{path}.exit_costs"),
        &format!("'{who}' exit costs"),
        co.exit_costs,
        dec!(0),
        dec!(0.5),
    );
    check_levers(c, path, co);
}

fn check_levers(c: &mut Checker, path: &str, co: &Company) {
    let who = &co.name;
    let mut per_pool = [Decimal::ZERO; 5];
    for (j, lever) in co.levers.iter().enumerate() {
        let lp = format!("{path}.levers[{j}]");
        let name = if lever.name.trim().is_empty() {
            lever.kind.label().to_string()
        } else {
            lever.name.clone()
        };
        let label = format!("'{who}' lever '{name}'");
        check_lever_numbers(c, &lp, &label, lever);
        if let LeverTarget::Pool(pool) = lever.target {
            let share = co.cost_pools.get(pool);
            if share.is_zero() {
                c.error(
                    format!("{lp}.target"),
                    format!(
                        "{label} acts on the {} pool, which '{who}' does not have (0% of revenue)",
                        pool.label().to_lowercase()
                    ),
                );
            }
            if let Some(slot) = CostPool::ALL
                .iter()
                .position(|p| *p == pool)
                .and_then(|i| per_pool.get_mut(i))
            {
                *slot += lever.effect.clamp(Decimal::ZERO, Decimal::ONE)
                    * lever.realisation.clamp(Decimal::ZERO, dec!(2));
            }
        }
    }
    for (pool, total) in CostPool::ALL.iter().zip(per_pool) {
        if total > Decimal::ONE {
            c.error(
                format!("{path}.levers"),
                format!(
                    "'{who}' levers remove {} of the {} pool: at most 100% can go",
                    pct(total),
                    pool.label().to_lowercase()
                ),
            );
        }
    }
}

fn check_lever_numbers(c: &mut Checker, lp: &str, label: &str, lever: &Lever) {
    c.share(
        format!("{lp}.effect"),
        &format!("{label} effect"),
        lever.effect,
        dec!(0),
        dec!(1),
    );
    c.share(
        format!("{lp}.realisation"),
        &format!("{label} realisation"),
        lever.realisation,
        dec!(0),
        dec!(1.5),
    );
    c.money(
        format!("{lp}.one_time_cost"),
        &format!("{label} one-time cost"),
        lever.one_time_cost,
    );
    c.money(
        format!("{lp}.annual_run_cost"),
        &format!("{label} run cost"),
        lever.annual_run_cost,
    );
    if lever.ramp_quarters > 80 {
        c.error(
            format!("{lp}.ramp_quarters"),
            format!("{label} ramps over {} quarters; at most 80", lever.ramp_quarters),
        );
    }
    if lever.start_delay_quarters > 80 {
        c.error(
            format!("{lp}.start_delay_quarters"),
            format!(
                "{label} starts after {} quarters; at most 80",
                lever.start_delay_quarters
            ),
        );
    }
}

/// The fund's equity cheque for `co` at entry, from the file's figures.
pub fn equity_cheque(co: &Company) -> Decimal {
    let ebitda = co.entry_revenue * (Decimal::ONE - co.cost_pools.total());
    let ev = co.entry_multiple * ebitda;
    co.ownership * (ev * (Decimal::ONE + co.transaction_costs) - co.debt_multiple * ebitda)
}

fn check_stage_budgets(c: &mut Checker, p: &Portfolio) {
    if has_errors(&c.problems) {
        return; // cheques are only meaningful once every company's numbers are in range
    }
    for (i, stage) in p.stages.iter().enumerate() {
        let members = p.companies.iter().filter(|co| co.stage == stage.name);
        let (cheques, follow_ons) = members.fold((Decimal::ZERO, Decimal::ZERO), |(ch, fo), co| {
            let fund_funded: Decimal = co
                .levers
                .iter()
                .filter(|l| l.funding == LeverFunding::FundFollowOn)
                .map(|l| l.one_time_cost)
                .sum();
            (ch + equity_cheque(co), fo + fund_funded)
        });
        if cheques > stage.budget {
            c.error(
                format!("stages[{i}].budget"),
                format!(
                    "stage '{}' acquisitions need {} of equity, more than its budget of {}",
                    stage.name,
                    cheques.round_dp(0),
                    stage.budget.normalize()
                ),
            );
        }
        if follow_ons > stage.reserve {
            c.error(
                format!("stages[{i}].reserve"),
                format!(
                    "stage '{}' fund-funded AI programmes need {} of follow-on equity, more than its reserve of {}",
                    stage.name,
                    follow_ons.round_dp(0),
                    stage.reserve.normalize()
                ),
            );
        }
    }
}

fn check_distribution(c: &mut Checker, path: &str, d: &Distribution) {
    let mut bad = |message: String| c.error(path.to_string(), message);
    match d {
        Distribution::Fixed { .. } => {}
        Distribution::Uniform { min, max } if min > max => {
            bad(format!("uniform: min {min} is above max {max}"))
        }
        Distribution::Triangular { min, mode, max } if !(min <= mode && mode <= max) => {
            bad(format!(
                "triangular: needs min ≤ mode ≤ max (got {min}, {mode}, {max})"
            ));
        }
        Distribution::Normal { sd, min, max, .. } if *sd < Decimal::ZERO || min > max => {
            bad(format!(
                "normal: needs sd ≥ 0 and min ≤ max (got sd {sd}, min {min}, max {max})"
            ));
        }
        Distribution::Discrete { values, weights } => {
            if values.is_empty() || values.len() != weights.len() {
                bad(format!(
                    "discrete: needs as many weights as values (got {} and {})",
                    values.len(),
                    weights.len()
                ));
            } else if weights.iter().any(|w| *w < Decimal::ZERO) || weights.iter().all(Decimal::is_zero) {
                bad("discrete: weights must be zero or more and not all zero".into());
            }
        }
        _ => {}
    }
}

fn check_uncertainty(c: &mut Checker, u: &Uncertainty) {
    check_distribution(c, "uncertainty.realisation_scale", &u.realisation_scale);
    check_distribution(c, "uncertainty.exit_multiple_shift", &u.exit_multiple_shift);
    check_distribution(c, "uncertainty.exit_delay_quarters", &u.exit_delay_quarters);
    check_distribution(c, "uncertainty.growth_shift", &u.growth_shift);
    c.share(
        "uncertainty.market_factor_weight".into(),
        "the market factor weight",
        u.market_factor_weight,
        dec!(0),
        dec!(1),
    );
}

//! Domain defaults in one place: what a new fund, a new company and a new AI lever start
//! as. Each validates clean on its own, so a user who adds one sees figures at once and
//! then edits them. (Entry EBITDA and the equity cheque live in [`super::entry`].)

use chrono::NaiveDate;
use rust_decimal::dec;

use super::grid;
use super::model::{
    CarryTerms, CashPolicy, Company, CostPool, CostPools, DEFAULT_CAPEX_LIFE_YEARS, Depreciation,
    FORMAT_NAME, FORMAT_VERSION, FeeTerms, FixedCosts, FundTerms, Lever, LeverFunding, LeverKind,
    LeverTarget, ManagementPool, MarkingPolicy, PmeBenchmark, Portfolio, RampShape, Sector, Stage, TaxRules,
    Waterfall, WindUp, WorkingCapital,
};

/// The name a new company starts with (made unique where it is added).
pub const NEW_COMPANY_NAME: &str = "New company";
/// The name a new stage starts with (made unique where it is added).
pub const NEW_STAGE_NAME: &str = "New stage";
/// The name a new scenario starts with (made unique where it is added).
pub const NEW_SCENARIO_NAME: &str = "New scenario";
/// Years a template company is held before its exit (cut to the fund's term).
pub const TEMPLATE_HOLD_YEARS: u32 = 5;

/// A new, empty fund closing on `first_close`: market-standard terms (2 % fee, 20 %
/// carry over an 8 % hurdle with full catch-up, European waterfall) and one stage.
pub fn blank_portfolio(first_close: NaiveDate) -> Portfolio {
    Portfolio {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        fund: FundTerms {
            name: "New fund".into(),
            currency: "USD".into(),
            commitment: dec!(1_000_000_000),
            gp_commitment_share: dec!(0.01),
            first_close,
            investment_period_years: 5,
            term_years: 10,
            extension_years: 0,
            management_fee_rate: dec!(0.02),
            post_investment_fee_rate: Some(dec!(0.015)),
            organisational_expenses: dec!(0),
            annual_expenses: dec!(0),
            carry_rate: dec!(0.2),
            preferred_return: dec!(0.08),
            gp_catch_up: dec!(1),
            waterfall: Waterfall::European,
            pme_benchmark: PmeBenchmark::ConstantReturn {
                annual_return: dec!(0.07),
            },
            marking_policy: MarkingPolicy::EntryMultiple,
            comparable_multiples: Vec::new(),
            carry_terms: CarryTerms::default(),
            fee_terms: FeeTerms::default(),
            wind_up: WindUp::default(),
            recycling: super::model::Recycling::default(),
            credit_line: None,
            investors: crate::engine::model::Investors::default(),
        },
        stages: vec![Stage {
            name: "Stage I".into(),
            start_date: first_close,
            budget: dec!(800_000_000),
            reserve: dec!(50_000_000),
            gate: None,
        }],
        companies: Vec::new(),
        scenarios: Vec::new(),
        notes: Vec::new(),
        uncertainty: None,
        programme: crate::engine::model::PortfolioProgramme::default(),
    }
}

/// A mid-sized industrial machinery maker, bought outright in `stage` on
/// `acquisition_date` and sold [`TEMPLATE_HOLD_YEARS`] later (no later than
/// `latest_exit`): 250M revenue growing 3 % a year, an 18 % EBITDA margin, 9× in and out,
/// 4× debt. Working capital of a machinery maker (60 receivable, 75 inventory, 50 payable
/// days); a third of labour and maintenance and half of overhead fixed, growing 2.5 % a
/// year; D&A equal to capex; the 30 % interest cap; 10 % of the equity gain above 1.0× for
/// management. No levers yet.
pub fn template_company(stage: &str, acquisition_date: NaiveDate, latest_exit: NaiveDate) -> Company {
    Company {
        name: NEW_COMPANY_NAME.into(),
        sector: Sector::IndustrialMachinery,
        stage: stage.into(),
        acquisition_date,
        ownership: dec!(1),
        entry_revenue: dec!(250_000_000),
        revenue_growth: dec!(0.03),
        cost_pools: CostPools {
            materials: dec!(0.40),
            direct_labour: dec!(0.18),
            energy: dec!(0.04),
            maintenance: dec!(0.05),
            overhead: dec!(0.15),
        },
        fixed_costs: FixedCosts {
            shares: CostPools {
                materials: dec!(0),
                direct_labour: dec!(0.33),
                energy: dec!(0.2),
                maintenance: dec!(0.33),
                overhead: dec!(0.5),
            },
            inflation: dec!(0.025),
        },
        working_capital: WorkingCapital {
            receivable_days: dec!(60),
            inventory_days: dec!(75),
            payable_days: dec!(50),
        },
        maintenance_capex: dec!(0.03),
        depreciation: Depreciation::default(),
        tax_rate: dec!(0.25),
        tax: TaxRules::default(),
        cash: CashPolicy::default(),
        entry_multiple: dec!(9),
        debt_multiple: dec!(4),
        interest_rate: dec!(0.07),
        cash_sweep: dec!(0.5),
        transaction_costs: dec!(0.02),
        transaction_fee: dec!(0),
        monitoring_fee: dec!(0),
        exit_date: grid::add_years(acquisition_date, TEMPLATE_HOLD_YEARS).min(latest_exit),
        exit_multiple: dec!(9),
        exit_costs: dec!(0.01),
        partial_exits: Vec::new(),
        marking_policy: None,
        management_pool: ManagementPool {
            share: dec!(0.1),
            hurdle_multiple: dec!(1),
        },
        levers: Vec::new(),
        conditional: false,
    }
}

/// The template company placed in `portfolio`: in `stage` (or the first stage), bought
/// at the stage's start (or the first close), sold before the fund's term ends.
pub fn template_company_in(portfolio: &Portfolio, stage: Option<&str>) -> Company {
    let fund = &portfolio.fund;
    let stage = stage
        .and_then(|name| portfolio.stage(name))
        .or_else(|| portfolio.stages.first());
    let acquisition = stage.map_or(fund.first_close, |s| s.start_date.max(fund.first_close));
    // Saturating: a term the validation will refuse (`u32::MAX` years) must not
    // overflow here, while the editor still places the company.
    let fund_end = grid::add_years(
        fund.first_close,
        fund.term_years.saturating_add(fund.extension_years),
    );
    template_company(stage.map_or("", |s| s.name.as_str()), acquisition, fund_end)
}

/// A new AI lever: predictive maintenance taking 20 % off the maintenance pool, starting
/// two quarters after the deal and ramping over six (S-curve), 80 % realised, no costs
/// entered yet.
pub fn template_lever() -> Lever {
    Lever {
        name: LeverKind::PredictiveMaintenance.label().into(),
        kind: LeverKind::PredictiveMaintenance,
        target: LeverTarget::Pool(CostPool::Maintenance),
        effect: dec!(0.2),
        start_delay_quarters: 2,
        ramp_quarters: 6,
        ramp_shape: RampShape::SCurve,
        one_time_cost: dec!(0),
        annual_run_cost: dec!(0),
        realisation: dec!(0.8),
        funding: LeverFunding::Company,
        one_time_capex_share: dec!(0),
        capex_life_years: DEFAULT_CAPEX_LIFE_YEARS,
        programme: crate::engine::model::LeverProgramme::default(),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::engine::{entry, validate};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn a_blank_fund_with_a_template_company_and_lever_validates_clean() {
        let mut p = blank_portfolio(day(2026, 3, 31));
        assert!(validate::validate(&p).is_empty(), "{:?}", validate::validate(&p));
        let mut company = template_company_in(&p, None);
        company.levers.push(template_lever());
        assert_eq!(company.stage, "Stage I");
        assert_eq!(company.acquisition_date, day(2026, 3, 31));
        assert_eq!(company.exit_date, day(2031, 3, 31));
        p.companies.push(company);
        let problems = validate::validate(&p);
        assert!(!validate::has_errors(&problems), "{problems:?}");
    }

    #[test]
    fn the_template_company_figures() {
        let c = template_company("S", day(2026, 3, 31), day(2040, 1, 1));
        // Pools 40 + 18 + 4 + 5 + 15 = 82 % of revenue: an 18 % margin on 250M is 45M.
        assert_eq!(entry::company_entry_margin(&c), dec!(0.18));
        assert_eq!(entry::company_entry_ebitda(&c), dec!(45_000_000));
        // EV 9 × 45M = 405M, debt 4 × 45M = 180M, costs 2 % of EV = 8.1M:
        // 405 − 180 + 8.1 = 233.1M, inside the blank fund's 800M stage budget.
        assert_eq!(entry::company_equity_cheque(&c), dec!(233_100_000));
        assert_eq!(c.levers.len(), 0);
    }

    #[test]
    fn the_exit_is_cut_to_the_fund_term() {
        let mut p = blank_portfolio(day(2026, 3, 31));
        p.stages[0].start_date = day(2033, 6, 30);
        let c = template_company_in(&p, Some("Stage I"));
        assert_eq!(c.acquisition_date, day(2033, 6, 30));
        assert_eq!(
            c.exit_date,
            day(2036, 3, 31),
            "the ten-year term ends in March 2036"
        );
    }

    #[test]
    fn without_stages_the_company_is_bought_at_the_first_close() {
        let mut p = blank_portfolio(day(2026, 3, 31));
        p.stages.clear();
        let c = template_company_in(&p, Some("missing"));
        assert_eq!(c.stage, "");
        assert_eq!(c.acquisition_date, day(2026, 3, 31));
        assert!(c.ownership > Decimal::ZERO);
    }
}

//! The quarterly company statement: one company of one case, one row per quarter from
//! the acquisition quarter to the exit quarter inclusive, its columns the company's
//! operating figures, cash, debt and marks, then the fund's share and flows. The same
//! table is written as CSV (`millwright company`) and as tab-separated text (the app's
//! statement view copies it).
//!
//! Columns, in order: revenue; each cost pool's cost; each lever's figure (its saving,
//! revenue uplift or inventory released); the levers' run costs; EBITDA, LTM EBITDA,
//! the AI EBITDA uplift (EBITDA with levers less without) and its run-rate (four times the
//! quarter's), D&A, the one-time lever costs expensed, the manager's monitoring fee, the
//! charge for the fund's shared AI platforms, EBIT; interest, interest income, deductible
//! interest, interest carried forward, taxable income, tax paid, tax losses carried
//! forward; capex, lever capex, working capital and its change, free cash flow, equity
//! injected; debt, overdraft, cash, net debt, leverage; the mark multiple, EV, equity
//! value, management pool; then the fund's ownership, equity value, follow-on, proceeds
//! and deal equity (the equity cheque, in the acquisition quarter). With the run costs,
//! the expensed one-time costs, the monitoring fee and the platform charge in the table,
//! each row reconciles on its own: revenue − pools − run costs = EBITDA, and EBITDA − D&A
//! − expensed − monitoring fee − platform charge = EBIT. The platform charge is zero
//! unless a platform is charged to the companies (by revenue or by levers live).
//!
//! Every figure comes straight from the projection's
//! [`CompanyPeriod`] and the lever lines of
//! [`crate::engine::company::lever_lines`]; nothing is recomputed here but leverage
//! (net debt over LTM EBITDA, blank when LTM EBITDA is zero or negative). Each heading
//! says its unit: amounts in the fund's currency ("EBITDA (USD)"), multiples as "(x)",
//! the fund's ownership as a fraction (0.5 is half). Amounts are written to the cent
//! ([`MONEY_DP`](crate::export::tables::MONEY_DP)), multiples and fractions to
//! [`RATIO_DP`](crate::export::tables::RATIO_DP) places, like the other tables.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::company::{PrepareError, lever_lines};
use crate::engine::model::CostPool;
use crate::engine::results::{CompanyPeriod, CompanyResult};
use crate::engine::study::{Case, CaseError, Study};

mod names;
mod text;

pub use text::{cell_text, to_csv, to_tsv};

/// Heading of the first column of the CSV and TSV: each row's quarter-end date.
pub const DATE_HEADING: &str = "Quarter end";

/// Most close matches an unknown company's message lists.
const MAX_SUGGESTIONS: usize = 5;

/// One company's quarterly statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The company's name, as in the model.
    pub company: String,
    /// The case the figures belong to ("Base case", "scenario Downside").
    pub case: String,
    /// ISO code of the fund's currency, which every amount is in.
    pub currency: String,
    /// Column headings after the date, each naming its unit ("EBITDA (USD)").
    pub columns: Vec<String>,
    /// What each column measures, one per heading in `columns`.
    pub units: Vec<Unit>,
    /// One row per quarter, acquisition to exit inclusive.
    pub rows: Vec<StatementRow>,
}

/// One quarter of a [`Statement`].
#[derive(Debug, Clone, PartialEq)]
pub struct StatementRow {
    /// The quarter-end date.
    pub date: NaiveDate,
    /// One figure per column; `None` where the figure is undefined (leverage when LTM
    /// EBITDA is not positive).
    pub values: Vec<Option<Decimal>>,
}

/// What a statement column measures, which decides how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// An amount in the fund's currency (to the cent).
    Money,
    /// A multiple: EV / EBITDA, net debt / EBITDA.
    Multiple,
    /// A share as a fraction (0.5 is 50 %).
    Fraction,
}

/// Why a company's statement could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatementError {
    /// No company of the model has the name asked for.
    #[error(
        "there is no company named '{name}' in the fund{}",
        names::suggestion(close_matches)
    )]
    UnknownCompany {
        /// The name asked for.
        name: String,
        /// Names of the model's companies that look like it (closest first).
        close_matches: Vec<String>,
    },
    /// The case has no results (an unknown scenario, a model with errors).
    #[error(transparent)]
    Case(#[from] CaseError),
    /// The company's lever lines could not be worked out.
    #[error(transparent)]
    Levers(#[from] PrepareError),
    /// The projection kept no quarterly figures for the company.
    #[error("the projection kept no quarterly figures for '{company}'")]
    NoQuarters {
        /// The company's name.
        company: String,
    },
}

impl Statement {
    /// Position in `columns` (and in each row's `values`) of the column headed `heading`.
    pub fn column(&self, heading: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == heading)
    }

    /// The figures of the column headed `heading`, one per row.
    pub fn column_values(&self, heading: &str) -> Option<Vec<Option<Decimal>>> {
        let index = self.column(heading)?;
        Some(
            self.rows
                .iter()
                .map(|row| row.values.get(index).copied().flatten())
                .collect(),
        )
    }
}

/// A column being built: its heading, unit and one figure per row.
struct Column {
    heading: String,
    unit: Unit,
    values: Vec<Option<Decimal>>,
}

/// The statement of the company named `company` in `case` of `study`. The name must
/// match exactly, or without regard to case when only one company matches that way.
pub fn company_statement(study: &Study, case: &Case, company: &str) -> Result<Statement, StatementError> {
    let result = study.result(case)?;
    let model = study.model(case)?;
    let index = names::find_company(model.companies.iter().map(|c| c.name.as_str()), company)?;
    let deal = result
        .companies
        .get(index)
        .ok_or_else(|| StatementError::NoQuarters {
            company: company.to_string(),
        })?;
    let last = result.dates.len().min(deal.periods.len()).saturating_sub(1);
    let quarters: Vec<usize> = (deal.acquisition_index..=deal.exit_index.min(last)).collect();
    let periods: Vec<&CompanyPeriod> = quarters.iter().filter_map(|q| deal.periods.get(*q)).collect();
    if periods.is_empty() || periods.len() != quarters.len() {
        return Err(StatementError::NoQuarters {
            company: deal.name.clone(),
        });
    }
    let currency = &result.currency;
    let levers = lever_lines(&model, index, result.dates.len())?;
    let mut columns = operating_columns(&periods, currency);
    // Each lever's figure sits after the pools it changes and before EBITDA.
    let lever_columns = levers.iter().map(|line| Column {
        heading: format!("{} {} ({currency})", line.name, line.measure.label()),
        unit: Unit::Money,
        values: quarters
            .iter()
            .map(|q| Some(line.per_quarter.get(*q).copied().unwrap_or_default()))
            .collect(),
    });
    columns.extend(lever_columns);
    // The run costs close the gap from revenue less the pools to EBITDA.
    columns.push(money(&periods, "Lever run costs", currency, |p| {
        p.lever_run_costs
    }));
    columns.extend(below_the_line_columns(&periods, currency));
    columns.extend(fund_columns(&periods, deal, &quarters, currency));
    let rows = quarters
        .iter()
        .enumerate()
        .map(|(row, q)| StatementRow {
            date: result.dates.get(*q).copied().unwrap_or_default(),
            values: columns
                .iter()
                .map(|c| c.values.get(row).copied().flatten())
                .collect(),
        })
        .collect();
    Ok(Statement {
        company: deal.name.clone(),
        case: case.to_string(),
        currency: currency.clone(),
        columns: columns.iter().map(|c| c.heading.clone()).collect(),
        units: columns.iter().map(|c| c.unit).collect(),
        rows,
    })
}

/// Reads one figure of a quarter.
type Field = fn(&CompanyPeriod) -> Decimal;

/// A money column of `field` over the rows.
fn money(periods: &[&CompanyPeriod], heading: &str, currency: &str, field: Field) -> Column {
    Column {
        heading: format!("{heading} ({currency})"),
        unit: Unit::Money,
        values: periods.iter().map(|p| Some(field(p))).collect(),
    }
}

/// Revenue and each cost pool's cost.
fn operating_columns(periods: &[&CompanyPeriod], currency: &str) -> Vec<Column> {
    let mut columns = vec![money(periods, "Revenue", currency, |p| p.revenue)];
    columns.extend(CostPool::ALL.iter().enumerate().map(|(i, pool)| {
        Column {
            heading: format!("{} cost ({currency})", pool.label()),
            unit: Unit::Money,
            values: periods
                .iter()
                .map(|p| Some(p.pool_costs.get(i).copied().unwrap_or_default()))
                .collect(),
        }
    }));
    columns
}

/// EBITDA down to the equity marks.
fn below_the_line_columns(periods: &[&CompanyPeriod], currency: &str) -> Vec<Column> {
    let amounts: [(&str, Field); 26] = [
        ("EBITDA", |p| p.ebitda),
        ("LTM EBITDA", |p| p.ltm_ebitda),
        ("AI EBITDA uplift", |p| p.ai_ebitda_uplift),
        ("AI run-rate uplift", |p| p.ai_run_rate_uplift),
        ("D&A", |p| p.depreciation),
        ("Lever one-time costs expensed", |p| p.lever_one_time_expensed),
        ("Monitoring fee", |p| p.monitoring_fee),
        ("Platform charge", |p| p.platform_charge),
        ("EBIT", |p| p.ebit),
        ("Interest", |p| p.interest),
        ("Interest income", |p| p.interest_income),
        ("Deductible interest", |p| p.deductible_interest),
        ("Interest carried forward", |p| p.interest_carried_forward),
        ("Taxable income", |p| p.taxable_income),
        ("Tax paid", |p| p.tax),
        ("Tax losses carried forward", |p| p.tax_losses_carried_forward),
        ("Capex", |p| p.capex),
        ("Lever capex", |p| p.lever_capex),
        ("Working capital", |p| p.working_capital),
        ("Change in working capital", |p| p.change_in_working_capital),
        ("Free cash flow", |p| p.free_cash_flow),
        ("Equity injected", |p| p.equity_injected),
        ("Debt", |p| p.debt),
        ("Overdraft", |p| p.overdraft),
        ("Cash", |p| p.cash),
        ("Net debt", |p| p.net_debt),
    ];
    let mut columns: Vec<Column> = amounts
        .iter()
        .map(|(heading, field)| money(periods, heading, currency, *field))
        .collect();
    columns.push(Column {
        heading: "Leverage (x)".to_string(),
        unit: Unit::Multiple,
        values: periods.iter().map(|p| leverage(p)).collect(),
    });
    columns.push(Column {
        heading: "Multiple (x)".to_string(),
        unit: Unit::Multiple,
        values: periods.iter().map(|p| Some(p.multiple)).collect(),
    });
    columns.push(money(periods, "EV", currency, |p| p.enterprise_value));
    columns.push(money(periods, "Equity value", currency, |p| p.equity_value));
    columns.push(money(periods, "Management pool", currency, |p| p.management_pool));
    columns
}

/// Net debt over LTM EBITDA; `None` when LTM EBITDA is zero or negative (no multiple
/// means anything then) or the ratio overflows.
fn leverage(p: &CompanyPeriod) -> Option<Decimal> {
    (p.ltm_ebitda > Decimal::ZERO)
        .then(|| p.net_debt.checked_div(p.ltm_ebitda))
        .flatten()
}

/// The fund's ownership, equity value and flows; its deal equity is the equity cheque in
/// the acquisition quarter (the first row) and zero after.
fn fund_columns(
    periods: &[&CompanyPeriod],
    deal: &CompanyResult,
    quarters: &[usize],
    currency: &str,
) -> Vec<Column> {
    vec![
        Column {
            heading: "Fund ownership (fraction)".to_string(),
            unit: Unit::Fraction,
            values: periods.iter().map(|p| Some(p.ownership)).collect(),
        },
        money(periods, "Fund equity value", currency, |p| p.fund_equity_value),
        money(periods, "Fund follow-on", currency, |p| p.fund_follow_on),
        money(periods, "Fund proceeds", currency, |p| p.fund_proceeds),
        Column {
            heading: format!("Fund deal equity ({currency})"),
            unit: Unit::Money,
            values: quarters
                .iter()
                .map(|q| {
                    Some(if *q == deal.acquisition_index {
                        deal.equity_cheque
                    } else {
                        Decimal::ZERO
                    })
                })
                .collect(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leverage_is_blank_without_positive_ltm_ebitda() {
        let mut p = CompanyPeriod {
            net_debt: Decimal::from(300),
            ltm_ebitda: Decimal::from(100),
            ..CompanyPeriod::default()
        };
        // 300 / 100 = 3 turns.
        assert_eq!(leverage(&p), Some(Decimal::from(3)));
        p.ltm_ebitda = Decimal::ZERO;
        assert_eq!(leverage(&p), None);
        p.ltm_ebitda = Decimal::from(-5);
        assert_eq!(leverage(&p), None);
    }
}

//! What a projection produces: per-quarter company and fund figures and the metrics a
//! fund manager reads. Generic over the number type (see [`super::num`]); the figures the
//! app shows and exports are `Decimal`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::model::Sector;
use super::xirr::XirrError;

mod classes;
mod credit_line;
mod stage_gates;
pub use classes::{CapitalAccountPeriod, ClassMetrics, ClassResult};
pub use credit_line::{CreditLinePeriod, CreditLineResult};
pub use stage_gates::StageGateOutcome;

/// One company in one quarter, at 100 % of the company unless said otherwise. The rows
/// of the company statement (`millwright company`) are these fields; the conventions
/// behind each are at the top of [`crate::engine::company`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CompanyPeriod<T = Decimal> {
    /// Whether the fund holds the company at the end of this quarter (acquired, not exited).
    pub held: bool,
    /// Quarterly revenue with AI levers.
    pub revenue: T,
    /// Quarterly revenue had no lever been applied.
    pub revenue_without_levers: T,
    /// Each cost pool after the levers, in [`CostPool::ALL`](super::model::CostPool::ALL) order.
    pub pool_costs: [T; 5],
    /// Quarterly EBITDA with AI levers (after their run costs; one-time costs are below it).
    pub ebitda: T,
    /// Quarterly EBITDA had no lever been applied.
    pub ebitda_without_levers: T,
    /// EBITDA of the last four quarters, quarters before the acquisition at entry EBITDA.
    pub ltm_ebitda: T,
    /// The AI levers' realised EBITDA uplift this quarter: `ebitda − ebitda_without_levers`
    /// (effects net of run costs and any dis-synergy; one-time costs are below EBITDA).
    /// Summed over a year it is the year's realised uplift.
    pub ai_ebitda_uplift: T,
    /// The levers' annualised run-rate uplift as live at the quarter end: four times this
    /// quarter's uplift (a ramp reaches each quarter's level by its end, see
    /// `engine::company`).
    pub ai_run_rate_uplift: T,
    /// Run costs of the AI levers live this quarter (already inside `ebitda`).
    pub lever_run_costs: T,
    /// One-time lever costs spent this quarter, whoever funds them.
    pub lever_one_time_costs: T,
    /// The expensed part of `lever_one_time_costs` (deductible at once).
    pub lever_one_time_expensed: T,
    /// The capitalised part of `lever_one_time_costs` (depreciated).
    pub lever_capex: T,
    /// Depreciation and amortisation: the asset base and capitalised lever costs.
    pub depreciation: T,
    /// The manager's monitoring fee charged this quarter (a cost below EBITDA, deductible
    /// for tax; offset against the fund's management fee).
    pub monitoring_fee: T,
    /// The company's charge for the fund's shared AI platforms this quarter (a cost below
    /// EBITDA, deductible for tax; `engine::programme`).
    pub platform_charge: T,
    /// `ebitda − depreciation − lever_one_time_expensed − monitoring_fee − platform_charge`.
    pub ebit: T,
    /// Interest on the debt and the overdraft outstanding at the start of the quarter.
    pub interest: T,
    /// Interest earned on cash held at the start of the quarter.
    pub interest_income: T,
    /// Net interest deducted for tax this quarter (after the cap, with what was carried).
    pub deductible_interest: T,
    /// Net interest disallowed by the cap so far and carried forward.
    pub interest_carried_forward: T,
    /// `ebit − deductible interest` before losses carried forward.
    pub taxable_income: T,
    /// Tax paid this quarter.
    pub tax: T,
    /// Tax losses carried forward at quarter end.
    pub tax_losses_carried_forward: T,
    /// Maintenance capex (a share of revenue).
    pub capex: T,
    /// Receivables plus inventory less payables at quarter end.
    pub working_capital: T,
    /// `working_capital` less last quarter's (positive: cash tied up).
    pub change_in_working_capital: T,
    /// Cash generated: EBITDA + interest income − interest − tax − capex − one-time lever
    /// costs − monitoring fee − platform charge − change in working capital + owners'
    /// equity for fund-funded levers.
    pub free_cash_flow: T,
    /// Equity the owners put in this quarter for fund-funded levers (100 %).
    pub equity_injected: T,
    /// Debt outstanding at quarter end, after the cash sweep.
    pub debt: T,
    /// Overdraft drawn at quarter end to keep the minimum cash (bears the loan rate).
    pub overdraft: T,
    /// Cash at quarter end (never below zero; at least the minimum unless drawn).
    pub cash: T,
    /// `debt + overdraft − cash`.
    pub net_debt: T,
    /// EV / EBITDA used to mark the company this quarter (the exit multiple at a sale).
    pub multiple: T,
    /// Enterprise value: `multiple ×` LTM EBITDA.
    pub enterprise_value: T,
    /// Equity value marked to model, 100 % basis, before the management pool (never
    /// below zero).
    pub equity_value: T,
    /// The management pool on the company's equity (100 % basis): accrued on the mark
    /// while held, on the sale equity in a sale quarter (the fund bears the share of it
    /// that it sells).
    pub management_pool: T,
    /// The fund's share of the equity at quarter end (after any sale this quarter).
    pub ownership: T,
    /// The fund's share of `equity_value − management_pool` while held; zero otherwise.
    pub fund_equity_value: T,
    /// The fund's follow-on equity this quarter (its share of `equity_injected`).
    pub fund_follow_on: T,
    /// What the fund received from sales this quarter (partial or final).
    pub fund_proceeds: T,
}

/// Value-creation bridge of one deal, at 100 % of equity, from entry equity to exit
/// equity. `revenue_growth + ai_levers + other_margin` is EBITDA growth at the entry
/// multiple; `multiple_expansion` is the multiple change on entry EBITDA; `cross_term` the
/// multiple change on the EBITDA change; `deleveraging` the fall in net debt.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ValueBridge<T = Decimal> {
    /// Equity at entry: entry multiple × entry EBITDA − entry net debt.
    pub entry_equity: T,
    /// Baseline revenue growth at the entry margin, valued at the entry multiple.
    pub revenue_growth: T,
    /// Exit EBITDA with levers minus without, valued at the entry multiple.
    pub ai_levers: T,
    /// The rest of the EBITDA change (margin drift), valued at the entry multiple.
    pub other_margin: T,
    /// Change in multiple applied to entry EBITDA.
    pub multiple_expansion: T,
    /// Change in multiple applied to the change in EBITDA.
    pub cross_term: T,
    /// Cash released from working capital, entry to exit (negative when it was tied up).
    pub working_capital: T,
    /// Entry net debt minus exit net debt, less the working-capital line (positive when
    /// debt was paid down from cash generated).
    pub deleveraging: T,
    /// Transaction costs at entry (positive; part of what the buyer paid).
    pub entry_costs: T,
    /// Transaction and exit costs (negative).
    pub costs: T,
    /// The management incentive pool paid at the sales (negative).
    pub management_pool: T,
    /// Leakage to others than the owners: `costs + management_pool` (negative).
    pub leakage: T,
    /// Equity at exit: exit multiple × exit EBITDA − exit net debt.
    pub exit_equity: T,
}

/// Everything computed for one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyResult<T = Decimal> {
    /// The company's name, as in the model.
    pub name: String,
    /// Its industry (a label for tables and grouping; it does not change the figures).
    pub sector: Sector,
    /// Name of the deployment stage that acquired it.
    pub stage: String,
    /// Index into the fund's dates of the acquisition quarter.
    pub acquisition_index: usize,
    /// Index into the fund's dates of the exit quarter.
    pub exit_index: usize,
    /// Equity cheque at acquisition, including the fund's share of transaction costs.
    pub equity_cheque: T,
    /// Fund follow-on equity for AI programmes.
    pub follow_ons: T,
    /// `equity_cheque + follow_ons`.
    pub invested: T,
    /// The fund's proceeds at exit.
    pub proceeds: T,
    /// `proceeds / invested`; `None` when nothing was invested.
    pub gross_moic: Option<T>,
    /// Gross IRR of the deal's flows (f64 solve, reported as a Decimal).
    pub gross_irr: Result<Decimal, XirrError>,
    /// Annual EBITDA at entry, 100 % basis.
    pub entry_ebitda: T,
    /// LTM EBITDA at exit (the last four quarters), 100 % basis.
    pub exit_ebitda: T,
    /// Where the equity gain from entry to exit came from.
    pub bridge: ValueBridge<T>,
    /// One entry per fund date.
    pub periods: Vec<CompanyPeriod<T>>,
}

/// The fund in one quarter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FundPeriod<T = Decimal> {
    /// The quarter-end date.
    pub date: NaiveDate,
    /// Equity cheques for acquisitions (with transaction costs).
    pub deal_equity: T,
    /// Follow-on equity for fund-funded AI programmes.
    pub follow_ons: T,
    /// Management fee called this quarter, after fee offsets (see `engine::fund::fees`).
    pub management_fees: T,
    /// Fund expenses called this quarter (organisational expenses in the first).
    pub fund_expenses: T,
    /// Capital called from partners: the four above; with a credit line, less what it
    /// bridged this quarter and plus what it repaid (its interest and fees are in
    /// `fund_expenses`).
    pub contributions: T,
    /// The fund's share of the transaction and monitoring fees charged to portfolio
    /// companies this quarter.
    pub portfolio_company_fees: T,
    /// Fee offset applied this quarter: what `management_fees` was reduced by.
    pub fee_offset: T,
    /// Gross exit proceeds received by the fund.
    pub gross_proceeds: T,
    /// What partners (LPs and the GP commitment) received.
    pub distributions: T,
    /// Carried interest paid to the GP (negative for a clawback).
    pub carried_interest: T,
    /// Fund's share of unrealised equity, before carry.
    pub gross_nav: T,
    /// Carry that would be due if the fund were liquidated at `gross_nav`.
    pub accrued_carry: T,
    /// Reported NAV: `gross_nav − accrued_carry`.
    pub nav: T,
    /// Cost basis of companies held at quarter end.
    pub net_invested_capital: T,
    /// Commitment not yet called at quarter end: the commitment plus amounts recycled to
    /// date, less the contributions to date, never below zero (rules at the top of
    /// `engine::fund::capital`).
    pub uncalled_commitment: T,
    /// The LPs' net cash flow: `lp_distributions − lp_contributions` (the GP commitment's
    /// flows are in `gp_contributions` and `gp_distributions`).
    pub net_cash_flow: T,
    /// Running sum of `net_cash_flow` (the J-curve).
    pub cumulative_net_cash_flow: T,
    /// Exit proceeds retained for reinvestment this quarter instead of distributed (see
    /// `engine::fund::recycling`).
    pub recycling_retained: T,
    /// Retained proceeds that funded this quarter's deal equity and follow-ons: the
    /// amount recycled, already out of `contributions` (capital called is that much
    /// lower; calls plus this are what the quarter's needs were).
    pub recycling_reinvested: T,
    /// Retained proceeds left unused when the recycling window closed, distributed this
    /// quarter.
    pub recycling_released: T,
    /// Retained proceeds held at quarter end, not yet reinvested.
    pub recyclable_balance: T,
    /// Capital called from LPs: their share of deals, follow-ons and expenses, and every
    /// management fee (the GP commitment pays none; see `engine::fund::partners`).
    pub lp_contributions: T,
    /// Capital called from the GP commitment: its share of deals, follow-ons and expenses.
    pub gp_contributions: T,
    /// What LPs received, net of carry (a clawback included on the last date).
    pub lp_distributions: T,
    /// What the GP commitment received: its share of the distributable proceeds, free of
    /// carry.
    pub gp_distributions: T,
    /// LPs' share of the gross NAV less accrued carry.
    pub lp_nav: T,
    /// The GP commitment's share of the gross NAV.
    pub gp_nav: T,
    /// Carry put into escrow this quarter (negative: escrow used for a clawback or
    /// released to the GP on the last date). Included in `carried_interest`.
    pub carry_escrowed: T,
    /// Carry held in escrow at quarter end.
    pub escrow_balance: T,
    /// Carry returned to LPs on the last date (escrow first, then the GP's repayment net
    /// of its assumed taxes); already netted in `carried_interest`.
    pub clawback: T,
    /// Excess carry the GP keeps as the taxes it paid on it (net-of-tax clawback).
    pub clawback_tax_kept: T,
}

/// What the GP earns from the fund: fees, carry and the return on its own commitment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GpEconomics<T = Decimal> {
    /// Σ management fees (paid by LPs only).
    pub management_fees: T,
    /// Σ carried interest, net of any clawback (escrowed carry included).
    pub carried_interest: T,
    /// Carry returned to LPs at the end.
    pub clawback: T,
    /// Excess carry kept as the GP's taxes (net-of-tax clawback).
    pub clawback_tax_kept: T,
    /// Σ the GP commitment's contributions.
    pub commitment_paid_in: T,
    /// Σ the GP commitment's distributions.
    pub commitment_distributed: T,
    /// The GP commitment's NAV at the last date.
    pub commitment_nav: T,
    /// `(distributed + NAV) / paid-in` on the GP commitment.
    pub commitment_multiple: Option<T>,
    /// XIRR of the GP commitment's flows with its final NAV.
    pub commitment_irr: Option<Decimal>,
    /// Fees + carry + the commitment's profit (distributed + NAV − paid-in).
    pub total: T,
}

impl<T: super::num::Num> FundPeriod<T> {
    /// What the waterfall distributes this quarter: gross proceeds less the amount
    /// retained for recycling plus any retained amount released (`gross_proceeds` when
    /// the fund does not recycle).
    pub fn distributable_proceeds(&self) -> T {
        self.gross_proceeds - self.recycling_retained + self.recycling_released
    }
}

/// Headline figures of the fund.
#[derive(Debug, Clone, PartialEq)]
pub struct FundMetrics<T = Decimal> {
    /// Σ LP contributions (the GP commitment's are in [`GpEconomics`]); the same as
    /// `lp_paid_in`.
    pub paid_in: T,
    /// Σ distributions to LPs; the same as `lp_distributed`.
    pub distributed: T,
    /// LPs' NAV at the last date; the same as `lp_nav`.
    pub nav: T,
    /// LPs' total value to paid-in: `(lp_distributed + lp_nav) / lp_paid_in`; `None` when
    /// nothing was paid in (the GP commitment is left out).
    pub tvpi: Option<T>,
    /// LPs' distributions to paid-in: `lp_distributed / lp_paid_in`.
    pub dpi: Option<T>,
    /// LPs' residual value to paid-in: `lp_nav / lp_paid_in`.
    pub rvpi: Option<T>,
    /// XIRR of the LPs' flows with their final NAV as a terminal flow (the GP commitment
    /// left out).
    pub net_irr: Result<Decimal, XirrError>,
    /// XIRR of the fund's deal flows (cheques, follow-ons, proceeds, final gross NAV).
    pub gross_irr: Result<Decimal, XirrError>,
    /// Σ deal proceeds + final gross NAV over Σ invested.
    pub gross_moic: Option<T>,
    /// Σ equity cheques and follow-ons put into companies.
    pub invested: T,
    /// Σ exit proceeds received from companies.
    pub gross_proceeds: T,
    /// Σ management fees over the fund's life.
    pub management_fees: T,
    /// Σ fund expenses, organisational expenses included.
    pub fund_expenses: T,
    /// Σ carried interest paid to the GP, net of any clawback.
    pub carried_interest: T,
    /// Σ exit proceeds reinvested through recycling (`recycling_reinvested`).
    pub recycled: T,
    /// Gross IRR − net IRR, when both exist.
    pub gross_to_net_spread: Option<Decimal>,
    /// Lowest cumulative net cash flow and its date.
    pub jcurve_trough: T,
    /// The quarter of `jcurve_trough`.
    pub jcurve_trough_date: NaiveDate,
    /// First date the cumulative net cash flow is back at or above zero.
    pub payback_date: Option<NaiveDate>,
    /// Kaplan–Schoar public-market equivalent of the LPs' flows; `None` when undefined.
    pub pme: Option<T>,
    /// Σ LP contributions.
    pub lp_paid_in: T,
    /// Σ LP distributions.
    pub lp_distributed: T,
    /// LPs' NAV at the last date.
    pub lp_nav: T,
    /// The GP's fees, carry and return on its commitment.
    pub gp: GpEconomics<T>,
}

/// A whole projection.
#[derive(Debug, Clone, PartialEq)]
pub struct FundResult<T = Decimal> {
    /// ISO code of the fund's currency, which every amount here is in.
    pub currency: String,
    /// Quarter-end dates from first close to the end of the term and extensions.
    pub dates: Vec<NaiveDate>,
    /// The fund in each quarter, one per date.
    pub periods: Vec<FundPeriod<T>>,
    /// Each company's projection, in model order.
    pub companies: Vec<CompanyResult<T>>,
    /// The headline figures over the whole life.
    pub metrics: FundMetrics<T>,
    /// The subscription credit line and the metrics without it; `None` without a line,
    /// and under `Detail::FundOnly` (sweeps and Monte Carlo keep no line report).
    pub credit_line: Option<CreditLineResult<T>>,
    /// Each LP class's capital account and returns, in the order of the fund's classes
    /// (one class, "LPs", for a fund with none). Σ over classes of their flows is the
    /// LPs' flows in `periods`.
    pub classes: Vec<ClassResult<T>>,
    /// Each stage gate and its outcome on this reading, in stage order (empty when no
    /// stage has a gate).
    pub stage_gates: Vec<StageGateOutcome<T>>,
    /// Per stage (model order), per date: the stage's LTM AI EBITDA uplift, 100 % of each
    /// company it acquired (rule at the top of `engine::fund::stage_uplift`).
    pub stage_ai_uplift: Vec<Vec<T>>,
}

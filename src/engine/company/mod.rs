//! One acquired company, quarter by quarter: revenue, cost pools after AI levers, EBITDA,
//! D&A, tax, working capital, debt and cash, equity marked to model, the sales and the
//! value-creation bridge.
//!
//! Conventions (each a modelling choice, stated so a reviewer can check them; where
//! professionals differ, the default is the conservative reading):
//!
//! **Time.** The acquisition closes at the end of its quarter; operations in the model
//! start the next quarter. Revenue grows by `(1 + g)^(1/4)` a quarter.
//!
//! **Costs and levers.** Each pool is a share of revenue at entry; its fixed share
//! (`fixed_costs.shares`) stays at its entry amount grown by `(1 + inflation)^(1/4)` a
//! quarter, the rest moves with revenue (operating leverage). Entry EBITDA is
//! `entry revenue × (1 − Σ pools)`. A lever starts `start_delay_quarters` after the first
//! operating quarter, ramps over `ramp_quarters` (linear, or smoothstep `3x² − 2x³`) and
//! pays its run cost every quarter from then. Levers on one pool compound: the pool keeps
//! `Π(1 − eᵢ)`; inventory-days levers compound the same way; revenue uplifts add.
//! EBITDA is revenue less the pools and the run costs; a lever's one-time cost, spent in
//! its start quarter, is below EBITDA (a one-off, as in adjusted EBITDA). A lever's pilot,
//! gate, phased cost and dis-synergy (issue 13) follow the rules at the top of
//! `programme`; the plan and risk-adjusted readings are stated there too.
//!
//! **LTM.** Exits and marks use last-twelve-months EBITDA: the sum of the last four
//! quarters, quarters before the acquisition taken at entry EBITDA / 4.
//!
//! **D&A.** A share of revenue (`depreciation.share_of_revenue`, else the maintenance
//! capex share, so capex maintains the asset base), or straight line on the asset base:
//! `(opening assets + capex to date) / (useful life × 4)` a quarter, never more than the
//! net book value, a quarter's capex joining the base after that quarter's charge. A
//! lever's one-time cost is split by `one_time_capex_share`: the capitalised part is
//! depreciated straight line over `capex_life_years` from the next quarter; the rest is
//! expensed. `EBIT = EBITDA − D&A − expensed one-time costs − monitoring fee − platform
//! charge`.
//!
//! **Manager's fees.** The monitoring fee (`monitoring_fee / 4` a quarter, in each quarter
//! after the acquisition quarter up to the exit) is a company cost below EBITDA — adjusted
//! EBITDA leaves it out, as a buyer adds it back, so marks and exits do not pay for it —
//! deductible for tax and paid from free cash flow. The transaction fee (`transaction_fee
//! ×` entry EV) is a use of funds at entry like the transaction costs. Both are offset
//! against the fund's management fee (`engine::fund::fees`).
//!
//! **Shared platforms.** A company charged for the fund's shared AI platforms (by revenue
//! or by levers live; rules at the top of `engine::programme`) pays its charge like the
//! monitoring fee: below EBITDA, deductible, from free cash flow; it is not a manager's
//! fee and is not offset. A lever on a platform starts no earlier than its go-live, and
//! learning scales its one-time cost and ramp: the model is scheduled before it is
//! prepared (`engine::programme::scheduled_companies`).
//!
//! **Interest.** The loan's rate on debt and overdraft at the start of the quarter;
//! `interest_rate_on_cash` on cash at the start of the quarter.
//!
//! **Tax.** Computed quarter by quarter: `taxable = EBIT − deductible net interest`. With
//! an interest cap (default 30 % of EBITDA: OECD BEPS Action 4, EU ATAD art. 4, US
//! §163(j)), net interest plus interest carried forward is deductible up to `cap ×
//! max(EBITDA, 0)`; the rest is carried forward without limit of time. A loss adds to the
//! losses carried forward (from `opening_tax_losses`); a profit is first offset by them, up
//! to `loss_offset_cap ×` the profit when a cap is set. Tax is the rate on what is left.
//!
//! **Working capital.** Receivables = annualised quarterly revenue × receivable days /
//! 365; inventory and payables the same on cost of goods (every pool but overhead, after
//! levers), inventory days reduced by inventory levers. At entry they stand on entry
//! figures (the balance sheet comes with the price). The quarter's change enters free cash
//! flow; nothing is released at exit (the buyer takes a normal working capital).
//!
//! **Cash.** Free cash flow = EBITDA + interest income − interest − tax − maintenance
//! capex − one-time lever costs − monitoring fee − platform charge − change in working
//! capital + owners' equity for fund-funded levers. It goes to cash; cash above the
//! minimum first repays the overdraft, then the sweep share of a positive free cash flow
//! repays debt; cash below the minimum is topped up by the overdraft (reported, at the
//! loan's rate — never free). The minimum cash is funded at the acquisition: the equity
//! cheque is the ownership share of EV − debt + transaction costs + transaction fee +
//! minimum cash.
//!
//! **Follow-ons.** A fund-funded lever's one-time cost is paid in by all owners pro rata:
//! the fund's follow-on is its ownership share (to the cent); co-owners fund the rest. A
//! lever starting in the exit quarter is paid by the company.
//!
//! **Marks.** While held, EV = mark multiple × LTM EBITDA, equity = max(0, EV − net
//! debt), and the fund's value is its ownership share of equity less the management pool
//! that equity would pay. The mark multiple follows the marking policy (the company's, else
//! the fund's): the entry multiple (default; calibrated to the price paid, IPEV Valuation
//! Guidelines), the entry multiple moved with the sector's comparable multiple since the
//! acquisition, or a linear move from entry to exit multiple over the hold (optimistic).
//!
//! **Sales.** At a sale (a partial exit in its quarter, or the exit) the company's equity
//! is `max(0, exit multiple × LTM EBITDA × (1 − exit costs) − net debt)`; the management
//! pool takes `share × max(0, equity − hurdle × equity invested)` (equity invested: at
//! entry and in follow-ons, all owners); the fund receives the share of the company it
//! sells times what is left, to the cent. A partial exit sells `share ×` the fund's
//! original holding; the exit sells what remains. The fund's cost basis falls in
//! proportion at a partial sale.
//!
//! **Precision.** The `Decimal` projection carries amounts from step to step to 1e-8 of
//! a currency unit and computed factors (ramp fractions, the share of a pool kept, the
//! fixed-cost index) to 1e-14 (`num::AMOUNT_DP`, `FACTOR_DP`); booked amounts (cheques,
//! follow-ons, proceeds, the bridge) are rounded to the cent. Without it every product
//! ran at `Decimal`'s full 28 digits and was rescaled, twice the time for no visible cent.
//!
//! The code follows those steps: `prepare` and `terms` place a company on the fund's grid
//! (and apply a Monte Carlo adjustment), `levers` turns the levers into per-quarter
//! effects, `projection` runs the quarters, `cash` the lines below EBITDA, `valuation` the
//! marks and sales, `bridge` splits the equity gain and `statement` attributes each
//! lever's figure.

mod bridge;
mod cash;
mod levers;
mod platform_charge;
mod prepare;
mod programme;
mod projection;
mod statement;
mod terms;
#[cfg(test)]
mod tests;
mod valuation;

pub use bridge::{BridgeInputs, value_bridge};
pub use prepare::{CompanyAdjustment, PrepareError, PreparedCompany};
pub use projection::Projection;
pub use statement::{LeverLine, LeverMeasure, lever_lines};

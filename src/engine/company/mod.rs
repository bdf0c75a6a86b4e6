//! One acquired company, quarter by quarter: revenue, cost pools after AI levers, EBITDA,
//! debt and cash, equity marked to model, the exit and the value-creation bridge.
//!
//! Conventions (each a modelling choice, stated so a reviewer can check them):
//! - The acquisition closes at the end of its quarter; operations in the model start the
//!   next quarter. Revenue grows by `(1 + g)^(1/4)` a quarter.
//! - Entry EBITDA is `entry revenue × (1 − Σ cost pools)`. EV, debt and marks use run-rate
//!   EBITDA (the quarter × 4).
//! - A lever starts `start_delay_quarters` after the first operating quarter, ramps over
//!   `ramp_quarters` (linear, or smoothstep `3x² − 2x³`), pays its one-time cost in its
//!   start quarter and its run cost every quarter from then.
//! - Tax is charged on `EBITDA − interest − capex` (capex standing in for depreciation)
//!   when positive. Free cash flow after interest, tax, capex and company-funded lever
//!   costs; the sweep share of a positive FCF repays debt, the rest builds cash; a
//!   negative FCF draws on cash (which may go negative, a revolver).
//! - The mark multiple moves linearly from entry to exit over the hold.
//! - At exit the fund receives `ownership × max(0, EV × (1 − exit costs) − net debt)`.

//!
//! The code follows those steps: `prepare` places a company on the fund's grid (and
//! applies a Monte Carlo adjustment), `levers` turns the levers into per-quarter ramps and
//! pool effects, `projection` runs the quarters, `bridge` splits the equity gain.

mod bridge;
mod levers;
mod prepare;
mod projection;
mod statement;

pub use bridge::{BridgeInputs, value_bridge};
pub use prepare::{CompanyAdjustment, PrepareError, PreparedCompany};
pub use projection::Projection;
pub use statement::{LeverLine, LeverMeasure, lever_lines};

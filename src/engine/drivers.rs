//! Drivers: the named model inputs that sensitivity, grids, Monte Carlo and goal seek
//! move. Each driver value becomes a one-override [`Scenario`], so drivers and scenarios
//! share one code path ([`super::scenario::apply`]).

use rust_decimal::Decimal;
use rust_decimal::dec;

use super::model::{Portfolio, Scenario};
use super::results::FundMetrics;
use super::scenario;

/// A model input that sweeps can move. Names are stable snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Driver {
    /// Multiplies every lever's realisation (1 = as modelled).
    RealisationScale,
    /// Turns of EBITDA added to every exit multiple.
    ExitMultipleShift,
    /// Turns of EBITDA added to every entry multiple.
    EntryMultipleShift,
    /// Added to every company's annual revenue growth.
    GrowthShift,
    /// Quarters every exit moves (rounded to whole quarters).
    ExitDelayQuarters,
    /// Turns of EBITDA added to every company's acquisition debt.
    LeverageShift,
    /// The management fee rate (both periods).
    ManagementFeeRate,
    /// The preferred return.
    HurdleRate,
}

impl Driver {
    /// Every driver, in the order menus and tables list them.
    pub const ALL: [Driver; 8] = [
        Driver::RealisationScale,
        Driver::ExitMultipleShift,
        Driver::EntryMultipleShift,
        Driver::GrowthShift,
        Driver::ExitDelayQuarters,
        Driver::LeverageShift,
        Driver::ManagementFeeRate,
        Driver::HurdleRate,
    ];

    /// The driver's name on the command line and in files (`exit_multiple_shift`).
    pub fn name(self) -> &'static str {
        match self {
            Driver::RealisationScale => "realisation_scale",
            Driver::ExitMultipleShift => "exit_multiple_shift",
            Driver::EntryMultipleShift => "entry_multiple_shift",
            Driver::GrowthShift => "growth_shift",
            Driver::ExitDelayQuarters => "exit_delay_quarters",
            Driver::LeverageShift => "leverage_shift",
            Driver::ManagementFeeRate => "management_fee_rate",
            Driver::HurdleRate => "hurdle_rate",
        }
    }

    /// The driver in a fund manager's words, with its unit, for axes and tables.
    pub fn label(self) -> &'static str {
        match self {
            Driver::RealisationScale => "AI lever realisation (x modelled)",
            Driver::ExitMultipleShift => "Exit multiple (turns added)",
            Driver::EntryMultipleShift => "Entry multiple (turns added)",
            Driver::GrowthShift => "Revenue growth (added a year)",
            Driver::ExitDelayQuarters => "Exit delay (quarters)",
            Driver::LeverageShift => "Leverage (turns of EBITDA added)",
            Driver::ManagementFeeRate => "Management fee rate",
            Driver::HurdleRate => "Hurdle (preferred return)",
        }
    }

    /// Parses a driver name.
    pub fn parse(name: &str) -> Option<Driver> {
        Driver::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The value at which the model is unchanged.
    pub fn base_value(self, portfolio: &Portfolio) -> Decimal {
        match self {
            Driver::RealisationScale => Decimal::ONE,
            Driver::ManagementFeeRate => portfolio.fund.management_fee_rate,
            Driver::HurdleRate => portfolio.fund.preferred_return,
            _ => Decimal::ZERO,
        }
    }

    /// Default low and high values for a tornado.
    pub fn tornado_range(self, portfolio: &Portfolio) -> (Decimal, Decimal) {
        match self {
            Driver::RealisationScale => (dec!(0.5), dec!(1.2)),
            Driver::ExitMultipleShift | Driver::EntryMultipleShift => (dec!(-2), dec!(2)),
            Driver::GrowthShift => (dec!(-0.02), dec!(0.02)),
            Driver::ExitDelayQuarters => (dec!(-4), dec!(8)),
            Driver::LeverageShift => (dec!(-1), dec!(1)),
            // Saturating: the range is also asked for on a model whose rate is out of
            // bounds (the app's grid settings), which the sweep then refuses.
            Driver::ManagementFeeRate => {
                let base = portfolio.fund.management_fee_rate;
                let step = dec!(0.005);
                (
                    base.saturating_sub(step).max(Decimal::ZERO),
                    base.saturating_add(step),
                )
            }
            Driver::HurdleRate => {
                let base = portfolio.fund.preferred_return;
                let step = dec!(0.02);
                (
                    base.saturating_sub(step).max(Decimal::ZERO),
                    base.saturating_add(step),
                )
            }
        }
    }

    /// The one-override scenario that sets this driver to `value`.
    pub fn scenario(self, value: Decimal) -> Scenario {
        let mut s = Scenario {
            name: format!("{}={value}", self.name()),
            ..Scenario::default()
        };
        match self {
            Driver::RealisationScale => s.realisation_scale = Some(value),
            Driver::ExitMultipleShift => s.exit_multiple_shift = Some(value),
            Driver::EntryMultipleShift => s.entry_multiple_shift = Some(value),
            Driver::GrowthShift => s.growth_shift = Some(value),
            Driver::ExitDelayQuarters => {
                s.exit_delay_quarters = Some(i32::try_from(value.round()).unwrap_or(0));
            }
            Driver::LeverageShift => s.leverage_shift = Some(value),
            Driver::ManagementFeeRate => s.management_fee_rate = Some(value),
            Driver::HurdleRate => s.preferred_return = Some(value),
        }
        s
    }

    /// `portfolio` with this driver set to `value`.
    pub fn apply(self, portfolio: &Portfolio, value: Decimal) -> Result<Portfolio, scenario::ScenarioError> {
        scenario::apply(portfolio, &self.scenario(value))
    }
}

/// A figure sweeps report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// IRR of the partners' flows, final NAV as a terminal flow.
    NetIrr,
    /// IRR of the fund's deal flows, before fees and carry.
    GrossIrr,
    /// Net total value to paid-in.
    Tvpi,
    /// Distributions to paid-in.
    Dpi,
    /// Residual value (NAV) to paid-in.
    Rvpi,
    /// Deal proceeds and final gross NAV over invested equity.
    GrossMoic,
    /// Kaplan–Schoar public-market equivalent (above 1: the fund beat the index).
    Pme,
}

impl Metric {
    /// Every metric, in the order menus and tables list them.
    pub const ALL: [Metric; 7] = [
        Metric::NetIrr,
        Metric::GrossIrr,
        Metric::Tvpi,
        Metric::Dpi,
        Metric::Rvpi,
        Metric::GrossMoic,
        Metric::Pme,
    ];

    /// The metric's name on the command line and in files (`net_irr`).
    pub fn name(self) -> &'static str {
        match self {
            Metric::NetIrr => "net_irr",
            Metric::GrossIrr => "gross_irr",
            Metric::Tvpi => "tvpi",
            Metric::Dpi => "dpi",
            Metric::Rvpi => "rvpi",
            Metric::GrossMoic => "gross_moic",
            Metric::Pme => "pme",
        }
    }

    /// The metric as a fund manager names it ("Net IRR").
    pub fn label(self) -> &'static str {
        match self {
            Metric::NetIrr => "Net IRR",
            Metric::GrossIrr => "Gross IRR",
            Metric::Tvpi => "Net TVPI",
            Metric::Dpi => "DPI",
            Metric::Rvpi => "RVPI",
            Metric::GrossMoic => "Gross MOIC",
            Metric::Pme => "PME (Kaplan-Schoar)",
        }
    }

    /// The metric whose [`Metric::name`] is `name`, if any.
    pub fn parse(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether the metric is a rate (shown as %) rather than a multiple.
    pub fn is_rate(self) -> bool {
        matches!(self, Metric::NetIrr | Metric::GrossIrr)
    }

    /// The metric's value, `None` where it is undefined (an IRR with no root).
    pub fn of(self, m: &FundMetrics) -> Option<Decimal> {
        match self {
            Metric::NetIrr => m.net_irr.as_ref().ok().copied(),
            Metric::GrossIrr => m.gross_irr.as_ref().ok().copied(),
            Metric::Tvpi => m.tvpi,
            Metric::Dpi => m.dpi,
            Metric::Rvpi => m.rvpi,
            Metric::GrossMoic => m.gross_moic,
            Metric::Pme => m.pme,
        }
    }
}

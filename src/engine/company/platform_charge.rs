//! A company's share of the fund's shared AI platforms (`engine::programme`): the charge
//! set on it before it is projected, and the quarterly revenue a by-revenue key reads.
//! The charge is a company cost below EBITDA, deductible and paid from free cash flow
//! (the conventions at the top of [`super`], and the rules at the top of
//! `engine::programme`).

use super::levers::LeverQuarter;
use super::prepare::PreparedCompany;
use crate::engine::num::{AMOUNT_DP, Num};

impl<T: Num> PreparedCompany<T> {
    /// This company charged `charges` (one per fund quarter, 100 % basis) for the shared
    /// platforms it uses.
    pub fn with_platform_charges(&self, charges: Vec<T>) -> Self {
        let mut company = self.clone();
        company.platform_charges = charges;
        company
    }

    /// The platform charge in fund-grid quarter `q` (zero when none is set).
    pub(super) fn platform_charge(&self, q: usize) -> T {
        self.platform_charges.get(q).copied().unwrap_or(T::zero())
    }

    /// Quarterly revenue with the levers in each of `len` fund quarters, as the projection
    /// computes it (`lines`): zero up to the acquisition quarter and after the exit. The
    /// charge sits below EBITDA, so revenue does not depend on it and no second
    /// projection is needed.
    pub fn revenue_by_quarter(&self, len: usize) -> Vec<T> {
        let mut revenue = vec![T::zero(); len];
        let mut base = self.entry_revenue_quarter;
        let last = self.exit_index.min(len.saturating_sub(1));
        for (q, slot) in revenue
            .iter_mut()
            .enumerate()
            .take(last + 1)
            .skip(self.acquisition_index + 1)
        {
            base = (base * self.growth_quarter_factor).carried(AMOUNT_DP);
            *slot = LeverQuarter::at(&self.levers, q).revenue(base).carried(AMOUNT_DP);
        }
        revenue
    }
}

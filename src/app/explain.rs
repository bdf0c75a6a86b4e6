//! What a figure is and where it comes from: the Overview cards' tooltips (what the
//! metric is, how it is computed, from which flows), their change marks ("+0.06 pp",
//! "−0.02x") since the revision before the last edit, a company's own figures for its
//! editor, and the mark on a company that still has the template's figures.

use rust_decimal::Decimal;

use super::state::AppState;
use crate::engine::results::FundMetrics;
use crate::engine::study::Case;
use crate::units::{format_money, format_money_in, format_multiple, format_percent};

/// What the card titled `title` shows and how it is computed.
pub fn metric_help(title: &str) -> &'static str {
    match title {
        "Net IRR" => {
            "Return to the limited partners: the XIRR of their contributions (capital calls, \
             fees and expenses included) and distributions, with the final NAV as a terminal \
             inflow on the last date; actual/365 day count, as Excel's XIRR."
        }
        "Gross IRR" => {
            "Return on the deals before fees, expenses and carried interest: the XIRR of equity \
             invested in the companies (entry cheques and follow-ons) and the proceeds and \
             remaining value returned to the fund; actual/365."
        }
        "TVPI" => {
            "Total value to paid-in, net: (distributions to partners + final NAV) ÷ \
             contributions from partners."
        }
        "DPI" => "Distributed to paid-in: cash distributed to partners ÷ contributions from partners.",
        "Gross MOIC" => {
            "Multiple on invested capital of the deals: gross proceeds plus remaining value ÷ \
             equity invested, before fees, expenses and carried interest."
        }
        "Paid-in" => {
            "Everything called from the partners: equity for acquisitions and follow-ons, \
             management fees and fund expenses."
        }
        "Distributed" => {
            "Cash paid to the partners from exits and other proceeds, after the GP's carried \
             interest under the waterfall."
        }
        "NAV" => {
            "Net asset value at the last date: companies not yet sold, marked to model under the \
             valuation policy, less the carried interest that would accrue on them."
        }
        "Management fees" => {
            "Fees over the fund's life: the rate on commitments during the investment period, \
             then on net invested capital."
        }
        "Carried interest" => {
            "The GP's share of profits under the waterfall (preferred return, catch-up, then the \
             carry rate), paid out of distributions."
        }
        "J-curve trough" => {
            "The lowest point of the partners' cumulative net cash flow (distributions less \
             contributions), and the quarter it is reached."
        }
        "Payback" => "The first quarter end at which the partners' cumulative net cash flow is back to zero.",
        "PME (Kaplan-Schoar)" => {
            "Public market equivalent: distributions and NAV, each grown by the benchmark index to \
             the last date, ÷ contributions grown the same way; above 1 beats the index."
        }
        "Gross-to-net spread" => {
            "Gross IRR less net IRR: what fees, expenses and carry cost the partners a year."
        }
        _ => "",
    }
}

/// A change to two decimals with a true minus sign (`+0.06`, `−0.02`); `None` when it
/// rounds to zero.
fn signed(value: Decimal) -> Option<String> {
    let rounded = value.round_dp(2);
    if rounded.is_zero() {
        return None;
    }
    let sign = if rounded.is_sign_negative() {
        '\u{2212}'
    } else {
        '+'
    };
    Some(format!("{sign}{:.2}", rounded.abs()))
}

/// The change of the card titled `title` from `before` to `now`, in the card's unit, or
/// `None` when it did not move (or has no value at one end).
pub fn metric_change(title: &str, now: &FundMetrics, before: &FundMetrics) -> Option<String> {
    let rate = |a: &Result<Decimal, _>, b: &Result<Decimal, _>| match (a, b) {
        (Ok(a), Ok(b)) => signed((*a - *b) * Decimal::ONE_HUNDRED).map(|d| format!("{d} pp")),
        _ => None,
    };
    let multiple = |a: Option<Decimal>, b: Option<Decimal>| signed(a? - b?).map(|d| format!("{d}x"));
    let money = |a: Decimal, b: Decimal| {
        let change = a - b;
        if change.round_dp(0).is_zero() {
            return None;
        }
        let sign = if change.is_sign_negative() {
            '\u{2212}'
        } else {
            '+'
        };
        Some(format!("{sign}{}", format_money(change.abs())))
    };
    match title {
        "Net IRR" => rate(&now.net_irr, &before.net_irr),
        "Gross IRR" => rate(&now.gross_irr, &before.gross_irr),
        "Gross-to-net spread" => {
            let (a, b) = (now.gross_to_net_spread?, before.gross_to_net_spread?);
            signed((a - b) * Decimal::ONE_HUNDRED).map(|d| format!("{d} pp"))
        }
        "TVPI" => multiple(now.tvpi, before.tvpi),
        "DPI" => multiple(now.dpi, before.dpi),
        "Gross MOIC" => multiple(now.gross_moic, before.gross_moic),
        "PME (Kaplan-Schoar)" => multiple(now.pme, before.pme),
        "Paid-in" => money(now.paid_in, before.paid_in),
        "Distributed" => money(now.distributed, before.distributed),
        "NAV" => money(now.nav, before.nav),
        "Management fees" => money(now.management_fees, before.management_fees),
        "Carried interest" => money(now.carried_interest, before.carried_interest),
        "J-curve trough" => money(now.jcurve_trough, before.jcurve_trough),
        _ => None,
    }
}

/// The mark on a company that still has the template's invented figures.
pub const TEMPLATE_MARK: &str = "New company (template figures — edit before relying on it)";

/// Company `index`'s figures in the base case, for its editor: "Base case: invested
/// $1.2bn · proceeds $3.4bn · gross MOIC 2.83× · gross IRR 18.21%" (from the last valid
/// model, said so, while the current one has errors).
pub fn company_figures(state: &AppState, index: usize) -> Option<String> {
    let name = &state.portfolio.companies.get(index)?.name;
    let result = state.shown_study()?.result(&Case::Base).ok()?;
    let company = result.companies.iter().find(|c| &c.name == name)?;
    let currency = &state.portfolio.fund.currency;
    let from = if state.last_good_is_current {
        "Base case"
    } else {
        "Base case, last valid model"
    };
    Some(format!(
        "{from}: invested {} · proceeds {} · gross MOIC {} · gross IRR {}",
        format_money_in(company.invested, currency),
        format_money_in(company.proceeds, currency),
        company.gross_moic.map_or_else(|| "n/a".into(), format_multiple),
        company
            .gross_irr
            .as_ref()
            .map_or_else(|_| "n/a".into(), |r| format_percent(*r)),
    ))
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    #[test]
    fn changes_are_signed_in_the_cards_unit() -> Result<(), crate::engine::EngineError> {
        let sample = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        let before = crate::engine::compute(&sample)?.metrics;
        let mut now = before.clone();
        now.net_irr = before
            .net_irr
            .as_ref()
            .map(|r| r + dec!(0.0006))
            .map_err(Clone::clone);
        now.tvpi = before.tvpi.map(|t| t - dec!(0.02));
        now.nav = before.nav + dec!(1_200_000_000);
        assert_eq!(
            metric_change("Net IRR", &now, &before).as_deref(),
            Some("+0.06 pp")
        );
        assert_eq!(
            metric_change("TVPI", &now, &before).as_deref(),
            Some("\u{2212}0.02x")
        );
        assert_eq!(metric_change("NAV", &now, &before).as_deref(), Some("+$1.2bn"));
        assert_eq!(metric_change("DPI", &now, &before), None, "unchanged: no mark");
        assert_eq!(metric_change("Payback", &now, &before), None);
        Ok(())
    }
}

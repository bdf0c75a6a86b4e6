//! What the manager earns from the fund: management fees, carried interest net of any
//! clawback, the clawback itself, and the return on the GP commitment, with the total.
//! One set of rows for the `summary` text and the app's Overview, so they always agree;
//! every figure is [`GpEconomics`]'s own. `summary --json` has them as `gp_economics`.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::engine::results::{FundResult, GpEconomics};
use crate::export::tables::{MONEY_DP, RATIO_DP};

/// One line of the GP economics, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GpRow {
    /// What the figure is ("Management fees").
    pub label: &'static str,
    /// The figure, formatted.
    pub value: String,
    /// How it is computed, in a sentence (the app's tooltip).
    pub help: &'static str,
}

/// How amounts and multiples are written: the `summary` text's way or the app's.
pub type Format<'a> = &'a dyn Fn(Decimal) -> String;

/// A multiple as the `summary` text writes it: `1.60x`.
pub fn text_multiple(value: Decimal) -> String {
    format!("{:.2}x", value.round_dp(2))
}

fn percent(value: Option<Decimal>) -> String {
    value
        .and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED))
        .map_or_else(|| "n/a".to_string(), |p| format!("{:.2}%", p.round_dp(2)))
}

/// The rows of `gp`, amounts written by `money` and the commitment's multiple by
/// `multiple` ("n/a" when undefined). The clawback kept for the GP's taxes has a row only
/// when some was kept.
pub fn gp_rows(gp: &GpEconomics, money: Format<'_>, multiple: Format<'_>) -> Vec<GpRow> {
    let row = |label, value, help| GpRow { label, value, help };
    let mut rows = vec![
        row(
            "Management fees",
            money(gp.management_fees),
            "Fees charged to the LPs over the fund's life (the GP commitment pays none)",
        ),
        row(
            "Carried interest (net of clawback)",
            money(gp.carried_interest),
            "Carry paid to the GP, less any clawback returned at the end (escrowed carry included)",
        ),
        row(
            "Clawback",
            money(gp.clawback),
            "Carry the GP returned to the LPs at the end",
        ),
    ];
    if !gp.clawback_tax_kept.is_zero() {
        rows.push(row(
            "Clawback kept for taxes",
            money(gp.clawback_tax_kept),
            "Excess carry the GP keeps for the taxes it paid on it (net-of-tax clawback)",
        ));
    }
    rows.extend([
        row(
            "GP commitment paid-in",
            money(gp.commitment_paid_in),
            "Capital the GP called from itself on its own commitment",
        ),
        row(
            "GP commitment distributed",
            money(gp.commitment_distributed),
            "Distributions on the GP commitment",
        ),
        row(
            "GP commitment NAV",
            money(gp.commitment_nav),
            "The GP commitment's NAV at the fund's last date",
        ),
        row(
            "GP commitment multiple",
            gp.commitment_multiple.map_or_else(|| "n/a".to_string(), multiple),
            "(distributed + NAV) / paid-in on the GP commitment",
        ),
        row(
            "GP commitment IRR",
            percent(gp.commitment_irr),
            "XIRR of the GP commitment's flows with its final NAV",
        ),
        row(
            "Total GP economics",
            money(gp.total),
            "Fees + carry + the commitment's profit (distributed + NAV − paid-in)",
        ),
    ]);
    rows
}

/// The `summary` text's GP economics block: a blank line, a heading and the rows in two
/// columns, amounts as "USD 1,234,567" like the summary's own.
pub fn summary_lines(result: &FundResult) -> Vec<String> {
    let currency = &result.currency;
    let money = |v: Decimal| format!("{currency} {}", crate::units::thousands(v));
    let rows = gp_rows(&result.metrics.gp, &money, &text_multiple);
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    let mut lines = vec![String::new(), "GP economics".to_string()];
    lines.extend(rows.iter().map(|r| format!("{:<width$}  {}", r.label, r.value)));
    lines
}

/// The `gp_economics` object of `summary --json`: every figure of `gp` as a decimal
/// string (money to the cent, ratios to 12 places), null where undefined.
pub fn summary_json(gp: &GpEconomics) -> Value {
    let money = |v: Decimal| Value::String(v.round_dp(MONEY_DP).to_string());
    let ratio = |v: Option<Decimal>| {
        v.map_or(Value::Null, |x| {
            Value::String(x.round_dp(RATIO_DP).normalize().to_string())
        })
    };
    json!({
        "management_fees": money(gp.management_fees),
        "carried_interest": money(gp.carried_interest),
        "clawback": money(gp.clawback),
        "clawback_tax_kept": money(gp.clawback_tax_kept),
        "commitment_paid_in": money(gp.commitment_paid_in),
        "commitment_distributed": money(gp.commitment_distributed),
        "commitment_nav": money(gp.commitment_nav),
        "commitment_multiple": ratio(gp.commitment_multiple),
        "commitment_irr": ratio(gp.commitment_irr),
        "total": money(gp.total),
    })
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    /// A GP of a $1bn fund: $80m of fees, $60m of carry after a $5m clawback, and a $20m
    /// commitment that paid in $20m and got back $30m with $2m still held.
    fn gp() -> GpEconomics {
        GpEconomics {
            management_fees: dec!(80_000_000),
            carried_interest: dec!(60_000_000),
            clawback: dec!(5_000_000),
            clawback_tax_kept: Decimal::ZERO,
            commitment_paid_in: dec!(20_000_000),
            commitment_distributed: dec!(30_000_000),
            commitment_nav: dec!(2_000_000),
            // (30 + 2) / 20 = 1.6
            commitment_multiple: Some(dec!(1.6)),
            commitment_irr: Some(dec!(0.12345)),
            // 80 + 60 + (30 + 2 − 20) = 152
            total: dec!(152_000_000),
        }
    }

    #[test]
    fn the_rows_give_each_figure_in_order_and_the_tax_row_only_when_kept() {
        let money = |v: Decimal| format!("${}", crate::units::thousands(v));
        let rows = gp_rows(&gp(), &money, &text_multiple);
        let shown: Vec<(&str, &str)> = rows.iter().map(|r| (r.label, r.value.as_str())).collect();
        assert_eq!(
            shown,
            vec![
                ("Management fees", "$80,000,000"),
                ("Carried interest (net of clawback)", "$60,000,000"),
                ("Clawback", "$5,000,000"),
                ("GP commitment paid-in", "$20,000,000"),
                ("GP commitment distributed", "$30,000,000"),
                ("GP commitment NAV", "$2,000,000"),
                ("GP commitment multiple", "1.60x"),
                // 0.12345 = 12.345 %, to two places 12.34 % (banker's rounding of the 5).
                ("GP commitment IRR", "12.34%"),
                ("Total GP economics", "$152,000,000"),
            ]
        );
        let kept = GpEconomics {
            clawback_tax_kept: dec!(1_500_000),
            commitment_multiple: None,
            commitment_irr: None,
            ..gp()
        };
        let rows = gp_rows(&kept, &money, &text_multiple);
        assert_eq!(rows.len(), 10);
        assert_eq!(
            rows.get(3).map(|r| (r.label, r.value.as_str())),
            Some(("Clawback kept for taxes", "$1,500,000"))
        );
        assert!(
            rows.iter()
                .any(|r| r.label == "GP commitment IRR" && r.value == "n/a")
        );
        assert!(
            rows.iter()
                .any(|r| r.label == "GP commitment multiple" && r.value == "n/a")
        );
    }

    #[test]
    fn the_summary_block_aligns_the_values_after_a_heading() {
        let mut result =
            crate::engine::compute(&crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}")))
                .unwrap_or_else(|e| panic!("{e}"));
        result.metrics.gp = gp();
        let lines = summary_lines(&result);
        assert_eq!(lines.first().map(String::as_str), Some(""));
        assert_eq!(lines.get(1).map(String::as_str), Some("GP economics"));
        // The longest label, "Carried interest (net of clawback)", is 34 characters: every
        // value starts after it and two spaces, at column 36.
        for line in lines.iter().skip(2) {
            assert_eq!(line.get(34..36), Some("  "), "{line}");
            assert_ne!(line.get(36..37), Some(" "), "{line}");
        }
        assert_eq!(
            lines.last().map(String::as_str),
            Some(format!("{:<34}  {} 152,000,000", "Total GP economics", result.currency).as_str())
        );
    }

    #[test]
    fn the_json_object_has_cents_and_ratios_as_strings_and_null_when_undefined() {
        let json = summary_json(&GpEconomics {
            commitment_irr: None,
            clawback: dec!(5_000_000.004),
            ..gp()
        });
        assert_eq!(json["management_fees"], Value::String("80000000".into()));
        // 5,000,000.004 to the cent is 5,000,000.00.
        assert_eq!(json["clawback"], Value::String("5000000.00".into()));
        assert_eq!(json["commitment_multiple"], Value::String("1.6".into()));
        assert_eq!(json["commitment_irr"], Value::Null);
        assert_eq!(json["total"], Value::String("152000000".into()));
    }
}

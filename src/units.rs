//! What people type into number fields, and how figures are shown.
//!
//! Accepted input (spaces, tabs, line breaks and `$` ignored everywhere; `,` and `_` are
//! thousands separators), including what a spreadsheet cell copies:
//! - money: `1250000`, `1,250,000`, `$1,250,000`, `1 250 000`, `250k`, `250m`/`250mm`,
//!   `100b`/`100bn`, `1.5t`/`1.5tn`;
//! - percentages: `8%` and `0.08` both mean 0.08 (a bare number is a fraction);
//! - multiples: `2.5`, `2.5x`, `2.5×`;
//! - plain numbers: `-3`, `12.75`, `1e6`;
//! - negatives as `-3.2`, `−3.2` (the minus sign) or in accounting brackets, `(3.2)`.
//!
//! A number beyond what a decimal can hold (about 7.9 × 10²⁸, e.g. `1e40`) is refused
//! as too large rather than read as something else.
//!
//! Display: money as `$100.0bn`, `$250.0m`, `$1,250,000`; percentages as `8.00%`;
//! multiples as `2.50×`.

use rust_decimal::Decimal;
use rust_decimal::dec;

/// Why a typed value was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The text is not a value of the expected kind.
    #[error("'{text}' is not {expected}")]
    NotUnderstood {
        /// What the user typed.
        text: String,
        /// The kind of value wanted, in words ("a number").
        expected: &'static str,
    },
    /// The text is a number, but beyond what a decimal holds.
    #[error("'{text}' is too large: values must stay below about 7.9e28")]
    TooLarge {
        /// What the user typed.
        text: String,
    },
}

impl ParseError {
    fn not_understood(text: &str, expected: &'static str) -> Self {
        Self::NotUnderstood {
            text: text.trim().to_string(),
            expected,
        }
    }

    /// The same failure, reported against the whole of what was typed and `expected`.
    fn for_input(self, text: &str, expected: &'static str) -> Self {
        match self {
            Self::NotUnderstood { .. } => Self::not_understood(text, expected),
            Self::TooLarge { .. } => Self::TooLarge {
                text: text.trim().to_string(),
            },
        }
    }
}

/// Lower case without spaces, currency signs and thousands separators; accounting
/// brackets and the minus sign become a leading `-`.
fn clean(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '$' | ',' | '_'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect::<String>()
        .to_lowercase();
    match s.strip_prefix('(').and_then(|inner| inner.strip_suffix(')')) {
        Some(inner) => format!("-{inner}"),
        None => s,
    }
}

fn plain(text: &str, expected: &'static str) -> Result<Decimal, ParseError> {
    let s = clean(text);
    if s.is_empty() {
        return Err(ParseError::not_understood(text, expected));
    }
    s.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(&s))
        .map_err(|_| match s.parse::<f64>() {
            // Syntactically a number, but out of the decimal's range.
            Ok(v) if v.abs() >= 1e28 && s.contains(|c: char| c.is_ascii_digit()) => ParseError::TooLarge {
                text: text.trim().to_string(),
            },
            _ => ParseError::not_understood(text, expected),
        })
}

/// Parses an amount of money (`1,250,000`, `250m`, `100bn`).
pub fn parse_money(text: &str) -> Result<Decimal, ParseError> {
    const EXPECTED: &str = "an amount (e.g. 1,250,000, 250m or 100bn)";
    let s = clean(text);
    let suffixes: [(&str, Decimal); 8] = [
        ("tn", dec!(1_000_000_000_000)),
        ("t", dec!(1_000_000_000_000)),
        ("bn", dec!(1_000_000_000)),
        ("b", dec!(1_000_000_000)),
        ("mm", dec!(1_000_000)),
        ("m", dec!(1_000_000)),
        ("k", dec!(1_000)),
        ("", Decimal::ONE),
    ];
    for (suffix, factor) in suffixes {
        if let Some(number) = s.strip_suffix(suffix) {
            let value = plain(number, EXPECTED).map_err(|e| e.for_input(text, EXPECTED))?;
            return value.checked_mul(factor).ok_or_else(|| ParseError::TooLarge {
                text: text.trim().to_string(),
            });
        }
    }
    Err(ParseError::not_understood(text, EXPECTED))
}

/// Parses a percentage: `8%` or the fraction `0.08`.
pub fn parse_percent(text: &str) -> Result<Decimal, ParseError> {
    const EXPECTED: &str = "a percentage (e.g. 8% or 0.08)";
    let s = clean(text);
    match s.strip_suffix('%') {
        Some(number) => plain(number, EXPECTED).map(|v| v / Decimal::ONE_HUNDRED),
        None => plain(&s, EXPECTED),
    }
    .map_err(|e| e.for_input(text, EXPECTED))
}

/// Parses a multiple: `2.5`, `2.5x` or `2.5×`.
pub fn parse_multiple(text: &str) -> Result<Decimal, ParseError> {
    const EXPECTED: &str = "a multiple (e.g. 11.5x)";
    let s = clean(text);
    let number = s.strip_suffix('x').or_else(|| s.strip_suffix('×')).unwrap_or(&s);
    plain(number, EXPECTED).map_err(|e| e.for_input(text, EXPECTED))
}

/// Parses a plain number.
pub fn parse_number(text: &str) -> Result<Decimal, ParseError> {
    plain(text, "a number")
}

/// A count with thousands separators: `10000` → `10,000`.
pub fn count(n: usize) -> String {
    thousands(Decimal::from(n))
}

/// `1234567.6` → `1,234,568`.
pub fn thousands(value: Decimal) -> String {
    let rounded = value.round_dp(0);
    let digits = rounded.abs().trunc().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

/// `$100.0bn`, `$250.0m`, `$1,250,000` (negative: `-$2.5bn`).
pub fn format_money(value: Decimal) -> String {
    format_money_in(value, "USD")
}

/// The symbol written before an amount in `currency` (an ISO 4217 code): `$` for USD,
/// `€`, `£`, `¥`; otherwise the code and a space ("CHF 1.2bn").
pub fn currency_prefix(currency: &str) -> String {
    match currency.trim().to_ascii_uppercase().as_str() {
        "USD" | "" => "$".into(),
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "JPY" | "CNY" => "¥".into(),
        code => format!("{code} "),
    }
}

/// Like [`format_money`], in the fund's `currency` ("€1.2bn", "CHF 250.0m").
pub fn format_money_in(value: Decimal, currency: &str) -> String {
    let symbol = currency_prefix(currency);
    let sign = if value.is_sign_negative() && !value.round_dp(1).is_zero() {
        "-"
    } else {
        ""
    };
    let abs = value.abs();
    if abs >= dec!(1_000_000_000) {
        format!("{sign}{symbol}{:.1}bn", (abs / dec!(1_000_000_000)).round_dp(1))
    } else if abs >= dec!(10_000_000) {
        format!("{sign}{symbol}{:.1}m", (abs / dec!(1_000_000)).round_dp(1))
    } else {
        format!("{sign}{symbol}{}", thousands(abs))
    }
}

/// `0.0825` → `8.25%`; a fraction too large to scale (an out-of-range value being
/// shown with its error, such as `1e28`) is written as the fraction it is.
pub fn format_percent(value: Decimal) -> String {
    match value.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => format!("{:.2}%", percent.round_dp(2)),
        None => format!("{} (as a fraction)", value.normalize()),
    }
}

/// `2.5` → `2.50×`.
pub fn format_multiple(value: Decimal) -> String {
    format!("{:.2}×", value.round_dp(2))
}

/// A value as a user would retype it: plain digits, no separators.
pub fn editable(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(count(1_000_000), "1,000,000");
    }

    #[test]
    fn money_forms() {
        assert_eq!(parse_money("1,250,000"), Ok(dec!(1_250_000)));
        assert_eq!(parse_money(" $250m "), Ok(dec!(250_000_000)));
        assert_eq!(parse_money("100bn"), Ok(dec!(100_000_000_000)));
        assert_eq!(parse_money("100B"), Ok(dec!(100_000_000_000)));
        assert_eq!(parse_money("1.5k"), Ok(dec!(1500)));
        assert_eq!(parse_money("2.5mm"), Ok(dec!(2_500_000)));
        assert_eq!(parse_money("-3"), Ok(dec!(-3)));
        assert!(parse_money("12 apples").is_err());
        assert!(parse_money("").is_err());
        assert_eq!(
            parse_money("lots").err().map(|e| e.to_string()),
            Some("'lots' is not an amount (e.g. 1,250,000, 250m or 100bn)".to_string())
        );
    }

    #[test]
    fn percent_forms() {
        assert_eq!(parse_percent("8%"), Ok(dec!(0.08)));
        assert_eq!(parse_percent("0.08"), Ok(dec!(0.08)));
        assert_eq!(parse_percent("12.5 %"), Ok(dec!(0.125)));
        assert!(parse_percent("8%%").is_err());
    }

    #[test]
    fn multiple_forms() {
        assert_eq!(parse_multiple("2.5x"), Ok(dec!(2.5)));
        assert_eq!(parse_multiple("2.5×"), Ok(dec!(2.5)));
        assert_eq!(parse_multiple("11"), Ok(dec!(11)));
        assert!(parse_multiple("x").is_err());
    }

    #[test]
    fn what_a_spreadsheet_copies_is_read_as_numbers() {
        // Excel copies a cell with its display formatting and a line break after it.
        assert_eq!(parse_money("1,250,000\r\n"), Ok(dec!(1_250_000)));
        assert_eq!(parse_money("$1,250,000\t"), Ok(dec!(1_250_000)));
        assert_eq!(parse_money("1 250 000"), Ok(dec!(1_250_000)));
        // No-break and narrow no-break spaces as thousands separators.
        assert_eq!(parse_money("1\u{a0}250\u{202f}000"), Ok(dec!(1_250_000)));
        // Accounting brackets and the minus sign are negatives.
        assert_eq!(parse_number("(3.2)"), Ok(dec!(-3.2)));
        assert_eq!(parse_money("($1,250,000)"), Ok(dec!(-1_250_000)));
        assert_eq!(parse_money("\u{2212}250m"), Ok(dec!(-250_000_000)));
        assert_eq!(parse_percent("(12.5%)"), Ok(dec!(-0.125)));
        assert_eq!(parse_percent("12.5%\n"), Ok(dec!(0.125)));
        assert_eq!(parse_multiple("11.5x\t"), Ok(dec!(11.5)));
        assert!(
            parse_number("(3.2").is_err(),
            "an unclosed bracket is not a number"
        );
        assert!(
            parse_number("(-3.2)").is_err(),
            "a bracketed negative is ambiguous"
        );
    }

    #[test]
    fn numbers_beyond_a_decimal_are_too_large_not_misread() {
        assert_eq!(
            parse_money("1e40"),
            Err(ParseError::TooLarge { text: "1e40".into() })
        );
        assert_eq!(
            parse_money("100000000000000000000t"),
            Err(ParseError::TooLarge {
                text: "100000000000000000000t".into()
            }),
            "1e20 trillion overflows in the multiplication"
        );
        assert_eq!(
            parse_percent("1e40%").map_err(|e| e.to_string()),
            Err("'1e40%' is too large: values must stay below about 7.9e28".to_string())
        );
        assert_eq!(parse_number("1e4"), Ok(dec!(10_000)));
        assert!(matches!(
            parse_number("inf"),
            Err(ParseError::NotUnderstood { .. })
        ));
    }

    #[test]
    fn display_forms() {
        assert_eq!(format_money(dec!(100_000_000_000)), "$100.0bn");
        assert_eq!(format_money(dec!(250_000_000)), "$250.0m");
        assert_eq!(format_money(dec!(1_250_000)), "$1,250,000");
        assert_eq!(format_money(dec!(-2_460_000_000)), "-$2.5bn");
        assert_eq!(format_percent(dec!(0.0825)), "8.25%");
        assert_eq!(format_percent(dec!(0.1)), "10.00%");
        assert_eq!(format_multiple(dec!(2.5)), "2.50×");
        assert_eq!(thousands(dec!(-1234567.6)), "-1,234,568");
        assert_eq!(editable(dec!(0.0800)), "0.08");
    }
}

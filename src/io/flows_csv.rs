//! `date,amount` rows for the `xirr` command: ISO dates, decimal amounts, an optional
//! header line, blank lines skipped. Errors name the line.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::xirr::DatedFlow;

/// What is wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowsCsvError {
    /// A row without exactly two comma-separated fields.
    #[error("line {line}: expected two fields, `date,amount`, found {found}")]
    FieldCount {
        /// Line number, counting from 1.
        line: usize,
        /// How many fields the row has.
        found: usize,
    },
    /// The first field is not an ISO date.
    #[error("line {line}: '{text}' is not a date (expected YYYY-MM-DD)")]
    Date {
        /// Line number, counting from 1.
        line: usize,
        /// The field as written.
        text: String,
    },
    /// The second field is not a decimal number.
    #[error("line {line}: '{text}' is not an amount (expected a number such as -10000 or 2750.50)")]
    Amount {
        /// Line number, counting from 1.
        line: usize,
        /// The field as written.
        text: String,
    },
    /// Nothing but blank lines and a header.
    #[error("there are no cash-flow rows")]
    Empty,
}

/// Parses `date,amount` rows.
pub fn parse_dated_flows(text: &str) -> Result<Vec<DatedFlow>, FlowsCsvError> {
    let mut flows = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let row = raw.trim();
        if row.is_empty() {
            continue;
        }
        let fields: Vec<&str> = row.split(',').map(str::trim).collect();
        let [date_text, amount_text] = fields.as_slice() else {
            return Err(FlowsCsvError::FieldCount {
                line,
                found: fields.len(),
            });
        };
        let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d");
        let is_header = flows.is_empty() && date.is_err() && amount_text.parse::<Decimal>().is_err();
        if is_header {
            continue;
        }
        let date = date.map_err(|_| FlowsCsvError::Date {
            line,
            text: (*date_text).to_string(),
        })?;
        let amount = amount_text
            .parse::<Decimal>()
            .map_err(|_| FlowsCsvError::Amount {
                line,
                text: (*amount_text).to_string(),
            })?;
        flows.push((date, amount));
    }
    if flows.is_empty() {
        return Err(FlowsCsvError::Empty);
    }
    Ok(flows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn reads_rows_with_and_without_header() {
        let with = parse_dated_flows("date,amount\n2008-01-01,-10000\n\n 2008-03-01 , 2750.50 \n");
        let without = parse_dated_flows("2008-01-01,-10000\n2008-03-01,2750.50");
        let expected = vec![
            (
                NaiveDate::from_ymd_opt(2008, 1, 1).unwrap_or_default(),
                dec!(-10000),
            ),
            (
                NaiveDate::from_ymd_opt(2008, 3, 1).unwrap_or_default(),
                dec!(2750.50),
            ),
        ];
        assert_eq!(with, Ok(expected.clone()));
        assert_eq!(without, Ok(expected));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse_dated_flows("2008-01-01,-1\n2008-13-01,5"),
            Err(FlowsCsvError::Date {
                line: 2,
                text: "2008-13-01".into()
            })
        );
        let err = parse_dated_flows("date,amount\n2008-01-01,12,5")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("line 2: expected two fields, `date,amount`, found 3")
        );
        assert!(matches!(
            parse_dated_flows("2008-01-01,abc"),
            Err(FlowsCsvError::Amount { line: 1, .. })
        ));
        assert_eq!(parse_dated_flows("date,amount\n"), Err(FlowsCsvError::Empty));
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,400}") {
            // Any text gives flows or a reason, never a panic; flows are never empty.
            match parse_dated_flows(&text) {
                Ok(flows) => prop_assert!(!flows.is_empty()),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

use chrono::NaiveDate;
use rust_decimal::dec;

use super::*;
use crate::engine::results::ClassMetrics;
use crate::engine::xirr::XirrError;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A quarter whose thirteen amounts are 1.001, 2.002, … 13.013 in the order of the
/// struct's fields, so each column shows which field it reads.
fn numbered_quarter(date: NaiveDate) -> CapitalAccountPeriod {
    let n = |i: i64| Decimal::new(i * 1001, 3);
    CapitalAccountPeriod {
        date,
        commitment: n(1),
        contributed: n(2),
        contributed_to_date: n(3),
        distributed: n(4),
        distributed_to_date: n(5),
        nav: n(6),
        unfunded: n(7),
        management_fees: n(8),
        management_fees_to_date: n(9),
        carried_interest: n(10),
        carried_interest_to_date: n(11),
        equalisation: n(12),
        equalisation_interest: n(13),
    }
}

fn class(name: &str, quarters: &[NaiveDate], net_irr: Result<Decimal, XirrError>) -> ClassResult {
    ClassResult {
        name: name.to_string(),
        investors: 3,
        commitment: dec!(600),
        periods: quarters.iter().map(|d| numbered_quarter(*d)).collect(),
        metrics: ClassMetrics {
            paid_in: dec!(500),
            distributed: dec!(700),
            nav: dec!(100),
            // (700 + 100) / 500 = 1.6; 700 / 500 = 1.4; 100 / 500 = 0.2
            tvpi: Some(dec!(1.6)),
            dpi: Some(dec!(1.4)),
            rvpi: Some(dec!(0.2)),
            net_irr,
            management_fees: dec!(40),
            carried_interest: dec!(30),
            equalisation_interest_paid: dec!(2),
            equalisation_interest_received: dec!(0),
        },
    }
}

/// The midmarket sample's projection with two hand-made classes in place of the engine's.
fn two_classes() -> FundResult {
    let portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
    let mut result = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
    let quarters = [date(2027, 3, 31), date(2027, 6, 30)];
    result.classes = vec![
        class("Anchor", &quarters, Ok(dec!(0.1525))),
        class("Standard, later close", &quarters, Err(XirrError::NoRoot)),
    ];
    result.currency = "USD".into();
    result
}

#[test]
fn headings_name_each_amount_with_the_currency() {
    let h = headings("EUR");
    assert_eq!(h.len(), 2 + AMOUNT_COUNT);
    assert_eq!(h.first().map(String::as_str), Some("Class"));
    assert_eq!(h.get(1).map(String::as_str), Some("Quarter end"));
    assert_eq!(h.get(2).map(String::as_str), Some("Commitment (EUR)"));
    assert_eq!(h.get(10).map(String::as_str), Some("Fees to date (EUR)"));
    assert_eq!(h.last().map(String::as_str), Some("Equalisation interest (EUR)"));
}

#[test]
fn each_amount_column_reads_its_own_field() {
    let amounts = account_amounts(&numbered_quarter(date(2027, 3, 31)));
    // The nth heading's amount is n × 1.001: the fields in the headings' order.
    for (i, amount) in (1i64..).zip(amounts) {
        assert_eq!(amount, Decimal::new(i * 1001, 3), "column {i}");
    }
}

#[test]
fn a_class_is_found_exactly_or_loosely_and_an_unknown_one_lists_the_classes() {
    let result = two_classes();
    assert_eq!(
        find_class(&result, "Anchor").map(|c| c.name.as_str()),
        Ok("Anchor")
    );
    assert_eq!(
        find_class(&result, " anchor ").map(|c| c.name.as_str()),
        Ok("Anchor")
    );
    let error = find_class(&result, "Founders").map(|c| c.name.clone());
    let Err(error) = error else {
        panic!("no class is named Founders")
    };
    assert_eq!(
        error.to_string(),
        "there is no LP class named 'Founders': the fund's classes are 'Anchor', 'Standard, later close'"
    );
    let mut none = result;
    none.classes.clear();
    let Err(error) = lp_accounts(&none, Some("Anchor")) else {
        panic!("a fund without classes has no Anchor class")
    };
    assert!(
        error
            .to_string()
            .ends_with("the fund has no LP classes in this projection")
    );
}

#[test]
fn rows_run_class_by_class_and_one_class_gives_only_its_rows() {
    let result = two_classes();
    let all = lp_accounts(&result, None).unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<(&str, NaiveDate)> = all.rows.iter().map(|r| (r.class.as_str(), r.date)).collect();
    assert_eq!(
        keys,
        vec![
            ("Anchor", date(2027, 3, 31)),
            ("Anchor", date(2027, 6, 30)),
            ("Standard, later close", date(2027, 3, 31)),
            ("Standard, later close", date(2027, 6, 30)),
        ]
    );
    let one = lp_accounts(&result, Some("Standard, later close")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(one.rows.len(), 2);
    assert!(one.rows.iter().all(|r| r.class == "Standard, later close"));
}

#[test]
fn csv_writes_cents_and_quotes_a_name_with_a_comma_and_tsv_keeps_its_columns() {
    let result = two_classes();
    let one = lp_accounts(&result, Some("Standard, later close")).unwrap_or_else(|e| panic!("{e}"));
    let csv = to_csv(&one);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Class,Quarter end,Commitment (USD),Contributed (USD),Contributed to date (USD),\
             Distributed (USD),Distributed to date (USD),NAV (USD),Unfunded (USD),\
             Management fees (USD),Fees to date (USD),Carried interest (USD),Carry to date (USD),\
             Equalisation (USD),Equalisation interest (USD)"
        )
    );
    // n × 1.001 to the cent: 1.00, 2.00, … 5.005 → 5.00 (banker's rounding), … 13.01.
    assert_eq!(
        lines.next(),
        Some(
            "\"Standard, later close\",2027-03-31,1.00,2.00,3.00,4.00,5.00,6.01,7.01,8.01,9.01,\
             10.01,11.01,12.01,13.01"
        )
    );
    assert_eq!(csv.lines().count(), 3);
    let tsv = to_tsv(&one);
    for line in tsv.lines() {
        assert_eq!(line.split('\t').count(), 2 + AMOUNT_COUNT, "{line}");
    }
    assert!(
        tsv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("Standard, later close\t2027-03-31\t1.00"))
    );
}

#[test]
fn summary_cells_follow_the_headings() {
    let result = two_classes();
    let Some(anchor) = result.classes.first() else {
        panic!("two classes")
    };
    let cells = summary_cells(anchor);
    assert_eq!(cells.len(), SUMMARY_HEADINGS.len());
    assert_eq!(cells.first(), Some(&SummaryCell::Text("Anchor".into())));
    assert_eq!(cells.get(1), Some(&SummaryCell::Count(3)));
    assert_eq!(cells.get(3), Some(&SummaryCell::Money(dec!(500))));
    assert_eq!(cells.get(6), Some(&SummaryCell::Multiple(Some(dec!(1.6)))));
    assert_eq!(cells.get(8), Some(&SummaryCell::Rate(Ok(dec!(0.1525)))));
    assert_eq!(cells.get(11), Some(&SummaryCell::Money(dec!(2))));
}

#[test]
fn class_lines_appear_only_with_several_classes() {
    let mut result = two_classes();
    let lines = class_lines(&result);
    assert_eq!(
        lines,
        vec![
            String::new(),
            "LP classes (net of each class's fees and carry)".to_string(),
            // "Standard, later close" is 21 wide; "Net IRR" 7; "1.60x" 5.
            "Class                  Net IRR   TVPI    DPI".to_string(),
            "Anchor                  15.25%  1.60x  1.40x".to_string(),
            "Standard, later close      n/a  1.60x  1.40x".to_string(),
        ]
    );
    result.classes.truncate(1);
    assert!(class_lines(&result).is_empty());
}

#[test]
fn a_negative_zero_is_written_without_its_sign() {
    // −0.004 rounds to a zero of negative sign; a table shows it as 0.00.
    assert_eq!(cents(Decimal::new(-4, 3)), "0.00");
    assert_eq!(cents(-Decimal::ZERO), "0");
    assert_eq!(cents(Decimal::new(-125, 2)), "-1.25");
}

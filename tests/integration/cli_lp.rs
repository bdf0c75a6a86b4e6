//! `millwright lp`: the LP classes' quarterly capital accounts. Its header is the one
//! the README documents, an unknown class is a data error listing the fund's classes,
//! and — an independent cross-check — in every quarter the classes' contributions add up
//! to the LPs' contributions of `millwright cashflows`, for the samples (one class, "LPs")
//! and for a fund of two classes with a later close.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{Months, NaiveDate};
use millwright::engine::model::{Close, Investors, LpClass, Portfolio};
use millwright::io::portfolio_file;
use rust_decimal::{Decimal, dec};

const SAMPLES: [&str; 2] = ["industrial_ai_100b.json", "midmarket_rollup_2b.json"];
const SCENARIO: &str = "Exits slip two years";

/// The header of `millwright lp` for a fund in US dollars, as the README lists it.
const HEADER: &str = "Class,Quarter end,Commitment (USD),Contributed (USD),Contributed to date (USD),\
                      Distributed (USD),Distributed to date (USD),NAV (USD),Unfunded (USD),\
                      Management fees (USD),Fees to date (USD),Carried interest (USD),\
                      Carry to date (USD),Equalisation (USD),Equalisation interest (USD)";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_portfolios")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_millwright")).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("could not start millwright: {e}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a command that must succeed and returns what it printed.
fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Σ of the column headed `amount` per value of the column headed `key`, and how many
/// non-zero cells went into each sum.
fn sums_by(csv_text: &str, key: &str, amount: &str) -> BTreeMap<String, (Decimal, usize)> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let at = |h: &str| {
        headers
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("no column {h} in {headers:?}"))
    };
    let (k, a) = (at(key), at(amount));
    let mut sums = BTreeMap::new();
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{e}"));
        let cell = record.get(a).unwrap_or_default();
        let value: Decimal = cell.parse().unwrap_or_else(|e| panic!("{amount}: '{cell}': {e}"));
        let entry = sums
            .entry(record.get(k).unwrap_or_default().to_string())
            .or_insert((Decimal::ZERO, 0));
        entry.0 += value;
        entry.1 += usize::from(!value.is_zero());
    }
    sums
}

/// The midmarket sample with two classes: an anchor taking 40 % of the fund at the first
/// close on lower fees, and twelve standard LPs taking the other 60 % six months later
/// (so they pay equalisation on the calls made before they joined).
fn two_class_fund(dir: &Path) -> PathBuf {
    let mut portfolio: Portfolio =
        portfolio_file::load(&sample("midmarket_rollup_2b.json")).unwrap_or_else(|e| panic!("{e}"));
    let fund = &mut portfolio.fund;
    let later: NaiveDate = fund
        .first_close
        .checked_add_months(Months::new(6))
        .unwrap_or(fund.first_close);
    let anchor = fund.commitment * dec!(0.4);
    fund.investors = Investors {
        classes: vec![
            LpClass {
                name: "Anchor".into(),
                investors: 1,
                management_fee_rate: Some(dec!(0.015)),
                post_investment_fee_rate: None,
                carry_rate: None,
                preferred_return: None,
            },
            LpClass {
                name: "Standard".into(),
                investors: 12,
                management_fee_rate: None,
                post_investment_fee_rate: None,
                carry_rate: None,
                preferred_return: None,
            },
        ],
        closes: vec![
            Close {
                date: fund.first_close,
                class: "Anchor".into(),
                amount: anchor,
            },
            Close {
                date: later,
                class: "Standard".into(),
                amount: fund.commitment - anchor,
            },
        ],
        ..Investors::default()
    };
    let path = dir.join("two_classes.json");
    portfolio_file::save(&path, &portfolio).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn the_csv_has_the_documented_header_and_a_row_per_quarter() {
    let file = sample("midmarket_rollup_2b.json").to_string_lossy().into_owned();
    let csv = stdout_of(&["lp", &file]);
    assert_eq!(csv.lines().next(), Some(HEADER));
    let quarters = stdout_of(&["cashflows", &file]).lines().count() - 1;
    // A fund with no classes has one, "LPs": a row for each of its quarters.
    assert_eq!(csv.lines().count() - 1, quarters);
    assert!(csv.lines().skip(1).all(|l| l.starts_with("LPs,")), "{csv}");
    assert_eq!(stdout_of(&["lp", &file, "--class", "LPs"]), csv);

    // --out writes the same bytes to a file and prints nothing…
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_path = dir.path().join("accounts.csv");
    let out = run(&["lp", &file, "--out", &out_path.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap_or_else(|e| panic!("{e}")),
        csv
    );
    // …and never over the portfolio file itself.
    let input = dir.path().join("fund.json");
    std::fs::copy(sample("midmarket_rollup_2b.json"), &input).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(&input).unwrap_or_else(|e| panic!("{e}"));
    let input = input.to_string_lossy().into_owned();
    let out = run(&["lp", &input, "--out", &input]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(std::fs::read(&input).unwrap_or_else(|e| panic!("{e}")) == before);
}

#[test]
fn an_unknown_class_exits_1_listing_the_classes() {
    let file = sample("midmarket_rollup_2b.json").to_string_lossy().into_owned();
    let out = run(&["lp", &file, "--class", "Anchor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr).trim_end(),
        "error: there is no LP class named 'Anchor': the fund's classes are 'LPs'"
    );
    let out = run(&["lp", &file, "--class", " "]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// Each CSV cell is rounded to the cent, so per quarter the classes' written
/// contributions and the fund's may differ by half a cent per non-zero cell on either
/// side; a wrong split of any call is off by far more.
#[test]
fn each_quarters_class_contributions_sum_to_the_lps_contributions_of_cashflows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let two = two_class_fund(dir.path());
    let mut files: Vec<PathBuf> = SAMPLES.iter().map(|s| sample(s)).collect();
    files.push(two);
    for path in files {
        let file = path.to_string_lossy().into_owned();
        for scenario in [None, Some(SCENARIO)] {
            let with = |command: &str| {
                let mut args = vec![command, file.as_str()];
                args.extend(scenario.map(|s| ["--scenario", s]).into_iter().flatten());
                stdout_of(&args)
            };
            let classes = sums_by(&with("lp"), "Quarter end", "Contributed (USD)");
            let fund = sums_by(&with("cashflows"), "date", "contributions");
            assert_eq!(
                classes.keys().collect::<Vec<_>>(),
                fund.keys().collect::<Vec<_>>(),
                "{file} {scenario:?}: the same quarters"
            );
            let mut called = Decimal::ZERO;
            for (date, (fund_sum, fund_cells)) in &fund {
                let (class_sum, class_cells) = classes.get(date).copied().unwrap_or_default();
                let bound = Decimal::new(5, 3) * Decimal::from(class_cells + fund_cells);
                assert!(
                    (class_sum - fund_sum).abs() <= bound,
                    "{file} {scenario:?} {date}: classes {class_sum} vs LPs {fund_sum} (bound {bound})"
                );
                called += fund_sum;
            }
            assert!(called > Decimal::ZERO, "{file}: the LPs paid something in");
        }
    }
}

/// Two classes: a row per quarter per class, `--class` picks one, and an unknown class's
/// message names both.
#[test]
fn a_fund_of_two_classes_has_a_row_per_quarter_per_class() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let two = two_class_fund(dir.path()).to_string_lossy().into_owned();
    let quarters = stdout_of(&["cashflows", &two]).lines().count() - 1;
    let all = stdout_of(&["lp", &two]);
    assert_eq!(all.lines().next(), Some(HEADER));
    assert_eq!(all.lines().count() - 1, 2 * quarters);
    let anchor = stdout_of(&["lp", &two, "--class", "Anchor"]);
    assert_eq!(anchor.lines().count() - 1, quarters);
    assert!(
        anchor.lines().skip(1).all(|l| l.starts_with("Anchor,")),
        "{anchor}"
    );
    // Every class's rows, in the fund's order: Anchor's, then Standard's.
    let standard = stdout_of(&["lp", &two, "--class", "standard"]);
    assert_eq!(
        format!(
            "{anchor}{}",
            standard.split_once('\n').map_or("", |(_, rows)| rows)
        ),
        all
    );

    let out = run(&["lp", &two, "--class", "Founders"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "error: there is no LP class named 'Founders': the fund's classes are 'Anchor', 'Standard'"
    );
}

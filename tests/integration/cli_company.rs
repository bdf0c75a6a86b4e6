//! `millwright company`: one company's quarterly statement. The fund's columns of every
//! company's statement add up to the fund's own cash flows (`millwright cashflows`), each
//! row obeys the definitions of `CompanyPeriod` (src/engine/results.rs; `identities`),
//! and the command writes its file as safely as `cashflows` does.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use millwright::engine::model::Portfolio;
use millwright::engine::study::{Case, Study};
use millwright::export::statement::{self, Statement};
use millwright::io::portfolio_file;
use rust_decimal::Decimal;

mod identities;

/// Both samples, and the scenario run beside the base case (it moves every exit, so
/// proceeds land in other quarters than in the base case).
const SAMPLES: [&str; 2] = ["industrial_ai_100b.json", "midmarket_rollup_2b.json"];
const SCENARIO: &str = "Exits slip two years";

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

fn load(name: &str) -> Portfolio {
    portfolio_file::load(&sample(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every company's statement in `case` of `study`.
fn statements(study: &Study, case: &Case) -> Vec<Statement> {
    let model = study.model(case).unwrap_or_else(|e| panic!("{e}"));
    model
        .companies
        .iter()
        .map(|c| statement::company_statement(study, case, &c.name).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// The sum of the CSV column headed `heading`.
fn csv_column_sum(csv_text: &str, heading: &str) -> Decimal {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let at = headers
        .iter()
        .position(|h| h == heading)
        .unwrap_or_else(|| panic!("no column {heading} in {headers:?}"));
    let mut sum = Decimal::ZERO;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{e}"));
        let cell = record.get(at).unwrap_or_default();
        let value: Decimal = cell
            .parse()
            .unwrap_or_else(|e| panic!("{heading}: '{cell}': {e}"));
        sum += value;
    }
    sum
}

fn scenario_args(scenario: Option<&str>) -> Vec<&str> {
    scenario.map_or_else(Vec::new, |s| vec!["--scenario", s])
}

/// The identity: over every company, the statement's fund deal equity, fund
/// follow-on and fund proceeds columns sum to the fund's `deal_equity`, `follow_ons`
/// and `gross_proceeds` columns of `millwright cashflows`, to the cent.
///
/// Each CSV cell is rounded to the cent, so the two sums of written cells may differ by
/// at most half a cent per non-zero cell on either side (a zero is written exactly);
/// the unrounded sums must agree to far below a cent.
#[test]
fn fund_columns_of_every_company_sum_to_the_fund_cash_flows() {
    let pairs = [
        ("Fund deal equity (USD)", "deal_equity"),
        ("Fund follow-on (USD)", "follow_ons"),
        ("Fund proceeds (USD)", "gross_proceeds"),
    ];
    for name in SAMPLES {
        let study = Study::new(load(name), 0);
        for scenario in [None, Some(SCENARIO)] {
            let case = Case::named(scenario);
            let file = sample(name).to_string_lossy().into_owned();
            let mut args = vec!["cashflows", file.as_str()];
            args.extend(scenario_args(scenario));
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            let fund_csv = text(&out.stdout);
            let company_statements = statements(&study, &case);
            let company_csvs: Vec<String> = company_statements.iter().map(statement::to_csv).collect();
            let result = study.result(&case).unwrap_or_else(|e| panic!("{e}"));
            for (company_heading, fund_heading) in pairs {
                // Unrounded: the statements' own figures and the fund's periods.
                let exact_companies: Vec<Decimal> = company_statements
                    .iter()
                    .flat_map(|s| s.column_values(company_heading).unwrap_or_default())
                    .flatten()
                    .collect();
                let exact_fund: Vec<Decimal> = result
                    .periods
                    .iter()
                    .map(|p| match fund_heading {
                        "deal_equity" => p.deal_equity,
                        "follow_ons" => p.follow_ons,
                        _ => p.gross_proceeds,
                    })
                    .collect();
                let (exact_company_sum, exact_fund_sum) = (
                    exact_companies.iter().sum::<Decimal>(),
                    exact_fund.iter().sum::<Decimal>(),
                );
                assert!(
                    (exact_company_sum - exact_fund_sum).abs() < Decimal::new(1, 6),
                    "{name} {case} {company_heading}: {exact_company_sum} vs {exact_fund_sum}"
                );
                // As written: half a cent of rounding per non-zero cell on either side.
                let fund_sum = csv_column_sum(&fund_csv, fund_heading);
                let company_sum: Decimal = company_csvs
                    .iter()
                    .map(|csv| csv_column_sum(csv, company_heading))
                    .sum();
                let cells = exact_companies
                    .iter()
                    .chain(&exact_fund)
                    .filter(|v| !v.is_zero())
                    .count();
                let bound = Decimal::new(5, 3) * Decimal::from(cells);
                assert!(
                    (company_sum - fund_sum).abs() <= bound,
                    "{name} {case} {company_heading}: companies {company_sum} vs fund {fund_sum} (bound {bound})"
                );
            }
            // Not a sum of zeros: the fund paid for its deals and sold some.
            assert!(csv_column_sum(&fund_csv, "deal_equity") > Decimal::ZERO, "{name}");
            assert!(
                csv_column_sum(&fund_csv, "gross_proceeds") > Decimal::ZERO,
                "{name}"
            );
        }
    }
}

/// The figure of `heading` in each row (blank taken as zero: only leverage is blank).
fn figures(s: &Statement, heading: &str) -> Vec<Decimal> {
    s.column_values(heading)
        .unwrap_or_else(|| panic!("{}: no column {heading} in {:?}", s.company, s.columns))
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect()
}

/// One row per quarter from the acquisition quarter to the exit quarter, the fund's
/// deal equity (its equity cheque) in the first row only, and a column per lever after
/// the cost pools, headed with its name and what it measures.
#[test]
fn rows_run_from_acquisition_to_exit_with_a_column_per_lever() {
    let portfolio = load("midmarket_rollup_2b.json");
    let study = Study::new(portfolio.clone(), 0);
    let result = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    for (company, deal) in portfolio.companies.iter().zip(&result.companies) {
        let s = statement::company_statement(&study, &Case::Base, &company.name)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            s.rows.len(),
            deal.exit_index - deal.acquisition_index + 1,
            "{}",
            company.name
        );
        assert_eq!(s.rows[0].date, result.dates[deal.acquisition_index]);
        assert_eq!(s.rows[s.rows.len() - 1].date, result.dates[deal.exit_index]);
        let deal_equity = figures(&s, "Fund deal equity (USD)");
        assert_eq!(deal_equity[0], deal.equity_cheque);
        assert!(deal_equity[1..].iter().all(Decimal::is_zero), "{}", company.name);
        assert_eq!(s.columns[0], "Revenue (USD)");
        assert_eq!(s.columns[5], "Overhead cost (USD)");
        for (j, lever) in company.levers.iter().enumerate() {
            let heading = &s.columns[6 + j];
            assert!(
                heading.starts_with(&format!("{} ", lever.name)) && heading.ends_with(" (USD)"),
                "{heading} is not lever {}",
                lever.name
            );
        }
        assert_eq!(s.columns[6 + company.levers.len()], "Lever run costs (USD)");
        assert_eq!(
            s.columns.last().map(String::as_str),
            Some("Fund deal equity (USD)")
        );
        assert_eq!(s.columns.len(), s.units.len());
    }
}

/// What the command prints is the library's CSV; `--out` writes the same bytes to a
/// file, and refuses the portfolio file itself, leaving it unchanged.
#[test]
fn company_prints_or_writes_the_statement_and_never_over_its_input() {
    let portfolio = load("industrial_ai_100b.json");
    let company = portfolio.companies[0].name.clone();
    let study = Study::new(portfolio, 0);
    let case = Case::named(Some(SCENARIO));
    let expected = statement::to_csv(
        &statement::company_statement(&study, &case, &company).unwrap_or_else(|e| panic!("{e}")),
    );
    let file = sample("industrial_ai_100b.json").to_string_lossy().into_owned();
    let out = run(&["company", &file, "--company", &company, "--scenario", SCENARIO]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected);
    assert!(expected.starts_with("Quarter end,Revenue (USD),Materials cost (USD),"));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv_path = dir.path().join("statement.csv");
    let out = run(&[
        "company",
        &file,
        "--company",
        &company,
        "--scenario",
        SCENARIO,
        "--out",
        &csv_path.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing printed with --out");
    assert_eq!(
        std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}")),
        expected
    );

    let original = std::fs::read(sample("midmarket_rollup_2b.json")).unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("fund.json");
    std::fs::write(&input, &original).unwrap_or_else(|e| panic!("{e}"));
    let spelt_otherwise = dir.path().join(".").join("fund.json");
    let out = run(&[
        "company",
        &input.to_string_lossy(),
        "--company",
        "Circuitline PCB",
        "--out",
        &spelt_otherwise.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("portfolio file itself"),
        "{}",
        text(&out.stderr)
    );
    assert!(std::fs::read(&input).unwrap_or_else(|e| panic!("{e}")) == original);
}

/// An unknown company or scenario is a data error (exit 1) naming it; a misspelt company
/// is offered the name it resembles; an empty name is a usage error (exit 2).
#[test]
fn unknown_company_or_scenario_exits_1_naming_it() {
    let file = sample("midmarket_rollup_2b.json").to_string_lossy().into_owned();
    let out = run(&["company", &file, "--company", "Circuitlne PCB"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no company named 'Circuitlne PCB'")
            && stderr.contains("did you mean Circuitline PCB?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let out = run(&[
        "company",
        &file,
        "--company",
        "Circuitline PCB",
        "--scenario",
        "Boom",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no scenario named 'Boom'") && stderr.contains(SCENARIO),
        "{stderr}"
    );

    let out = run(&["company", &file, "--company", "  "]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--company"), "{}", text(&out.stderr));
}

//! Format version 2 (issue 11): the committed version-1 samples (`tests/samples/v1/`)
//! open with the documented defaults of the new fields, say once that they were
//! migrated, are saved as version 2 and reopen equal; the file on disk is not touched
//! by opening; a newer version is refused; a bad new field is named with its line.

use std::path::PathBuf;

use millwright::engine::model::{DepreciationMethod, MarkingPolicy, Portfolio};
use millwright::io::portfolio_file::{self, Loaded, Migration};
use rust_decimal::{Decimal, dec};

/// The version-1 samples as they were shipped before format version 2.
const V1_SAMPLES: [(&str, &str); 2] = [
    (
        "industrial_ai_100b.json",
        include_str!("../samples/v1/industrial_ai_100b.json"),
    ),
    (
        "midmarket_rollup_2b.json",
        include_str!("../samples/v1/midmarket_rollup_2b.json"),
    ),
];

fn open_v1(index: usize) -> Loaded {
    let (name, text) = V1_SAMPLES
        .get(index)
        .copied()
        .unwrap_or_else(|| panic!("no sample {index}"));
    portfolio_file::from_json_str_with_migration(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn company<'p>(portfolio: &'p Portfolio, name: &str) -> &'p millwright::engine::model::Company {
    portfolio
        .companies
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no company {name}"))
}

fn load_error(text: &str) -> String {
    match portfolio_file::from_json_str(text) {
        Ok(_) => panic!("expected the file to be refused"),
        Err(e) => e.to_string(),
    }
}

/// `text` with its format version (the first `"version": N`) set to `version`.
fn with_version(text: &str, version: u32) -> String {
    let key = "\"version\": ";
    let start = text.find(key).unwrap_or_else(|| panic!("no version")) + key.len();
    let digits = text[start..].chars().take_while(char::is_ascii_digit).count();
    format!("{}{version}{}", &text[..start], &text[start + digits..])
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or_else(|| panic!("no {needle}"), |i| i + 1)
}

#[test]
fn each_version_1_sample_opens_as_version_2_and_says_it_was_migrated() {
    for (i, (name, text)) in V1_SAMPLES.iter().enumerate() {
        assert!(text.contains("\"version\": 1,"), "{name} is the version-1 copy");
        let loaded = open_v1(i);
        assert_eq!(loaded.portfolio.version, 2, "{name}");
        assert_eq!(loaded.migrated, Some(Migration { from: 1, to: 2 }), "{name}");
        let said = loaded.migrated.map(|m| m.to_string()).unwrap_or_default();
        assert!(
            said.contains("format version 1") && said.contains("saved as version 2"),
            "{said}"
        );
        // The plain loader migrates too: same model, without the report.
        assert_eq!(portfolio_file::from_json_str(text).ok(), Some(loaded.portfolio));
    }
}

/// The defaults of `src/io/portfolio_file/migrate.rs`, on named companies of both
/// samples, and on every company and lever.
#[test]
fn version_1_files_take_the_documented_defaults() {
    let flagship = open_v1(0).portfolio;
    let midmarket = open_v1(1).portfolio;
    for p in [&flagship, &midmarket] {
        assert_eq!(p.fund.marking_policy, MarkingPolicy::EntryMultiple);
        assert!(p.fund.comparable_multiples.is_empty());
    }

    let aerostruct = company(&flagship, "Aerostruct Precision");
    let wc = aerostruct.working_capital;
    assert_eq!(
        (wc.receivable_days, wc.inventory_days, wc.payable_days),
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
    );
    assert_eq!(aerostruct.tax.interest_cap, Some(dec!(0.3)));
    assert_eq!(aerostruct.tax.loss_offset_cap, None);
    assert_eq!(aerostruct.tax.opening_tax_losses, Decimal::ZERO);
    // D&A: a share of revenue, none given, so the maintenance capex share (3.6 %).
    assert_eq!(aerostruct.depreciation.method, DepreciationMethod::ShareOfRevenue);
    assert_eq!(aerostruct.depreciation.share_of_revenue, None);
    assert_eq!(aerostruct.maintenance_capex, dec!(0.036));
    // Its predictive-maintenance lever is fund-funded: an $8M one-time cost, all expensed.
    let lever = aerostruct
        .levers
        .iter()
        .find(|l| l.name == "Predictive maintenance on critical assets")
        .unwrap_or_else(|| panic!("no lever"));
    assert_eq!(lever.one_time_cost, dec!(8000000));
    assert_eq!(
        (lever.one_time_capex_share, lever.capex_life_years),
        (Decimal::ZERO, 5)
    );

    let hartmann = company(&midmarket, "Hartmann Machine Tools");
    assert_eq!(hartmann.fixed_costs.shares.total(), Some(Decimal::ZERO));
    assert_eq!(hartmann.fixed_costs.inflation, Decimal::ZERO);
    assert_eq!(hartmann.cash.minimum_cash, Decimal::ZERO);
    assert_eq!(hartmann.cash.interest_rate_on_cash, Decimal::ZERO);
    assert_eq!(hartmann.management_pool.share, Decimal::ZERO);
    assert_eq!(hartmann.management_pool.hurdle_multiple, Decimal::ONE);
    assert_eq!(hartmann.marking_policy, None, "marked by the fund's policy");
    assert!(hartmann.partial_exits.is_empty());

    for c in flagship.companies.iter().chain(&midmarket.companies) {
        assert_eq!(c.working_capital.inventory_days, Decimal::ZERO, "{}", c.name);
        assert_eq!(c.tax.interest_cap, Some(dec!(0.3)), "{}", c.name);
        assert_eq!(c.depreciation.share_of_revenue, None, "{}", c.name);
        assert_eq!(c.management_pool.share, Decimal::ZERO, "{}", c.name);
        assert!(
            c.levers.iter().all(|l| l.one_time_capex_share.is_zero()),
            "{}",
            c.name
        );
        assert!(c.levers.iter().all(|l| l.capex_life_years == 5), "{}", c.name);
    }
}

#[test]
fn a_version_1_file_saved_is_written_as_version_2_and_reopens_equal() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (i, (name, _)) in V1_SAMPLES.iter().enumerate() {
        let portfolio = open_v1(i).portfolio;
        let text = portfolio_file::to_json_string(&portfolio).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(line_of(&text, "\"version\""), 3, "{name}");
        assert!(text.contains("\n  \"version\": 2,\n"), "{name}");
        assert!(!text.contains("\"version\": 1"), "{name}");
        // The new fields are written out, with their defaults.
        assert!(text.contains("\"interest_cap\": \"0.3\""), "{name}");
        assert!(text.contains("\"marking_policy\": \"entry_multiple\""), "{name}");

        let again = portfolio_file::from_json_str_with_migration(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            again.migrated, None,
            "{name}: a version-2 file needs no migration"
        );
        assert_eq!(again.portfolio, portfolio, "{name}");

        // Through the file: save, then load.
        let path = dir.path().join(name);
        portfolio_file::save(&path, &portfolio).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(portfolio_file::load(&path).ok(), Some(portfolio), "{name}");
        let written = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written, text, "{name}: save writes what to_json_string gives");
    }
}

#[test]
fn opening_a_version_1_file_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (name, text) = V1_SAMPLES[1];
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let loaded = portfolio_file::load_with_migration(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.migrated, Some(Migration { from: 1, to: 2 }));
    assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some(text));
    assert_eq!(std::fs::read_dir(dir.path()).map(Iterator::count).ok(), Some(1));
}

#[test]
fn a_version_3_file_is_refused_as_newer() {
    let msg = load_error(&with_version(V1_SAMPLES[0].1, 3));
    assert!(
        msg.contains("newer Millwright (format version 3)") && msg.contains("reads up to version 2"),
        "{msg}"
    );
    // Version 0 was never written.
    let msg = load_error(&with_version(V1_SAMPLES[1].1, 0));
    assert!(
        msg.contains("format version 0, which no Millwright wrote"),
        "{msg}"
    );
}

/// A version-2 file: the version-1 midmarket sample, saved.
fn midmarket_v2_text() -> String {
    portfolio_file::to_json_string(&open_v1(1).portfolio).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_bad_new_field_is_named_with_its_line() {
    let text = midmarket_v2_text();
    // Days that are not a number.
    let bad = text.replacen(
        "\"receivable_days\": \"0\"",
        "\"receivable_days\": \"45 days\"",
        1,
    );
    assert_ne!(bad, text);
    let msg = load_error(&bad);
    let line = line_of(&bad, "45 days");
    assert!(
        msg.contains(&format!(
            "companies[0].working_capital.receivable_days (line {line}, "
        )),
        "{msg}"
    );
    assert!(
        msg.ends_with(
            "\"45 days\" is not a number; expected a decimal number written as a string, such as \"0.08\""
        ),
        "{msg}"
    );

    // An unknown key inside `tax`: named, with the keys `tax` takes.
    let bad = text.replacen("\"interest_cap\": \"0.3\"", "\"interest_ceiling\": \"0.3\"", 1);
    assert_ne!(bad, text);
    let msg = load_error(&bad);
    let line = line_of(&bad, "interest_ceiling");
    assert!(
        msg.contains(&format!("companies[0].tax.interest_ceiling (line {line}, ")),
        "{msg}"
    );
    assert!(
        msg.contains("interest_cap") && msg.contains("loss_offset_cap"),
        "{msg}"
    );

    // A marking policy the format does not have: the ones it has are listed.
    let bad = text.replacen(
        "\"marking_policy\": \"entry_multiple\"",
        "\"marking_policy\": \"mark_to_model\"",
        1,
    );
    assert_ne!(bad, text);
    let msg = load_error(&bad);
    assert!(
        msg.contains("fund.marking_policy") && msg.contains("linear_to_exit"),
        "{msg}"
    );

    // Negative days are a well-formed number: the file loads, and validation judges the
    // value (issue 11's "Bad input").
    let negative = text.replacen("\"receivable_days\": \"0\"", "\"receivable_days\": \"-5\"", 1);
    let p = portfolio_file::from_json_str(&negative).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.companies[0].working_capital.receivable_days, dec!(-5));
}

/// The app says once, in the status bar's warnings, that the file was migrated; saving
/// writes version 2 and clears the warning.
#[cfg(feature = "gui")]
#[test]
fn the_app_says_a_version_1_file_will_be_saved_as_version_2() {
    use millwright::app::MillwrightApp;
    use millwright::app::files::{AppPaths, FileDialog};

    struct NoDialog;
    impl FileDialog for NoDialog {
        fn pick_open(&mut self) -> Option<PathBuf> {
            None
        }
        fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
            None
        }
        fn pick_export(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
            None
        }
        fn pick_folder(&mut self) -> Option<PathBuf> {
            None
        }
    }

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (name, text) = V1_SAMPLES[1];
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let start = open_v1(0).portfolio;
    let mut app = MillwrightApp::new(
        start,
        None,
        Box::new(NoDialog),
        Some(AppPaths::under(&dir.path().join("app"))),
    );
    let shown = |app: &MillwrightApp| app.warnings.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert!(shown(&app).is_empty(), "{:?}", shown(&app));

    app.open_path(path.clone());
    assert_eq!(app.state.portfolio.version, 2);
    let warnings = shown(&app);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(name)
            && warnings[0].contains("format version 1")
            && warnings[0].contains("saved as version 2"),
        "{}",
        warnings[0]
    );
    assert_eq!(read(&path), text, "opening does not rewrite the file");

    assert!(app.save(), "saved to the file it came from");
    assert!(read(&path).contains("\n  \"version\": 2,\n"));
    assert!(shown(&app).is_empty(), "{:?}", shown(&app));
}

#[cfg(feature = "gui")]
fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"))
}

//! Memo exports read back the way a reviewer's tools would: SVG as XML, PNG decoded, the
//! workbook through calamine, CSVs against `summary --json`.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use millwright::charts::{self, ChartId};
use millwright::engine::compute;
use millwright::engine::study::{Case, Study};
use millwright::export::memo_chart::{self, MemoText};
use millwright::export::{pack, workbook};
use millwright::io::samples;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn sample_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_portfolios")
        .join("industrial_ai_100b.json")
}

fn text() -> MemoText {
    MemoText {
        subtitle: "Foundry Industrial AI Fund I · Base · 2026-11-24".into(),
        footnote: "Source: industrial_ai_100b.json".into(),
        description: "Fund: Foundry Industrial AI Fund I; commitment $100.0bn".into(),
    }
}

fn chart(id: ChartId) -> charts::Chart {
    let p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    charts::build(id, &Study::new(p, 1), &Case::Base).unwrap_or_else(|e| panic!("{e}"))
}

/// The lines or areas of a chart.
fn series(c: &charts::Chart) -> &[charts::Series] {
    match &c.body {
        charts::Body::Lines(s) | charts::Body::StackedAreas(s) => s,
        _ => &[],
    }
}

#[test]
fn svg_has_title_axes_one_path_per_series_and_metadata() {
    let c = chart(ChartId::NavBySector);
    let svg = memo_chart::svg(&c, &text(), memo_chart::SVG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for expected in [
        c.title.as_str(),
        "Quarter end",
        "US$ bn",
        "Foundry Industrial AI Fund I · Base · 2026-11-24",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "no text '{expected}' in {texts:?}"
        );
    }
    for series in series(&c) {
        assert!(
            texts.iter().any(|t| t == &series.name),
            "no legend entry for {}",
            series.name
        );
    }
    // Stacked areas are drawn as one polygon per series.
    let shapes = doc.descendants().filter(|n| n.has_tag_name("polygon")).count();
    assert!(
        shapes >= series(&c).len(),
        "{shapes} polygons for {} series",
        series(&c).len()
    );
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text());
    assert_eq!(title, Some(c.title.as_str()));
    assert!(desc.is_some_and(|d| d.contains("commitment $100.0bn")));
}

#[test]
fn line_chart_svg_has_one_polyline_per_series() {
    let c = chart(ChartId::EbitdaWithAi);
    let svg = memo_chart::svg(&c, &text(), memo_chart::SVG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    // One long polyline per series (legend swatches are two-point paths).
    let long_lines = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter(|n| {
            n.attribute("points")
                .is_some_and(|p| p.split_whitespace().count() > 10)
        })
        .count();
    assert_eq!(long_lines, series(&c).len());
}

#[test]
fn png_is_print_size_by_default_the_asked_size_otherwise_and_not_blank() {
    let c = chart(ChartId::JCurve);
    let bytes = memo_chart::png(&c, &text(), memo_chart::PNG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let image = image::load_from_memory(&bytes)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_rgb8();
    assert_eq!(image.dimensions(), (2400, 1500));
    let ink = image.pixels().filter(|p| p.0 != [255, 255, 255]).count();
    assert!(ink > 20_000, "only {ink} non-white pixels");
    let small = memo_chart::png(&c, &text(), (800, 500)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        image::load_from_memory(&small)
            .map(|i| (i.width(), i.height()))
            .ok(),
        Some((800, 500))
    );
    // Same input, same bytes: no system fonts, no clock.
    assert_eq!(
        bytes,
        memo_chart::png(&c, &text(), memo_chart::PNG_SIZE).unwrap_or_default()
    );
}

#[test]
fn workbook_has_the_sheets_live_formulas_and_the_apps_figures() {
    let p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
    let bytes = workbook::build(&p, "Base", &r).unwrap_or_else(|e| panic!("{e}"));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.sheet_names(), workbook::SHEETS.map(String::from).to_vec());
    let formulas = book
        .worksheet_formula("Summary")
        .unwrap_or_else(|e| panic!("{e}"));
    let n = r.periods.len() + 1;
    let net_irr = formulas.get_value((4, 1)).cloned().unwrap_or_default();
    assert_eq!(
        net_irr,
        format!("XIRR('Fund cash flows'!N2:N{n},'Fund cash flows'!A2:A{n})")
    );
    let tvpi = formulas.get_value((5, 1)).cloned().unwrap_or_default();
    assert!(tvpi.starts_with("(SUM('Fund cash flows'!C2:C"), "{tvpi}");

    let values = book.worksheet_range("Summary").unwrap_or_else(|e| panic!("{e}"));
    let number = |row: u32, col: u32| match values.get_value((row, col)) {
        Some(Data::Float(x)) => *x,
        other => panic!("({row},{col}) is {other:?}"),
    };
    let app_irr = r
        .metrics
        .net_irr
        .clone()
        .map(|x| x.to_f64().unwrap_or_default())
        .unwrap_or_default();
    assert!((number(4, 2) - app_irr).abs() < 1e-12, "app figure column");
    assert!((number(4, 1) - app_irr).abs() < 1e-9, "cached formula result");
    let app_tvpi = r.metrics.tvpi.and_then(|t| t.to_f64()).unwrap_or_default();
    assert!((number(5, 1) - app_tvpi).abs() < 1e-9);

    // The cash-flow sheet: a row a quarter, contributions summing to paid-in.
    let flows = book
        .worksheet_range("Fund cash flows")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(flows.height(), r.periods.len() + 1);
    let paid_in: f64 = (1..=r.periods.len())
        .map(
            |row| match flows.get_value((u32::try_from(row).unwrap_or(0), 1)) {
                Some(Data::Float(x)) => *x,
                _ => 0.0,
            },
        )
        .sum();
    assert!((paid_in - r.metrics.paid_in.to_f64().unwrap_or_default()).abs() < 1.0);
    let companies = book
        .worksheet_range("Companies")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(companies.height(), r.companies.len() + 1);
}

#[test]
fn memo_pack_writes_everything_and_its_csvs_match_summary_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args([
            "export",
            &sample_file().to_string_lossy(),
            "--out",
            &dir.path().to_string_lossy(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(names.len(), pack::file_count());
    for id in ChartId::ALL {
        assert!(
            names.contains(&format!("{}.svg", id.name())) && names.contains(&format!("{}.png", id.name()))
        );
    }
    for table in ["summary.csv", "cashflows.csv", "companies.csv", "model.xlsx"] {
        assert!(names.iter().any(|n| n == table), "{table} missing");
    }

    let json = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args(["summary", &sample_file().to_string_lossy(), "--json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut reader = csv::Reader::from_path(dir.path().join("summary.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut seen = 0;
    for row in reader.records() {
        let row = row.unwrap_or_else(|e| panic!("{e}"));
        let (key, value) = (row.get(0).unwrap_or_default(), row.get(1).unwrap_or_default());
        let expected = match &json[key] {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert_eq!(value, expected, "{key}");
        seen += 1;
    }
    assert!(seen >= 10);
    let tvpi: Decimal = json["tvpi"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    assert!(tvpi > Decimal::ONE);
}

#[test]
fn chart_command_lists_and_writes_by_extension() {
    let list = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args(["chart", "--list"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(list.status.success());
    let listing = String::from_utf8_lossy(&list.stdout);
    for id in ChartId::ALL {
        assert!(listing.contains(id.name()));
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let svg = dir.path().join("bridge.svg");
    let out = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args([
            "chart",
            &sample_file().to_string_lossy(),
            "--chart",
            "value_bridge",
            "--out",
            &svg.to_string_lossy(),
            "--scenario",
            "Downside",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        std::fs::read_to_string(&svg)
            .unwrap_or_default()
            .contains("Downside")
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args([
            "chart",
            &sample_file().to_string_lossy(),
            "--chart",
            "pie",
            "--out",
            "x.svg",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bad.status.code(), Some(2));
}

/// LibreOffice Calc recalculates the workbook's formulas (written without cached
/// results) and must arrive at the app's net IRR, TVPI and DPI to 1e-6. Needs `soffice`
/// (`.ci/setup` installs LibreOffice Calc); where it is missing the test says so and
/// checks nothing else.
#[test]
fn libreoffice_recalculates_the_apps_figures() {
    let Ok(soffice) = which_soffice() else {
        eprintln!("soffice not found: LibreOffice recalculation not checked");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
    let bytes =
        workbook::build_with(&p, "Base", &r, workbook::CachedResults::Omit).unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("model.xlsx");
    std::fs::write(&xlsx, bytes).unwrap_or_else(|e| panic!("{e}"));
    // A private profile that tells Calc to recalculate OOXML files on load.
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        profile.join("user").join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let status = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "csv", "--outdir"])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    // Summary is the first sheet; rows 5–7 hold net IRR, TVPI, DPI as Calc computed them.
    let text = std::fs::read_to_string(dir.path().join("model.csv")).unwrap_or_else(|e| panic!("{e}"));
    let cell = |label: &str| -> f64 {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{label},")))
            .unwrap_or_else(|| panic!("no {label} row"));
        let value = line.split(',').nth(1).unwrap_or_default();
        match value.strip_suffix('%') {
            Some(pct) => pct.parse::<f64>().unwrap_or(f64::NAN) / 100.0,
            None => value.parse::<f64>().unwrap_or(f64::NAN),
        }
    };
    let app = |v: Option<Decimal>| v.and_then(|x| x.to_f64()).unwrap_or(f64::NAN);
    assert!(
        (cell("Net IRR") - app(r.metrics.net_irr.clone().ok())).abs() < 1e-6,
        "net IRR {}",
        cell("Net IRR")
    );
    assert!(
        (cell("TVPI") - app(r.metrics.tvpi)).abs() < 1e-6,
        "TVPI {}",
        cell("TVPI")
    );
    assert!(
        (cell("DPI") - app(r.metrics.dpi)).abs() < 1e-6,
        "DPI {}",
        cell("DPI")
    );
}

fn which_soffice() -> Result<PathBuf, ()> {
    std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join("soffice"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.is_file())
        .ok_or(())
}

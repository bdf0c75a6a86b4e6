//! Loading, saving and refusing portfolio files.

use proptest::prelude::*;

use super::*;
use crate::io::samples::SAMPLES;

fn sample_text() -> &'static str {
    SAMPLES[0].1
}

fn message(result: Result<Portfolio, LoadError>) -> String {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// The committed copy of a version-1 sample (the shipped samples are version 2).
const V1_MIDMARKET: &str = include_str!("../../../tests/samples/v1/midmarket_rollup_2b.json");

/// `text` with its format version (the first `"version": N`) set to `version`.
fn with_version(text: &str, version: u32) -> String {
    let key = "\"version\": ";
    let start = text.find(key).map_or(0, |i| i + key.len());
    let digits = text[start..].chars().take_while(char::is_ascii_digit).count();
    format!("{}{version}{}", &text[..start], &text[start + digits..])
}

#[test]
fn samples_round_trip_byte_for_byte() {
    for (name, text) in SAMPLES {
        // The shipped samples are in the current format: nothing to migrate, so what is
        // written is exactly what was read.
        assert!(
            text.contains(&format!("\n  \"version\": {FORMAT_VERSION},\n")),
            "{name} is not a version-{FORMAT_VERSION} file"
        );
        let portfolio = from_json_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = to_json_string(&portfolio).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(again == text, "{name} does not round-trip exactly");
        assert_eq!(from_json_str(&again).ok(), Some(portfolio));
    }
}

#[test]
fn decimals_are_written_as_strings_with_their_digits() {
    let mut p = from_json_str(sample_text()).unwrap_or_else(|e| panic!("{e}"));
    p.fund.management_fee_rate = "0.0825".parse().unwrap_or_default();
    let text = to_json_string(&p).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("\"management_fee_rate\": \"0.0825\""));
    assert!(text.contains("\"commitment\": \"100000000000\""));
    assert!(text.ends_with("}\n"));
}

#[test]
fn truncated_json_names_line_and_column() {
    let text = &sample_text()[..200];
    let msg = message(from_json_str(text));
    assert!(msg.contains("not valid JSON at line"), "{msg}");
}

#[test]
fn a_bad_field_names_its_path_and_line() {
    let text = sample_text().replacen("\"entry_multiple\": \"", "\"entry_multiple\": \"12,5", 1);
    let msg = message(from_json_str(&text));
    assert!(msg.contains("companies[0].entry_multiple"), "{msg}");
    assert!(msg.contains("line "), "{msg}");

    // A whole number is exact and accepted; a fraction written as a JSON number is not.
    let text = sample_text().replacen("\"ownership\": \"1\"", "\"ownership\": 1", 1);
    assert!(from_json_str(&text).is_ok());
    let text = sample_text().replacen("\"ownership\": \"1\"", "\"ownership\": 0.5", 1);
    let msg = message(from_json_str(&text));
    assert!(
        msg.contains("companies[0].ownership") && msg.contains("as strings"),
        "{msg}"
    );
}

#[test]
fn unknown_fields_are_named() {
    let text = sample_text().replacen(
        "\"currency\": \"USD\",",
        "\"currency\": \"USD\",\n    \"colour\": \"blue\",",
        1,
    );
    let msg = message(from_json_str(&text));
    assert!(msg.contains("colour"), "{msg}");
    assert!(msg.contains("fund"), "{msg}");
}

#[test]
fn other_files_and_newer_versions_are_refused_politely() {
    assert!(
        message(from_json_str("{\"format\": \"spreadsheet\", \"version\": 1}")).contains("\"spreadsheet\"")
    );
    assert!(message(from_json_str("[1, 2, 3]")).contains("not a Millwright portfolio"));
    let newer = with_version(sample_text(), 3);
    assert_ne!(newer, sample_text());
    let msg = message(from_json_str(&newer));
    assert!(msg.contains("newer Millwright (format version 3)"), "{msg}");
    let never = with_version(sample_text(), 0);
    let msg = message(from_json_str(&never));
    assert!(
        msg.contains("format version 0, which no Millwright wrote (versions run from 1 to 2)"),
        "{msg}"
    );
    assert!(message(from_json_str("{\"format\": \"millwright-portfolio\"}")).contains("version"));
    assert!(message(from_json_str("  \n")).contains("empty"));
    assert!(message(from_slice(&[0x7b, 0xff, 0xfe])).contains("not a text file"));
}

#[test]
fn a_version_1_file_is_migrated_to_the_current_version() {
    let loaded = from_json_str_with_migration(V1_MIDMARKET).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.migrated, Some(Migration { from: 1, to: 2 }));
    assert_eq!(loaded.portfolio.version, FORMAT_VERSION);
    // Saved, it is a current file: reading it again migrates nothing and gives the same.
    let saved = to_json_string(&loaded.portfolio).unwrap_or_else(|e| panic!("{e}"));
    let again = from_json_str_with_migration(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.migrated, None);
    assert_eq!(again.portfolio, loaded.portfolio);
    // The byte paths report it too.
    let from_bytes = from_slice_with_migration(V1_MIDMARKET.as_bytes()).map(|l| l.migrated);
    assert_eq!(from_bytes.ok(), Some(loaded.migrated));
}

#[test]
fn migrate_steps_up_to_the_current_version_and_refuses_unknown_ones() {
    let mut p = from_json_str(V1_MIDMARKET).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(migrate(&mut p), Ok(None), "already current once loaded");
    p.version = 1;
    assert_eq!(migrate(&mut p), Ok(Some(Migration { from: 1, to: 2 })));
    assert_eq!(p.version, 2);
    p.version = 0;
    assert_eq!(migrate(&mut p), Err(LoadProblem::UnknownVersion { version: 0 }));
    p.version = 3;
    assert_eq!(migrate(&mut p), Err(LoadProblem::NewerVersion { version: 3 }));
    assert_eq!(p.version, 3, "a refused portfolio is left as it was");
}

#[test]
fn load_names_the_file() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("fund.json");
    let msg = message(load(&path));
    assert!(
        msg.contains("fund.json") && msg.contains("could not be read"),
        "{msg}"
    );
    std::fs::write(&path, "{")?;
    assert!(message(load(&path)).contains("fund.json"));
    Ok(())
}

#[test]
fn save_replaces_atomically_and_failure_keeps_the_original() -> std::io::Result<()> {
    let p = from_json_str(sample_text()).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("fund.json");
    std::fs::write(&path, "old contents")?;
    save(&path, &p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(load(&path).ok(), Some(p.clone()));
    assert_eq!(
        std::fs::read_dir(dir.path())?.count(),
        1,
        "no temporary file is left"
    );

    // A folder that does not exist: an error naming the path, nothing created.
    let missing = dir.path().join("nope").join("fund.json");
    let err = save(&missing, &p)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("nope"), "{err}");

    // The target is a folder: the rename fails and the folder's contents survive.
    let folder = dir.path().join("taken.json");
    std::fs::create_dir(&folder)?;
    std::fs::write(folder.join("inside"), "keep")?;
    assert!(save(&folder, &p).is_err());
    assert_eq!(std::fs::read_to_string(folder.join("inside"))?, "keep");
    assert_eq!(
        std::fs::read_to_string(&path)?,
        to_json_string(&p).unwrap_or_default()
    );
    Ok(())
}

#[test]
fn a_fraction_in_a_whole_number_field_says_so() {
    let text = sample_text().replacen(
        "\"investment_period_years\": 5",
        "\"investment_period_years\": 5.5",
        1,
    );
    assert_ne!(text, sample_text(), "the sample has the field");
    let msg = message(from_json_str(&text));
    assert!(
        msg.contains("fund.investment_period_years")
            && msg.contains("whole number")
            && !msg.contains("strings"),
        "{msg}"
    );
    // The line is the field's own.
    let line = text
        .lines()
        .position(|l| l.contains("investment_period_years"))
        .map_or(0, |i| i + 1);
    assert!(
        msg.contains(&format!("line {line},")),
        "{msg} (expected line {line})"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{}", sample_text());
    assert_eq!(from_json_str(&with_bom).ok(), from_json_str(sample_text()).ok());
    assert!(from_slice(with_bom.as_bytes()).is_ok());
    assert!(message(from_json_str("\u{feff}")).contains("empty"));
}

#[test]
fn an_error_inside_uncertainty_points_at_the_member_and_its_line() {
    let text = SAMPLES[1].1;
    let bad = text.replacen("\"sd\": \"1.25\"", "\"sd\": \"1.2.5\"", 1);
    assert_ne!(bad, text, "the sample has the member");
    let line = bad.lines().position(|l| l.contains("1.2.5")).map_or(0, |i| i + 1);
    let msg = message(from_json_str(&bad));
    assert!(msg.contains("uncertainty.exit_multiple_shift.sd"), "{msg}");
    assert!(
        msg.contains(&format!("line {line},")),
        "{msg} (expected line {line})"
    );

    // An unknown member is found by its name.
    let bad = text.replacen("\"mode\": \"0.9\"", "\"mood\": \"0.9\"", 1);
    let line = bad.lines().position(|l| l.contains("mood")).map_or(0, |i| i + 1);
    let msg = message(from_json_str(&bad));
    assert!(msg.contains("uncertainty.realisation_scale.mood"), "{msg}");
    assert!(
        msg.contains(&format!("line {line},")),
        "{msg} (expected line {line})"
    );
}

#[test]
fn saving_over_a_read_only_file_is_refused() -> std::io::Result<()> {
    let p = from_json_str(sample_text()).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("fund.json");
    std::fs::write(&path, "old contents")?;
    let mut permissions = std::fs::metadata(&path)?.permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions)?;
    let err = save(&path, &p);
    assert!(
        matches!(&err, Err(SaveError::ReadOnly { path: p }) if p == &path),
        "{err:?}"
    );
    assert_eq!(std::fs::read_to_string(&path)?, "old contents");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Err(e) = from_slice(&bytes) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn mutated_samples_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let mut bytes = sample_text().as_bytes().to_vec();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 if i < bytes.len() => { bytes.remove(i); }
                _ => bytes.insert(i.min(bytes.len()), byte),
            }
        }
        if let Err(e) = from_slice(&bytes) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn replaced_values_never_panic(pick in any::<prop::sample::Index>(), replacement in prop_oneof![
        Just(serde_json::Value::Null),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]) {
        let mut value: serde_json::Value = serde_json::from_str(sample_text()).unwrap_or_default();
        let mut leaves = Vec::new();
        collect_pointers(&value, String::new(), &mut leaves);
        let pointer = leaves[pick.index(leaves.len())].clone();
        if let Some(slot) = value.pointer_mut(&pointer) {
            *slot = replacement;
        }
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        if let Ok(p) = from_json_str(&text) {
            // Whatever loads also validates and computes without panicking; a refusal
            // says why.
            if let Err(e) = crate::engine::compute(&p) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

fn collect_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                collect_pointers(v, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

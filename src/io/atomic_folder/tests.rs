//! The pack folder: whole renames, replacing an older pack, and the report of a
//! failure part-way.

use super::*;

fn files(tag: &str) -> Vec<(String, Vec<u8>)> {
    ["a.svg", "b.csv", "c.xlsx"]
        .iter()
        .map(|name| ((*name).to_string(), format!("{tag} {name}").into_bytes()))
        .collect()
}

fn entries(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    Ok(names)
}

#[test]
fn a_new_folder_appears_whole_and_no_temp_folder_remains() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("nested").join("pack");
    let written = write_folder_atomically(&out, &files("new")).map_err(std::io::Error::other)?;
    assert_eq!(
        written,
        vec![out.join("a.svg"), out.join("b.csv"), out.join("c.xlsx")]
    );
    assert_eq!(entries(&out)?, ["a.svg", "b.csv", "c.xlsx"]);
    assert_eq!(std::fs::read_to_string(out.join("b.csv"))?, "new b.csv");
    assert_eq!(
        entries(&dir.path().join("nested"))?,
        ["pack"],
        "no temporary folder left"
    );

    // An empty folder that exists already is filled the same way.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty)?;
    write_folder_atomically(&empty, &files("new")).map_err(std::io::Error::other)?;
    assert_eq!(entries(&empty)?, ["a.svg", "b.csv", "c.xlsx"]);
    Ok(())
}

#[test]
fn a_folder_holding_an_older_pack_gets_every_new_file_and_keeps_the_users_own() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("pack");
    write_folder_atomically(&out, &files("old")).map_err(std::io::Error::other)?;
    std::fs::write(out.join("my notes.txt"), "mine")?;

    write_folder_atomically(&out, &files("new")).map_err(std::io::Error::other)?;
    for name in ["a.svg", "b.csv", "c.xlsx"] {
        assert_eq!(std::fs::read_to_string(out.join(name))?, format!("new {name}"));
    }
    assert_eq!(std::fs::read_to_string(out.join("my notes.txt"))?, "mine");
    assert_eq!(entries(dir.path())?, ["pack"], "no temporary folder left");
    Ok(())
}

#[test]
fn a_failure_part_way_names_the_files_of_each_run() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("pack");
    write_folder_atomically(&out, &files("old")).map_err(std::io::Error::other)?;
    // `b.csv` replaced by a non-empty folder: renaming a file over it fails.
    std::fs::remove_file(out.join("b.csv"))?;
    std::fs::create_dir(out.join("b.csv"))?;
    std::fs::write(out.join("b.csv").join("inside"), "x")?;

    let Err(err) = write_folder_atomically(&out, &files("new")) else {
        panic!("the move must fail at b.csv");
    };
    let message = err.to_string();
    let FolderWriteError::PartlyMoved(report) = err else {
        panic!("expected PartlyMoved, got {message}");
    };
    let PartlyMoved {
        failed,
        new_files,
        old_files,
        kept_in,
        ..
    } = *report;
    assert_eq!(failed, "b.csv");
    assert_eq!(new_files, ["a.svg"]);
    assert_eq!(old_files, ["b.csv", "c.xlsx"]);
    assert_eq!(std::fs::read_to_string(out.join("a.svg"))?, "new a.svg");
    assert_eq!(std::fs::read_to_string(out.join("c.xlsx"))?, "old c.xlsx");
    assert_eq!(
        std::fs::read_to_string(kept_in.join("c.xlsx"))?,
        "new c.xlsx",
        "kept for the user"
    );
    assert!(
        message.contains("From this run: a.svg")
            && message.contains("earlier run (or missing): b.csv, c.xlsx"),
        "{message}"
    );
    Ok(())
}

#[test]
fn a_destination_that_is_a_file_or_refuses_the_first_file_is_left_unchanged() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("pack");
    std::fs::write(&file, "a file")?;
    let err = write_folder_atomically(&file, &files("new"));
    assert!(matches!(err, Err(FolderWriteError::Unchanged { .. })), "{err:?}");
    assert_eq!(std::fs::read_to_string(&file)?, "a file");

    let out = dir.path().join("folder");
    write_folder_atomically(&out, &files("old")).map_err(std::io::Error::other)?;
    std::fs::remove_file(out.join("a.svg"))?;
    std::fs::create_dir(out.join("a.svg"))?;
    std::fs::write(out.join("a.svg").join("inside"), "x")?;
    let err = write_folder_atomically(&out, &files("new"));
    assert!(matches!(err, Err(FolderWriteError::Unchanged { .. })), "{err:?}");
    assert_eq!(std::fs::read_to_string(out.join("b.csv"))?, "old b.csv");
    assert_eq!(
        entries(dir.path())?,
        ["folder", "pack"],
        "the temporary folder is removed"
    );
    Ok(())
}

#[test]
fn a_file_that_cannot_be_staged_leaves_the_destination_unchanged() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("pack");
    write_folder_atomically(&out, &files("old")).map_err(std::io::Error::other)?;
    let bad = vec![
        ("a.svg".to_string(), b"new".to_vec()),
        ("no/such/dir.csv".to_string(), vec![]),
    ];
    let err = write_folder_atomically(&out, &bad);
    assert!(matches!(err, Err(FolderWriteError::Unchanged { .. })), "{err:?}");
    assert_eq!(std::fs::read_to_string(out.join("a.svg"))?, "old a.svg");
    assert_eq!(entries(dir.path())?, ["pack"], "the temporary folder is removed");
    Ok(())
}

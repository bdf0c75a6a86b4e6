//! Atomic writes: replacement, permissions, failures, links, read-only files, folder sync.

use super::*;

#[test]
fn replaces_existing_file_and_leaves_no_temp() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("out.csv");
    std::fs::write(&target, "old")?;
    write_atomically(&target, b"new")?;
    assert_eq!(std::fs::read_to_string(&target)?, "new");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}

#[cfg(unix)]
#[test]
fn keeps_the_replaced_files_permissions() -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("fund.json");
    write_atomically(&target, b"one")?;
    assert_eq!(std::fs::metadata(&target)?.permissions().mode() & 0o777, 0o644);
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640))?;
    write_atomically(&target, b"two")?;
    assert_eq!(std::fs::metadata(&target)?.permissions().mode() & 0o777, 0o640);
    Ok(())
}

#[test]
fn failure_keeps_the_original() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    // The target is a non-empty folder: rename over it fails on every platform.
    let target = dir.path().join("taken");
    std::fs::create_dir(&target)?;
    std::fs::write(target.join("keep.txt"), "keep")?;
    assert!(write_atomically(&target, b"x").is_err());
    assert_eq!(std::fs::read_to_string(target.join("keep.txt"))?, "keep");
    assert_eq!(
        std::fs::read_dir(dir.path())?.count(),
        1,
        "no temp file left behind"
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symlinked_target_is_written_through_and_the_link_kept() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir(dir.path().join("real"))?;
    let real = dir.path().join("real").join("fund.json");
    std::fs::write(&real, "old")?;
    let link = dir.path().join("fund.json");
    // A relative link, resolved against the link's own folder.
    std::os::unix::fs::symlink("real/fund.json", &link)?;

    write_atomically(&link, b"new")?;
    assert!(
        std::fs::symlink_metadata(&link)?.file_type().is_symlink(),
        "the link survives"
    );
    assert_eq!(std::fs::read_link(&link)?, Path::new("real/fund.json"));
    assert_eq!(
        std::fs::read_to_string(&real)?,
        "new",
        "the real file has the new bytes"
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("real"))?.count(),
        1,
        "no temp file left"
    );

    // A dangling link creates the file it points at.
    let dangling = dir.path().join("new.json");
    std::os::unix::fs::symlink(dir.path().join("real").join("made.json"), &dangling)?;
    write_atomically(&dangling, b"made")?;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("real").join("made.json"))?,
        "made"
    );
    assert!(std::fs::symlink_metadata(&dangling)?.file_type().is_symlink());
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_an_error_not_a_hang() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::os::unix::fs::symlink(&b, &a)?;
    std::os::unix::fs::symlink(&a, &b)?;
    let err = try_write_atomically(&a, b"x")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("loop"), "{err}");
    Ok(())
}

#[test]
fn a_read_only_target_is_refused_and_unchanged() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("fund.json");
    std::fs::write(&target, "precious")?;
    let mut permissions = std::fs::metadata(&target)?.permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&target, permissions)?;

    let err = try_write_atomically(&target, b"replacement");
    assert!(
        matches!(&err, Err(WriteError::ReadOnly { path }) if path == &target),
        "{err:?}"
    );
    let message = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("read-only") && message.contains("fund.json"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&target)?, "precious");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 1, "no temp file left");

    // Through the io::Error form the typed error is still there.
    let io = write_atomically(&target, b"replacement").err();
    assert_eq!(
        io.as_ref().map(std::io::Error::kind),
        Some(std::io::ErrorKind::PermissionDenied)
    );
    let inner = io
        .as_ref()
        .and_then(|e| e.get_ref())
        .and_then(|e| e.downcast_ref::<WriteError>());
    assert!(matches!(inner, Some(WriteError::ReadOnly { .. })));
    Ok(())
}

/// That the folder's entries reached the disk cannot be observed without pulling the
/// power; what can be checked is that every successful write syncs the folder once, after
/// the rename (a failed rename returns before it).
#[test]
fn every_write_syncs_its_folder_after_the_rename() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let before = folder_syncs();
    write_atomically(&dir.path().join("a.csv"), b"1")?;
    write_atomically(&dir.path().join("a.csv"), b"2")?;
    assert_eq!(folder_syncs() - before, 2);
    let taken = dir.path().join("taken");
    std::fs::create_dir(&taken)?;
    std::fs::write(taken.join("x"), "x")?;
    assert!(write_atomically(&taken, b"3").is_err());
    assert_eq!(folder_syncs() - before, 2, "no sync after a failed rename");
    Ok(())
}

#[test]
fn temp_files_carry_our_name() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = temp_path_for(dir.path(), &dir.path().join("fund.json"));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    assert!(
        name.starts_with(".fund.json.millwright-tmp-") && name.contains(&std::process::id().to_string()),
        "{name}"
    );
    Ok(())
}

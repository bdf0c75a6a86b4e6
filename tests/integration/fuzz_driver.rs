//! The fuzz harness's driver, shared by `examples/fuzz.rs` (long runs) and the CI smoke
//! test (`fuzz_smoke.rs`): feeds one input through every library entry point a user's
//! file reaches — load, validate, the study's every case, small sweeps, every chart and
//! (when asked) the memo pack — and reports the first panic, if any.

// Each includer uses a different part of this module.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use millwright::charts::{self, ChartId};
use millwright::engine::montecarlo::McConfig;
use millwright::engine::study::{Case, GridSettings, Study};
use millwright::engine::validate;
use millwright::export::pack::{self, Source};
use millwright::io::portfolio_file;

/// How much work one input gets.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Run the tornado, a 2×2 grid and a 20-path Monte Carlo.
    pub sweeps: bool,
    /// Write the memo pack into a temporary folder.
    pub export: bool,
}

/// A panic: where and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Panic {
    pub stage: &'static str,
    pub message: String,
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    static FUZZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

static QUIET_EVERYWHERE: AtomicBool = AtomicBool::new(false);

/// Keeps panics on every thread quiet (worker threads of a Monte Carlo run too): for the
/// long-running example, where nothing else runs.
pub fn quiet_every_thread() {
    QUIET_EVERYWHERE.store(true, Ordering::Relaxed);
}

/// Installs (once per process) a panic hook that, on a thread inside [`drive`], records
/// the message and location quietly (the summary reports them); other threads' panics
/// (a failing test beside the fuzz test) are printed as usual.
pub fn install_quiet_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if FUZZING.with(std::cell::Cell::get) || QUIET_EVERYWHERE.load(Ordering::Relaxed) {
                record_panic(info);
            } else {
                previous(info);
            }
        }));
    });
}

fn record_panic(info: &std::panic::PanicHookInfo<'_>) {
    let at = our_frame().map_or_else(
        || {
            info.location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default()
        },
        |frame| format!(" in {frame}"),
    );
    LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{}{at}", payload_text(info.payload()))));
}

/// The innermost frame of Millwright's own library code on the panicking stack (the
/// panic itself is usually inside rust_decimal): `function (src/file.rs:line)` from the
/// line tables, or the first `millwright::` function when there are none (release).
fn our_frame() -> Option<String> {
    let trace = std::backtrace::Backtrace::force_capture().to_string();
    let lines: Vec<&str> = trace.lines().map(str::trim).collect();
    let function_of = |line: &str| line.split_once(": ").map(|(_, f)| f.to_string());
    for pair in lines.windows(2) {
        if let [function, place] = pair
            && let Some(file) = place.strip_prefix("at ./src/")
        {
            return Some(format!(
                "{} (src/{file})",
                function_of(function).unwrap_or_default()
            ));
        }
    }
    lines.iter().find_map(|line| {
        function_of(line)
            .filter(|f| f.starts_with("millwright::"))
            .map(|f| {
                f.rsplit_once("::h")
                    .map_or(f.clone(), |(name, _)| name.to_string())
            })
    })
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string panic)".into())
}

fn guarded<T>(stage: &'static str, work: impl FnOnce() -> T) -> Result<T, Panic> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| Panic {
        stage,
        // The hook's record has the location; a panic on a worker thread (re-raised
        // here by rayon) has only its payload.
        message: LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| payload_text(payload.as_ref())),
    })
}

/// How far an input got.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reach {
    /// It loaded as a portfolio.
    pub loaded: bool,
    /// Its base case computed (it passed validation).
    pub computed: bool,
}

/// Feeds `bytes` through every entry point: how far it got, or `Err` with the first
/// panic.
pub fn drive(bytes: &[u8], budget: Budget) -> Result<Reach, Panic> {
    install_quiet_panic_hook();
    FUZZING.with(|f| f.set(true));
    let outcome = drive_loaded(bytes, budget);
    FUZZING.with(|f| f.set(false));
    outcome
}

fn drive_loaded(bytes: &[u8], budget: Budget) -> Result<Reach, Panic> {
    let Ok(portfolio) = guarded("load", || portfolio_file::from_slice(bytes))? else {
        return Ok(Reach::default());
    };
    guarded("validate", || validate::validate(&portfolio))?;
    let mut study = guarded("study", || Study::new(portfolio, 1))?;
    let cases = guarded("cases", || study.cases())?;
    for case in &cases {
        guarded("case result", || study.result(case).map(|_| ()))?.ok();
    }
    let base = Case::Base;
    let computed = guarded("case result", || study.result(&base).is_ok())?;
    if budget.sweeps || budget.export {
        guarded("tornado", || {
            study.ensure_tornado(&base);
        })?;
        guarded("grid", || {
            study.ensure_grid(&base, &small_grid(&study));
        })?;
        let config = McConfig {
            paths: 20,
            ..McConfig::default()
        };
        guarded("monte carlo", || {
            study.ensure_monte_carlo(&base, &config);
        })?;
    }
    for case in &cases {
        for id in ChartId::ALL {
            guarded("chart", || charts::build(id, &study, case).map(|_| ()))?.ok();
        }
    }
    if budget.export {
        let dir = tempfile::tempdir().map_err(|e| Panic {
            stage: "export",
            message: format!("no temporary folder: {e}"),
        })?;
        let source = Source {
            file_name: "fuzz.json".into(),
            model_date: "2026-12-01".into(),
        };
        let out = dir.path().join("pack");
        guarded("export", || {
            pack::export_pack(&mut study, &base, &source, &out, &mut |_, _| {}).map(|_| ())
        })?
        .ok();
    }
    Ok(Reach {
        loaded: true,
        computed,
    })
}

/// The pack's heatmap (its drivers on their tornado ranges) at 2×2.
fn small_grid(study: &Study) -> GridSettings {
    let mut settings = GridSettings::default_heatmap(study.portfolio());
    settings.x.steps = 2;
    if let Some(y) = &mut settings.y {
        y.steps = 2;
    }
    settings
}

/// A short stable name for an input (hex of its hash).
pub fn input_hash(bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Writes a panicking input to `dir/<hash>.json` and its panic to `dir/<hash>.txt`.
pub fn save_reproducer(dir: &Path, bytes: &[u8], panic: &Panic) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let hash = input_hash(bytes);
    let path = dir.join(format!("{hash}.json"));
    std::fs::write(&path, bytes)?;
    std::fs::write(
        dir.join(format!("{hash}.txt")),
        format!("stage: {}\npanic: {}\n", panic.stage, panic.message),
    )?;
    Ok(path)
}

/// Counts of panics by stage and message, for the summary.
#[derive(Debug, Default)]
pub struct Tally {
    pub iterations: u64,
    pub loaded: u64,
    pub computed: u64,
    pub panics: BTreeMap<Panic, u64>,
}

impl Tally {
    pub fn record(&mut self, outcome: &Result<Reach, Panic>) {
        self.iterations += 1;
        match outcome {
            Ok(reach) => {
                self.loaded += u64::from(reach.loaded);
                self.computed += u64::from(reach.computed);
            }
            Err(panic) => *self.panics.entry(panic.clone()).or_default() += 1,
        }
    }

    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} iterations, {} loaded, {} computed, {} panicked ({} distinct)\n",
            self.iterations,
            self.loaded,
            self.computed,
            self.panics.values().sum::<u64>(),
            self.panics.len()
        );
        for (panic, count) in &self.panics {
            text.push_str(&format!("  {count:>6} × [{}] {}\n", panic.stage, panic.message));
        }
        text
    }
}

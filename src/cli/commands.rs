//! What each command does.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, anyhow};

use super::Failure;
use super::args::{Cli, Command};
use super::output;
use crate::charts::ChartId;
use crate::engine::model::Portfolio;
use crate::engine::validate::{self, Severity};
use crate::engine::{self, scenario};
use crate::export::{memo_chart, pack};
use crate::io::{flows_csv, portfolio_file};

type Outcome = Result<(), Failure>;

pub fn execute(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Outcome {
    match cli.command {
        None => open_app(cli.file),
        Some(Command::Check { file }) => check(&file, stdout),
        Some(Command::Summary { file, json, scenario }) => {
            let (portfolio, result) = computed(&file, scenario.as_deref())?;
            let scenario_name = scenario.unwrap_or_else(|| "Base".to_string());
            let text = if json {
                crate::export::tables::summary_json(&portfolio, &scenario_name, &result.metrics)
            } else {
                output::summary_text(&portfolio, &scenario_name, &result)
            };
            writeln!(stdout, "{text}").context("could not write the summary")?;
            Ok(())
        }
        Some(Command::Cashflows { file, out, scenario }) => {
            let (_, result) = computed(&file, scenario.as_deref())?;
            let csv = crate::export::tables::cashflows_csv(&result)?;
            match out {
                Some(path) => crate::io::write_atomically(&path, csv.as_bytes())
                    .with_context(|| format!("could not write {}", path.display()))?,
                None => stdout
                    .write_all(csv.as_bytes())
                    .context("could not write the cash flows")?,
            }
            Ok(())
        }
        Some(Command::Xirr { csv }) => xirr(csv.as_deref(), stdout, stderr),
        Some(Command::Sensitivity {
            file,
            list_drivers,
            x,
            y,
            metric,
            tornado,
            scenario,
        }) => super::sweeps::sensitivity(
            file.as_deref(),
            list_drivers,
            x.as_deref(),
            y.as_deref(),
            &metric,
            tornado,
            scenario.as_deref(),
            stdout,
        ),
        Some(Command::Montecarlo {
            file,
            paths,
            seed,
            json,
            scenario,
        }) => super::sweeps::monte_carlo(&file, paths, seed, json, scenario.as_deref(), stdout),
        Some(Command::Goalseek {
            file,
            driver,
            metric,
            target,
            low,
            high,
            scenario,
        }) => super::sweeps::goal_seek(
            &file,
            &driver,
            &metric,
            target,
            low,
            high,
            scenario.as_deref(),
            stdout,
        ),
        Some(Command::Chart {
            file,
            list,
            chart,
            out,
            scenario,
            width,
            height,
        }) => {
            if list {
                for id in ChartId::ALL {
                    writeln!(stdout, "{:<22} {}", id.name(), id.title()).context("could not write")?;
                }
                return Ok(());
            }
            let (Some(file), Some(name), Some(out)) = (file, chart, out) else {
                return Err(Failure::Usage(
                    "chart needs FILE, --chart NAME and --out PATH (or --list)".into(),
                ));
            };
            let Some(id) = ChartId::ALL.into_iter().find(|c| c.name() == name) else {
                let names: Vec<&str> = ChartId::ALL.iter().map(|c| c.name()).collect();
                return Err(Failure::Usage(format!(
                    "there is no chart '{name}'; charts: {}",
                    names.join(", ")
                )));
            };
            let extension = out
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let (portfolio, result) = computed(&file, scenario.as_deref())?;
            let source = source_of(&file, scenario.as_deref());
            let text = pack::memo_text(&portfolio, &result, &source);
            let data = crate::charts::series::build(id, &portfolio, &result);
            let bytes = match extension.as_deref() {
                Some("svg") => {
                    let size = (
                        width.unwrap_or(memo_chart::SVG_SIZE.0),
                        height.unwrap_or(memo_chart::SVG_SIZE.1),
                    );
                    memo_chart::svg(&data, &text, size)
                        .map_err(|e| Failure::Data(anyhow!(e)))?
                        .into_bytes()
                }
                Some("png") => {
                    let size = (
                        width.unwrap_or(memo_chart::PNG_SIZE.0),
                        height.unwrap_or(memo_chart::PNG_SIZE.1),
                    );
                    memo_chart::png(&data, &text, size).map_err(|e| Failure::Data(anyhow!(e)))?
                }
                _ => {
                    return Err(Failure::Usage(format!(
                        "{}: the output must end in .svg or .png",
                        out.display()
                    )));
                }
            };
            crate::io::write_atomically(&out, &bytes)
                .with_context(|| format!("could not write {}", out.display()))?;
            Ok(())
        }
        Some(Command::Export { file, out, scenario }) => {
            let (portfolio, result) = computed(&file, scenario.as_deref())?;
            let source = source_of(&file, scenario.as_deref());
            let written = pack::export_pack(&portfolio, &result, &source, &out, &mut |_, _| {})
                .map_err(|e| Failure::Data(anyhow!(e)))?;
            for path in written {
                writeln!(stdout, "{}", path.display()).context("could not write")?;
            }
            Ok(())
        }
    }
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>) -> Outcome {
    crate::app::run(file).map_err(Failure::Data)
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>) -> Outcome {
    Err(Failure::Usage(
        "this build has no desktop app (built without the `gui` feature); use a command such as `summary`"
            .into(),
    ))
}

fn load(file: &Path) -> Result<Portfolio, Failure> {
    portfolio_file::load(file).map_err(|e| Failure::Data(anyhow!(e)))
}

/// Loads `file` and applies `scenario`, checking that the result computes.
pub fn computed_model(file: &Path, scenario: Option<&str>) -> Result<Portfolio, Failure> {
    computed(file, scenario).map(|(portfolio, _)| portfolio)
}

/// Loads `file`, applies `scenario` and computes it.
pub fn computed(
    file: &Path,
    scenario: Option<&str>,
) -> Result<(Portfolio, engine::results::FundResult), Failure> {
    let base = load(file)?;
    let portfolio = match scenario {
        Some(name) => scenario::apply_named(&base, name).map_err(|e| Failure::Data(anyhow!(e)))?,
        None => base,
    };
    let result = engine::compute(&portfolio).map_err(|e| match e {
        engine::EngineError::Invalid(problems) => Failure::Data(anyhow!(
            "{} has {} problem(s); run `millwright check` for the list:\n{}",
            file.display(),
            problems.len(),
            problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
        other => Failure::Data(anyhow!(other)),
    })?;
    Ok((portfolio, result))
}

fn check(file: &Path, stdout: &mut dyn Write) -> Outcome {
    let portfolio = load(file)?;
    let problems = validate::validate(&portfolio);
    for problem in &problems {
        writeln!(stdout, "{problem}").context("could not write")?;
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    if errors > 0 {
        return Err(Failure::Data(anyhow!(
            "{}: {errors} error(s), {warnings} warning(s)",
            file.display()
        )));
    }
    writeln!(
        stdout,
        "{}: ok — {} stages, {} companies, {warnings} warning(s)",
        file.display(),
        portfolio.stages.len(),
        portfolio.companies.len()
    )
    .context("could not write")?;
    Ok(())
}

fn xirr(csv: Option<&Path>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Outcome {
    let text = match csv {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))?
        }
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("could not read standard input")?;
            text
        }
    };
    let flows = flows_csv::parse_dated_flows(&text).map_err(|e| Failure::Data(anyhow!(e)))?;
    let irr = engine::xirr::xirr(&flows).map_err(|e| Failure::Data(anyhow!(e)))?;
    writeln!(stdout, "{}", irr.rate).context("could not write")?;
    for other in &irr.other_roots {
        writeln!(stderr, "note: the flows have another IRR: {other}").context("could not write")?;
    }
    Ok(())
}

/// Where the figures come from, for chart subtitles and footnotes.
fn source_of(file: &Path, scenario: Option<&str>) -> pack::Source {
    pack::Source {
        file_name: file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        scenario: scenario.unwrap_or("Base").to_string(),
        model_date: chrono::Local::now().date_naive().to_string(),
    }
}

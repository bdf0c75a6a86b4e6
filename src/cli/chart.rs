//! `chart`: one chart as a memo-ready SVG or PNG (by the output's extension), or the list
//! of chart names.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use super::{Failure, Outcome, opened, values};
use crate::charts::{self, ChartId};
use crate::engine::montecarlo::McConfig;
use crate::engine::study::GridSettings;
use crate::export::{memo_chart, pack};

/// Export one chart as a memo-ready SVG or PNG (by the file extension).
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// Portfolio file (JSON); not needed with --list.
    #[arg(required_unless_present = "list")]
    pub file: Option<PathBuf>,
    /// List the chart names.
    #[arg(long)]
    pub list: bool,
    /// Which chart (see --list).
    #[arg(long, required_unless_present = "list", value_parser = values::chart())]
    pub chart: Option<ChartId>,
    /// Output file: PATH.svg or PATH.png.
    #[arg(long, required_unless_present = "list")]
    pub out: Option<PathBuf>,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Width in pixels (default 1200 for SVG, 2400 for PNG).
    #[arg(long, value_parser = values::pixels())]
    pub width: Option<u32>,
    /// Height in pixels (default 750 for SVG, 1500 for PNG).
    #[arg(long, value_parser = values::pixels())]
    pub height: Option<u32>,
}

/// The file format a chart is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

impl Format {
    fn of(out: &Path) -> Result<Format, Failure> {
        let extension = out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("svg") => Ok(Format::Svg),
            Some("png") => Ok(Format::Png),
            _ => Err(Failure::Usage(format!(
                "{}: the output must end in .svg or .png",
                out.display()
            ))),
        }
    }

    fn default_size(self) -> (u32, u32) {
        match self {
            Format::Svg => memo_chart::SVG_SIZE,
            Format::Png => memo_chart::PNG_SIZE,
        }
    }
}

/// Lists the charts, or writes the one asked for.
pub fn run(args: &ChartArgs, out: &mut dyn Write) -> Outcome {
    if args.list {
        for &id in values::CHARTS.iter() {
            writeln!(out, "{:<22} {}", id.name(), id.title()).context("could not write")?;
        }
        return Ok(());
    }
    let (Some(file), Some(id), Some(path)) = (&args.file, args.chart, &args.out) else {
        return Err(Failure::Usage(
            "chart needs FILE, --chart NAME and --out PATH (or --list)".into(),
        ));
    };
    let format = Format::of(path)?;
    opened::refuse_overwriting(file, path, "--out")?;
    let mut opened = opened::open(file, args.scenario.as_deref())?;
    let (default_width, default_height) = format.default_size();
    let size = (
        args.width.unwrap_or(default_width),
        args.height.unwrap_or(default_height),
    );
    let bytes = render(&mut opened, id, format, size)?;
    crate::io::write_atomically(path, &bytes)
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(())
}

/// Runs the analysis chart `id` shows on the opened case (charts never run one
/// themselves): the tornado, the memo heatmap's grid or the default Monte Carlo.
fn run_analysis(opened: &mut opened::Opened, id: ChartId) -> Result<(), Failure> {
    let case = &opened.case;
    match id {
        ChartId::Tornado => {
            opened.study.ensure_tornado(case);
        }
        ChartId::Heatmap => {
            let settings = GridSettings::default_heatmap(&*opened.model()?);
            opened.study.ensure_grid(case, &settings);
        }
        ChartId::MonteCarloNavFan | ChartId::MonteCarloCashFan | ChartId::MonteCarloHistogram => {
            opened.study.ensure_monte_carlo(case, &McConfig::default());
        }
        ChartId::AiUplift => {
            drop(opened.study.ensure_ai_programme(case));
            // The simulated P10–P90 band comes from the default Monte Carlo run.
            opened.study.ensure_monte_carlo(case, &McConfig::default());
        }
        ChartId::ValueOfStaging => {
            let config = McConfig {
                compare_ungated: true,
                ..McConfig::default()
            };
            opened.study.ensure_monte_carlo(case, &config);
        }
        _ => {}
    }
    Ok(())
}

/// Chart `id` of the opened case in `format` at `size`.
fn render(
    opened: &mut opened::Opened,
    id: ChartId,
    format: Format,
    size: (u32, u32),
) -> Result<Vec<u8>, Failure> {
    opened.result()?;
    run_analysis(opened, id)?;
    let text = pack::memo_text(&opened.study, &opened.case, &opened.source())
        .map_err(|e| Failure::Data(anyhow!(e)))?;
    let chart = charts::build(id, &opened.study, &opened.case).map_err(|e| Failure::Data(anyhow!(e)))?;
    let bytes = match format {
        Format::Svg => memo_chart::svg(&chart, &text, size)
            .map_err(|e| Failure::Data(anyhow!(e)))?
            .into_bytes(),
        Format::Png => memo_chart::png(&chart, &text, size).map_err(|e| Failure::Data(anyhow!(e)))?,
    };
    Ok(bytes)
}

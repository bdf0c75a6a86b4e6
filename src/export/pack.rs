//! The memo pack: every chart as SVG and PNG, `summary.csv`, `cashflows.csv`,
//! `companies.csv` and `model.xlsx` of one case, built from a [`Study`] (each analysis
//! runs at most once, and a run the user already made is reused), rendered in memory
//! first, then written into a temporary folder and moved into place whole.

use std::path::{Path, PathBuf};

use super::memo_chart::{self, MemoText, PNG_SIZE, SVG_SIZE};
use super::{tables, workbook};
use crate::charts::{self, ChartId, ChartUnavailable};
use crate::engine::model::Portfolio;
use crate::engine::montecarlo::McConfig;
use crate::engine::study::{Case, CaseError, GridSettings, Study};

/// Why the pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The case to export has no results.
    #[error("{case} cannot be exported: {source}")]
    Case {
        /// The case asked for.
        case: Case,
        /// Why it does not compute.
        source: Box<CaseError>,
    },
    /// A chart of the pack cannot be built from the study.
    #[error(transparent)]
    Unavailable(Box<ChartUnavailable>),
    /// A chart could not be drawn or encoded.
    #[error(transparent)]
    Draw(#[from] memo_chart::ChartError),
    /// The Excel workbook could not be built.
    #[error("could not build the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// A CSV table could not be built.
    #[error("could not build a table: {0}")]
    Table(#[from] anyhow::Error),
    /// A file could not be written.
    #[error("could not write {path}: {source}")]
    Write {
        /// The file that failed.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The pack's folder could not be staged or moved into place.
    #[error(transparent)]
    Folder(Box<crate::io::FolderWriteError>),
}

impl From<crate::io::FolderWriteError> for ExportError {
    fn from(e: crate::io::FolderWriteError) -> Self {
        ExportError::Folder(Box::new(e))
    }
}

impl From<ChartUnavailable> for ExportError {
    fn from(e: ChartUnavailable) -> Self {
        ExportError::Unavailable(Box::new(e))
    }
}

/// Where the numbers came from, for footnotes and metadata (the case comes from the
/// study, so a chart can never name another case than the one it shows).
#[derive(Debug, Clone)]
pub struct Source {
    /// The portfolio file's name, without its folder (`industrial_ai_100b.json`), or the
    /// fund's name when the model is not saved to a file.
    pub file_name: String,
    /// The date the model was computed (ISO).
    pub model_date: String,
}

/// The words around every chart of `case`: its own model's terms and results, and the
/// marking policy in force (the charts built on marks also say it in their subtitles).
pub fn memo_text(study: &Study, case: &Case, source: &Source) -> Result<MemoText, ExportError> {
    let unavailable = |source| ExportError::Case {
        case: case.clone(),
        source: Box::new(source),
    };
    let portfolio = study.model(case).map_err(unavailable)?;
    let result = study.result(case).map_err(unavailable)?;
    let m = &result.metrics;
    let irr = m
        .net_irr
        .as_ref()
        .map_or_else(|_| "n/a".to_string(), |r| crate::units::format_percent(*r));
    let tvpi = m.tvpi.map_or_else(|| "n/a".into(), crate::units::format_multiple);
    let fund = &portfolio.fund;
    Ok(MemoText {
        subtitle: format!("Model computed {} · {}", source.model_date, source.file_name),
        footnote: format!(
            "Source: {}, {case}; Millwright model computed {}. Figures in {}; projections, not forecasts.",
            source.file_name, source.model_date, fund.currency
        ),
        description: format!(
            "Fund: {}; commitment {}; {case}; {} companies in {} stages; net IRR {irr}; TVPI {tvpi}; \
             carry {}, preferred return {}, management fee {}; marking policy: {}; source file {}; \
             computed {}.",
            fund.name,
            crate::units::format_money_in(fund.commitment, &fund.currency),
            portfolio.companies.len(),
            portfolio.stages.len(),
            crate::units::format_percent(fund.carry_rate),
            crate::units::format_percent(fund.preferred_return),
            crate::units::format_percent(fund.management_fee_rate),
            crate::charts::marking::marking_description(&portfolio),
            source.file_name,
            source.model_date,
        ),
    })
}

/// Number of files the pack writes (for progress bars).
pub fn file_count() -> usize {
    ChartId::ALL.len() * 2 + 4
}

/// The names of the files the pack writes into its folder, in the order it writes them:
/// each chart as SVG then PNG, then the three CSV tables and the workbook.
pub fn file_names() -> Vec<String> {
    ChartId::ALL
        .iter()
        .flat_map(|id| [format!("{}.svg", id.name()), format!("{}.png", id.name())])
        .chain(["summary.csv", "cashflows.csv", "companies.csv", "model.xlsx"].map(String::from))
        .collect()
}

/// How much work the pack's own analyses may take on a large model: what the pack runs
/// itself (never a run the user made) is sized so that paths × companies and grid cells
/// × companies stay under these, and the charts say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkBudget {
    /// Most paths × companies of the pack's own Monte Carlo run.
    pub monte_carlo_company_paths: usize,
    /// Fewest paths it sizes down to.
    pub min_paths: usize,
    /// Most grid cells × companies of the pack's own heatmap.
    pub grid_company_cells: usize,
    /// Fewest steps per axis it sizes down to (odd, so a centred base stays on the grid).
    pub min_steps: u32,
}

impl WorkBudget {
    /// The pack's budget: the default 10,000 paths and 21 × 21 grid up to 200 and 113
    /// companies; 1,000 paths and a 5 × 5 grid at 2,000 companies and above.
    pub const PACK: WorkBudget = WorkBudget {
        monte_carlo_company_paths: 2_000_000,
        min_paths: 1_000,
        grid_company_cells: 50_000,
        min_steps: 5,
    };

    /// The Monte Carlo configuration the pack runs on `companies` companies.
    pub fn monte_carlo(&self, companies: usize) -> McConfig {
        let default = McConfig::default();
        let paths = (self.monte_carlo_company_paths / companies.max(1))
            .max(self.min_paths)
            .min(default.paths);
        McConfig { paths, ..default }
    }

    /// The heatmap the pack runs on `model`: the default axes, with fewer steps when the
    /// model is large.
    pub fn heatmap(&self, model: &Portfolio) -> GridSettings {
        let mut settings = GridSettings::default_heatmap(model);
        let companies = model.companies.len().max(1);
        let mut steps = settings.x.steps;
        let cells = |n: u32| usize::try_from(n.saturating_mul(n)).unwrap_or(usize::MAX);
        while steps > self.min_steps && cells(steps).saturating_mul(companies) > self.grid_company_cells {
            steps = steps.saturating_sub(2).max(self.min_steps);
        }
        settings.x.steps = steps;
        if let Some(y) = &mut settings.y {
            y.steps = steps;
        }
        settings
    }
}

/// What the pack sized down itself (see [`WorkBudget`]): the notes its charts carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackSizing {
    /// The heatmap's note when the pack ran a coarser grid than the default.
    pub heatmap: Option<String>,
    /// The Monte Carlo charts' note when the pack ran fewer paths than the default.
    pub monte_carlo: Option<String>,
}

/// Runs what the pack's analysis charts need on `case`, reusing what the study already
/// holds: a tornado, the user's grid (or the default heatmap) and the user's Monte Carlo
/// run (or one of the default configuration). Each runs at most once. On a large model
/// the analyses the user has not run are sized by [`WorkBudget::PACK`].
pub fn prepare_analyses(study: &mut Study, case: &Case) -> PackSizing {
    prepare_analyses_within(study, case, &WorkBudget::PACK)
}

/// [`prepare_analyses`] with the analyses the user has not run sized by `budget`;
/// returns what was sized down, for the charts' notes.
pub fn prepare_analyses_within(study: &mut Study, case: &Case, budget: &WorkBudget) -> PackSizing {
    let mut sizing = PackSizing::default();
    study.ensure_tornado(case);
    drop(study.ensure_ai_programme(case));
    if study.grid(case).is_none()
        && let Ok(model) = study.model(case)
    {
        let full = GridSettings::default_heatmap(&model);
        let settings = budget.heatmap(&model);
        if settings != full {
            let steps = |s: &GridSettings| {
                let y = s.y.as_ref().map_or(1, |y| y.steps);
                format!("{} × {y}", s.x.steps)
            };
            sizing.heatmap = Some(format!(
                "{} steps for this {}-company model ({} by default).",
                steps(&settings),
                model.companies.len(),
                steps(&full)
            ));
        }
        study.ensure_grid(case, &settings);
    }
    if study.monte_carlo(case).is_none() {
        let companies = study.model(case).map_or(0, |m| m.companies.len());
        let config = budget.monte_carlo(companies);
        let default = McConfig::default();
        if config.paths < default.paths {
            sizing.monte_carlo = Some(format!(
                "{} paths for this {companies}-company model ({} by default); run Monte Carlo \
                 in the app for more.",
                config.paths, default.paths
            ));
        }
        study.ensure_monte_carlo(case, &config);
    }
    sizing
}

/// Chart `id` of `case`, its note saying when the pack sized its analysis down.
pub fn chart_with_note(
    id: ChartId,
    study: &Study,
    case: &Case,
    sizing: &PackSizing,
) -> Result<charts::Chart, ExportError> {
    let mut chart = charts::build(id, study, case)?;
    let sized = match id {
        ChartId::Heatmap => sizing.heatmap.as_ref(),
        ChartId::MonteCarloNavFan | ChartId::MonteCarloCashFan | ChartId::MonteCarloHistogram => {
            sizing.monte_carlo.as_ref()
        }
        _ => None,
    };
    if let Some(note) = sized {
        chart.note = Some(match chart.note.take() {
            Some(own) if !own.is_empty() => format!("{own} {note}"),
            _ => note.clone(),
        });
    }
    Ok(chart)
}

/// Renders every file of the pack in memory: `(file name, bytes)`. `progress(done,
/// total)` after each file.
pub fn render_pack(
    study: &Study,
    case: &Case,
    source: &Source,
    sizing: &PackSizing,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let unavailable = |source| ExportError::Case {
        case: case.clone(),
        source: Box::new(source),
    };
    let portfolio = study.model(case).map_err(unavailable)?;
    let result = study.result(case).map_err(unavailable)?;
    let total = file_count();
    let text = memo_text(study, case, source)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(total);
    for id in ChartId::ALL {
        let chart = chart_with_note(id, study, case, sizing)?;
        files.push((
            format!("{}.svg", id.name()),
            memo_chart::svg(&chart, &text, SVG_SIZE)?.into_bytes(),
        ));
        progress(files.len(), total);
        files.push((
            format!("{}.png", id.name()),
            memo_chart::png(&chart, &text, PNG_SIZE)?,
        ));
        progress(files.len(), total);
    }
    let case_name = case.scenario_name().unwrap_or("Base");
    let m = &result.metrics;
    files.push((
        "summary.csv".into(),
        tables::summary_csv(&portfolio, case_name, m)?.into_bytes(),
    ));
    files.push((
        "cashflows.csv".into(),
        tables::cashflows_csv(&result)?.into_bytes(),
    ));
    files.push((
        "companies.csv".into(),
        tables::companies_csv(&result)?.into_bytes(),
    ));
    files.push((
        "model.xlsx".into(),
        workbook::build(&portfolio, case_name, &result)?,
    ));
    progress(files.len(), total);
    Ok(files)
}

/// Writes the pack of `case` into `out_dir`. The analyses it shows run at most once and
/// are kept in `study`. Every file is rendered in memory, then written into a temporary
/// folder beside `out_dir` and flushed to disk, then moved into place: a missing or
/// empty `out_dir` appears whole in one rename; over an older pack each file replaces
/// its old one, and a failure part-way reports which files are from which run
/// ([`crate::io::PartlyMoved`]). A chart or table that fails leaves
/// the folder as it was. Returns the files written.
pub fn export_pack(
    study: &mut Study,
    case: &Case,
    source: &Source,
    out_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PathBuf>, ExportError> {
    let sizing = prepare_analyses(study, case);
    let files = render_pack(study, case, source, &sizing, progress)?;
    Ok(crate::io::write_folder_atomically(out_dir, &files)?)
}

#[cfg(test)]
mod tests;

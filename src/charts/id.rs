//! The charts Millwright draws, by stable name.

/// The charts the app shows and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// Cumulative net cash flow to partners, quarter by quarter.
    JCurve,
    /// The J-curve with and without the subscription credit line.
    CreditLineJCurve,
    /// Acquisition equity deployed, cumulative, stacked by stage.
    DeploymentByStage,
    /// NAV gross of carry, stacked by sector.
    NavBySector,
    /// Portfolio EBITDA with and without the AI levers.
    EbitdaWithAi,
    /// The value-creation bridge from entry to exit equity, fund share.
    ValueBridge,
    /// J-curves of the base case and every scenario.
    ScenarioJCurves,
    /// Reported NAV of the base case and every scenario (the Compare tab).
    ScenarioNav,
    /// Monte Carlo fan of reported NAV (simulated estimate).
    MonteCarloNavFan,
    /// Monte Carlo fan of cumulative net cash flow (simulated estimate).
    MonteCarloCashFan,
    /// Monte Carlo histogram of final TVPI (simulated estimate).
    MonteCarloHistogram,
    /// Net IRR with each driver at its low and high value.
    Tornado,
    /// A metric over one or two drivers (the grid the user chose).
    Heatmap,
    /// One-time cost per deployment against the deployment's number, per lever kind with
    /// a learning rate (Wright's law).
    LearningCurve,
    /// LTM AI EBITDA uplift by stage on the plan and the risk-adjusted reading (and the
    /// simulated P10–P90 when a Monte Carlo run carries it).
    AiUplift,
    /// Final net TVPI across the Monte Carlo paths with the stage gates and with every
    /// stage committed up front (simulated estimate; needs a run with the comparison).
    ValueOfStaging,
}

impl ChartId {
    /// Every chart the CLI and the memo pack export.
    pub const ALL: [ChartId; 13] = [
        ChartId::JCurve,
        ChartId::DeploymentByStage,
        ChartId::NavBySector,
        ChartId::EbitdaWithAi,
        ChartId::ValueBridge,
        ChartId::ScenarioJCurves,
        ChartId::MonteCarloNavFan,
        ChartId::MonteCarloHistogram,
        ChartId::Tornado,
        ChartId::Heatmap,
        ChartId::CreditLineJCurve,
        ChartId::LearningCurve,
        ChartId::AiUplift,
    ];

    /// Charts `millwright chart` also draws that the memo pack leaves out: the Compare
    /// tab's NAV, the Monte Carlo cash fan, and the value of staging (its comparison
    /// doubles a run, so only a run asked for it has one).
    pub const EXTRA: [ChartId; 3] = [
        ChartId::ScenarioNav,
        ChartId::MonteCarloCashFan,
        ChartId::ValueOfStaging,
    ];

    /// The charts with a tab of their own in the app (the others live in the Compare,
    /// Sensitivity and Monte Carlo tabs).
    pub const TABS: [ChartId; 6] = [
        ChartId::JCurve,
        ChartId::DeploymentByStage,
        ChartId::NavBySector,
        ChartId::EbitdaWithAi,
        ChartId::ValueBridge,
        ChartId::CreditLineJCurve,
    ];

    /// Stable snake_case name (CLI, file names).
    pub fn name(self) -> &'static str {
        match self {
            ChartId::JCurve => "jcurve",
            ChartId::CreditLineJCurve => "jcurve_credit_line",
            ChartId::DeploymentByStage => "deployment_by_stage",
            ChartId::NavBySector => "nav_by_sector",
            ChartId::EbitdaWithAi => "ebitda_ai",
            ChartId::ValueBridge => "value_bridge",
            ChartId::ScenarioJCurves => "scenario_jcurves",
            ChartId::ScenarioNav => "scenario_nav",
            ChartId::MonteCarloNavFan => "montecarlo_nav_fan",
            ChartId::MonteCarloCashFan => "montecarlo_cash_fan",
            ChartId::MonteCarloHistogram => "montecarlo_histogram",
            ChartId::Tornado => "tornado",
            ChartId::Heatmap => "heatmap",
            ChartId::LearningCurve => "learning_curve",
            ChartId::AiUplift => "ai_uplift",
            ChartId::ValueOfStaging => "value_of_staging",
        }
    }

    /// The chart of stable name `name`.
    pub fn parse(name: &str) -> Option<ChartId> {
        ChartId::ALL
            .into_iter()
            .chain(ChartId::EXTRA)
            .find(|id| id.name() == name)
    }

    /// The title a chart of this kind usually has (a built chart's own title may say
    /// more: the company's name, the grid's drivers).
    pub fn title(self) -> &'static str {
        match self {
            ChartId::JCurve => "J-curve: cumulative net cash flow to partners",
            ChartId::CreditLineJCurve => "J-curve with and without the subscription credit line",
            ChartId::DeploymentByStage => "Acquisition equity deployed by stage (cumulative)",
            ChartId::NavBySector => "NAV by sector (gross of carry)",
            ChartId::EbitdaWithAi => "Portfolio EBITDA with and without AI levers",
            ChartId::ValueBridge => "Value-creation bridge (fund share of equity)",
            ChartId::ScenarioJCurves => "J-curves by scenario: cumulative net cash flow to partners",
            ChartId::ScenarioNav => "Reported NAV by scenario",
            ChartId::MonteCarloNavFan => {
                "Monte Carlo NAV fan: median, P25-P75 and P5-P95 (simulated estimate)"
            }
            ChartId::MonteCarloCashFan => {
                "Monte Carlo net cash flow fan: median, P25-P75 and P5-P95 (simulated estimate)"
            }
            ChartId::MonteCarloHistogram => "Monte Carlo: distribution of net TVPI (simulated estimate)",
            ChartId::Tornado => "Tornado: net IRR with each driver at its low and high value",
            ChartId::Heatmap => "Two-driver grid",
            ChartId::LearningCurve => "Learning curve: one-time cost per deployment of each lever kind",
            ChartId::AiUplift => "AI uplift: plan, risk-adjusted and simulated P10–P90",
            ChartId::ValueOfStaging => "Value of staging: net TVPI, gated vs committed up front (simulated)",
        }
    }

    /// Short label for a tab or a button.
    pub fn tab_label(self) -> &'static str {
        match self {
            ChartId::JCurve => "J-curve",
            ChartId::CreditLineJCurve => "J-curve & line",
            ChartId::DeploymentByStage => "Deployment",
            ChartId::NavBySector => "NAV by sector",
            ChartId::EbitdaWithAi => "EBITDA & AI",
            ChartId::ValueBridge => "Value bridge",
            ChartId::ScenarioJCurves => "Scenario J-curves",
            ChartId::ScenarioNav => "Scenario NAV",
            ChartId::MonteCarloNavFan => "NAV fan",
            ChartId::MonteCarloCashFan => "Cash fan",
            ChartId::MonteCarloHistogram => "TVPI histogram",
            ChartId::Tornado => "Tornado",
            ChartId::Heatmap => "Heatmap",
            ChartId::LearningCurve => "Learning curve",
            ChartId::AiUplift => "AI uplift",
            ChartId::ValueOfStaging => "Value of staging",
        }
    }
}

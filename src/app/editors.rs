//! The editor for whatever is selected in the model tree: fund terms, a stage, a
//! company, or one of its AI levers. Every field of the model is editable here.

use egui::Ui;
use rust_decimal::Decimal;

use super::fields::{self, Kind};
use super::state::{AppState, Command, Direction, Selection};
use crate::engine::model::{
    CostPool, LeverFunding, LeverKind, LeverTarget, PmeBenchmark, RampShape, Sector, Waterfall,
};

/// Shows the editor for the current selection.
pub fn show(ui: &mut Ui, state: &mut AppState) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.selection {
            Selection::Fund => fund(ui, state),
            Selection::Stage(i) => stage(ui, state, i),
            Selection::Company(i) => company(ui, state, i),
            Selection::Lever(c, l) => lever(ui, state, c, l),
            Selection::Scenario(i) => scenario(ui, state, i),
        });
}

fn grid(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(false)
        .show(ui, add);
}

fn fund(ui: &mut Ui, s: &mut AppState) {
    ui.heading("Fund terms");
    ui.add_space(4.0);
    grid(ui, "fund_grid", |ui| {
        fields::text(
            ui,
            s,
            "Fund name",
            "fund.name",
            |p| Some(p.fund.name.clone()),
            |p, v| p.fund.name = v,
        );
        fields::text(
            ui,
            s,
            "Currency",
            "fund.currency",
            |p| Some(p.fund.currency.clone()),
            |p, v| p.fund.currency = v,
        );
        fields::decimal(
            ui,
            s,
            "Commitment",
            "fund.commitment",
            Kind::Money,
            |p| Some(p.fund.commitment),
            |p, v| p.fund.commitment = v,
        );
        fields::decimal(
            ui,
            s,
            "GP commitment",
            "fund.gp_commitment_share",
            Kind::Percent,
            |p| Some(p.fund.gp_commitment_share),
            |p, v| p.fund.gp_commitment_share = v,
        );
        fields::date(
            ui,
            s,
            "First close",
            "fund.first_close",
            |p| Some(p.fund.first_close),
            |p, v| p.fund.first_close = v,
        );
        fields::whole(
            ui,
            s,
            "Investment period (years)",
            "fund.investment_period_years",
            |p| Some(p.fund.investment_period_years),
            |p, v| p.fund.investment_period_years = v,
        );
        fields::whole(
            ui,
            s,
            "Term (years)",
            "fund.term_years",
            |p| Some(p.fund.term_years),
            |p, v| p.fund.term_years = v,
        );
        fields::whole(
            ui,
            s,
            "Extensions (years)",
            "fund.extension_years",
            |p| Some(p.fund.extension_years),
            |p, v| p.fund.extension_years = v,
        );
        fields::decimal(
            ui,
            s,
            "Management fee (investment period)",
            "fund.management_fee_rate",
            Kind::Percent,
            |p| Some(p.fund.management_fee_rate),
            |p, v| p.fund.management_fee_rate = v,
        );
        fields::decimal(
            ui,
            s,
            "Fee on net invested capital after",
            "fund.post_investment_fee_rate",
            Kind::Percent,
            |p| {
                Some(
                    p.fund
                        .post_investment_fee_rate
                        .unwrap_or(p.fund.management_fee_rate),
                )
            },
            |p, v| p.fund.post_investment_fee_rate = Some(v),
        );
        fields::decimal(
            ui,
            s,
            "Organisational expenses",
            "fund.organisational_expenses",
            Kind::Money,
            |p| Some(p.fund.organisational_expenses),
            |p, v| p.fund.organisational_expenses = v,
        );
        fields::decimal(
            ui,
            s,
            "Annual fund expenses",
            "fund.annual_expenses",
            Kind::Money,
            |p| Some(p.fund.annual_expenses),
            |p, v| p.fund.annual_expenses = v,
        );
        fields::decimal(
            ui,
            s,
            "Carried interest",
            "fund.carry_rate",
            Kind::Percent,
            |p| Some(p.fund.carry_rate),
            |p, v| p.fund.carry_rate = v,
        );
        fields::decimal(
            ui,
            s,
            "Preferred return",
            "fund.preferred_return",
            Kind::Percent,
            |p| Some(p.fund.preferred_return),
            |p, v| p.fund.preferred_return = v,
        );
        fields::decimal(
            ui,
            s,
            "GP catch-up",
            "fund.gp_catch_up",
            Kind::Percent,
            |p| Some(p.fund.gp_catch_up),
            |p, v| p.fund.gp_catch_up = v,
        );
        fields::choice(
            ui,
            s,
            "Waterfall",
            "fund.waterfall",
            &[
                (Waterfall::European, "European (whole fund)"),
                (Waterfall::American { clawback: true }, "American, with clawback"),
                (Waterfall::American { clawback: false }, "American, no clawback"),
            ],
            |p| Some(p.fund.waterfall),
            |p, v| p.fund.waterfall = v,
        );
        fields::decimal(
            ui,
            s,
            "PME benchmark return",
            "fund.pme_benchmark.annual_return",
            Kind::Percent,
            |p| match p.fund.pme_benchmark {
                PmeBenchmark::ConstantReturn { annual_return } => Some(annual_return),
                PmeBenchmark::Series { .. } => None,
            },
            |p, v| p.fund.pme_benchmark = PmeBenchmark::ConstantReturn { annual_return: v },
        );
    });
    if matches!(s.portfolio.fund.pme_benchmark, PmeBenchmark::Series { .. }) {
        ui.label("PME benchmark: an index series from the file.");
    }
}

fn list_buttons(ui: &mut Ui, state: &mut AppState, what: &str, commands: [Command; 4]) {
    let [up, down, duplicate, delete] = commands;
    ui.horizontal(|ui| {
        if ui
            .button("Move up")
            .on_hover_text(format!("Move this {what} up"))
            .clicked()
        {
            state.apply(up);
        }
        if ui
            .button("Move down")
            .on_hover_text(format!("Move this {what} down"))
            .clicked()
        {
            state.apply(down);
        }
        if ui.button("Duplicate").clicked() {
            state.apply(duplicate);
        }
        if ui.button(format!("Delete {what}")).clicked() {
            state.apply(delete);
        }
    });
}

fn stage(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(name) = s.portfolio.stages.get(i).map(|st| st.name.clone()) else {
        return;
    };
    ui.heading(format!("Stage: {name}"));
    list_buttons(
        ui,
        s,
        "stage",
        [
            Command::MoveStage(i, Direction::Up),
            Command::MoveStage(i, Direction::Down),
            Command::DuplicateStage(i),
            Command::DeleteStage(i),
        ],
    );
    ui.add_space(4.0);
    let path = format!("stages[{i}]");
    grid(ui, "stage_grid", |ui| {
        fields::text(
            ui,
            s,
            "Stage name",
            &format!("{path}.name"),
            |p| p.stages.get(i).map(|st| st.name.clone()),
            |p, v| {
                // Renaming a stage keeps its companies in it.
                if let Some(old) = p.stages.get(i).map(|st| st.name.clone()) {
                    for c in p.companies.iter_mut().filter(|c| c.stage == old) {
                        c.stage.clone_from(&v);
                    }
                }
                if let Some(st) = p.stages.get_mut(i) {
                    st.name = v;
                }
            },
        );
        fields::date(
            ui,
            s,
            "Start date",
            &format!("{path}.start_date"),
            |p| p.stages.get(i).map(|st| st.start_date),
            |p, v| {
                if let Some(st) = p.stages.get_mut(i) {
                    st.start_date = v;
                }
            },
        );
        fields::decimal(
            ui,
            s,
            "Budget",
            &format!("{path}.budget"),
            Kind::Money,
            |p| p.stages.get(i).map(|st| st.budget),
            |p, v| {
                if let Some(st) = p.stages.get_mut(i) {
                    st.budget = v;
                }
            },
        );
        fields::decimal(
            ui,
            s,
            "Follow-on reserve",
            &format!("{path}.reserve"),
            Kind::Money,
            |p| p.stages.get(i).map(|st| st.reserve),
            |p, v| {
                if let Some(st) = p.stages.get_mut(i) {
                    st.reserve = v;
                }
            },
        );
    });
    let members: Vec<&str> = s
        .portfolio
        .companies
        .iter()
        .filter(|c| c.stage == name)
        .map(|c| c.name.as_str())
        .collect();
    ui.add_space(6.0);
    ui.label(format!("{} companies in this stage.", members.len()));
    if ui.button("Add a company to this stage").clicked() {
        s.apply(Command::AddCompany { stage: Some(name) });
    }
}

macro_rules! company_field {
    ($kind:expr, $ui:expr, $s:expr, $i:expr, $label:expr, $field:ident) => {
        fields::decimal(
            $ui,
            $s,
            $label,
            &format!("companies[{}].{}", $i, stringify!($field)),
            $kind,
            |p| p.companies.get($i).map(|c| c.$field),
            |p, v| {
                if let Some(c) = p.companies.get_mut($i) {
                    c.$field = v;
                }
            },
        )
    };
}

fn company(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(name) = s.portfolio.companies.get(i).map(|c| c.name.clone()) else {
        return;
    };
    ui.heading(name);
    list_buttons(
        ui,
        s,
        "company",
        [
            Command::MoveCompany(i, Direction::Up),
            Command::MoveCompany(i, Direction::Down),
            Command::DuplicateCompany(i),
            Command::DeleteCompany(i),
        ],
    );
    if let Some(entry) = s
        .portfolio
        .companies
        .get(i)
        .map(|c| (c.entry_revenue, Decimal::ONE - c.cost_pools.total()))
    {
        ui.label(format!(
            "Entry EBITDA {} at a {} margin.",
            crate::units::format_money(entry.0 * entry.1),
            crate::units::format_percent(entry.1)
        ));
    }
    ui.add_space(4.0);
    let path = format!("companies[{i}]");
    let stages: Vec<String> = s.portfolio.stages.iter().map(|st| st.name.clone()).collect();
    grid(ui, "company_grid", |ui| {
        fields::text(
            ui,
            s,
            "Company name",
            &format!("{path}.name"),
            |p| p.companies.get(i).map(|c| c.name.clone()),
            |p, v| {
                if let Some(c) = p.companies.get_mut(i) {
                    c.name = v;
                }
            },
        );
        let sectors: Vec<(Sector, &str)> = Sector::ALL.iter().map(|x| (*x, x.label())).collect();
        fields::choice(
            ui,
            s,
            "Sector",
            &format!("{path}.sector"),
            &sectors,
            |p| p.companies.get(i).map(|c| c.sector),
            |p, v| {
                if let Some(c) = p.companies.get_mut(i) {
                    c.sector = v;
                }
            },
        );
        let stage_options: Vec<(usize, &str)> =
            stages.iter().enumerate().map(|(k, n)| (k, n.as_str())).collect();
        fields::choice(
            ui,
            s,
            "Stage",
            &format!("{path}.stage"),
            &stage_options,
            |p| {
                p.companies
                    .get(i)
                    .and_then(|c| p.stages.iter().position(|st| st.name == c.stage))
            },
            |p, k| {
                if let Some(stage) = p.stages.get(k).map(|st| st.name.clone())
                    && let Some(c) = p.companies.get_mut(i)
                {
                    c.stage = stage;
                }
            },
        );
        fields::date(
            ui,
            s,
            "Acquisition date",
            &format!("{path}.acquisition_date"),
            |p| p.companies.get(i).map(|c| c.acquisition_date),
            |p, v| {
                if let Some(c) = p.companies.get_mut(i) {
                    c.acquisition_date = v;
                }
            },
        );
        fields::date(
            ui,
            s,
            "Exit date",
            &format!("{path}.exit_date"),
            |p| p.companies.get(i).map(|c| c.exit_date),
            |p, v| {
                if let Some(c) = p.companies.get_mut(i) {
                    c.exit_date = v;
                }
            },
        );
        company_field!(Kind::Percent, ui, s, i, "Ownership", ownership);
        company_field!(Kind::Money, ui, s, i, "Entry revenue (annual)", entry_revenue);
        company_field!(Kind::Percent, ui, s, i, "Revenue growth (annual)", revenue_growth);
        for pool in CostPool::ALL {
            fields::decimal(
                ui,
                s,
                &format!("{} cost (% of revenue)", pool.label()),
                &format!("{path}.cost_pools.{}", pool.key()),
                Kind::Percent,
                |p| p.companies.get(i).map(|c| c.cost_pools.get(pool)),
                |p, v| {
                    if let Some(c) = p.companies.get_mut(i) {
                        *c.cost_pools.get_mut(pool) = v;
                    }
                },
            );
        }
        company_field!(
            Kind::Percent,
            ui,
            s,
            i,
            "Maintenance capex (% of revenue)",
            maintenance_capex
        );
        company_field!(Kind::Percent, ui, s, i, "Tax rate", tax_rate);
        company_field!(Kind::Multiple, ui, s, i, "Entry EV / EBITDA", entry_multiple);
        company_field!(
            Kind::Multiple,
            ui,
            s,
            i,
            "Acquisition debt (x EBITDA)",
            debt_multiple
        );
        company_field!(Kind::Percent, ui, s, i, "Interest rate", interest_rate);
        company_field!(Kind::Percent, ui, s, i, "Cash sweep", cash_sweep);
        company_field!(
            Kind::Percent,
            ui,
            s,
            i,
            "Transaction costs (% of EV)",
            transaction_costs
        );
        company_field!(Kind::Multiple, ui, s, i, "Exit EV / EBITDA", exit_multiple);
        company_field!(Kind::Percent, ui, s, i, "Exit costs (% of EV)", exit_costs);
    });
    if s.problems_at(&format!("{path}.cost_pools")).next().is_some()
        || s.problems_at(&format!("{path}.levers")).next().is_some()
    {
        for p in s
            .problems()
            .iter()
            .filter(|p| p.path == format!("{path}.cost_pools") || p.path == format!("{path}.levers"))
        {
            ui.colored_label(egui::Color32::from_rgb(0xC0, 0x20, 0x20), &p.message);
        }
    }
    ui.add_space(6.0);
    if ui.button("Add an AI lever").clicked() {
        s.apply(Command::AddLever(i));
    }
}

fn lever(ui: &mut Ui, s: &mut AppState, c: usize, l: usize) {
    let Some(name) = s
        .portfolio
        .companies
        .get(c)
        .and_then(|co| co.levers.get(l))
        .map(|lv| lv.name.clone())
    else {
        return;
    };
    let company = s
        .portfolio
        .companies
        .get(c)
        .map(|co| co.name.clone())
        .unwrap_or_default();
    ui.heading(format!("AI lever: {name}"));
    ui.label(format!("in {company}"));
    list_buttons(
        ui,
        s,
        "lever",
        [
            Command::MoveLever(c, l, Direction::Up),
            Command::MoveLever(c, l, Direction::Down),
            Command::DuplicateLever(c, l),
            Command::DeleteLever(c, l),
        ],
    );
    ui.add_space(4.0);
    let path = format!("companies[{c}].levers[{l}]");
    let get = move |p: &crate::engine::model::Portfolio| {
        p.companies.get(c).and_then(|co| co.levers.get(l)).cloned()
    };
    let with = move |p: &mut crate::engine::model::Portfolio,
                     f: &dyn Fn(&mut crate::engine::model::Lever)| {
        if let Some(lv) = p.companies.get_mut(c).and_then(|co| co.levers.get_mut(l)) {
            f(lv);
        }
    };
    grid(ui, "lever_grid", |ui| {
        fields::text(
            ui,
            s,
            "Lever name",
            &format!("{path}.name"),
            |p| get(p).map(|x| x.name),
            |p, v| with(p, &|x| x.name.clone_from(&v)),
        );
        let kinds: Vec<(LeverKind, &str)> = LeverKind::ALL.iter().map(|k| (*k, k.label())).collect();
        fields::choice(
            ui,
            s,
            "Kind",
            &format!("{path}.kind"),
            &kinds,
            |p| get(p).map(|x| x.kind),
            |p, v| with(p, &|x| x.kind = v),
        );
        let mut targets: Vec<(LeverTarget, String)> = CostPool::ALL
            .iter()
            .map(|pool| (LeverTarget::Pool(*pool), format!("{} cost", pool.label())))
            .collect();
        targets.push((LeverTarget::Revenue, "Revenue (uplift)".into()));
        let target_options: Vec<(LeverTarget, &str)> =
            targets.iter().map(|(t, n)| (*t, n.as_str())).collect();
        fields::choice(
            ui,
            s,
            "Acts on",
            &format!("{path}.target"),
            &target_options,
            |p| get(p).map(|x| x.target),
            |p, v| with(p, &|x| x.target = v),
        );
        fields::decimal(
            ui,
            s,
            "Target effect",
            &format!("{path}.effect"),
            Kind::Percent,
            |p| get(p).map(|x| x.effect),
            |p, v| with(p, &|x| x.effect = v),
        );
        fields::decimal(
            ui,
            s,
            "Realisation",
            &format!("{path}.realisation"),
            Kind::Percent,
            |p| get(p).map(|x| x.realisation),
            |p, v| with(p, &|x| x.realisation = v),
        );
        fields::whole(
            ui,
            s,
            "Start delay (quarters)",
            &format!("{path}.start_delay_quarters"),
            |p| get(p).map(|x| x.start_delay_quarters),
            |p, v| with(p, &|x| x.start_delay_quarters = v),
        );
        fields::whole(
            ui,
            s,
            "Ramp (quarters)",
            &format!("{path}.ramp_quarters"),
            |p| get(p).map(|x| x.ramp_quarters),
            |p, v| with(p, &|x| x.ramp_quarters = v),
        );
        fields::choice(
            ui,
            s,
            "Ramp shape",
            &format!("{path}.ramp_shape"),
            &[(RampShape::Linear, "Linear"), (RampShape::SCurve, "S-curve")],
            |p| get(p).map(|x| x.ramp_shape),
            |p, v| with(p, &|x| x.ramp_shape = v),
        );
        fields::decimal(
            ui,
            s,
            "One-time cost",
            &format!("{path}.one_time_cost"),
            Kind::Money,
            |p| get(p).map(|x| x.one_time_cost),
            |p, v| with(p, &|x| x.one_time_cost = v),
        );
        fields::decimal(
            ui,
            s,
            "Annual run cost",
            &format!("{path}.annual_run_cost"),
            Kind::Money,
            |p| get(p).map(|x| x.annual_run_cost),
            |p, v| with(p, &|x| x.annual_run_cost = v),
        );
        fields::choice(
            ui,
            s,
            "Funded by",
            &format!("{path}.funding"),
            &[
                (LeverFunding::Company, "Company cash flow"),
                (LeverFunding::FundFollowOn, "Fund follow-on (stage reserve)"),
            ],
            |p| get(p).map(|x| x.funding),
            |p, v| with(p, &|x| x.funding = v),
        );
    });
}

/// The scenario editor: which fields the scenario overrides, and their values.
fn scenario(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(name) = s.portfolio.scenarios.get(i).map(|x| x.name.clone()) else {
        return;
    };
    ui.heading(format!("Scenario: {name}"));
    ui.horizontal(|ui| {
        if ui.button("Duplicate").clicked() {
            s.apply(Command::DuplicateScenario(i));
        }
        if ui.button("Delete scenario").clicked() {
            s.apply(Command::DeleteScenario(i));
        }
    });
    ui.label("A scenario overrides the fields ticked below; everything else stays as in the base case.");
    let path = format!("scenarios[{i}]");
    macro_rules! overridable {
        ($ui:expr, $label:expr, $field:ident, $kind:expr, $default:expr) => {
            fields::optional_decimal(
                $ui,
                s,
                $label,
                &format!("{path}.{}", stringify!($field)),
                $kind,
                $default,
                |p| p.scenarios.get(i).map(|x| x.$field),
                |p, v| {
                    if let Some(x) = p.scenarios.get_mut(i) {
                        x.$field = v;
                    }
                },
            )
        };
    }
    grid(ui, "scenario_grid", |ui| {
        fields::text(
            ui,
            s,
            "Scenario name",
            &format!("{path}.name"),
            |p| p.scenarios.get(i).map(|x| x.name.clone()),
            |p, v| {
                if let Some(x) = p.scenarios.get_mut(i) {
                    x.name = v;
                }
            },
        );
        fields::text(
            ui,
            s,
            "Description",
            &format!("{path}.description"),
            |p| p.scenarios.get(i).map(|x| x.description.clone()),
            |p, v| {
                if let Some(x) = p.scenarios.get_mut(i) {
                    x.description = v;
                }
            },
        );
        overridable!(
            ui,
            "Realisation scale",
            realisation_scale,
            Kind::Number,
            Decimal::ONE
        );
        overridable!(ui, "Ramp length scale", ramp_scale, Kind::Number, Decimal::ONE);
        overridable!(
            ui,
            "Exit multiple shift (turns)",
            exit_multiple_shift,
            Kind::Number,
            Decimal::ZERO
        );
        overridable!(
            ui,
            "Entry multiple shift (turns)",
            entry_multiple_shift,
            Kind::Number,
            Decimal::ZERO
        );
        overridable!(
            ui,
            "Revenue growth shift",
            growth_shift,
            Kind::Percent,
            Decimal::ZERO
        );
        overridable!(
            ui,
            "Leverage shift (turns)",
            leverage_shift,
            Kind::Number,
            Decimal::ZERO
        );
        overridable!(
            ui,
            "Management fee rate",
            management_fee_rate,
            Kind::Percent,
            Decimal::new(2, 2)
        );
        overridable!(ui, "Carry rate", carry_rate, Kind::Percent, Decimal::new(2, 1));
        overridable!(
            ui,
            "Preferred return",
            preferred_return,
            Kind::Percent,
            Decimal::new(8, 2)
        );
        fields::optional_decimal(
            ui,
            s,
            "Exit delay (quarters)",
            &format!("{path}.exit_delay_quarters"),
            Kind::Number,
            Decimal::ZERO,
            |p| {
                p.scenarios
                    .get(i)
                    .map(|x| x.exit_delay_quarters.map(Decimal::from))
            },
            |p, v| {
                if let Some(x) = p.scenarios.get_mut(i) {
                    x.exit_delay_quarters = v.and_then(|d| i32::try_from(d.round()).ok());
                }
            },
        );
    });
    let overrides: Vec<String> = s
        .portfolio
        .scenarios
        .get(i)
        .map(|x| {
            x.company_overrides
                .iter()
                .flat_map(|o| {
                    o.fields
                        .iter()
                        .map(move |(k, v)| format!("{}: {k} = {v}", o.company))
                })
                .collect()
        })
        .unwrap_or_default();
    if !overrides.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Per-company overrides (from the file)").strong());
        for line in overrides {
            ui.label(line);
        }
    }
}

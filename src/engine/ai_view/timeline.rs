//! Each lever's phases on the fund's grid, as the company projection places them.

use rust_decimal::Decimal;

use super::uplift::Attribution;
use super::{GateMark, LeverTimeline};
use crate::engine::company::PreparedCompany;
use crate::engine::model::Company;
use crate::engine::programme::Schedule;
use crate::engine::results::FundResult;

/// The timeline of every lever of `companies` (the portfolio's after the platform
/// schedule, `prepared` on the plan), in company order then lever order.
pub(super) fn timelines(
    companies: &[Company],
    prepared: &[PreparedCompany<Decimal>],
    schedule: &Schedule,
    plan: &FundResult,
    attribution: &Attribution,
) -> Vec<LeverTimeline> {
    let mut rows = Vec::new();
    for (c, (company, prepared)) in companies.iter().zip(prepared).enumerate() {
        let exit = plan
            .companies
            .get(c)
            .map_or(prepared.exit_index, |r| r.exit_index);
        for (l, (lever, phases)) in company.levers.iter().zip(prepared.lever_phases()).enumerate() {
            rows.push(LeverTimeline {
                company: company.name.clone(),
                stage: company.stage.clone(),
                lever: lever.name.clone(),
                kind: lever.kind,
                acquisition: prepared.acquisition_index,
                exit,
                pilot: phases.pilot,
                gate: phases
                    .gate
                    .zip(lever.programme.gate.as_ref())
                    .map(|(quarter, gate)| GateMark {
                        quarter,
                        probability: gate.probability,
                        on_failure: gate.on_failure,
                    }),
                scale_up_start: phases.scale_up_start,
                full_effect: phases.full_effect,
                dis_synergy_end: phases.dis_synergy_end,
                platform_shift_quarters: schedule.lever(c, l).map_or(0, |s| s.shift_quarters),
                effect: lever.effect,
                realisation: lever.realisation,
                evidence: lever.programme.evidence.clone(),
                at_exit: attribution.lever_at_exit(c, l),
            });
        }
    }
    rows
}

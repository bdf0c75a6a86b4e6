//! Checks of the lever gates' copula loadings (stated at the top of
//! `engine::montecarlo`): each a share of variance in 0–100 %, together at most 100 %.

use rust_decimal::Decimal;

use super::{Checker, Rule, pct};
use crate::engine::fields::{FieldPath, Owner};
use crate::engine::model::Portfolio;

fn at(key: &'static str) -> FieldPath {
    FieldPath::Field {
        owner: Owner::Uncertainty,
        key,
    }
}

pub(super) fn check_gate_loadings(c: &mut Checker, p: &Portfolio) {
    let Some(u) = &p.uncertainty else {
        return;
    };
    let loadings = [
        (
            "ai_execution_loading",
            "AI execution factor",
            u.ai_execution_loading,
        ),
        ("lever_kind_loading", "lever-kind factor", u.lever_kind_loading),
        ("sector_loading", "sector factor", u.sector_loading),
    ];
    let mut in_range = true;
    for (key, label, value) in loadings {
        if value < Decimal::ZERO || value > Decimal::ONE {
            in_range = false;
            c.error(
                at(key),
                Rule::OutOfRange,
                format!(
                    "the {label}'s share of each lever gate's variance is {}, must be between 0% and 100%",
                    pct(value)
                ),
            );
        }
    }
    let total = u.ai_execution_loading + u.lever_kind_loading + u.sector_loading;
    if in_range && total > Decimal::ONE {
        c.error(
            at("ai_execution_loading"),
            Rule::Inconsistent,
            format!(
                "the lever gates' factor loadings (AI execution, lever kind, sector) add up to {}, must be at \
                 most 100% of the variance",
                pct(total)
            ),
        );
    }
}

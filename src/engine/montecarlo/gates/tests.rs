//! The copula's draws: pass rates, the correlation the loadings give, the limits.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::dec;

use super::*;
use crate::engine::model::Gate;

/// The midmarket sample with a gate of probability `probabilities[k]` on lever `k` of its
/// first company (kinds and sectors as the sample has them).
fn gated(probabilities: &[Decimal], loadings: [Decimal; 3]) -> (Portfolio, Uncertainty) {
    let mut p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
    for c in &mut p.companies {
        for l in &mut c.levers {
            l.programme.gate = None;
        }
    }
    let levers = &mut p.companies[0].levers;
    while levers.len() < probabilities.len() {
        levers.push(crate::engine::defaults::template_lever());
    }
    for (lever, probability) in levers.iter_mut().zip(probabilities) {
        lever.programme.gate = Some(Gate {
            quarter: 4,
            probability: *probability,
            on_failure: crate::engine::model::GateFailure::KeepPilot,
        });
    }
    let u = Uncertainty {
        ai_execution_loading: loadings[0],
        lever_kind_loading: loadings[1],
        sector_loading: loadings[2],
        ..crate::engine::montecarlo::default_uncertainty()
    };
    (p, u)
}

fn pass_counts(copula: &GateCopula, draws: usize) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let mut counts = vec![0; copula.levers.len()];
    for _ in 0..draws {
        for (count, pass) in counts.iter_mut().zip(copula.draw(&mut rng)) {
            *count += usize::from(pass);
        }
    }
    counts
}

#[test]
fn pass_rates_converge_to_the_probabilities() {
    // Each draw is a path's: its factors are drawn afresh, so over paths a gate's passes
    // are independent Bernoulli(p) trials whatever the loadings. At n = 10,000 the
    // standard error of a rate is √(p(1 − p)/n): 0.0030 at p = 0.1, 0.0050 at p = 0.5,
    // 0.0040 at p = 0.8. Each rate must fall within 4 standard errors of p.
    let probabilities = [dec!(0.1), dec!(0.5), dec!(0.8)];
    let (p, u) = gated(&probabilities, [dec!(0.3), dec!(0.2), dec!(0.1)]);
    let copula = GateCopula::of(&p, &u);
    assert_eq!(copula.levers.len(), 3);
    let n = 10_000;
    for (count, probability) in pass_counts(&copula, n).iter().zip([0.1, 0.5, 0.8]) {
        let count = u32::try_from(*count).unwrap_or(u32::MAX);
        let rate = f64::from(count) / 10_000.0;
        let se = (probability * (1.0 - probability) / 10_000.0_f64).sqrt();
        assert!(
            (rate - probability).abs() < 4.0 * se,
            "{rate} vs {probability} (se {se})"
        );
    }
}

#[test]
fn a_full_ai_loading_moves_every_gate_together() {
    // a = 1: z = Z_ai for every lever, so levers with one probability pass or fail
    // together, and a lever of p = 0.3 passes only when one of p = 0.6 does (Φ(z) < 0.3
    // implies Φ(z) < 0.6).
    let (p, u) = gated(&[dec!(0.6), dec!(0.6), dec!(0.3)], [dec!(1), dec!(0), dec!(0)]);
    let copula = GateCopula::of(&p, &u);
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let mut seen = [false; 2];
    for _ in 0..500 {
        let d = copula.draw(&mut rng);
        assert_eq!(d[0], d[1]);
        assert!(!d[2] || d[0]);
        seen[usize::from(d[0])] = true;
    }
    assert_eq!(seen, [true, true], "both outcomes occur");
}

#[test]
fn probabilities_of_one_and_zero_always_pass_and_always_fail() {
    let (p, u) = gated(&[dec!(1), dec!(0)], [dec!(0.25), dec!(0.15), dec!(0.1)]);
    let copula = GateCopula::of(&p, &u);
    assert_eq!(pass_counts(&copula, 2_000), vec![2_000, 0]);
}

#[test]
fn outcomes_land_on_their_company_and_lever() {
    let (p, u) = gated(&[dec!(0.5), dec!(0.5)], [dec!(0), dec!(0), dec!(0)]);
    let copula = GateCopula::of(&p, &u);
    let mut adjustments = vec![CompanyAdjustment::<f64>::default(); p.companies.len()];
    copula.apply(&[false, true], &mut adjustments);
    let count = p.companies[0].levers.len();
    let mut expected = vec![true; count];
    expected[0] = false;
    assert_eq!(adjustments[0].gate_outcomes.as_deref(), Some(expected.as_slice()));
    assert!(adjustments.iter().skip(1).all(|a| a.gate_outcomes.is_none()));
}

//! The sample portfolios shipped with the app (compiled in).

use super::portfolio_file::{LoadError, from_json_str};
use crate::engine::model::Portfolio;

/// File name and JSON text of each bundled sample.
pub const SAMPLES: [(&str, &str); 2] = [
    (
        "industrial_ai_100b.json",
        include_str!("../../sample_portfolios/industrial_ai_100b.json"),
    ),
    (
        "midmarket_rollup_2b.json",
        include_str!("../../sample_portfolios/midmarket_rollup_2b.json"),
    ),
];

/// The $2B mid-market roll-up sample.
pub fn midmarket() -> Result<Portfolio, LoadError> {
    from_json_str(SAMPLES[1].1)
}

/// The flagship $100B sample the app opens with.
pub fn flagship() -> Result<Portfolio, LoadError> {
    from_json_str(SAMPLES[0].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validate::{Severity, validate};
    use crate::engine::{compute, scenario};
    use rust_decimal::Decimal;
    use rust_decimal::dec;

    fn load(index: usize) -> Portfolio {
        let (name, text) = SAMPLES[index];
        from_json_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    #[test]
    fn every_sample_validates_clean_in_every_scenario() {
        for (i, (name, _)) in SAMPLES.iter().enumerate() {
            let p = load(i);
            let errors: Vec<_> = validate(&p)
                .into_iter()
                .filter(|x| x.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:#?}");
            for s in &p.scenarios {
                let applied = scenario::apply(&p, s).unwrap_or_else(|e| panic!("{name}/{}: {e}", s.name));
                assert!(compute(&applied).is_ok(), "{name}/{} does not compute", s.name);
            }
        }
    }

    /// Plausibility bands for a large industrial buyout fund, stated up front: gross MOIC
    /// 1.8–2.8x, net TVPI 1.4–2.3x, net IRR 7–20 %, fees and expenses 5–15 % of
    /// commitments, 70–95 % of commitments invested.
    #[test]
    fn flagship_is_a_plausible_100b_fund() {
        let p = load(0);
        assert_eq!(p.fund.commitment, dec!(100_000_000_000));
        assert!(p.stages.len() >= 4);
        assert!(p.companies.len() >= 40);
        assert!(p.companies.iter().all(|c| c.levers.len() >= 2));
        let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
        let m = &r.metrics;
        let within = |v: Option<Decimal>, lo: Decimal, hi: Decimal| v.is_some_and(|v| v >= lo && v <= hi);
        assert!(
            within(m.gross_moic, dec!(1.8), dec!(2.8)),
            "gross MOIC {:?}",
            m.gross_moic
        );
        assert!(within(m.tvpi, dec!(1.4), dec!(2.3)), "TVPI {:?}", m.tvpi);
        assert!(
            within(m.net_irr.clone().ok(), dec!(0.07), dec!(0.20)),
            "net IRR {:?}",
            m.net_irr
        );
        let costs = (m.management_fees + m.fund_expenses) / p.fund.commitment;
        assert!(
            costs > dec!(0.05) && costs < dec!(0.15),
            "fees and expenses {costs}"
        );
        let invested = m.invested / p.fund.commitment;
        assert!(
            invested > dec!(0.7) && invested < dec!(0.95),
            "invested {invested}"
        );
    }

    /// Not a test: rewrites the sample files on disk in the serialiser's exact form (as
    /// the current format version), for after a hand edit. Run with
    /// `cargo test --lib resave_samples -- --ignored`, then review the diff.
    #[test]
    #[ignore = "rewrites sample_portfolios/*.json; run by hand after editing a sample"]
    fn resave_samples_in_the_serialisers_form() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_portfolios");
        for (name, _) in SAMPLES {
            let path = folder.join(name);
            let mut p = crate::io::portfolio_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
            p.version = crate::engine::model::FORMAT_VERSION;
            crate::io::portfolio_file::save(&path, &p).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn midmarket_sample_is_a_2b_fund_with_8_companies() {
        let p = load(1);
        assert_eq!(p.fund.commitment, dec!(2_000_000_000));
        assert_eq!(p.companies.len(), 8);
        let m = compute(&p).unwrap_or_else(|e| panic!("{e}")).metrics;
        assert!(
            m.tvpi.is_some_and(|t| t > dec!(1.2) && t < dec!(2.5)),
            "TVPI {:?}",
            m.tvpi
        );
    }
}

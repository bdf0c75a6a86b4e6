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

/// The flagship $100B sample the app opens with.
pub fn flagship() -> Result<Portfolio, LoadError> {
    from_json_str(SAMPLES[0].1)
}

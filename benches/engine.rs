//! Full recompute of the flagship $100B sample: validation, every company's quarterly
//! projection, the fund waterfall and all metrics, in Decimal. Goal: under 5 ms (release),
//! so the app can recompute on every edit.

use criterion::{Criterion, criterion_group, criterion_main};
use millwright::engine::{self, fund, validate};
use millwright::io::samples;

fn recompute(c: &mut Criterion) {
    let portfolio = match samples::flagship() {
        Ok(p) => p,
        Err(e) => panic!("the flagship sample must load: {e}"),
    };
    c.bench_function("compute_flagship_decimal", |b| {
        b.iter(|| engine::compute(std::hint::black_box(&portfolio)));
    });
    c.bench_function("validate_flagship", |b| {
        b.iter(|| validate::validate(std::hint::black_box(&portfolio)))
    });
    c.bench_function("project_flagship_f64_fund_only", |b| {
        b.iter(|| fund::project::<f64>(std::hint::black_box(&portfolio), None, fund::Detail::FundOnly));
    });
}

criterion_group!(benches, recompute);
criterion_main!(benches);

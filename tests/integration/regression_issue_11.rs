//! Regression tests for issue 11's bad input: negative days, a fixed share over 100 %, a
//! partial exit of more than what is held, a loss-offset cap outside 0–100 %. Each is an
//! error at the field's path whose message names the company and the field in words
//! (the field's label, not its key) with the figure that was typed.

use chrono::NaiveDate;
use millwright::engine::fields::{FieldEdit, FieldPath, FieldValue, Owner, PartialExitPart};
use millwright::engine::model::{PartialExit, Portfolio};
use millwright::engine::validate::{Problem, Rule, Severity, has_errors, validate};
use millwright::io::samples;
use rust_decimal::{Decimal, dec};

fn midmarket() -> Portfolio {
    let mut p = samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
    for co in &mut p.companies {
        co.partial_exits.clear();
    }
    p
}

fn field(owner: Owner, key: &str) -> FieldPath {
    FieldPath::field(owner, key).unwrap_or_else(|| panic!("no field {key}"))
}

/// The errors of the sample with company 0's field `key` set to `value`.
fn errors_with(key: &str, value: Decimal) -> (String, Vec<Problem>) {
    let mut p = midmarket();
    let path = field(Owner::Company(0), key);
    FieldEdit::new(path, FieldValue::Decimal(value))
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{key}: {e}"));
    let problems = validate(&p);
    assert!(has_errors(&problems), "{key} = {value} is an error");
    let who = p.companies.first().map(|c| c.name.clone()).unwrap_or_default();
    (who, problems)
}

/// The one problem at `path`.
fn only_at(problems: &[Problem], path: FieldPath) -> &Problem {
    let found: Vec<&Problem> = problems.iter().filter(|p| p.path == path).collect();
    match found.as_slice() {
        [one] => one,
        other => panic!("expected one problem at {path}, got {other:?}"),
    }
}

/// Issue 11: working-capital days below zero are refused, named by the field's label
/// ("Receivable days (on revenue)"), not its key.
#[test]
fn issue_11_negative_days_name_the_days_field() {
    for (key, label) in [
        ("working_capital.receivable_days", "receivable days (on revenue)"),
        (
            "working_capital.inventory_days",
            "inventory days (on cost of goods)",
        ),
        ("working_capital.payable_days", "payable days (on cost of goods)"),
    ] {
        let (who, problems) = errors_with(key, dec!(-15));
        let problem = only_at(&problems, field(Owner::Company(0), key));
        assert_eq!(problem.rule, Rule::OutOfRange);
        assert_eq!(
            problem.message,
            format!("'{who}' {label} is -15, must be between 0 and 730")
        );
    }
}

/// Issue 11: a fixed share of a cost pool over 100 % (more of the pool fixed than the
/// pool) is refused, named by its pool.
#[test]
fn issue_11_a_fixed_share_over_100_percent_names_its_pool() {
    let (who, problems) = errors_with("fixed_costs.shares.overhead", dec!(1.2));
    let problem = only_at(&problems, field(Owner::Company(0), "fixed_costs.shares.overhead"));
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(
        problem.message,
        format!("'{who}' fixed share of overhead is 120%, must be between 0% and 100%")
    );
}

/// Issue 11: partial exits that sell more than the fund holds, together (60 % + 50 %) or
/// in one sale (130 %), are refused, naming the company, the shares and their total.
#[test]
fn issue_11_a_partial_exit_of_more_than_is_held_names_the_shares() {
    let mut p = midmarket();
    let co = &mut p.companies[0];
    let who = co.name.clone();
    // Two sales in quarters strictly inside the hold: the two quarters after the
    // acquisition's.
    let inside = |quarters: u32| -> NaiveDate {
        co.acquisition_date
            .checked_add_months(chrono::Months::new(3 * quarters))
            .unwrap_or_else(|| panic!("date"))
    };
    let (first, second) = (inside(1), inside(2));
    assert!(first < co.exit_date && second < co.exit_date);
    co.partial_exits = vec![
        PartialExit {
            date: first,
            share: dec!(0.6),
        },
        PartialExit {
            date: second,
            share: dec!(0.5),
        },
    ];
    let problems = validate(&p);
    let total = only_at(&problems, FieldPath::PartialExits { company: 0 });
    assert_eq!(total.rule, Rule::Inconsistent);
    assert_eq!(
        total.message,
        format!("'{who}' partial exits sell more than the fund holds: 60% + 50% = 110% of the holding")
    );

    p.companies[0].partial_exits.truncate(1);
    p.companies[0].partial_exits[0].share = dec!(1.3);
    let problems = validate(&p);
    let one = only_at(
        &problems,
        FieldPath::PartialExit {
            company: 0,
            index: 0,
            part: PartialExitPart::Share,
        },
    );
    assert_eq!(
        one.message,
        format!("'{who}' partial exit 1 share is 130%, must be above 0% and at most 100%")
    );
}

/// Issue 11: a loss-offset cap below 0 % or above 100 % of taxable income is refused,
/// named by its label.
#[test]
fn issue_11_a_loss_offset_cap_outside_0_to_100_percent_names_the_cap() {
    for (value, shown) in [(dec!(-0.1), "-10%"), (dec!(1.05), "105%")] {
        let (who, problems) = errors_with("tax.loss_offset_cap", value);
        let problem = only_at(&problems, field(Owner::Company(0), "tax.loss_offset_cap"));
        assert_eq!(problem.rule, Rule::OutOfRange);
        assert_eq!(
            problem.message,
            format!("'{who}' loss offset cap (% of taxable income) is {shown}, must be between 0% and 100%")
        );
    }
}

//! Tests of the investors' checks: closes, classes and the equalisation rate.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::defaults::blank_portfolio;
use crate::engine::fields::{ClosePart, FieldEdit, FieldPath, FieldValue, LpClassPart, Owner};
use crate::engine::model::{Close, LpClass, Portfolio};
use crate::engine::validate::{Problem, Rule, Severity, validate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn class(name: &str) -> LpClass {
    LpClass {
        name: name.into(),
        investors: 3,
        management_fee_rate: None,
        post_investment_fee_rate: None,
        carry_rate: None,
        preferred_return: None,
    }
}

fn close(date: NaiveDate, class: &str, amount: Decimal) -> Close {
    Close {
        date,
        class: class.into(),
        amount,
    }
}

/// The blank fund ($1bn, first close 2026-03-31, a five-year investment period) with
/// an anchor class and a standard one, raised over two closes: 400m + 600m = 1bn.
fn two_classes() -> Portfolio {
    let mut p = blank_portfolio(d(2026, 3, 31));
    p.fund.investors.classes = vec![class("Anchor"), class("Standard")];
    p.fund.investors.closes = vec![
        close(d(2026, 3, 31), "Anchor", dec!(400_000_000)),
        close(d(2026, 12, 31), "Standard", dec!(600_000_000)),
    ];
    p
}

/// The one problem at `path`, which must be an error.
fn error_at(p: &Portfolio, path: FieldPath) -> Problem {
    let problems = validate(p);
    let found: Vec<&Problem> = problems.iter().filter(|x| x.path == path).collect();
    match found.as_slice() {
        [one] if one.severity == Severity::Error => (*one).clone(),
        other => panic!("expected one error at {path}, got {other:?} (all: {problems:?})"),
    }
}

fn investor_problems(p: &Portfolio) -> Vec<Problem> {
    validate(p)
        .into_iter()
        .filter(|x| x.path.to_string().starts_with("fund.investors"))
        .collect()
}

#[test]
fn classes_and_closes_that_fit_pass() {
    assert_eq!(investor_problems(&two_classes()), Vec::new());
    // Two closes on one day (the anchor and the standard class both at the first close).
    let mut p = two_classes();
    p.fund.investors.closes[1].date = d(2026, 3, 31);
    assert_eq!(investor_problems(&p), Vec::new());
}

#[test]
fn closes_adding_up_to_more_or_less_than_the_commitment_name_both_sums() {
    // 400m + 800m = 1.2bn: 200m over the 1bn commitment.
    let mut p = two_classes();
    p.fund.investors.closes[1].amount = dec!(800_000_000);
    let over = error_at(&p, FieldPath::Closes);
    assert_eq!(over.rule, Rule::Inconsistent);
    assert_eq!(
        over.message,
        "Closes add up to $1.2bn, $200.0m more than the commitment ($1.0bn): \
         the close amounts must add up to the commitment"
    );
    // 400m + 630m = 1.03bn reads "$1.0bn" like the commitment: the sums are given in
    // whole dollars instead.
    p.fund.investors.closes[1].amount = dec!(630_000_000);
    assert_eq!(
        error_at(&p, FieldPath::Closes).message,
        "Closes add up to $1,030,000,000, $30,000,000 more than the commitment \
         ($1,000,000,000): the close amounts must add up to the commitment"
    );
    // 400m + 500m = 900m: 100m short.
    p.fund.investors.closes[1].amount = dec!(500_000_000);
    assert_eq!(
        error_at(&p, FieldPath::Closes).message,
        "Closes add up to $900.0m, $100.0m less than the commitment ($1.0bn): \
         the close amounts must add up to the commitment"
    );
}

#[test]
fn a_close_amount_of_zero_is_named_and_not_summed() {
    let mut p = two_classes();
    p.fund.investors.closes[1].amount = Decimal::ZERO;
    let path = FieldPath::Close {
        index: 1,
        part: ClosePart::Amount,
    };
    let problem = error_at(&p, path);
    assert_eq!(problem.rule, Rule::NotPositive);
    assert_eq!(problem.message, "Close 2 amount must be above zero");
    assert!(validate(&p).iter().all(|x| x.path != FieldPath::Closes));
}

#[test]
fn a_class_with_no_lps_or_no_commitments_is_an_error() {
    let mut p = two_classes();
    p.fund.investors.classes[0].investors = 0;
    p.fund.investors.classes.push(class("Co-invest"));
    let no_lps = error_at(
        &p,
        FieldPath::LpClass {
            index: 0,
            part: LpClassPart::Investors,
        },
    );
    assert_eq!(no_lps.rule, Rule::NotPositive);
    assert_eq!(
        no_lps.message,
        "LP class Anchor has no LPs: its number of LPs is 0, and a class needs at least one"
    );
    let unfunded = error_at(
        &p,
        FieldPath::LpClass {
            index: 2,
            part: LpClassPart::Name,
        },
    );
    assert_eq!(unfunded.rule, Rule::Required);
    assert_eq!(
        unfunded.message,
        "LP class Co-invest has no commitments in any close: name it in a close, or remove the class"
    );
}

#[test]
fn a_close_must_name_one_of_the_funds_classes_or_none() {
    let path = FieldPath::Close {
        index: 1,
        part: ClosePart::Class,
    };
    let mut p = two_classes();
    p.fund.investors.closes[1].class = "Standrd".into();
    let unknown = error_at(&p, path);
    assert_eq!(unknown.rule, Rule::UnknownReference);
    assert_eq!(
        unknown.message,
        "Close 2 names LP class 'Standrd', which the fund does not have (its classes are Anchor and Standard)"
    );
    p.fund.investors.closes[1].class = String::new();
    assert_eq!(
        error_at(&p, path).message,
        "Close 2 names no LP class: the fund has classes (Anchor and Standard), so each close must name one"
    );
    // No classes at all: a close naming one refers to nothing; naming none is right.
    let mut p = two_classes();
    p.fund.investors.classes.clear();
    p.fund.investors.closes[0].class = String::new();
    assert_eq!(
        error_at(&p, path).message,
        "Close 2 names LP class 'Standard', but the fund has no LP classes: \
         add the class, or leave the close's class empty"
    );
    assert!(validate(&p).iter().all(|x| x.path
        != FieldPath::Close {
            index: 0,
            part: ClosePart::Class
        }));
}

#[test]
fn closes_start_at_the_first_close_in_date_order_within_the_investment_period() {
    let date = |index| FieldPath::Close {
        index,
        part: ClosePart::Date,
    };
    let mut p = two_classes();
    p.fund.investors.closes[0].date = d(2026, 6, 30);
    let first = error_at(&p, date(0));
    assert_eq!(first.rule, Rule::Inconsistent);
    assert_eq!(
        first.message,
        "Close 1 is on 2026-06-30, not on the fund's first close (2026-03-31): the first close opens the fund"
    );
    // A third close before the second.
    let mut p = two_classes();
    p.fund.investors.closes[1].amount = dec!(300_000_000);
    p.fund
        .investors
        .closes
        .push(close(d(2026, 9, 30), "Standard", dec!(300_000_000)));
    let order = error_at(&p, date(2));
    assert_eq!(order.rule, Rule::DateOrder);
    assert_eq!(
        order.message,
        "Close 3 is on 2026-09-30, before close 2 (2026-12-31): list the closes in date order"
    );
    // The investment period ends five years after 2026-03-31: 2031-03-31 is the last
    // day a close may be held.
    let mut p = two_classes();
    p.fund.investors.closes[1].date = d(2031, 3, 31);
    assert_eq!(investor_problems(&p), Vec::new());
    p.fund.investors.closes[1].date = d(2031, 4, 1);
    assert_eq!(
        error_at(&p, date(1)).message,
        "Close 2 is on 2031-04-01, after the investment period ends (2031-03-31): \
         a fund admits no LPs once it has stopped investing"
    );
}

#[test]
fn class_names_are_given_and_differ() {
    let name = |index| FieldPath::LpClass {
        index,
        part: LpClassPart::Name,
    };
    let mut p = two_classes();
    p.fund.investors.classes[1].name = "Anchor".into();
    p.fund.investors.closes[1].class = "Anchor".into();
    let twice = error_at(&p, name(1));
    assert_eq!(twice.rule, Rule::Duplicate);
    assert_eq!(
        twice.message,
        "LP classes 1 and 2 are both named 'Anchor': class names must differ"
    );
    p.fund.investors.classes[1].name = " ".into();
    assert_eq!(error_at(&p, name(1)).message, "LP class 2 needs a name");
}

#[test]
fn the_equalisation_rate_lies_in_0_to_100_percent() {
    let mut p = two_classes();
    let path = FieldPath::field(Owner::Fund, "investors.equalisation_rate").unwrap();
    FieldEdit::new(path, FieldValue::Decimal(dec!(1.2)))
        .apply(&mut p)
        .unwrap();
    let problem = error_at(&p, path);
    assert_eq!(problem.rule, Rule::OutOfRange);
    assert_eq!(
        problem.message,
        "Equalisation interest (later closes, a year) is 120%, must be between 0% and 100%"
    );
    p.fund.investors.equalisation_rate = dec!(-0.01);
    assert!(error_at(&p, path).message.contains("is -1%"));
}

#[test]
fn class_terms_lie_in_the_bounds_of_the_funds_own_fields() {
    // The fund's bounds: fees 0-10 % a year, carry and preferred return 0-50 %.
    let mut p = two_classes();
    let anchor = &mut p.fund.investors.classes[0];
    anchor.management_fee_rate = Some(dec!(0.12));
    anchor.post_investment_fee_rate = Some(dec!(-0.005));
    anchor.carry_rate = Some(dec!(0.6));
    anchor.preferred_return = Some(dec!(0.55));
    let at = |part| error_at(&p, FieldPath::LpClass { index: 0, part }).message;
    assert_eq!(
        at(LpClassPart::ManagementFeeRate),
        "LP class Anchor management fee is 12%, must be between 0% and 10%"
    );
    assert_eq!(
        at(LpClassPart::PostInvestmentFeeRate),
        "LP class Anchor post-investment fee is -0.5%, must be between 0% and 10%"
    );
    assert_eq!(
        at(LpClassPart::CarryRate),
        "LP class Anchor carried interest is 60%, must be between 0% and 50%"
    );
    assert_eq!(
        at(LpClassPart::PreferredReturn),
        "LP class Anchor preferred return is 55%, must be between 0% and 50%"
    );
    // Terms inside the bounds (a discounted anchor) pass.
    let anchor = &mut p.fund.investors.classes[0];
    anchor.management_fee_rate = Some(dec!(0.0125));
    anchor.post_investment_fee_rate = Some(dec!(0.01));
    anchor.carry_rate = Some(dec!(0.15));
    anchor.preferred_return = Some(dec!(0.08));
    assert_eq!(investor_problems(&p), Vec::new());
}

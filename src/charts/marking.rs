//! Which marking policy values the companies between acquisition and exit, in words, for
//! every output whose figures rest on the marks: the NAV charts' subtitles, `millwright
//! summary`, the app's Overview and the memo. One function, so they all say the same
//! thing; it reads the model only (no projection is run).

use crate::engine::model::{MarkingPolicy, Portfolio};

/// How a policy reads after "Marks:" or after a count of companies; the optimistic policy
/// always says so.
pub fn policy_phrase(policy: MarkingPolicy) -> &'static str {
    match policy {
        MarkingPolicy::EntryMultiple => "held at entry multiple (IPEV calibration)",
        MarkingPolicy::Comparables => "on sector comparables",
        MarkingPolicy::LinearToExit => "linear to exit multiple (optimistic)",
    }
}

/// The policy in force, for instance "held at entry multiple (IPEV calibration); 2
/// companies on sector comparables": the fund's policy, then how many companies override
/// it with each other policy (a company naming the fund's own policy is not counted).
pub fn marking_description(portfolio: &Portfolio) -> String {
    let fund_policy = portfolio.fund.marking_policy;
    let overrides: Vec<String> = MarkingPolicy::ALL
        .into_iter()
        .filter(|policy| *policy != fund_policy)
        .filter_map(|policy| {
            let count = portfolio
                .companies
                .iter()
                .filter(|company| company.marking_policy == Some(policy))
                .count();
            let noun = if count == 1 { "company" } else { "companies" };
            (count > 0).then(|| format!("{count} {noun} {}", policy_phrase(policy)))
        })
        .collect();
    let mut text = policy_phrase(fund_policy).to_string();
    if !overrides.is_empty() {
        text.push_str("; ");
        text.push_str(&overrides.join(", "));
    }
    text
}

/// "Marks: " and the [`marking_description`]: the detail of a chart built on marks.
pub fn marks_detail(portfolio: &Portfolio) -> String {
    format!("Marks: {}", marking_description(portfolio))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::samples;

    fn flagship() -> Portfolio {
        samples::flagship().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_fund_without_overrides_names_its_own_policy_only() {
        let mut p = flagship();
        p.fund.marking_policy = MarkingPolicy::EntryMultiple;
        for company in &mut p.companies {
            company.marking_policy = None;
        }
        assert_eq!(
            marking_description(&p),
            "held at entry multiple (IPEV calibration)"
        );
        assert_eq!(
            marks_detail(&p),
            "Marks: held at entry multiple (IPEV calibration)"
        );
        // A company naming the fund's own policy is no override.
        if let Some(first) = p.companies.first_mut() {
            first.marking_policy = Some(MarkingPolicy::EntryMultiple);
        }
        assert_eq!(
            marking_description(&p),
            "held at entry multiple (IPEV calibration)"
        );
    }

    #[test]
    fn overrides_are_counted_by_policy_in_display_order() {
        let mut p = flagship();
        assert!(p.companies.len() >= 3, "the sample has at least three companies");
        p.fund.marking_policy = MarkingPolicy::EntryMultiple;
        for company in &mut p.companies {
            company.marking_policy = None;
        }
        p.companies[0].marking_policy = Some(MarkingPolicy::Comparables);
        p.companies[1].marking_policy = Some(MarkingPolicy::Comparables);
        assert_eq!(
            marking_description(&p),
            "held at entry multiple (IPEV calibration); 2 companies on sector comparables"
        );
        // One more, on the optimistic policy: listed after comparables, in the singular.
        p.companies[2].marking_policy = Some(MarkingPolicy::LinearToExit);
        assert_eq!(
            marking_description(&p),
            "held at entry multiple (IPEV calibration); 2 companies on sector comparables, \
             1 company linear to exit multiple (optimistic)"
        );
    }

    #[test]
    fn the_optimistic_policy_says_so_wherever_it_is_in_force() {
        let mut p = flagship();
        for company in &mut p.companies {
            company.marking_policy = None;
        }
        p.fund.marking_policy = MarkingPolicy::LinearToExit;
        assert_eq!(marking_description(&p), "linear to exit multiple (optimistic)");
        // A fund on comparables with one optimistic company still says "optimistic".
        p.fund.marking_policy = MarkingPolicy::Comparables;
        p.companies[0].marking_policy = Some(MarkingPolicy::LinearToExit);
        let text = marking_description(&p);
        assert!(text.starts_with("on sector comparables; "), "{text}");
        assert!(
            text.ends_with("1 company linear to exit multiple (optimistic)"),
            "{text}"
        );
        // Neither policy in force: no "optimistic" anywhere.
        p.companies[0].marking_policy = Some(MarkingPolicy::EntryMultiple);
        assert!(!marking_description(&p).contains("optimistic"));
    }
}

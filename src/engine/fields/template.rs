//! Whether a company still carries the template's invented figures: a new company is
//! made from [`crate::engine::defaults::template_company`] and counts in the results at
//! once, so the app marks it as a template until one of its key fields is edited.

use super::{COMPANY_FIELDS, FieldValue};
use crate::engine::defaults;
use crate::engine::model::Company;

/// The fields that size a company and price its deal: editing any one of them makes the
/// figures the user's own.
pub const KEY_COMPANY_FIELDS: [&str; 11] = [
    "entry_revenue",
    "revenue_growth",
    "cost_pools.materials",
    "cost_pools.direct_labour",
    "cost_pools.energy",
    "cost_pools.maintenance",
    "cost_pools.overhead",
    "entry_multiple",
    "debt_multiple",
    "exit_multiple",
    "ownership",
];

/// Whether every key field of `company` still holds the template's value.
pub fn has_template_figures(company: &Company) -> bool {
    let template = defaults::template_company(&company.stage, company.acquisition_date, company.exit_date);
    let key_values = |c: &Company| -> Vec<Option<FieldValue>> {
        COMPANY_FIELDS
            .iter()
            .filter(|spec| KEY_COMPANY_FIELDS.contains(&spec.meta.key))
            .map(|spec| (spec.get)(c))
            .collect()
    };
    key_values(company) == key_values(&template)
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    #[test]
    fn a_new_company_is_a_template_until_a_key_field_changes()
    -> Result<(), crate::io::portfolio_file::LoadError> {
        let sample = crate::io::samples::flagship()?;
        let mut company = defaults::template_company_in(&sample, None);
        assert!(has_template_figures(&company));
        // Renaming it or moving its dates leaves the invented figures in place.
        company.name = "Acme Gears".into();
        company.exit_date = company.acquisition_date;
        assert!(has_template_figures(&company));
        company.entry_revenue = dec!(251_000_000);
        assert!(!has_template_figures(&company));
        assert!(sample.companies.iter().all(|c| !has_template_figures(c)));
        Ok(())
    }
}

//! Finding a company by the name a user typed, and the close names to suggest when
//! none matches.

use super::{MAX_SUGGESTIONS, StatementError};

/// ", did you mean …?" for an unknown company's message (nothing when no name is close).
pub(super) fn suggestion(close_matches: &[String]) -> String {
    if close_matches.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", close_matches.join(", "))
    }
}

/// The index of the company named `wanted` among `names`: an exact match, else the one
/// name equal to it without regard to case; otherwise an error listing close names.
pub(super) fn find_company<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    wanted: &str,
) -> Result<usize, StatementError> {
    if let Some(i) = names.clone().position(|n| n == wanted) {
        return Ok(i);
    }
    let folded = wanted.trim().to_lowercase();
    let same_but_case: Vec<usize> = names
        .clone()
        .enumerate()
        .filter(|(_, n)| n.trim().to_lowercase() == folded)
        .map(|(i, _)| i)
        .collect();
    if let [only] = same_but_case.as_slice() {
        return Ok(*only);
    }
    let mut close: Vec<(usize, &str)> = names
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let distance = edit_distance(&lower, &folded);
            let near = distance <= (folded.chars().count() / 3).max(2);
            let contains = !folded.is_empty() && (lower.contains(&folded) || folded.contains(&lower));
            (near || contains).then_some((distance, n))
        })
        .collect();
    close.sort_by_key(|(distance, name)| (*distance, *name));
    Err(StatementError::UnknownCompany {
        name: wanted.to_string(),
        close_matches: close
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, n)| n.to_string())
            .collect(),
    })
}

/// Levenshtein distance in characters: the fewest insertions, deletions and
/// substitutions turning `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(usize::MAX - 1) + usize::from(ca != *cb);
            let delete = previous.get(j + 1).copied().unwrap_or(usize::MAX - 1) + 1;
            let insert = current.last().copied().unwrap_or(usize::MAX - 1) + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_company_lists_the_names_it_looks_like() {
        let names = ["Aerostruct Precision", "Kestrel Avionics", "Bastion Armour Works"];
        assert_eq!(find_company(names.iter().copied(), "Kestrel Avionics"), Ok(1));
        assert_eq!(find_company(names.iter().copied(), "kestrel avionics"), Ok(1));
        let Err(error) = find_company(names.iter().copied(), "Aerostrut Precision") else {
            panic!("a misspelt name must be refused");
        };
        assert_eq!(
            error.to_string(),
            "there is no company named 'Aerostrut Precision' in the fund (did you mean Aerostruct Precision?)"
        );
        let Err(error) = find_company(names.iter().copied(), "Zephyr") else {
            panic!("an unknown name must be refused");
        };
        assert_eq!(
            error.to_string(),
            "there is no company named 'Zephyr' in the fund"
        );
    }

    #[test]
    fn edit_distance_counts_single_character_changes() {
        // kitten → sitten (substitute) → sittin (substitute) → sitting (insert): 3.
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}

//! serde's descriptions of a bad field, in a fund manager's words: a decimal or a whole
//! number is asked for as the file writes it, and an unknown key is said to be one.

/// What serde says when a decimal field holds something else.
const SERDE_DECIMAL: &str = "expected a Decimal type representing a fixed-point number";
/// What serde says when a whole-number field (years, quarters) holds something else.
const SERDE_WHOLE_NUMBER: &str = "expected u32";
/// The same, said plainly.
const DECIMAL: &str = "expected a decimal number written as a string, such as \"0.08\"";
const WHOLE_NUMBER: &str = "expected a whole number, 0 or more, such as 5";

/// `message` (serde's, its position already removed) in plain words.
pub(super) fn plain(message: &str) -> String {
    // `invalid value: string "45 days", expected a Decimal …`: the text is not a number.
    if let Some(quoted) = message
        .strip_prefix("invalid value: string ")
        .and_then(|rest| rest.strip_suffix(SERDE_DECIMAL))
        .and_then(|rest| rest.strip_suffix(", "))
    {
        return format!("{quoted} is not a number; {DECIMAL}");
    }
    if let Some(rest) = message.strip_prefix("unknown field ")
        && let Some((field, expected)) = rest.split_once(", expected ")
    {
        return format!("unknown field {field} (check its spelling), expected {expected}");
    }
    message
        .replace(SERDE_DECIMAL, DECIMAL)
        .replace(SERDE_WHOLE_NUMBER, WHOLE_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn serde_messages_read_plainly() {
        assert_eq!(
            plain(
                "invalid value: string \"45 days\", expected a Decimal type representing a fixed-point number"
            ),
            "\"45 days\" is not a number; expected a decimal number written as a string, such as \"0.08\""
        );
        assert_eq!(
            plain("invalid type: boolean `true`, expected a Decimal type representing a fixed-point number"),
            "invalid type: boolean `true`, expected a decimal number written as a string, such as \"0.08\""
        );
        assert_eq!(
            plain("invalid value: integer `-5`, expected u32"),
            "invalid value: integer `-5`, expected a whole number, 0 or more, such as 5"
        );
        assert_eq!(
            plain("unknown field `colour`, expected one of `name`, `currency`"),
            "unknown field `colour` (check its spelling), expected one of `name`, `currency`"
        );
        assert_eq!(plain("missing field `name`"), "missing field `name`");
    }
}

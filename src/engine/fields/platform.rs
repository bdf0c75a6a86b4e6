//! The lever row naming the shared AI platform a lever runs on (`programme.platform`;
//! the platforms themselves are list data, `FieldPath::Programme`). Empty text means no
//! platform; a name the fund does not have is refused by `validate::platform`.

use super::{FieldMeta, FieldSpec, FieldValue, Unit};
use crate::engine::model::Lever;

/// The platform the lever runs on: it starts no earlier than the platform's go-live.
pub(super) const LEVER_PLATFORM: FieldSpec<Lever> = FieldSpec {
    meta: FieldMeta::new("programme.platform", "Runs on AI platform", Unit::Text, None),
    get: |l| Some(FieldValue::Text(l.programme.platform.clone().unwrap_or_default())),
    set: |l, v| {
        let text = v.text()?;
        l.programme.platform = (!text.trim().is_empty()).then_some(text);
        Ok(())
    },
};

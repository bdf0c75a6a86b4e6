//! Seeded mutators of portfolio files for the fuzz harness (`examples/fuzz.rs`) and its
//! CI smoke test; not part of the supported API.
//!
//! Two kinds of mutation of a sample: structure-aware (parse to JSON, then change values
//! to extreme decimals and integers, swap dates, delete or duplicate array items, rename
//! stage references, empty strings, add scenarios and company overrides) and byte-level
//! (flip, insert and delete bytes of the pretty text). The same seed gives the same
//! sequence of inputs.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Value, json};

/// Decimals at and beyond the edges of what the model accepts, written as strings.
const EXTREME_DECIMALS: &[&str] = &[
    "1e28",
    "-1e28",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "7.9228162514264337593543950335",
    "-0",
    "0",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "1e-28",
    "-1",
    "-0.9999999999",
    "1",
    "0.5",
    "2",
    "1000",
    "1000000",
    "1e15",
    "99999999999999999999",
    "-99999999999999",
    "0.3333333333333333333333333333",
    "",
    "abc",
];

/// Integers for the whole-number fields (years, quarters), as JSON numbers.
const EXTREME_INTEGERS: &[i64] = &[
    0,
    -1,
    1,
    2,
    59,
    60,
    200,
    1000,
    65_535,
    2_147_483_647,
    -2_147_483_648,
    4_294_967_295,
    4_294_967_296,
    i64::MAX,
    i64::MIN,
];

const DATES: &[&str] = &[
    "1900-01-01",
    "1970-01-01",
    "2026-02-29",
    "2024-02-29",
    "2026-12-31",
    "2199-12-31",
    "9999-12-31",
    "0001-01-01",
    "2026-13-01",
];

/// Field names a company override may set (the real ones and one that is not).
const OVERRIDE_FIELDS: &[&str] = &[
    "exit_multiple",
    "entry_multiple",
    "revenue_growth",
    "exit_date",
    "acquisition_date",
    "debt_multiple",
    "interest_rate",
    "ownership",
    "stage",
    "no_such_field",
];

/// Scenario overrides, with the type each is written as.
const SCENARIO_DECIMALS: &[&str] = &[
    "realisation_scale",
    "ramp_scale",
    "exit_multiple_shift",
    "entry_multiple_shift",
    "growth_shift",
    "leverage_shift",
    "management_fee_rate",
    "carry_rate",
    "preferred_return",
];

/// A seeded source of mutated portfolio files.
pub struct Mutator {
    rng: ChaCha8Rng,
}

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// One mutated input made from `sample` (a portfolio file's text): mostly
    /// structure-aware edits, sometimes byte-level edits on top.
    pub fn mutate(&mut self, sample: &str) -> Vec<u8> {
        let mut value: Value = serde_json::from_str(sample).unwrap_or(Value::Null);
        let edits = self.rng.random_range(1..=4);
        for _ in 0..edits {
            self.edit_structure(&mut value);
        }
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        let mut bytes = text.into_bytes();
        if self.rng.random_ratio(1, 5) {
            self.edit_bytes(&mut bytes);
        }
        bytes
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.rng.random_range(0..items.len()))
        }
    }

    fn edit_structure(&mut self, root: &mut Value) {
        let mut pointers = Vec::new();
        collect_pointers(root, String::new(), &mut pointers);
        let Some(pointer) = self.pick(&pointers).cloned() else {
            return;
        };
        match self.rng.random_range(0..10) {
            0..=3 => self.replace_leaf(root, &pointer),
            4 => self.swap_dates(root, &pointers),
            5 => self.edit_array(root, &pointer),
            6 => self.rename_stage_reference(root),
            7 => self.add_scenario(root),
            8 => self.add_company_override(root),
            _ => self.add_uncertainty(root),
        }
    }

    fn extreme_decimal(&mut self) -> Value {
        Value::from(*self.pick(EXTREME_DECIMALS).unwrap_or(&"0"))
    }

    fn extreme_integer(&mut self) -> Value {
        Value::from(*self.pick(EXTREME_INTEGERS).unwrap_or(&0))
    }

    fn replace_leaf(&mut self, root: &mut Value, pointer: &str) {
        let replacement = match root.pointer(pointer) {
            Some(Value::Number(_)) if self.rng.random_ratio(4, 5) => self.extreme_integer(),
            Some(Value::String(s)) if looks_like_date(s) => {
                Value::from(*self.pick(DATES).unwrap_or(&"2026-01-01"))
            }
            Some(Value::Bool(b)) => Value::Bool(!b),
            Some(Value::Object(_) | Value::Array(_)) if self.rng.random_ratio(1, 2) => return,
            _ => match self.rng.random_range(0..8) {
                0 => Value::from(""),
                1 => Value::Null,
                2 => self.extreme_integer(),
                _ => self.extreme_decimal(),
            },
        };
        if let Some(slot) = root.pointer_mut(pointer) {
            *slot = replacement;
        }
    }

    fn swap_dates(&mut self, root: &mut Value, pointers: &[String]) {
        let dates: Vec<&String> = pointers
            .iter()
            .filter(|p| {
                root.pointer(p)
                    .and_then(Value::as_str)
                    .is_some_and(looks_like_date)
            })
            .collect();
        let (Some(a), Some(b)) = (self.pick(&dates).copied(), self.pick(&dates).copied()) else {
            return;
        };
        let (Some(va), Some(vb)) = (root.pointer(a).cloned(), root.pointer(b).cloned()) else {
            return;
        };
        if let Some(slot) = root.pointer_mut(a) {
            *slot = vb;
        }
        if let Some(slot) = root.pointer_mut(b) {
            *slot = va;
        }
    }

    fn edit_array(&mut self, root: &mut Value, pointer: &str) {
        // The array holding the pointed-at value, or the value itself if it is one.
        let target = match root.pointer(pointer) {
            Some(Value::Array(_)) => pointer.to_string(),
            _ => pointer
                .rsplit_once('/')
                .map_or_else(String::new, |(head, _)| head.to_string()),
        };
        let delete = self.rng.random_ratio(1, 2);
        let len = match root.pointer(&target) {
            Some(Value::Array(items)) => items.len(),
            _ => return,
        };
        let at = if len == 0 {
            0
        } else {
            self.rng.random_range(0..len)
        };
        if let Some(Value::Array(items)) = root.pointer_mut(&target) {
            if delete && at < items.len() {
                items.remove(at);
            } else if let Some(copy) = items.get(at).cloned() {
                items.insert(at, copy);
            }
        }
    }

    fn rename_stage_reference(&mut self, root: &mut Value) {
        let mut names: Vec<String> = root["stages"]
            .as_array()
            .map(|stages| {
                stages
                    .iter()
                    .filter_map(|s| s["name"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        names.extend(["No such stage".to_string(), String::new()]);
        let count = root["companies"].as_array().map_or(0, Vec::len);
        if count == 0 {
            return;
        }
        let company = self.rng.random_range(0..count);
        let name = self.pick(&names).cloned().unwrap_or_default();
        if self.rng.random_ratio(1, 3) {
            // Rename the stage itself so companies point at a name that is gone.
            if let Some(stage) = root.pointer_mut("/stages/0/name") {
                *stage = Value::from(name);
            }
        } else if let Some(slot) = root.pointer_mut(&format!("/companies/{company}/stage")) {
            *slot = Value::from(name);
        }
    }

    fn add_scenario(&mut self, root: &mut Value) {
        let mut scenario = Map::new();
        let name = *self.pick(&["Fuzz", "Base", "Downside", ""]).unwrap_or(&"Fuzz");
        scenario.insert("name".into(), Value::from(name));
        for _ in 0..self.rng.random_range(1..=3) {
            let field = *self.pick(SCENARIO_DECIMALS).unwrap_or(&"ramp_scale");
            let value = self.extreme_decimal();
            scenario.insert(field.into(), value);
        }
        if self.rng.random_ratio(1, 3) {
            let delay = self.extreme_integer();
            scenario.insert("exit_delay_quarters".into(), delay);
        }
        if let Some(Value::Array(list)) = root.get_mut("scenarios") {
            list.push(Value::Object(scenario));
        } else if let Some(map) = root.as_object_mut() {
            map.insert("scenarios".into(), json!([scenario]));
        }
    }

    fn add_company_override(&mut self, root: &mut Value) {
        let companies: Vec<String> = root["companies"]
            .as_array()
            .map(|cs| {
                cs.iter()
                    .filter_map(|c| c["name"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let company = self.pick(&companies).cloned().unwrap_or_else(|| "Nobody".into());
        let field = *self.pick(OVERRIDE_FIELDS).unwrap_or(&"exit_multiple");
        let value = if field.ends_with("_date") {
            Value::from(*self.pick(DATES).unwrap_or(&"2026-01-01"))
        } else {
            self.extreme_decimal()
        };
        let overrides = json!([{ "company": company, "fields": { field: value } }]);
        let count = root["scenarios"].as_array().map_or(0, Vec::len);
        let at = if count == 0 {
            0
        } else {
            self.rng.random_range(0..count)
        };
        if let Some(scenario) = root.pointer_mut(&format!("/scenarios/{at}"))
            && let Some(map) = scenario.as_object_mut()
        {
            map.insert("company_overrides".into(), overrides);
        }
    }

    fn add_uncertainty(&mut self, root: &mut Value) {
        let drivers = [
            "realisation_scale",
            "exit_multiple_shift",
            "exit_delay_quarters",
            "growth_shift",
        ];
        let driver = *self.pick(&drivers).unwrap_or(&"growth_shift");
        let (a, b, c) = (
            self.extreme_decimal(),
            self.extreme_decimal(),
            self.extreme_decimal(),
        );
        let distribution = match self.rng.random_range(0..5) {
            0 => json!({ "kind": "fixed", "value": a }),
            1 => json!({ "kind": "uniform", "min": a, "max": b }),
            2 => json!({ "kind": "triangular", "min": a, "mode": b, "max": c }),
            3 => json!({ "kind": "normal", "mean": a, "sd": b, "min": c, "max": "1" }),
            _ => json!({ "kind": "discrete", "values": [a, b], "weights": [c, "1"] }),
        };
        if let Some(slot) = root.pointer_mut(&format!("/uncertainty/{driver}")) {
            *slot = distribution;
        } else if self.rng.random_ratio(1, 2)
            && let Some(slot) = root.pointer_mut("/uncertainty/market_factor_weight")
        {
            *slot = self.extreme_decimal();
        }
    }

    fn edit_bytes(&mut self, bytes: &mut Vec<u8>) {
        for _ in 0..self.rng.random_range(1..=8) {
            let len = bytes.len();
            let at = if len == 0 {
                0
            } else {
                self.rng.random_range(0..len)
            };
            let byte: u8 = self.rng.random();
            match (self.rng.random_range(0..3), bytes.get_mut(at)) {
                (0, Some(b)) => *b ^= 1 << (byte % 8),
                (1, Some(_)) => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
    }
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-')
}

/// JSON pointers (`/companies/0/exit_multiple`) of every value in `value`.
fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                collect_pointers(v, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs_and_they_differ_from_the_sample() {
        let sample = crate::io::samples::SAMPLES[1].1;
        let mut a = Mutator::new(5);
        let mut b = Mutator::new(5);
        let mut changed = 0;
        for _ in 0..50 {
            let x = a.mutate(sample);
            assert_eq!(x, b.mutate(sample));
            let reformatted = serde_json::from_str::<Value>(sample)
                .ok()
                .and_then(|v| serde_json::to_string_pretty(&v).ok())
                .unwrap_or_default();
            changed += usize::from(x != reformatted.as_bytes());
        }
        assert!(changed >= 45, "only {changed} of 50 inputs were changed");
    }
}

//! Where a field error really is. serde reads an internally tagged enum (a Monte Carlo
//! `Distribution` in `uncertainty`, a waterfall, a PME benchmark) into a buffer first and
//! then decodes the buffer: an error found there carries the path of the whole object and
//! the position where the buffer ended (its closing brace), not the bad member's. This
//! module indexes the text's members by path and line/column and points at the member
//! the message is about.

use std::collections::HashMap;

/// `path` (as `serde_path_to_error` writes it) → (line, column) of the member's key, or
/// of the item for array items; 1-based. The text must be valid JSON.
fn index(text: &str) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
        out: HashMap::new(),
    };
    scanner.skip_space();
    scanner.value(String::new());
    scanner.out
}

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    column: usize,
    out: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn string(&mut self) -> String {
        let mut s = String::new();
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    // Escapes only matter for keys; keep the escaped character as is.
                    if let Some(e) = self.bump() {
                        s.push(e);
                    }
                }
                _ => s.push(c),
            }
        }
        s
    }

    fn value(&mut self, path: String) {
        match self.chars.peek() {
            Some('{') => {
                self.bump();
                loop {
                    self.skip_space();
                    if self.chars.peek() != Some(&'"') {
                        self.bump(); // `}` of an empty object
                        return;
                    }
                    let at = (self.line, self.column);
                    let key = self.string();
                    let member = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.out.insert(member.clone(), at);
                    self.skip_space();
                    self.bump(); // `:`
                    self.skip_space();
                    self.value(member);
                    self.skip_space();
                    if self.bump() != Some(',') {
                        return;
                    }
                }
            }
            Some('[') => {
                self.bump();
                for i in 0.. {
                    self.skip_space();
                    if self.chars.peek() == Some(&']') {
                        self.bump();
                        return;
                    }
                    let item = format!("{path}[{i}]");
                    self.out.insert(item.clone(), (self.line, self.column));
                    self.value(item);
                    self.skip_space();
                    if self.bump() != Some(',') {
                        return;
                    }
                }
            }
            Some('"') => {
                self.string();
            }
            _ => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
        }
    }
}

/// How serde's `Unexpected` shows a JSON value in a message (`string "x"`,
/// `integer `5``), for the values it can name.
fn as_serde_shows_it(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(format!("string {s:?}")),
        serde_json::Value::Bool(b) => Some(format!("boolean `{b}`")),
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => Some(format!("integer `{n}`")),
        serde_json::Value::Number(n) => Some(format!("floating point `{n}`")),
        _ => None,
    }
}

/// The name in backticks after `prefix` in `message` (`unknown field `x``).
fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// For an error at `path` (an object or array) with `message`: the member it is about
/// and where that is, or where the object itself starts. `None` when `path` does not
/// name an object or array of `value` (then serde's own position is exact).
pub(super) fn refine(
    text: &str,
    value: &serde_json::Value,
    path: &str,
    message: &str,
) -> Option<(String, usize, usize)> {
    let pointer = to_pointer(path)?;
    let container = value.pointer(&pointer)?;
    if !container.is_object() && !container.is_array() {
        return None;
    }
    let positions = index(text);
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    if let Some(key) = quoted_after(message, "unknown field `") {
        let member = join(key);
        if let Some(&(line, column)) = positions.get(&member) {
            return Some((member, line, column));
        }
    }
    if let serde_json::Value::Object(map) = container {
        for (key, member_value) in map {
            let shown = as_serde_shows_it(member_value).filter(|shown| message.contains(shown.as_str()));
            if shown.is_some() && key != "kind" {
                let member = join(key);
                if let Some(&(line, column)) = positions.get(&member) {
                    return Some((member, line, column));
                }
            }
        }
    }
    let &(line, column) = positions.get(path)?;
    Some((path.to_string(), line, column))
}

/// `uncertainty.values[2]` → `/uncertainty/values/2`.
fn to_pointer(path: &str) -> Option<String> {
    if path == "." {
        return Some(String::new());
    }
    let mut pointer = String::new();
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            pointer.push('/');
            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            pointer.push('/');
            pointer.push_str(index.strip_suffix(']')?);
        }
    }
    Some(pointer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_indexed_by_path_and_position() {
        let text = "{\n  \"a\": {\"b\": [1, {\"c\": \"x\"}]},\n  \"d\": true\n}";
        let positions = index(text);
        assert_eq!(positions.get("a"), Some(&(2, 3)));
        assert_eq!(positions.get("a.b"), Some(&(2, 9)));
        assert_eq!(positions.get("a.b[1]"), Some(&(2, 18)));
        assert_eq!(positions.get("a.b[1].c"), Some(&(2, 19)));
        assert_eq!(positions.get("d"), Some(&(3, 3)));
        assert_eq!(to_pointer("a.b[1].c").as_deref(), Some("/a/b/1/c"));
        assert_eq!(to_pointer("m[0][2]").as_deref(), Some("/m/0/2"));
    }
}

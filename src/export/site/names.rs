//! File names for the site's pages that are safe on every system: lower-case
//! ASCII letters, digits, `-` and `_` only (anything else spelled as `_` and
//! its code), no Windows device names (`con`, `nul`, `com1`, …), at most 100
//! characters, and no two names that differ only in case (Windows and macOS
//! would see one file).

use std::collections::{BTreeMap, HashSet};

/// Longest stem, in bytes (the page's extension comes on top).
const MAX_STEM: usize = 100;

const WINDOWS_DEVICES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A safe stem for `id` (not yet unique among others).
pub fn safe_stem(id: &str) -> String {
    let mut stem = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' | '_' => stem.push(c),
            'A'..='Z' => stem.push(c.to_ascii_lowercase()),
            c => stem.push_str(&format!("_{:x}", c as u32)),
        }
    }
    if stem.is_empty() || stem.starts_with('-') {
        stem.insert(0, '_');
    }
    if WINDOWS_DEVICES.contains(&stem.as_str()) {
        stem.insert(0, '_');
    }
    if stem.len() > MAX_STEM {
        stem.truncate(MAX_STEM);
    }
    stem
}

/// Unique safe stems for `ids`, in their order: the second of two ids with
/// the same stem gets `-2`, the third `-3`, and so on.
pub fn unique_stems<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut taken = HashSet::new();
    let mut out = BTreeMap::new();
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        let base = safe_stem(id);
        let mut stem = base.clone();
        let mut n = 2;
        while !taken.insert(stem.clone()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        out.insert(id.to_string(), stem);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_everywhere() {
        assert_eq!(safe_stem("police-diplomacy"), "police-diplomacy");
        assert_eq!(safe_stem("000_d179677d1f4e20a5"), "000_d179677d1f4e20a5");
        assert_eq!(safe_stem("CON"), "_con");
        assert_eq!(safe_stem("a/b:c"), "a_2fb_3ac");
        assert!(safe_stem("دیپلماسی").chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        assert_eq!(safe_stem(""), "_");
        assert!(safe_stem(&"x".repeat(300)).len() <= MAX_STEM);
    }

    #[test]
    fn names_differ_in_more_than_case() {
        let stems = unique_stems(["Report", "report", "REPORT", "other"]);
        assert_eq!(stems["Report"], "report");
        assert_eq!(stems["report"], "report-2");
        assert_eq!(stems["REPORT"], "report-3");
        assert_eq!(stems["other"], "other");
    }
}

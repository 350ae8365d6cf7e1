//! The normalizer: `fold` and `fold_str` agree, and the offset map sends every
//! folded range back to whole characters of the original whose folding is
//! that range.
#![no_main]

use diplomap::text::normalize::{CharFold, CharInfo, fold, fold_str};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let folded = fold(text);
    let f = folded.text();
    assert_eq!(f, fold_str(text), "fold and fold_str differ");
    assert_eq!(folded.original_len(), text.len());
    // The table agrees with folding each character alone.
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let alone = fold_str(c.encode_utf8(&mut buffer));
        match CharInfo::of(c).folded() {
            CharFold::One(one) => assert_eq!(alone, one.to_string(), "{c:?}"),
            CharFold::Drop => assert!(alone.is_empty(), "{c:?}"),
            CharFold::Many => assert!(alone.chars().count() > 1, "{c:?}"),
        }
    }
    // Offsets where an original character's folding begins.
    let mut boundaries = Vec::new();
    let mut previous = None;
    let mut last = 0;
    for (i, _) in f.char_indices() {
        let o = folded.original_start(i);
        assert!(o >= last, "original_start not monotonic at {i}");
        assert!(text.is_char_boundary(o));
        last = o;
        if previous != Some(o) {
            boundaries.push(i);
        }
        previous = Some(o);
    }
    boundaries.push(f.len());
    // Every pair would be quadratic: neighbours, and each start with a few ends.
    for (a_index, &a) in boundaries.iter().enumerate() {
        for &b in boundaries[a_index..].iter().take(4).chain(boundaries.last()) {
            let range = folded.original_range_in(text, a..b);
            assert!(range.start <= range.end && range.end <= text.len());
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            if a < b {
                assert_eq!(fold_str(&text[range.clone()]), &f[a..b], "range {a}..{b} -> {range:?}");
            }
            let loose = folded.original_range(a..b);
            assert!(loose.start <= loose.end && loose.end <= text.len());
        }
    }
});

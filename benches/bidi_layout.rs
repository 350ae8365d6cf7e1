//! How long the bidi paragraph layout takes on a 5,000-word mixed Persian, Arabic,
//! English and number paragraph built from the seed documents, with a fake
//! measurer (7 px a char), at a few widths: it must be cheap enough to redo on
//! every resize. Run with `cargo bench --no-default-features --bench bidi_layout`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use diplomap::text::bidi_layout::{LayoutOptions, ParagraphDirection, StyleId, StyleSpan, layout_paragraph};

const SEEDS: [&str; 5] = [
    include_str!("../corpus/documents/000_d179677d1f4e20a5.txt"),
    include_str!("../corpus/documents/001_06edd9455f6f2070.txt"),
    include_str!("../corpus/documents/002_e0ff0a2344230e73.txt"),
    include_str!("../corpus/documents/003_412e824fada4b61c.txt"),
    include_str!("../corpus/documents/004_be513f05f174dac0.txt"),
];

/// 5,000 words taken in turn from the seeds (one paragraph, no hard breaks),
/// with a number or a Latin word every seventh word.
fn mixed_paragraph(word_count: usize) -> String {
    let words: Vec<&str> = SEEDS.iter().flat_map(|seed| seed.split_whitespace()).collect();
    let extras = ["2021", "(INTERPOL)", "۱۳۹۱/۰۷/۱۸", "35%", "Europol", "[12]"];
    let mut paragraph = String::new();
    for index in 0..word_count {
        if index > 0 {
            paragraph.push(' ');
        }
        if index % 7 == 3 {
            paragraph.push_str(extras[index % extras.len()]);
        } else {
            paragraph.push_str(words[(index * 13) % words.len()]);
        }
    }
    paragraph
}

fn bench(c: &mut Criterion) {
    let text = mixed_paragraph(5_000);
    let spans: Vec<StyleSpan> = (0..text.len())
        .step_by(400)
        .map(|start| text.floor_char_boundary(start))
        .map(|start| StyleSpan { range: start..text.ceil_char_boundary(start + 30), style: StyleId(1) })
        .collect();
    for width in [300.0f32, 700.0, 1400.0] {
        c.bench_function(&format!("layout 5000 words, width {width}"), |b| {
            b.iter(|| {
                let mut measure = |run: &str, _: StyleId| run.chars().count() as f32 * 7.0;
                let options = LayoutOptions::new(ParagraphDirection::Auto, width);
                black_box(layout_paragraph(black_box(&text), &spans, &options, &mut measure))
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

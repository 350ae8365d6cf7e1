//! Text with overlapping marks (sentences, damaged lines, mentions) written
//! as properly nested HTML: where two marks cross, the inner one is closed
//! and opened again, so the text itself comes out once, in logical order,
//! exactly as the corpus has it.
//!
//! ```
//! use diplomap::export::site::markup::{Mark, marked};
//! let marks = [Mark::new(0..7, 0, "<b>", "</b>"), Mark::new(4..11, 1, "<i>", "</i>")];
//! assert_eq!(marked("one two three", 0, &marks), "<b>one <i>two</i></b><i> thr</i>ee");
//! ```

use std::ops::Range;

use crate::export::html::escape_into;

/// One mark over a byte range of a document.
#[derive(Debug, Clone)]
pub struct Mark {
    pub range: Range<usize>,
    /// Nesting: lower levels go outside higher ones.
    pub level: u8,
    /// The opening tag of the first piece (it may carry an `id`).
    pub open: String,
    /// The opening tag of any further piece.
    pub reopen: String,
    pub close: &'static str,
}

impl Mark {
    pub fn new(range: Range<usize>, level: u8, open: &str, close: &'static str) -> Mark {
        Mark { range, level, open: open.into(), reopen: open.into(), close }
    }
}

/// `text` (which starts at byte `base` of its document) with `marks` (in
/// document offsets) as nested HTML; marks outside `text` or not on
/// character boundaries are left out.
pub fn marked(text: &str, base: usize, marks: &[Mark]) -> String {
    let local = |offset: usize| offset.checked_sub(base).map(|o| o.min(text.len()));
    let marks: Vec<(Range<usize>, &Mark)> = marks
        .iter()
        .filter_map(|mark| {
            let start = local(mark.range.start.max(base))?;
            let end = local(mark.range.end)?;
            (start < end && text.is_char_boundary(start) && text.is_char_boundary(end)).then_some((start..end, mark))
        })
        .collect();
    let mut points: Vec<usize> = vec![0, text.len()];
    for (range, _) in &marks {
        points.push(range.start);
        points.push(range.end);
    }
    points.sort_unstable();
    points.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    let mut stack: Vec<usize> = Vec::new();
    let mut opened = vec![false; marks.len()];
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut wanted: Vec<usize> =
            (0..marks.len()).filter(|&i| marks[i].0.start <= a && marks[i].0.end >= b).collect();
        wanted.sort_by_key(|&i| (marks[i].1.level, i));
        let keep = stack.iter().zip(&wanted).take_while(|(x, y)| x == y).count();
        while stack.len() > keep {
            if let Some(i) = stack.pop() {
                out.push_str(marks[i].1.close);
            }
        }
        for &i in &wanted[keep..] {
            out.push_str(if opened[i] { &marks[i].1.reopen } else { &marks[i].1.open });
            opened[i] = true;
            stack.push(i);
        }
        escape_into(&mut out, &text[a..b]);
    }
    while let Some(i) = stack.pop() {
        out.push_str(marks[i].1.close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_and_more(range: Range<usize>, level: u8, id: &str) -> Mark {
        Mark { range, level, open: format!("<span id=\"{id}\">"), reopen: "<span>".into(), close: "</span>" }
    }

    #[test]
    fn crossing_marks_nest_and_the_text_is_whole() {
        let text = "اینترپل و یوروپل";
        let marks = [first_and_more(0..text.len(), 0, "s-1"), Mark::new(0..14, 2, "<a>", "</a>")];
        assert_eq!(marked(text, 0, &marks), "<span id=\"s-1\"><a>اینترپل</a> و یوروپل</span>");
        let text = "one two. three four";
        let split =
            [first_and_more(0..8, 0, "s-1"), first_and_more(9..19, 0, "s-2"), Mark::new(4..13, 2, "<a>", "</a>")];
        assert_eq!(
            marked(text, 0, &split),
            "<span id=\"s-1\">one <a>two.</a></span><a> </a><span id=\"s-2\"><a>thre</a>e four</span>"
        );
    }

    #[test]
    fn marks_outside_or_off_boundaries_are_left_out() {
        let text = "ab<c";
        let marks = [Mark::new(100..120, 0, "<x>", "</x>"), Mark::new(11..13, 0, "<y>", "</y>")];
        assert_eq!(marked(text, 10, &marks), "a<y>b&lt;</y>c");
        assert_eq!(marked("دی", 0, &[Mark::new(1..3, 0, "<z>", "</z>")]), "دی");
    }
}

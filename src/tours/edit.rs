//! Pure editing of tours: each operation returns a new tour and leaves its
//! argument alone, so the editor can keep the old one for undo. Step indices
//! count from 0; an index out of range gives `None`.

use super::{Tour, TourStep};

/// `tour` with `step` inserted at `index` (at the end when `index` is past it).
pub fn add_step(tour: &Tour, index: usize, step: TourStep) -> Tour {
    let mut out = tour.clone();
    let index = index.min(out.steps.len());
    out.steps.insert(index, step);
    out
}

/// `tour` with step `from` moved so that it ends up at index `to`.
pub fn move_step(tour: &Tour, from: usize, to: usize) -> Option<Tour> {
    if from >= tour.steps.len() || to >= tour.steps.len() {
        return None;
    }
    let mut out = tour.clone();
    let step = out.steps.remove(from);
    out.steps.insert(to, step);
    Some(out)
}

/// `tour` with a copy of step `index` right after it.
pub fn duplicate_step(tour: &Tour, index: usize) -> Option<Tour> {
    let step = tour.steps.get(index)?.clone();
    Some(add_step(tour, index + 1, step))
}

/// `tour` without step `index`.
pub fn delete_step(tour: &Tour, index: usize) -> Option<Tour> {
    if index >= tour.steps.len() {
        return None;
    }
    let mut out = tour.clone();
    out.steps.remove(index);
    Some(out)
}

/// `tour` with step `index` replaced by `step`.
pub fn replace_step(tour: &Tour, index: usize, step: TourStep) -> Option<Tour> {
    let mut out = tour.clone();
    *out.steps.get_mut(index)? = step;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tour(ids: &[&str]) -> Tour {
        Tour { steps: ids.iter().map(|id| TourStep::focused(id, 1)).collect(), ..Tour::default() }
    }

    fn ids(tour: &Tour) -> Vec<&str> {
        tour.steps.iter().map(|s| s.focus.as_ref().map_or("", |f| f.concept.as_str())).collect()
    }

    #[test]
    fn table() {
        let t = tour(&["a", "b", "c"]);
        assert_eq!(ids(&add_step(&t, 1, TourStep::focused("x", 0))), ["a", "x", "b", "c"]);
        assert_eq!(ids(&add_step(&t, 99, TourStep::focused("x", 0))), ["a", "b", "c", "x"]);
        assert_eq!(ids(&move_step(&t, 0, 2).unwrap()), ["b", "c", "a"]);
        assert_eq!(ids(&move_step(&t, 2, 0).unwrap()), ["c", "a", "b"]);
        assert_eq!(ids(&duplicate_step(&t, 1).unwrap()), ["a", "b", "b", "c"]);
        assert_eq!(ids(&delete_step(&t, 1).unwrap()), ["a", "c"]);
        assert_eq!(ids(&replace_step(&t, 2, TourStep::focused("z", 0)).unwrap()), ["a", "b", "z"]);
        assert!(move_step(&t, 3, 0).is_none());
        assert!(duplicate_step(&t, 3).is_none());
        assert!(delete_step(&t, 3).is_none());
        assert_eq!(ids(&t), ["a", "b", "c"], "the original is untouched");
    }
}

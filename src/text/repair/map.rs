//! The byte map between a reading text and the stored text it was made from.

use std::ops::Range;

/// A stretch of the reading copied from a stretch of the stored text (the same
/// bytes), or inserted by the repair (a space or half-space; `original` empty,
/// at the stored offset the insertion stands for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapRun {
    pub reading: Range<usize>,
    pub original: Range<usize>,
}

impl MapRun {
    fn is_copy(&self) -> bool {
        self.original.len() == self.reading.len() && !self.reading.is_empty()
    }
}

/// Reading byte ranges ↔ stored byte ranges. Runs are in reading order and
/// cover the reading without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ByteMap {
    runs: Vec<MapRun>,
}

impl ByteMap {
    /// The map of a text read as stored: one run, `base` the text's offset in
    /// the stored file.
    pub fn identity(len: usize, base: usize) -> ByteMap {
        let mut map = ByteMap::default();
        map.copy(0..len, base..base + len);
        map
    }

    pub fn runs(&self) -> &[MapRun] {
        &self.runs
    }

    /// The same map with every stored offset moved on by `base` (the map of
    /// a line made the map into the file the line is part of).
    pub fn shifted_original(&self, base: usize) -> ByteMap {
        let runs = self
            .runs
            .iter()
            .map(|run| MapRun {
                reading: run.reading.clone(),
                original: run.original.start + base..run.original.end + base,
            })
            .collect();
        ByteMap { runs }
    }

    /// The map made of `runs` (as [`ByteMap::runs`] gives them), if they are
    /// a map: in reading order without gaps, each a copy of as many stored
    /// bytes or an insertion.
    pub fn from_runs(runs: Vec<MapRun>) -> Option<ByteMap> {
        let mut end = 0;
        for run in &runs {
            let copy_or_insert = run.original.len() == run.reading.len() || run.original.is_empty();
            if run.reading.start != end
                || run.reading.is_empty()
                || !copy_or_insert
                || run.original.start > run.original.end
            {
                return None;
            }
            end = run.reading.end;
        }
        Some(ByteMap { runs })
    }

    /// Records that `reading` is a copy of `original` (same length).
    pub(crate) fn copy(&mut self, reading: Range<usize>, original: Range<usize>) {
        if reading.is_empty() {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.is_copy()
            && last.reading.end == reading.start
            && last.original.end == original.start
        {
            last.reading.end = reading.end;
            last.original.end = original.end;
            return;
        }
        self.runs.push(MapRun { reading, original });
    }

    /// Records that `reading` was inserted, standing at stored offset `at`.
    pub(crate) fn insert(&mut self, reading: Range<usize>, at: usize) {
        if !reading.is_empty() {
            self.runs.push(MapRun { reading, original: at..at });
        }
    }

    /// Appends `other` (a map of a later stretch), shifted by `reading_shift`.
    pub(crate) fn extend_shifted(&mut self, other: &ByteMap, reading_shift: usize) {
        for run in &other.runs {
            let reading = run.reading.start + reading_shift..run.reading.end + reading_shift;
            if run.is_copy() {
                self.copy(reading, run.original.clone());
            } else {
                self.runs.push(MapRun { reading, original: run.original.clone() });
            }
        }
    }

    /// The stored byte ranges the reading range `reading` was made from, in
    /// reading order, neighbours merged; inserted spaces map to nothing. A word
    /// whose letters lie in several pieces gives one range per piece.
    pub fn original_ranges(&self, reading: Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let first = self.runs.partition_point(|run| run.reading.end <= reading.start);
        for run in &self.runs[first..] {
            if run.reading.start >= reading.end {
                break;
            }
            if !run.is_copy() {
                continue;
            }
            let from = reading.start.max(run.reading.start);
            let to = reading.end.min(run.reading.end);
            if from >= to {
                continue;
            }
            let range = run.original.start + (from - run.reading.start)..run.original.start + (to - run.reading.start);
            match out.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => out.push(range),
            }
        }
        out
    }

    /// Where the stored byte `original` is in the reading, if it was copied.
    pub fn reading_offset(&self, original: usize) -> Option<usize> {
        self.runs
            .iter()
            .find(|run| run.is_copy() && run.original.contains(&original))
            .map(|run| run.reading.start + (original - run.original.start))
    }

    /// The reading ranges that hold the stored range `original` (several when
    /// the repair moved its parts apart), in reading order.
    pub fn reading_ranges(&self, original: Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for run in self.runs.iter().filter(|run| run.is_copy()) {
            let from = original.start.max(run.original.start);
            let to = original.end.min(run.original.end);
            if from >= to {
                continue;
            }
            let range = run.reading.start + (from - run.original.start)..run.reading.start + (to - run.original.start);
            match out.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => out.push(range),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_both_ways() {
        // Reading "cd ab" made of stored "ab" (0..2) and "cd" (3..5), space inserted.
        let mut map = ByteMap::default();
        map.copy(0..2, 3..5);
        map.insert(2..3, 2);
        map.copy(3..5, 0..2);
        assert_eq!(map.original_ranges(0..5), [3..5, 0..2]);
        assert_eq!(map.original_ranges(1..4), [4..5, 0..1]);
        assert_eq!(map.reading_offset(0), Some(3));
        assert_eq!(map.reading_offset(2), None);
        assert_eq!(map.reading_ranges(0..5), [0..2, 3..5]);
        let identity = ByteMap::identity(4, 10);
        assert_eq!(identity.original_ranges(1..3), vec![11..13]);
    }
}

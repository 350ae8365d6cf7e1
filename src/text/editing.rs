//! Editing a text by logical byte offsets, with no UI: a caret and a selection,
//! inserting and deleting by character cluster or word, and undo/redo with
//! typing grouped word by word.
//!
//! Offsets are always on char boundaries and never inside a cluster: an Arabic
//! letter and the harakat that follow it move and delete together forward, and
//! Backspace takes one mark at a time (as Persian and Arabic editors do), so a
//! mistyped haraka can be fixed without retyping the letter. Where the caret is
//! drawn and which way the arrow keys go in mixed-direction text is the bidi
//! layout's business ([`super::bidi_layout`]); this module only moves logically.
//!
//! ```
//! use diplomap::text::editing::{EditBuffer, Unit};
//! let mut buffer = EditBuffer::new("پلیس");
//! buffer.insert(" بین‌الملل");
//! assert_eq!(buffer.text(), "پلیس بین‌الملل");
//! buffer.delete_backward(Unit::Word);
//! assert_eq!(buffer.text(), "پلیس ");
//! buffer.undo();
//! assert_eq!(buffer.text(), "پلیس بین‌الملل");
//! ```

use std::ops::Range;

use super::normalize::is_combining_mark;

/// How far a caret move or a deletion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One character with the combining marks that follow it.
    Char,
    /// To the next word edge.
    Word,
}

/// At most this many undo steps are kept.
const UNDO_LIMIT: usize = 500;

/// A text being edited: its caret, its selection and its history.
#[derive(Debug, Clone, Default)]
pub struct EditBuffer {
    text: String,
    /// Where the caret is (the moving end of the selection).
    caret: usize,
    /// The fixed end of the selection; equal to `caret` when nothing is selected.
    anchor: usize,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// What the last change was, so typing and deleting are undone a word at a time.
    group: Option<Group>,
}

#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    text: String,
    caret: usize,
    anchor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// Typing letters of a word.
    Word,
    /// Typing the spaces after a word.
    Space,
    Deleting,
}

impl EditBuffer {
    /// A buffer holding `text`, the caret at its end, no history.
    pub fn new(text: impl Into<String>) -> EditBuffer {
        let text = clean_input(&text.into());
        let end = text.len();
        EditBuffer { text, caret: end, anchor: end, ..EditBuffer::default() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn caret(&self) -> usize {
        self.caret
    }

    pub fn anchor(&self) -> usize {
        self.anchor
    }

    /// The selected bytes, in logical order (empty at the caret when nothing is selected).
    pub fn selection(&self) -> Range<usize> {
        self.caret.min(self.anchor)..self.caret.max(self.anchor)
    }

    pub fn has_selection(&self) -> bool {
        self.caret != self.anchor
    }

    pub fn selected_text(&self) -> &str {
        &self.text[self.selection()]
    }

    /// Put the caret at `offset` (snapped to a cluster boundary); `extend` keeps
    /// the anchor, so the selection grows or shrinks.
    pub fn set_caret(&mut self, offset: usize, extend: bool) {
        self.caret = self.snap(offset);
        if !extend {
            self.anchor = self.caret;
        }
        self.group = None;
    }

    /// Select `range` (snapped to cluster boundaries), the caret at its end.
    pub fn select(&mut self, range: Range<usize>) {
        self.anchor = self.snap(range.start);
        self.caret = self.snap(range.end);
        self.group = None;
    }

    pub fn select_all(&mut self) {
        self.select(0..self.text.len());
    }

    /// Replace the selection with `input` (control characters other than line
    /// breaks and tabs dropped, CR LF made LF). Returns whether the text changed.
    pub fn insert(&mut self, input: &str) -> bool {
        let input = clean_input(input);
        if input.is_empty() && !self.has_selection() {
            return false;
        }
        let group = if input.chars().all(|c| c == ' ' || c == '\t') { Group::Space } else { Group::Word };
        let joins_last = !self.has_selection()
            && !input.contains('\n')
            && (self.group == Some(group) || (self.group == Some(Group::Word) && group == Group::Space));
        if !joins_last {
            self.remember();
        }
        let range = self.selection();
        self.text.replace_range(range.clone(), &input);
        self.caret = range.start + input.len();
        self.anchor = self.caret;
        self.group = Some(group);
        true
    }

    /// Backspace: delete the selection, or `unit` before the caret.
    pub fn delete_backward(&mut self, unit: Unit) -> bool {
        if self.has_selection() {
            return self.delete_range(self.selection());
        }
        let start = match unit {
            Unit::Char => previous_char(&self.text, self.caret),
            Unit::Word => self.previous_word_start(self.caret),
        };
        self.delete_range(start..self.caret)
    }

    /// Delete: delete the selection, or `unit` after the caret.
    pub fn delete_forward(&mut self, unit: Unit) -> bool {
        if self.has_selection() {
            return self.delete_range(self.selection());
        }
        self.delete_range(self.caret..self.next_stop(self.caret, unit))
    }

    /// Cut: the selected text, removed from the buffer.
    pub fn cut(&mut self) -> Option<String> {
        if !self.has_selection() {
            return None;
        }
        let taken = self.selected_text().to_owned();
        self.group = None;
        self.delete_range(self.selection());
        self.group = None;
        Some(taken)
    }

    /// Replace the whole text (a reload from disk), as one undoable step.
    pub fn replace_all(&mut self, text: &str) {
        if text == self.text {
            return;
        }
        self.remember();
        self.text = clean_input(text);
        self.caret = self.snap(self.caret);
        self.anchor = self.caret;
        self.group = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undo the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else { return false };
        let current = self.snapshot();
        self.redo.push(current);
        self.restore(previous);
        true
    }

    /// Redo the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        let current = self.snapshot();
        self.undo.push(current);
        self.restore(next);
        true
    }

    /// The next caret stop after `offset`: past one cluster, or to the end of the next word.
    pub fn next_stop(&self, offset: usize, unit: Unit) -> usize {
        match unit {
            Unit::Char => next_char(&self.text, offset),
            Unit::Word => self.next_word_end(offset),
        }
    }

    /// The caret stop before `offset`: before one cluster, or at the start of the word.
    pub fn previous_stop(&self, offset: usize, unit: Unit) -> usize {
        match unit {
            Unit::Char => cluster_start(&self.text, previous_char(&self.text, offset)),
            Unit::Word => self.previous_word_start(offset),
        }
    }

    /// The word around `offset` (a double click), or the one character there if it is not in a word.
    pub fn word_at(&self, offset: usize) -> Range<usize> {
        word_at(&self.text, self.snap(offset))
    }

    fn next_word_end(&self, offset: usize) -> usize {
        let rest = &self.text[offset..];
        let word_start = rest.char_indices().find(|&(_, c)| is_word_part(c)).map_or(rest.len(), |(i, _)| i);
        let after = &rest[word_start..];
        let word_len = after.char_indices().find(|&(_, c)| !is_word_part(c)).map_or(after.len(), |(i, _)| i);
        offset + word_start + word_len
    }

    fn previous_word_start(&self, offset: usize) -> usize {
        let before = &self.text[..offset];
        let trimmed = before.trim_end_matches(|c: char| !is_word_part(c));
        let start =
            trimmed.char_indices().rev().take_while(|&(_, c)| is_word_part(c)).last().map_or(trimmed.len(), |(i, _)| i);
        if start == offset { previous_char(&self.text, offset) } else { start }
    }

    /// Remove `range` (remembering the state before, caret and selection as
    /// they were, unless this continues a run of deletions).
    fn delete_range(&mut self, range: Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        if self.group != Some(Group::Deleting) {
            self.remember();
        }
        self.text.replace_range(range.clone(), "");
        self.caret = range.start;
        self.anchor = range.start;
        self.group = Some(Group::Deleting);
        true
    }

    /// Push the present state on the undo stack and forget what was undone.
    fn remember(&mut self) {
        let snapshot = self.snapshot();
        if self.undo.last() != Some(&snapshot) {
            self.undo.push(snapshot);
        }
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot { text: self.text.clone(), caret: self.caret, anchor: self.anchor }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.text = snapshot.text;
        self.caret = self.snap(snapshot.caret);
        self.anchor = self.snap(snapshot.anchor);
        self.group = None;
    }

    /// `offset` clamped to the text, on a char boundary, not inside a cluster.
    fn snap(&self, offset: usize) -> usize {
        let offset = self.text.floor_char_boundary(offset.min(self.text.len()));
        cluster_start(&self.text, offset)
    }
}

/// The word of `text` around `offset` (a double click), or the one character
/// there if it is not in a word.
pub fn word_at(text: &str, offset: usize) -> Range<usize> {
    let offset = cluster_start(text, text.floor_char_boundary(offset.min(text.len())));
    let at_word = text[offset..].chars().next().is_some_and(is_word_part);
    let before_word = text[..offset].chars().next_back().is_some_and(is_word_part);
    if !at_word && !before_word {
        return offset..next_char(text, offset);
    }
    let start =
        text[..offset].char_indices().rev().take_while(|&(_, c)| is_word_part(c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].char_indices().find(|&(_, c)| !is_word_part(c)).map_or(text.len(), |(i, _)| offset + i);
    start..end
}

/// Letters, digits, combining marks, ZWNJ and tatweel make words (`می‌روند` is one).
fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}')
}

/// A character drawn on the one before it.
fn is_mark(c: char) -> bool {
    is_combining_mark(c) || matches!(c, '\u{0300}'..='\u{036F}' | '\u{FE20}'..='\u{FE2F}')
}

/// The offset after the character at `offset` and the marks that follow it.
fn next_char(text: &str, offset: usize) -> usize {
    let mut chars = text[offset..].char_indices();
    let Some((_, first)) = chars.next() else { return text.len() };
    let mut end = offset + first.len_utf8();
    for (i, c) in chars {
        if !is_mark(c) {
            break;
        }
        end = offset + i + c.len_utf8();
    }
    end
}

/// The offset of the character before `offset` (one mark at a time).
fn previous_char(text: &str, offset: usize) -> usize {
    text[..offset].char_indices().next_back().map_or(0, |(i, _)| i)
}

/// Back from `offset` over marks to the character they sit on.
fn cluster_start(text: &str, offset: usize) -> usize {
    let mut start = offset;
    while text[start..].chars().next().is_some_and(is_mark) {
        let Some((i, _)) = text[..start].char_indices().next_back() else { break };
        start = i;
    }
    start
}

/// Text as it may enter a buffer: CR LF and lone CR made LF, other control characters dropped.
fn clean_input(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typing_a_word_is_undone_as_one_step_and_the_space_with_it() {
        let mut buffer = EditBuffer::new("");
        for c in ["د", "ی", "پ", " ", "پ", "ل"] {
            buffer.insert(c);
        }
        assert_eq!(buffer.text(), "دیپ پل");
        assert!(buffer.undo());
        assert_eq!(buffer.text(), "دیپ ");
        assert!(buffer.undo());
        assert_eq!(buffer.text(), "");
        assert!(!buffer.undo());
        assert!(buffer.redo() && buffer.redo());
        assert_eq!(buffer.text(), "دیپ پل");
        assert_eq!(buffer.caret(), buffer.text().len());
    }

    #[test]
    fn a_new_edit_forgets_what_was_undone() {
        let mut buffer = EditBuffer::new("a");
        buffer.insert("b");
        buffer.undo();
        buffer.insert("c");
        assert!(!buffer.redo());
        assert_eq!(buffer.text(), "ac");
    }

    #[test]
    fn a_letter_moves_and_deletes_forward_with_its_harakat_and_backspace_takes_one_mark() {
        let text = "مُحَمَّد";
        let mut buffer = EditBuffer::new(text);
        buffer.set_caret(0, false);
        let after_first = buffer.next_stop(0, Unit::Char);
        assert_eq!(&text[..after_first], "مُ");
        buffer.set_caret(after_first, false);
        buffer.delete_backward(Unit::Char);
        assert_eq!(buffer.text(), "محَمَّد");
        assert_eq!(buffer.caret(), "م".len());
        buffer.delete_forward(Unit::Char);
        assert_eq!(buffer.text(), "ممَّد");
    }

    #[test]
    fn carets_never_land_between_a_letter_and_its_mark() {
        let buffer = EditBuffer::new("بِسم");
        let mut inside = buffer.clone();
        inside.set_caret("ب".len(), false);
        assert_eq!(inside.caret(), 0);
        assert_eq!(buffer.previous_stop("بِس".len(), Unit::Char), "بِ".len());
        assert_eq!(buffer.previous_stop("بِ".len(), Unit::Char), 0);
    }

    #[test]
    fn words_hold_zwnj_and_stop_at_punctuation() {
        let text = "آنها می‌روند، (INTERPOL) ۱۴۰۲";
        let buffer = EditBuffer::new(text);
        let start = text.find("می").unwrap_or(0);
        assert_eq!(&text[buffer.word_at(start + 2)], "می‌روند");
        assert_eq!(&text[start..buffer.next_stop(start, Unit::Word)], "می‌روند");
        let end = text.len();
        assert_eq!(&text[buffer.previous_stop(end, Unit::Word)..], "۱۴۰۲");
        let paren = text.find('(').unwrap_or(0);
        assert_eq!(&text[buffer.word_at(paren)], "(");
    }

    #[test]
    fn ctrl_backspace_deletes_the_word_before_and_the_spaces_after_it() {
        let mut buffer = EditBuffer::new("organised crime  ");
        buffer.delete_backward(Unit::Word);
        assert_eq!(buffer.text(), "organised ");
        buffer.delete_backward(Unit::Word);
        buffer.delete_backward(Unit::Word);
        assert_eq!(buffer.text(), "");
        assert!(!buffer.delete_backward(Unit::Word));
        assert!(buffer.undo());
        assert_eq!(buffer.text(), "organised crime  ", "consecutive deletions are one step");
        assert!(!buffer.has_selection(), "undo gives back the caret, not a selection");
    }

    #[test]
    fn typing_over_a_selection_replaces_it_and_cut_takes_it() {
        let mut buffer = EditBuffer::new("police diplomacy");
        buffer.select(0..6);
        assert_eq!(buffer.selected_text(), "police");
        buffer.insert("city");
        assert_eq!(buffer.text(), "city diplomacy");
        buffer.select_all();
        assert_eq!(buffer.cut().as_deref(), Some("city diplomacy"));
        assert_eq!(buffer.text(), "");
        buffer.undo();
        assert_eq!(buffer.text(), "city diplomacy");
    }

    #[test]
    fn pasted_text_loses_control_characters_and_carriage_returns() {
        let mut buffer = EditBuffer::new("");
        buffer.insert("a\r\nb\u{7}c\td\re");
        assert_eq!(buffer.text(), "a\nbc\td\ne");
    }

    #[test]
    fn replacing_all_text_is_one_undoable_step() {
        let mut buffer = EditBuffer::new("mine");
        buffer.replace_all("theirs");
        assert_eq!(buffer.text(), "theirs");
        assert!(buffer.caret() <= buffer.text().len());
        buffer.undo();
        assert_eq!(buffer.text(), "mine");
    }

    #[derive(Debug, Clone)]
    enum Op {
        Insert(String),
        Back(bool),
        Forward(bool),
        Caret(usize, bool),
        Undo,
        Redo,
        Cut,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            "[a-z اِیپ‌،۱\n]{0,4}".prop_map(Op::Insert),
            any::<bool>().prop_map(Op::Back),
            any::<bool>().prop_map(Op::Forward),
            (0usize..60, any::<bool>()).prop_map(|(offset, extend)| Op::Caret(offset, extend)),
            Just(Op::Undo),
            Just(Op::Redo),
            Just(Op::Cut),
        ]
    }

    fn unit(word: bool) -> Unit {
        if word { Unit::Word } else { Unit::Char }
    }

    proptest! {
        /// Whatever is done, offsets stay on boundaries, and undoing everything
        /// gives back the first text.
        #[test]
        fn any_edits_keep_offsets_valid_and_undo_all_the_way_back(
            start in "[a-z اُیپ‌]{0,12}",
            ops in proptest::collection::vec(op(), 0..40),
        ) {
            let mut buffer = EditBuffer::new(start.clone());
            for op in ops {
                match op {
                    Op::Insert(text) => { buffer.insert(&text); }
                    Op::Back(word) => { buffer.delete_backward(unit(word)); }
                    Op::Forward(word) => { buffer.delete_forward(unit(word)); }
                    Op::Caret(offset, extend) => buffer.set_caret(offset, extend),
                    Op::Undo => { buffer.undo(); }
                    Op::Redo => { buffer.redo(); }
                    Op::Cut => { buffer.cut(); }
                }
                let text = buffer.text();
                prop_assert!(text.is_char_boundary(buffer.caret()) && buffer.caret() <= text.len());
                prop_assert!(text.is_char_boundary(buffer.anchor()) && buffer.anchor() <= text.len());
            }
            while buffer.undo() {}
            prop_assert_eq!(buffer.text(), start.as_str());
        }
    }
}

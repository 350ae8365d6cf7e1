//! A text editor for user text in any direction (notes), over the bidi layout.
//!
//! egui's `TextEdit` neither reorders nor wraps right-to-left text, so a Persian
//! note typed in it reads backwards around every number or Latin word. Here the
//! buffer is an [`EditBuffer`] (logical byte offsets, undo), every hard line is
//! laid out by [`crate::text::bidi_layout`] in its own direction (a line with no
//! strong character takes the direction of the one before it), and the caret
//! behaves as a Persian reader expects:
//!
//! - ← and → move the caret visually, one character left or right, also across
//!   Latin words and numbers inside Persian text; at the end of a line they go on
//!   to the next or previous line the way the text reads;
//! - Ctrl+← and Ctrl+→ jump a word, in reading order (→ in Persian goes back);
//! - Home and End go to the start and end of the line (its right and left edge
//!   in an RTL line); ↑ and ↓ keep the column; Shift extends the selection;
//! - Backspace/Delete (Ctrl: a word), Ctrl+A, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y,
//!   copy, cut and paste of logical text; mouse click, drag and double click.
//!
//! A single-line editor (a search or find box) takes Enter as "go" instead of a
//! line break, leaves ↑/↓ to the view around it, and turns pasted line breaks
//! into spaces. AccessKit sees a text input with its label and value, and can
//! set its value.

use std::hash::Hash;
use std::ops::Range;
use std::sync::Arc;

use eframe::egui;
use egui::{Event, Id, Key, Modifiers, Pos2, Rect, Response, Sense, Ui, Vec2};

use crate::text::bidi_layout::levels::first_strong_direction;
use crate::text::bidi_layout::{Direction, ParagraphDirection, ParagraphLayout};
use crate::text::editing::{EditBuffer, Unit};
use crate::ui::widgets::bidi_text::{BidiTextStyle, EguiMeasure, cached_layout, paint_layout};

/// Space between the frame and the text.
const MARGIN: Vec2 = Vec2::new(6.0, 4.0);

/// How the editor is shown.
pub struct BidiEditOptions<'a> {
    /// The accessible name (screen readers, tests).
    pub label: &'a str,
    /// Shown, weak, while the text is empty.
    pub hint: &'a str,
    /// The height it takes at least, in lines.
    pub rows: usize,
    pub interactive: bool,
    /// The direction of an empty text: the interface's.
    pub rtl_when_empty: bool,
    /// One line: Enter submits, ↑/↓ are left to the view.
    pub single_line: bool,
    /// The width to take; all the width available when `None`.
    pub width: Option<f32>,
}

impl<'a> BidiEditOptions<'a> {
    /// A multi-line editor of at least `rows` lines.
    pub fn multi_line(label: &'a str, hint: &'a str, rows: usize, rtl_when_empty: bool) -> Self {
        BidiEditOptions { label, hint, rows, interactive: true, rtl_when_empty, single_line: false, width: None }
    }

    /// A one-line box (search, find) `width` wide.
    pub fn single_line(label: &'a str, hint: &'a str, width: f32, rtl_when_empty: bool) -> Self {
        BidiEditOptions {
            label,
            hint,
            rows: 1,
            interactive: true,
            rtl_when_empty,
            single_line: true,
            width: Some(width),
        }
    }
}

/// What the editor did this frame.
pub struct BidiEditOutput {
    pub response: Response,
    /// The text changed (typing, deleting, pasting, undo…).
    pub changed: bool,
    /// Enter was pressed in a single-line editor.
    pub submitted: bool,
}

/// Whether a text field has the keyboard: egui's `TextEdit` or a bidi editor.
/// Views check it before taking plain keys as shortcuts.
pub fn editing_text(ctx: &egui::Context) -> bool {
    let focused = ctx.memory(|memory| memory.focused());
    ctx.text_edit_focused() || focused.is_some() && focused == ctx.data(|data| data.get_temp::<Id>(focus_key()))
}

fn focus_key() -> Id {
    Id::unique("diplomap_bidi_edit_focused")
}

/// The editor, as wide as the space it is given (or `options.width`).
pub fn bidi_edit_ui(
    ui: &mut Ui,
    id_salt: impl Hash + std::fmt::Debug,
    buffer: &mut EditBuffer,
    options: &BidiEditOptions<'_>,
) -> BidiEditOutput {
    let id = ui.make_persistent_id(id_salt);
    bidi_edit_with_id(ui, id, buffer, options)
}

/// The editor over a plain `String` (a search box, a form field): its caret,
/// selection and undo live in egui's memory under `id`, and start afresh
/// when the string is changed from outside.
pub fn bidi_edit_string_ui(ui: &mut Ui, id: Id, text: &mut String, options: &BidiEditOptions<'_>) -> BidiEditOutput {
    let key = buffer_key(id);
    let stored = ui.data(|data| data.get_temp::<EditBuffer>(key)).filter(|buffer| buffer.text() == text.as_str());
    let mut buffer = stored.unwrap_or_else(|| EditBuffer::new(text.clone()));
    let output = bidi_edit_with_id(ui, id, &mut buffer, options);
    if output.changed {
        *text = buffer.text().to_owned();
    }
    ui.data_mut(|data| data.insert_temp(key, buffer));
    output
}

/// Give the keyboard to the string editor `id` with all its text selected (Ctrl+F).
pub fn focus_and_select_all(ctx: &egui::Context, id: Id) {
    ctx.memory_mut(|memory| memory.request_focus(id));
    let key = buffer_key(id);
    ctx.data_mut(|data| {
        if let Some(mut buffer) = data.get_temp::<EditBuffer>(key) {
            buffer.select_all();
            data.insert_temp(key, buffer);
        }
    });
}

fn buffer_key(id: Id) -> Id {
    id.with("bidi_edit_buffer")
}

/// The editor with a given id (so a view can focus it, or ask whether it has focus).
pub fn bidi_edit_with_id(
    ui: &mut Ui,
    id: Id,
    buffer: &mut EditBuffer,
    options: &BidiEditOptions<'_>,
) -> BidiEditOutput {
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().text_color());
    let width =
        options.width.filter(|width| width.is_finite()).unwrap_or(ui.available_width()).max(2.0 * MARGIN.x + 20.0);
    let row_height = style.row_height(ui.ctx());
    let text_width = width - 2.0 * MARGIN.x;
    let before = EditLayout::new(ui.ctx(), buffer.text(), text_width, &style, options);
    let lines = before.line_count().max(options.rows.max(1));
    let size = Vec2::new(width, lines as f32 * row_height + 2.0 * MARGIN.y);
    let (_, rect) = ui.allocate_space(size);
    let sense = if options.interactive { Sense::click_and_drag() } else { Sense::hover() };
    let mut response = ui.interact(rect, id, sense);
    let scroll_id = id.with("scroll_x");
    let mut scroll_x: f32 = ui.ctx().data(|data| data.get_temp(scroll_id)).unwrap_or(0.0);
    let origin = rect.min + MARGIN + Vec2::new(scroll_x, 0.0);
    let prev_text = buffer.text().to_owned();
    let mut changed = false;
    let mut moved = false;
    let mut submitted = false;

    if options.interactive {
        let layout = before.placed(origin, row_height);
        moved |= handle_pointer(ui, &response, buffer, &layout, &style);
        if let Some(value) = accesskit_value(ui, id) {
            buffer.select_all();
            changed |= buffer.insert(&value);
        }
        if response.has_focus() {
            ui.memory_mut(|memory| memory.set_focus_lock_filter(id, event_filter()));
            ui.ctx().data_mut(|data| data.insert_temp(focus_key(), id));
            let keys = handle_keys(ui, buffer, &style, text_width, options, origin, row_height);
            changed |= keys.changed;
            moved |= keys.moved;
            submitted |= keys.submitted;
        }
    }

    let lines_before = before.line_count();
    let after = if buffer.text() == prev_text {
        before
    } else {
        EditLayout::new(ui.ctx(), buffer.text(), text_width, &style, options)
    };
    if after.line_count() != lines_before {
        ui.ctx().request_repaint();
    }
    let focused = response.has_focus();
    let mut caret = after.placed(origin, row_height).caret_rect(ui.ctx(), &style, buffer.caret());
    let scrolled = after.scroll_to_show(scroll_x, caret.center().x - origin.x, text_width);
    if scrolled != scroll_x {
        caret = caret.translate(Vec2::new(scrolled - scroll_x, 0.0));
        scroll_x = scrolled;
        ui.ctx().data_mut(|data| data.insert_temp(scroll_id, scroll_x));
    }
    let layout = after.placed(rect.min + MARGIN + Vec2::new(scroll_x, 0.0), row_height);
    if focused && (moved || changed) {
        ui.scroll_to_rect(caret.expand(row_height), None);
    }
    if ui.is_rect_visible(rect) {
        paint(ui, rect, &layout, buffer, &style, options, focused, caret);
    }
    if focused {
        ui.output_mut(|output| {
            output.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect,
                cursor_rect: caret,
                should_interrupt_composition: false,
            })
        });
    }
    if changed {
        response.mark_changed();
    }
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(options.interactive, &prev_text, buffer.text(), options.hint);
        info.label = Some(options.label.to_owned());
        info
    });
    if !options.single_line {
        ui.ctx().accesskit_node_builder(id, |node| node.set_role(egui::accesskit::Role::MultilineTextInput));
    }
    BidiEditOutput { response, changed, submitted }
}

/// Which keys the editor keeps while it has focus: all arrows (a single-line
/// box ignores ↑/↓, so the view around it can use them), never Tab.
fn event_filter() -> egui::EventFilter {
    egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, tab: false, escape: false }
}

/// What the keys of one frame did.
#[derive(Default)]
struct KeysOutcome {
    changed: bool,
    moved: bool,
    submitted: bool,
}

/// Click to place the caret, Shift+click and drag to select, double click for a word.
fn handle_pointer(
    ui: &Ui,
    response: &Response,
    buffer: &mut EditBuffer,
    layout: &PlacedLayout<'_>,
    style: &BidiTextStyle,
) -> bool {
    let shift = ui.input(|input| input.modifiers.shift);
    let ctx = ui.ctx();
    if response.double_clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let word = buffer.word_at(layout.hit(ctx, style, pos));
            buffer.select(word);
        }
        return true;
    }
    if response.drag_started() {
        if let Some(pos) = ui.input(|input| input.pointer.press_origin()) {
            buffer.set_caret(layout.hit(ctx, style, pos), shift);
        }
        response.request_focus();
        return true;
    }
    if response.dragged() {
        if let Some(pos) = response.interact_pointer_pos() {
            buffer.set_caret(layout.hit(ctx, style, pos), true);
        }
        return true;
    }
    if response.clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            buffer.set_caret(layout.hit(ctx, style, pos), shift);
        }
        response.request_focus();
        return true;
    }
    false
}

/// The keyboard, clipboard and IME events of this frame.
fn handle_keys(
    ui: &Ui,
    buffer: &mut EditBuffer,
    style: &BidiTextStyle,
    text_width: f32,
    options: &BidiEditOptions<'_>,
    origin: Pos2,
    row_height: f32,
) -> KeysOutcome {
    let events = ui.input(|input| input.filtered_events(&event_filter()));
    let mut outcome = KeysOutcome::default();
    let one_line = |text: &str| if options.single_line { text.replace(['\n', '\r'], " ") } else { text.to_owned() };
    let (mut changed, mut moved) = (false, false);
    for event in events {
        match event {
            Event::Text(text) if text != "\n" && text != "\r" => changed |= buffer.insert(&one_line(&text)),
            Event::Paste(text) => changed |= buffer.insert(&one_line(&text)),
            Event::Ime(egui::ImeEvent::Commit(text)) if !text.is_empty() => changed |= buffer.insert(&one_line(&text)),
            Event::Key { key: Key::Enter, pressed: true, .. } if options.single_line => outcome.submitted = true,
            Event::Key { key: Key::ArrowUp | Key::ArrowDown, .. } if options.single_line => {}
            Event::Copy if buffer.has_selection() => ui.ctx().copy_text(buffer.selected_text().to_owned()),
            Event::Cut => {
                if let Some(text) = buffer.cut() {
                    ui.ctx().copy_text(text);
                    changed = true;
                }
            }
            Event::Key { key, pressed: true, modifiers, .. } => {
                // Only the keys that move by what is shown lay the text out
                // (a letter's key comes with every letter typed).
                let result = edit_key_action(buffer, key, modifiers).unwrap_or_else(|| {
                    let lines = EditLayout::new(ui.ctx(), buffer.text(), text_width, style, options);
                    let layout = lines.placed(origin, row_height);
                    key_action(ui.ctx(), buffer, &layout, key, modifiers, style)
                });
                match result {
                    KeyResult::Edited => changed = true,
                    KeyResult::Moved => moved = true,
                    KeyResult::Ignored => {}
                }
            }
            _ => {}
        }
    }
    outcome.changed = changed;
    outcome.moved = moved || changed;
    outcome
}

enum KeyResult {
    Edited,
    Moved,
    Ignored,
}

/// What a key that needs no layout does (editing, undo, select all), or
/// `None` for the keys that move the caret through the text as shown.
fn edit_key_action(buffer: &mut EditBuffer, key: Key, modifiers: Modifiers) -> Option<KeyResult> {
    let word = modifiers.command || modifiers.ctrl;
    let unit = if word { Unit::Word } else { Unit::Char };
    let shift = modifiers.shift;
    let edited = |did: bool| if did { KeyResult::Edited } else { KeyResult::Ignored };
    Some(match key {
        Key::Backspace => edited(buffer.delete_backward(unit)),
        Key::Delete => edited(buffer.delete_forward(unit)),
        Key::Enter => edited(buffer.insert("\n")),
        Key::A if word => {
            buffer.select_all();
            KeyResult::Moved
        }
        Key::Z if word && shift => edited(buffer.redo()),
        Key::Z if word => edited(buffer.undo()),
        Key::Y if word => edited(buffer.redo()),
        Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown | Key::Home | Key::End => return None,
        _ => KeyResult::Ignored,
    })
}

/// What a key that moves the caret through the laid-out text does.
fn key_action(
    ctx: &egui::Context,
    buffer: &mut EditBuffer,
    layout: &PlacedLayout<'_>,
    key: Key,
    modifiers: Modifiers,
    style: &BidiTextStyle,
) -> KeyResult {
    let word = modifiers.command || modifiers.ctrl;
    let shift = modifiers.shift;
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let right = key == Key::ArrowRight;
            let target = horizontal_target(ctx, buffer, layout, right, word, shift, style);
            buffer.set_caret(target, shift);
            KeyResult::Moved
        }
        Key::ArrowUp | Key::ArrowDown => {
            let target = layout.vertical(ctx, style, buffer.caret(), key == Key::ArrowDown);
            buffer.set_caret(target, shift);
            KeyResult::Moved
        }
        Key::Home | Key::End => {
            let end = key == Key::End;
            let target =
                if word { if end { buffer.text().len() } else { 0 } } else { layout.line_edge(buffer.caret(), end) };
            buffer.set_caret(target, shift);
            KeyResult::Moved
        }
        _ => KeyResult::Ignored,
    }
}

/// Where ← or → takes the caret: a selection collapses to its side, Ctrl jumps
/// a word in reading order, else one stop visually.
fn horizontal_target(
    ctx: &egui::Context,
    buffer: &EditBuffer,
    layout: &PlacedLayout<'_>,
    right: bool,
    word: bool,
    shift: bool,
    style: &BidiTextStyle,
) -> usize {
    let rtl = layout.layout.direction_at(buffer.caret()) == Direction::Rtl;
    let forward = right != rtl;
    if buffer.has_selection() && !shift && !word {
        let selection = buffer.selection();
        return if forward { selection.end } else { selection.start };
    }
    if word {
        return if forward {
            buffer.next_stop(buffer.caret(), Unit::Word)
        } else {
            buffer.previous_stop(buffer.caret(), Unit::Word)
        };
    }
    match layout.layout.visual_neighbour(ctx, style, buffer.caret(), right) {
        Some(offset) => offset,
        None if forward => buffer.next_stop(buffer.caret(), Unit::Char),
        None => buffer.previous_stop(buffer.caret(), Unit::Char),
    }
}

#[allow(clippy::too_many_arguments)]
fn paint(
    ui: &Ui,
    rect: Rect,
    layout: &PlacedLayout<'_>,
    buffer: &EditBuffer,
    style: &BidiTextStyle,
    options: &BidiEditOptions<'_>,
    focused: bool,
    caret: Rect,
) {
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect.expand(1.0));
    let stroke = if focused { visuals.selection.stroke } else { visuals.widgets.inactive.bg_stroke };
    painter.rect(rect, 3.0, visuals.extreme_bg_color, stroke, egui::StrokeKind::Inside);
    for rect in layout.selection_rects(ui.ctx(), style, buffer.selection()) {
        painter.rect_filled(rect, 0.0, visuals.selection.bg_fill);
    }
    for paragraph in &layout.layout.paragraphs {
        let top = layout.origin + Vec2::new(paragraph.left, paragraph.top);
        paint_layout(&painter, top, &paragraph.layout, style, layout.row_height);
    }
    if buffer.text().is_empty() && !focused && !options.hint.is_empty() {
        let hint = BidiTextStyle::new(style.font_id.clone(), visuals.weak_text_color());
        let direction = if options.rtl_when_empty { ParagraphDirection::Rtl } else { ParagraphDirection::Ltr };
        let anchor = if options.rtl_when_empty { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP };
        let pos =
            if options.rtl_when_empty { Pos2::new(rect.right() - MARGIN.x, layout.origin.y) } else { layout.origin };
        crate::ui::widgets::bidi_text::paint_bidi_label(&painter, pos, anchor, options.hint, direction, &hint);
    }
    if focused && options.interactive {
        painter.line_segment([caret.center_top(), caret.center_bottom()], visuals.text_cursor.stroke);
    }
}

/// The AccessKit "set value" request for this editor, if one came.
fn accesskit_value(ui: &Ui, id: Id) -> Option<String> {
    use egui::accesskit::{Action, ActionData};
    ui.input(|input| {
        input
            .accesskit_action_requests(id, Action::SetValue)
            .filter_map(|request| match &request.data {
                Some(ActionData::Value(value)) => Some(value.to_string()),
                _ => None,
            })
            .last()
    })
}

/// One hard line of the text: its bytes (without the `\n`), its layout, its
/// top and its left edge in the text area (not zero only in a single-line
/// box, where a line is never wrapped and a right-to-left one hangs from the
/// right edge, past the left one when it is longer than the box).
struct Paragraph {
    range: Range<usize>,
    layout: Arc<ParagraphLayout>,
    top: f32,
    left: f32,
}

/// The text cut at hard line breaks, each line laid out in its own direction.
struct EditLayout {
    paragraphs: Vec<Paragraph>,
}

impl EditLayout {
    /// The text laid out in a text area `width` wide: wrapped, or on one line
    /// that may run past the area in a single-line box.
    fn new(
        ctx: &egui::Context,
        text: &str,
        width: f32,
        style: &BidiTextStyle,
        options: &BidiEditOptions<'_>,
    ) -> EditLayout {
        let row_height = style.row_height(ctx);
        let wrap_width = if options.single_line { f32::INFINITY } else { width };
        let mut paragraphs = Vec::new();
        let mut inherited = if options.rtl_when_empty { Direction::Rtl } else { Direction::Ltr };
        let mut start = 0;
        let mut top = 0.0;
        for line in text.split('\n') {
            let range = start..start + line.len();
            start = range.end + 1;
            let direction = first_strong_direction(line).unwrap_or(inherited);
            inherited = direction;
            let forced = match direction {
                Direction::Ltr => ParagraphDirection::Ltr,
                Direction::Rtl => ParagraphDirection::Rtl,
            };
            let layout = cached_layout(ctx, line, &[], forced, wrap_width, style);
            let height = layout.lines().len().max(1) as f32 * row_height;
            let left = match direction {
                Direction::Rtl if options.single_line => width - layout.width(),
                _ => 0.0,
            };
            paragraphs.push(Paragraph { range, layout, top, left });
            top += height;
        }
        EditLayout { paragraphs }
    }

    /// The horizontal scroll that shows the caret at `caret_x` (from the text
    /// area's left edge, with `scroll_x` applied) in an area `width` wide,
    /// moving no more than needed and never leaving blank space on a side
    /// while the text is wider than the area; zero when it fits.
    fn scroll_to_show(&self, scroll_x: f32, caret_x: f32, width: f32) -> f32 {
        let left = self.paragraphs.iter().map(|p| p.left).fold(f32::INFINITY, f32::min);
        let right = self.paragraphs.iter().map(|p| p.left + p.layout.width()).fold(f32::NEG_INFINITY, f32::max);
        if !(left < 0.0 || right > width) {
            return 0.0;
        }
        let mut scroll = scroll_x;
        if caret_x < 0.0 {
            scroll -= caret_x;
        } else if caret_x > width {
            scroll -= caret_x - width;
        }
        scroll.clamp(width - right, -left)
    }

    fn line_count(&self) -> usize {
        self.paragraphs.iter().map(|paragraph| paragraph.layout.lines().len().max(1)).sum()
    }

    fn placed(&self, origin: Pos2, row_height: f32) -> PlacedLayout<'_> {
        PlacedLayout { layout: self, origin, row_height }
    }

    /// The paragraph holding `offset` (its end, before the `\n`, included).
    fn paragraph_of(&self, offset: usize) -> usize {
        let after = self.paragraphs.partition_point(|paragraph| paragraph.range.start <= offset);
        after.saturating_sub(1)
    }

    fn direction_at(&self, offset: usize) -> Direction {
        self.paragraphs.get(self.paragraph_of(offset)).map_or(Direction::Ltr, |p| p.layout.direction())
    }

    /// The stop visually left or right of `offset` on its line, if there is one.
    fn visual_neighbour(
        &self,
        ctx: &egui::Context,
        style: &BidiTextStyle,
        offset: usize,
        right: bool,
    ) -> Option<usize> {
        let paragraph = self.paragraphs.get(self.paragraph_of(offset))?;
        let local = offset - paragraph.range.start;
        let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
        let line = paragraph.layout.line_of_offset(local);
        let stops = paragraph.layout.line_caret_stops(line, &mut measure);
        let index = stops.iter().position(|&(_, stop)| stop == local)?;
        let target = if right { index.checked_add(1) } else { index.checked_sub(1) };
        let (_, stop) = stops.get(target?)?;
        Some(paragraph.range.start + stop)
    }
}

/// An [`EditLayout`] at its place on screen.
struct PlacedLayout<'l> {
    layout: &'l EditLayout,
    origin: Pos2,
    row_height: f32,
}

impl PlacedLayout<'_> {
    /// The caret stop nearest to `pos`.
    fn hit(&self, ctx: &egui::Context, style: &BidiTextStyle, pos: Pos2) -> usize {
        let local = pos - self.origin;
        let index = self.layout.paragraphs.partition_point(|p| p.top <= local.y).saturating_sub(1);
        let Some(paragraph) = self.layout.paragraphs.get(index) else { return 0 };
        let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
        let (x, y) = (local.x - paragraph.left, local.y - paragraph.top);
        paragraph.range.start + paragraph.layout.hit_test(x, y, self.row_height, &mut measure)
    }

    /// The thin rectangle of the caret before `offset`.
    fn caret_rect(&self, ctx: &egui::Context, style: &BidiTextStyle, offset: usize) -> Rect {
        let index = self.layout.paragraph_of(offset);
        let Some(paragraph) = self.layout.paragraphs.get(index) else {
            return Rect::from_min_size(self.origin, Vec2::new(1.0, self.row_height));
        };
        let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
        let position = paragraph.layout.caret_position(offset - paragraph.range.start, &mut measure);
        let x = if paragraph.range.is_empty() { empty_line_x(&paragraph.layout) } else { position.x };
        let top = self.origin.y + paragraph.top + position.line as f32 * self.row_height;
        Rect::from_min_size(Pos2::new(self.origin.x + paragraph.left + x - 0.5, top), Vec2::new(1.0, self.row_height))
    }

    /// The caret one line up or down, at the same x.
    fn vertical(&self, ctx: &egui::Context, style: &BidiTextStyle, offset: usize, down: bool) -> usize {
        let caret = self.caret_rect(ctx, style, offset);
        let x = caret.center().x - self.origin.x;
        let index = self.layout.paragraph_of(offset);
        let paragraphs = &self.layout.paragraphs;
        let Some(paragraph) = paragraphs.get(index) else { return offset };
        let line = paragraph.layout.line_of_offset(offset - paragraph.range.start);
        let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
        let (target, target_line) = match (down, line) {
            (true, line) if line + 1 < paragraph.layout.lines().len() => (paragraph, line + 1),
            (true, _) => match paragraphs.get(index + 1) {
                Some(next) => (next, 0),
                None => return paragraph.range.end,
            },
            (false, 0) => match index.checked_sub(1).and_then(|i| paragraphs.get(i)) {
                Some(previous) => (previous, previous.layout.lines().len().saturating_sub(1)),
                None => return 0,
            },
            (false, line) => (paragraph, line - 1),
        };
        let x = x - target.left;
        target.range.start + target.layout.hit_test_line(target_line, x, &mut measure).min(target.range.len())
    }

    /// The logical start or end of the visual line holding `offset`.
    fn line_edge(&self, offset: usize, end: bool) -> usize {
        let Some(paragraph) = self.layout.paragraphs.get(self.layout.paragraph_of(offset)) else { return offset };
        let lines = paragraph.layout.lines();
        let index = paragraph.layout.line_of_offset(offset - paragraph.range.start);
        let Some(line) = lines.get(index) else { return paragraph.range.end };
        if !end {
            return paragraph.range.start + line.range.start;
        }
        if index + 1 == lines.len() {
            return paragraph.range.end;
        }
        let line_text = &paragraph.layout.text()[line.range.clone()];
        paragraph.range.start + line.range.start + line_text.trim_end().len()
    }

    /// The rectangles of the selected bytes, paragraph by paragraph.
    fn selection_rects(&self, ctx: &egui::Context, style: &BidiTextStyle, selection: Range<usize>) -> Vec<Rect> {
        let mut rects = Vec::new();
        if selection.is_empty() {
            return rects;
        }
        let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
        for paragraph in &self.layout.paragraphs {
            let start = selection.start.max(paragraph.range.start);
            let end = selection.end.min(paragraph.range.end);
            let crosses_break = selection.end > paragraph.range.end && selection.start <= paragraph.range.end;
            if start < end {
                let local = start - paragraph.range.start..end - paragraph.range.start;
                for piece in paragraph.layout.selection_rects(local, &mut measure) {
                    let top = self.origin.y + paragraph.top + piece.line as f32 * self.row_height;
                    rects.push(Rect::from_min_max(
                        Pos2::new(self.origin.x + paragraph.left + piece.x_min, top),
                        Pos2::new(self.origin.x + paragraph.left + piece.x_max, top + self.row_height),
                    ));
                }
            }
            if crosses_break {
                // The line break itself: a sliver at the line's end side.
                let end_caret = self.caret_rect(ctx, style, paragraph.range.end);
                let sliver = 4.0;
                let x = match paragraph.layout.direction() {
                    Direction::Ltr => end_caret.center().x,
                    Direction::Rtl => end_caret.center().x - sliver,
                };
                rects.push(Rect::from_min_size(Pos2::new(x, end_caret.top()), Vec2::new(sliver, self.row_height)));
            }
        }
        rects
    }
}

/// Where the caret of an empty line goes: its start side.
fn empty_line_x(layout: &ParagraphLayout) -> f32 {
    match layout.direction() {
        Direction::Ltr => 0.0,
        Direction::Rtl => layout.width(),
    }
}

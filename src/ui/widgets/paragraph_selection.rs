//! The selection in read-only paragraphs: drag to select, double click for a
//! word, Shift+click to extend, a plain click clears, Ctrl+C copies the
//! LOGICAL text, whatever order it is painted in.
//!
//! There is one selection in the window. A view can gather its paragraphs in
//! a [`selection_group`] (the reader does, per document): a drag that starts
//! in one paragraph of a group then runs on over the next ones, and the copy
//! is every selected piece in reading order, one paragraph per line. Outside
//! a group a selection stays inside its paragraph.
//!
//! A group remembers where its paragraphs were drawn last frame (their rects
//! and layouts), so the paragraph that receives the drag can find the
//! paragraph under the pointer; the others show their share of the selection
//! from the shared state.

use std::ops::Range;
use std::sync::Arc;

use egui::{Context, FontId, Id, Pos2, Rect, Response};

use crate::text::bidi_layout::ParagraphLayout;
use crate::ui::widgets::bidi_text::{BidiTextStyle, hash_of, offset_at};

/// One end of a selection: a place in one paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    paragraph: Id,
    /// The paragraph's place in its group (0 outside a group).
    order: usize,
    text_hash: u64,
    offset: usize,
}

/// The one selection: from `anchor` (where it started) to `caret`, both in
/// one paragraph unless `group` lets them be in two.
#[derive(Debug, Clone, PartialEq)]
struct Selection {
    group: Option<Id>,
    anchor: Point,
    caret: Point,
    /// The mouse is still dragging it out.
    dragging: bool,
}

impl Selection {
    /// The ends in reading order.
    fn ordered(&self) -> (Point, Point) {
        let key = |point: &Point| (point.order, point.offset);
        if key(&self.anchor) <= key(&self.caret) { (self.anchor, self.caret) } else { (self.caret, self.anchor) }
    }

    /// The bytes selected in the paragraph `paragraph` (at `order` in
    /// `group`) over `text`, and whether the selection goes on after it.
    fn share_of(&self, paragraph: Id, group: Option<Id>, order: usize, text: &str) -> Option<(Range<usize>, bool)> {
        let (first, last) = self.ordered();
        // The text is hashed only for a paragraph holding an end.
        let is = |point: &Point| point.paragraph == paragraph && point.text_hash == hash_of(text);
        if self.group.is_none() || first.order == last.order {
            return (is(&first) && is(&last)).then_some((first.offset..last.offset, false));
        }
        if group != self.group || order < first.order || order > last.order {
            return None;
        }
        let start = if order == first.order { is(&first).then_some(first.offset)? } else { 0 };
        let end = if order == last.order { is(&last).then_some(last.offset)? } else { text.len() };
        Some((start.min(end)..end, order < last.order))
    }
}

fn selection_key() -> Id {
    Id::unique("diplomap_paragraph_selection")
}

fn stored(ctx: &Context) -> Option<Selection> {
    ctx.data(|data| data.get_temp::<Selection>(selection_key()))
}

fn store(ctx: &Context, selection: Option<Selection>) {
    ctx.data_mut(|data| match selection {
        Some(selection) => {
            data.insert_temp(selection_key(), selection);
        }
        None => data.remove::<Selection>(selection_key()),
    });
}

/// A paragraph as its group saw it drawn.
#[derive(Clone)]
struct Member {
    paragraph: Id,
    rect: Rect,
    layout: Arc<ParagraphLayout>,
    /// Its font: all a hit test needs of its style.
    font_id: FontId,
}

/// The paragraphs of a group: this frame's so far, and last frame's.
#[derive(Clone, Default)]
struct Members {
    /// The pass `current` is of.
    pass: u64,
    /// The last pass a Ctrl+C of this group's selection was carried out in.
    copied_in: Option<u64>,
    current: Vec<Member>,
    last: Vec<Member>,
}

fn members_key(group: Id) -> Id {
    group.with("diplomap_selection_group")
}

fn open_group_key() -> Id {
    Id::unique("diplomap_open_selection_group")
}

/// Draws `add` with its paragraphs in the selection group `group`: one
/// selection can run over several of them, and Ctrl+C copies all of it. A
/// group can be entered several times a frame (a column of a table, row by
/// row): its paragraphs are in the order they were drawn.
pub fn selection_group<R>(ui: &mut egui::Ui, group: Id, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let ctx = ui.ctx().clone();
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|data| {
        let members = data.get_temp_mut_or_default::<Members>(members_key(group));
        if members.pass != pass {
            members.last = std::mem::take(&mut members.current);
            members.pass = pass;
        }
    });
    let outer = ctx.data_mut(|data| data.get_temp::<Id>(open_group_key()));
    ctx.data_mut(|data| data.insert_temp(open_group_key(), group));
    let inner = add(ui);
    ctx.data_mut(|data| match outer {
        Some(outer) => {
            data.insert_temp(open_group_key(), outer);
        }
        None => data.remove::<Id>(open_group_key()),
    });
    copy_group_selection(&ctx, group);
    inner
}

/// Selects every paragraph `group` drew last frame (Ctrl+A in the reader).
pub fn select_all(ctx: &Context, group: Id) {
    let Some(members) = ctx.data(|data| data.get_temp::<Members>(members_key(group))).map(|members| members.last)
    else {
        return;
    };
    let (Some(first), Some(last)) = (members.first(), members.last()) else { return };
    let anchor = point(first, 0, 0);
    let caret = point(last, members.len() - 1, last.layout.text().len());
    store(ctx, Some(Selection { group: Some(group), anchor, caret, dragging: false }));
}

/// Whether a selection is being dragged out (views wait for its end before
/// showing what they offer for it).
pub fn is_dragging(ctx: &Context) -> bool {
    stored(ctx).is_some_and(|selection| selection.dragging)
}

/// What [`update`] tells a paragraph about the selection.
pub struct ParagraphShare {
    /// The selected bytes of this paragraph (maybe empty while dragging).
    pub range: Range<usize>,
    /// Whether the selection goes on into a later paragraph of the group.
    pub continues: bool,
}

/// Takes this frame's pointer input on a paragraph (`response`, its layout
/// drawn at `origin`), joins it to the open group if any, and says which of
/// its bytes are selected.
pub fn update(
    ctx: &Context,
    response: &Response,
    layout: &Arc<ParagraphLayout>,
    origin: Pos2,
    style: &BidiTextStyle,
) -> Option<ParagraphShare> {
    let group = ctx.data(|data| data.get_temp::<Id>(open_group_key()));
    let (paragraph, order) = match group {
        Some(group) => join(ctx, group, response.rect, layout, style),
        None => (response.id, 0),
    };
    let text = layout.text();
    let here = |offset: usize| Point { paragraph, order, text_hash: hash_of(text), offset };
    let hit = |pos: Pos2| here(offset_at(ctx, layout, origin, pos, style));
    let current = stored(ctx);
    let shift = ctx.input(|input| input.modifiers.shift);
    let extendable = current
        .clone()
        .filter(|selection| selection.anchor.paragraph == paragraph || (group.is_some() && selection.group == group));
    let fresh = |anchor: Point, caret: Point, dragging: bool| Some(Selection { group, anchor, caret, dragging });
    let updated = if response.double_clicked() {
        let word = response.interact_pointer_pos().map(|pos| crate::text::editing::word_at(text, hit(pos).offset));
        word.and_then(|word| fresh(here(word.start), here(word.end), false))
    } else if response.drag_started() {
        let press = ctx.input(|input| input.pointer.press_origin());
        match (press, extendable, shift) {
            (Some(pos), Some(selection), true) => Some(Selection { caret: hit(pos), dragging: true, ..selection }),
            (Some(pos), _, _) => fresh(hit(pos), hit(pos), true),
            (None, _, _) => current.clone(),
        }
    } else if response.dragged() {
        match (current.clone(), response.interact_pointer_pos()) {
            // Only this paragraph is being dragged; a Shift+drag may have
            // started here to extend a selection anchored elsewhere.
            (Some(selection), Some(pos)) if selection.dragging => {
                let caret = group.and_then(|group| point_in_group(ctx, group, pos)).unwrap_or_else(|| hit(pos));
                Some(Selection { caret, dragging: true, ..selection })
            }
            (selection, _) => selection,
        }
    } else if response.drag_stopped() {
        current.clone().map(|selection| Selection { dragging: false, ..selection })
    } else if response.clicked() {
        match (extendable, shift, response.interact_pointer_pos()) {
            (Some(selection), true, Some(pos)) => Some(Selection { caret: hit(pos), dragging: false, ..selection }),
            _ => None,
        }
    } else {
        current.clone()
    };
    if updated != current {
        store(ctx, updated.clone());
    }
    let (range, continues) = updated?.share_of(paragraph, group, order, text)?;
    let selection = ParagraphShare { range, continues };
    if group.is_none() {
        copy_paragraph_selection(ctx, text, &selection.range);
    }
    Some(selection)
}

/// Adds the paragraph drawn at `rect` to `group`'s members of this frame; its
/// id in the group (from its place, which stays the same while widgets
/// between paragraphs come and go, unlike egui's automatic ids) and its place.
fn join(ctx: &Context, group: Id, rect: Rect, layout: &Arc<ParagraphLayout>, style: &BidiTextStyle) -> (Id, usize) {
    ctx.data_mut(|data| {
        let members = data.get_temp_mut_or_default::<Members>(members_key(group));
        let order = members.current.len();
        let paragraph = group.with(order);
        let font_id = style.font_id.clone();
        members.current.push(Member { paragraph, rect, layout: layout.clone(), font_id });
        (paragraph, order)
    })
}

/// The place under `pos` among the paragraphs `group` drew last frame: in the
/// paragraph under it, or the nearest one above it (at its end past its
/// bottom), or the first one's start above them all.
fn point_in_group(ctx: &Context, group: Id, pos: Pos2) -> Option<Point> {
    let members = ctx.data(|data| data.get_temp::<Members>(members_key(group)))?.last;
    let index = members.partition_point(|member| member.rect.top() <= pos.y).checked_sub(1);
    let Some(index) = index else {
        let first = members.first()?;
        return Some(point(first, 0, 0));
    };
    let member = &members[index];
    let offset = if pos.y > member.rect.bottom() {
        member.layout.text().len()
    } else {
        let style = BidiTextStyle::new(member.font_id.clone(), egui::Color32::PLACEHOLDER);
        offset_at(ctx, &member.layout, member.rect.min, pos, &style)
    };
    Some(point(member, index, offset))
}

fn point(member: &Member, order: usize, offset: usize) -> Point {
    Point { paragraph: member.paragraph, order, text_hash: hash_of(member.layout.text()), offset }
}

/// Ctrl+C with a selection in one paragraph (and no text field focused).
fn copy_paragraph_selection(ctx: &Context, text: &str, range: &Range<usize>) {
    if !wants_copy(ctx) {
        return;
    }
    if let Some(selected) = text.get(range.clone()).filter(|selected| !selected.is_empty()) {
        ctx.copy_text(selected.to_owned());
    }
}

/// Ctrl+C with a selection in `group`: every selected piece, in reading order,
/// one paragraph a line — once, as soon as the group has drawn the last one.
fn copy_group_selection(ctx: &Context, group: Id) {
    let Some(selection) = stored(ctx).filter(|selection| selection.group == Some(group)) else { return };
    if !wants_copy(ctx) {
        return;
    }
    let members = ctx.data(|data| data.get_temp::<Members>(members_key(group))).unwrap_or_default();
    let (_, last) = selection.ordered();
    if members.copied_in == Some(members.pass) || members.current.len() <= last.order {
        return;
    }
    ctx.data_mut(|data| data.get_temp_mut_or_default::<Members>(members_key(group)).copied_in = Some(members.pass));
    let members = members.current;
    let pieces: Vec<&str> = members
        .iter()
        .enumerate()
        .filter_map(|(order, member)| {
            let text = member.layout.text();
            let (range, _) = selection.share_of(member.paragraph, Some(group), order, text)?;
            text.get(range)
        })
        .collect();
    let copied = pieces.join("\n");
    if !copied.is_empty() {
        ctx.copy_text(copied);
    }
}

fn wants_copy(ctx: &Context) -> bool {
    !crate::ui::widgets::bidi_edit::editing_text(ctx)
        && ctx.input(|input| input.events.iter().any(|event| matches!(event, egui::Event::Copy)))
}

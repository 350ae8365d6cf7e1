//! What the window remembers between runs (one serde struct, loaded from
//! eframe's storage), and the back/forward history of addresses.

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::text::Lang;

/// Remembered between runs; everything derived lives elsewhere.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub history: History,
    pub ui_lang: Lang,
    pub dark: bool,
    /// The concept shown in the side panel.
    pub selected: Option<String>,
    /// The filter over the concept list.
    pub concept_filter: String,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            history: History::new(Address::Concept("police-diplomacy".into())),
            ui_lang: Lang::En,
            dark: false,
            selected: None,
            concept_filter: String::new(),
        }
    }
}

/// Visited addresses with a cursor, as in a web browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    entries: Vec<Address>,
    cursor: usize,
}

/// The most addresses remembered.
const HISTORY_LIMIT: usize = 200;

impl Default for History {
    fn default() -> Self {
        History::new(Address::default())
    }
}

impl History {
    pub fn new(start: Address) -> Self {
        History { entries: vec![start], cursor: 0 }
    }

    pub fn current(&self) -> &Address {
        // The cursor always points into a non-empty list; fall back safely if a
        // hand-edited storage says otherwise.
        self.entries.get(self.cursor).or(self.entries.last()).unwrap_or(&DEFAULT_ADDRESS)
    }

    /// Goes to `address`, dropping the forward entries. Visiting the current
    /// address again changes nothing.
    pub fn visit(&mut self, address: Address) {
        if *self.current() == address {
            return;
        }
        self.entries.truncate(self.cursor + 1);
        self.entries.push(address);
        if self.entries.len() > HISTORY_LIMIT {
            self.entries.remove(0);
        }
        self.cursor = self.entries.len() - 1;
    }

    /// Replaces the current address without a new history entry (scrolling
    /// within a view, say).
    pub fn replace(&mut self, address: Address) {
        if let Some(entry) = self.entries.get_mut(self.cursor) {
            *entry = address;
        }
    }

    pub fn can_go_back(&self) -> bool {
        self.cursor > 0
    }

    pub fn can_go_forward(&self) -> bool {
        self.cursor + 1 < self.entries.len()
    }

    pub fn back(&mut self) {
        if self.can_go_back() {
            self.cursor -= 1;
        }
    }

    pub fn forward(&mut self) {
        if self.can_go_forward() {
            self.cursor += 1;
        }
    }
}

static DEFAULT_ADDRESS: Address = Address::Map { focus: None, depth: None };

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str) -> Address {
        Address::Concept(id.into())
    }

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut history = History::new(concept("a"));
        history.visit(concept("b"));
        history.visit(concept("c"));
        history.back();
        history.back();
        assert_eq!(history.current(), &concept("a"));
        assert!(!history.can_go_back());
        history.forward();
        assert_eq!(history.current(), &concept("b"));
        history.visit(concept("d"));
        assert!(!history.can_go_forward(), "visiting drops the forward entries");
        history.back();
        assert_eq!(history.current(), &concept("b"));
        history.visit(concept("b"));
        assert!(history.can_go_forward(), "revisiting the current address changes nothing");
    }
}

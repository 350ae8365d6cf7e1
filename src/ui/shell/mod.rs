//! The window around the current view: the top bar, the side panels with the
//! concept list, the problems bar and screen, the loading screen, the export menu.

pub mod concept_list;
pub mod export_menu;
pub mod loading;
pub mod problems;
pub mod side_panel;
pub mod top_bar;

//! The suggested concepts view (`suggestions`), by accessible labels, on a
//! copy of the bundled corpus: the list is worked out off the UI thread, a
//! term is dismissed for good (written to `suggestions.ron`, gone from the
//! list), and another opens the new-concept form with its name filled in.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::support::app_at;
use diplomap::text::Lang;

/// Runs frames until the suggestions are there (they are worked out on a thread).
fn wait_for_list(harness: &mut egui_kittest::Harness<'_, diplomap::ui::App>) {
    for _ in 0..400 {
        harness.run_steps(1);
        if !harness.state().views.suggestions.is_working()
            && harness.query_all_by_label_contains("Dismiss «").next().is_some()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the suggestions never came");
}

#[test]
fn a_term_is_dismissed_for_good_and_another_becomes_a_concept_form() {
    let (mut harness, corpus) = app_at("suggestions", Lang::En);
    wait_for_list(&mut harness);
    harness.get_by_label_contains("Suggested concepts");
    let term = "دولت ملی";
    harness.get_by_role_and_label(Role::Button, &format!("Dismiss «{term}»")).click();
    harness.run_steps(2);
    harness.get_by_label_contains("Dismissed for good");
    let file = std::fs::read_to_string(corpus.path().join("suggestions.ron")).expect("the dismissals are written");
    assert!(file.contains(term), "{file}");
    wait_for_list(&mut harness);
    assert!(harness.query_by_label(&format!("Dismiss «{term}»")).is_none(), "gone from the list");

    let other = "تأمین امنیت";
    harness.get_by_role_and_label(Role::Button, &format!("New concept… «{other}»")).click();
    harness.run();
    let persian = harness.get_by_role_and_label(Role::TextInput, "Name in Persian");
    assert_eq!(persian.accesskit_node().value().as_deref(), Some(other));
}

//! The RON loaders (catalog, document metadata, notes, tours) on any text:
//! never a panic; every diagnostic points inside the text; what parses and
//! has a writer is written and read back the same.
#![no_main]

use std::path::Path;

use diplomap::catalog::Catalog;
use diplomap::corpus::meta;
use diplomap::diag::Diagnostic;
use diplomap::notes::format as notes_format;
use diplomap::tours;
use libfuzzer_sys::fuzz_target;

fn check_position(text: &str, diagnostic: &Diagnostic) {
    let lines = text.split('\n').count();
    assert!(diagnostic.line >= 1 && diagnostic.line <= lines + 1, "{diagnostic} in {lines} lines");
    assert!(diagnostic.col >= 1, "{diagnostic}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match which % 4 {
        0 => {
            let (catalog, diagnostics) = Catalog::parse(Path::new("concepts.ron"), text);
            diagnostics.iter().for_each(|d| check_position(text, d));
            if let Some(catalog) = catalog {
                let _ = diplomap::index::mentions::Matcher::new(&catalog);
            }
        }
        1 => {
            if let Err(diagnostic) = meta::parse(Path::new("doc.ron"), text) {
                check_position(text, &diagnostic);
            } else if let Ok(meta) = meta::parse(Path::new("doc.ron"), text) {
                let written = meta::to_ron(&meta).expect("metadata that parsed can be written");
                let again = meta::parse(Path::new("doc.ron"), &written).expect("written metadata parses");
                assert_eq!(meta::to_ron(&again).ok(), Some(written));
            }
        }
        2 => {
            let path = Path::new("interpol.ron");
            match notes_format::parse(path, text) {
                Ok(notes) => {
                    let written = notes_format::render(path, &notes).expect("notes that parsed can be written");
                    let again = notes_format::parse(path, &written).expect("written notes parse");
                    assert_eq!(again, notes);
                }
                Err(err) => {
                    for diagnostic in &err.diagnostics() {
                        check_position(text, diagnostic);
                    }
                }
            }
        }
        _ => {
            let path = Path::new("tour.ron");
            match tours::from_ron(path, text) {
                Ok(tour) => {
                    let written = tours::to_ron(&tour).expect("a tour that parsed can be written");
                    let again = tours::from_ron(path, &written).expect("a written tour parses");
                    assert_eq!(again, tour);
                }
                Err(diagnostics) => diagnostics.iter().for_each(|d| check_position(text, d)),
            }
        }
    }
});

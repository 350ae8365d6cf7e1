//! What a catalog edit in the window costs to index, on the bundled corpus:
//! before, the corpus read again and indexed whole (`reload`: what the
//! window did, `Corpus::load` and `Index::build`; `build` alone for
//! comparison); now, `Index::update_catalog` for each kind of edit (only the
//! stretches where a changed name matches searched again, co-occurrences
//! counted again for the concepts there). Writing the concept's file is the
//! same before and after and is left out.
//!
//! ```text
//! cargo bench --no-default-features --bench catalog_edit
//! ```

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};

use diplomap::catalog::edit::{Edit, apply, with_changes};
use diplomap::catalog::{Catalog, EvidenceRef, RelationKind};
use diplomap::corpus::Corpus;
use diplomap::index::Index;
use diplomap::text::Lang;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn edited(catalog: &Catalog, edit: &Edit) -> Catalog {
    match apply(catalog, edit) {
        Ok(applied) => with_changes(catalog, &applied.changes),
        Err(err) => panic!("{edit:?}: {err}"),
    }
}

fn bench(c: &mut Criterion) {
    let dir = corpus_dir();
    let (corpus, _) = Corpus::load(&dir);
    let Some(corpus) = corpus else { panic!("the bundled corpus loads") };
    let catalog = corpus.catalog.clone();
    let (id, lang, text) = ("interpol".to_string(), Lang::Fa, "پلیس بین‌الملل".to_string());
    let without_alias = edited(&catalog, &Edit::RemoveAlias { id: id.clone(), lang, text });
    let Some(mut terrorism) = catalog.get("terrorism").cloned() else { panic!("terrorism is in the catalog") };
    // Added back with its labels (two of its aliases fold alike, which a new
    // concept may not have) and no relations.
    terrorism.aliases = Default::default();
    terrorism.relations.clear();
    let without_concept = edited(&catalog, &Edit::Remove { id: "terrorism".into() });
    let document = corpus.documents[0].id.clone();
    let relate = Edit::Relate {
        source: "interpol".into(),
        kind: RelationKind::Counters,
        target: "cybercrime".into(),
        evidence: vec![EvidenceRef { document, start: 0, end: 10 }],
    };
    // (name, catalog before, catalog after)
    let cases: Vec<(&str, Catalog, Catalog)> = vec![
        ("add_alias", without_alias.clone(), catalog.clone()),
        ("remove_alias", catalog.clone(), without_alias),
        ("add_concept", without_concept.clone(), edited(&without_concept, &Edit::Add(terrorism))),
        ("remove_concept", catalog.clone(), without_concept),
        ("relate", catalog.clone(), edited(&catalog, &relate)),
        ("summary", catalog.clone(), edited(&catalog, &Edit::SetSummary { id, lang: Lang::En, text: "x".into() })),
    ];

    let mut group = c.benchmark_group("catalog_edit");
    group.sample_size(20);
    group.bench_function("before_reload", |b| {
        b.iter(|| {
            let (corpus, _) = Corpus::load(black_box(&dir));
            corpus.map(|corpus| Index::build(&corpus).mentions.len())
        })
    });
    group.bench_function("before_build", |b| b.iter(|| Index::build(black_box(&corpus)).mentions.len()));
    for (name, before, after) in cases {
        let old = Corpus { dir: dir.clone(), catalog: before.clone(), documents: corpus.documents.clone() };
        let previous = Index::build(&old);
        let new = Corpus { dir: dir.clone(), catalog: after, documents: corpus.documents.clone() };
        let (_, update) = Index::update_catalog_counted(&previous, &before, &new);
        eprintln!("{name}: {update:?}");
        group.bench_function(format!("after_{name}"), |b| {
            b.iter(|| Index::update_catalog(black_box(&previous), &before, black_box(&new)).mentions.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The index cache on disk: a second start on an unchanged corpus reads the
//! index instead of finding every mention again.
//!
//! Where: one file per corpus folder in the platform's cache folder
//! (`~/.cache/diplomap/index-<hash of the folder path>.bin` on Linux, from
//! `directories`), or in `$DIPLOMAP_CACHE_DIR` when set. Nothing is written
//! into the corpus, which belongs to the user (and may be read-only).
//!
//! When it is used: the file holds the [`Fingerprint`] of the corpus it was
//! made from — a hash of the catalog files and of every document's bytes, by id
//! (content, not time stamps). The same fingerprint: the index is used as
//! it is. The same catalog but some documents changed, added or removed:
//! only those are indexed again ([`Index::update`]) — the incremental path,
//! also taken while the program runs. Another catalog: everything is
//! indexed. A checksum catches a truncated or damaged file; a stale,
//! damaged or unreadable cache is rebuilt silently and never stops the
//! program.
//!
//! Format: our own compact binary (LEB128 integers, ranges delta-coded), so no
//! serialisation crate is needed: `DMIDX` magic, format version (u32),
//! checksum of the payload (u64), payload (fingerprint, then the index).

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::read_back::ReadBack;
use super::{DocumentIndex, Edge, EdgeKind, Index, IndexedMention, Passage};
use crate::catalog::RelationKind;
use crate::corpus::Corpus;
use crate::text::repair::{ByteMap, MapRun};

/// Bump when the index or what it holds changes meaning (the matcher's rules).
pub const FORMAT_VERSION: u32 = 3;

const MAGIC: &[u8; 5] = b"DMIDX";

const RELATION_KINDS: [RelationKind; 9] = [
    RelationKind::Counters,
    RelationKind::MemberOf,
    RelationKind::PartnerOf,
    RelationKind::ObserverOf,
    RelationKind::WorksThrough,
    RelationKind::PartOf,
    RelationKind::Fuels,
    RelationKind::Serves,
    RelationKind::RelatedTo,
];

/// The cache file for the corpus in `corpus_dir`, if there is a cache folder.
pub fn default_path(corpus_dir: &Path) -> Option<PathBuf> {
    let folder = match std::env::var_os("DIPLOMAP_CACHE_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("", "", "diplomap")?.cache_dir().to_path_buf(),
    };
    let canonical = std::fs::canonicalize(corpus_dir).unwrap_or_else(|_| corpus_dir.to_path_buf());
    let mut hasher = std::hash::DefaultHasher::new();
    canonical.hash(&mut hasher);
    Some(folder.join(format!("index-{:016x}.bin", hasher.finish())))
}

/// What an index depends on: the catalog and every document's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the catalog's files, the format and the program version.
    pub catalog: u64,
    /// Per document, in corpus order: its id and the hash of its text.
    pub documents: Vec<(String, u64)>,
}

impl Fingerprint {
    pub fn of(corpus: &Corpus) -> Fingerprint {
        let files: Vec<(PathBuf, Vec<u8>)> = crate::catalog::files::paths(&corpus.dir)
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).unwrap_or_default();
                (path, bytes)
            })
            .collect();
        Fingerprint::of_files(corpus, files.iter().map(|(path, bytes)| (path.as_path(), bytes.as_slice())))
    }

    /// [`Fingerprint::of`] with the catalog files' bytes as they were read
    /// (in the order of [`crate::catalog::files::paths`]), not read again:
    /// the fingerprint of the catalog an index was built with, even if a
    /// file changed since.
    pub fn of_files<'a>(corpus: &Corpus, files: impl Iterator<Item = (&'a Path, &'a [u8])>) -> Fingerprint {
        let mut hasher = std::hash::DefaultHasher::new();
        FORMAT_VERSION.hash(&mut hasher);
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        for (path, bytes) in files {
            path.file_name().hash(&mut hasher);
            bytes.hash(&mut hasher);
        }
        corpus.catalog.concepts.len().hash(&mut hasher);
        let documents = corpus.documents.iter().map(|d| (d.id.clone(), hash_text(&d.text))).collect();
        Fingerprint { catalog: hasher.finish(), documents }
    }

    /// Ids of the documents of `self` that `older` does not have with the same bytes.
    pub fn changed_since(&self, older: &Fingerprint) -> std::collections::HashSet<String> {
        let old: std::collections::HashMap<&str, u64> =
            older.documents.iter().map(|(id, hash)| (id.as_str(), *hash)).collect();
        self.documents
            .iter()
            .filter(|(id, hash)| old.get(id.as_str()) != Some(hash))
            .map(|(id, _)| id.clone())
            .collect()
    }

    pub fn ids(&self) -> Vec<String> {
        self.documents.iter().map(|(id, _)| id.clone()).collect()
    }
}

fn hash_text(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// A cache file: the fingerprint of the corpus and its index.
#[derive(Debug, Clone)]
pub struct Cached {
    pub fingerprint: Fingerprint,
    pub index: Index,
}

/// The cached index at `path`, if the file is there and whole.
pub fn load(path: &Path) -> Option<Cached> {
    let bytes = std::fs::read(path).ok()?;
    decode(&bytes)
}

/// Writes `index` with its fingerprint at `path` (atomically; folders created).
pub fn store(path: &Path, fingerprint: &Fingerprint, index: &Index) -> std::io::Result<()> {
    let Some(bytes) = encode(fingerprint, index) else {
        return Ok(());
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    crate::atomic::write_atomic(path, &bytes)
}

/// The bytes of a cache file, or `None` if something cannot be encoded.
pub fn encode(fingerprint: &Fingerprint, index: &Index) -> Option<Vec<u8>> {
    let mut payload = Writer::default();
    payload.bytes.extend_from_slice(&fingerprint.catalog.to_le_bytes());
    payload.uint(fingerprint.documents.len() as u64);
    for (id, hash) in &fingerprint.documents {
        payload.uint(id.len() as u64);
        payload.bytes.extend_from_slice(id.as_bytes());
        payload.bytes.extend_from_slice(&hash.to_le_bytes());
    }
    payload.uint(index.documents.len() as u64);
    for document in &index.documents {
        payload.ranges(&document.paragraphs);
        payload.ranges(&document.sentences);
        payload.ranges(&document.broken_lines);
        payload.uint(document.read_back.len() as u64);
        for line in &document.read_back {
            payload.read_back(line);
        }
    }
    payload.uint(index.mentions.len() as u64);
    for m in &index.mentions {
        for value in [m.concept, m.document, m.range.start, m.range.end - m.range.start, m.sentence, m.paragraph] {
            payload.uint(value as u64);
        }
    }
    payload.uint(index.edges.len() as u64);
    for edge in &index.edges {
        payload.uint(edge.source as u64);
        payload.uint(edge.target as u64);
        let kind = match edge.kind {
            EdgeKind::CoOccurrence => 0,
            EdgeKind::Relation(kind) => 1 + RELATION_KINDS.iter().position(|&k| k == kind)? as u64,
        };
        payload.uint(kind);
        payload.bytes.extend_from_slice(&edge.weight.to_bits().to_le_bytes());
        payload.uint(edge.evidence.len() as u64);
        for passage in &edge.evidence {
            payload.uint(passage.document as u64);
            payload.uint(passage.range.start as u64);
            payload.uint(passage.range.end.saturating_sub(passage.range.start) as u64);
        }
    }
    payload.uint(index.mention_counts.len() as u64);
    for &count in &index.mention_counts {
        payload.uint(count as u64);
    }
    let mut out = Vec::with_capacity(payload.bytes.len() + 32);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&checksum(&payload.bytes).to_le_bytes());
    out.extend_from_slice(&payload.bytes);
    Some(out)
}

/// The fingerprint and index in cache bytes, or `None` if they are not whole.
pub fn decode(bytes: &[u8]) -> Option<Cached> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, rest) = rest.split_first_chunk::<4>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    if u32::from_le_bytes(*version) != FORMAT_VERSION || u64::from_le_bytes(*sum) != checksum(payload) {
        return None;
    }
    let mut r = Reader { bytes: payload };
    let catalog = u64::from_le_bytes(r.take::<8>()?);
    let mut documents = Vec::new();
    for _ in 0..r.count()? {
        let length = r.count()?;
        let (id, rest) = r.bytes.split_at_checked(length)?;
        r.bytes = rest;
        let id = std::str::from_utf8(id).ok()?.to_string();
        documents.push((id, u64::from_le_bytes(r.take::<8>()?)));
    }
    let fingerprint = Fingerprint { catalog, documents };
    let mut index = Index::default();
    for _ in 0..r.count()? {
        let (paragraphs, sentences, broken_lines) = (r.ranges()?, r.ranges()?, r.ranges()?);
        let read_back = (0..r.count()?).map(|_| r.read_back()).collect::<Option<Vec<ReadBack>>>()?;
        index.documents.push(DocumentIndex { paragraphs, sentences, broken_lines, read_back });
    }
    for _ in 0..r.count()? {
        let concept = r.usize()?;
        let document = r.usize()?;
        let start = r.usize()?;
        let end = start.checked_add(r.usize()?)?;
        index.mentions.push(IndexedMention {
            concept,
            document,
            range: start..end,
            sentence: r.usize()?,
            paragraph: r.usize()?,
        });
    }
    for _ in 0..r.count()? {
        let source = r.usize()?;
        let target = r.usize()?;
        let kind = match r.usize()? {
            0 => EdgeKind::CoOccurrence,
            n => EdgeKind::Relation(*RELATION_KINDS.get(n - 1)?),
        };
        let weight = f32::from_bits(u32::from_le_bytes(r.take::<4>()?));
        let mut evidence = Vec::new();
        for _ in 0..r.count()? {
            let document = r.usize()?;
            let start = r.usize()?;
            evidence.push(Passage { document, range: start..start.checked_add(r.usize()?)? });
        }
        index.edges.push(Edge { source, target, kind, weight, evidence });
    }
    for _ in 0..r.count()? {
        index.mention_counts.push(r.usize()?);
    }
    r.bytes.is_empty().then_some(Cached { fingerprint, index })
}

/// Whether a decoded index fits a corpus (positions inside its documents):
/// a key collision or a bug must not send the UI out of bounds.
pub fn fits(index: &Index, corpus: &Corpus) -> bool {
    let documents = &corpus.documents;
    let in_text = |document: usize, range: &Range<usize>| {
        documents.get(document).is_some_and(|d| {
            range.start <= range.end && d.text.is_char_boundary(range.start) && d.text.is_char_boundary(range.end)
        })
    };
    index.documents.len() == documents.len()
        && index.mention_counts.len() == corpus.catalog.concepts.len()
        && index.documents.iter().enumerate().all(|(i, d)| {
            let read_back = d
                .read_back
                .iter()
                .flat_map(|line| std::iter::once(&line.line).chain(line.map.runs().iter().map(|run| &run.original)));
            d.paragraphs.iter().chain(&d.sentences).chain(&d.broken_lines).chain(read_back).all(|r| in_text(i, r))
        })
        && index.mentions.iter().all(|m| {
            m.concept < corpus.catalog.concepts.len()
                && in_text(m.document, &m.range)
                && index.documents[m.document].sentences.len() > m.sentence
                && index.documents[m.document].paragraphs.len() > m.paragraph
        })
        && index.edges.iter().all(|e| {
            let concepts = corpus.catalog.concepts.len();
            e.source < concepts && e.target < concepts && e.evidence.iter().all(|p| in_text(p.document, &p.range))
        })
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn uint(&mut self, mut value: u64) {
        loop {
            let byte = (value & 0x7F) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    /// Ranges as (gap from the previous end, length): small numbers.
    fn ranges(&mut self, ranges: &[Range<usize>]) {
        self.uint(ranges.len() as u64);
        let mut previous = 0usize;
        for range in ranges {
            let start = range.start as i64 - previous as i64;
            self.uint(((start << 1) ^ (start >> 63)) as u64);
            self.uint(range.end.saturating_sub(range.start) as u64);
            previous = range.end;
        }
    }

    /// A broken line read back: its range, its reading, and the map's runs
    /// (stored ranges, then reading lengths: the runs follow each other).
    fn read_back(&mut self, line: &ReadBack) {
        self.ranges(std::slice::from_ref(&line.line));
        self.uint(line.text.len() as u64);
        self.bytes.extend_from_slice(line.text.as_bytes());
        let runs = line.map.runs();
        self.ranges(&runs.iter().map(|run| run.original.clone()).collect::<Vec<_>>());
        for run in runs {
            self.uint(run.reading.len() as u64);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn uint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7F).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }

    /// A count of items still to read: never more than the bytes left, so a
    /// damaged count cannot make us allocate or loop for long.
    fn count(&mut self) -> Option<usize> {
        let count = self.usize()?;
        (count <= self.bytes.len()).then_some(count)
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (chunk, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*chunk)
    }

    fn ranges(&mut self) -> Option<Vec<Range<usize>>> {
        let count = self.count()?;
        let mut ranges = Vec::with_capacity(count);
        let mut previous = 0i64;
        for _ in 0..count {
            let zigzag = self.uint()?;
            let gap = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
            let start = usize::try_from(previous.checked_add(gap)?).ok()?;
            let end = start.checked_add(self.usize()?)?;
            ranges.push(start..end);
            previous = end as i64;
        }
        Some(ranges)
    }

    fn read_back(&mut self) -> Option<ReadBack> {
        let line = self.ranges()?.pop()?;
        let length = self.count()?;
        let (text, rest) = self.bytes.split_at_checked(length)?;
        self.bytes = rest;
        let text = std::str::from_utf8(text).ok()?.to_string();
        let mut runs = Vec::new();
        let mut at = 0usize;
        for original in self.ranges()? {
            let reading = at..at.checked_add(self.usize()?)?;
            at = reading.end;
            runs.push(MapRun { reading, original });
        }
        let map = ByteMap::from_runs(runs).filter(|_| at == text.len() && text.is_char_boundary(at))?;
        Some(ReadBack { line, text, map })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, DocumentMeta};

    fn corpus() -> Corpus {
        let catalog = ron::from_str(
            r#"Catalog(concepts: [
                Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL"),
                    relations: [(kind: PartnerOf, target: "europol")]),
                Concept(id: "europol", kind: Organisation, labels: (fa: "یوروپل", en: "Europol")),
            ])"#,
        )
        .unwrap();
        let text = "همکاری اینترپل و یوروپل.\n\nINTERPOL and Europol met.\n";
        let documents = vec![
            Document::new("a".into(), text.into(), DocumentMeta::default()),
            Document::new("b".into(), "Europol alone.".into(), DocumentMeta::default()),
        ];
        Corpus { dir: PathBuf::from("nowhere"), catalog, documents }
    }

    #[test]
    fn the_fingerprint_of_the_files_read_is_the_fingerprint_of_the_files_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("concepts.ron"),
            r#"Catalog(concepts: [Concept(id: "interpol", kind: Organisation, labels: (en: "INTERPOL"))])"#,
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("concepts")).unwrap();
        std::fs::write(
            dir.path().join("concepts/europol.ron"),
            r#"Concept(id: "europol", kind: Organisation, labels: (en: "Europol"))"#,
        )
        .unwrap();
        let (loaded, _) = crate::catalog::files::LoadedCatalog::load(dir.path());
        let loaded = loaded.unwrap();
        let corpus =
            Corpus { dir: dir.path().to_path_buf(), catalog: loaded.catalog.clone(), documents: corpus().documents };
        let files = loaded.files.iter().map(|f| (f.path.as_path(), f.text.as_bytes()));
        assert_eq!(Fingerprint::of_files(&corpus, files), Fingerprint::of(&corpus));
    }

    pub(crate) fn same(a: &Index, b: &Index) -> bool {
        a.mentions == b.mentions
            && a.edges == b.edges
            && a.mention_counts == b.mention_counts
            && a.documents.len() == b.documents.len()
            && a.documents.iter().zip(&b.documents).all(|(x, y)| {
                x.paragraphs == y.paragraphs
                    && x.sentences == y.sentences
                    && x.broken_lines == y.broken_lines
                    && x.read_back == y.read_back
            })
    }

    #[test]
    fn round_trip() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        assert!(!index.mentions.is_empty() && !index.edges.is_empty());
        let fingerprint = Fingerprint::of(&corpus);
        let bytes = encode(&fingerprint, &index).unwrap();
        let back = decode(&bytes).unwrap();
        assert_eq!(back.fingerprint, fingerprint);
        assert!(same(&index, &back.index));
        assert!(fits(&back.index, &corpus));
    }

    #[test]
    fn damage_is_refused() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let bytes = encode(&Fingerprint::of(&corpus), &index).unwrap();
        for cut in [0, 3, 10, 25, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for position in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[position] ^= 0x5A;
            assert!(decode(&damaged).is_none(), "damage at {position}");
        }
        assert!(decode(b"").is_none());
    }

    #[test]
    fn changed_documents_are_named() {
        let mut corpus = corpus();
        let before = Fingerprint::of(&corpus);
        corpus.documents[1].text.push('x');
        corpus.documents.push(Document::new("c".into(), "new".into(), DocumentMeta::default()));
        let after = Fingerprint::of(&corpus);
        assert_eq!(after.catalog, before.catalog);
        let mut changed: Vec<String> = after.changed_since(&before).into_iter().collect();
        changed.sort();
        assert_eq!(changed, ["b", "c"]);
    }

    #[test]
    fn update_equals_a_full_build() {
        let mut corpus = corpus();
        let before = Index::build(&corpus);
        let old = Fingerprint::of(&corpus);
        corpus.documents[1].text = "INTERPOL and Europol again. اینترپل".into();
        corpus.documents.remove(0);
        corpus.documents.push(Document::new("c".into(), "یوروپل و اینترپل".into(), DocumentMeta::default()));
        let changed = Fingerprint::of(&corpus).changed_since(&old);
        let updated = Index::update(&before, &old.ids(), &corpus, &changed);
        assert!(same(&updated, &Index::build(&corpus)));
    }

    #[test]
    fn store_then_load_and_garbage_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("index.bin");
        let corpus = corpus();
        let index = Index::build(&corpus);
        let fingerprint = Fingerprint::of(&corpus);
        store(&path, &fingerprint, &index).unwrap();
        assert!(same(&load(&path).unwrap().index, &index));
        std::fs::write(&path, b"DMIDX garbage").unwrap();
        assert!(load(&path).is_none());
        assert!(load(&dir.path().join("missing.bin")).is_none());
    }
}

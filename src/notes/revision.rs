//! What a notes file was when the store last read or wrote it: its length,
//! modification time and content hash, so a change made elsewhere is noticed.

use std::time::SystemTime;

/// What a file was when the store last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// FNV-1a 64 of the bytes.
    pub hash: u64,
}

impl Revision {
    pub(crate) fn of(bytes: &[u8], modified: Option<SystemTime>) -> Revision {
        Revision { len: bytes.len() as u64, modified, hash: fnv1a(bytes) }
    }

    /// Same bytes (a `touch` alone is not a change).
    pub fn same_content(&self, other: &Revision) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

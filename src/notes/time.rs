//! Timestamps of notes: RFC 3339 strings, written in UTC to the second
//! (`2026-11-23T09:09:07Z`) by a tiny formatter over [`SystemTime`].
//!
//! A hand-edited file may hold any RFC 3339 time (fractions of a second, an
//! offset such as `+03:30`); it is checked for shape and kept verbatim.

use serde::{Deserialize, Serialize};
use std::time::{SystemTime, UNIX_EPOCH};

/// An RFC 3339 date-time, kept as the text it was read or written as.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// The current time, in UTC, to the second.
    pub fn now() -> Timestamp {
        Timestamp::from_system_time(SystemTime::now())
    }

    /// `time` in UTC, to the second; times before 1970 become the epoch.
    pub fn from_system_time(time: SystemTime) -> Timestamp {
        let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Timestamp(format_utc(secs))
    }

    /// Wraps a string already known to be RFC 3339 (see [`is_rfc3339`]).
    pub fn parse(text: &str) -> Option<Timestamp> {
        is_rfc3339(text).then(|| Timestamp(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(secs: u64) -> String {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Year, month, day of the `days`-th day after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for non-negative day counts).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Whether `text` has the shape of an RFC 3339 date-time:
/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, fields in range.
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
        return false;
    }
    let date_ok = digits_in(b, 0, 4, 0, 9999)
        && b[4] == b'-'
        && digits_in(b, 5, 2, 1, 12)
        && b[7] == b'-'
        && digits_in(b, 8, 2, 1, 31);
    let time_ok = digits_in(b, 11, 2, 0, 23)
        && b[13] == b':'
        && digits_in(b, 14, 2, 0, 59)
        && b[16] == b':'
        && digits_in(b, 17, 2, 0, 60);
    date_ok && time_ok && is_fraction_and_offset(&b[19..])
}

/// `[.digits](Z|z|±HH:MM)`
fn is_fraction_and_offset(rest: &[u8]) -> bool {
    let rest = match rest.strip_prefix(b".") {
        Some(frac) => {
            let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return false;
            }
            &frac[n..]
        }
        None => rest,
    };
    match rest {
        b"Z" | b"z" => true,
        [b'+' | b'-', ..] if rest.len() == 6 => {
            digits_in(rest, 1, 2, 0, 23) && rest[3] == b':' && digits_in(rest, 4, 2, 0, 59)
        }
        _ => false,
    }
}

/// Whether `b[at..at + len]` are ASCII digits whose value lies in `min..=max`.
fn digits_in(b: &[u8], at: usize, len: usize, min: u32, max: u32) -> bool {
    let Some(field) = b.get(at..at + len) else {
        return false;
    };
    if !field.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let value = field.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    (min..=max).contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(format_utc(4_107_542_399), "2100-02-28T23:59:59Z");
        assert_eq!(format_utc(4_107_542_400), "2100-03-01T00:00:00Z");
        assert_eq!(format_utc(253_402_300_799), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn from_system_time_truncates_and_clamps() {
        let t = UNIX_EPOCH + Duration::from_millis(1_700_000_000_999);
        assert_eq!(Timestamp::from_system_time(t).as_str(), "2023-11-14T22:13:20Z");
        let before = UNIX_EPOCH - Duration::from_secs(10);
        assert_eq!(Timestamp::from_system_time(before).as_str(), "1970-01-01T00:00:00Z");
        assert!(is_rfc3339(Timestamp::now().as_str()));
    }

    #[test]
    fn every_formatted_time_is_rfc3339() {
        for secs in (0..253_402_300_799u64).step_by(7_919_993) {
            assert!(is_rfc3339(&format_utc(secs)), "{}", format_utc(secs));
        }
    }

    #[test]
    fn rfc3339_shapes() {
        for ok in
            ["2026-11-23T09:09:07Z", "2026-11-23t09:09:07z", "2026-11-23T09:09:07.123Z", "2026-11-23T09:09:07+03:30"]
        {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T09:09:07",
            "2026-13-23T09:09:07Z",
            "2026-11-23T24:09:07Z",
            "2026-11-23T09:09:07.Z",
            "2026-11-23T09:09:07+0330",
            "2026/11/23T09:09:07Z",
            "yesterday at noon, roughly",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}

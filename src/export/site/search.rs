//! The site's offline search: a prebuilt index (`assets/search-index.js`)
//! and the script that searches it (`assets/search.js`), folding text as the
//! program does.
//!
//! The folding table is generated from [`crate::text::normalize`]: for every
//! character whose folding is not simply its lower case (Arabic `ي`→`ی`,
//! `ك`→`ک`, harakat, ZWNJ and tatweel dropped, digits, presentation forms, …),
//! the table holds what the program folds it to; the script lower-cases the
//! rest. The tests run the script in a browser over every character of the
//! first two planes and compare with `fold_str`.
//!
//! Matching: the query and every passage are folded, spaces are ignored (so
//! `می شود` finds `میشود` and ZWNJ, which folding drops, finds both), and a
//! passage matches when it holds every word of the query; concepts first,
//! then the passages holding the most of the query.

use std::fmt::Write as _;

use crate::text::normalize::fold_str;

/// One searchable passage: what it is, where it links, its heading and text.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `c` a concept, `d` a paragraph of a document, `n` a note.
    pub kind: char,
    /// Relative to the site's root.
    pub href: String,
    pub title: String,
    pub text: String,
}

/// `assets/search-index.js`: the entries as one JavaScript array.
pub fn index_js(entries: &[Entry]) -> String {
    let mut out = String::from("window.DIPLOMAP_INDEX = [\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "[{},{},{},{}],",
            js_string(&entry.kind.to_string()),
            js_string(&entry.href),
            js_string(&entry.title),
            js_string(&entry.text)
        );
    }
    out.push_str("];\n");
    out
}

/// The folding table as a JavaScript object literal: every character (of all
/// planes) whose folding differs from its lower case, with its folding.
pub fn fold_table_js() -> String {
    let mut out = String::from("{");
    let mut first = true;
    for code in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(code) else { continue };
        let mut buffer = [0u8; 4];
        let original: &str = c.encode_utf8(&mut buffer);
        let folded = fold_str(original);
        if folded == c.to_lowercase().collect::<String>() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{}:{}", js_string(original), js_string(&folded));
    }
    out.push('}');
    out
}

/// `text` as a JavaScript string literal in plain ASCII (`\uXXXX` escapes).
pub fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for unit in text.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x20..=0x7E if unit != 0x3C => out.push(char::from(unit as u8)),
            _ => {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out.push('"');
    out
}

/// `assets/search.js`: folding, matching, snippets, and the search page's wiring.
pub fn search_js() -> String {
    format!("(function () {{\n\"use strict\";\nvar FOLD = {};\n{SEARCH_JS}}})();\n", fold_table_js())
}

const SEARCH_JS: &str = r##"
function foldChar(ch) {
  return Object.prototype.hasOwnProperty.call(FOLD, ch) ? FOLD[ch] : ch.toLowerCase();
}
/* The program's fold_str. */
function fold(text) {
  var out = "";
  for (var ch of text) out += foldChar(ch);
  return out;
}
/* Folded text without spaces, with where each of its code units came from. */
function compact(text) {
  var units = [], starts = [], ends = [], at = 0;
  for (var ch of text) {
    var f = foldChar(ch);
    for (var i = 0; i < f.length; i++) {
      if (/\s/.test(f[i])) continue;
      units.push(f[i]); starts.push(at); ends.push(at + ch.length);
    }
    at += ch.length;
  }
  return { text: units.join(""), starts: starts, ends: ends };
}
function queryWords(query) {
  return fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
}
var prepared = null;
function prepare() {
  if (prepared) return prepared;
  prepared = (window.DIPLOMAP_INDEX || []).map(function (e) {
    return { kind: e[0], href: e[1], title: e[2], text: e[3], folded: compact(e[3]), folded_title: compact(e[2]).text };
  });
  return prepared;
}
function count(haystack, needle) {
  var n = 0, at = haystack.indexOf(needle);
  while (at >= 0 && n < 20) { n++; at = haystack.indexOf(needle, at + needle.length); }
  return n;
}
function search(query, limit) {
  var words = queryWords(query);
  if (!words.length) return [];
  var whole = words.join("");
  var hits = [];
  prepare().forEach(function (e) {
    var score = 0;
    for (var i = 0; i < words.length; i++) {
      var n = count(e.folded.text, words[i]) + 3 * count(e.folded_title, words[i]);
      if (!n) return;
      score += Math.min(n, 5);
    }
    if (words.length > 1 && e.folded.text.indexOf(whole) >= 0) score += 5;
    if (e.kind === "c") score += 10;
    hits.push({ entry: e, score: score });
  });
  hits.sort(function (a, b) { return b.score - a.score; });
  return hits.slice(0, limit || 50).map(function (h) {
    var e = h.entry, longest = words.slice().sort(function (a, b) { return b.length - a.length; })[0];
    var at = e.folded.text.indexOf(longest);
    var range = at >= 0 ? [e.folded.starts[at], e.folded.ends[at + longest.length - 1]] : null;
    return { kind: e.kind, href: e.href, title: e.title, text: e.text, match: range };
  });
}
window.diplomapFold = fold;
window.diplomapSearch = search;
window.diplomapSnippet = function (text, range) { return snippet(text, range).textContent; };

function snippet(text, range) {
  var span = document.createElement("span");
  if (!range) { span.textContent = text.slice(0, 200); return span; }
  var from = Math.max(0, range[0] - 90), to = Math.min(text.length, range[1] + 90);
  // Cut between words, never inside one («… بکه» for «شبکه»).
  if (from > 0) { var space = text.slice(from, range[0]).search(/\s/); from = space < 0 ? range[0] : from + space + 1; }
  if (to < text.length) { var last = text.slice(range[1], to).search(/\s\S*$/); to = last < 0 ? range[1] : range[1] + last; }
  span.appendChild(document.createTextNode((from > 0 ? "… " : "") + text.slice(from, range[0])));
  var mark = document.createElement("mark");
  mark.textContent = text.slice(range[0], range[1]);
  span.appendChild(mark);
  span.appendChild(document.createTextNode(text.slice(range[1], to) + (to < text.length ? " …" : "")));
  return span;
}
function render(box, list, query) {
  list.textContent = "";
  var hits = search(query, 50);
  var status = document.getElementById("search-status");
  if (status) status.hidden = !(query.trim() && !hits.length);
  var root = box.getAttribute("data-root") || "";
  hits.forEach(function (hit) {
    var item = document.createElement("li");
    item.className = "hit hit-" + hit.kind;
    var link = document.createElement("a");
    link.href = root + hit.href;
    link.textContent = hit.title;
    link.dir = "auto";
    item.appendChild(link);
    var text = document.createElement("p");
    text.dir = "auto";
    text.appendChild(snippet(hit.text, hit.match));
    item.appendChild(text);
    list.appendChild(item);
  });
}
function wire() {
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  if (!box || !list) return;
  var params = new URLSearchParams(location.search);
  if (params.get("q")) box.value = params.get("q");
  box.addEventListener("input", function () { render(box, list, box.value); });
  render(box, list, box.value);
  document.documentElement.setAttribute("data-search-ready", "1");
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire); else wire();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_the_program_s_foldings() {
        let table = fold_table_js();
        assert!(table.contains(&format!("{}:{}", js_string("ي"), js_string("ی"))));
        assert!(table.contains(&format!("{}:{}", js_string("ك"), js_string("ک"))));
        assert!(table.contains(&format!("{}:\"\"", js_string("\u{200C}"))), "ZWNJ is dropped");
        assert!(table.contains(&format!("{}:\"\"", js_string("\u{064E}"))), "fatha is dropped");
        assert!(!table.contains(&format!("{}:", js_string("A"))), "plain lower case is left to the script");
        assert!(table.is_ascii());
    }

    #[test]
    fn strings_are_ascii_and_cannot_close_a_script() {
        assert_eq!(js_string("a\"b\\</script>"), "\"a\\\"b\\\\\\u003c/script>\"");
        assert_eq!(js_string("ی"), "\"\\u06cc\"");
        assert_eq!(js_string("😀"), "\"\\ud83d\\ude00\"");
    }
}

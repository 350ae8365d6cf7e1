//! Figures of a map SVG as `diplomap export --format svg` writes it, read
//! back with an XML parser: links drawn (`<line>`s in `<g id="edges">`),
//! their crossings, concepts drawn (`<g id="nodes">`) and whether each is on
//! the page, and labels shown (`<text>`s in `<g id="labels">`).
//!
//! Shared by the core tests and `examples/map_figures.rs` (which prints them
//! for a file), so the README's figures and the test count the same way.

use quick_xml::events::{BytesStart, Event};

/// What one SVG of the map draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub links: usize,
    /// Pairs of links that cross (touching ends do not count).
    pub crossings: usize,
    /// The most crossings on one link.
    pub worst_link: usize,
    pub concepts: usize,
    /// Concepts whose centre lies outside the page.
    pub off_page: usize,
    pub labels: usize,
    /// The labels' text, in document order.
    pub label_texts: Vec<String>,
}

impl Figures {
    pub fn crossings_per_link(&self) -> f64 {
        if self.links == 0 { 0.0 } else { self.crossings as f64 / self.links as f64 }
    }
}

type Point = (f64, f64);

/// Reads `svg` (failing on bad XML) and counts what it draws.
pub fn figures_of(svg: &str) -> Result<Figures, String> {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut groups: Vec<String> = Vec::new();
    let mut page = (0.0, 0.0);
    let mut offset = (0.0, 0.0);
    let mut segments: Vec<(Point, Point)> = Vec::new();
    let mut centres: Vec<Point> = Vec::new();
    let mut figures = Figures::default();
    let mut in_label: Option<String> = None;
    loop {
        let event = reader.read_event().map_err(|e| format!("bad XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let empty = matches!(event, Event::Empty(_));
                let name = element.name().as_ref().to_vec();
                let group = groups.last().map(String::as_str).unwrap_or("");
                match name.as_slice() {
                    b"svg" => page = (number(element, "width")?, number(element, "height")?),
                    b"g" => {
                        let id = attribute(element, "id")?.unwrap_or_default();
                        if id == "map"
                            && let Some(transform) = attribute(element, "transform")?
                        {
                            offset = translation(&transform);
                        }
                        if !empty {
                            groups.push(id);
                        }
                    }
                    b"line" if group == "edges" => {
                        let from = (number(element, "x1")?, number(element, "y1")?);
                        let to = (number(element, "x2")?, number(element, "y2")?);
                        segments.push((from, to));
                    }
                    b"circle" if group == "nodes" => {
                        centres.push((number(element, "cx")?, number(element, "cy")?));
                    }
                    b"polygon" if group == "nodes" => {
                        let points = attribute(element, "points")?.unwrap_or_default();
                        centres.push(mean_point(&points));
                    }
                    b"text" if group == "labels" && !empty => in_label = Some(String::new()),
                    _ => {}
                }
            }
            Event::Text(text) => {
                if let Some(label) = in_label.as_mut() {
                    label.push_str(&text.decode().map_err(|e| e.to_string())?);
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(label) = in_label.as_mut() {
                    let name = reference.decode().map_err(|e| e.to_string())?;
                    label.push(match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        _ => '\'',
                    });
                }
            }
            Event::End(end) => match end.name().as_ref() {
                b"g" => {
                    groups.pop();
                }
                b"text" => {
                    if let Some(label) = in_label.take() {
                        figures.label_texts.push(label);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    figures.links = segments.len();
    let mut per_link = vec![0usize; segments.len()];
    for i in 0..segments.len() {
        for j in i + 1..segments.len() {
            if cross(segments[i], segments[j]) {
                figures.crossings += 1;
                per_link[i] += 1;
                per_link[j] += 1;
            }
        }
    }
    figures.worst_link = per_link.into_iter().max().unwrap_or(0);
    figures.concepts = centres.len();
    figures.off_page = centres
        .iter()
        .filter(|&&(x, y)| {
            let (x, y) = (x + offset.0, y + offset.1);
            !(0.0..=page.0).contains(&x) || !(0.0..=page.1).contains(&y)
        })
        .count();
    figures.labels = figures.label_texts.len();
    Ok(figures)
}

fn attribute(element: &BytesStart, name: &str) -> Result<Option<String>, String> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if attribute.key.as_ref() == name.as_bytes() {
            let value = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

fn number(element: &BytesStart, name: &str) -> Result<f64, String> {
    let value = attribute(element, name)?.ok_or_else(|| format!("a <{:?}> without {name}", element.name()))?;
    value.parse().map_err(|_| format!("{name}={value:?} is not a number"))
}

fn translation(transform: &str) -> Point {
    let inner = transform.trim().trim_start_matches("translate(").trim_end_matches(')');
    let mut parts = inner.split([' ', ',']).filter(|p| !p.is_empty()).map(|p| p.parse().unwrap_or(0.0));
    (parts.next().unwrap_or(0.0), parts.next().unwrap_or(0.0))
}

fn mean_point(points: &str) -> Point {
    let parsed: Vec<Point> = points
        .split_whitespace()
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    let n = parsed.len().max(1) as f64;
    (parsed.iter().map(|p| p.0).sum::<f64>() / n, parsed.iter().map(|p| p.1).sum::<f64>() / n)
}

/// Whether two segments cross at a point inside both (not at or near an end).
fn cross(a: (Point, Point), b: (Point, Point)) -> bool {
    let orient = |p: Point, q: Point, r: Point| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2) = (orient(b.0, b.1, a.0), orient(b.0, b.1, a.1));
    let (d3, d4) = (orient(a.0, a.1, b.0), orient(a.0, a.1, b.1));
    let eps = 1e-9;
    ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
}

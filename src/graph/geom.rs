//! Plain 2-D geometry for the graph core: a point/vector type and an
//! axis-aligned rectangle, both in `f32`, with no dependencies.
//!
//! World space (where the layout places nodes) and screen space (points of the
//! map view, origin at the view's top-left corner, y down) use the same types;
//! [`super::camera::Camera`] converts between them.

use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A point or a vector.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Vec2 {
    pub x: f32,
    pub y: f32,
}

impl Vec2 {
    pub const ZERO: Vec2 = Vec2 { x: 0.0, y: 0.0 };

    pub const fn new(x: f32, y: f32) -> Self {
        Vec2 { x, y }
    }

    pub fn dot(self, other: Vec2) -> f32 {
        self.x * other.x + self.y * other.y
    }

    pub fn length_sq(self) -> f32 {
        self.dot(self)
    }

    pub fn length(self) -> f32 {
        self.length_sq().sqrt()
    }

    pub fn distance(self, other: Vec2) -> f32 {
        (self - other).length()
    }

    /// This vector scaled to length 1, or zero when it has no direction.
    pub fn normalized_or_zero(self) -> Vec2 {
        let len = self.length();
        if len > 0.0 && len.is_finite() { self / len } else { Vec2::ZERO }
    }

    /// The vector turned a quarter turn (left-handed in screen space).
    pub fn perp(self) -> Vec2 {
        Vec2::new(-self.y, self.x)
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    pub fn min(self, other: Vec2) -> Vec2 {
        Vec2::new(self.x.min(other.x), self.y.min(other.y))
    }

    pub fn max(self, other: Vec2) -> Vec2 {
        Vec2::new(self.x.max(other.x), self.y.max(other.y))
    }

    pub fn to_array(self) -> [f32; 2] {
        [self.x, self.y]
    }
}

impl Add for Vec2 {
    type Output = Vec2;
    fn add(self, rhs: Vec2) -> Vec2 {
        Vec2::new(self.x + rhs.x, self.y + rhs.y)
    }
}

impl AddAssign for Vec2 {
    fn add_assign(&mut self, rhs: Vec2) {
        self.x += rhs.x;
        self.y += rhs.y;
    }
}

impl Sub for Vec2 {
    type Output = Vec2;
    fn sub(self, rhs: Vec2) -> Vec2 {
        Vec2::new(self.x - rhs.x, self.y - rhs.y)
    }
}

impl SubAssign for Vec2 {
    fn sub_assign(&mut self, rhs: Vec2) {
        self.x -= rhs.x;
        self.y -= rhs.y;
    }
}

impl Mul<f32> for Vec2 {
    type Output = Vec2;
    fn mul(self, rhs: f32) -> Vec2 {
        Vec2::new(self.x * rhs, self.y * rhs)
    }
}

impl Div<f32> for Vec2 {
    type Output = Vec2;
    fn div(self, rhs: f32) -> Vec2 {
        Vec2::new(self.x / rhs, self.y / rhs)
    }
}

impl Neg for Vec2 {
    type Output = Vec2;
    fn neg(self) -> Vec2 {
        Vec2::new(-self.x, -self.y)
    }
}

/// An axis-aligned rectangle, `min` inclusive, `max` inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: Vec2,
    pub max: Vec2,
}

impl Rect {
    /// The rectangle that contains nothing; extending it with a point gives that point.
    pub const NOTHING: Rect =
        Rect { min: Vec2::new(f32::INFINITY, f32::INFINITY), max: Vec2::new(f32::NEG_INFINITY, f32::NEG_INFINITY) };

    pub fn from_min_max(min: Vec2, max: Vec2) -> Self {
        Rect { min, max }
    }

    pub fn from_min_size(min: Vec2, size: Vec2) -> Self {
        Rect { min, max: min + size }
    }

    /// The smallest rectangle holding every finite point of `points`.
    pub fn bounding(points: impl IntoIterator<Item = Vec2>) -> Self {
        points.into_iter().filter(|p| p.is_finite()).fold(Rect::NOTHING, |r, p| r.including(p))
    }

    pub fn is_empty(&self) -> bool {
        !(self.min.x <= self.max.x && self.min.y <= self.max.y)
    }

    pub fn including(self, p: Vec2) -> Rect {
        Rect { min: self.min.min(p), max: self.max.max(p) }
    }

    pub fn expanded(self, by: f32) -> Rect {
        Rect { min: self.min - Vec2::new(by, by), max: self.max + Vec2::new(by, by) }
    }

    pub fn size(&self) -> Vec2 {
        self.max - self.min
    }

    pub fn centre(&self) -> Vec2 {
        (self.min + self.max) * 0.5
    }

    pub fn contains(&self, p: Vec2) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.min.x <= other.max.x && other.min.x <= self.max.x && self.min.y <= other.max.y && other.min.y <= self.max.y
    }

    /// Whether the circle at `centre` with `radius` touches this rectangle.
    pub fn touches_circle(&self, centre: Vec2, radius: f32) -> bool {
        let nearest = centre.max(self.min).min(self.max);
        (centre - nearest).length_sq() <= radius * radius
    }

    /// Whether the segment from `a` to `b` touches this rectangle (exact, not a
    /// bounding-box guess): the boxes must overlap and the rectangle's corners
    /// must not all lie strictly on one side of the segment's line.
    pub fn touches_segment(&self, a: Vec2, b: Vec2) -> bool {
        let seg_box = Rect { min: a.min(b), max: a.max(b) };
        if !self.intersects(&seg_box) {
            return false;
        }
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let dir = b - a;
        let side = |c: Vec2| dir.x * (c.y - a.y) - dir.y * (c.x - a.x);
        let corners = [self.min, Vec2::new(self.max.x, self.min.y), self.max, Vec2::new(self.min.x, self.max.y)];
        let sides = corners.map(side);
        let all_positive = sides.iter().all(|&s| s > 0.0);
        let all_negative = sides.iter().all(|&s| s < 0.0);
        !(all_positive || all_negative)
    }
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Vec2, a: Vec2, b: Vec2) -> f32 {
    let ab = b - a;
    let len_sq = ab.length_sq();
    if len_sq <= 0.0 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> Rect {
        Rect::from_min_max(Vec2::new(0.0, 0.0), Vec2::new(10.0, 10.0))
    }

    #[test]
    fn segment_crossing_rect_without_endpoint_inside_touches() {
        assert!(rect().touches_segment(Vec2::new(-5.0, 5.0), Vec2::new(15.0, 5.0)));
    }

    #[test]
    fn segment_passing_corner_outside_does_not_touch() {
        // Boxes overlap, but the segment passes beyond the corner (10, 10).
        assert!(!rect().touches_segment(Vec2::new(8.0, 13.0), Vec2::new(13.0, 8.0)));
        assert!(rect().touches_segment(Vec2::new(8.0, 11.0), Vec2::new(11.0, 8.0)));
    }

    #[test]
    fn distance_to_segment_clamps_to_ends() {
        let d = distance_to_segment(Vec2::new(-3.0, 4.0), Vec2::ZERO, Vec2::new(10.0, 0.0));
        assert_eq!(d, 5.0);
        assert_eq!(distance_to_segment(Vec2::new(5.0, 2.0), Vec2::ZERO, Vec2::new(10.0, 0.0)), 2.0);
    }
}

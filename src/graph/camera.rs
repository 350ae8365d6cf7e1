//! Camera math for the map view: which part of the world is on screen.
//!
//! Screen coordinates are points relative to the view's top-left corner, y
//! down; the world uses the same orientation. `zoom` is screen points per
//! world unit, and the world point `centre` appears in the middle of the view.

use serde::{Deserialize, Serialize};

use super::geom::{Rect, Vec2};

/// The smallest zoom a camera accepts.
pub const MIN_ZOOM: f32 = 1e-4;
/// The largest zoom a camera accepts.
pub const MAX_ZOOM: f32 = 1e3;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// The world point shown at the middle of the view.
    pub centre: Vec2,
    /// Screen points per world unit.
    pub zoom: f32,
    /// Size of the view in points.
    pub viewport: Vec2,
}

impl Default for Camera {
    fn default() -> Self {
        Camera { centre: Vec2::ZERO, zoom: 1.0, viewport: Vec2::new(800.0, 600.0) }
    }
}

impl Camera {
    pub fn new(centre: Vec2, zoom: f32, viewport: Vec2) -> Self {
        Camera { centre, zoom: clamp_zoom(zoom), viewport }
    }

    pub fn screen_from_world(&self, world: Vec2) -> Vec2 {
        (world - self.centre) * self.zoom + self.viewport * 0.5
    }

    pub fn world_from_screen(&self, screen: Vec2) -> Vec2 {
        (screen - self.viewport * 0.5) / self.zoom + self.centre
    }

    /// The view itself, in screen coordinates.
    pub fn screen_rect(&self) -> Rect {
        Rect::from_min_size(Vec2::ZERO, self.viewport)
    }

    /// The part of the world the view shows.
    pub fn visible_world(&self) -> Rect {
        Rect::from_min_max(self.world_from_screen(Vec2::ZERO), self.world_from_screen(self.viewport))
    }

    /// Zooms by `factor` keeping the world point under `screen` where it is
    /// (scroll-wheel zoom at the cursor). The zoom stays within limits.
    pub fn zoom_about(&mut self, screen: Vec2, factor: f32) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let anchor = self.world_from_screen(screen);
        self.zoom = clamp_zoom(self.zoom * factor);
        self.centre = anchor - (screen - self.viewport * 0.5) / self.zoom;
    }

    /// Moves the view so the world follows a drag of `screen_delta` points.
    pub fn pan_by(&mut self, screen_delta: Vec2) {
        self.centre -= screen_delta / self.zoom;
    }

    /// Centres `bounds` (world) in the view, as large as fits with `margin`
    /// points free on every side. An empty `bounds` leaves the camera alone.
    pub fn fit(&mut self, bounds: Rect, margin: f32) {
        let area = self.screen_rect();
        self.fit_in(
            bounds,
            Rect::from_min_max(area.min + Vec2::new(margin, margin), area.max - Vec2::new(margin, margin)),
        );
    }

    /// Shows `bounds` (world) centred in `area` (screen), as large as fits:
    /// fitting around a legend or a panel that covers part of the view. An
    /// empty `bounds` leaves the camera alone.
    pub fn fit_in(&mut self, bounds: Rect, area: Rect) {
        if bounds.is_empty() {
            return;
        }
        let room = area.size().max(Vec2::new(1.0, 1.0));
        let size = bounds.size().max(Vec2::new(1e-3, 1e-3));
        self.zoom = clamp_zoom((room.x / size.x).min(room.y / size.y));
        let offset = if area.is_empty() { Vec2::ZERO } else { area.centre() - self.viewport * 0.5 };
        self.centre = bounds.centre() - offset / self.zoom;
    }
}

fn clamp_zoom(zoom: f32) -> f32 {
    if zoom.is_finite() { zoom.clamp(MIN_ZOOM, MAX_ZOOM) } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_in_centres_the_bounds_in_the_area() {
        let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(800.0, 600.0));
        let bounds = Rect::from_min_max(Vec2::new(-50.0, -50.0), Vec2::new(50.0, 50.0));
        // The left 200 points are covered (a legend): the map goes in the rest.
        let area = Rect::from_min_max(Vec2::new(200.0, 0.0), Vec2::new(800.0, 600.0));
        camera.fit_in(bounds, area);
        assert_eq!(camera.zoom, 6.0);
        assert!(camera.screen_from_world(bounds.centre()).distance(area.centre()) < 1e-3);
        assert!((camera.screen_from_world(bounds.min).x - 200.0).abs() < 1e-3);
    }
}

//! Paragraph and sentence segmentation.

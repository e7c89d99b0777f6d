//! The page's English texts: they declare the keys.

pub mod ui;
pub mod ui_parts;

//! The instances list as a window: only the rows in and near the viewport are in the DOM (drawing
//! all 500 of a big server took ~150 ms), the list's padding standing in for the rows above and
//! below at an estimated height each, so the page's scrollbar stays honest. The window follows the
//! page's scroll and size and the focus (a row reached by Tab is scrolled into view by the browser,
//! and the rows after it come in). The rows drawn are measured: the smallest is the estimate, and
//! each keeps its own place (a row with its QR panel open is as tall as it is). Each row drawn is
//! told its place in the whole list (`aria-posinset` of `aria-setsize`) for screen readers.

use std::sync::Arc;

use evo_core::instances::Instance;
use leptos::html::Ul;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;

/// Rows kept drawn beyond each edge of the viewport.
const OVERSCAN: usize = 6;
/// Rows drawn before anything was measured (enough for a tall viewport); a list this short is
/// drawn whole.
const FIRST: usize = 24;

/// The window's state; `Copy`: arena handles owned by the view. The list's padding and its rows'
/// places are set here, after each change and before its paint.
#[derive(Clone, Copy)]
pub struct Window {
    rows: Memo<Vec<Arc<Instance>>>,
    /// The rows drawn: `start..end` (either may pass the list's end; [`Window::drawn`] clamps).
    range: RwSignal<(usize, usize)>,
    /// The estimated height of a row not drawn, in whole CSS pixels (formatting a float would
    /// cost the page ~10 KB).
    row_h: StoredValue<usize>,
    pub ul: NodeRef<Ul>,
}

impl Window {
    pub fn new(rows: Memo<Vec<Arc<Instance>>>) -> Self {
        Self { rows, range: RwSignal::new((0, FIRST)), row_h: StoredValue::new(72), ul: NodeRef::new() }
    }

    /// The rows drawn.
    pub fn drawn(self) -> Vec<Arc<Instance>> {
        let (start, end) = self.range.get();
        self.rows.with(|r| r[start.min(r.len())..end.min(r.len())].to_vec())
    }

    /// After the list changed: a window past its end moves back within it; then the window is
    /// fitted before the next paint.
    pub fn changed(self) {
        let n = self.rows.with_untracked(Vec::len);
        if self.range.get_untracked().0 >= n {
            self.range.set((n.saturating_sub(FIRST), n.max(FIRST)));
        }
        browser::next_frame(move || self.fit());
    }

    /// Fits the window to the viewport (on scroll, resize and focus, and after a change).
    pub fn fit(self) {
        self.fit_again(3);
    }

    fn fit_again(self, tries: u8) {
        let Some((start, end)) = self.range.try_get_untracked() else { return };
        let (Some(ul), Some(w)) = (self.ul.get_untracked(), web_sys::window()) else { return };
        let n = self.rows.with_untracked(Vec::len);
        let old = self.row_h.get_value();
        // The rows drawn: their place in the list, and their (top, height) within it (the list
        // is `position: relative`).
        let kids = ul.children();
        let (size, mut spans) = (n.to_string(), Vec::new());
        for k in 0..kids.length() {
            // (Rows and offset parents are HTML elements: no type check needed.)
            let Some(e) = kids.item(k).map(JsCast::unchecked_into::<web_sys::HtmlElement>) else { continue };
            let _ = e.set_attribute("aria-setsize", &size);
            let _ = e.set_attribute("aria-posinset", &(start.min(n) + k as usize + 1).to_string());
            spans.push((e.offset_top().max(0) as usize, e.offset_height().max(0) as usize));
        }
        // The viewport within the list: the page's scroll less the list's place on the page.
        let mut top = 0;
        let mut el: Option<web_sys::Element> = Some(ul.clone().into());
        while let Some(e) = el.map(JsCast::unchecked_into::<web_sys::HtmlElement>) {
            top += e.offset_top();
            el = e.offset_parent();
        }
        let lo = w.scroll_y().unwrap_or(0.0) as i32 - top;
        let hi = lo + w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0) as i32;
        let (lo, hi) = (lo.max(0) as usize, hi.max(0) as usize);
        // The row at `y`: in the padding above by the estimate, among the rows drawn by their own
        // place, below them by the estimate again.
        let pad = spans.first().map_or(start.min(n) * old, |s| s.0);
        let at = |y: usize| -> usize {
            if y < pad {
                return y / old;
            }
            match spans.iter().position(|s| y < s.0 + s.1) {
                Some(k) => start + k,
                None => start + spans.len() + y.saturating_sub(spans.last().map_or(pad, |s| s.0 + s.1)) / old,
            }
        };
        let want =
            if n <= FIRST { (0, n) } else { (at(lo).saturating_sub(OVERSCAN).min(n), (at(hi) + 1 + OVERSCAN).min(n)) };
        let est = spans.iter().map(|s| s.1).filter(|h| *h > 0).min().unwrap_or(old);
        self.row_h.set_value(est);
        let moved = tries > 0 && want != (start, end);
        let (start, end) = if moved { want } else { (start.min(n), end.min(n)) };
        // The list's padding: the rows not drawn, above and below, at the estimate.
        // (Through the CSSOM: the page's CSP refuses style attributes.)
        let _ = web_sys::HtmlElement::style(&ul)
            .set_property("padding", &format!("{}px 0 {}px", start * est, (n - end) * est));
        // Moved: the rows about to be drawn are labelled and measured on the next frame, and the
        // window fitted again.
        if moved {
            self.range.set(want);
            browser::next_frame(move || self.fit_again(tries - 1));
        }
    }
}

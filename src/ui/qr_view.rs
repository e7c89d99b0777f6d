//! The QR code as the server sent it (a checked PNG data URL) and drawn locally as SVG.

use evo_core::qr::{check_png_data_url, QrMatrix};
use evo_core::response::QrInfo;
use leptos::prelude::*;

use crate::i18n::{fill, parts, tfp, trp};

/// The QR area: the server's PNG (only a checked `data:image/png;base64,` URL) and the same code
/// drawn locally as SVG, always dark on white with a quiet zone.
#[component]
pub fn QrView(qr: QrInfo) -> impl IntoView {
    if qr.is_pending() {
        return view! {
            <p class="msg warn" data-testid="qr-pending">
                {trp(|u| u.qr_pending)}
            </p>
        }
        .into_any();
    }
    let image = qr.base64.as_deref().map(|b| match check_png_data_url(b) {
        Ok(url) => view! {
            <figure class="qr">
                <img data-testid="qr-image" src=url.to_owned() alt=trp(|u| u.qr_img_alt) width="264" height="264" />
                <figcaption>{trp(|u| u.from_server)}</figcaption>
            </figure>
        }
        .into_any(),
        Err(e) => {
            // Rendered in the view: a language switch re-renders it.
            let why = move || e.message(crate::i18n::current());
            view! { <p class="msg err" data-testid="qr-image-refused">{why}</p> }.into_any()
        }
    });
    let svg = qr.code.as_deref().map(|code| match QrMatrix::encode(code) {
        Ok(m) => {
            const QUIET: usize = 4;
            let side = m.side(QUIET);
            view! {
                <figure class="qr">
                    <svg
                        data-testid="qr-svg"
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=format!("0 0 {side} {side}")
                        width="264"
                        height="264"
                        shape-rendering="crispEdges"
                        role="img"
                        aria-label=trp(|u| u.qr_svg_label)
                    >
                        <rect width=side.to_string() height=side.to_string() fill="#ffffff" />
                        <path d=m.svg_path(QUIET) fill="#000000" />
                    </svg>
                    <figcaption>{trp(|u| u.drawn_here)}</figcaption>
                </figure>
            }
            .into_any()
        }
        Err(e) => {
            let why = move || fill(parts().cannot_draw, &[&e.message(crate::i18n::current())]);
            view! { <p class="msg err">{why}</p> }.into_any()
        }
    });
    let count = qr.count.map(|c| tfp(|u| u.qr_count, &[&c.to_string()]));
    let pairing = qr.pairing_code.map(|p| {
        let shown = if p.len() == 8 { format!("{}-{}", &p[..4], &p[4..]) } else { p };
        view! { <p data-testid="qr-pairing" class="pairing">{trp(|u| u.pairing_code)} <strong>{shown}</strong></p> }
    });
    view! {
        <div class="qr-area" data-testid="qr-area">
            <div class="qr-row">{image} {svg}</div>
            {pairing}
            <p class="hint">{count}</p>
        </div>
    }
    .into_any()
}

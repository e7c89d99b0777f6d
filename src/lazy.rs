//! Parts of the page that are not needed to build a payload, loaded on first use. In release builds
//! (the `split` feature) each is cut into its own wasm module by `scripts/wasm.mjs` and fetched the
//! first time it is used; otherwise they are plain functions. Either way a caller awaits them, and a
//! part that cannot be fetched (the network is down, or the site was redeployed and the old build's
//! files are gone) is an [`Unavailable`] the caller explains — the page keeps working, and the next
//! use tries again. Once loaded, a part's future is ready at its first poll.
//!
//! Each part is declared with [`part!`] beside the function it wraps, in that function's module;
//! nothing else in the page may name these functions' insides, or they stay in the first load.
//! This module is a leaf: it imports nothing of the page (the texts it shows are arguments).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// A part of the page could not be loaded (its `Display`, in the reader's language, is in `i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// A future a part returns (the parts that talk to the server).
pub type Task<T> = Pin<Box<dyn Future<Output = T>>>;

/// Declares a part: in split builds a `wasm_split` function of its own module (`fallible`: a failed
/// load is an `Err`, retried on the next call), otherwise an `async fn`.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::lazy::Unavailable> {
            Ok($body)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::lazy::Unavailable> {
            Ok($body)
        }
    };
}
pub(crate) use part;

/// A text shown in the reader's language (tracked): the page passes `i18n::tr`'s closures, so the
/// views here are of the type its other texts already draw (no new view type in the first load).
pub trait Text: Fn() -> &'static str + Copy + Send + Sync + 'static {}
impl<T: Fn() -> &'static str + Copy + Send + Sync + 'static> Text for T {}

/// A view part, or what to show in its place when it could not be loaded (`unavailable`).
pub fn view_or_explain(part: Result<AnyView, Unavailable>, unavailable: impl Text) -> AnyView {
    part.unwrap_or_else(|_| {
        view! { <p class="msg err" role="alert" data-testid="part-unavailable">{unavailable}</p> }.into_any()
    })
}

/// Shows a view part where it is awaited: a "Loading…" line (`loading`, announced politely) until
/// it is there (a moment when it is already loaded: the task runs before the next paint);
/// `unavailable` if it could not be loaded. A task and two signals rather than Leptos' `Suspend`,
/// whose code cost the first load more; the part's view is built under this place's owner (its
/// context, and disposed with it), as `Suspend` did.
pub fn show<T: Text>(
    part: impl Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
    loading: T,
    unavailable: T,
) -> AnyView {
    let pending = RwSignal::new(true);
    // The view once there, taken out by its one draw.
    let slot = RwSignal::new_local(None::<AnyView>);
    let part = leptos::reactive::computed::ScopedFuture::new_untracked(part);
    leptos::task::spawn_local(async move {
        let v = view_or_explain(part.await, unavailable);
        slot.try_set(Some(v));
        pending.try_set(false);
    });
    view! {
        <p class="muted" role="status" data-testid="part-loading" hidden=move || !pending.get()>
            {loading}
        </p>
        {move || {
            slot.track();
            slot.try_update_untracked(Option::take).flatten()
        }}
    }
    .into_any()
}

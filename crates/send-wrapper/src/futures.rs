//! `Future` and `Stream` for a wrapped future or stream (feature `futures`), polled only on the
//! creating thread.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::{Misuse, SendWrapper};

impl<F: Future> Future for SendWrapper<F> {
    type Output = F::Output;

    #[track_caller]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.check(Misuse::Poll);
        // SAFETY: structural pinning: `data` is never moved out of a pinned wrapper.
        unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll(cx)
    }
}

impl<S: Stream> Stream for SendWrapper<S> {
    type Item = S::Item;

    #[track_caller]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.check(Misuse::Poll);
        // SAFETY: as above.
        unsafe { self.map_unchecked_mut(|w| &mut *w.data) }.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.data.size_hint()
    }
}

//! `SendWrapper<T>`: lets a non-`Send` value travel in types that must be `Send`, on the promise
//! that it is only touched (dereferenced, polled, dropped) on the thread that made it.
//!
//! The API of crates.io's `send_wrapper` 0.6, which Leptos uses; see `Cargo.toml` for why the page
//! carries its own. Where there are threads the promise is checked, and broken promises panic as in
//! the original; in a wasm module without atomics there is one thread, so there is nothing to check.

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

#[cfg(feature = "futures")]
mod futures;

/// One thread only: every access is from the thread that created the value.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
mod owner {
    #[derive(Clone, Copy, Debug)]
    pub struct Owner;

    impl Owner {
        #[inline(always)]
        pub fn here() -> Owner {
            Owner
        }

        #[inline(always)]
        pub fn is_here(self) -> bool {
            true
        }
    }
}

/// Threads: the creating thread's id, compared on every access.
#[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
mod owner {
    use std::thread::{self, ThreadId};

    #[derive(Clone, Copy, Debug)]
    pub struct Owner(ThreadId);

    impl Owner {
        pub fn here() -> Owner {
            Owner(thread::current().id())
        }

        pub fn is_here(self) -> bool {
            self.0 == thread::current().id()
        }
    }
}

pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    owner: owner::Owner,
}

// SAFETY: the value is only reached through `deref`/`deref_mut`/`take`/`poll`/`drop`, each of which
// checks that it runs on the creating thread (trivially true where there is one thread).
unsafe impl<T> Send for SendWrapper<T> {}
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> SendWrapper<T> {
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper { data: ManuallyDrop::new(data), owner: owner::Owner::here() }
    }

    /// Whether this thread may use the value.
    pub fn valid(&self) -> bool {
        self.owner.is_here()
    }

    /// The value, out of its wrapper. Panics on another thread.
    #[track_caller]
    pub fn take(self) -> T {
        self.check(Misuse::Deref);
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so `data` is taken exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    #[track_caller]
    #[inline(always)]
    fn check(&self, what: Misuse) {
        if !self.valid() {
            misuse(what)
        }
    }
}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    #[track_caller]
    fn deref(&self) -> &T {
        self.check(Misuse::Deref);
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check(Misuse::Deref);
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    #[track_caller]
    fn drop(&mut self) {
        if !std::mem::needs_drop::<T>() || self.valid() {
            // SAFETY: dropped once, here; `data` is not used after.
            unsafe { ManuallyDrop::drop(&mut self.data) }
        } else if !std::thread::panicking() {
            misuse(Misuse::Drop)
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    #[track_caller]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", self.deref()).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        Self::new(self.deref().clone())
    }
}

#[derive(Clone, Copy)]
enum Misuse {
    Deref,
    #[cfg_attr(not(feature = "futures"), allow(dead_code))]
    Poll,
    Drop,
}

#[cold]
#[inline(never)]
#[track_caller]
fn misuse(what: Misuse) -> ! {
    let verb = match what {
        Misuse::Deref => "Dereferenced",
        Misuse::Poll => "Polled",
        Misuse::Drop => "Dropped",
    };
    panic!("{verb} SendWrapper<T> variable from a thread different to the one it has been created with.")
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;
    use std::rc::Rc;
    use std::thread;

    #[test]
    fn same_thread_derefs_takes_clones_and_drops() {
        let w = SendWrapper::new(Rc::new(42));
        assert!(w.valid());
        assert_eq!(**w, 42);
        let c = w.clone();
        assert_eq!(*c.take(), 42);
        drop(w);
    }

    #[test]
    fn another_thread_may_carry_it_back_but_not_use_it() {
        let w = SendWrapper::new(Rc::new(7));
        let back = thread::spawn(move || {
            assert!(!w.valid());
            w
        })
        .join()
        .unwrap();
        assert_eq!(**back, 7);
        let w = SendWrapper::new(Rc::new(1));
        assert!(thread::spawn(move || **w).join().is_err(), "deref on another thread panics");
        let w = SendWrapper::new(Rc::new(1));
        assert!(thread::spawn(move || drop(w)).join().is_err(), "drop on another thread panics");
    }
}

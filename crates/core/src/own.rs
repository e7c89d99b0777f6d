//! Owned copies and vectors that go to the allocator directly. At the page's opt-level (`z`),
//! `str::to_owned` and `Vec::with_capacity` reach the allocator through a chain of calls that are
//! not inlined (`RawVec`'s capacity and layout checks, `Global::allocate`…): with the page's
//! allocator (talc) ~62 ns per allocation and free, ~39 ns without that chain (measured in wasm,
//! `scripts/lint-bench.sh`'s build). The linter makes one for every key, string value, object and
//! diagnostic argument.

use std::alloc::{alloc, handle_alloc_error, Layout};

mod short;
pub use short::Str;

/// `s.to_owned()`: a `String` of exactly `s.len()` bytes.
pub(crate) fn string(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    // SAFETY: a `str` is never longer than `isize::MAX` bytes, so the layout is valid; the block
    // comes from the global allocator with that layout (align 1, `s.len()` bytes), and holds a
    // copy of `s`: valid UTF-8, `len == capacity ==` its size, as `String::from_raw_parts` needs.
    unsafe {
        let layout = Layout::from_size_align_unchecked(s.len(), 1);
        let p = alloc(layout);
        if p.is_null() {
            handle_alloc_error(layout);
        }
        std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        String::from_raw_parts(p, s.len(), s.len())
    }
}

/// `Vec::with_capacity(n)`.
pub(crate) fn vec<T>(n: usize) -> Vec<T> {
    match Layout::array::<T>(n) {
        Ok(layout) if layout.size() > 0 => {
            // SAFETY: the block comes from the global allocator with the layout of `n` `T`s (`T`'s
            // alignment, `n * size_of::<T>()` bytes, at most `isize::MAX`), as `Vec::from_raw_parts`
            // needs for capacity `n`; the length is 0, so nothing in it needs to be initialised.
            unsafe {
                let p = alloc(layout);
                if p.is_null() {
                    handle_alloc_error(layout);
                }
                Vec::from_raw_parts(p.cast::<T>(), 0, n)
            }
        }
        // Nothing to allocate (`n == 0`, a zero-sized `T`), or too big (the standard path panics).
        _ => Vec::with_capacity(n),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_and_vectors_are_the_standard_ones() {
        for s in ["", "a", "ção", "MESSAGES_UPDATE"] {
            let o = super::string(s);
            assert_eq!((o.as_str(), o.len(), o.capacity()), (s, s.len(), s.len()));
        }
        let mut v = super::vec::<(u64, String)>(8);
        assert_eq!((v.len(), v.capacity()), (0, 8));
        v.extend((0..20).map(|i| (i, i.to_string())));
        assert_eq!(v.len(), 20);
        assert_eq!(super::vec::<u8>(0).capacity(), 0);
        assert_eq!(super::vec::<()>(3).len(), 0);
    }
}

//! [`Str`]: the text of a key or a string value of the lint tree, short ones kept in place.

use std::fmt;

/// The most bytes kept in place: a `String`'s size and a word, less a tag and a length (14 on
/// wasm32, 30 on 64-bit targets).
const INLINE: usize = std::mem::size_of::<String>() + std::mem::size_of::<usize>() - 2;

/// The text of a key or a string value: up to [`INLINE`] bytes in place, longer ones in a `String`.
/// Most keys and many values are short (`id`, `name`, `customer_42`, `vip`): at the page's
/// opt-level an allocation and its free cost ~40 ns each, and a payload has tens of thousands of
/// them. Read as a `str` (`Deref`); compared, hashed and printed as one, however it is kept.
#[derive(Clone)]
pub struct Str(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(String),
}

impl Str {
    /// A copy of `s` (one exact-size allocation when it is longer than [`INLINE`] bytes).
    pub fn new(s: &str) -> Str {
        if s.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Str(Repr::Inline(s.len() as u8, buf))
        } else {
            Str(Repr::Heap(super::string(s)))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: `Inline` is only made by `Str::new`, from the bytes of a whole `str` of
            // length `len`: the first `len` bytes are that `str`, valid UTF-8.
            Repr::Inline(len, buf) => unsafe { std::str::from_utf8_unchecked(buf.get_unchecked(..*len as usize)) },
            Repr::Heap(s) => s,
        }
    }
}

impl Default for Str {
    fn default() -> Self {
        Str(Repr::Inline(0, [0; INLINE]))
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Str::new(s)
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            Str::new(&s)
        } else {
            Str(Repr::Heap(s))
        }
    }
}

impl From<&Str> for String {
    fn from(s: &Str) -> Self {
        s.as_str().to_owned()
    }
}

impl From<Str> for String {
    fn from(s: Str) -> Self {
        match s.0 {
            Repr::Heap(s) => s,
            Repr::Inline(..) => s.as_str().to_owned(),
        }
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{Str, INLINE};

    #[test]
    fn short_and_long_texts_read_compare_and_print_as_strs() {
        let long = "x".repeat(INLINE + 1);
        for s in ["", "a", "ção", "customer_42", &"y".repeat(INLINE), &long, "MESSAGES_UPSERT"] {
            let t = Str::new(s);
            assert_eq!((t.as_str(), t.len()), (s, s.len()));
            assert_eq!(t, s);
            assert_eq!(t, Str::from(s.to_owned()));
            assert_eq!(String::from(t.clone()), s);
            assert_eq!(format!("{t:?} {t}"), format!("{s:?} {s}"));
        }
        assert!(matches!(Str::new(&long).0, super::Repr::Heap(_)));
        assert!(matches!(Str::new("customer_42").0, super::Repr::Inline(..)));
    }
}

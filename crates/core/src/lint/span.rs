//! The leaf of the linter: byte spans, text edits and applying them, line/column positions. It
//! imports nothing of the crate (`tests/layers.rs` checks), so anything may use it.

/// A byte range `start..end` in the linted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn at(pos: usize) -> Self {
        Span { start: pos, end: pos }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Replace the text in `span` by `replacement` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit { span, replacement: replacement.into() }
    }

    pub fn insert(pos: usize, text: impl Into<String>) -> Self {
        Edit { span: Span::at(pos), replacement: text.into() }
    }

    pub fn delete(span: Span) -> Self {
        Edit { span, replacement: String::new() }
    }
}

/// Applies `edits` to `text`. Edits that overlap an earlier-accepted one are skipped; so are edits
/// whose span is out of range or not on a character boundary. Returns the new text and how many
/// edits were applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sort_stable_by_key(&mut sorted, |e| [e.span.start, e.span.end, 0]);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut applied = 0;
    for e in sorted {
        let Span { start, end } = e.span;
        if start < pos
            || end < start
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[pos..start]);
        out.push_str(&e.replacement);
        pos = end;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// Line/column positions (1-based; columns count characters) for byte offsets.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// `(line, column)`, both 1-based, of the byte offset `pos` (clamped to the text).
    pub fn position(&self, pos: usize) -> (usize, usize) {
        let mut pos = pos.min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = self.text[self.starts[line]..pos].chars().count() + 1;
        (line + 1, col)
    }

    /// The text of the 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The byte offset where `pos`'s line starts.
    pub fn line_start(&self, pos: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= pos) - 1]
    }
}

/// Sorts `v` by `key` exactly as the standard stable `sort_by_key` does (equal keys keep their
/// order), through one shared, non-generic sort of `(key, index)` pairs. Size, not speed: every
/// `sort_by_key` call site used to instantiate the standard stable sort for its own element and
/// closure type (~3 KB of wasm each); now they share one.
pub fn sort_stable_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> [usize; 3]) {
    let mut keys: Vec<([usize; 3], usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    let size = std::mem::size_of::<T>();
    // SAFETY: `v`'s elements as bytes (`MaybeUninit`: padding may be uninitialised), borrowed
    // mutably while `sort_keys` has them and `v` is not used; `sort_keys` only moves whole
    // elements of `size` bytes within them (each ends up exactly once: none dropped or duplicated).
    let bytes =
        unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<std::mem::MaybeUninit<u8>>(), v.len() * size) };
    if !sort_keys(&mut keys, bytes, size) {
        return;
    }
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // Room for all at once (`extend` through `filter_map` would grow it step by step: thousands
    // of findings copied a dozen times).
    v.reserve(keys.len());
    v.extend(keys.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// The largest element [`sort_keys`] moves itself (a finding is 80 bytes on wasm32).
const MOVE_MAX: usize = 256;

/// Sorts the keys (the index breaks ties, so the order is stable) and says whether the elements
/// are still to be put in their order. When a few are out of order in front of a sorted run (what
/// `lint` mostly gets: a top-level finding or two in front of thousands in text order), each is
/// moved along into the run behind it, in `keys` and in `bytes` (the elements, `size` bytes each,
/// up to [`MOVE_MAX`]): one shift of the elements in between, not a rebuild of the whole vector.
/// Non-generic: one copy serves every element type (size).
#[inline(never)]
fn sort_keys(keys: &mut [([usize; 3], usize)], bytes: &mut [std::mem::MaybeUninit<u8>], size: usize) -> bool {
    // The sorted run at the end.
    let mut run = keys.len().saturating_sub(1);
    while run > 0 && keys[run - 1] <= keys[run] {
        run -= 1;
    }
    if run == 0 {
        return false;
    }
    let movable = (1..=MOVE_MAX).contains(&size) && bytes.len() == keys.len() * size;
    if run > 8 {
        keys.sort_unstable();
        return true;
    }
    // A few in front: move each along into the run behind it (linear, not a sort).
    for i in (0..run).rev() {
        let mut j = i;
        while j + 1 < keys.len() && keys[j + 1] < keys[j] {
            keys.swap(j, j + 1);
            j += 1;
        }
        if movable && j > i {
            // Elements `i..=j` rotated left by one: the first out, the others one place down, the
            // first back at the end.
            let mut first = [std::mem::MaybeUninit::<u8>::uninit(); MOVE_MAX];
            let rest = (j - i) * size;
            // SAFETY: `i < j < keys.len()` and `bytes.len() == keys.len() * size` (`movable`), so
            // `p..p + size + rest` is inside `bytes`; `size <= MOVE_MAX` fits `first`; `ptr::copy`
            // allows the overlap of the shift.
            unsafe {
                let p = bytes.as_mut_ptr().add(i * size);
                std::ptr::copy_nonoverlapping(p, first.as_mut_ptr(), size);
                std::ptr::copy(p.add(size), p, rest);
                std::ptr::copy_nonoverlapping(first.as_ptr(), p.add(rest), size);
            }
        }
    }
    !movable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_stable_by_key_matches_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 5, 33, 200] {
            let v: Vec<(usize, usize, u32)> = (0..len)
                .map(|n| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 8) as usize % 7, (seed >> 16) as usize % 3, n as u32)
                })
                .collect();
            let mut ours = v.clone();
            super::sort_stable_by_key(&mut ours, |x| [x.0, x.1, 0]);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| (x.0, x.1));
            assert_eq!(ours, std_sorted);
        }
        // A long sorted run with a few in front of it (the shape `lint` usually sorts).
        for front in [1usize, 3, 8, 9] {
            let v: Vec<(usize, usize, u32)> =
                (0..front).map(|n| (500 - n * 37, 0, n as u32)).chain((0..300).map(|n| (n * 2, 1, n as u32))).collect();
            let mut ours = v.clone();
            super::sort_stable_by_key(&mut ours, |x| [x.0, x.1, 0]);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| (x.0, x.1));
            assert_eq!(ours, std_sorted);
        }
    }
    /// The few-in-front path moves elements that own memory (strings) bit for bit: each ends up
    /// once, in the standard stable sort's order, and is dropped once (checked under valgrind).
    #[test]
    fn a_few_in_front_move_whole() {
        for front in 1..=9 {
            let v: Vec<(usize, String)> = (0..front)
                .map(|n| (70 - n * 7, format!("front {n}")))
                .chain((0..30).map(|n| (n * 2, format!("run {n}"))))
                .collect();
            let mut ours = v.clone();
            sort_stable_by_key(&mut ours, |x| [x.0, 0, 0]);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| x.0);
            assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn edits_apply_in_order_and_skip_overlaps() {
        let (out, n) = apply_edits(
            "abcdef",
            &[Edit::replace(Span::new(1, 3), "X"), Edit::insert(0, ">"), Edit::delete(Span::new(2, 4))],
        );
        assert_eq!((out.as_str(), n), (">aXdef", 2));
    }

    #[test]
    fn line_index_counts_characters() {
        let idx = LineIndex::new("ab\nçã x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(3 + 4), (2, 3)); // after "çã" (4 bytes, 2 chars)
        assert_eq!(idx.line_text(2), "çã x");
        assert_eq!(idx.position(999), (3, 1));
    }
}

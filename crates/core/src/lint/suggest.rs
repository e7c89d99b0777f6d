//! Did-you-mean suggestions and slugs.

/// Edit distance (Levenshtein) between two strings, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// ASCII letters and digits lowercased, other ASCII dropped, anything else kept as written: the
/// candidates are ASCII keys and event names, so Unicode case tables (~15 KB in the page) buy nothing.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_ascii() || c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// The closest of `candidates` to `word`: the same letters ignoring case and `_`/`-`/`.`
/// (`webhookByEvents` → `webhook_by_events`), else the nearest within a small edit distance.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if word.len() > 64 {
        return None;
    }
    let sq = squash(word);
    if let Some(c) = candidates.iter().find(|c| squash(c) == sq) {
        return Some(c);
    }
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (distance(&sq, &squash(c)), *c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// The seed's instance-name rule: non-empty, only lowercase a–z and 0–9.
pub fn is_seed_instance_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn unaccent(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => return None,
    })
}

/// A name that follows the seed's rule, made from `name`: lowercase, accents dropped, anything
/// but letters and digits removed. `None` when nothing usable is left.
pub fn slug(name: &str) -> Option<String> {
    let s: String = name
        .chars()
        .filter_map(|c| unaccent(c).or_else(|| c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())))
        .take(64)
        .collect();
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let keys = ["qrcode", "instanceName", "webhook_by_events", "webhook", "events"];
        assert_eq!(closest("qrCode", &keys), Some("qrcode"));
        assert_eq!(closest("instancename", &keys), Some("instanceName"));
        assert_eq!(closest("webhookByEvents", &keys), Some("webhook_by_events"));
        assert_eq!(closest("evnets", &keys), Some("events"));
        assert_eq!(closest("foo", &keys), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("[instance]").as_deref(), Some("instance"));
        assert_eq!(slug("São João 2").as_deref(), Some("saojoao2"));
        assert_eq!(slug("a/b").as_deref(), Some("ab"));
        assert_eq!(slug("!!!"), None);
        assert!(is_seed_instance_name("shop1"));
        assert!(!is_seed_instance_name("Shop"));
        assert!(!is_seed_instance_name("my-shop"));
    }
}

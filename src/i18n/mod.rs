//! Interface strings in 简体中文 and English, and the formatting of numbers,
//! money and dates for each.
//!
//! Why our own small layer instead of leptos_i18n: every string is a variant
//! of one Rust enum ([`Key`]) whose two translations sit side by side in one
//! table (`messages.rs`), so a missing translation is a compile error, a
//! lookup is a `match` that costs nothing at run time, and there are no
//! locale files to ship or load and no build-time macro step. leptos_i18n
//! needs locale files and a proc-macro build step, and ties the strings to
//! Leptos; this module is pure Rust with native tests, and knows nothing of
//! the browser: the shell (`app`) owns the reactive locale signal, reads the
//! browser's preferences and remembers the choice.

mod errors;
mod format;
mod messages;

pub use errors::{collection_label, store_error_message};
pub use format::{format_bytes, format_count, format_date, format_money, format_percent};
pub use messages::{Key, Namespace};

use std::borrow::Cow;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// 简体中文, the default: most users are Chinese hotel and store staff.
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The BCP 47 tag, for `<html lang>` and for remembering the choice.
    pub fn code(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::ZhCn => "简体中文",
            Locale::En => "English",
        }
    }

    /// The locale whose [`Locale::code`] is `code` (as remembered).
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The locale for a browser's preferred languages (`navigator.languages`,
    /// most preferred first): the first one we support, matched on the primary
    /// subtag, so `zh-TW` and `zh-Hans-CN` get Chinese and `en-GB` English.
    /// If none is supported, English, which more of the remaining visitors
    /// (foreign guests, head-office staff) will read than Chinese.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Locale {
        for tag in preferred {
            let primary = tag
                .as_ref()
                .trim()
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Locale::ZhCn,
                "en" => return Locale::En,
                _ => {}
            }
        }
        if preferred.is_empty() {
            Locale::default()
        } else {
            Locale::En
        }
    }

    /// The text of `key` in this locale, without placeholders filled in.
    pub fn t(self, key: Key) -> &'static str {
        key.text(self)
    }

    /// The text of `key` with its placeholders filled in from `args`.
    pub fn fill(self, key: Key, args: &[(&str, Arg<'_>)]) -> String {
        fill(key.text(self), args)
    }
}

/// A value for a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A count, shown with thousands separators; it also chooses between
    /// the singular and plural forms of `{name|one|other}`.
    Count(u64),
    /// Text shown as it is (a name, a date, an already formatted amount).
    Text(Cow<'a, str>),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Count(u64::from(n))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// Replaces `{name}` by its argument and `{name|one|other}` by the form that
/// fits the count `name`. A placeholder without an argument stays visible as
/// written, so a mistake shows on screen instead of silently dropping words.
pub fn fill(text: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or("");
        let forms: Vec<&str> = parts.collect();
        match (
            args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
            forms.as_slice(),
        ) {
            (Some(Arg::Count(n)), [one, other]) => out.push_str(if *n == 1 { one } else { other }),
            (Some(Arg::Count(n)), []) => out.push_str(&format_count(*n)),
            (Some(Arg::Text(s)), []) => out.push_str(s),
            _ => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a text, sorted and without repeats.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(inner, _)| inner.split('|').next().unwrap_or(""))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
    }

    /// Chinese texts that rightly contain no Chinese character: brand names
    /// and abbreviations. Empty today; add a key here only for such a text.
    const NO_CJK_IN_CHINESE: &[Key] = &[];

    /// Keys of one namespace that intentionally share their English text.
    const SAME_ENGLISH_ON_PURPOSE: &[(Key, Key)] = &[];

    #[test]
    fn every_key_has_a_text_in_both_locales() {
        for &key in Key::ALL {
            for locale in Locale::ALL {
                let text = key.text(locale);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {locale:?}");
                assert_eq!(
                    text,
                    text.trim(),
                    "{key:?} has stray white space in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn both_locales_use_the_same_placeholders() {
        for &key in Key::ALL {
            let zh = key.text(Locale::ZhCn);
            let en = key.text(Locale::En);
            assert_eq!(placeholders(zh), placeholders(en), "{key:?}");
            for text in [zh, en] {
                assert_eq!(
                    text.matches('{').count(),
                    text.matches('}').count(),
                    "unbalanced braces in {key:?}: {text}"
                );
                assert!(placeholders(text).iter().all(
                    |n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                ));
            }
            // Plural forms are an English device; Chinese has none.
            assert!(!zh.contains('|'), "{key:?} has plural forms in Chinese");
        }
    }

    #[test]
    fn chinese_texts_are_written_in_chinese() {
        for &key in Key::ALL {
            if NO_CJK_IN_CHINESE.contains(&key) {
                continue;
            }
            let zh = key.text(Locale::ZhCn);
            assert!(
                zh.chars().any(is_cjk),
                "{key:?} has no Chinese character: {zh}"
            );
            // Half-width punctuation right after a Chinese character is a
            // typing slip; the Chinese forms are ，：；（）？
            let chars: Vec<char> = zh.chars().collect();
            for w in chars.windows(2) {
                assert!(
                    !(is_cjk(w[0]) && ",:;(?".contains(w[1])),
                    "{key:?}: half-width punctuation in {zh}"
                );
            }
        }
    }

    #[test]
    fn english_texts_are_not_left_in_chinese() {
        for &key in Key::ALL {
            let en = key.text(Locale::En);
            // The brand keeps its Chinese name in every language.
            if key == Key::AppName {
                continue;
            }
            assert!(
                !en.chars().any(is_cjk),
                "{key:?} has Chinese in English: {en}"
            );
        }
    }

    #[test]
    fn no_two_keys_of_a_page_share_their_english_text_unless_intended() {
        let mut seen: HashMap<(Namespace, &str), Key> = HashMap::new();
        for &key in Key::ALL {
            let en = key.text(Locale::En);
            if let Some(&first) = seen.get(&(key.namespace(), en)) {
                let intended = SAME_ENGLISH_ON_PURPOSE
                    .iter()
                    .any(|&(a, b)| (a, b) == (first, key) || (b, a) == (first, key));
                assert!(intended, "{first:?} and {key:?} both say {en:?}");
            } else {
                seen.insert((key.namespace(), en), key);
            }
        }
    }

    #[test]
    fn keys_are_named_after_their_namespace() {
        for &key in Key::ALL {
            let namespace = format!("{:?}", key.namespace());
            assert!(
                format!("{key:?}").starts_with(&namespace),
                "{key:?} is in {namespace}"
            );
        }
    }

    #[test]
    fn placeholders_are_filled_and_plurals_chosen_by_count() {
        let one = Locale::En.fill(
            Key::CommonReadyHotel,
            &[
                ("customers", 1usize.into()),
                ("transactions", 23_456usize.into()),
            ],
        );
        assert_eq!(one, "1 customer and 23,456 stays ready to analyse.");
        let many = Locale::En.fill(
            Key::CommonReadyRetail,
            &[
                ("customers", 2_000usize.into()),
                ("transactions", 1usize.into()),
            ],
        );
        assert_eq!(many, "2,000 customers and 1 purchase ready to analyse.");
        let zh = Locale::ZhCn.fill(
            Key::CommonReadyHotel,
            &[
                ("customers", 2_000usize.into()),
                ("transactions", 0usize.into()),
            ],
        );
        assert_eq!(zh, "2,000 位客户、0 次入住记录已可供分析。");
        assert_eq!(
            Locale::En.fill(Key::NotFoundBody, &[("path", "/x".into())]),
            "The address /x does not lead to any page."
        );
    }

    #[test]
    fn a_missing_argument_stays_visible() {
        assert_eq!(fill("a {b} {c|x|y} {", &[]), "a {b} {c|x|y} {");
        assert_eq!(
            fill("{n|one|other}", &[("n", "text".into())]),
            "{n|one|other}"
        );
        assert_eq!(placeholders("{a} {b|x|y} {a}"), vec!["a", "b"]);
    }

    #[test]
    fn the_browser_preference_picks_the_locale() {
        assert_eq!(Locale::negotiate(&["zh-CN", "en"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(&["zh-TW"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(&["en-US", "zh-CN"]), Locale::En);
        assert_eq!(Locale::negotiate(&["fr-FR", "zh_Hans"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(&["fr-FR", "de"]), Locale::En);
        assert_eq!(Locale::negotiate::<&str>(&[]), Locale::ZhCn);
    }

    #[test]
    fn a_remembered_code_round_trips() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
        assert_eq!(Locale::from_code(" zh-cn "), Some(Locale::ZhCn));
        assert_eq!(Locale::from_code("fr"), None);
    }
}

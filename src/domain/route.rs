//! The pure hash router: `#/customers?segment=champions` ⇄ [`Location`].
//!
//! Why a hash router of our own: the app is static files on a CDN, possibly
//! under any sub-path (`https://cdn.example.com/tools/crm/`), and no server
//! can answer `/customers` with `index.html`. Only the part after `#` is
//! ours; leptos_router has no hash mode (leptos-rs/leptos#2184). Keeping the
//! parser free of web-sys lets it be tested natively; the shell (`app`) only
//! feeds it `location.hash` and listens for `hashchange`.
//!
//! The query string is kept as a small sorted map so that later modules can put
//! their view state (filters, the selected segment, a date range) in the URL,
//! where it survives a reload and can be bookmarked or shared.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A page of the app, or the page that says an address is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Route {
    #[default]
    Home,
    /// Today's list for front-line staff (今日待办).
    Today,
    Customers,
    Segments,
    Lifecycle,
    Loyalty,
    Complaints,
    Surveys,
    /// Import, export, backup and restore (导入与备份).
    Exchange,
    Settings,
    /// An address we do not know, kept (normalised) to show it to the user.
    NotFound(String),
}

impl Route {
    /// The pages in navigation order.
    pub const PAGES: [Route; 10] = [
        Route::Home,
        Route::Today,
        Route::Customers,
        Route::Segments,
        Route::Lifecycle,
        Route::Loyalty,
        Route::Complaints,
        Route::Surveys,
        Route::Exchange,
        Route::Settings,
    ];

    /// The path after `#`, e.g. `/customers`.
    pub fn path(&self) -> &str {
        match self {
            Route::Home => "/",
            Route::Today => "/today",
            Route::Customers => "/customers",
            Route::Segments => "/segments",
            Route::Lifecycle => "/lifecycle",
            Route::Loyalty => "/loyalty",
            Route::Complaints => "/complaints",
            Route::Surveys => "/surveys",
            Route::Exchange => "/data",
            Route::Settings => "/settings",
            Route::NotFound(path) => path,
        }
    }

    /// The route of a hash such as `#/customers?x=1`; the query is ignored
    /// (see [`Location::parse`] to keep it).
    pub fn parse(hash: &str) -> Route {
        Location::parse(hash).route
    }

    /// The hash that leads to this route, e.g. `#/customers`.
    pub fn to_hash(&self) -> String {
        format!("#{}", self.path())
    }

    fn from_path(path: &str) -> Route {
        Route::PAGES
            .into_iter()
            .find(|r| r.path() == path)
            .unwrap_or_else(|| Route::NotFound(path.to_owned()))
    }
}

/// Query parameters of a hash, sorted by name so that equal locations have
/// equal hashes. A repeated name keeps its last value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query(BTreeMap<String, String>);

impl Query {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// Sets a parameter; an empty value removes it, so cleared filters do
    /// not linger in the address.
    pub fn set(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            self.0.remove(name);
        } else {
            self.0.insert(name.to_owned(), value.to_owned());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    fn parse(raw: &str) -> Query {
        let mut query = Query::new();
        for pair in raw.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name);
            if !name.is_empty() {
                query.set(&name, &percent_decode(value));
            }
        }
        query
    }
}

/// Where the user is: a route and its query parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub route: Route,
    pub query: Query,
}

impl Location {
    pub fn new(route: Route) -> Self {
        Location {
            route,
            query: Query::new(),
        }
    }

    /// Parses `location.hash`. Forgiving where browsers and people are
    /// sloppy: a missing `#` or leading `/`, a trailing `/`, and percent
    /// encoding in the path are all accepted. An empty hash is the home page.
    pub fn parse(hash: &str) -> Location {
        let rest = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = percent_decode(path);
        let trimmed = path.trim_matches('/');
        let mut normal = String::with_capacity(trimmed.len() + 1);
        normal.push('/');
        // Collapse `//` so `#//customers` is not a different page.
        for (i, segment) in trimmed.split('/').filter(|s| !s.is_empty()).enumerate() {
            if i > 0 {
                normal.push('/');
            }
            normal.push_str(segment);
        }
        Location {
            route: Route::from_path(&normal),
            query: Query::parse(query),
        }
    }

    /// The canonical hash of this location, e.g. `#/segments?tier=gold`.
    pub fn to_hash(&self) -> String {
        let mut hash = String::from("#");
        hash.push_str(&percent_encode(self.route.path(), true));
        for (i, (name, value)) in self.query.iter().enumerate() {
            hash.push(if i == 0 { '?' } else { '&' });
            hash.push_str(&percent_encode(name, false));
            hash.push('=');
            hash.push_str(&percent_encode(value, false));
        }
        hash
    }
}

/// Encodes everything but RFC 3986 unreserved characters (and `/` in paths).
fn percent_encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep =
            byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || (keep_slash && byte == b'/');
        if keep {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space in form encoding). Malformed
/// escapes are kept as typed, and invalid UTF-8 becomes U+FFFD, so a
/// hand-edited address never makes the router fail.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(hash: &str, route: Route, query: &[(&str, &str)]) {
        let location = Location::parse(hash);
        assert_eq!(location.route, route, "route of {hash:?}");
        let got: Vec<(&str, &str)> = location.query.iter().collect();
        assert_eq!(got, query, "query of {hash:?}");
    }

    #[test]
    fn every_page_round_trips_through_its_hash() {
        for route in Route::PAGES {
            assert_eq!(Route::parse(&route.to_hash()), route, "{route:?}");
            assert_eq!(
                Location::parse(&Location::new(route.clone()).to_hash()).route,
                route
            );
        }
        assert_eq!(Route::Segments.to_hash(), "#/segments");
        assert_eq!(Route::Home.to_hash(), "#/");
    }

    #[test]
    fn an_empty_or_sloppy_hash_still_finds_its_page() {
        check("", Route::Home, &[]);
        check("#", Route::Home, &[]);
        check("#/", Route::Home, &[]);
        check("#//", Route::Home, &[]);
        check("#customers", Route::Customers, &[]);
        check("#/customers/", Route::Customers, &[]);
        check("#//settings", Route::Settings, &[]);
        check("/loyalty", Route::Loyalty, &[]);
        check("#/%63omplaints", Route::Complaints, &[]);
    }

    #[test]
    fn unknown_addresses_lead_to_not_found_with_the_normalised_path() {
        check("#/nope", Route::NotFound("/nope".into()), &[]);
        check(
            "#/customers/42/",
            Route::NotFound("/customers/42".into()),
            &[],
        );
        // Paths are case-sensitive, like the links we generate.
        check("#/Customers", Route::NotFound("/Customers".into()), &[]);
        assert_eq!(Route::NotFound("/nope".into()).to_hash(), "#/nope");
    }

    #[test]
    fn queries_are_decoded_into_a_sorted_map() {
        check(
            "#/segments?tier=gold&from=2026-01-01",
            Route::Segments,
            &[("from", "2026-01-01"), ("tier", "gold")],
        );
        check(
            "#/customers?q=%E5%BC%A0%E4%BC%9F",
            Route::Customers,
            &[("q", "张伟")],
        );
        check(
            "#/customers?q=zhang+wei&q=li",
            Route::Customers,
            &[("q", "li")],
        );
        check("#/customers?flag&=orphan&&empty=", Route::Customers, &[]);
        check(
            "#/customers?pct=100%25&bad=%zz&tail=%4",
            Route::Customers,
            &[("bad", "%zz"), ("pct", "100%"), ("tail", "%4")],
        );
    }

    #[test]
    fn a_location_with_a_query_round_trips() {
        let mut location = Location::new(Route::Customers);
        location.query.set("q", "张 伟&co=1");
        location.query.set("city", "上海");
        let hash = location.to_hash();
        assert!(hash.is_ascii(), "{hash}");
        assert!(hash.starts_with("#/customers?city="), "{hash}");
        assert_eq!(Location::parse(&hash), location);
        location.query.set("q", "");
        assert_eq!(location.query.get("q"), None);
    }
}

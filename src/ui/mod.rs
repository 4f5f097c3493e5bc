//! The user interface (browser only): the layout, one module per page and
//! the shared components. Components hold as little logic as possible: they
//! read contexts from `app`, call pure functions of `domain` and `i18n`, and
//! hand user intentions to `app`'s actions.

pub mod components;
pub mod download;
pub mod layout;
pub mod lock;
pub mod pages;

pub use layout::Shell;
pub use lock::LockScreen;

use crate::i18n::Key;
use crate::route::Route;

/// The name of a page, as the navigation, the page heading and the
/// document title show it.
pub fn page_name(route: &Route) -> Key {
    match route {
        Route::Home => Key::NavHome,
        Route::Today => Key::TodayNav,
        Route::Customers => Key::NavCustomers,
        Route::Segments => Key::NavSegments,
        Route::Lifecycle => Key::NavLifecycle,
        Route::Loyalty => Key::NavLoyalty,
        Route::Complaints => Key::NavComplaints,
        Route::Surveys => Key::NavSurveys,
        Route::Exchange => Key::ExchangeNav,
        Route::Settings => Key::NavSettings,
        Route::NotFound(_) => Key::NotFoundTitle,
    }
}

//! One module per page. Pages that need the data set receive it loaded;
//! the layout shows the loading and error states before they render.

mod complaints;
mod customers;
mod exchange;
mod health_labels;
mod home;
mod lifecycle;
mod loyalty;
mod not_found;
mod segments;
mod settings;
mod surveys;
mod today;

pub use complaints::ComplaintsPage;
pub use customers::CustomersPage;
pub use exchange::ExchangePage;
pub use home::HomePage;
pub use lifecycle::LifecyclePage;
pub use loyalty::LoyaltyPage;
pub use not_found::NotFoundPage;
pub use segments::SegmentsPage;
pub use settings::SettingsPage;
pub use surveys::SurveysPage;
pub use today::TodayPage;

use crate::domain::{BusinessKind, Dataset};
use crate::i18n::Key;
use crate::ui::components::ReadyLine;

/// "N customers and M stays (or purchases) ready to analyse", for the
/// analysis pages that work from customers and their transactions.
fn customers_and_transactions(dataset: &Dataset) -> ReadyLine {
    ReadyLine {
        key: match dataset.settings.business {
            BusinessKind::Hotel => Key::CommonReadyHotel,
            BusinessKind::Retail => Key::CommonReadyRetail,
        },
        counts: vec![
            ("customers", dataset.customers.len()),
            ("transactions", dataset.transactions.len()),
        ],
    }
}

//! One module per page. Pages that need the data set receive it loaded;
//! the layout shows the loading and error states before they render.

mod complaints;
mod customers;
pub(crate) mod exchange;
mod health_labels;
mod home;
mod lifecycle;
pub(crate) mod loyalty;
mod not_found;
mod protection;
mod roles_settings;
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
pub use protection::ProtectionSection;
pub use segments::SegmentsPage;
pub use settings::SettingsPage;
pub use surveys::SurveysPage;
pub use today::TodayPage;

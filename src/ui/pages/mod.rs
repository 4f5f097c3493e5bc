//! One module per page. Pages that need the data set receive it loaded;
//! the layout shows the loading and error states before they render.

mod complaints;
mod customers;
mod home;
mod lifecycle;
mod loyalty;
mod not_found;
mod segments;
mod settings;
mod surveys;

pub use complaints::ComplaintsPage;
pub use customers::CustomersPage;
pub use home::HomePage;
pub use lifecycle::LifecyclePage;
pub use loyalty::LoyaltyPage;
pub use not_found::NotFoundPage;
pub use segments::SegmentsPage;
pub use settings::SettingsPage;
pub use surveys::SurveysPage;

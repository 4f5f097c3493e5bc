//! The page frame: skip link, header with the product name and the language
//! switch, the main navigation, the main area with its notices and the
//! current page, and a footer. The document title follows the page.

use crate::app::{use_data, use_i18n, use_roles, use_router, Data, DataStatus, I18n, Persistence};
use crate::domain::Dataset;
use crate::i18n::{store_error_message, Key};
use crate::route::Route;
use crate::store::StoreError;
use crate::ui::components::{
    context_error, needs_sign_in, ActingAsPicker, Banner, ErrorPanel, LanguageSwitch, Loading,
    MainNav, RoleStatus, SignInPanel, Tone,
};
use crate::ui::page_name;
use crate::ui::pages::*;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn Shell() -> impl IntoView {
    let (i18n, router, data) = match (use_i18n(), use_router(), use_data()) {
        (Ok(i18n), Ok(router), Ok(data)) => (i18n, router, data),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return context_error(e),
    };

    Effect::new(move |_| {
        let page = i18n.t(page_name(&router.route()));
        document().set_title(&format!("{page} · {}", i18n.t(Key::AppName)));
    });

    // The skip link moves focus itself: following `#main` would change the
    // hash, which is the router's.
    let skip = move |ev: MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };

    let roles = use_roles();
    // A memo: the roles read the data set, and the page below must re-render
    // only when signing in becomes needed or not, not on every save (that
    // would reset Settings' and the import's state mid-way).
    let sign_in = Memo::new(move |_| roles.is_ok_and(needs_sign_in));
    let page = move || match router.route() {
        // With staff roles on, nobody sees a page before signing in.
        _ if sign_in.get() => view! { <SignInPanel /> }.into_any(),
        // Settings and "not found" render whatever the data's state: the
        // language can be changed and a bad link explained before (or
        // without) the data loading.
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        // Like Settings, the Import & backup page follows the data's state
        // itself, so an import's outcome survives the data set reloading.
        Route::Exchange => view! { <ExchangePage /> }.into_any(),
        Route::NotFound(path) => view! { <NotFoundPage path /> }.into_any(),
        route => match data.status() {
            DataStatus::Opening => view! { <Loading message=Key::AppLoading /> }.into_any(),
            DataStatus::GeneratingDemo => {
                view! { <Loading message=Key::AppGeneratingDemo /> }.into_any()
            }
            DataStatus::Failed(error) => view! { <ErrorPanel error /> }.into_any(),
            DataStatus::Ready(dataset) => data_page(route, dataset),
        },
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {move || i18n.t(Key::AppSkipLink)}
        </a>
        <div class="shell">
            <header class="app-header">
                <p class="brand">{move || i18n.t(Key::AppName)}</p>
                <div class="header-tools">
                    <RoleStatus />
                    <ActingAsPicker />
                    <LanguageSwitch />
                </div>
            </header>
            <MainNav />
            <main id="main" class="main" tabindex="-1">
                <Notices i18n data />
                {page}
            </main>
            <footer class="app-footer">
                <p>{move || i18n.t(Key::AppFooter)}</p>
            </footer>
        </div>
    }
    .into_any()
}

/// The pages that show the loaded data set.
fn data_page(route: Route, dataset: Arc<Dataset>) -> AnyView {
    match route {
        Route::Today => view! { <TodayPage dataset /> }.into_any(),
        Route::Customers => view! { <CustomersPage dataset /> }.into_any(),
        Route::Segments => view! { <SegmentsPage dataset /> }.into_any(),
        Route::Lifecycle => view! { <LifecyclePage dataset /> }.into_any(),
        Route::Loyalty => view! { <LoyaltyPage dataset /> }.into_any(),
        Route::Complaints => view! { <ComplaintsPage dataset /> }.into_any(),
        Route::Surveys => view! { <SurveysPage dataset /> }.into_any(),
        // Home, and the two routes the caller handles before the data.
        Route::Home | Route::Settings | Route::Exchange | Route::NotFound(_) => {
            view! { <HomePage dataset /> }.into_any()
        }
    }
}

/// Warnings about where the data lives and what it is, above every page.
#[component]
fn Notices(i18n: I18n, data: Data) -> impl IntoView {
    let memory_only = move || match data.persistence() {
        Some(Persistence::MemoryOnly { reason }) => Some(view! {
            <Banner tone=Tone::Warning testid="memory-warning">
                <p>{move || i18n.fill(Key::AppMemoryWarning, &[("reason", reason.as_str().into())])}</p>
            </Banner>
        }),
        _ => None,
    };
    let demo = move || {
        data.demo_notice().then(|| {
            view! {
                <Banner tone=Tone::Info testid="demo-notice" on_dismiss=Callback::new(move |()| data.dismiss_demo_notice())>
                    <p>
                        {move || i18n.t(Key::AppDemoBanner)} " "
                        <a href=Route::Settings.to_hash()>{move || i18n.t(Key::AppDemoBannerLink)}</a>
                    </p>
                </Banner>
            }
        })
    };
    let unsaved = move || {
        data.unsaved_demo().map(|error| {
            let message = move || {
                let locale = i18n.locale();
                locale.fill(
                    Key::AppDemoNotSaved,
                    &[("reason", store_error_message(locale, &error).into())],
                )
            };
            view! {
                <Banner tone=Tone::Danger testid="demo-unsaved">
                    <p>{message}</p>
                </Banner>
            }
        })
    };
    let update_state = crate::app::pwa::use_update();
    let update = move || {
        let ready = update_state.is_some_and(|u| u.ready.get());
        ready.then(|| {
            view! {
                <Banner tone=Tone::Info testid="update-ready">
                    <p>
                        {move || i18n.t(Key::AppUpdateReady)} " "
                        <button type="button" class="button button-primary"
                            on:click=move |_| crate::app::pwa::apply_update()>
                            {move || i18n.t(Key::AppUpdateButton)}
                        </button>
                    </p>
                </Banner>
            }
        })
    };
    let closed = move || {
        data.closed_for_upgrade().then(|| {
            view! {
                <Banner tone=Tone::Danger testid="closed-for-upgrade">
                    <p>
                        {move || store_error_message(i18n.locale(), &StoreError::ClosedForUpgrade)} " "
                        <button type="button" class="button button-primary"
                            on:click=move |_| {
                                if let Some(w) = web_sys::window() {
                                    let _ = w.location().reload();
                                }
                            }>
                            {move || i18n.t(Key::ResilienceReload)}
                        </button>
                    </p>
                </Banner>
            }
        })
    };
    view! { {closed} {update} {memory_only} {demo} {unsaved} }
}

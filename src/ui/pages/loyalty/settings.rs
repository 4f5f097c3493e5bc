//! Programme settings: how tiers qualify (basis, window, review date),
//! each tier's name, threshold and earning rate, expiry, the birthday
//! bonus, the value of a point, who gets holiday greetings, the benefits of
//! each tier, bonus campaigns and holidays. Validated by the domain (every
//! problem named at once) and audited with the before and after. Care
//! message templates keep their stored values here.

use super::{failure_text, labels, Env};
use crate::app::ChangeFailure;
use crate::domain::loyalty::{
    save_loyalty_settings, Benefit, Bilingual, Campaign, Holiday, QualifyingBasis,
    QualifyingWindow, ReviewDate, SettingsProblem,
};
use crate::domain::Dataset;
use crate::i18n::{Key, Locale};
use crate::route::Route;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

fn problems_text(locale: Locale, p: &[SettingsProblem]) -> String {
    p.iter()
        .map(|p| labels::problem(locale, p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A tier's fields as typed: Chinese name, English name, threshold, rate.
type TierFields = (
    RwSignal<String>,
    RwSignal<String>,
    RwSignal<String>,
    RwSignal<String>,
);

/// Thresholds are typed in whole currency units for spend, as counts else.
fn shown(basis: QualifyingBasis, v: i64) -> String {
    match basis {
        QualifyingBasis::Spend => (v / 100).to_string(),
        _ => v.to_string(),
    }
}

fn stored(basis: QualifyingBasis, text: &str) -> i64 {
    let n = text.trim().parse::<i64>().unwrap_or(-1);
    match basis {
        QualifyingBasis::Spend => n.saturating_mul(100),
        _ => n,
    }
}

/// A campaign's fields as typed; `key` tells rows apart.
#[derive(Clone, Copy)]
struct CampaignRow {
    key: u32,
    name: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    bonus: RwSignal<String>,
}

impl CampaignRow {
    fn of(key: u32, c: &Campaign) -> CampaignRow {
        CampaignRow {
            key,
            name: RwSignal::new(c.name.clone()),
            from: RwSignal::new(c.from.to_string()),
            to: RwSignal::new(c.to.to_string()),
            bonus: RwSignal::new(c.bonus_percent.to_string()),
        }
    }

    /// The campaign as typed. A date that is not one reads as an empty
    /// period (start after end), which the domain reports for this row.
    fn value(&self) -> Campaign {
        let date = |s: RwSignal<String>| {
            NaiveDate::parse_from_str(s.get_untracked().trim(), "%Y-%m-%d").ok()
        };
        Campaign {
            name: self.name.get_untracked().trim().to_owned(),
            from: date(self.from).unwrap_or(NaiveDate::MAX),
            to: date(self.to).unwrap_or(NaiveDate::MIN),
            bonus_percent: self.bonus.get_untracked().trim().parse().unwrap_or(0),
        }
    }
}

/// A holiday's fields as typed.
#[derive(Clone, Copy)]
struct HolidayRow {
    key: u32,
    month: RwSignal<String>,
    day: RwSignal<String>,
    zh: RwSignal<String>,
    en: RwSignal<String>,
}

impl HolidayRow {
    fn of(key: u32, h: &Holiday) -> HolidayRow {
        HolidayRow {
            key,
            month: RwSignal::new(h.month.to_string()),
            day: RwSignal::new(h.day.to_string()),
            zh: RwSignal::new(h.name.zh.clone()),
            en: RwSignal::new(h.name.en.clone()),
        }
    }

    fn value(&self) -> Holiday {
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse().unwrap_or(0);
        Holiday {
            month: number(self.month),
            day: number(self.day),
            name: Bilingual {
                zh: self.zh.get_untracked().trim().to_owned(),
                en: self.en.get_untracked().trim().to_owned(),
            },
        }
    }
}

/// A row of a list edited in place (campaigns, holidays): its key and its
/// four inputs as (id stem, label, input type, value).
trait EditRow: Copy + Send + Sync + 'static {
    fn key(&self) -> u32;
    fn fields(&self) -> [(&'static str, Key, &'static str, RwSignal<String>); 4];
}

impl EditRow for CampaignRow {
    fn key(&self) -> u32 {
        self.key
    }
    fn fields(&self) -> [(&'static str, Key, &'static str, RwSignal<String>); 4] {
        [
            ("name", Key::LoyaltyCampaignName, "text", self.name),
            ("from", Key::LoyaltyCampaignFrom, "date", self.from),
            ("to", Key::LoyaltyCampaignTo, "date", self.to),
            ("bonus", Key::LoyaltyCampaignBonus, "number", self.bonus),
        ]
    }
}

impl EditRow for HolidayRow {
    fn key(&self) -> u32 {
        self.key
    }
    fn fields(&self) -> [(&'static str, Key, &'static str, RwSignal<String>); 4] {
        [
            ("month", Key::LoyaltyColMonth, "number", self.month),
            ("day", Key::LoyaltyHolidayDay, "number", self.day),
            ("zh", Key::LoyaltyTierNameZh, "text", self.zh),
            ("en", Key::LoyaltyTierNameEn, "text", self.en),
        ]
    }
}

/// The body of a table of rows edited in place, each with a remove button;
/// `none` when there are no rows.
fn edit_rows<R: EditRow>(
    i18n: crate::app::I18n,
    list: RwSignal<Vec<R>>,
    prefix: &'static str,
    none: Key,
    remove: Key,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    move || {
        let rows = list.get();
        if rows.is_empty() {
            return view! { <tr><td colspan="5">{move || i18n.t(none)}</td></tr> }.into_any();
        }
        rows.into_iter()
            .enumerate()
            .map(|(i, r)| {
                let key = r.key();
                let cells = r
                    .fields()
                    .into_iter()
                    .map(|(stem, label, kind, value)| {
                        row_input(i18n, format!("{prefix}-{stem}-{i}"), label, i, kind, value)
                    })
                    .collect_view();
                view! {
                    <tr data-testid=format!("{prefix}-{i}")>
                        {cells}
                        <td>
                            <button type="button" class="button button-quiet"
                                on:click=move |_| list.update(|v| v.retain(|x| x.key() != key))>
                                {move || i18n.fill(remove, &[("n", (i + 1).into())])}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// One input of a repeated row, labelled "<field> (row n)" for screen readers.
fn row_input(
    i18n: crate::app::I18n,
    id: String,
    key: Key,
    row: usize,
    kind: &'static str,
    signal: RwSignal<String>,
) -> impl IntoView {
    view! {
        <td>
            <label class="visually-hidden" for=id.clone()>
                {move || i18n.fill(Key::LoyaltyRowField, &[("field", i18n.t(key).into()), ("n", (row + 1).into())])}
            </label>
            <input id=id type=kind class="input-narrow" prop:value=move || signal.get()
                on:input=move |ev| signal.set(event_target_value(&ev)) />
        </td>
    }
}

#[component]
pub fn ProgrammeSettings(env: Env, dataset: Arc<Dataset>) -> impl IntoView {
    let i18n = env.i18n;
    let current = dataset.settings.loyalty.clone();
    let basis = RwSignal::new(current.basis);
    let window = RwSignal::new(current.window);
    let (fixed, fm, fd) = match current.review {
        ReviewDate::Anniversary => (false, 1, 1),
        ReviewDate::Fixed { month, day } => (true, month, day),
    };
    let review_fixed = RwSignal::new(fixed);
    let review_month = RwSignal::new(fm.to_string());
    let review_day = RwSignal::new(fd.to_string());
    let months = RwSignal::new(current.expiry.months.to_string());
    let year_end = RwSignal::new(current.expiry.at_year_end);
    let birthday = RwSignal::new(current.birthday_bonus_percent.to_string());
    let point_value = RwSignal::new(current.point_value_minor.to_string());
    let holiday_tier = RwSignal::new(current.holiday_min_tier.to_string());
    let tiers: Vec<TierFields> = current
        .tiers
        .iter()
        .map(|t| {
            (
                RwSignal::new(t.name.zh.clone()),
                RwSignal::new(t.name.en.clone()),
                RwSignal::new(shown(current.basis, t.threshold)),
                RwSignal::new(t.earn_percent.to_string()),
            )
        })
        .collect();
    // Per tier, per benefit: ticked or not.
    let benefits: Vec<Vec<(Benefit, RwSignal<bool>)>> = current
        .tiers
        .iter()
        .map(|t| {
            Benefit::ALL
                .iter()
                .map(|b| (*b, RwSignal::new(t.benefits.contains(b))))
                .collect()
        })
        .collect();
    let next_key = StoredValue::new(0u32);
    let fresh_key = move || {
        let k = next_key.get_value();
        next_key.set_value(k + 1);
        k
    };
    let campaigns = RwSignal::new(
        current
            .campaigns
            .iter()
            .map(|c| CampaignRow::of(fresh_key(), c))
            .collect::<Vec<_>>(),
    );
    let holidays = RwSignal::new(
        current
            .holidays
            .iter()
            .map(|h| HolidayRow::of(fresh_key(), h))
            .collect::<Vec<_>>(),
    );
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ChangeFailure<Vec<SettingsProblem>>>);

    let tier_names: Vec<(String, String)> = current
        .tiers
        .iter()
        .map(|t| (t.name.zh.clone(), t.name.en.clone()))
        .collect();
    let benefit_heads = Benefit::ALL
        .iter()
        .map(|b| {
            let b = *b;
            view! { <th scope="col">{move || i18n.t(labels::benefit(b))}</th> }
        })
        .collect_view();
    let benefit_rows = benefits
        .iter()
        .zip(tier_names)
        .enumerate()
        .map(|(i, (row, (zh, en)))| {
            let name = move || if i18n.locale() == Locale::En { en.clone() } else { zh.clone() };
            let name_cell = name.clone();
            let cells = row
                .iter()
                .enumerate()
                .map(|(j, (b, ticked))| {
                    let (b, ticked) = (*b, *ticked);
                    let id = format!("benefit-{i}-{j}");
                    let name = name.clone();
                    view! {
                        <td>
                            <label class="visually-hidden" for=id.clone()>
                                {move || i18n.fill(Key::LoyaltyBenefitFor, &[("tier", name().into()), ("benefit", i18n.t(labels::benefit(b)).into())])}
                            </label>
                            <input id=id type="checkbox" prop:checked=move || ticked.get()
                                on:change=move |ev| ticked.set(event_target_checked(&ev)) />
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{name_cell}</th>{cells}</tr> }
        })
        .collect_view();

    let campaign_rows = edit_rows(
        i18n,
        campaigns,
        "campaign",
        Key::LoyaltyCampaignsNone,
        Key::LoyaltyCampaignRemove,
    );
    let holiday_rows = edit_rows(
        i18n,
        holidays,
        "holiday",
        Key::LoyaltyHolidaysNone,
        Key::LoyaltyHolidayRemove,
    );

    let tier_rows = tiers
        .iter()
        .enumerate()
        .map(|(i, (zh, en, threshold, rate))| {
            let (zh, en, threshold, rate) = (*zh, *en, *threshold, *rate);
            let ids = [
                format!("tier-zh-{i}"),
                format!("tier-en-{i}"),
                format!("tier-threshold-{i}"),
                format!("tier-rate-{i}"),
            ];
            let field = move |id: String, key: Key, signal: RwSignal<String>, kind: &'static str| {
                view! {
                    <td>
                        <label class="visually-hidden" for=id.clone()>{move || format!("{} {}", i18n.t(key), i + 1)}</label>
                        <input id=id type=kind class="input-narrow" prop:value=move || signal.get()
                            on:input=move |ev| signal.set(event_target_value(&ev)) />
                    </td>
                }
            };
            let [a, b, c, d] = ids;
            view! {
                <tr>
                    <th scope="row">{(i + 1).to_string()}</th>
                    {field(a, Key::LoyaltyTierNameZh, zh, "text")}
                    {field(b, Key::LoyaltyTierNameEn, en, "text")}
                    {field(c, Key::LoyaltyThreshold, threshold, "number")}
                    {field(d, Key::LoyaltyEarnRate, rate, "number")}
                </tr>
            }
        })
        .collect_view();

    let ds_today = Arc::clone(&dataset);
    let ds = Arc::clone(&dataset);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = ds.settings.loyalty.clone();
        next.basis = basis.get_untracked();
        next.window = window.get_untracked();
        next.review = if review_fixed.get_untracked() {
            ReviewDate::Fixed {
                month: review_month.get_untracked().trim().parse().unwrap_or(0),
                day: review_day.get_untracked().trim().parse().unwrap_or(0),
            }
        } else {
            ReviewDate::Anniversary
        };
        next.expiry.months = months.get_untracked().trim().parse().unwrap_or(0);
        next.expiry.at_year_end = year_end.get_untracked();
        next.birthday_bonus_percent = birthday.get_untracked().trim().parse().unwrap_or(0);
        next.point_value_minor = point_value.get_untracked().trim().parse().unwrap_or(-1);
        next.holiday_min_tier = holiday_tier.get_untracked().trim().parse().unwrap_or(0);
        for (t, (zh, en, threshold, rate)) in next.tiers.iter_mut().zip(&tiers) {
            t.name.zh = zh.get_untracked().trim().to_owned();
            t.name.en = en.get_untracked().trim().to_owned();
            t.threshold = stored(next.basis, &threshold.get_untracked());
            t.earn_percent = rate.get_untracked().trim().parse().unwrap_or(0);
        }
        for (t, row) in next.tiers.iter_mut().zip(&benefits) {
            t.benefits = row
                .iter()
                .filter(|(_, ticked)| ticked.get_untracked())
                .map(|(b, _)| *b)
                .collect();
        }
        next.campaigns = campaigns
            .get_untracked()
            .iter()
            .map(CampaignRow::value)
            .collect();
        next.holidays = holidays
            .get_untracked()
            .iter()
            .map(HolidayRow::value)
            .collect();
        let actor = env.actor(&ds);
        env.submit(
            busy,
            failure,
            move |ds, audit| save_loyalty_settings(&ds.settings, next, actor, audit),
            // A save re-renders the page: the confirmation travels in the
            // URL, as on the lifecycle and complaint settings.
            move || {
                env.router
                    .go(Route::Loyalty, &[("view", "settings"), ("saved", "1")])
            },
        );
    };

    let select = move |id: &'static str,
                       key: Key,
                       options: Vec<(&'static str, Key)>,
                       value: Signal<&'static str>,
                       set: Callback<String>| {
        let options = options
            .into_iter()
            .map(|(v, k)| view! { <option value=v selected=move || value.get() == v>{move || i18n.t(k)}</option> })
            .collect_view();
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(key)}</label>
                <select id=id on:change=move |ev| set.run(event_target_value(&ev))>{options}</select>
            </div>
        }
    };
    let text = move |id: &'static str, key: Key, signal: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(key)}</label>
                <input id=id type="number" prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) />
            </div>
        }
    };
    let check = move |id: &'static str, key: Key, signal: RwSignal<bool>| {
        view! {
            <div class="field">
                <label>
                    <input id=id type="checkbox" prop:checked=move || signal.get() on:change=move |ev| signal.set(event_target_checked(&ev)) />
                    " " {move || i18n.t(key)}
                </label>
            </div>
        }
    };

    view! {
        <section class="card" aria-labelledby="programme-settings-heading">
            <h2 id="programme-settings-heading">{move || i18n.t(Key::LoyaltySettingsHeading)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <div class="field-row">
                    {select("set-basis", Key::LoyaltyBasisLabel,
                        vec![("spend", Key::LoyaltyBasisSpend), ("points", Key::LoyaltyBasisPoints), ("nights", Key::LoyaltyBasisNights)],
                        Signal::derive(move || match basis.get() { QualifyingBasis::Spend => "spend", QualifyingBasis::Points => "points", QualifyingBasis::Nights => "nights" }),
                        Callback::new(move |v: String| basis.set(match v.as_str() { "points" => QualifyingBasis::Points, "nights" => QualifyingBasis::Nights, _ => QualifyingBasis::Spend })))}
                    {select("set-window", Key::LoyaltyWindowLabel,
                        vec![("rolling", Key::LoyaltyWindowRolling), ("calendar", Key::LoyaltyWindowCalendar)],
                        Signal::derive(move || match window.get() { QualifyingWindow::Rolling12Months => "rolling", QualifyingWindow::CalendarYear => "calendar" }),
                        Callback::new(move |v: String| window.set(if v == "calendar" { QualifyingWindow::CalendarYear } else { QualifyingWindow::Rolling12Months })))}
                </div>
                <div class="table-scroll">
                    <table class="data-table">
                        <caption>{move || i18n.t(Key::LoyaltyTiersHeading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyTierNameZh)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyTierNameEn)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyThreshold)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyEarnRate)}</th>
                            </tr>
                        </thead>
                        <tbody>{tier_rows}</tbody>
                    </table>
                </div>
                <p class="note">{move || i18n.t(Key::LoyaltyThresholdHint)}</p>
                <div class="table-scroll">
                    <table class="data-table" data-testid="benefits-table">
                        <caption>{move || i18n.t(Key::LoyaltyBenefits)}</caption>
                        <thead>
                            <tr><th scope="col">{move || i18n.t(Key::LoyaltyTier)}</th>{benefit_heads}</tr>
                        </thead>
                        <tbody>{benefit_rows}</tbody>
                    </table>
                </div>
                <p class="note">{move || i18n.t(Key::LoyaltyBenefitsHint)}</p>
                {check("set-review-fixed", Key::LoyaltyReviewFixed, review_fixed)}
                <div class="field-row">
                    {text("set-review-month", Key::LoyaltyReviewMonth, review_month)}
                    {text("set-review-day", Key::LoyaltyReviewDay, review_day)}
                </div>
                <div class="field-row">
                    {text("set-expiry-months", Key::LoyaltyExpiryMonths, months)}
                    {check("set-year-end", Key::LoyaltyExpiryYearEnd, year_end)}
                </div>
                <div class="field-row">
                    {text("set-birthday-bonus", Key::LoyaltyBirthdayBonus, birthday)}
                    {text("set-point-value", Key::LoyaltyPointValue, point_value)}
                    {text("set-holiday-tier", Key::LoyaltyHolidayTier, holiday_tier)}
                </div>
                <div class="table-scroll">
                    <table class="data-table" data-testid="campaigns-table">
                        <caption>{move || i18n.t(Key::LoyaltyCampaignsHeading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::LoyaltyCampaignName)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyCampaignFrom)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyCampaignTo)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyCampaignBonus)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyColRemove)}</th>
                            </tr>
                        </thead>
                        <tbody>{campaign_rows}</tbody>
                    </table>
                </div>
                <p class="note">{move || i18n.t(Key::LoyaltyCampaignsHint)}</p>
                <button type="button" class="button" on:click=move |_| {
                    let key = fresh_key();
                    let today = crate::app::business_today(&ds_today.settings);
                    let blank = Campaign { name: String::new(), from: today, to: today, bonus_percent: 100 };
                    campaigns.update(|v| v.push(CampaignRow::of(key, &blank)));
                }>{move || i18n.t(Key::LoyaltyCampaignAdd)}</button>
                <div class="table-scroll">
                    <table class="data-table" data-testid="holidays-table">
                        <caption>{move || i18n.t(Key::LoyaltyHolidaysHeading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::LoyaltyColMonth)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyHolidayDay)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyTierNameZh)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyTierNameEn)}</th>
                                <th scope="col">{move || i18n.t(Key::LoyaltyColRemove)}</th>
                            </tr>
                        </thead>
                        <tbody>{holiday_rows}</tbody>
                    </table>
                </div>
                <p class="note">{move || i18n.t(Key::LoyaltyHolidaysHint)}</p>
                <button type="button" class="button" on:click=move |_| {
                    let key = fresh_key();
                    let blank = Holiday { month: 1, day: 1, name: Bilingual::default() };
                    holidays.update(|v| v.push(HolidayRow::of(key, &blank)));
                }>{move || i18n.t(Key::LoyaltyHolidayAdd)}</button>
                {move || failure.get().map(|f| view! { <p class="banner banner-danger" role="alert" data-testid="settings-error">{move || failure_text(i18n.locale(), &f, |l, p: &Vec<SettingsProblem>| problems_text(l, p))}</p> })}
                {move || (env.router.saved_flag(busy.get() || failure.with(Option::is_some)).as_deref() == Some("1")).then(|| view! { <p class="banner banner-info" role="status">{move || i18n.t(Key::LoyaltySaved)}</p> })}
                <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t(Key::LoyaltySave)}</button>
            </form>
        </section>
    }
}

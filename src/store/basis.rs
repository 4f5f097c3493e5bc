//! The analysis basis's rows in columns: how the analytics worker hands a
//! prepared [`AnalysisBasis`] (one summary and one prediction per customer)
//! to the page.
//!
//! As JSON, a chain's basis (100,000 customers) was tens of megabytes of
//! text: copying it into the page's wasm memory and parsing it were one
//! task of 0.9 to 1.2 s on the benchmark machine each time the Customers,
//! Segments or Lifecycle page opened. In columns it is 101 bytes a
//! customer, posted as byte arrays that are handed over rather than copied,
//! and cut into parts of [`ROWS_PER_PART`] customers that the page decodes
//! a few at a time between pauses for the browser.
//!
//! The layout is the stored chunks' (`columnar`: tag, version, row count,
//! then one little-endian column after another), so the same checks guard
//! it: a damaged part is an error, never a panic. It is not stored, so it
//! needs no version of its own; the rest of the basis (its dates and the
//! fitted models, a few hundred bytes) stays JSON.

use super::codec::CodecError;
use super::columnar::{day, i64_at, u32_at, Reader, Writer};
use crate::domain::lifecycle::Stage;
use crate::domain::segmentation::{AnalysisBasis, CustomerPrediction, CustomerSummary};
use crate::domain::Money;
use chrono::{Datelike, NaiveDate};

/// Customers per part: a part decodes in a few milliseconds in the page's
/// wasm, well inside one slice of work between pauses.
pub const ROWS_PER_PART: usize = 8_192;

/// Bytes per customer: the presence flags; first and last purchase days,
/// recency, purchase days, transactions, refunds (4 each); total,
/// purchase-day and first-day spend (8 each); last purchase ever (4);
/// annual spend (8); recent and prior purchase days (4 each); P(alive),
/// expected purchases, expected spend per purchase, CLV (8 each).
const ROW_BYTES: usize = 1 + 4 * 6 + 8 * 3 + 4 + 8 + 4 * 2 + 8 * 4;

const FIRST_PURCHASE: u8 = 1;
const LAST_PURCHASE: u8 = 1 << 1;
const RECENCY: u8 = 1 << 2;
const LAST_PURCHASE_EVER: u8 = 1 << 3;
const PREDICTION: u8 = 1 << 4;
const EXPECTED_PURCHASES: u8 = 1 << 5;
const EXPECTED_SPEND: u8 = 1 << 6;
const CLV: u8 = 1 << 7;
/// The flags that only a customer with a prediction may have.
const OF_PREDICTION: u8 = EXPECTED_PURCHASES | EXPECTED_SPEND | CLV;

type Row = (CustomerSummary, Option<CustomerPrediction>);

/// The customers' rows of `basis` (its summaries and predictions, which
/// are one per customer), in parts of at most [`ROWS_PER_PART`].
pub fn encode_rows(basis: &AnalysisBasis) -> Vec<Vec<u8>> {
    let rows: Vec<Row> = basis
        .summaries
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, basis.predictions.get(i).copied().flatten()))
        .collect();
    rows.chunks(ROWS_PER_PART).map(encode_part).collect()
}

fn days(d: Option<NaiveDate>) -> [u8; 4] {
    d.map_or(0, |d| d.num_days_from_ce()).to_le_bytes()
}

fn encode_part(rows: &[Row]) -> Vec<u8> {
    let mut w = Writer::new(rows, ROW_BYTES);
    w.fixed(|(s, p)| {
        let p = p.as_ref();
        let set = [
            (s.first_purchase.is_some(), FIRST_PURCHASE),
            (s.last_purchase.is_some(), LAST_PURCHASE),
            (s.recency_days.is_some(), RECENCY),
            (s.last_purchase_ever.is_some(), LAST_PURCHASE_EVER),
            (p.is_some(), PREDICTION),
            (
                p.is_some_and(|p| p.expected_purchases.is_some()),
                EXPECTED_PURCHASES,
            ),
            (
                p.is_some_and(|p| p.expected_spend_per_purchase.is_some()),
                EXPECTED_SPEND,
            ),
            (p.is_some_and(|p| p.clv.is_some()), CLV),
        ];
        [super::columnar::presence(&set)]
    });
    w.fixed(|(s, _)| days(s.first_purchase));
    w.fixed(|(s, _)| days(s.last_purchase));
    w.fixed(|(s, _)| s.recency_days.unwrap_or(0).to_le_bytes());
    w.fixed(|(s, _)| s.purchase_days.to_le_bytes());
    w.fixed(|(s, _)| s.transactions.to_le_bytes());
    w.fixed(|(s, _)| s.refunds.to_le_bytes());
    w.fixed(|(s, _)| s.total_spend.0.to_le_bytes());
    w.fixed(|(s, _)| s.purchase_day_spend.0.to_le_bytes());
    w.fixed(|(s, _)| s.first_purchase_spend.0.to_le_bytes());
    w.fixed(|(s, _)| days(s.last_purchase_ever));
    w.fixed(|(s, _)| s.annual_spend.0.to_le_bytes());
    w.fixed(|(s, _)| s.recent_purchase_days.to_le_bytes());
    w.fixed(|(s, _)| s.prior_purchase_days.to_le_bytes());
    w.fixed(|(_, p)| p.map_or(0.0, |p| p.p_alive).to_le_bytes());
    w.fixed(|(_, p)| {
        p.and_then(|p| p.expected_purchases)
            .unwrap_or(0.0)
            .to_le_bytes()
    });
    w.fixed(|(_, p)| {
        p.and_then(|p| p.expected_spend_per_purchase)
            .map_or(0, |m| m.0)
            .to_le_bytes()
    });
    w.fixed(|(_, p)| p.and_then(|p| p.clv).map_or(0, |m| m.0).to_le_bytes());
    w.out
}

/// Decodes one part, appending its customers to `summaries` and
/// `predictions`; how many it held. On an error nothing is appended.
pub fn decode_rows(
    bytes: &[u8],
    summaries: &mut Vec<CustomerSummary>,
    predictions: &mut Vec<Option<CustomerPrediction>>,
) -> Result<usize, CodecError> {
    let mut r = Reader::new(bytes, ROW_BYTES)?;
    let present = r.fixed::<1>()?;
    let first = r.fixed::<4>()?;
    let last = r.fixed::<4>()?;
    let recency = r.fixed::<4>()?;
    let purchase_days = r.fixed::<4>()?;
    let transactions = r.fixed::<4>()?;
    let refunds = r.fixed::<4>()?;
    let total = r.fixed::<8>()?;
    let purchase_day_spend = r.fixed::<8>()?;
    let first_spend = r.fixed::<8>()?;
    let ever = r.fixed::<4>()?;
    let annual = r.fixed::<8>()?;
    let recent = r.fixed::<4>()?;
    let prior = r.fixed::<4>()?;
    let p_alive = r.fixed::<8>()?;
    let expected_purchases = r.fixed::<8>()?;
    let expected_spend = r.fixed::<8>()?;
    let clv = r.fixed::<8>()?;
    r.finish()?;
    let n = present.len();
    let mut new_summaries = Vec::with_capacity(n);
    let mut new_predictions = Vec::with_capacity(n);
    for (row, &[flags]) in present.iter().enumerate() {
        if flags & PREDICTION == 0 && flags & OF_PREDICTION != 0 {
            return Err(CodecError::InvalidValue {
                column: "present",
                row,
            });
        }
        let has = |flag: u8| flags & flag != 0;
        let date = |column: &[[u8; 4]], flag: u8, name: &'static str| {
            has(flag)
                .then(|| day(u32_at(column, row) as i32, name, row))
                .transpose()
        };
        let float = |column: &[[u8; 8]]| f64::from_bits(i64_at(column, row) as u64);
        new_summaries.push(CustomerSummary {
            first_purchase: date(&first, FIRST_PURCHASE, "first_purchase")?,
            last_purchase: date(&last, LAST_PURCHASE, "last_purchase")?,
            recency_days: has(RECENCY).then(|| u32_at(&recency, row)),
            purchase_days: u32_at(&purchase_days, row),
            transactions: u32_at(&transactions, row),
            refunds: u32_at(&refunds, row),
            total_spend: Money(i64_at(&total, row)),
            purchase_day_spend: Money(i64_at(&purchase_day_spend, row)),
            first_purchase_spend: Money(i64_at(&first_spend, row)),
            last_purchase_ever: date(&ever, LAST_PURCHASE_EVER, "last_purchase_ever")?,
            annual_spend: Money(i64_at(&annual, row)),
            recent_purchase_days: u32_at(&recent, row),
            prior_purchase_days: u32_at(&prior, row),
        });
        new_predictions.push(has(PREDICTION).then(|| CustomerPrediction {
            p_alive: float(&p_alive),
            expected_purchases: has(EXPECTED_PURCHASES).then(|| float(&expected_purchases)),
            expected_spend_per_purchase:
                has(EXPECTED_SPEND).then(|| Money(i64_at(&expected_spend, row))),
            clv: has(CLV).then(|| Money(i64_at(&clv, row))),
        }));
    }
    summaries.append(&mut new_summaries);
    predictions.append(&mut new_predictions);
    Ok(n)
}

/// The byte of a customer without a stage (no profile row).
const NO_STAGE: u8 = u8::MAX;

/// Customers' stages, one byte each: the stage's place in [`Stage::ALL`],
/// or [`NO_STAGE`].
pub fn encode_stages(stages: &[Option<Stage>]) -> Vec<u8> {
    stages
        .iter()
        .map(|s| s.map_or(NO_STAGE, |s| u8::try_from(s.index()).unwrap_or(NO_STAGE)))
        .collect()
}

pub fn decode_stages(bytes: &[u8]) -> Result<Vec<Option<Stage>>, CodecError> {
    bytes
        .iter()
        .enumerate()
        .map(|(row, &b)| match b {
            NO_STAGE => Ok(None),
            b => {
                Stage::ALL
                    .get(usize::from(b))
                    .copied()
                    .map(Some)
                    .ok_or(CodecError::InvalidValue {
                        column: "stage",
                        row,
                    })
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::segmentation::ModelError;
    use crate::domain::segmentation::ModelReport;
    use proptest::prelude::*;

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        proptest::option::of(
            (-400_000i32..3_000_000).prop_filter_map("a day chrono knows", |d| {
                NaiveDate::from_num_days_from_ce_opt(d)
            }),
        )
    }

    fn money() -> impl Strategy<Value = Money> {
        any::<i64>().prop_map(Money)
    }

    fn summary() -> impl Strategy<Value = CustomerSummary> {
        (
            (
                date(),
                date(),
                proptest::option::of(any::<u32>()),
                any::<u32>(),
            ),
            (any::<u32>(), any::<u32>(), money(), money(), money()),
            (date(), money(), any::<u32>(), any::<u32>()),
        )
            .prop_map(|((f, l, r, pd), (t, rf, ts, ps, fs), (e, a, rc, pr))| {
                CustomerSummary {
                    first_purchase: f,
                    last_purchase: l,
                    recency_days: r,
                    purchase_days: pd,
                    transactions: t,
                    refunds: rf,
                    total_spend: ts,
                    purchase_day_spend: ps,
                    first_purchase_spend: fs,
                    last_purchase_ever: e,
                    annual_spend: a,
                    recent_purchase_days: rc,
                    prior_purchase_days: pr,
                }
            })
    }

    fn prediction() -> impl Strategy<Value = Option<CustomerPrediction>> {
        proptest::option::of(
            (
                any::<f64>(),
                proptest::option::of(any::<f64>()),
                proptest::option::of(money()),
                proptest::option::of(money()),
            )
                .prop_map(|(p, e, s, c)| CustomerPrediction {
                    p_alive: p,
                    expected_purchases: e,
                    expected_spend_per_purchase: s,
                    clv: c,
                }),
        )
    }

    fn basis(rows: Vec<(CustomerSummary, Option<CustomerPrediction>)>) -> AnalysisBasis {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let (summaries, predictions) = rows.into_iter().unzip();
        AnalysisBasis {
            as_of,
            window_start: None,
            summaries,
            model: ModelReport::unfitted(as_of, None, ModelError::NoHistory),
            predictions,
        }
    }

    type Decoded = (Vec<CustomerSummary>, Vec<Option<CustomerPrediction>>);
    type PredictionBits = Option<(u64, Option<u64>, Option<Money>, Option<Money>)>;

    fn decode_all(parts: &[Vec<u8>]) -> Result<Decoded, CodecError> {
        let (mut s, mut p) = (Vec::new(), Vec::new());
        for part in parts {
            decode_rows(part, &mut s, &mut p)?;
        }
        Ok((s, p))
    }

    /// Floats compared by their bits: a NaN P(alive) comes back as the
    /// same NaN.
    fn bits(p: &[Option<CustomerPrediction>]) -> Vec<PredictionBits> {
        p.iter()
            .map(|p| {
                p.map(|p| {
                    (
                        p.p_alive.to_bits(),
                        p.expected_purchases.map(f64::to_bits),
                        p.expected_spend_per_purchase,
                        p.clv,
                    )
                })
            })
            .collect()
    }

    proptest! {
        #[test]
        fn the_rows_of_a_basis_come_back_exactly(rows in proptest::collection::vec((summary(), prediction()), 0..40)) {
            let b = basis(rows);
            let (s, p) = decode_all(&encode_rows(&b)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&s, &b.summaries);
            prop_assert_eq!(bits(&p), bits(&b.predictions));
        }

        #[test]
        fn decoding_damaged_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let (mut s, mut p) = (Vec::new(), Vec::new());
            let before = (s.len(), p.len());
            if decode_rows(&bytes, &mut s, &mut p).is_err() {
                prop_assert_eq!((s.len(), p.len()), before);
            }
        }
    }

    #[test]
    fn stages_come_back_exactly_and_an_unknown_one_is_refused() {
        let mut stages: Vec<Option<Stage>> = Stage::ALL.into_iter().map(Some).collect();
        stages.push(None);
        let bytes = encode_stages(&stages);
        assert_eq!(bytes.len(), stages.len());
        assert_eq!(decode_stages(&bytes), Ok(stages));
        assert_eq!(
            decode_stages(&[0, Stage::ALL.len() as u8]),
            Err(CodecError::InvalidValue {
                column: "stage",
                row: 1
            })
        );
    }

    #[test]
    fn a_chain_is_cut_into_parts_that_decode_in_order() {
        let rows: Vec<Row> = (0..(2 * ROWS_PER_PART + 5))
            .map(|i| {
                let mut s = CustomerSummary {
                    purchase_days: i as u32,
                    ..CustomerSummary::default()
                };
                s.total_spend = Money(i as i64 * 100);
                let p = (i % 3 == 0).then_some(CustomerPrediction {
                    p_alive: 0.5,
                    expected_purchases: None,
                    expected_spend_per_purchase: Some(Money(7)),
                    clv: None,
                });
                (s, p)
            })
            .collect();
        let b = basis(rows);
        let parts = encode_rows(&b);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].len(), 6 + ROWS_PER_PART * ROW_BYTES);
        let (s, p) = decode_all(&parts).unwrap();
        assert_eq!(s, b.summaries);
        assert_eq!(bits(&p), bits(&b.predictions));
    }

    #[test]
    fn a_prediction_figure_without_a_prediction_is_refused() {
        let b = basis(vec![(CustomerSummary::default(), None)]);
        let mut part = encode_rows(&b).remove(0);
        // The presence column comes first, after tag, version and count.
        part[6] = CLV;
        let (mut s, mut p) = (Vec::new(), Vec::new());
        assert!(matches!(
            decode_rows(&part, &mut s, &mut p),
            Err(CodecError::InvalidValue {
                column: "present",
                row: 0
            })
        ));
        assert!(s.is_empty() && p.is_empty());
    }

    #[test]
    fn a_short_part_is_refused() {
        let b = basis(vec![(CustomerSummary::default(), None); 3]);
        let part = encode_rows(&b).remove(0);
        let (mut s, mut p) = (Vec::new(), Vec::new());
        assert!(decode_rows(&part[..part.len() - 1], &mut s, &mut p).is_err());
        assert!(s.is_empty() && p.is_empty());
    }
}

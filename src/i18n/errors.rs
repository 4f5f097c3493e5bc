//! What a storage failure means, told in the user's language, and the names
//! of the kinds of record that such messages (and the settings page) use.

use super::{Arg, Key, Locale};
use crate::domain::{BusinessKind, Collection};
use crate::store::StoreError;

/// A [`StoreError`] as a sentence a hotel receptionist can act on. The
/// browser's own detail (usually English) is appended where it helps support.
pub fn store_error_message(locale: Locale, error: &StoreError) -> String {
    match error {
        StoreError::Unavailable(detail) => locale.fill(
            Key::ErrorsUnavailable,
            &[("detail", detail.as_str().into())],
        ),
        StoreError::Blocked => locale.fill(Key::ErrorsBlocked, &[]),
        StoreError::ClosedForUpgrade => locale.fill(Key::ResilienceClosedForUpgrade, &[]),
        StoreError::TooNew { found, supported } => locale.fill(
            Key::ErrorsTooNew,
            &[
                ("found", Arg::from(*found)),
                ("supported", Arg::from(*supported)),
            ],
        ),
        StoreError::QuotaExceeded => locale.fill(Key::ErrorsQuota, &[]),
        StoreError::Corrupt { collection, reason } => locale.fill(
            Key::ErrorsCorrupt,
            &[
                (
                    "collection",
                    locale.t(collection_label(*collection, None)).into(),
                ),
                ("detail", reason.as_str().into()),
            ],
        ),
        StoreError::InvalidChange(change) => locale.fill(
            Key::ErrorsInvalidChange,
            &[("detail", change.to_string().into())],
        ),
        StoreError::Failed(detail) => {
            locale.fill(Key::ErrorsFailed, &[("detail", detail.as_str().into())])
        }
        StoreError::Locked => locale.fill(Key::CryptoLockedError, &[]),
        StoreError::WrongPassphrase => locale.fill(Key::CryptoWrongPassphrase, &[]),
    }
}

/// The name of a kind of record. Hotels and retail chains call outlets,
/// categories and transactions differently; without a business kind the name
/// covers both.
pub fn collection_label(collection: Collection, business: Option<BusinessKind>) -> Key {
    use BusinessKind::{Hotel, Retail};
    match (collection, business) {
        (Collection::Outlets, None) => Key::DataOutlets,
        (Collection::Outlets, Some(Hotel)) => Key::DataOutletsHotel,
        (Collection::Outlets, Some(Retail)) => Key::DataOutletsRetail,
        (Collection::Categories, None) => Key::DataCategories,
        (Collection::Categories, Some(Hotel)) => Key::DataCategoriesHotel,
        (Collection::Categories, Some(Retail)) => Key::DataCategoriesRetail,
        (Collection::Transactions, None) => Key::DataTransactions,
        (Collection::Transactions, Some(Hotel)) => Key::DataTransactionsHotel,
        (Collection::Transactions, Some(Retail)) => Key::DataTransactionsRetail,
        (Collection::Customers, _) => Key::DataCustomers,
        (Collection::Interactions, _) => Key::DataInteractions,
        (Collection::FollowUps, _) => Key::DataFollowUps,
        (Collection::Complaints, _) => Key::DataComplaints,
        (Collection::Surveys, _) => Key::DataSurveys,
        (Collection::LoyaltyAccounts, _) => Key::DataLoyaltyAccounts,
        (Collection::Ledger, _) => Key::DataLedger,
        (Collection::CareTasks, _) => Key::DataCareTasks,
        (Collection::ImprovementActions, _) => Key::DataImprovementActions,
        (Collection::RetentionTasks, _) => Key::DataRetentionTasks,
        (Collection::Audit, _) => Key::DataAudit,
        (Collection::Settings, _) => Key::DataSettings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ChangeError;

    fn every_error() -> Vec<StoreError> {
        vec![
            StoreError::Unavailable("SecurityError: The operation is insecure.".into()),
            StoreError::Blocked,
            StoreError::ClosedForUpgrade,
            StoreError::TooNew {
                found: 7,
                supported: 2,
            },
            StoreError::QuotaExceeded,
            StoreError::Corrupt {
                collection: Collection::Transactions,
                reason: "chunk 3: short column".into(),
            },
            StoreError::InvalidChange(ChangeError::DuplicateAudit(4)),
            StoreError::Failed("UnknownError".into()),
            StoreError::Locked,
            StoreError::WrongPassphrase,
        ]
    }

    #[test]
    fn every_store_error_has_a_complete_message_in_both_languages() {
        for error in every_error() {
            for locale in Locale::ALL {
                let message = store_error_message(locale, &error);
                assert!(
                    !message.contains('{') && !message.contains('}'),
                    "unfilled placeholder: {message}"
                );
                assert!(message.len() > 20, "{message}");
            }
        }
    }

    #[test]
    fn messages_carry_the_facts_the_user_needs() {
        let too_new = StoreError::TooNew {
            found: 7,
            supported: 2,
        };
        assert!(store_error_message(Locale::En, &too_new).contains("version 7"));
        assert!(store_error_message(Locale::ZhCn, &too_new).contains("数据库版本 7"));
        let corrupt = StoreError::Corrupt {
            collection: Collection::Transactions,
            reason: "short column".into(),
        };
        assert_eq!(
            store_error_message(Locale::ZhCn, &corrupt),
            "已保存的“消费或入住记录”数据已损坏，无法读取。详情：short column"
        );
        assert!(store_error_message(Locale::En, &corrupt).contains("“Purchases or stays”"));
        let unavailable = StoreError::Unavailable("private mode".into());
        assert!(store_error_message(Locale::En, &unavailable).ends_with("Details: private mode"));
    }

    #[test]
    fn every_collection_has_a_name_for_every_business() {
        for collection in Collection::ALL {
            for business in [None, Some(BusinessKind::Hotel), Some(BusinessKind::Retail)] {
                let key = collection_label(collection, business);
                assert_eq!(
                    key.namespace(),
                    super::super::Namespace::Data,
                    "{collection:?}"
                );
            }
        }
        assert_eq!(
            Locale::ZhCn.t(collection_label(
                Collection::Transactions,
                Some(BusinessKind::Hotel)
            )),
            "入住记录"
        );
        assert_eq!(
            Locale::En.t(collection_label(
                Collection::Outlets,
                Some(BusinessKind::Retail)
            )),
            "Stores"
        );
    }
}

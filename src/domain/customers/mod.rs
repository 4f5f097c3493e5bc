//! Customer 360 (客户档案): search with pinyin initials, the list's
//! filters and sort as URL state, form validation, create/edit/delete with
//! undo, bulk tagging, contacts and follow-ups (沟通记录, 回访), duplicate
//! detection and merging. Pure and tested natively; `ui::pages::customers`
//! shows it.

pub mod changes;
pub mod duplicates;
pub mod form;
pub mod merge;
pub mod search;
pub mod view;

#[cfg(test)]
mod tests;

pub use changes::{
    assign_follow_up, bulk_tag, complete_follow_up, create_customer, delete_customer, due_state,
    for_each_customer_reference, log_contact, open_follow_ups, undo_delete, update_customer,
    ContactLog, Deleted, Due, EditError, FollowUpFilter, Linked, NextFollowUp,
};
pub use duplicates::{find_duplicates, name_stem, similar_names, DuplicatePair, DuplicateReason};
pub use form::{apply_form, parse_tags, CustomerForm, FormError, FormField};
pub use merge::{merge_customers, merged_customer, MergeField, MergePlan, Pick};
pub use search::{pinyin_full, pinyin_initials, SearchHits, SearchIndex, SearchIndexBuilder};
pub use view::{tags_in_use, Classes, ListView, SortColumn};

//! Audit entries for the change sets of this module: who, when, the record
//! before and after. The same shape as the complaint module's, handing out
//! ids from the first free one (the shell reads it from the store).

use crate::domain::complaints::Actor;
use crate::domain::{AuditAction, AuditEntry, AuditId, CustomerId, Record};
use serde::Serialize;

pub(super) struct AuditLog {
    next: u32,
    actor: Actor,
    pub(super) entries: Vec<AuditEntry>,
}

impl AuditLog {
    pub(super) fn new(first: AuditId, actor: Actor) -> AuditLog {
        AuditLog {
            next: first.0,
            actor,
            entries: Vec::new(),
        }
    }

    pub(super) fn record<T: Record + Serialize>(
        &mut self,
        action: AuditAction,
        customer: Option<CustomerId>,
        before: Option<&T>,
        after: Option<&T>,
    ) {
        let id = before.or(after).map_or(0, |r| r.id().into());
        let json = |r: &T| serde_json::to_value(r).ok();
        self.entries.push(AuditEntry {
            id: AuditId(self.next),
            at: self.actor.at,
            actor: self.actor.staff,
            action,
            collection: T::COLLECTION,
            record: id,
            customer,
            before: before.and_then(json),
            after: after.and_then(json),
        });
        self.next = self.next.saturating_add(1);
    }
}

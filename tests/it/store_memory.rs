//! The conformance suite against the in-memory adapter.

use crm::store::memory::MemoryStorage;

macro_rules! on_memory {
    ($check:ident) => {
        #[test]
        fn $check() {
            futures::executor::block_on(crate::conformance::$check(MemoryStorage::new()))
        }
    };
}

crate::conformance_suite!(on_memory);

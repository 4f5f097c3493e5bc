//! Interface strings (being written).

//! Unit tests of the civil events pallet, one file per action. Shared helpers and act builders:
//! `builders.rs`.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

mod adoption;
mod amendments;
mod applications;
mod archive;
mod birth;
mod builders;
mod certificates;
mod compromised_keys;
mod consistency;
mod dates;
mod death;
mod divorce;
mod enrollment;
mod insiders;
mod late_registration;
mod law;
mod marriage;
mod migrations;
mod name_change;
mod notifications;
mod order;
mod paternity;
mod permissions;
mod property;
mod proposal_bounds;
mod revocations;
mod statistics;
mod subjects;
mod vital;

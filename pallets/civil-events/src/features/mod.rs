//! The record lifecycle, one module per feature (as pallet-nfts keeps its `features/`): each
//! holds the logic behind the calls of its feature, which stay thin in `lib.rs` (origin, then
//! one call into here).

mod amendments;
mod applications;
mod archive;
mod capacity;
mod certificates;
mod late_registration;
mod notifications;
mod proposals;
mod registration;
mod review;
mod revocations;
mod statistics;
mod surnames;

pub(crate) use statistics::Source;

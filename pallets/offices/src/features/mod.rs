//! The pallet's logic, one module per concern: each holds what the calls of its concern do,
//! and the calls stay thin in `lib.rs` (origin, then one call into here).

mod jurisdictions;
mod officers;
mod offices;

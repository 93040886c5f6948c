//! # The runtime, one version later
//!
//! The civil registry runtime built with its `upgrade-test` feature: the same code with
//! `spec_version` one higher. It exists for one test, zombienet's
//! `zombienet/02-governance.zndsl`, which has the council authorize this Wasm on a running
//! five-node network and checks that the chain upgrades, keeps its records and keeps
//! finalizing. Building it costs one more compilation of the runtime crate to Wasm (every
//! dependency is shared with the runtime's own Wasm build), not a second runtime.
//!
//! [`WASM_BINARY`] is the compressed Wasm, as a chain stores it; the test reads the same file
//! from [`WASM_BINARY_PATH`]'s directory (`<target>/release/wbuild/civil-registry-runtime-upgrade/`).
//!
//! A real upgrade is a new `spec_version` in `runtime/src/lib.rs` and a build from source
//! (docs/operators.md); this crate is never a network's runtime.
#![cfg_attr(not(feature = "std"), no_std)]

// The Wasm build: this crate is the runtime, with `upgrade-test` (see Cargo.toml).
#[cfg(target_family = "wasm")]
pub use civil_registry_runtime::*;

// The native build: the Wasm built by build.rs (`None` with SKIP_WASM_BUILD).
#[cfg(all(feature = "std", not(target_family = "wasm")))]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

#[cfg(test)]
mod tests;

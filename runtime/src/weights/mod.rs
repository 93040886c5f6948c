//! The runtime's own weights, measured on the reference machine by `scripts/benchmark.sh`
//! (the machine and the command are in each file's header):
//!
//! - [`block_weights`], [`extrinsic_weights`]: the cost of an empty block and of a transaction
//!   that does nothing (`benchmark overhead`, with `gate.heartbeat` signed by an officer:
//!   the signature, the gate and every transaction extension included);
//! - [`paritydb_weights`]: a storage read and write on ParityDB (`benchmark storage`, on a
//!   database of a million persons, their identity index entries and enrollment acts, and
//!   100,000 certificates: 200,000 of its 3.2 million keys read and written);
//!   `scripts/weight-check.sh` checks that full blocks of enrollments on such a state execute
//!   within their declared weight (docs/performance.md);
//! - [`frame_system_extensions`]: FRAME's transaction extensions (nonce, era, versions,
//!   genesis, weight), which every transaction also pays by itself (`benchmark pallet`); the
//!   gate's `CheckRole` is `pallet_gate`'s own benchmark.
//!
//! The overhead's transaction runs its extensions too, so a transaction pays their compute
//! twice — about 35 µs, a tenth of a millisecond per transaction and nothing per person of an
//! archive batch: the benchmark cannot run a transaction without its extensions, and weights
//! may overestimate, never underestimate.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_migrations;
// Generated: the CLI's template documents the struct's fields inside an expression.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

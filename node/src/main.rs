//! The authority node of the civil registry chain.
//!
//! Regional justice departments run this binary: it produces blocks with Aura, finalizes them
//! with GRANDPA, stores the chain in ParityDB and serves the standard Substrate JSON-RPC.
#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error` are the SDK's own, large error types.
#![allow(clippy::result_large_err)]

mod access_log;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod departments;
mod network;
mod projection;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}

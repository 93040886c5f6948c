//! Command line of the node.

use sc_cli::RunCmd;

/// The node's command line: a subcommand, or the flags that run the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// An optional subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Flags of the running node (`--dev`, `--chain`, `--base-path`, ports, ...).
	#[clap(flatten)]
	pub run: RunCmd,

	/// The public gateway (`--public-gateway <address>`): see `rpc/public.rs`.
	#[clap(flatten)]
	pub gateway: crate::rpc::public::GatewayParams,

	/// The office read API (`--office-api <address>`): see `rpc/office.rs`.
	#[clap(flatten)]
	pub office: crate::rpc::office::OfficeApiParams,

	/// The public projection's feed (`--projection-feed <address>`): see `rpc/feed.rs`.
	#[clap(flatten)]
	pub feed: crate::rpc::feed::FeedParams,
}

/// The node's subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert Aura/GRANDPA keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Run the public projection: what faces the internet instead of a node (see
	/// `projection/mod.rs`).
	Projection(crate::projection::ProjectionCmd),

	/// A real network: a department's keys (`network keys`), the chain spec from the
	/// departments' public keys (`network spec`). See docs/operators.md.
	#[command(subcommand)]
	Network(crate::departments::NetworkCmd),

	/// Build a chain specification (`--chain dev|local|regional`, `--raw`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a chain, without touching a database.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Runtime benchmarks, used to generate `weights.rs` (needs `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

//! Dispatch of the command line to the node's subcommands and to the running node.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use civil_registry_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Civil Registry Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/civil-registry/civil-registry-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"regional" => Box::new(chain_spec::regional_chain_spec()?),
			"dev-fast" => Box::new(chain_spec::fast_development_chain_spec()?),
			"regional-fast" => Box::new(chain_spec::fast_regional_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// Parse the command line and run the node or the chosen subcommand.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::Projection(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			crate::projection::run(cmd, spec)
		},
		// The message alone, as an operator reads it, and a failing exit status.
		Some(Subcommand::Network(cmd)) => cmd.run().or_else(|message| {
			eprintln!("{message}");
			std::process::exit(1)
		}),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::BenchmarkCmd;
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					)),
				// The database's read and write costs, measured on this node's database
				// (ParityDB) and its state: `runtime/src/weights/paritydb_weights.rs`.
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				// A block's and a transaction's base costs, with a transaction this chain
				// admits (`benchmarking.rs`): `runtime/src/weights/{block,extrinsic}_weights.rs`.
				BenchmarkCmd::Overhead(cmd) => cmd
					.run_with_extrinsic_builder_and_spec::<Block, ()>(
						Box::new(|_metadata, genesis, _version| {
							Box::new(crate::benchmarking::HeartbeatBuilder::new(genesis))
						}),
						Some(config.chain_spec),
					),
				// Blocks this node's database holds, executed again and timed against the weight
				// they declared (docs/performance.md: a full block of enrollments).
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				_ => Err("This node supports `benchmark pallet`, `storage`, `overhead` and \
				          `block`; the chain has no balances for the extrinsic benchmark's \
				          transfers."
					.into()),
			})
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let gateway = cli.gateway.clone();
			let office = cli.office.clone();
			let feed = cli.feed.clone();
			runner.run_node_until_exit(|mut config| async move {
				// A permissioned chain: peer with its listed nodes only, all of them, and serve
				// nobody else on any protocol (`network.rs`).
				let nodes = chain_spec::permissioned_nodes(&*config.chain_spec)
					.map_err(sc_cli::Error::Input)?;
				let listed = nodes.iter().map(|node| node.peer_id).collect::<Vec<_>>();
				if !nodes.is_empty() {
					let peers = &mut config.network.default_peers_set;
					peers.reserved_nodes.extend(nodes);
					peers.non_reserved_mode = sc_network::config::NonReservedPeerMode::Deny;
				}
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => {
						service::new_full::<
							sc_network::NetworkWorker<
								Block,
								<Block as sp_runtime::traits::Block>::Hash,
							>,
						>(config, &gateway, &office, &feed, listed)
						.map_err(sc_cli::Error::Service)
					},
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(
							config, &gateway, &office, &feed, listed,
						)
						.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

//! The node's network, built so that a permissioned chain serves its listed nodes only.
//!
//! # Why the node builds its network itself
//!
//! Reserved-only peering (`command.rs`) closes the *notification* protocols (block announces,
//! GRANDPA, transactions) to unlisted peers. It does not close the *request-response* protocols:
//! sc-service registers their handlers for everyone, and a client that skips the block-announce
//! handshake and asks directly is answered — every block with its body (`/<genesis>/sync/2`),
//! the state (`/state/2`), storage proofs and remote calls (`/light/2`) and warp proofs
//! (`/sync/warp`). The register's persons would leave the authority network that way.
//!
//! `sc_service::build_network` has no hook for the state, light-client and warp handlers (only
//! the block handler can be passed in), so [`build`] does what it does with the same public
//! parts of the SDK — the same handlers, syncing engine, transactions handler and network
//! future — and puts a [`Boundary`] in front of every request-response protocol: between the
//! network and each handler sits a queue that passes a request on only if its peer is a listed
//! node. Any other peer's request is refused without an answer and the peer is reported with a
//! fatal reputation change, which bans it and closes its protocols; the refusal is logged (at
//! warning level, rate-limited) and counted
//! (`civil_registry_boundary_refused_requests_total{protocol}`). The SDK's own code is
//! not changed. Keep [`build`] in step with `sc_service::build_network` (sc-service 0.62,
//! `src/builder.rs`) when the SDK is upgraded.
//!
//! On a chain without `permissionedNodes` (development and test chains) nothing is gated.
//!
//! Defence in depth: this is the node's half of the boundary. The operators' half — a firewall
//! or a WireGuard mesh among the departments' nodes — is in docs/operators.md.

use civil_registry_runtime::opaque::Block;
use futures::{pin_mut, FutureExt, StreamExt};
use sc_client_api::{BlockchainEvents, HeaderBackend};
use sc_consensus::ImportQueue as _;
use sc_network::{
	config::{FullNetworkConfiguration, IncomingRequest, OutgoingResponse, RequestResponseConfig},
	service::traits::{NetworkService, PeerStore as _},
	NetworkBackend, NetworkBlock as _, PeerId, ProtocolName, ReputationChange,
};
use sc_network_common::role::Roles;
use sc_network_sync::{
	block_relay_protocol::BlockRelayParams,
	block_request_handler::BlockRequestHandler,
	engine::SyncingEngine,
	service::network::NetworkServiceProvider,
	state_request_handler::StateRequestHandler,
	strategy::polkadot::{PolkadotSyncingStrategy, PolkadotSyncingStrategyConfig},
	warp_request_handler::RequestHandler as WarpRequestHandler,
	SyncingService,
};
use sc_service::{
	error::Error, Configuration, SpawnEssentialTaskHandle, SpawnTaskHandle, WarpSyncConfig,
};
use sc_utils::mpsc::{tracing_unbounded, TracingUnboundedSender};
use sp_runtime::traits::Block as BlockT;
use std::{
	collections::HashSet,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use substrate_prometheus_endpoint::{register, CounterVec, Opts, PrometheusError, Registry, U64};

use crate::service::FullClient;

type Hash = <Block as BlockT>::Hash;

/// How often at most the boundary logs a refusal; the refusals in between are counted and
/// reported with the next line.
const WARN_EVERY: Duration = Duration::from_secs(10);

/// The reason given to the peer store when an unlisted peer is refused (a fatal change: the
/// peer is banned and disconnected).
const UNLISTED: ReputationChange = ReputationChange::new_fatal("not a listed node of this chain");

/// Which peers the node serves, and the record of those it refused.
pub struct Boundary {
	/// The listed nodes; `None` on a chain that is not permissioned (everyone is served).
	listed: Option<HashSet<PeerId>>,
	/// Refused requests by protocol, if the node exports metrics.
	refused: Option<CounterVec<U64>>,
	/// When the last warning was logged and how many refusals followed it unlogged.
	warned: Mutex<(Option<Instant>, u64)>,
}

impl Boundary {
	/// The boundary of a chain whose listed nodes are `listed` (empty: not permissioned).
	pub fn new(listed: Vec<PeerId>, registry: Option<&Registry>) -> Result<Self, PrometheusError> {
		let refused = registry
			.map(|registry| {
				register(
					CounterVec::new(
						Opts::new(
							"civil_registry_boundary_refused_requests_total",
							"Requests from peers that are not listed nodes of this chain, refused \
							 unanswered, by protocol",
						),
						&["protocol"],
					)?,
					registry,
				)
			})
			.transpose()?;
		let listed = (!listed.is_empty()).then(|| listed.into_iter().collect());
		Ok(Self { listed, refused, warned: Mutex::new((None, 0)) })
	}

	/// Whether `peer` is served.
	pub fn admits(&self, peer: &PeerId) -> bool {
		self.listed.as_ref().is_none_or(|listed| listed.contains(peer))
	}

	/// Refuse `request`: no answer, the peer banned, the refusal counted and (rate-limited)
	/// logged.
	fn refuse(&self, protocol: &ProtocolName, request: IncomingRequest) {
		let peer = request.peer;
		// The peer may have gone already; then there is nobody to refuse.
		let _ = request.pending_response.send(OutgoingResponse {
			result: Err(()),
			reputation_changes: vec![UNLISTED],
			sent_feedback: None,
		});
		if let Some(refused) = &self.refused {
			refused.with_label_values(&[protocol]).inc();
		}
		let Ok(mut warned) = self.warned.lock() else { return };
		let (last, unlogged) = &mut *warned;
		let now = Instant::now();
		if last.is_some_and(|last| now.saturating_duration_since(last) < WARN_EVERY) {
			*unlogged = unlogged.saturating_add(1);
			return;
		}
		log::warn!(
			target: "civil-registry::boundary",
			"Refused a request on {protocol} from {peer}, which is not a listed node of this \
			 chain (and {unlogged} more refusals since the last warning)",
		);
		*last = Some(now);
		*unlogged = 0;
	}

	/// `config` for the backend `Net`, with the boundary between the network and the handler.
	///
	/// `config` is the handler's protocol configuration as the libp2p backend types it (the one
	/// whose fields are public): its queue leads to the handler. The returned configuration's
	/// queue leads to a task that passes on the listed peers' requests and refuses the others.
	fn gate<Net: NetworkBackend<Block, Hash>>(
		self: &Arc<Self>,
		config: RequestResponseConfig,
		spawn: &SpawnTaskHandle,
	) -> Net::RequestResponseProtocolConfig {
		let RequestResponseConfig {
			name,
			fallback_names,
			max_request_size,
			max_response_size,
			request_timeout,
			inbound_queue,
		} = config;
		let inbound_queue = match (inbound_queue, &self.listed) {
			(Some(handler), Some(_)) => {
				// As deep as the handler's own queue: the network refuses requests (busy) when
				// this one is full, as it would when the handler's is.
				let (queue, requests) = async_channel::bounded::<IncomingRequest>(
					handler.capacity().unwrap_or(32).max(1),
				);
				let boundary = self.clone();
				let protocol = name.clone();
				spawn.spawn("boundary", Some("networking"), async move {
					while let Ok(request) = requests.recv().await {
						if !boundary.admits(&request.peer) {
							boundary.refuse(&protocol, request);
						} else if handler.send(request).await.is_err() {
							// The handler has stopped: so has the node.
							return;
						}
					}
				});
				Some(queue)
			},
			(inbound_queue, _) => inbound_queue,
		};
		Net::request_response_config(
			name,
			fallback_names,
			max_request_size,
			max_response_size,
			request_timeout,
			inbound_queue,
		)
	}
}

/// What [`build`] needs.
pub struct Params<'a, Net: NetworkBackend<Block, Hash>> {
	pub config: &'a Configuration,
	pub net_config: FullNetworkConfiguration<Block, Hash, Net>,
	pub client: Arc<FullClient>,
	pub transaction_pool: Arc<sc_transaction_pool::TransactionPoolHandle<Block, FullClient>>,
	pub spawn_handle: SpawnTaskHandle,
	pub spawn_essential_handle: SpawnEssentialTaskHandle,
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	pub warp_sync_config: WarpSyncConfig<Block>,
	pub metrics: sc_network::service::NotificationMetrics,
	pub boundary: Arc<Boundary>,
}

/// The network: what `sc_service::build_network` builds, with every request-response handler
/// behind `boundary`.
#[allow(clippy::type_complexity)]
pub fn build<Net: NetworkBackend<Block, Hash>>(
	params: Params<Net>,
) -> Result<
	(
		Arc<dyn NetworkService>,
		TracingUnboundedSender<sc_rpc::system::Request<Block>>,
		sc_network_transactions::TransactionsHandlerController<Hash>,
		Arc<SyncingService<Block>>,
	),
	Error,
> {
	let Params {
		config,
		mut net_config,
		client,
		transaction_pool,
		spawn_handle,
		spawn_essential_handle,
		import_queue,
		warp_sync_config,
		metrics,
		boundary,
	} = params;
	if net_config.network_config.ipfs_server {
		return Err(Error::Other("this node does not serve IPFS (--ipfs-server)".into()));
	}
	let protocol_id = config.protocol_id();
	let fork_id = config.chain_spec.fork_id();
	let registry = config.prometheus_config.as_ref().map(|config| &config.registry);
	let genesis_hash = client.info().genesis_hash;
	let network_service_provider = NetworkServiceProvider::new();

	// Blocks: headers, bodies and justifications (`/<genesis>/sync/2`).
	let BlockRelayParams { mut server, downloader, request_response_config } =
		BlockRequestHandler::new::<sc_network::NetworkWorker<Block, Hash>>(
			network_service_provider.handle(),
			&protocol_id,
			fork_id,
			client.clone(),
			(config.network.default_peers_set.in_peers as usize)
				.saturating_add(config.network.default_peers_set.out_peers as usize),
		);
	net_config.add_request_response_protocol(
		boundary.gate::<Net>(request_response_config, &spawn_handle),
	);
	spawn_handle.spawn("block-request-handler", Some("networking"), async move {
		server.run().await;
	});

	// State (`/state/2`).
	let num_peer_hint = (net_config.network_config.default_peers_set_num_full as usize)
		.saturating_add(net_config.network_config.default_peers_set.reserved_nodes.len());
	let (handler, state_config) = StateRequestHandler::new::<sc_network::NetworkWorker<Block, Hash>>(
		&protocol_id,
		fork_id,
		client.clone(),
		num_peer_hint,
	);
	let state_request_protocol_name = state_config.name.clone();
	spawn_handle.spawn("state-request-handler", Some("networking"), handler.run());
	net_config.add_request_response_protocol(boundary.gate::<Net>(state_config, &spawn_handle));

	// Warp proofs (`/sync/warp`).
	let warp_sync_protocol_name = match &warp_sync_config {
		WarpSyncConfig::WithProvider(provider) => {
			let (handler, warp_config) =
				WarpRequestHandler::new::<_, sc_network::NetworkWorker<Block, Hash>>(
					protocol_id.clone(),
					genesis_hash,
					fork_id,
					provider.clone(),
				);
			let name = warp_config.name.clone();
			spawn_handle.spawn("warp-sync-request-handler", Some("networking"), handler.run());
			net_config
				.add_request_response_protocol(boundary.gate::<Net>(warp_config, &spawn_handle));
			Some(name)
		},
		WarpSyncConfig::WithTarget(_) => None,
	};

	// Storage proofs and remote calls for light clients (`/light/2`).
	let (handler, light_config) =
		sc_network_light::light_client_requests::handler::LightClientRequestHandler::new::<
			sc_network::NetworkWorker<Block, Hash>,
		>(&protocol_id, fork_id, client.clone());
	spawn_handle.spawn("light-client-request-handler", Some("networking"), handler.run());
	net_config.add_request_response_protocol(boundary.gate::<Net>(light_config, &spawn_handle));

	let syncing_strategy = PolkadotSyncingStrategy::new(
		PolkadotSyncingStrategyConfig {
			mode: net_config.network_config.sync_mode,
			max_parallel_downloads: net_config.network_config.max_parallel_downloads,
			max_blocks_per_request: net_config.network_config.max_blocks_per_request,
			min_peers_to_start_warp_sync: net_config.network_config.min_peers_to_start_warp_sync,
			metrics_registry: registry.cloned(),
			state_request_protocol_name,
			block_downloader: downloader,
			gap_sync_body_policy: sc_service::default_gap_sync_body_policy(config.blocks_pruning),
		},
		client.clone(),
		Some(warp_sync_config),
		warp_sync_protocol_name,
	)?;

	let (syncing_engine, sync_service, block_announce_config) = SyncingEngine::new(
		Roles::from(&config.role),
		client.clone(),
		registry,
		metrics.clone(),
		&net_config,
		protocol_id.clone(),
		fork_id,
		Box::new(sp_consensus::block_validation::DefaultBlockAnnounceValidator),
		Box::new(syncing_strategy),
		network_service_provider.handle(),
		import_queue.service(),
		net_config.peer_store_handle(),
	)?;
	// A node that can no longer sync is better shut down than kept running.
	spawn_essential_handle.spawn_blocking("syncing", None, syncing_engine.run());
	let sync_service = Arc::new(sync_service);

	let (transactions_handler_proto, transactions_config) =
		sc_network_transactions::TransactionsHandlerPrototype::new::<_, Block, Net>(
			protocol_id.clone(),
			genesis_hash,
			fork_id,
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(transactions_config);

	let peer_store = net_config.take_peer_store();
	spawn_handle.spawn("peer-store", Some("networking"), peer_store.run());

	let has_bootnodes = !net_config.network_config.boot_nodes.is_empty();
	let network_mut = Net::new(sc_network::config::Params::<Block, Hash, Net> {
		role: config.role,
		executor: {
			let spawn_handle = spawn_handle.clone();
			Box::new(move |fut| {
				spawn_handle.spawn("libp2p-node", Some("networking"), fut);
			})
		},
		network_config: net_config,
		genesis_hash,
		protocol_id,
		fork_id: fork_id.map(ToOwned::to_owned),
		metrics_registry: registry.cloned(),
		block_announce_config,
		ipfs_config: None,
		notification_metrics: metrics,
	})?;
	let network = network_mut.network_service().clone();

	let (tx_handler, tx_handler_controller) = transactions_handler_proto.build(
		network.clone(),
		sync_service.clone(),
		Arc::new(sc_service::TransactionPoolAdapter::new(transaction_pool, client.clone())),
		registry,
	)?;
	spawn_handle.spawn_blocking(
		"network-transactions-handler",
		Some("networking"),
		tx_handler.run(),
	);
	spawn_handle.spawn_blocking(
		"chain-sync-network-service-provider",
		Some("networking"),
		network_service_provider.run(Arc::new(network.clone())),
	);
	spawn_handle.spawn("import-queue", None, {
		let sync_service = sync_service.clone();
		async move { import_queue.run(sync_service.as_ref()).await }
	});

	let (system_rpc_tx, system_rpc_rx) = tracing_unbounded("mpsc_system_rpc", 10_000);
	spawn_handle.spawn(
		"system-rpc-handler",
		Some("networking"),
		sc_service::build_system_rpc_future::<_, _, Hash>(
			config.role,
			network_mut.network_service(),
			sync_service.clone(),
			client.clone(),
			system_rpc_rx,
			has_bootnodes,
		),
	);

	// The network worker gathers and processes every network message; it is essential: if it
	// stops, the node stops.
	spawn_essential_handle.spawn_blocking(
		"network-worker",
		Some("networking"),
		run_network(network_mut, client, sync_service.clone(), config.announce_block),
	);

	Ok((network, system_rpc_tx, tx_handler_controller, sync_service))
}

/// Drive the network, and tell the syncing engine of each block imported and finalized (what
/// sc-service's private `build_network_future` does).
async fn run_network<Net: NetworkBackend<Block, Hash>>(
	network: Net,
	client: Arc<FullClient>,
	sync_service: Arc<SyncingService<Block>>,
	announce_imported_blocks: bool,
) {
	let mut imported = client.import_notification_stream().fuse();
	let mut finalized = client.finality_notification_stream().fuse();
	let network = network.run().fuse();
	pin_mut!(network);
	loop {
		futures::select! {
			notification = imported.next() => {
				let Some(notification) = notification else {
					log::warn!("Block import stream has terminated, shutting down the network \
								future. Ignore if the node is stopping.");
					return;
				};
				if announce_imported_blocks {
					sync_service.announce_block(notification.hash, None);
				}
				if notification.is_new_best {
					sync_service.new_best_block_imported(
						notification.hash,
						*sp_runtime::traits::Header::number(&notification.header),
					);
				}
			},
			notification = finalized.select_next_some() => {
				sync_service.on_block_finalized(notification.hash, notification.header);
			},
			_ = network => {
				log::warn!("The network worker has terminated, shutting down the network \
							future. Ignore if the node is stopping.");
				return;
			},
		}
	}
}

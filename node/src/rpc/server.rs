//! The public server: a JSON-RPC server (HTTP and WebSocket) for anyone on the internet, with
//! limits **per client address** as well as in total.
//!
//! Substrate's own RPC server limits connections in total and calls per connection. Against
//! the public that is not enough: one client opening 256 idle WebSockets takes every
//! connection, and a client that opens a new HTTP connection per call is never rate-limited.
//! So the public gateway serves through this server instead:
//!
//! - **connections per address** (`--public-max-connections-per-ip`): a client address with
//!   that many open connections has its next one closed at once, before a byte is read; the
//!   total (`--rpc-max-connections`) still holds;
//! - **calls per address** (`--public-calls-per-minute`): one token bucket per client address,
//!   shared by all its connections and by every call of a batch, refilled continuously; a call
//!   without a token is answered at once with error `-32029` ("too many calls from this
//!   address"), never queued — a queued call would hold its connection;
//! - sizes, batches and subscriptions as the node's RPC (`--rpc-max-request-size`,
//!   `--rpc-max-response-size`, `--rpc-max-batch-request-len`,
//!   `--rpc-max-subscriptions-per-connection`), and WebSocket pings that close a connection
//!   whose peer stopped answering.
//!
//! - **errors are short** ([`MAX_ERROR_MESSAGE`](super::common::MAX_ERROR_MESSAGE), as on
//!   every server of the node): jsonrpsee's own parameter errors quote the parameter (serde's
//!   "invalid type: string \"…\", expected u32"), so a 1 MB string where a number is expected
//!   would come back whole — an echo anyone could use to make the server send what they like.
//!   Every error message is cut to its first bytes, with its length.
//!
//! The table of addresses is bounded: an address is forgotten when its last connection closes
//! and its bucket has refilled, and at most [`MAX_TRACKED`] addresses are kept (a new address
//! beyond that is refused: the server is under a distributed attack, and serving the addresses
//! it knows is what it can still do). Behind a reverse proxy every client has the proxy's
//! address: run the proxy's own per-address limits then (docs/operators.md).

use std::{
	collections::HashMap,
	net::{IpAddr, SocketAddr},
	sync::{
		atomic::{AtomicU64, AtomicUsize, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

use futures::{future::BoxFuture, FutureExt};

use super::common::bounded;
use jsonrpsee::{
	server::{
		middleware::rpc::{RpcServiceBuilder, RpcServiceT},
		serve_with_graceful_shutdown, stop_channel, BatchRequestConfig, PingConfig,
		RandomStringIdProvider, ServerHandle,
	},
	types::{ErrorObject, Request},
	MethodResponse, RpcModule,
};

/// Error code of a call refused for its address's rate.
pub const TOO_MANY_CALLS: i32 = -32029;

/// Most client addresses tracked at once.
pub const MAX_TRACKED: usize = 65_536;

const MEGABYTE: u32 = 1024 * 1024;

/// The public server's limits.
#[derive(Clone, Debug)]
pub struct Limits {
	/// Open connections in total.
	pub max_connections: u32,
	/// Open connections per client address.
	pub per_ip_connections: u32,
	/// Calls per minute per client address (a bucket of this many tokens, refilled evenly).
	pub per_ip_calls_per_minute: u32,
	/// Largest request, MiB.
	pub max_request_mb: u32,
	/// Largest response, MiB.
	pub max_response_mb: u32,
	/// Most calls in one batch; `None` for no limit, `Some(0)` for no batches.
	pub max_batch: Option<u32>,
	/// Subscriptions per WebSocket.
	pub max_subscriptions: u32,
	/// Messages buffered per connection.
	pub message_buffer: u32,
}

/// One client address: its open connections and its call bucket.
struct Client {
	connections: u32,
	tokens: f64,
	refilled: Instant,
}

/// What the server refused, for its log.
#[derive(Default)]
struct Counters {
	/// Connections closed at once for their address's (or the total) cap.
	refused_connections: AtomicU64,
	/// Calls answered `TOO_MANY_CALLS`.
	refused_calls: AtomicU64,
}

/// The per-address table.
struct Clients {
	limits: Limits,
	table: Mutex<HashMap<IpAddr, Client>>,
	open: AtomicUsize,
	counters: Arc<Counters>,
}

impl Clients {
	fn capacity(&self) -> f64 {
		f64::from(self.limits.per_ip_calls_per_minute.max(1))
	}

	/// Refills `client`'s bucket for the time since it was last refilled.
	fn refill(&self, client: &mut Client, now: Instant) {
		let per_second = self.capacity() / 60.0;
		let elapsed = now.saturating_duration_since(client.refilled).as_secs_f64();
		client.tokens = (client.tokens + elapsed * per_second).min(self.capacity());
		client.refilled = now;
	}

	/// A connection from `ip` opens: `false` if a cap refuses it.
	fn open(&self, ip: IpAddr) -> bool {
		let Ok(mut table) = self.table.lock() else { return false };
		if self.open.load(Ordering::Relaxed) >= self.limits.max_connections as usize {
			return false;
		}
		if !table.contains_key(&ip) && table.len() >= MAX_TRACKED {
			// Forget the addresses that have nothing open and a full bucket, then try again.
			let now = Instant::now();
			let capacity = self.capacity();
			let per_second = capacity / 60.0;
			table.retain(|_, c| {
				let tokens =
					c.tokens + now.saturating_duration_since(c.refilled).as_secs_f64() * per_second;
				c.connections > 0 || tokens < capacity
			});
			if table.len() >= MAX_TRACKED {
				return false;
			}
		}
		let now = Instant::now();
		let client = table.entry(ip).or_insert(Client {
			connections: 0,
			tokens: self.capacity(),
			refilled: now,
		});
		if client.connections >= self.limits.per_ip_connections {
			return false;
		}
		client.connections = client.connections.saturating_add(1);
		self.open.fetch_add(1, Ordering::Relaxed);
		true
	}

	/// A connection from `ip` closed.
	fn close(&self, ip: IpAddr) {
		self.open.fetch_sub(1, Ordering::Relaxed);
		let Ok(mut table) = self.table.lock() else { return };
		let now = Instant::now();
		let capacity = self.capacity();
		let mut forget = false;
		if let Some(client) = table.get_mut(&ip) {
			client.connections = client.connections.saturating_sub(1);
			self.refill(client, now);
			forget = client.connections == 0 && client.tokens >= capacity;
		}
		if forget {
			table.remove(&ip);
		}
	}

	/// A call from `ip`: `true` if its bucket had a token (taken).
	fn call(&self, ip: IpAddr) -> bool {
		let Ok(mut table) = self.table.lock() else { return false };
		let now = Instant::now();
		let Some(client) = table.get_mut(&ip) else { return false };
		self.refill(client, now);
		if client.tokens >= 1.0 {
			client.tokens -= 1.0;
			true
		} else {
			false
		}
	}
}

/// Closes its connection's slot when the connection ends.
struct Slot {
	clients: Arc<Clients>,
	ip: IpAddr,
}

impl Drop for Slot {
	fn drop(&mut self) {
		self.clients.close(self.ip);
	}
}

/// The RPC middleware that takes a token of the caller's address for every call.
#[derive(Clone)]
struct PerAddress<S> {
	inner: S,
	clients: Arc<Clients>,
	ip: IpAddr,
}

impl<'a, S> RpcServiceT<'a> for PerAddress<S>
where
	S: RpcServiceT<'a> + Send + Sync + Clone + 'static,
{
	type Future = BoxFuture<'a, MethodResponse>;

	fn call(&self, request: Request<'a>) -> Self::Future {
		if self.clients.call(self.ip) {
			self.inner.call(request).boxed()
		} else {
			self.clients.counters.refused_calls.fetch_add(1, Ordering::Relaxed);
			let id = request.id;
			async move {
				MethodResponse::error(
					id,
					ErrorObject::owned(
						TOO_MANY_CALLS,
						"too many calls from this address; wait a few seconds",
						None::<()>,
					),
				)
			}
			.boxed()
		}
	}
}

/// The running server: stopped when dropped.
pub struct Running {
	handle: ServerHandle,
	/// Where it listens.
	pub address: SocketAddr,
}

impl Drop for Running {
	fn drop(&mut self) {
		let _ = self.handle.stop();
	}
}

/// Starts the public server for `module` on `address`, on the current tokio runtime.
pub async fn start(
	address: SocketAddr,
	module: RpcModule<()>,
	limits: Limits,
) -> Result<Running, Box<dyn std::error::Error + Send + Sync>> {
	let listener = tokio::net::TcpListener::bind(address).await?;
	let address = listener.local_addr()?;
	let (stop_handle, handle) = stop_channel();
	let counters = Arc::new(Counters::default());
	let clients = Arc::new(Clients {
		limits: limits.clone(),
		table: Mutex::new(HashMap::new()),
		open: AtomicUsize::new(0),
		counters: counters.clone(),
	});
	let batch = match limits.max_batch {
		None => BatchRequestConfig::Unlimited,
		Some(0) => BatchRequestConfig::Disabled,
		Some(n) => BatchRequestConfig::Limit(n),
	};
	let cors = tower_http::cors::CorsLayer::permissive();
	let builder = jsonrpsee::server::Server::builder()
		.max_request_body_size(limits.max_request_mb.saturating_mul(MEGABYTE))
		.max_response_body_size(limits.max_response_mb.saturating_mul(MEGABYTE))
		.max_connections(limits.max_connections)
		.max_subscriptions_per_connection(limits.max_subscriptions)
		.set_message_buffer_capacity(limits.message_buffer)
		.set_batch_request_config(batch)
		.set_id_provider(RandomStringIdProvider::new(16))
		.enable_ws_ping(
			PingConfig::new()
				.ping_interval(Duration::from_secs(30))
				.inactive_limit(Duration::from_secs(60))
				.max_failures(3),
		)
		.set_http_middleware(tower::ServiceBuilder::new().layer(cors))
		.to_service_builder();
	let methods: jsonrpsee::Methods = bounded(module).into();
	let mut last_warning: Option<Instant> = None;
	let refused = counters.clone();
	tokio::spawn(async move {
		let counters = refused;
		loop {
			let (socket, remote) = tokio::select! {
				accepted = listener.accept() => match accepted {
					Ok(accepted) => accepted,
					Err(e) => {
						log::debug!(target: "gateway", "accept: {e}");
						continue;
					},
				},
				_ = stop_handle.clone().shutdown() => break,
			};
			let ip = remote.ip();
			if !clients.open(ip) {
				counters.refused_connections.fetch_add(1, Ordering::Relaxed);
				if last_warning.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
					last_warning = Some(Instant::now());
					log::warn!(
						target: "gateway",
						"Refused a connection from {ip}: its address (or the server) is at its \
						 connection limit ({} connections and {} calls refused so far)",
						counters.refused_connections.load(Ordering::Relaxed),
						counters.refused_calls.load(Ordering::Relaxed)
					);
				}
				drop(socket);
				continue;
			}
			let slot = Slot { clients: clients.clone(), ip };
			let rpc = RpcServiceBuilder::new().layer_fn({
				let clients = clients.clone();
				move |inner| PerAddress { inner, clients: clients.clone(), ip }
			});
			let service = builder
				.clone()
				.set_rpc_middleware(rpc)
				.build(methods.clone(), stop_handle.clone());
			let stopped = stop_handle.clone().shutdown();
			tokio::spawn(async move {
				let _slot = slot;
				if let Err(e) = serve_with_graceful_shutdown(socket, service, stopped).await {
					log::debug!(target: "gateway", "connection from {ip}: {e}");
				}
			});
		}
	});
	Ok(Running { handle, address })
}

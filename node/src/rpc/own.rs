//! The node's own RPC port (`--rpc-port`, `--rpc-external`, `--rpc-addr`), served with every
//! error cut to [`MAX_ERROR_MESSAGE`](super::common::MAX_ERROR_MESSAGE) bytes.
//!
//! `sc-service` serves the standard methods (`chain_*`, `state_*`, `author_*`, ...) and ours
//! through `sc-rpc-server`, whose server takes no middleware of ours, so jsonrpsee's parameter
//! errors would quote a client's parameter whole (a 1 MB string where a block number is
//! expected comes back in the error). So the node lets `sc-service` build the methods as it
//! always does, and serves them itself: [`take`] moves the RPC addresses out of the
//! configuration before `sc_service::spawn_tasks`, and [`Own::start`] opens them afterwards
//! with the same module, every method wrapped by [`bounded`](super::common::bounded), through
//! the same `sc-rpc-server` — same limits, CORS, host filter, rate limit, `--rpc-methods`
//! policy and `/health` — as `sc-service` would.
//!
//! Two differences, both inside the node: `sc-service` still opens its own server, on a
//! loopback port the system picks, which nothing is told about; and the RPC call metrics
//! (`substrate_rpc_*`) are that server's, not the served port's (the registry takes them once).

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use sc_service::{config::RpcConfiguration, Configuration, RpcHandlers, TaskManager};

use super::common::{bounded, node_endpoint};

/// The node's RPC addresses and settings, taken out of its configuration by [`take`].
pub struct Own {
	endpoints: Vec<sc_rpc_server::RpcEndpoint>,
	max_connections: u32,
	request_logger_limit: u32,
	tokio_handle: tokio::runtime::Handle,
}

/// Takes the node's RPC addresses out of `config`, leaving `sc-service` one loopback address
/// on a port the system picks; [`Own::start`] opens the taken ones.
pub fn take(config: &mut Configuration) -> Own {
	let rpc = &mut config.rpc;
	let endpoints = rpc.addr.clone().unwrap_or_else(|| default_endpoints(rpc));
	let inner = node_endpoint(SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)), rpc);
	rpc.addr = Some(vec![inner]);
	Own {
		endpoints,
		max_connections: rpc.max_connections,
		request_logger_limit: rpc.request_logger_limit,
		tokio_handle: config.tokio_handle.clone(),
	}
}

impl Own {
	/// Opens the node's RPC addresses, serving `handlers`' methods with errors cut. The server
	/// lives as long as `task_manager`.
	pub fn start(
		self,
		handlers: &RpcHandlers,
		task_manager: &mut TaskManager,
	) -> Result<(), sc_service::Error> {
		let error = |what: &str, e: &dyn std::fmt::Display| {
			sc_service::Error::Other(format!("the node's RPC: {what}: {e}"))
		};
		let server_config = sc_rpc_server::Config {
			endpoints: self.endpoints,
			metrics: None,
			rpc_api: bounded((*handlers.handle()).clone()),
			id_provider: None,
			request_logger_limit: self.request_logger_limit,
			rpc_runtime: sc_rpc_server::create_rpc_runtime(self.max_connections)
				.map_err(|e| error("runtime", &e))?,
		};
		let server = tokio::task::block_in_place(|| {
			self.tokio_handle.block_on(sc_rpc_server::start_server(server_config))
		})
		.map_err(|e| error("start", &e))?;
		task_manager.keep_alive(server);
		Ok(())
	}
}

/// What `sc-service` opens when no `--rpc-addr` is given: `--rpc-port` on the IPv4 loopback,
/// and on the IPv6 one if it can.
fn default_endpoints(rpc: &RpcConfiguration) -> Vec<sc_rpc_server::RpcEndpoint> {
	let ipv4 = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, rpc.port));
	let ipv6 = SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::LOCALHOST, rpc.port, 0, 0));
	let mut v6 = node_endpoint(ipv6, rpc);
	v6.is_optional = true;
	vec![node_endpoint(ipv4, rpc), v6]
}

//! The network boundary, tried as an outsider would: a raw-protocol client (litep2p, the
//! node's default backend) dials a node of a permissioned chain and speaks the request-response
//! protocols directly, skipping the block-announce handshake a stock node would make. As an
//! identity that is not in the chain spec's `permissionedNodes` it must get nothing — no block,
//! no state entry, no storage proof, no remote call, no warp proof, under the current protocol
//! names and the legacy ones alike — on both network backends the node offers. As a listed
//! identity the same client, with the same requests, is served: the test proves the client
//! works, so the refusals are the node's.
//!
//! Set `CIVIL_BOUNDARY_NODE` to another node binary to run the same test against it (for
//! example a build from before the boundary, to see what it served).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use futures::StreamExt as _;
use litep2p::{
	config::ConfigBuilder,
	crypto::ed25519::{Keypair, SecretKey},
	protocol::request_response::{
		ConfigBuilder as ProtocolBuilder, DialOptions, RequestResponseEvent, RequestResponseHandle,
	},
	transport::tcp::config::Config as TcpConfig,
	types::multiaddr::Multiaddr,
	Litep2p, PeerId, ProtocolName,
};
use std::{
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// The protocols' messages (sc-network-sync's `api.v1.proto`, sc-network-light's
/// `light.v1.proto`), written out as a client outside the SDK would.
mod wire {
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct BlockRequest {
		#[prost(uint32, tag = "1")]
		pub fields: u32,
		#[prost(bytes = "vec", tag = "3")]
		pub number: Vec<u8>,
		#[prost(int32, tag = "5")]
		pub direction: i32,
		#[prost(uint32, tag = "6")]
		pub max_blocks: u32,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct BlockResponse {
		#[prost(message, repeated, tag = "1")]
		pub blocks: Vec<BlockData>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct BlockData {
		#[prost(bytes = "vec", tag = "1")]
		pub hash: Vec<u8>,
		#[prost(bytes = "vec", tag = "2")]
		pub header: Vec<u8>,
		#[prost(bytes = "vec", repeated, tag = "3")]
		pub body: Vec<Vec<u8>>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct StateRequest {
		#[prost(bytes = "vec", tag = "1")]
		pub block: Vec<u8>,
		#[prost(bytes = "vec", repeated, tag = "2")]
		pub start: Vec<Vec<u8>>,
		#[prost(bool, tag = "3")]
		pub no_proof: bool,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct StateResponse {
		#[prost(message, repeated, tag = "1")]
		pub entries: Vec<KeyValueStateEntry>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct KeyValueStateEntry {
		#[prost(message, repeated, tag = "2")]
		pub entries: Vec<StateEntry>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct StateEntry {
		#[prost(bytes = "vec", tag = "1")]
		pub key: Vec<u8>,
		#[prost(bytes = "vec", tag = "2")]
		pub value: Vec<u8>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct LightRequest {
		#[prost(message, optional, tag = "1")]
		pub remote_call_request: Option<RemoteCallRequest>,
		#[prost(message, optional, tag = "2")]
		pub remote_read_request: Option<RemoteReadRequest>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct RemoteCallRequest {
		#[prost(bytes = "vec", tag = "2")]
		pub block: Vec<u8>,
		#[prost(string, tag = "3")]
		pub method: String,
		#[prost(bytes = "vec", tag = "4")]
		pub data: Vec<u8>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct RemoteReadRequest {
		#[prost(bytes = "vec", tag = "2")]
		pub block: Vec<u8>,
		#[prost(bytes = "vec", repeated, tag = "3")]
		pub keys: Vec<Vec<u8>>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct LightResponse {
		#[prost(message, optional, tag = "1")]
		pub remote_call_response: Option<ProofResponse>,
		#[prost(message, optional, tag = "2")]
		pub remote_read_response: Option<ProofResponse>,
	}
	#[derive(Clone, PartialEq, prost::Message)]
	pub struct ProofResponse {
		#[prost(bytes = "vec", optional, tag = "2")]
		pub proof: Option<Vec<u8>>,
	}
}

use prost::Message as _;

/// The node's key (`--node-key`), so that the test knows its peer id.
const NODE_KEY: [u8; 32] = [7; 32];
/// The identity listed in the chain spec.
const LISTED_KEY: [u8; 32] = [1; 32];
/// An identity that is not.
const OUTSIDER_KEY: [u8; 32] = [2; 32];
/// Blocks the client asks for (1..=BLOCKS).
const BLOCKS: u32 = 3;

fn keypair(secret: [u8; 32]) -> Keypair {
	Keypair::from(SecretKey::try_from_bytes(secret).unwrap())
}

fn peer_id(secret: [u8; 32]) -> PeerId {
	keypair(secret).public().to_peer_id()
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
	let text = text.trim_start_matches("0x");
	(0..text.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
		.collect()
}

fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn binary() -> String {
	std::env::var("CIVIL_BOUNDARY_NODE")
		.unwrap_or_else(|_| env!("CARGO_BIN_EXE_civil-registry-node").to_string())
}

/// An HTTP request to `port` on the loopback; the body of the answer.
fn http(port: u16, request: &str) -> Option<String> {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
	stream.write_all(request.as_bytes()).ok()?;
	let mut answer = String::new();
	stream.read_to_string(&mut answer).ok()?;
	answer.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

fn rpc(port: u16, method: &str, params: &str) -> Option<serde_json::Value> {
	let body = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}","params":{params}}}"#);
	let request = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	);
	let answer: serde_json::Value = serde_json::from_str(&http(port, &request)?).ok()?;
	Some(answer["result"].clone())
}

/// A node of a permissioned single-authority chain (dev-fast, listing [`LISTED_KEY`]'s peer).
struct Node {
	child: Child,
	p2p: u16,
	rpc: u16,
	prometheus: u16,
	backend: &'static str,
	log: std::path::PathBuf,
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Node {
	fn start(backend: &'static str) -> Node {
		let dir =
			std::env::temp_dir().join(format!("civil-boundary-{}-{backend}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let spec = Command::new(binary())
			.args(["build-spec", "--chain", "dev-fast", "--disable-default-bootnode"])
			.output()
			.unwrap();
		assert!(spec.status.success(), "{}", String::from_utf8_lossy(&spec.stderr));
		let mut spec: serde_json::Value = serde_json::from_slice(&spec.stdout).unwrap();
		// The listed identity's address is never dialled successfully (nothing listens there);
		// what matters is its peer id.
		spec["permissionedNodes"] =
			serde_json::json!([format!("/ip4/127.0.0.1/tcp/9/p2p/{}", peer_id(LISTED_KEY))]);
		let spec_path = dir.join("spec.json");
		std::fs::write(&spec_path, serde_json::to_vec(&spec).unwrap()).unwrap();
		let (p2p, rpc, prometheus) = (free_port(), free_port(), free_port());
		let log = dir.join("node.log");
		let child = Command::new(binary())
			.args(["--chain", spec_path.to_str().unwrap()])
			.args(["--alice", "--validator", "--force-authoring", "--tmp"])
			.args(["--network-backend", backend])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p}")])
			.args(["--rpc-port", &rpc.to_string(), "--prometheus-port", &prometheus.to_string()])
			.args(["--node-key", &hex(&NODE_KEY)])
			.args(["--no-telemetry", "--no-mdns"])
			.stdout(Stdio::null())
			.stderr(std::fs::File::create(&log).unwrap())
			.spawn()
			.unwrap();
		Node { child, p2p, rpc, prometheus, backend, log }
	}

	fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}

	/// Wait until block `number` is finalized; its hash and the genesis hash.
	fn finalized(&mut self, number: u32) -> (Vec<u8>, Vec<u8>) {
		let deadline = Instant::now() + Duration::from_secs(120);
		loop {
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!("{}: the node exited ({status}):\n{}", self.backend, self.log());
			}
			let head = rpc(self.rpc, "chain_getFinalizedHead", "[]");
			let header = head
				.as_ref()
				.and_then(|head| rpc(self.rpc, "chain_getHeader", &format!("[{head}]")));
			let reached = header
				.as_ref()
				.and_then(|header| header["number"].as_str())
				.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok())
				.is_some_and(|n| n >= number);
			if reached {
				let genesis = rpc(self.rpc, "chain_getBlockHash", "[0]").unwrap();
				return (unhex(head.unwrap().as_str().unwrap()), unhex(genesis.as_str().unwrap()));
			}
			assert!(
				Instant::now() < deadline,
				"{}: block {number} not finalized in 120 s:\n{}",
				self.backend,
				self.log()
			);
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	fn metrics(&self) -> String {
		http(
			self.prometheus,
			&format!(
				"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
				self.prometheus
			),
		)
		.unwrap_or_default()
	}

	fn refusals_counted(&self) -> u64 {
		self.metrics()
			.lines()
			.filter(|line| line.starts_with("civil_registry_boundary_refused_requests_total"))
			.filter_map(|line| line.rsplit(' ').next()?.parse::<u64>().ok())
			.sum()
	}
}

/// What one identity was given.
#[derive(Debug, Default, PartialEq)]
struct Served {
	/// Blocks in block responses, and extrinsics in their bodies.
	blocks: usize,
	extrinsics: usize,
	/// Key-value entries in state responses.
	state_entries: usize,
	/// Bytes of storage proofs (remote reads) and of call proofs (remote calls).
	read_proof: usize,
	call_proof: usize,
	/// Bytes of warp-sync proofs.
	warp_proof: usize,
	/// Requests answered at all, and refused (no answer: rejected, closed or timed out).
	answered: usize,
	refused: usize,
}

/// A request-response protocol under its current name and under its legacy one.
struct Protocol {
	current: RequestResponseHandle,
	legacy: RequestResponseHandle,
}

async fn ask(
	handle: &mut RequestResponseHandle,
	peer: PeerId,
	request: Vec<u8>,
) -> Option<Vec<u8>> {
	let id = handle.send_request(peer, request, DialOptions::Dial).await.ok()?;
	let wait = async {
		while let Some(event) = handle.next().await {
			match event {
				RequestResponseEvent::ResponseReceived { request_id, response, .. }
					if request_id == id =>
				{
					return Some(response)
				},
				RequestResponseEvent::RequestFailed { request_id, .. } if request_id == id => {
					return None
				},
				_ => {},
			}
		}
		None
	};
	tokio::time::timeout(Duration::from_secs(20), wait).await.ok().flatten()
}

/// Dial `node` as `identity` and ask for everything, under each protocol's current and legacy
/// names.
async fn probe(node_port: u16, identity: [u8; 32], genesis: &[u8], finalized: &[u8]) -> Served {
	let genesis_hex = hex(genesis);
	let mut builder = ConfigBuilder::new()
		.with_tcp(TcpConfig { listen_addresses: vec![], ..Default::default() })
		.with_keypair(keypair(identity));
	let mut protocols = Vec::new();
	for suffix in ["sync/2", "state/2", "light/2", "sync/warp"] {
		let mut handles = Vec::new();
		for name in [format!("/{genesis_hex}/{suffix}"), format!("/sup/{suffix}")] {
			let (config, handle) = ProtocolBuilder::new(ProtocolName::from(name))
				.with_max_size(16 * 1024 * 1024)
				.with_timeout(Duration::from_secs(15))
				.build();
			builder = builder.with_request_response_protocol(config);
			handles.push(handle);
		}
		let legacy = handles.pop().unwrap();
		let current = handles.pop().unwrap();
		protocols.push(Protocol { current, legacy });
	}
	let mut litep2p = Litep2p::new(builder.build()).unwrap();
	let node = peer_id(NODE_KEY);
	let address: Multiaddr = format!("/ip4/127.0.0.1/tcp/{node_port}/p2p/{node}").parse().unwrap();
	litep2p.add_known_address(node, std::iter::once(address));
	let driver = tokio::spawn(async move { while litep2p.next_event().await.is_some() {} });

	let [mut sync, mut state, mut light, mut warp]: [Protocol; 4] =
		protocols.try_into().ok().unwrap();
	let persons = frame_support::storage::storage_prefix(b"Persons", b"Persons").to_vec();
	let mut person_zero = persons.clone();
	person_zero.extend(codec::Encode::encode(&0u64));
	let mut served = Served::default();
	for legacy in [false, true] {
		// Blocks 1..=BLOCKS, headers and bodies (the attributes' bits in the top byte).
		let request = wire::BlockRequest {
			fields: (1 | 2) << 24,
			number: codec::Encode::encode(&1u32),
			direction: 0,
			max_blocks: BLOCKS,
		};
		let handle = if legacy { &mut sync.legacy } else { &mut sync.current };
		let answer = ask(handle, node, request.encode_to_vec()).await;
		if let Some(blocks) = answer.as_deref().and_then(|a| wire::BlockResponse::decode(a).ok()) {
			served.blocks += blocks.blocks.len();
			served.extrinsics += blocks.blocks.iter().map(|b| b.body.len()).sum::<usize>();
		}
		served.tally(&answer);

		// The state from the persons on.
		let request = wire::StateRequest {
			block: finalized.to_vec(),
			start: vec![persons.clone()],
			no_proof: true,
		};
		let handle = if legacy { &mut state.legacy } else { &mut state.current };
		let answer = ask(handle, node, request.encode_to_vec()).await;
		if let Some(state) = answer.as_deref().and_then(|a| wire::StateResponse::decode(a).ok()) {
			served.state_entries += state.entries.iter().map(|e| e.entries.len()).sum::<usize>();
		}
		served.tally(&answer);

		// A storage proof of Persons(0), and a remote call (one that reads the state).
		let handle = if legacy { &mut light.legacy } else { &mut light.current };
		let read = wire::LightRequest {
			remote_read_request: Some(wire::RemoteReadRequest {
				block: finalized.to_vec(),
				keys: vec![person_zero.clone()],
			}),
			..Default::default()
		};
		let answer = ask(handle, node, read.encode_to_vec()).await;
		if let Some(read) = answer.as_deref().and_then(|a| wire::LightResponse::decode(a).ok()) {
			served.read_proof +=
				read.remote_read_response.and_then(|r| r.proof).map_or(0, |p| p.len());
		}
		served.tally(&answer);
		let call = wire::LightRequest {
			remote_call_request: Some(wire::RemoteCallRequest {
				block: finalized.to_vec(),
				method: "AuraApi_authorities".into(),
				data: Vec::new(),
			}),
			..Default::default()
		};
		let answer = ask(handle, node, call.encode_to_vec()).await;
		if let Some(call) = answer.as_deref().and_then(|a| wire::LightResponse::decode(a).ok()) {
			served.call_proof +=
				call.remote_call_response.and_then(|r| r.proof).map_or(0, |p| p.len());
		}
		served.tally(&answer);

		// A warp-sync proof from genesis (the request is the SCALE-encoded start hash).
		let handle = if legacy { &mut warp.legacy } else { &mut warp.current };
		let answer = ask(handle, node, genesis.to_vec()).await;
		served.warp_proof += answer.as_ref().map_or(0, Vec::len);
		served.tally(&answer);
	}
	driver.abort();
	served
}

impl Served {
	fn tally(&mut self, answer: &Option<Vec<u8>>) {
		match answer {
			Some(_) => self.answered += 1,
			None => self.refused += 1,
		}
	}
}

/// Start a node on `backend`, probe it as the outsider and as the listed identity, and check.
fn try_backend(backend: &'static str) {
	let runtime = tokio::runtime::Runtime::new().unwrap();
	let mut node = Node::start(backend);
	let (finalized, genesis) = node.finalized(BLOCKS + 1);
	let outsider = runtime.block_on(probe(node.p2p, OUTSIDER_KEY, &genesis, &finalized));
	let listed = runtime.block_on(probe(node.p2p, LISTED_KEY, &genesis, &finalized));
	let refusals = node.refusals_counted();
	eprintln!("{backend}: outsider {outsider:?}, listed {listed:?}, refusals counted {refusals}");
	assert_eq!(
		outsider,
		Served { refused: outsider.refused, ..Default::default() },
		"{backend}: the outsider was served"
	);
	assert_eq!(outsider.refused, 10, "{backend}: every request of the outsider is refused");
	assert!(refusals >= 1, "{backend}: the refusals are not counted:\n{}", node.metrics());
	assert!(
		node.log().contains("which is not a listed node of this chain"),
		"{backend}: no warning in the log"
	);
	assert_eq!(listed.refused, 0, "{backend}: the listed identity was refused: {listed:?}");
	assert_eq!(listed.blocks, 2 * BLOCKS as usize, "{backend}: {listed:?}");
	assert!(listed.extrinsics >= 2 * BLOCKS as usize, "{backend}: {listed:?}");
	assert!(listed.state_entries > 0 && listed.read_proof > 0, "{backend}: {listed:?}");
	assert!(listed.call_proof > 0 && listed.warp_proof > 0, "{backend}: {listed:?}");
}

#[test]
fn unlisted_peers_get_nothing_on_litep2p_and_listed_ones_are_served() {
	try_backend("litep2p");
}

#[test]
fn unlisted_peers_get_nothing_on_libp2p_and_listed_ones_are_served() {
	try_backend("libp2p");
}

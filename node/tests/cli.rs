//! The node binary's command line, run as an operator runs it. Being an integration test, this
//! also makes `cargo test` build the binary itself in the same invocation (and with the same
//! features) as every other test, so the test command compiles the dependency tree once; the
//! smoke tests and the polkadot.js suite then start that binary.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use std::process::{Command, Output};

fn node(args: &[&str]) -> Output {
	let output = Command::new(env!("CARGO_BIN_EXE_civil-registry-node")).args(args).output();
	match output {
		Ok(output) => output,
		Err(e) => panic!("could not start the node binary: {e}"),
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version_names_the_node() {
	let out = node(&["--version"]);
	assert!(out.status.success(), "{}", text(&out.stderr));
	assert!(text(&out.stdout).starts_with("civil-registry-node "), "{}", text(&out.stdout));
}

/// `0x` and the lower-case hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
	bytes.iter().fold(String::from("0x"), |mut out, b| {
		out.push_str(&format!("{b:02x}"));
		out
	})
}

#[test]
fn every_built_in_chain_exports_a_spec_with_the_runtime() {
	// The slot duration of each chain, in its genesis state (`Authorities::SlotDuration`):
	// production's six seconds, and two on the test command's `*-fast` chains.
	let slot_key = hex(&frame_support::storage::storage_prefix(b"Authorities", b"SlotDuration"));
	for (chain, id, slot_ms) in [
		("dev", "civil_registry_dev", 6000u64),
		("local", "civil_registry_local", 6000),
		("regional", "civil_registry_regional", 6000),
		("dev-fast", "civil_registry_dev_fast", 2000),
		("regional-fast", "civil_registry_regional_fast", 2000),
	] {
		let out = node(&["build-spec", "--chain", chain, "--raw", "--disable-default-bootnode"]);
		assert!(out.status.success(), "{chain}: {}", text(&out.stderr));
		let spec: serde_json::Value = match serde_json::from_slice(&out.stdout) {
			Ok(spec) => spec,
			Err(e) => panic!("{chain}: the spec is not JSON: {e}"),
		};
		assert_eq!(spec["id"], id, "{chain}");
		// The runtime's code is in the raw genesis state under the well-known key `:code`.
		let code = spec["genesis"]["raw"]["top"]["0x3a636f6465"].as_str().unwrap_or_default();
		assert!(code.len() > 100_000, "{chain}: no runtime code in the genesis state");
		let slot = spec["genesis"]["raw"]["top"][&slot_key].as_str().unwrap_or_default();
		assert_eq!(slot, hex(&slot_ms.to_le_bytes()), "{chain}: the slot duration");
	}
}

#[test]
fn a_missing_chain_spec_file_is_a_clear_error() {
	let out = node(&["build-spec", "--chain", "/nonexistent/spec.json"]);
	assert!(!out.status.success());
	let stderr = text(&out.stderr);
	assert!(stderr.contains("/nonexistent/spec.json"), "{stderr}");
	assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A scratch directory of this test, removed first if a previous run left it.
fn scratch(name: &str) -> std::path::PathBuf {
	let dir =
		std::env::temp_dir().join(format!("civil-registry-cli-{}-{name}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

const REGIONS: [&str; 4] = ["UZ-TK", "UZ-SA", "UZ-BU", "UZ-FA"];

/// Four departments' keys (`network keys`) under `dir`, and a network file naming them.
fn rehearsal(dir: &std::path::Path) -> serde_json::Value {
	let mut departments = Vec::new();
	for (i, region) in REGIONS.iter().enumerate() {
		let keys = dir.join(region);
		let out = node(&["network", "keys", keys.to_str().unwrap()]);
		assert!(out.status.success(), "{}", text(&out.stderr));
		departments.push(serde_json::json!({
			"region": region, "name": format!("{region} Justice Department"),
			"keys": format!("{region}/public.json"), "address": format!("/ip4/127.0.0.1/tcp/{}", 30401 + i),
		}));
	}
	serde_json::json!({
		"name": "Rehearsal", "id": "rehearsal", "goLive": "2026-01-01", "departments": departments,
	})
}

/// `network spec` on `network` (written into `dir`): the raw spec, or the error message.
fn spec(dir: &std::path::Path, network: &serde_json::Value) -> Result<serde_json::Value, String> {
	let file = dir.join("network.json");
	std::fs::write(&file, network.to_string()).unwrap();
	let output = dir.join("spec-raw.json");
	let _ = std::fs::remove_file(&output);
	let out = node(&["network", "spec", file.to_str().unwrap(), output.to_str().unwrap()]);
	let stderr = text(&out.stderr);
	assert!(!stderr.contains("panicked"), "{stderr}");
	if !out.status.success() {
		assert!(!output.exists(), "a refused spec was written");
		return Err(stderr);
	}
	Ok(serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap())
}

#[test]
fn network_keys_are_one_secret_per_role_readable_by_the_owner_only() {
	use std::os::unix::fs::PermissionsExt;
	let dir = scratch("keys");
	let keys = dir.join("tashkent");
	let out = node(&["network", "keys", keys.to_str().unwrap()]);
	assert!(out.status.success(), "{}", text(&out.stderr));
	let mode =
		|path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
	assert_eq!(mode(&keys), 0o700);
	for secret in
		["governance.phrase", "authority.phrase", "head.phrase", "session.phrase", "node-key"]
	{
		assert_eq!(mode(&keys.join(secret)), 0o600, "{secret}");
	}
	let public: serde_json::Value =
		serde_json::from_slice(&std::fs::read(keys.join("public.json")).unwrap()).unwrap();
	// Each role's account is the one its phrase gives, as the node's own `key inspect` reads it.
	for role in ["governance", "authority", "head"] {
		let phrase = keys.join(format!("{role}.phrase"));
		let out = node(&["key", "inspect", "--output-type", "json", phrase.to_str().unwrap()]);
		let inspected: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
		assert_eq!(inspected["ss58Address"], public[role], "{role}");
	}
	let session = keys.join("session.phrase");
	let out = node(&[
		"key",
		"inspect",
		"--scheme",
		"ed25519",
		"--output-type",
		"json",
		session.to_str().unwrap(),
	]);
	let grandpa: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
	assert_eq!(grandpa["ss58Address"], public["grandpa"]);
	let out = node(&["key", "inspect-node-key", "--file", keys.join("node-key").to_str().unwrap()]);
	assert_eq!(text(&out.stdout).trim(), public["peerId"].as_str().unwrap());
	let accounts: std::collections::BTreeSet<_> = ["governance", "authority", "head", "aura"]
		.iter()
		.map(|r| public[r].to_string())
		.collect();
	assert_eq!(accounts.len(), 4, "one key per role: {public}");

	// A second run never overwrites a secret.
	let before = std::fs::read(keys.join("head.phrase")).unwrap();
	let out = node(&["network", "keys", keys.to_str().unwrap()]);
	assert!(!out.status.success());
	assert!(text(&out.stderr).contains("refusing to overwrite"), "{}", text(&out.stderr));
	assert_eq!(std::fs::read(keys.join("head.phrase")).unwrap(), before);
	let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn network_spec_puts_each_department_in_its_roles_and_nothing_else() {
	let dir = scratch("spec");
	let network = rehearsal(&dir);
	let spec = spec(&dir, &network).unwrap();
	assert_eq!(spec["id"], "rehearsal");
	assert_eq!(spec["protocolId"], "rehearsal");
	assert_eq!(spec["chainType"], "Live");
	let nodes = spec["permissionedNodes"].as_array().unwrap();
	assert_eq!(nodes.len(), 4);
	assert_eq!(&spec["bootNodes"], &spec["permissionedNodes"]);
	let top = spec["genesis"]["raw"]["top"].as_object().unwrap();
	let state = serde_json::to_string(top).unwrap();
	for (i, region) in REGIONS.iter().enumerate() {
		let public: serde_json::Value =
			serde_json::from_slice(&std::fs::read(dir.join(region).join("public.json")).unwrap())
				.unwrap();
		assert!(nodes[i].as_str().unwrap().ends_with(public["peerId"].as_str().unwrap()));
		// Every department's accounts and keys are in the genesis state (as raw public keys).
		for role in ["governance", "authority", "head", "aura", "grandpa"] {
			use sp_core::crypto::Ss58Codec;
			let key = sp_core::crypto::AccountId32::from_ss58check(public[role].as_str().unwrap());
			let key = hex(key.unwrap().as_ref());
			assert!(state.contains(&key[2..]), "{region}'s {role} is not in the genesis state");
		}
	}
	// No sudo key.
	let sudo = hex(&frame_support::storage::storage_prefix(b"Sudo", b"Key"));
	assert!(top.get(&sudo).is_none_or(|v| v == "0x00"), "a sudo key: {:?}", top.get(&sudo));
	let _ = std::fs::remove_dir_all(&dir);
}

/// A change to a network file.
type Change = dyn Fn(&mut serde_json::Value);

#[test]
fn network_spec_refuses_what_a_real_network_must_not_have() {
	let dir = scratch("refusals");
	let network = rehearsal(&dir);
	let keys = dir.clone();
	let public = move |region: &str| -> serde_json::Value {
		serde_json::from_slice(&std::fs::read(keys.join(region).join("public.json")).unwrap())
			.unwrap()
	};
	let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	let tashkent = public("UZ-TK");
	let cases: Vec<(&str, Box<Change>, &str)> = vec![
		(
			"three departments",
			Box::new(|n| {
				n["departments"].as_array_mut().unwrap().pop();
			}),
			"3 departments",
		),
		(
			"a head that is another's governance account",
			Box::new(move |n| {
				n["departments"][1]["head"] = tashkent["governance"].clone();
			}),
			"one key per role",
		),
		(
			"two departments with one public.json",
			Box::new(|n| {
				n["departments"][1]["keys"] = "UZ-TK/public.json".into();
			}),
			"one key per role",
		),
		(
			"a development account",
			Box::new(move |n| {
				n["departments"][2]["head"] = alice.into();
			}),
			"development key",
		),
		(
			"two departments of one region",
			Box::new(|n| {
				n["departments"][3]["region"] = "UZ-TK".into();
			}),
			"two departments for one region",
		),
		(
			"an unknown region",
			Box::new(|n| {
				n["departments"][0]["region"] = "UZ-ZZ".into();
			}),
			"UZ-ZZ",
		),
		(
			"a go-live that is no date",
			Box::new(|n| {
				n["goLive"] = "2026-02-30".into();
			}),
			"goLive",
		),
		(
			"no go-live",
			Box::new(|n| {
				n.as_object_mut().unwrap().remove("goLive");
			}),
			"goLive",
		),
		(
			"a misspelt field",
			Box::new(|n| {
				n["sesionLength"] = 600.into();
			}),
			"sesionLength",
		),
		(
			"a session of no blocks",
			Box::new(|n| {
				n["sessionLength"] = 0.into();
			}),
			"sessionLength",
		),
		(
			"an address with a peer id",
			Box::new(|n| {
				n["departments"][0]["address"] =
					"/ip4/127.0.0.1/tcp/1/p2p/12D3KooWEZC2HkfZZXFH2P4gyiiiMYzsrJfqrXPJ8vc2D5toFCkm"
						.into();
			}),
			"/p2p/",
		),
		(
			"an address that is none",
			Box::new(|n| {
				n["departments"][0]["address"] = "localhost:30333".into();
			}),
			"address",
		),
		(
			"a missing public.json",
			Box::new(|n| {
				n["departments"][0]["keys"] = "nowhere/public.json".into();
			}),
			"nowhere/public.json",
		),
		(
			"an id with spaces",
			Box::new(|n| {
				n["id"] = "my network".into();
			}),
			"id",
		),
	];
	for (case, change, expected) in cases {
		let mut broken = network.clone();
		change(&mut broken);
		match spec(&dir, &broken) {
			Ok(_) => panic!("{case}: the spec was written"),
			Err(message) => assert!(message.contains(expected), "{case}: {message}"),
		}
	}
	// A department whose aura key is a development key (its public.json edited).
	let mut edited = public("UZ-FA");
	edited["aura"] = alice.into();
	std::fs::write(dir.join("UZ-FA/public.json"), edited.to_string()).unwrap();
	let message = spec(&dir, &network).unwrap_err();
	assert!(message.contains("UZ-FA's aura key is a development key"), "{message}");
	let _ = std::fs::remove_dir_all(&dir);
}

/// Set (to anything) by scripts/test.sh: build the Wasm runtime without `runtime-benchmarks`.
#[cfg(feature = "std")]
const WASM_WITHOUT_BENCHMARKS: &str = "CIVIL_REGISTRY_WASM_WITHOUT_BENCHMARKS";

#[cfg(feature = "std")]
fn main() {
	// The Wasm builder reuses the workspace's Cargo.lock, which it finds by walking up from the
	// target directory. With CARGO_TARGET_DIR outside the repository (as in CI) it would not
	// find it and would resolve the runtime's dependencies afresh; point it at the workspace.
	// (Set here, not globally, so that other crates' Wasm builds keep their own lookup.)
	// Read the manifest directory when the build script runs, not when it was compiled: a build
	// script compiled in another checkout sharing the target directory would point there.
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") {
			let workspace = std::path::Path::new(&manifest).join("..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}

	// The test command (scripts/test.sh) builds the node and every test in one cargo
	// invocation, with `runtime-benchmarks` on so that the benchmarks run as tests; the node
	// it starts must still run the production Wasm. With this variable set, the feature stays
	// on natively (tests, benchmark wiring) and is not passed on to the Wasm build, which
	// substrate-wasm-builder otherwise does for every enabled feature of this crate. The Wasm
	// then equals the one of a plain `cargo build -p civil-registry-node`.
	println!("cargo:rerun-if-env-changed={WASM_WITHOUT_BENCHMARKS}");
	if std::env::var_os(WASM_WITHOUT_BENCHMARKS).is_some() {
		std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	}

	#[cfg(feature = "metadata-hash")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("UNIT", 0)
		.build();

	#[cfg(not(feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}

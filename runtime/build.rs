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

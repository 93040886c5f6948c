//! Builds the upgraded runtime's Wasm (see lib.rs). Like the runtime's own build script, it
//! points the Wasm builder at the workspace's Cargo.lock, so that a target directory outside
//! the repository (as in CI) builds with the locked dependencies, which the runtime's Wasm
//! build has already compiled: only the runtime crate itself is compiled again.

#[cfg(feature = "std")]
fn main() {
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") {
			let workspace = std::path::Path::new(&manifest).join("../..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to do when this crate itself is compiled to Wasm.
#[cfg(not(feature = "std"))]
fn main() {}

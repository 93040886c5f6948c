//! The fast path: a runtime view run natively over a block's state.
//!
//! A certificate check is two storage reads (`pallet-civil-events`' `views.rs`). Through the
//! runtime API it also pays for a Wasm instance and the host-call boundary on every read —
//! milliseconds, tens of them when 32 verifiers ask at once on two cores. When the block's
//! runtime is the one this node was built with (same `spec_name` and `spec_version`), the same
//! view function runs natively over the block's state instead: the same code, the same reads,
//! microseconds (docs/performance.md has both figures). After a runtime upgrade the node does
//! not know yet, every query takes the runtime API, which is always right. This is the only
//! place the node calls a pallet's code directly.

use civil_registry_runtime::opaque::Block;
use sc_client_api::TrieCacheContext;
use sp_api::CallApiAt;
use sp_core::H256;

/// Why [`run_native`] did not run its query.
#[derive(Debug)]
pub enum NotNative {
	/// The block's runtime is not the one this node was built with.
	OtherRuntime,
	/// The block's state is not on this node (pruned), or its runtime version unreadable.
	NoState,
}

/// `query` run natively (the runtime's own Rust code, compiled into the node) over the state
/// of `block`, when the block's runtime is this node's own: same `spec_name` and
/// `spec_version`. Read-only: the changes `query` would make are dropped.
pub fn run_native<C, B, R>(
	client: &C,
	backend: &B,
	block: H256,
	query: impl FnOnce() -> R,
) -> Result<R, NotNative>
where
	C: CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	let version = client
		.runtime_version_at(block, sp_api::CallContext::Offchain)
		.map_err(|_| NotNative::NoState)?;
	let own = &civil_registry_runtime::VERSION;
	if version.spec_name != own.spec_name || version.spec_version != own.spec_version {
		return Err(NotNative::OtherRuntime);
	}
	let state = backend
		.state_at(block, TrieCacheContext::Untrusted)
		.map_err(|_| NotNative::NoState)?;
	let mut overlay = sp_state_machine::OverlayedChanges::default();
	let mut ext = sp_state_machine::Ext::new(&mut overlay, &state, None);
	Ok(sp_externalities::set_and_run_with_externalities(&mut ext, query))
}

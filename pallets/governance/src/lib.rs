//! # Governance pallet
//!
//! Root for the council. Some calls of FRAME itself accept only the root origin: authorizing a
//! runtime upgrade (`system.authorize_upgrade`), GRANDPA's recovery when finality is stuck
//! (`grandpa.note_stalled`), changing a storage item in an emergency. On this chain no single
//! key holds root: [`Pallet::dispatch_as_root`] dispatches a call as root when
//! [`Config::CouncilOrigin`] — the regional justice departments' council by a two-thirds
//! majority — approves it. A council motion proposes `governance.dispatch_as_root(call)`; once
//! two thirds have voted aye, closing the motion dispatches it.
//!
//! ## Interface
//!
//! - [`Pallet::dispatch_as_root`]: [`Config::CouncilOrigin`]. Emits [`Event::DispatchedAsRoot`]
//!   with the call's result: the motion succeeds even when the call fails, and the event says
//!   why.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the governance pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A call of the runtime.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo;
		/// Who may dispatch as root: the council's two-thirds majority.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A call approved by the council was dispatched as root, with this result.
		DispatchedAsRoot { result: DispatchResult },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The member already has as many council motions open as one member may
		/// (the runtime's `MaxMotionsPerMember`): the council's queue is shared, and no member
		/// may fill it (e.g. to delay a motion that removes it).
		TooManyOpenMotions,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` as root.
		///
		/// Origin: [`Config::CouncilOrigin`]. Emits [`Event::DispatchedAsRoot`].
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::CouncilOrigin::ensure_origin(origin)?;
			let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let actual = result.unwrap_or_else(|e| e.post_info).actual_weight;
			Self::deposit_event(Event::DispatchedAsRoot {
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			Ok(actual.map(|w| w.saturating_add(T::WeightInfo::dispatch_as_root())).into())
		}
	}
}

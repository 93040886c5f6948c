//! # Authorities pallet
//!
//! The authority set of the civil registry chain: the accounts of the regional justice
//! departments whose nodes author blocks (Aura) and vote on finality (GRANDPA).
//!
//! ## Overview
//!
//! Governance ([`Config::GovernanceOrigin`]: the departments' council, or root on development
//! chains) adds and removes authorities; the change takes effect at the next session boundary
//! through `pallet-session`, for which this pallet is the `SessionManager`. The set never
//! falls below [`Config::MinAuthorities`] (GRANDPA needs more than two thirds of the voters:
//! with four, one may fail; with three, none may) nor exceeds [`Config::MaxAuthorities`].
//!
//! Session keys (the Aura and GRANDPA public keys of a node) belong to `pallet-session`. An
//! authority rotates its own with `author_rotateKeys` on its node, then `session.set_keys`
//! with the ownership proof; governance may set them for an authority with [`Pallet::set_keys`]
//! (the same proof is checked). An authority without keys is left out of the session, and
//! taken in at the first session boundary after its keys arrive.
//!
//! The session length is a genesis setting ([`SessionLength`]): an hour in production, a few
//! blocks on test networks, so that a change is seen quickly.
//!
//! So is the slot duration ([`SlotDuration`], milliseconds): the target block time, which Aura
//! (through [`SlotDurationOf`]) and the timestamp's minimum period (through [`HalfSlotOf`])
//! read. Six seconds in production; the test command's networks run two-second slots, so that
//! a test that waits for blocks waits a third as long, with the same runtime. It is set once, at
//! genesis: a chain whose slot changed afterwards would find its timestamps in other slots
//! than its blocks. A chain built before this setting existed has no value stored and reads
//! the production six seconds ([`DEFAULT_SLOT_DURATION`]).
//!
//! Every authority account holds one provider reference from this pallet while it is an
//! authority, so that it can sign (the nonce check needs one) and hold its session keys.
//!
//! ## Interface
//!
//! - [`Pallet::add_authority`], [`Pallet::remove_authority`], [`Pallet::set_keys`]:
//!   [`Config::GovernanceOrigin`].
//! - [`Pallet::anchor_access_log`]: a general transaction authorized by the signature of a
//!   current authority's Aura key (no account signs it): the node anchors its access log
//!   ([`access_log`]).
//!
//! ## Invariants (`try_state`)
//!
//! The set is sorted, without duplicates, within the bounds, and every authority holds a
//! provider reference; the session length is not zero; the slot duration is one that
//! [`GenesisConfig`] accepts; no anchored log is empty.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

pub mod access_log;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod deposit;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use access_log::{AccessLogAnchor, AnchoredHead};
pub use deposit::NoDeposit;

/// The production slot duration, in milliseconds: six-second blocks. Read where no value is
/// stored ([`SlotDuration`]).
pub const DEFAULT_SLOT_DURATION: u64 = 6000;
/// The shortest slot duration a genesis may set, in milliseconds. A block must be built,
/// sent and imported within its slot, and GRANDPA's rounds take a few hundred milliseconds.
pub const MIN_SLOT_DURATION: u64 = 1000;

pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Keys> {
	/// New session keys owned by `owner`, with the ownership proof `session.set_keys` checks.
	fn keys_and_proof(owner: &AccountId) -> (Keys, alloc::vec::Vec<u8>);
}

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::{
		access_log::ANCHOR_KEY_TYPE, AccessLogAnchor, AnchoredHead, WeightInfo,
		DEFAULT_SLOT_DURATION, MIN_SLOT_DURATION,
	};
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::traits::CheckedRem;
	use sp_core::{sr25519, H256};
	use sp_runtime::traits::{Saturating, Zero};
	use sp_staking::SessionIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the authorities pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Who may change the authority set: the council's two-thirds majority (root on
		/// development chains).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The fewest authorities the chain may have.
		#[pallet::constant]
		type MinAuthorities: Get<u32>;
		/// The most authorities the chain may have (at most Aura's and GRANDPA's own bound).
		#[pallet::constant]
		type MaxAuthorities: Get<u32>;
		/// The pool priority of an access-log anchor: above every act's, so that a busy pool
		/// never holds an anchor back (there is at most one per authority and block).
		#[pallet::constant]
		type AnchorPriority: Get<sp_runtime::transaction_validity::TransactionPriority>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Session keys with their ownership proof, for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId, Self::Keys>;
	}

	/// The authorities, sorted: the set of the next session.
	#[pallet::storage]
	pub type Authorities<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxAuthorities>, ValueQuery>;

	/// Whether [`Authorities`] changed since the last session began.
	#[pallet::storage]
	pub type Changed<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The length of a session, in blocks: a change of the set takes effect at a session
	/// boundary.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// [`DEFAULT_SLOT_DURATION`], where no slot duration is stored.
	#[pallet::type_value]
	pub fn DefaultSlotDuration() -> u64 {
		DEFAULT_SLOT_DURATION
	}

	/// The Aura slot duration, in milliseconds: the target block time. Set at genesis and
	/// never changed (no call writes it).
	#[pallet::storage]
	pub type SlotDuration<T: Config> = StorageValue<_, u64, ValueQuery, DefaultSlotDuration>;

	/// The last anchor of each node's access log, by the node's Aura key
	/// ([`Pallet::anchor_access_log`]). Only a current authority's key writes one; a key
	/// rotated away keeps its last anchor, so that its log stays checkable.
	#[pallet::storage]
	pub type AccessLogHeads<T: Config> =
		StorageMap<_, Blake2_128Concat, sr25519::Public, AnchoredHead<BlockNumberFor<T>>>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first authorities (their session keys are in `pallet-session`'s genesis).
		pub authorities: Vec<T::AccountId>,
		/// The session length in blocks; 0 is refused.
		pub session_length: BlockNumberFor<T>,
		/// The slot duration in milliseconds: see [`valid_slot_duration`].
		pub slot_duration: u64,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// No authorities, and sessions of an hour of six-second blocks.
		fn default() -> Self {
			GenesisConfig {
				authorities: Vec::new(),
				session_length: 600u32.into(),
				slot_duration: DEFAULT_SLOT_DURATION,
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(!self.session_length.is_zero(), "the session length must be at least 1");
			assert!(
				valid_slot_duration(self.slot_duration),
				"the slot duration must be an even number of milliseconds, at least 1000, that divides a day"
			);
			let mut authorities = self.authorities.clone();
			authorities.sort();
			authorities.dedup();
			// A network may start below `MinAuthorities` (the development chain has one
			// authority): it may then grow, but never shrink.
			let count = authorities.len();
			let bounded = BoundedVec::<_, T::MaxAuthorities>::truncate_from(authorities);
			assert!(bounded.len() == count, "more than MaxAuthorities authorities at genesis");
			for who in bounded.iter() {
				frame_system::Pallet::<T>::inc_providers(who);
			}
			Authorities::<T>::put(bounded);
			SessionLength::<T>::put(self.session_length);
			SlotDuration::<T>::put(self.slot_duration);
		}
	}

	/// Whether `ms` may be a slot duration: at least [`MIN_SLOT_DURATION`], even (the
	/// timestamp's minimum period is half of it) and a divisor of a day (so that no slot spans
	/// midnight, and a block's day is its slot's day).
	pub fn valid_slot_duration(ms: u64) -> bool {
		const DAY_MS: u64 = 86_400_000;
		ms >= MIN_SLOT_DURATION && ms.is_multiple_of(2) && DAY_MS.is_multiple_of(ms)
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` becomes an authority at the next session boundary.
		AuthorityAdded { who: T::AccountId },
		/// `who` stops being an authority at the next session boundary.
		AuthorityRemoved { who: T::AccountId },
		/// Governance set `who`'s session keys.
		KeysSet { who: T::AccountId },
		/// The node whose Aura key is `key` (of the authority `authority`) anchored its access
		/// log: `entries` entries, the last hashing to `head`; `sealed` if that last entry is a
		/// read of a sealed record.
		AccessLogAnchored {
			authority: T::AccountId,
			key: sr25519::Public,
			entries: u64,
			head: H256,
			sealed: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already an authority.
		AlreadyAuthority,
		/// The account is not an authority.
		NotAuthority,
		/// The chain would have fewer authorities than `MinAuthorities`.
		TooFewAuthorities,
		/// The chain would have more authorities than `MaxAuthorities`.
		TooManyAuthorities,
		/// The anchor's key is not the Aura key of a current authority.
		NotAnAuthorityKey,
		/// The anchor does not extend the key's last anchored log (no more entries than it),
		/// or the key anchored in this block already.
		StaleAnchor,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the authorities from the next session on. Its node needs session keys
		/// (`session.set_keys`, or [`Pallet::set_keys`]) before then, or it is left out.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::AuthorityAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_authority())]
		pub fn add_authority(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Authorities::<T>::try_mutate(|set| -> DispatchResult {
				let at = set.binary_search(&who).err().ok_or(Error::<T>::AlreadyAuthority)?;
				set.try_insert(at, who.clone()).map_err(|_| Error::<T>::TooManyAuthorities)?;
				Ok(())
			})?;
			frame_system::Pallet::<T>::inc_providers(&who);
			Changed::<T>::put(true);
			Self::deposit_event(Event::AuthorityAdded { who });
			Ok(())
		}

		/// Remove `who` from the authorities from the next session on.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Refused below [`Config::MinAuthorities`].
		/// Emits [`Event::AuthorityRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_authority())]
		pub fn remove_authority(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Authorities::<T>::try_mutate(|set| -> DispatchResult {
				let at = set.binary_search(&who).map_err(|_| Error::<T>::NotAuthority)?;
				ensure!(set.len() as u32 > T::MinAuthorities::get(), Error::<T>::TooFewAuthorities);
				set.remove(at);
				Ok(())
			})?;
			// The reference goes with the role; if the account still holds its session keys
			// (a consumer reference), the provider stays until they are purged, and the
			// removal itself never fails on it.
			let _ = frame_system::Pallet::<T>::dec_providers(&who);
			Changed::<T>::put(true);
			Self::deposit_event(Event::AuthorityRemoved { who });
			Ok(())
		}

		/// Set the session keys of authority `who` (a key rotation decided by governance, e.g.
		/// after a node's keys leaked). `proof` is the ownership proof the node's
		/// `author_rotateKeys` returns with the keys, as for `session.set_keys`.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::KeysSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_keys())]
		pub fn set_keys(
			origin: OriginFor<T>,
			who: T::AccountId,
			keys: T::Keys,
			proof: Vec<u8>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Authorities::<T>::get().binary_search(&who).is_ok(), Error::<T>::NotAuthority);
			pallet_session::Pallet::<T>::set_keys(
				frame_system::RawOrigin::Signed(who.clone()).into(),
				keys,
				proof,
			)?;
			Self::deposit_event(Event::KeysSet { who });
			Ok(())
		}

		/// Anchor a node's access log: `anchor` says how many entries the log of the node
		/// whose Aura key is `anchor.key` had and the hash of the last one; `signature` is that
		/// key's signature of [`AccessLogAnchor::signing_payload`].
		///
		/// A general transaction, no signer: authorized if the signature verifies, the key is
		/// the Aura session key of a current authority, and the anchor has more entries than
		/// the key's last one, anchored in an earlier block ([`Error::NotAnAuthorityKey`],
		/// [`Error::StaleAnchor`]; the pool refuses such a transaction as a bad proof or
		/// stale). Emits [`Event::AccessLogAnchored`].
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::anchor_access_log())]
		#[pallet::authorize(Pallet::<T>::authorize_anchor)]
		#[pallet::weight_of_authorize(<T as Config>::WeightInfo::authorize_anchor_access_log())]
		pub fn anchor_access_log(
			origin: OriginFor<T>,
			anchor: AccessLogAnchor,
			signature: sr25519::Signature,
		) -> DispatchResult {
			frame_system::ensure_authorized(origin)?;
			// The authorization ran at the pool and again at inclusion; these checks hold the
			// call itself to the same rules whatever dispatches it.
			let _ = signature;
			let authority = Self::anchor_authority(&anchor.key)?;
			Self::check_fresh(&anchor)?;
			AccessLogHeads::<T>::insert(
				anchor.key,
				AnchoredHead {
					entries: anchor.entries,
					head: anchor.head,
					at: frame_system::Pallet::<T>::block_number(),
				},
			);
			let AccessLogAnchor { key, entries, head, sealed } = anchor;
			Self::deposit_event(Event::AccessLogAnchored { authority, key, entries, head, sealed });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `who` is an authority (of the next session).
		pub fn is_authority(who: &T::AccountId) -> bool {
			Authorities::<T>::get().binary_search(who).is_ok()
		}

		/// The authority whose current Aura session key is `key`.
		fn anchor_authority(key: &sr25519::Public) -> Result<T::AccountId, Error<T>> {
			pallet_session::Pallet::<T>::key_owner(ANCHOR_KEY_TYPE, key.as_ref())
				.filter(|owner| pallet_session::Validators::<T>::get().contains(owner))
				.ok_or(Error::<T>::NotAnAuthorityKey)
		}

		/// Whether `anchor` extends its key's last anchor, from an earlier block.
		fn check_fresh(anchor: &AccessLogAnchor) -> Result<(), Error<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			match AccessLogHeads::<T>::get(anchor.key) {
				Some(last) if anchor.entries <= last.entries || last.at >= now => {
					Err(Error::<T>::StaleAnchor)
				},
				_ if anchor.entries == 0 => Err(Error::<T>::StaleAnchor),
				_ => Ok(()),
			}
		}

		/// The authorization of [`Pallet::anchor_access_log`]: the signature, the key and the
		/// freshness. Valid for a few blocks; one anchor per key and length in the pool.
		fn authorize_anchor(
			_source: TransactionSource,
			anchor: &AccessLogAnchor,
			signature: &sr25519::Signature,
		) -> TransactionValidityWithRefund {
			let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
			let payload = anchor.signing_payload(&genesis);
			if !sp_io::crypto::sr25519_verify(signature, &payload, &anchor.key) {
				return Err(InvalidTransaction::BadProof.into());
			}
			Self::anchor_authority(&anchor.key).map_err(|_| InvalidTransaction::BadSigner)?;
			Self::check_fresh(anchor).map_err(|_| InvalidTransaction::Stale)?;
			let validity = ValidTransaction::with_tag_prefix("AccessLogAnchor")
				.priority(T::AnchorPriority::get())
				.and_provides((anchor.key, anchor.entries))
				.longevity(16)
				.build()?;
			Ok((validity, Weight::zero()))
		}

		/// The invariants of the authority set.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let set = Authorities::<T>::get();
			ensure!(
				set.windows(2).all(|w| matches!(w, [a, b] if a < b)),
				"the authorities are not sorted or repeat"
			);
			ensure!(!set.is_empty(), "no authority");
			for who in set.iter() {
				ensure!(
					frame_system::Pallet::<T>::providers(who) > 0,
					"an authority holds no provider reference"
				);
			}
			ensure!(!SessionLength::<T>::get().is_zero(), "the session length is zero");
			ensure!(valid_slot_duration(SlotDuration::<T>::get()), "the slot duration is invalid");
			ensure!(
				AccessLogHeads::<T>::iter_values().all(|head| head.entries > 0),
				"an anchored access log is empty"
			);
			Ok(())
		}
	}

	/// The slot duration ([`SlotDuration`]), for `pallet_aura::Config::SlotDuration`.
	pub struct SlotDurationOf<T>(core::marker::PhantomData<T>);

	impl<T: Config> Get<u64> for SlotDurationOf<T> {
		fn get() -> u64 {
			SlotDuration::<T>::get()
		}
	}

	/// Half the slot duration, for `pallet_timestamp::Config::MinimumPeriod`: a block's
	/// timestamp is at least this much later than its parent's, as Aura expects of one slot.
	pub struct HalfSlotOf<T>(core::marker::PhantomData<T>);

	impl<T: Config> Get<u64> for HalfSlotOf<T> {
		fn get() -> u64 {
			SlotDuration::<T>::get() / 2
		}
	}

	/// The validator id of an account, for `pallet-session`: the account itself, if it is an
	/// authority. Only authorities may set session keys.
	pub struct AuthorityOf<T>(core::marker::PhantomData<T>);

	impl<T: Config> sp_runtime::traits::Convert<T::AccountId, Option<T::AccountId>> for AuthorityOf<T> {
		fn convert(who: T::AccountId) -> Option<T::AccountId> {
			Pallet::<T>::is_authority(&who).then_some(who)
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		/// The set, when it changed or when an authority left out of the current session for
		/// want of keys has them now. (Without the second, an authority whose node registered
		/// its keys after the next session was planned would wait for the next change of the
		/// set, however long: the zombienet test of a fifth authority found it.) Returning the
		/// set unchanged otherwise would make every session a new GRANDPA set.
		fn new_session(_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			let set = Authorities::<T>::get();
			let keys_arrived = || {
				let current = pallet_session::Validators::<T>::get();
				set.iter().any(|who| {
					!current.contains(who) && pallet_session::NextKeys::<T>::contains_key(who)
				})
			};
			(Changed::<T>::take() || keys_arrived()).then(|| set.into_inner())
		}

		fn new_session_genesis(_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			Some(Authorities::<T>::get().into_inner())
		}

		fn end_session(_index: SessionIndex) {}

		fn start_session(_index: SessionIndex) {}
	}

	impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
		fn should_end_session(now: BlockNumberFor<T>) -> bool {
			now.checked_rem(&SessionLength::<T>::get()).is_some_and(|into| into.is_zero())
		}
	}

	impl<T: Config> frame_support::traits::EstimateNextSessionRotation<BlockNumberFor<T>>
		for Pallet<T>
	{
		fn average_session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get()
		}

		fn estimate_current_session_progress(
			now: BlockNumberFor<T>,
		) -> (Option<sp_runtime::Permill>, Weight) {
			let length = SessionLength::<T>::get();
			let progress = now.checked_rem(&length).map(|into| {
				sp_runtime::Permill::from_rational(into.saturating_add(1u32.into()), length)
			});
			(progress, T::DbWeight::get().reads(1))
		}

		fn estimate_next_session_rotation(
			now: BlockNumberFor<T>,
		) -> (Option<BlockNumberFor<T>>, Weight) {
			let length = SessionLength::<T>::get();
			let next = now
				.checked_rem(&length)
				.map(|into| now.saturating_add(length.saturating_sub(into)));
			(next, T::DbWeight::get().reads(1))
		}
	}
}

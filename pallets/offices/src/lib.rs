//! # Offices pallet
//!
//! The authority layer of the civil registry: who may register what, and where.
//!
//! ## Overview
//!
//! Registry offices are bound to a node of a jurisdiction tree (country → region → district).
//! Officers are accounts bound to exactly one office with a role, `Registrar` or `Head`. The
//! pallet answers the other pallets' question "may this account register this kind of act in
//! this jurisdiction?" through [`civil_registry_primitives::OfficerPermissions`], and its
//! transaction extension [`CheckRole`] admits a signed transaction only from an account that
//! holds a role, so that nobody else can take block space on this feeless chain.
//!
//! ## Terminology
//!
//! - **Jurisdiction**: a node of the tree, with a unique short code (ISO 3166-2:UZ such as
//!   `UZ-TK` for Tashkent city) and a name. An office serves its jurisdiction and everything
//!   below it.
//! - **Office**: a district registry office, wedding house, regional justice department,
//!   consulate or archive; `Active`, `Suspended` or `Closed` (final).
//! - **Officer**: an account with a role in one office. A **regional head** is the head of a
//!   regional justice department; it supervises the offices of its region.
//! - **Governance**: the [`Config::GovernanceOrigin`]: Root (sudo) in development, a council of
//!   the regional justice departments in production.
//! - **Compromised key**: an officer dismissed with `compromised_since`; the acts its key signed
//!   from that block on are listed for review by `pallet-civil-events` (through
//!   [`CompromisedKeys`]), and the account can never be appointed again. A registrar it
//!   appointed from then on holds no role, and is itself compromised from its appointment.
//!
//! ## Interface
//!
//! ### Governance ([`Config::GovernanceOrigin`])
//! - [`Pallet::create_jurisdiction`], [`Pallet::rename_jurisdiction`],
//!   [`Pallet::remove_jurisdiction`] (only while nothing uses it)
//! - [`Pallet::register_office`], [`Pallet::suspend_office`], [`Pallet::reopen_office`],
//!   [`Pallet::close_office`]
//! - [`Pallet::appoint_head`], [`Pallet::dismiss_officer`] (any officer, e.g. a head)
//! - [`Pallet::set_appointment_delay`], [`Pallet::veto_appointment`]
//!
//! ### Regional heads ([`Config::HeadOrigin`] of a regional justice department)
//! - [`Pallet::register_office`] and [`Pallet::suspend_office`] inside their region
//! - [`Pallet::veto_appointment`] of a registrar in their region before it takes effect
//!
//! ### Office heads ([`Config::HeadOrigin`])
//! - [`Pallet::appoint_registrar`] (at most [`Config::MaxAppointmentsPerDay`] a day, in effect
//!   after [`AppointmentDelay`]), [`Pallet::dismiss_registrar`] in their own office
//!
//! ### Other pallets
//! - [`civil_registry_primitives::OfficerPermissions`] and
//!   [`civil_registry_primitives::JurisdictionTree`], implemented by [`Pallet`].
//!
//! ### The runtime
//! - [`CheckRole`], a transaction extension: signed transactions only from role holders.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

/// The largest payload of [`Pallet::heartbeat`]: 32 KiB, the size of a full archive import
/// batch, so that the load generator's baseline matches it.
pub const MAX_HEARTBEAT_PAYLOAD: u32 = 32 * 1024;

mod extension;
mod features;
mod genesis;
pub mod migrations;
mod permissions;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::{AnyCall, CheckRole, Refusal, SignedCalls, BUDGET_SPENT};
pub use permissions::EnsureOfficeHead;
pub use types::*;
pub use weights::WeightInfo;

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{string::String, vec::Vec};
	use civil_registry_primitives::{
		JurisdictionId, OfficeId, OfficeKind, OnOfficerDismissed, Role,
	};
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who creates jurisdictions and offices and appoints heads: Root in development, a
		/// council of the regional justice departments (2/3) in production.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// A signed origin that is the head of an active office; `Success` is the head's account
		/// and office. Use [`EnsureOfficeHead`].
		type HeadOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OfficeId)>;

		/// Which calls an account may sign: the runtime's table of roles and calls, which
		/// [`CheckRole`] applies to every signed transaction. ([`AnyCall`] admits any call of
		/// any officer and of a set of privileged accounts.)
		type SignedCalls: SignedCalls<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// Longest jurisdiction code. ISO 3166-2 codes have at most 6 characters; district
		/// codes append a suffix, so 16 leaves room without letting codes carry data.
		#[pallet::constant]
		type MaxCodeLength: Get<u32>;

		/// Longest name of a jurisdiction or an office, in bytes of UTF-8. Official names in
		/// Uzbek Cyrillic take two bytes a letter; 128 covers the longest in use.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Deepest jurisdiction below a country (country = 0, region = 1, district = 2).
		/// Bounds the walk up the tree in every permission check.
		#[pallet::constant]
		type MaxJurisdictionDepth: Get<u32>;

		/// Most registrars one office may have at once. Bounds an office's state and keeps a
		/// single head from minting unlimited signing accounts.
		#[pallet::constant]
		type MaxRegistrarsPerOffice: Get<u32>;

		/// Told of every dismissal (`pallet-civil-events` closes the officer's open proposals).
		type OnDismissed: OnOfficerDismissed<Self::AccountId>;

		/// What one signer may send in one day (transactions and bytes), and the longest
		/// transaction. [`Pallet::check_budget`] refuses the rest with
		/// `InvalidTransaction::Custom(`[`BUDGET_SPENT`]`)` when it is submitted, counting the
		/// signer's transactions ahead of it: what the pool admits, a block includes.
		#[pallet::constant]
		type SignerBudget: Get<SignerBudget<BlockNumberFor<Self>>>;

		/// How long after appointing a registrar a head may not approve that registrar's work
		/// (`pallet-civil-events` asks [`OfficerPermissions::appointed_recently`]): a head
		/// cannot appoint a registrar of its own and approve what it proposes.
		#[pallet::constant]
		type AppointeeCooling: Get<BlockNumberFor<Self>>;

		/// Most registrars one office's head may appoint in one day (of
		/// [`Config::SignerBudget`]'s `day_length`): a stolen head key cannot mint signing
		/// accounts faster than this.
		#[pallet::constant]
		type MaxAppointmentsPerDay: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The jurisdiction tree. Ids are assigned sequentially by the chain, so `Twox64Concat`
	/// is safe (callers cannot choose keys to unbalance the trie).
	#[pallet::storage]
	pub type Jurisdictions<T: Config> =
		StorageMap<_, Twox64Concat, JurisdictionId, Jurisdiction<T>, OptionQuery>;

	/// The jurisdiction with a given code: codes are unique. Codes are chosen by governance,
	/// but hashed with `Blake2_128Concat` anyway since they are arbitrary bytes.
	#[pallet::storage]
	pub type JurisdictionByCode<T: Config> =
		StorageMap<_, Blake2_128Concat, CodeOf<T>, JurisdictionId, OptionQuery>;

	/// The id the next jurisdiction will get.
	#[pallet::storage]
	pub type NextJurisdictionId<T: Config> = StorageValue<_, JurisdictionId, ValueQuery>;

	/// The registry offices. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Offices<T: Config> = StorageMap<_, Twox64Concat, OfficeId, Office<T>, OptionQuery>;

	/// The id the next office will get.
	#[pallet::storage]
	pub type NextOfficeId<T: Config> = StorageValue<_, OfficeId, ValueQuery>;

	/// The current officers, by account. Account ids are public keys, but a head chooses which
	/// account to appoint, so `Blake2_128Concat`.
	#[pallet::storage]
	pub type Officers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Officer<T>, OptionQuery>;

	/// The last dismissal of each account that was ever dismissed: where it served, when it
	/// left, whether its key is compromised, and its nonce (restored if it is appointed again).
	#[pallet::storage]
	pub type Dismissals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Dismissal<T>, OptionQuery>;

	/// What each signer has sent in the current block and day, against
	/// [`Config::SignerBudget`]. One entry per account that signed while holding a role; kept
	/// when the officer is dismissed, so that dismissing and appointing a key again does not
	/// give it a fresh budget.
	#[pallet::storage]
	pub type SignerUsage<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Usage<BlockNumberFor<T>>, OptionQuery>;

	/// How many blocks after a head appoints a registrar the appointment takes effect; until
	/// then the regional head or governance may veto it ([`Pallet::veto_appointment`]). Set at
	/// genesis and by governance ([`Pallet::set_appointment_delay`]): a day in production,
	/// none on development chains.
	#[pallet::storage]
	pub type AppointmentDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Every registrar appointment by a head, by the head: head → registrar → the block the
	/// appointment took (or takes) effect. Kept after either leaves: reviewing a head covers
	/// everything it appointed.
	#[pallet::storage]
	pub type Appointments<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// The head that appointed each registrar (its latest appointment), and the block the
	/// appointment took effect. A registrar appointed by a head whose key was already
	/// compromised then holds no role, and its work is under review.
	#[pallet::storage]
	pub type AppointedBy<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		(T::AccountId, BlockNumberFor<T>),
		OptionQuery,
	>;

	/// Registrar appointments in each office in its latest day: (day, count), against
	/// [`Config::MaxAppointmentsPerDay`].
	#[pallet::storage]
	pub type AppointmentsToday<T: Config> =
		StorageMap<_, Twox64Concat, OfficeId, (BlockNumberFor<T>, u32), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A jurisdiction was created.
		JurisdictionCreated {
			/// Its id.
			jurisdiction: JurisdictionId,
			/// Its code.
			code: CodeOf<T>,
			/// The jurisdiction above it; `None` for a country.
			parent: Option<JurisdictionId>,
		},
		/// A jurisdiction was renamed.
		JurisdictionRenamed {
			/// Its id.
			jurisdiction: JurisdictionId,
			/// The new name.
			name: NameOf<T>,
		},
		/// An unused jurisdiction was removed.
		JurisdictionRemoved {
			/// Its id.
			jurisdiction: JurisdictionId,
		},
		/// An office was registered.
		OfficeRegistered {
			/// Its id.
			office: OfficeId,
			/// Its kind.
			kind: OfficeKind,
			/// The jurisdiction it serves.
			jurisdiction: JurisdictionId,
			/// The regional head that registered it; `None` when governance did.
			registered_by: Option<T::AccountId>,
		},
		/// An office was suspended: its officers can do nothing until it is reopened.
		OfficeSuspended {
			/// Its id.
			office: OfficeId,
			/// The regional head that suspended it; `None` when governance did.
			suspended_by: Option<T::AccountId>,
		},
		/// A suspended office was reopened.
		OfficeReopened {
			/// Its id.
			office: OfficeId,
		},
		/// An office was closed for good.
		OfficeClosed {
			/// Its id.
			office: OfficeId,
		},
		/// An account was appointed officer.
		OfficerAppointed {
			/// The officer's account.
			officer: T::AccountId,
			/// Its office.
			office: OfficeId,
			/// Its role.
			role: Role,
		},
		/// An officer was dismissed; its key stops working in this block.
		OfficerDismissed {
			/// The officer's account.
			officer: T::AccountId,
			/// The office it served.
			office: OfficeId,
			/// The role it held.
			role: Role,
			/// The block from which its key is considered compromised, if it is.
			compromised_since: Option<BlockNumberFor<T>>,
		},
		/// A head appointed a registrar, with effect from a later block: until then the
		/// appointment may be vetoed.
		AppointmentPending {
			/// The registrar's account.
			officer: T::AccountId,
			/// Its office.
			office: OfficeId,
			/// The head that appointed it.
			appointed_by: T::AccountId,
			/// The block from which it holds the role.
			effective_at: BlockNumberFor<T>,
		},
		/// A pending appointment was vetoed; the account holds no role.
		AppointmentVetoed {
			/// The account.
			officer: T::AccountId,
			/// The office it was appointed to.
			office: OfficeId,
			/// The regional head that vetoed it; `None` when governance did.
			vetoed_by: Option<T::AccountId>,
		},
		/// Governance changed how long a head's appointments wait before taking effect.
		AppointmentDelaySet {
			/// The new delay, in blocks.
			delay: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No jurisdiction has this id.
		UnknownJurisdiction,
		/// Another jurisdiction already has this code.
		CodeTaken,
		/// A code must be 1 to `MaxCodeLength` characters of `A`–`Z`, `0`–`9` and `-`.
		InvalidCode,
		/// The code is longer than `MaxCodeLength`.
		CodeTooLong,
		/// The name is longer than `MaxNameLength` bytes.
		NameTooLong,
		/// A name must not be empty.
		EmptyName,
		/// The jurisdiction would be deeper than `MaxJurisdictionDepth`.
		TooDeep,
		/// The jurisdiction has sub-jurisdictions, offices or records and cannot be removed.
		JurisdictionInUse,
		/// No office has this id.
		UnknownOffice,
		/// The office is suspended or closed.
		OfficeNotActive,
		/// The office is not suspended.
		OfficeNotSuspended,
		/// The office is closed; closing is final.
		OfficeClosed,
		/// The office still has officers; dismiss them first.
		OfficeHasOfficers,
		/// The office already has a head.
		OfficeHasHead,
		/// The office has `MaxRegistrarsPerOffice` registrars already.
		TooManyRegistrars,
		/// The account is already an officer (of this or another office).
		AlreadyOfficer,
		/// The account is not an officer.
		NotOfficer,
		/// The officer is a head, not a registrar: governance dismisses heads.
		NotRegistrar,
		/// The officer belongs to another office than the caller's.
		NotYourOffice,
		/// The caller is a head, but not of a regional justice department.
		NotRegionalHead,
		/// The office or jurisdiction lies outside the caller's region.
		OutsideRegion,
		/// A regional head may not register or suspend a regional justice department.
		KindNotAllowed,
		/// `compromised_since` lies in the future.
		CompromisedInFuture,
		/// No longer returned (a dismissal no longer depends on the account's references); kept
		/// so that the errors after it keep their indices.
		AccountInUse,
		/// The account was dismissed with a compromised key: it can never serve again (a new
		/// key is a new account).
		KeyCompromised,
		/// The office's head has appointed `MaxAppointmentsPerDay` registrars today.
		TooManyAppointments,
		/// The appointment has already taken effect: dismiss the officer instead.
		AppointmentInEffect,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Jurisdictions as `(code, name, parent code)`, parents before their children.
		pub jurisdictions: Vec<(String, String, Option<String>)>,
		/// Offices as `(kind, jurisdiction code, name)`; they get ids 0, 1, ... in this order.
		pub offices: Vec<(OfficeKind, String, String)>,
		/// Officers as `(account, office id, role)`.
		pub officers: Vec<(T::AccountId, OfficeId, Role)>,
		/// Accounts that sign without an office role (the sudo key of a development chain,
		/// the council's members; see [`Config::SignedCalls`]); each gets a provider reference
		/// so that the nonce check admits it on this balance-less chain.
		pub privileged_signers: Vec<T::AccountId>,
		/// [`AppointmentDelay`]: blocks before a head's appointment takes effect.
		pub appointment_delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// A broken genesis must stop the chain from starting, with a message saying why.
		#[allow(clippy::panic)]
		fn build(&self) {
			if let Err((what, e)) = Pallet::<T>::build_genesis(self) {
				panic!("offices genesis: {what}: {e:?}");
			}
		}
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
		/// Create a jurisdiction: a country (no `parent`) or a node below `parent`.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Checks that the code is well-formed and unused,
		/// the name fits, the parent exists and the new node is at most `MaxJurisdictionDepth`
		/// deep. Emits [`Event::JurisdictionCreated`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_jurisdiction())]
		pub fn create_jurisdiction(
			origin: OriginFor<T>,
			code: Vec<u8>,
			name: Vec<u8>,
			parent: Option<JurisdictionId>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_create_jurisdiction(code, name, parent).map(|_| ())
		}

		/// Rename a jurisdiction.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Checks that the jurisdiction exists and the
		/// name fits. Emits [`Event::JurisdictionRenamed`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rename_jurisdiction())]
		pub fn rename_jurisdiction(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			name: Vec<u8>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_rename_jurisdiction(jurisdiction, name)
		}

		/// Remove a jurisdiction that nothing uses: no sub-jurisdiction, no office (of any
		/// status), no registry record.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::JurisdictionRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_jurisdiction())]
		pub fn remove_jurisdiction(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_jurisdiction(jurisdiction)
		}

		/// Register an office of `kind` serving `jurisdiction`, in status `Active`.
		///
		/// Origin: [`Config::GovernanceOrigin`], or the head of a regional justice department
		/// for an office inside its region (not another regional department). Emits
		/// [`Event::OfficeRegistered`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_office())]
		pub fn register_office(
			origin: OriginFor<T>,
			kind: OfficeKind,
			jurisdiction: JurisdictionId,
			name: Vec<u8>,
		) -> DispatchResult {
			let by = Self::ensure_governance_or_regional_head(origin, jurisdiction)?;
			Self::do_register_office(kind, jurisdiction, name, by).map(|_| ())
		}

		/// Suspend an active office: its officers can do nothing (their transactions are
		/// refused) until governance reopens it.
		///
		/// Origin: [`Config::GovernanceOrigin`], or the head of the regional justice department
		/// whose region contains the office (not a regional department itself). Emits
		/// [`Event::OfficeSuspended`].
		#[pallet::call_index(4)]
		#[pallet::weight((T::WeightInfo::suspend_office(), DispatchClass::Operational))]
		pub fn suspend_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			Self::do_suspend_office(origin, office)
		}

		/// Reopen a suspended office.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::OfficeReopened`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reopen_office())]
		pub fn reopen_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_reopen_office(office)
		}

		/// Close an office for good. Its officers must have been dismissed first, so that no
		/// key is left bound to a closed office.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::OfficeClosed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::close_office())]
		pub fn close_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_close_office(office)
		}

		/// Appoint `who` head of `office`.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Checks that the office exists, is not closed and
		/// has no head, and that `who` is not an officer already. The account gets a provider
		/// reference (and its nonce back if it served before). Emits
		/// [`Event::OfficerAppointed`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::appoint_head())]
		pub fn appoint_head(
			origin: OriginFor<T>,
			office: OfficeId,
			who: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_appoint(who, office, Role::Head)
		}

		/// Dismiss any officer, head or registrar, with effect in this block.
		///
		/// Origin: [`Config::GovernanceOrigin`]. `compromised_since`, if given, marks the block
		/// from which the key is considered compromised (not after the current block). Emits
		/// [`Event::OfficerDismissed`].
		#[pallet::call_index(8)]
		#[pallet::weight((
			T::WeightInfo::dismiss_officer().saturating_add(T::OnDismissed::max_weight()),
			DispatchClass::Operational
		))]
		pub fn dismiss_officer(
			origin: OriginFor<T>,
			who: T::AccountId,
			compromised_since: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_dismiss_officer(who, compromised_since)
		}

		/// Appoint `who` registrar of the caller's office, with effect [`AppointmentDelay`]
		/// blocks from now; until then the regional head or governance may veto it.
		///
		/// Origin: [`Config::HeadOrigin`] (the head of an active office). Checks that `who` is
		/// not an officer already, that the office has fewer than `MaxRegistrarsPerOffice`
		/// registrars and that its head has appointed fewer than `MaxAppointmentsPerDay` today.
		/// Records the appointment under the head ([`Appointments`], [`AppointedBy`]). Emits
		/// [`Event::OfficerAppointed`], and [`Event::AppointmentPending`] when it waits.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::appoint_registrar())]
		pub fn appoint_registrar(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let (head, office) = T::HeadOrigin::ensure_origin(origin)?;
			Self::do_appoint_registrar(head, office, who)
		}

		/// Dismiss a registrar of the caller's office, with effect in this block.
		///
		/// Origin: [`Config::HeadOrigin`]. Checks that `who` is a registrar of the caller's
		/// office and that `compromised_since` is not in the future. Emits
		/// [`Event::OfficerDismissed`].
		#[pallet::call_index(10)]
		#[pallet::weight((
			T::WeightInfo::dismiss_registrar().saturating_add(T::OnDismissed::max_weight()),
			DispatchClass::Operational
		))]
		pub fn dismiss_registrar(
			origin: OriginFor<T>,
			who: T::AccountId,
			compromised_since: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (_head, office) = T::HeadOrigin::ensure_origin(origin)?;
			Self::do_dismiss_registrar(office, who, compromised_since)
		}

		/// Nothing: an office system's check that its key signs, that the gate admits it and
		/// that its transactions are included, without registering anything; and the baseline
		/// of the load generator (`scripts/load`), a transaction of a chosen size that does no
		/// work. `payload` is padding: [`CheckRole`] admits only zero bytes, so a heartbeat
		/// carries no data into the chain's blocks, only its length. Nothing is written and no
		/// event is emitted.
		///
		/// Origin: an officer of an active office.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::heartbeat(payload.len() as u32))]
		pub fn heartbeat(
			origin: OriginFor<T>,
			payload: BoundedVec<u8, ConstU32<MAX_HEARTBEAT_PAYLOAD>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let _ = payload;
			ensure!(Self::active_officer(&who).is_some(), Error::<T>::NotOfficer);
			Ok(())
		}

		/// Veto a head's appointment of `who` before it takes effect: the account holds no
		/// role, as if dismissed (not as compromised: a vetoed account never signed).
		///
		/// Origin: [`Config::GovernanceOrigin`], or the head of the regional justice department
		/// whose region contains the office. Emits [`Event::AppointmentVetoed`] and
		/// [`Event::OfficerDismissed`].
		#[pallet::call_index(12)]
		#[pallet::weight((
			T::WeightInfo::veto_appointment().saturating_add(T::OnDismissed::max_weight()),
			DispatchClass::Operational
		))]
		pub fn veto_appointment(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			Self::do_veto_appointment(origin, who)
		}

		/// Set how many blocks a head's appointment of a registrar waits before it takes
		/// effect (appointments already made keep their date).
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::AppointmentDelaySet`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_appointment_delay())]
		pub fn set_appointment_delay(
			origin: OriginFor<T>,
			delay: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			AppointmentDelay::<T>::put(delay);
			Self::deposit_event(Event::AppointmentDelaySet { delay });
			Ok(())
		}
	}
}

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
pub mod migrations;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use extension::{AnyCall, CheckRole, Refusal, SignedCalls, BUDGET_SPENT};
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
		ActKind, Authorization, CompromisedKeys, JurisdictionId, JurisdictionTree, OfficeId,
		OfficeKind, OfficerPermissions, OnOfficerDismissed, PermissionError, Role,
	};
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{ArithmeticError, Saturating};

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
			let fail = |what: &str, e: DispatchError| -> ! {
				panic!("offices genesis: {what}: {e:?}");
			};
			for (code, name, parent) in &self.jurisdictions {
				let parent = parent.as_ref().map(|p| {
					Pallet::<T>::jurisdiction_by_code(p.as_bytes())
						.unwrap_or_else(|| fail(p, Error::<T>::UnknownJurisdiction.into()))
				});
				Pallet::<T>::do_create_jurisdiction(
					code.as_bytes().to_vec(),
					name.as_bytes().to_vec(),
					parent,
				)
				.unwrap_or_else(|e| fail(code, e));
			}
			for (kind, code, name) in &self.offices {
				let jurisdiction = Pallet::<T>::jurisdiction_by_code(code.as_bytes())
					.unwrap_or_else(|| fail(code, Error::<T>::UnknownJurisdiction.into()));
				Pallet::<T>::do_register_office(
					*kind,
					jurisdiction,
					name.as_bytes().to_vec(),
					None,
				)
				.unwrap_or_else(|e| fail(name, e));
			}
			for (who, office, role) in &self.officers {
				Pallet::<T>::do_appoint(who.clone(), *office, *role)
					.unwrap_or_else(|e| fail("officer", e));
			}
			for who in &self.privileged_signers {
				frame_system::Pallet::<T>::inc_providers(who);
			}
			AppointmentDelay::<T>::put(self.appointment_delay);
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
			let name = Self::bounded_name(name)?;
			Jurisdictions::<T>::try_mutate(jurisdiction, |j| {
				let j = j.as_mut().ok_or(Error::<T>::UnknownJurisdiction)?;
				j.name = name.clone();
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::JurisdictionRenamed { jurisdiction, name });
			Ok(())
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
			let j = Jurisdictions::<T>::get(jurisdiction).ok_or(Error::<T>::UnknownJurisdiction)?;
			ensure!(
				j.children == 0 && j.offices == 0 && !j.has_records,
				Error::<T>::JurisdictionInUse
			);
			if let Some(parent) = j.parent {
				Jurisdictions::<T>::mutate(parent, |p| {
					if let Some(p) = p {
						p.children = p.children.saturating_sub(1);
					}
				});
			}
			JurisdictionByCode::<T>::remove(&j.code);
			Jurisdictions::<T>::remove(jurisdiction);
			Self::deposit_event(Event::JurisdictionRemoved { jurisdiction });
			Ok(())
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
			if by.is_some() {
				ensure!(kind != OfficeKind::RegionalDepartment, Error::<T>::KindNotAllowed);
			}
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
			let mut o = Offices::<T>::get(office).ok_or(Error::<T>::UnknownOffice)?;
			let by = Self::ensure_governance_or_regional_head(origin, o.jurisdiction)?;
			if by.is_some() {
				ensure!(o.kind != OfficeKind::RegionalDepartment, Error::<T>::KindNotAllowed);
			}
			ensure!(o.status == OfficeStatus::Active, Error::<T>::OfficeNotActive);
			o.status = OfficeStatus::Suspended;
			Offices::<T>::insert(office, o);
			Self::deposit_event(Event::OfficeSuspended { office, suspended_by: by });
			Ok(())
		}

		/// Reopen a suspended office.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::OfficeReopened`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reopen_office())]
		pub fn reopen_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Offices::<T>::try_mutate(office, |o| {
				let o = o.as_mut().ok_or(Error::<T>::UnknownOffice)?;
				ensure!(o.status == OfficeStatus::Suspended, Error::<T>::OfficeNotSuspended);
				o.status = OfficeStatus::Active;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::OfficeReopened { office });
			Ok(())
		}

		/// Close an office for good. Its officers must have been dismissed first, so that no
		/// key is left bound to a closed office.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::OfficeClosed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::close_office())]
		pub fn close_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Offices::<T>::try_mutate(office, |o| {
				let o = o.as_mut().ok_or(Error::<T>::UnknownOffice)?;
				ensure!(o.status != OfficeStatus::Closed, Error::<T>::OfficeClosed);
				ensure!(o.head.is_none() && o.registrars == 0, Error::<T>::OfficeHasOfficers);
				o.status = OfficeStatus::Closed;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::OfficeClosed { office });
			Ok(())
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
			let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
			Self::do_dismiss(who, officer, compromised_since)
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
			let now = frame_system::Pallet::<T>::block_number();
			let day = now.checked_div(&T::SignerBudget::get().day_length).unwrap_or_default();
			AppointmentsToday::<T>::try_mutate(office, |(last, count)| {
				if *last != day {
					*last = day;
					*count = 0;
				}
				ensure!(*count < T::MaxAppointmentsPerDay::get(), Error::<T>::TooManyAppointments);
				*count = count.saturating_add(1);
				Ok::<_, DispatchError>(())
			})?;
			let effective_at = now.saturating_add(AppointmentDelay::<T>::get());
			Self::do_appoint_from(who.clone(), office, Role::Registrar, effective_at)?;
			Appointments::<T>::insert(&head, &who, effective_at);
			AppointedBy::<T>::insert(&who, (head.clone(), effective_at));
			if effective_at > now {
				Self::deposit_event(Event::AppointmentPending {
					officer: who,
					office,
					appointed_by: head,
					effective_at,
				});
			}
			Ok(())
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
			let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
			ensure!(officer.office == office, Error::<T>::NotYourOffice);
			ensure!(officer.role == Role::Registrar, Error::<T>::NotRegistrar);
			Self::do_dismiss(who, officer, compromised_since)
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
			let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
			let office = Offices::<T>::get(officer.office).ok_or(Error::<T>::UnknownOffice)?;
			let vetoed_by = Self::ensure_governance_or_regional_head(origin, office.jurisdiction)?;
			ensure!(
				officer.appointed_at > frame_system::Pallet::<T>::block_number(),
				Error::<T>::AppointmentInEffect
			);
			let office = officer.office;
			Self::do_dismiss(who.clone(), officer, None)?;
			Self::deposit_event(Event::AppointmentVetoed { officer: who, office, vetoed_by });
			Ok(())
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

	impl<T: Config> Pallet<T> {
		/// The jurisdiction with this code, if any.
		pub fn jurisdiction_by_code(code: &[u8]) -> Option<JurisdictionId> {
			let code: CodeOf<T> = code.to_vec().try_into().ok()?;
			JurisdictionByCode::<T>::get(code)
		}

		/// The officer record and office of `who`, if it is an officer of an active office
		/// whose appointment is in effect and was not made by a compromised key.
		pub fn active_officer(who: &T::AccountId) -> Option<(Officer<T>, Office<T>)> {
			let officer = Officers::<T>::get(who)?;
			if officer.appointed_at > frame_system::Pallet::<T>::block_number() {
				return None;
			}
			let office = Offices::<T>::get(officer.office)?;
			if office.status != OfficeStatus::Active || Self::tainted_since(who).is_some() {
				return None;
			}
			Some((officer, office))
		}

		/// The usage of `who`'s budget once a transaction of `len` bytes is in, behind `ahead`
		/// transactions of `who` not yet included (each counted at the longest a transaction
		/// may be), or [`Refusal::BudgetSpent`] if that would exceed [`Config::SignerBudget`].
		/// Only `who`'s own transactions spend its budget, in nonce order: a transaction this
		/// admits with `ahead` before it is admitted again, with `ahead` 0, when its turn comes
		/// in a block of the same day (or of a later one, with a fresh budget).
		pub fn check_budget(
			who: &T::AccountId,
			ahead: u32,
			len: usize,
		) -> Result<Usage<BlockNumberFor<T>>, Refusal> {
			let now = frame_system::Pallet::<T>::block_number();
			let len = u32::try_from(len).unwrap_or(u32::MAX);
			SignerUsage::<T>::get(who)
				.unwrap_or_default()
				.spend(now, ahead, len, &T::SignerBudget::get())
				.ok_or(Refusal::BudgetSpent)
		}

		/// If `who` was appointed by a head whose key was already compromised then, the block
		/// the appointment took effect: everything `who` did is suspect.
		pub fn tainted_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
			let (head, at) = AppointedBy::<T>::get(who)?;
			let since = Dismissals::<T>::get(&head)?.compromised_since?;
			(since <= at).then_some(at)
		}

		fn bounded_name(name: Vec<u8>) -> Result<NameOf<T>, DispatchError> {
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			Ok(name.try_into().map_err(|_| Error::<T>::NameTooLong)?)
		}

		fn bounded_code(code: Vec<u8>) -> Result<CodeOf<T>, DispatchError> {
			ensure!(
				!code.is_empty()
					&& code
						.iter()
						.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-'),
				Error::<T>::InvalidCode
			);
			Ok(code.try_into().map_err(|_| Error::<T>::CodeTooLong)?)
		}

		/// Whether `inner` is `outer` or below it. Walks up at most `MaxJurisdictionDepth`
		/// parents.
		pub fn is_within(outer: JurisdictionId, inner: JurisdictionId) -> bool {
			let mut current = Some(inner);
			for _ in 0..=T::MaxJurisdictionDepth::get() {
				match current {
					Some(j) if j == outer => return true,
					Some(j) => current = Jurisdictions::<T>::get(j).and_then(|j| j.parent),
					None => return false,
				}
			}
			false
		}

		/// Governance passes as `None`; a regional head whose region contains `jurisdiction`
		/// passes as `Some(head)`; anything else fails.
		fn ensure_governance_or_regional_head(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
		) -> Result<Option<T::AccountId>, DispatchError> {
			let origin = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => return Ok(None),
				Err(origin) => origin,
			};
			let (head, office) = T::HeadOrigin::ensure_origin(origin)?;
			let office = Offices::<T>::get(office).ok_or(Error::<T>::UnknownOffice)?;
			ensure!(office.kind == OfficeKind::RegionalDepartment, Error::<T>::NotRegionalHead);
			ensure!(Self::is_within(office.jurisdiction, jurisdiction), Error::<T>::OutsideRegion);
			Ok(Some(head))
		}

		pub(crate) fn do_create_jurisdiction(
			code: Vec<u8>,
			name: Vec<u8>,
			parent: Option<JurisdictionId>,
		) -> Result<JurisdictionId, DispatchError> {
			let code = Self::bounded_code(code)?;
			let name = Self::bounded_name(name)?;
			ensure!(!JurisdictionByCode::<T>::contains_key(&code), Error::<T>::CodeTaken);
			let (depth, parent_record) = match parent {
				Some(p) => {
					let mut record =
						Jurisdictions::<T>::get(p).ok_or(Error::<T>::UnknownJurisdiction)?;
					let depth = record.depth.checked_add(1).ok_or(Error::<T>::TooDeep)?;
					ensure!(
						u32::from(depth) <= T::MaxJurisdictionDepth::get(),
						Error::<T>::TooDeep
					);
					record.children =
						record.children.checked_add(1).ok_or(ArithmeticError::Overflow)?;
					(depth, Some((p, record)))
				},
				None => (0, None),
			};
			let id = NextJurisdictionId::<T>::get();
			let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

			if let Some((p, record)) = parent_record {
				Jurisdictions::<T>::insert(p, record);
			}
			NextJurisdictionId::<T>::put(next);
			JurisdictionByCode::<T>::insert(&code, id);
			Jurisdictions::<T>::insert(
				id,
				Jurisdiction {
					code: code.clone(),
					name,
					parent,
					depth,
					children: 0,
					offices: 0,
					has_records: false,
				},
			);
			Self::deposit_event(Event::JurisdictionCreated { jurisdiction: id, code, parent });
			Ok(id)
		}

		pub(crate) fn do_register_office(
			kind: OfficeKind,
			jurisdiction: JurisdictionId,
			name: Vec<u8>,
			registered_by: Option<T::AccountId>,
		) -> Result<OfficeId, DispatchError> {
			let name = Self::bounded_name(name)?;
			let mut j =
				Jurisdictions::<T>::get(jurisdiction).ok_or(Error::<T>::UnknownJurisdiction)?;
			j.offices = j.offices.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let id = NextOfficeId::<T>::get();
			let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

			Jurisdictions::<T>::insert(jurisdiction, j);
			NextOfficeId::<T>::put(next);
			Offices::<T>::insert(
				id,
				Office {
					kind,
					jurisdiction,
					name,
					status: OfficeStatus::Active,
					head: None,
					registrars: 0,
				},
			);
			Self::deposit_event(Event::OfficeRegistered {
				office: id,
				kind,
				jurisdiction,
				registered_by,
			});
			Ok(id)
		}

		pub(crate) fn do_appoint(
			who: T::AccountId,
			office_id: OfficeId,
			role: Role,
		) -> DispatchResult {
			Self::do_appoint_from(who, office_id, role, frame_system::Pallet::<T>::block_number())
		}

		/// Appoint `who` with effect from block `effective_at`.
		pub(crate) fn do_appoint_from(
			who: T::AccountId,
			office_id: OfficeId,
			role: Role,
			effective_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let mut office = Offices::<T>::get(office_id).ok_or(Error::<T>::UnknownOffice)?;
			ensure!(!Officers::<T>::contains_key(&who), Error::<T>::AlreadyOfficer);
			let dismissal = Dismissals::<T>::get(&who);
			ensure!(
				dismissal.as_ref().is_none_or(|d| d.compromised_since.is_none()),
				Error::<T>::KeyCompromised
			);
			match role {
				Role::Head => {
					ensure!(office.status != OfficeStatus::Closed, Error::<T>::OfficeClosed);
					ensure!(office.head.is_none(), Error::<T>::OfficeHasHead);
					office.head = Some(who.clone());
				},
				Role::Registrar => {
					ensure!(office.status == OfficeStatus::Active, Error::<T>::OfficeNotActive);
					ensure!(
						office.registrars < T::MaxRegistrarsPerOffice::get(),
						Error::<T>::TooManyRegistrars
					);
					office.registrars =
						office.registrars.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				},
			}

			Offices::<T>::insert(office_id, office);
			Officers::<T>::insert(
				&who,
				Officer { office: office_id, role, appointed_at: effective_at },
			);
			frame_system::Pallet::<T>::inc_providers(&who);
			// An account that served before was reaped at its dismissal: give it its nonce
			// back so that none of its old transactions becomes valid again.
			if let Some(dismissal) = dismissal {
				frame_system::Account::<T>::mutate(&who, |account| {
					if account.nonce < dismissal.nonce {
						account.nonce = dismissal.nonce;
					}
				});
			}
			Self::deposit_event(Event::OfficerAppointed { officer: who, office: office_id, role });
			Ok(())
		}

		pub(crate) fn do_dismiss(
			who: T::AccountId,
			officer: Officer<T>,
			compromised_since: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(since) = compromised_since {
				ensure!(since <= now, Error::<T>::CompromisedInFuture);
			}
			let mut office = Offices::<T>::get(officer.office).ok_or(Error::<T>::UnknownOffice)?;
			match officer.role {
				Role::Head => office.head = None,
				Role::Registrar => office.registrars = office.registrars.saturating_sub(1),
			}

			Offices::<T>::insert(officer.office, office);
			Officers::<T>::remove(&who);
			// The usage stays: appointed again, the key finds its day's budget as spent.
			let _ = T::OnDismissed::on_dismissed(&who);
			Dismissals::<T>::insert(
				&who,
				Dismissal {
					office: officer.office,
					role: officer.role,
					dismissed_at: now,
					compromised_since,
					nonce: frame_system::Pallet::<T>::account_nonce(&who),
				},
			);
			// The role's provider reference goes with it, unless other pallets still depend on
			// the account (it then keeps the reference, and signs nothing without a role): a
			// dismissal never fails on the account's references.
			if frame_system::Pallet::<T>::can_dec_provider(&who) {
				let _ = frame_system::Pallet::<T>::dec_providers(&who);
			}
			Self::deposit_event(Event::OfficerDismissed {
				officer: who,
				office: officer.office,
				role: officer.role,
				compromised_since,
			});
			Ok(())
		}

		/// For other pallets' benchmarks: a fresh chain of jurisdictions down to the deepest
		/// level, a district registry office at its top (it registers every kind of act), a
		/// head and a registrar there. Returns `(head, registrar, deepest jurisdiction)`: acts in
		/// the deepest jurisdiction take the longest permission check. `index` keeps several
		/// calls apart.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_office(index: u32) -> (T::AccountId, T::AccountId, JurisdictionId) {
			use alloc::format;
			let mut parent = None;
			let mut top = None;
			for level in 0..=T::MaxJurisdictionDepth::get() {
				let code = format!("Q{index}-{level}").into_bytes();
				let id = Self::do_create_jurisdiction(code, b"benchmark".to_vec(), parent)
					.unwrap_or_default();
				top.get_or_insert(id);
				parent = Some(id);
			}
			let office = Self::do_register_office(
				OfficeKind::DistrictRegistry,
				top.unwrap_or_default(),
				b"benchmark office".to_vec(),
				None,
			)
			.unwrap_or_default();
			let head: T::AccountId = frame_benchmarking::account("head", index, 0);
			let registrar: T::AccountId = frame_benchmarking::account("registrar", index, 0);
			let _ = Self::do_appoint(head.clone(), office, Role::Head);
			let _ = Self::do_appoint(registrar.clone(), office, Role::Registrar);
			(head, registrar, parent.unwrap_or_default())
		}

		/// For other pallets' benchmarks: dismiss the head and the registrar of the office
		/// [`Self::benchmark_office`] created with the same `index`, and close it.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_close_office(index: u32) {
			for name in ["head", "registrar"] {
				let who: T::AccountId = frame_benchmarking::account(name, index, 0);
				if let Some(officer) = Officers::<T>::get(&who) {
					let office = officer.office;
					let _ = Self::do_dismiss(who, officer, None);
					Offices::<T>::mutate(office, |o| {
						if let Some(o) = o {
							if o.head.is_none() && o.registrars == 0 {
								o.status = OfficeStatus::Closed;
							}
						}
					});
				}
			}
		}

		/// For other pallets' benchmarks: record `who`'s key as compromised since block 0.
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_compromise(who: &T::AccountId) {
			Dismissals::<T>::insert(
				who,
				Dismissal {
					office: 0,
					role: Role::Registrar,
					dismissed_at: frame_system::Pallet::<T>::block_number(),
					compromised_since: Some(Default::default()),
					nonce: Default::default(),
				},
			);
		}

		/// For other pallets' benchmarks: the head of a regional department over everything
		/// [`Self::benchmark_office`] with the same `index` created (call that first).
		#[cfg(feature = "runtime-benchmarks")]
		pub fn benchmark_regional_head(index: u32) -> T::AccountId {
			use alloc::format;
			let code: CodeOf<T> = format!("Q{index}-0").into_bytes().try_into().unwrap_or_default();
			let top = JurisdictionByCode::<T>::get(&code).unwrap_or_default();
			let office = Self::do_register_office(
				OfficeKind::RegionalDepartment,
				top,
				b"benchmark department".to_vec(),
				None,
			)
			.unwrap_or_default();
			let head: T::AccountId = frame_benchmarking::account("regional", index, 0);
			let _ = Self::do_appoint(head.clone(), office, Role::Head);
			head
		}

		/// The invariants of the pallet's storage.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut children: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
			let mut offices: BTreeMap<JurisdictionId, u32> = BTreeMap::new();
			for (id, j) in Jurisdictions::<T>::iter() {
				ensure!(
					JurisdictionByCode::<T>::get(&j.code) == Some(id),
					"a jurisdiction's code does not point back to it"
				);
				ensure!(id < NextJurisdictionId::<T>::get(), "a jurisdiction id is not yet issued");
				match j.parent {
					Some(p) => {
						let parent = Jurisdictions::<T>::get(p)
							.ok_or("a jurisdiction's parent does not exist")?;
						ensure!(
							parent.depth.checked_add(1) == Some(j.depth),
							"a jurisdiction's depth is not its parent's plus one"
						);
						let c = children.entry(p).or_default();
						*c = c.saturating_add(1);
					},
					None => ensure!(j.depth == 0, "a root jurisdiction has a depth"),
				}
				ensure!(
					u32::from(j.depth) <= T::MaxJurisdictionDepth::get(),
					"a jurisdiction is too deep"
				);
			}
			ensure!(
				JurisdictionByCode::<T>::iter().count() == Jurisdictions::<T>::iter().count(),
				"the code index and the jurisdictions differ"
			);

			let mut registrars: BTreeMap<OfficeId, u32> = BTreeMap::new();
			for (account, officer) in Officers::<T>::iter() {
				let office = Offices::<T>::get(officer.office)
					.ok_or("an officer's office does not exist")?;
				ensure!(office.status != OfficeStatus::Closed, "an officer serves a closed office");
				match officer.role {
					Role::Head => ensure!(
						office.head.as_ref() == Some(&account),
						"a head is not its office's head"
					),
					Role::Registrar => {
						let r = registrars.entry(officer.office).or_default();
						*r = r.saturating_add(1);
					},
				}
				ensure!(
					frame_system::Pallet::<T>::providers(&account) > 0,
					"an officer has no provider reference"
				);
			}
			for (id, office) in Offices::<T>::iter() {
				ensure!(id < NextOfficeId::<T>::get(), "an office id is not yet issued");
				ensure!(
					Jurisdictions::<T>::contains_key(office.jurisdiction),
					"an office's jurisdiction does not exist"
				);
				let o = offices.entry(office.jurisdiction).or_default();
				*o = o.saturating_add(1);
				if let Some(head) = &office.head {
					let officer =
						Officers::<T>::get(head).ok_or("an office's head is no officer")?;
					ensure!(
						officer.office == id && officer.role == Role::Head,
						"an office's head is registered elsewhere or as a registrar"
					);
				}
				ensure!(
					registrars.get(&id).copied().unwrap_or_default() == office.registrars,
					"an office's registrar count is wrong"
				);
				ensure!(
					office.registrars <= T::MaxRegistrarsPerOffice::get(),
					"an office has too many registrars"
				);
			}
			for (id, j) in Jurisdictions::<T>::iter() {
				ensure!(
					children.get(&id).copied().unwrap_or_default() == j.children,
					"a jurisdiction's child count is wrong"
				);
				ensure!(
					offices.get(&id).copied().unwrap_or_default() == j.offices,
					"a jurisdiction's office count is wrong"
				);
			}
			Ok(())
		}
	}

	impl<T: Config> CompromisedKeys<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
		/// Its own compromise, or else the effect of its appointment by a head whose key was
		/// already compromised.
		fn compromised_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
			Dismissals::<T>::get(who)
				.and_then(|d| d.compromised_since)
				.or_else(|| Self::tainted_since(who))
		}
	}

	impl<T: Config> OfficerPermissions<T::AccountId> for Pallet<T> {
		fn authorize(
			who: &T::AccountId,
			kind: ActKind,
			jurisdiction: JurisdictionId,
			min_role: Role,
		) -> Result<Authorization, PermissionError> {
			let officer = Officers::<T>::get(who).ok_or(PermissionError::NotOfficer)?;
			if officer.appointed_at > frame_system::Pallet::<T>::block_number()
				|| Self::tainted_since(who).is_some()
			{
				return Err(PermissionError::NotOfficer);
			}
			let office = Offices::<T>::get(officer.office).ok_or(PermissionError::NotOfficer)?;
			if office.status != OfficeStatus::Active {
				return Err(PermissionError::OfficeNotActive);
			}
			if !office.kind.may_register(kind) {
				return Err(PermissionError::ActKindNotAllowed);
			}
			if !Jurisdictions::<T>::contains_key(jurisdiction) {
				return Err(PermissionError::UnknownJurisdiction);
			}
			if !Self::is_within(office.jurisdiction, jurisdiction) {
				return Err(PermissionError::OutsideJurisdiction);
			}
			if officer.role < min_role {
				return Err(PermissionError::RoleTooLow);
			}
			Ok(Authorization {
				office: officer.office,
				office_kind: office.kind,
				office_jurisdiction: office.jurisdiction,
				role: officer.role,
			})
		}

		fn officer(who: &T::AccountId) -> Option<Authorization> {
			Self::active_officer(who).map(|(officer, office)| Authorization {
				office: officer.office,
				office_kind: office.kind,
				office_jurisdiction: office.jurisdiction,
				role: officer.role,
			})
		}

		fn appointed_recently(approver: &T::AccountId, officer: &T::AccountId) -> bool {
			Appointments::<T>::get(approver, officer).is_some_and(|at| {
				frame_system::Pallet::<T>::block_number()
					< at.saturating_add(T::AppointeeCooling::get())
			})
		}

		fn is_successor_of_closed(who: &T::AccountId, office: OfficeId) -> bool {
			let Some((_, own)) = Self::active_officer(who) else { return false };
			own.kind == OfficeKind::RegionalDepartment
				&& Offices::<T>::get(office).is_some_and(|target| {
					target.status == OfficeStatus::Closed
						&& Self::is_within(own.jurisdiction, target.jurisdiction)
				})
		}

		fn is_supervising_head(who: &T::AccountId, office: OfficeId) -> bool {
			let Some((officer, own)) = Self::active_officer(who) else { return false };
			if officer.role != Role::Head {
				return false;
			}
			if officer.office == office {
				return true;
			}
			own.kind == OfficeKind::RegionalDepartment
				&& Offices::<T>::get(office)
					.is_some_and(|target| Self::is_within(own.jurisdiction, target.jurisdiction))
		}
	}

	impl<T: Config> JurisdictionTree for Pallet<T> {
		fn exists(jurisdiction: JurisdictionId) -> bool {
			Jurisdictions::<T>::contains_key(jurisdiction)
		}

		fn contains(outer: JurisdictionId, inner: JurisdictionId) -> bool {
			Jurisdictions::<T>::contains_key(inner) && Self::is_within(outer, inner)
		}

		fn parent(jurisdiction: JurisdictionId) -> Option<JurisdictionId> {
			Jurisdictions::<T>::get(jurisdiction).and_then(|j| j.parent)
		}

		fn lineage(jurisdiction: JurisdictionId) -> Vec<JurisdictionId> {
			let mut lineage = Vec::new();
			let mut current = Jurisdictions::<T>::get(jurisdiction).map(|j| (jurisdiction, j));
			// A jurisdiction is at most `MaxJurisdictionDepth` below its root, and a parent is
			// fixed at creation, so the walk ends; the bound only makes that visible.
			for _ in 0..=T::MaxJurisdictionDepth::get() {
				let Some((id, j)) = current else { break };
				lineage.push(id);
				current = j.parent.and_then(|p| Jurisdictions::<T>::get(p).map(|j| (p, j)));
			}
			lineage
		}

		fn down_to(max_depth: u8) -> Vec<(JurisdictionId, Option<JurisdictionId>)> {
			let mut rows: Vec<_> = Jurisdictions::<T>::iter()
				.filter(|(_, j)| j.depth <= max_depth)
				.map(|(id, j)| (id, j.parent))
				.collect();
			rows.sort_unstable_by_key(|(id, _)| *id);
			rows
		}

		fn note_record(jurisdiction: JurisdictionId) {
			Jurisdictions::<T>::mutate(jurisdiction, |j| {
				if let Some(j) = j {
					j.has_records = true;
				}
			});
		}
	}

	/// [`Config::HeadOrigin`] for the runtime: a signed origin whose account is the head of an
	/// active office. `Success` is `(head, office)`.
	pub struct EnsureOfficeHead<T>(core::marker::PhantomData<T>);

	impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureOfficeHead<T> {
		type Success = (T::AccountId, OfficeId);

		fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
			let who = match o.clone().into() {
				Ok(frame_system::RawOrigin::Signed(who)) => who,
				_ => return Err(o),
			};
			match Self::head_office(&who) {
				Some(office) => Ok((who, office)),
				None => Err(o),
			}
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
			// A head needs an office and a jurisdiction in storage; benchmarks create them
			// explicitly, so there is no generic successful origin.
			Err(())
		}
	}

	impl<T: Config> EnsureOfficeHead<T> {
		fn head_office(who: &T::AccountId) -> Option<OfficeId> {
			let (officer, _) = Pallet::<T>::active_officer(who)?;
			(officer.role == Role::Head).then_some(officer.office)
		}
	}
}

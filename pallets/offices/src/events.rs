//! The pallet's events and errors: what explorers decode, and what a refused call says. A
//! pallet section, pasted into the pallet module by `#[import_section]` (`lib.rs`), so that the
//! module keeps to its declarations and calls.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod events {
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
		/// A regional head may not register or suspend a regional justice department, nor
		/// register a subscriber to the feed, nor appoint the head of an office other than a
		/// health facility.
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
}

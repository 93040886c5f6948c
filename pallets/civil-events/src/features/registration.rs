//! Registration of an act, the same for every kind: the signer's permission, the date, the
//! kind's rule (`acts/`), then the act is stored — pending, if it is late, or in effect, with
//! its effects on persons. Also the re-check of acts in effect that amendments trigger.

use crate::{
	acts::{ActRules, Occasion},
	*,
};
use civil_registry_primitives::{
	ActId, Date, JurisdictionId, JurisdictionTree, OfficerPermissions, PermissionError, PersonId,
	Role,
};
use frame_support::{ensure, pallet_prelude::*, traits::UnixTime};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// Today's date by the chain's clock, in the country's time zone ([`Config::Law`]): in
	/// Tashkent (UTC+5) a new day starts at 19:00 UTC.
	pub fn today() -> Result<Date, DispatchError> {
		let millis = u64::try_from(T::Time::now().as_millis()).unwrap_or(u64::MAX);
		ensure!(millis > 0, Error::<T>::ClockUnavailable);
		let offset = i64::from(T::Law::get().utc_offset_minutes).saturating_mul(60_000);
		let local = i64::try_from(millis).unwrap_or(i64::MAX).saturating_add(offset);
		let local = u64::try_from(local).map_err(|_| Error::<T>::ClockUnavailable)?;
		Ok(Date::from_unix_millis(local).ok_or(Error::<T>::ClockUnavailable)?)
	}

	/// Check the signer, the date, the rules of kind `R` for `request` and the `surnames`
	/// chosen with it; then store the act, pending or in effect, and list it in the officer's
	/// index. `source`: what the UN's tabulations count it as (`features/statistics.rs`).
	pub(crate) fn register<R: ActRules<T>>(
		who: T::AccountId,
		jurisdiction: JurisdictionId,
		date: Date,
		request: R::Request,
		surnames: &[SurnameChoice],
		document_hash: H256,
		source: Source,
	) -> Result<ActId, DispatchError> {
		let officer = who.clone();
		let id = Self::register_act::<R>(
			who,
			jurisdiction,
			date,
			request,
			surnames,
			document_hash,
			source,
		)?;
		ActsByOfficer::<T>::insert(officer, id, 1);
		Ok(id)
	}

	/// [`Self::register`] without the officer's index, which the caller writes (one run for
	/// a whole archive import). Returns the new act's id, the next in sequence; on error
	/// nothing is written, not even the id taken.
	pub(crate) fn register_act<R: ActRules<T>>(
		who: T::AccountId,
		jurisdiction: JurisdictionId,
		date: Date,
		request: R::Request,
		surnames: &[SurnameChoice],
		document_hash: H256,
		source: Source,
	) -> Result<ActId, DispatchError> {
		let kind = R::permission(&request);
		let mut rule = R::dates(&request);
		let auth = match T::Permissions::authorize(&who, kind, jurisdiction, Role::Registrar) {
			// Outside the office's jurisdiction, for a kind that may be registered abroad: a
			// place in another country than the office's is the office's to answer for, in its
			// own jurisdiction, under the kind's row for abroad. Looked up only then: the
			// common case (the place inside the office's) reads nothing more.
			Err(PermissionError::OutsideJurisdiction) => {
				let abroad = R::abroad(&request).and_then(|abroad| {
					let office = T::Permissions::officer(&who)?.office_jurisdiction;
					Self::in_other_country(jurisdiction, office).then_some((office, abroad))
				});
				let (office, abroad) = abroad.ok_or(Error::<T>::OutsideJurisdiction)?;
				rule = abroad;
				T::Permissions::authorize(&who, kind, office, Role::Registrar)
			},
			other => other,
		}
		.map_err(Error::<T>::from)?;
		let today = Self::today()?;
		Self::ensure_date_rule(rule, &date, &today, R::not_today())?;
		let late = match R::deadline(&date) {
			Some(deadline) => today > deadline,
			None => false,
		};
		let id = NextActId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let details = R::check(&Occasion { id, jurisdiction, date }, request)?;
		let mut act = Act {
			office: auth.office,
			officer: who,
			jurisdiction,
			event_date: date,
			registered_at: frame_system::Pallet::<T>::block_number(),
			document_hash,
			version: 1,
			status: ActStatus::Registered,
			late,
			sealed: false,
			details: R::wrap(details),
		};
		Self::ensure_room(&act)?;
		let surnames = Self::surname_changes(&act, surnames)?;
		let approval = if late {
			Some(Event::LateRegistrationPending { act: id, kind: act.kind(), office: auth.office })
		} else {
			act.approval(id)
		};

		let facts = match source {
			Source::Office { residence } => Some(Self::facts_of(&act, today, residence)?),
			Source::Archive => None,
		};

		NextActId::<T>::put(next);
		T::Jurisdictions::note_record(jurisdiction);
		if let Some(facts) = facts {
			if let Some(residence) = facts.residence {
				T::Jurisdictions::note_record(residence);
			}
			FactsOf::<T>::insert(id, facts);
		}
		if !surnames.is_empty() {
			Surnames::<T>::insert(id, surnames);
		}
		if let Some(event) = approval {
			act.status = ActStatus::Pending;
			Self::queue_pending(id, &act)?;
			if let Some(identity_key) = act.details.identity_key() {
				PendingIdentities::<T>::insert(identity_key, id);
			}
			Self::deposit_event(event);
			Acts::<T>::insert(id, act);
		} else {
			Self::commit(id, act)?;
		}
		Ok(id)
	}

	/// Room in the per-person index of each person `act` names (a birth's or an enrollment's
	/// person does not exist yet: theirs are the parents).
	pub(crate) fn ensure_room(act: &Act<T>) -> DispatchResult {
		for subject in act.details.indexed_subjects() {
			ensure!(
				(ActsOf::<T>::decode_len(subject).unwrap_or(0) as u32) < T::MaxActsPerPerson::get(),
				Error::<T>::TooManyActs
			);
		}
		Ok(())
	}

	/// Make act `id`, checked, take effect and store it.
	pub(crate) fn commit(id: ActId, mut act: Act<T>) -> DispatchResult {
		act.status = ActStatus::Registered;
		let event = act.apply(id)?;
		Self::give_surnames(id)?;
		// The person a birth or an enrollment created names it in their record instead.
		for subject in act.details.indexed_subjects() {
			ActsOf::<T>::try_append(subject, id).map_err(|_| Error::<T>::TooManyActs)?;
		}
		Self::count(id, &act, true);
		Acts::<T>::insert(id, &act);
		act.check_stored()?;
		Self::deposit_event(event);
		Ok(())
	}

	/// Check every act in effect of `person` against the law as the records stand now.
	/// Returns the number of acts checked.
	pub(crate) fn check_person(person: PersonId) -> Result<u32, DispatchError> {
		let mut checked = 0u32;
		for id in Self::acts_of_person(person) {
			checked = checked.saturating_add(1);
			if let Some(act) = Acts::<T>::get(id).filter(|a| a.status == ActStatus::Registered) {
				Self::check_act(&act)?;
			}
		}
		Ok(checked)
	}

	/// The law rules of an act in effect, checked as the records stand now: its date is not
	/// in the future, and its kind's re-check (`ActRules::recheck`).
	pub(crate) fn check_act(act: &Act<T>) -> DispatchResult {
		ensure!(act.event_date <= Self::today()?, Error::<T>::DateInFuture);
		act.recheck()
	}
}

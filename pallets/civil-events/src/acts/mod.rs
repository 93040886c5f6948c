//! The law of each kind of act, one module per kind: what the chain checks before it registers
//! the act, what it changes, what it checks again when a related record is corrected, and
//! how it is undone when the act is revoked. Each module's documentation states its rule in
//! words, citing the Family Code of Uzbekistan where an article applies.
//!
//! Each kind's rules ([`ActRules`]) work on the kind's own types: the request its call builds
//! (`Request`) and the details the act keeps (`Details`, a variant of [`ActDetails`]). The
//! registration rule takes the request and returns the finished details; nothing is
//! half-built and filled in later. The pallet reaches a stored act's rules through the
//! functions at the end of this module, the one place that matches on the kind of act;
//! everything else (registration, late registration, amendments, revocations) is the same
//! for every kind and lives in `features/`. Writes to persons are intents of
//! [`PersonRegistry`] (`create`, `marry`, `record_death`, `move_parent_links`, ...): the
//! persons pallet keeps its own invariants.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, Date, JurisdictionId, JurisdictionTree, NewPerson, OfficerPermissions,
	PersonId, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

mod adoption;
mod birth;
mod death;
mod divorce;
mod enrollment;
mod kinship;
mod marriage;
mod name_change;
mod paternity;

pub(crate) use adoption::{Adoption, AdoptionRequest};
pub(crate) use birth::Birth;
pub(crate) use death::Death;
pub(crate) use divorce::{Divorce, DivorceRequest};
pub(crate) use enrollment::Enrollment;
pub(crate) use marriage::Marriage;
pub(crate) use name_change::{NameChange, NameChangeRequest};
pub(crate) use paternity::{Paternity, PaternityRequest};

/// Where and when an act is registered, for its kind's registration rule.
pub(crate) struct Occasion {
	/// The id the act gets.
	pub(crate) id: ActId,
	/// The jurisdiction it is registered in.
	pub(crate) jurisdiction: JurisdictionId,
	/// The date of the event.
	pub(crate) date: Date,
}

impl<T: Config> From<(ActId, &Act<T>)> for Occasion {
	fn from((id, act): (ActId, &Act<T>)) -> Self {
		Occasion { id, jurisdiction: act.jurisdiction, date: act.event_date }
	}
}

/// What the pallet asks of each kind of act. The implementing types are the unit structs of
/// the modules of `acts/` ([`Birth`], [`Marriage`], ...). `act` is the act as stored (its
/// office, date, place, status); `details` are its details, of this kind.
pub(crate) trait ActRules<T: Config> {
	/// What a call asks for.
	type Request;
	/// What the act keeps: the content of its [`ActDetails`] variant.
	type Details: Clone;

	/// The act's details as [`ActDetails`].
	fn wrap(details: Self::Details) -> ActDetails;

	/// The details of this kind in `details`, if they are of this kind.
	fn of(details: &ActDetails) -> Option<&Self::Details>;

	/// The request a stored act was made from: a pending act is checked again from it when it
	/// is approved.
	fn request(details: &Self::Details) -> Self::Request;

	/// The last day on which an event of this kind on `date` is registered in time; after it
	/// the act waits for a head's approval (late registration). `None`: no deadline.
	fn deadline(_date: &Date) -> Option<Date> {
		None
	}

	/// The kind of act an officer must be allowed to register to register this one (an
	/// archive marriage is an enrollment's work).
	fn permission(request: &Self::Request) -> ActKind;

	/// Which dates an act asked for by `request` may bear: this kind's row of the date table
	/// (see [`DateRule`]), enforced at registration and on every correction of the date.
	fn dates(request: &Self::Request) -> DateRule;

	/// The row of the date table when the act's place lies in another country than the
	/// registering office's (a person born abroad): `None` when this kind is never registered
	/// with a place abroad (the office's jurisdiction must cover the place,
	/// `OutsideJurisdiction`). A kind that may be is registered there by an office allowed to
	/// register it in its own jurisdiction ([`Pallet::seat`]).
	fn abroad(_request: &Self::Request) -> Option<DateRule> {
		None
	}

	/// The error refusing a date other than today under [`DateRule::RegistrationDay`].
	fn not_today() -> Error<T> {
		Error::<T>::NotDatedToday
	}

	/// The registration rule: check `request` against the records as they stand, and return
	/// the act's details, completed with what the chain itself knows (the spouses of the
	/// marriage a divorce ends, the parents an adoption replaces). Writes nothing. Also run
	/// again when a late registration is approved.
	fn check(at: &Occasion, request: Self::Request) -> Result<Self::Details, DispatchError>;

	/// For a checked act `id` registered in time: the event announcing that it waits for a
	/// head's approval all the same (a marriage under an exemption), or `None` when it takes
	/// effect at once.
	fn approval(_id: ActId, _act: &Act<T>, _details: &Self::Details) -> Option<Event<T>> {
		None
	}

	/// Make the checked act `id` take effect on the persons it concerns; returns its details
	/// as they are then (a birth's child created) and the event that announces it. The act
	/// is stored after this, by the caller.
	fn apply(
		id: ActId,
		act: &Act<T>,
		details: Self::Details,
	) -> Result<(Self::Details, Event<T>), DispatchError>;

	/// Whether `person` may choose a surname with this act (`features/surnames.rs`): the
	/// spouses of a marriage or a divorce, an adopted child. None by default.
	fn takes_surname(_details: &Self::Details, _person: PersonId) -> bool {
		false
	}

	/// Rules checked once the act is stored, against the rest of the persons' lives.
	fn check_stored(_act: &Act<T>, _details: &Self::Details) -> DispatchResult {
		Ok(())
	}

	/// The rules of an act in effect that depend on other records (dates of birth and death,
	/// sex, the acts it refers to), checked as the records stand now: the registration rule
	/// minus what was true only at that moment (who was married, who had a father).
	fn recheck(act: &Act<T>, details: &Self::Details) -> DispatchResult;

	/// Apply the person-level fields of a correction (sex, data root, parents) to the act's
	/// details; refuse those the kind does not have.
	fn correct(_details: &mut Self::Details, correction: &Correction) -> DispatchResult {
		ensure!(
			correction.sex.is_none()
				&& correction.data_root.is_none()
				&& correction.parents.is_none(),
			Error::<T>::CorrectionNotApplicable
		);
		Ok(())
	}

	/// Carry an approved correction of act `id` (whose details were `previous`) over to the
	/// persons.
	fn carry_over(
		_id: ActId,
		_previous: &Self::Details,
		_act: &Act<T>,
		_details: &Self::Details,
	) -> DispatchResult {
		Ok(())
	}

	/// After a correction of act `id` is stored: check again every act it can affect. Returns
	/// the number of acts checked.
	fn recheck_amended(
		_id: ActId,
		act: &Act<T>,
		_details: &Self::Details,
	) -> Result<u32, DispatchError> {
		Pallet::<T>::check_act(act)?;
		Ok(1)
	}

	/// Undo the effects of act `id` on persons, the act being already marked revoked.
	/// Refused with [`Error::RevocationConflict`] when a later act changed the same record.
	fn undo(id: ActId, act: &Act<T>, details: &Self::Details) -> Result<Undone, DispatchError>;
}

/// Which dates an act may bear: the date table. Each kind states its row in its `dates`
/// ([`ActRules::dates`]), with the article it rests on; the pallet enforces it when the act is
/// registered ([`Pallet::ensure_date_rule`]) and when a correction of its date is proposed or
/// approved.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DateRule {
	/// The act itself brings about its legal effect on the day it is registered (a marriage,
	/// a divorce by a registry office, a paternity on the parents' joint application, a change
	/// of name): its date is that day, today in the country's time zone, and no correction
	/// moves it ([`Error::DateSetByRegistration`]).
	RegistrationDay,
	/// The act records an event or a decision that precedes it (a birth, a death, a court's
	/// decision): any real date not after today; registered later than the kind's deadline it
	/// waits for a head's approval. A correction may move it on evidence, within the same
	/// bounds, and every act of the persons concerned is checked again.
	Past,
	/// The act enrolls a record of the paper archive: dated before the chain's go-live date,
	/// also after a correction.
	BeforeGoLive,
}

/// What undoing an act found.
#[derive(Default)]
pub(crate) struct Undone {
	/// Acts in effect that rest on the revoked one, for review.
	pub(crate) dependents: Vec<ActId>,
	/// Acts revoked with it, already marked revoked and out of the statistics (the divorce of
	/// a revoked marriage): the caller records their revocation.
	pub(crate) revoked_with: Vec<ActId>,
	/// Acts read.
	pub(crate) read: u32,
}

/// Run `$body` with `$rules` the rules of `$details`' kind and `$d` its typed details: the one
/// place that matches on the kind of act.
macro_rules! with_rules {
	($details:expr, |$rules:ident, $d:ident| $body:expr) => {
		match $details {
			ActDetails::Birth($d) => {
				use $crate::acts::Birth as $rules;
				$body
			},
			ActDetails::Enrollment($d) => {
				use $crate::acts::Enrollment as $rules;
				$body
			},
			ActDetails::Death($d) => {
				use $crate::acts::Death as $rules;
				$body
			},
			ActDetails::Marriage($d) => {
				use $crate::acts::Marriage as $rules;
				$body
			},
			ActDetails::Divorce($d) => {
				use $crate::acts::Divorce as $rules;
				$body
			},
			ActDetails::Adoption($d) => {
				use $crate::acts::Adoption as $rules;
				$body
			},
			ActDetails::Paternity($d) => {
				use $crate::acts::Paternity as $rules;
				$body
			},
			ActDetails::NameChange($d) => {
				use $crate::acts::NameChange as $rules;
				$body
			},
		}
	};
}

/// A stored act's rules, whatever its kind.
impl<T: Config> Act<T> {
	/// The kind of act an officer must be allowed to register to register, correct, certify
	/// or revoke this one (an archive marriage: an enrollment).
	pub(crate) fn permission_kind(&self) -> ActKind {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::permission(
			&<R as ActRules<T>>::request(d)
		))
	}

	/// The row of the date table this act falls under.
	pub(crate) fn date_rule(&self) -> DateRule {
		let abroad = Pallet::<T>::is_abroad(self);
		with_rules!(&self.details, |R, d| {
			let request = <R as ActRules<T>>::request(d);
			let abroad = abroad.then(|| <R as ActRules<T>>::abroad(&request)).flatten();
			abroad.unwrap_or_else(|| <R as ActRules<T>>::dates(&request))
		})
	}

	/// Whether acts of this kind may be registered with a place abroad.
	pub(crate) fn may_be_abroad(&self) -> bool {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::abroad(&<R as ActRules<T>>::request(
			d
		))
		.is_some())
	}

	/// The registration rule again, for pending act `id` about to take effect: its details
	/// as the records now complete them.
	pub(crate) fn check_again(&self, id: ActId) -> Result<ActDetails, DispatchError> {
		let at = Occasion::from((id, self));
		with_rules!(&self.details, |R, d| {
			let request = <R as ActRules<T>>::request(d);
			<R as ActRules<T>>::check(&at, request).map(<R as ActRules<T>>::wrap)
		})
	}

	/// The event announcing that checked act `id`, registered in time, waits for approval.
	pub(crate) fn approval(&self, id: ActId) -> Option<Event<T>> {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::approval(id, self, d))
	}

	/// Make checked act `id` take effect on persons; returns the event that announces it.
	pub(crate) fn apply(&mut self, id: ActId) -> Result<Event<T>, DispatchError> {
		let (details, event) = with_rules!(self.details.clone(), |R, d| {
			let (d, event) = <R as ActRules<T>>::apply(id, self, d)?;
			(<R as ActRules<T>>::wrap(d), event)
		});
		self.details = details;
		Ok(event)
	}

	/// [`ActRules::takes_surname`].
	pub(crate) fn takes_surname(&self, person: PersonId) -> bool {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::takes_surname(d, person))
	}

	/// [`ActRules::check_stored`].
	pub(crate) fn check_stored(&self) -> DispatchResult {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::check_stored(self, d))
	}

	/// [`ActRules::recheck`].
	pub(crate) fn recheck(&self) -> DispatchResult {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::recheck(self, d))
	}

	/// [`ActRules::correct`] on the details.
	pub(crate) fn correct_details(&mut self, correction: &Correction) -> DispatchResult {
		with_rules!(&mut self.details, |R, d| <R as ActRules<T>>::correct(d, correction))
	}

	/// [`ActRules::carry_over`] of act `id`, corrected from `previous` to `self`.
	pub(crate) fn carry_over(&self, id: ActId, previous: &Act<T>) -> DispatchResult {
		with_rules!(&self.details, |R, d| {
			let previous = <R as ActRules<T>>::of(&previous.details)
				.ok_or(Error::<T>::CorrectionNotApplicable)?;
			<R as ActRules<T>>::carry_over(id, previous, self, d)
		})
	}

	/// [`ActRules::recheck_amended`].
	pub(crate) fn recheck_amended(&self, id: ActId) -> Result<u32, DispatchError> {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::recheck_amended(id, self, d))
	}

	/// [`ActRules::undo`].
	pub(crate) fn undo(&self, id: ActId) -> Result<Undone, DispatchError> {
		with_rules!(&self.details, |R, d| <R as ActRules<T>>::undo(id, self, d))
	}
}

/// Readers of persons and acts the rules share.
impl<T: Config> Pallet<T> {
	/// `date` obeys `rule` on `today`, for a new act whose kind refuses another date with
	/// `not_today`.
	pub(crate) fn ensure_date_rule(
		rule: DateRule,
		date: &Date,
		today: &Date,
		not_today: Error<T>,
	) -> DispatchResult {
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		ensure!(date <= today, Error::<T>::DateInFuture);
		match rule {
			DateRule::RegistrationDay => ensure!(date == today, not_today),
			DateRule::Past => {},
			DateRule::BeforeGoLive => Self::ensure_before_go_live(date)?,
		}
		Ok(())
	}

	/// A correction moves the date of `act` to `date`: allowed by its row of the date table.
	pub(crate) fn ensure_corrected_date(act: &Act<T>, date: &Date) -> DispatchResult {
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		ensure!(*date <= Self::today()?, Error::<T>::DateInFuture);
		match act.date_rule() {
			DateRule::RegistrationDay => {
				ensure!(*date == act.event_date, Error::<T>::DateSetByRegistration)
			},
			DateRule::Past => {},
			DateRule::BeforeGoLive => Self::ensure_before_go_live(date)?,
		}
		Ok(())
	}

	/// `date` is before the chain's go-live date: what happened then is enrolled from the
	/// paper archive.
	pub(crate) fn ensure_before_go_live(date: &Date) -> DispatchResult {
		let go_live = GoLive::<T>::get().ok_or(Error::<T>::GoLiveUnset)?;
		ensure!(*date < go_live, Error::<T>::NotBeforeGoLive);
		Ok(())
	}

	/// A person a new act concerns: exists, and their registration is not revoked.
	pub(crate) fn person(id: PersonId) -> Result<PersonRecord, DispatchError> {
		let person = Self::record(id)?;
		ensure!(!person.revoked, Error::<T>::PersonRevoked);
		Ok(person)
	}

	/// The country (a root of the jurisdiction tree) `jurisdiction` lies in; `None` for an
	/// unknown jurisdiction.
	pub(crate) fn country_of(jurisdiction: JurisdictionId) -> Option<JurisdictionId> {
		T::Jurisdictions::lineage(jurisdiction).last().copied()
	}

	/// Whether `place` lies in another country than `office_jurisdiction`, both known.
	pub(crate) fn in_other_country(
		place: JurisdictionId,
		office_jurisdiction: JurisdictionId,
	) -> bool {
		match (Self::country_of(place), Self::country_of(office_jurisdiction)) {
			(Some(place), Some(office)) => place != office,
			_ => false,
		}
	}

	/// The jurisdiction of `act`'s registering office, if `act` is of a kind that may be
	/// registered with a place abroad and its place lies in another country than that office's.
	fn abroad_seat(act: &Act<T>) -> Option<JurisdictionId> {
		if !act.may_be_abroad() {
			return None;
		}
		let office = T::Permissions::office_jurisdiction(act.office)?;
		Self::in_other_country(act.jurisdiction, office).then_some(office)
	}

	/// Whether `act`'s place is abroad (see [`ActRules::abroad`]).
	pub(crate) fn is_abroad(act: &Act<T>) -> bool {
		Self::abroad_seat(act).is_some()
	}

	/// The jurisdiction whose officers answer for `act` — issue its certificates, propose and
	/// approve its revocation: its place, or, for an act whose place is abroad, the
	/// jurisdiction of the office that registered it.
	pub(crate) fn seat(act: &Act<T>) -> JurisdictionId {
		Self::abroad_seat(act).unwrap_or(act.jurisdiction)
	}

	/// The region (first-level division) a jurisdiction lies in: the jurisdiction itself if it
	/// is a region or the country.
	pub(crate) fn region_of(jurisdiction: JurisdictionId) -> JurisdictionId {
		let lineage = T::Jurisdictions::lineage(jurisdiction);
		// [jurisdiction, parent, ..., region, country]
		lineage
			.len()
			.checked_sub(2)
			.and_then(|i| lineage.get(i))
			.copied()
			.unwrap_or(jurisdiction)
	}

	/// A person's record, revoked or not (for amendments and revocations of old acts).
	pub(crate) fn record(id: PersonId) -> Result<PersonRecord, DispatchError> {
		Ok(T::Persons::person(id).ok_or(Error::<T>::UnknownPerson)?)
	}

	/// A person the act concerns: exists, alive, born on or before the act's date.
	pub(crate) fn living(id: PersonId, date: &Date) -> Result<PersonRecord, DispatchError> {
		let person = Self::person(id)?;
		ensure!(person.is_alive(), Error::<T>::PersonDeceased);
		ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
		Ok(person)
	}

	/// A person was alive on `date`: born by then and not dead before it.
	pub(crate) fn ensure_alive_on(person: &PersonRecord, date: &Date) -> DispatchResult {
		ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
		ensure!(person.alive_on(date), Error::<T>::PersonDeceased);
		Ok(())
	}

	/// Acts in effect of `person` other than `id`: the acts that rest on a revoked birth or
	/// enrollment.
	pub(crate) fn other_acts_in_effect(person: PersonId, id: ActId) -> Undone {
		let mut undone = Undone::default();
		for other in Self::acts_of_person(person) {
			undone.read = undone.read.saturating_add(1);
			if other != id
				&& Acts::<T>::get(other).is_some_and(|a| a.status == ActStatus::Registered)
			{
				undone.dependents.push(other);
			}
		}
		undone
	}

	/// The identity key is not held by a person in force nor by another pending late birth.
	pub(crate) fn ensure_identity_free(identity_key: &H256, id: ActId) -> DispatchResult {
		ensure!(T::Persons::by_identity(identity_key).is_none(), Error::<T>::DuplicateIdentity);
		ensure!(
			PendingIdentities::<T>::get(identity_key).is_none_or(|pending| pending == id),
			Error::<T>::DuplicateIdentity
		);
		Ok(())
	}

	/// The person a birth or an enrollment (act `id`, `at` its occasion) creates: born on its
	/// date in its jurisdiction, alive, single.
	pub(crate) fn new_person(
		at: &Occasion,
		identity_key: H256,
		data_root: H256,
		sex: Sex,
		parents: Parents,
	) -> NewPerson {
		NewPerson {
			identity_key,
			data_root,
			sex,
			birth_date: at.date,
			birth_jurisdiction: at.jurisdiction,
			mother: parents.mother,
			father: parents.father,
			origin_act: at.id,
		}
	}

	/// Every act of `person`, oldest first: the birth or enrollment that created them (their
	/// record's `origin_act`, which [`ActsOf`] does not repeat), then [`ActsOf`]. Empty for an
	/// unknown person.
	pub fn acts_of_person(person: PersonId) -> Vec<ActId> {
		let Some(record) = T::Persons::person(person) else { return Vec::new() };
		let mut acts =
			Vec::with_capacity(ActsOf::<T>::decode_len(person).unwrap_or(0).saturating_add(1));
		acts.push(record.origin_act);
		acts.extend(ActsOf::<T>::get(person));
		acts
	}

	/// Mark act `id` as sealed or not (an adoption that seals the original birth act).
	pub(crate) fn set_act_sealed(id: ActId, sealed: bool) {
		Acts::<T>::mutate(id, |a| {
			if let Some(a) = a {
				a.sealed = sealed;
			}
		});
	}
}

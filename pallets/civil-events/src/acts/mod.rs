//! The law of each kind of act, one module per kind: what the chain checks before it registers
//! the act, what it changes, what it checks again when a related record is corrected, and
//! how it is undone when the act is revoked. Each module's documentation states its rule in
//! words, citing the Family Code of Uzbekistan where an article applies.
//!
//! The pallet reaches a kind's rules through [`rules`], the one place that matches on the kind
//! of act; everything else (registration, late registration, amendments, revocations) is the
//! same for every kind and lives in `features/`. Writes to persons are intents of
//! [`PersonRegistry`] (`marry`, `record_death`, `move_parent_links`, ...): the persons pallet keeps its
//! own invariants.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, Date, JurisdictionId, JurisdictionTree, NewPerson, PersonId, PersonRecord,
	PersonRegistry,
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

pub(crate) use marriage::Spouses;

/// What the pallet asks of each kind of act. The implementing types are the unit structs of
/// the modules of `acts/` ([`birth::Birth`], [`marriage::Marriage`], ...).
pub(crate) trait ActRules<T: Config> {
	/// The last day on which an event of this kind on `date` is registered in time; after it
	/// the act waits for a head's approval (late registration). `None`: no deadline.
	fn deadline(&self, _date: &Date) -> Option<Date> {
		None
	}

	/// The kind of act an officer must be allowed to register to register this one (an
	/// archive marriage is an enrollment's work).
	fn permission_kind(&self, details: &ActDetails) -> ActKind {
		details.kind()
	}

	/// Rules on the date that hold on the day of registration only (not when a pending act
	/// is approved later, nor when the act is corrected): a marriage is dated today; what is
	/// enrolled from the archive predates the go-live date.
	fn check_date(&self, _details: &ActDetails, _date: &Date, _today: &Date) -> DispatchResult {
		Ok(())
	}

	/// For a checked act `id` registered in time: the event announcing that it waits for a
	/// head's approval all the same (a marriage under an exemption), or `None` when it takes
	/// effect at once.
	fn approval(&self, _id: ActId, _act: &Act<T>) -> Option<Event<T>> {
		None
	}

	/// The registration rule: check `act` (to be numbered `id`) against the records as they
	/// stand, and complete what the chain itself knows of it (its subjects, the previous
	/// state it replaces). Writes nothing. Also run again when a late registration is
	/// approved.
	fn check(&self, id: ActId, act: &mut Act<T>) -> DispatchResult;

	/// Make the checked act `id` take effect on the persons it concerns; returns the event
	/// that announces it. The act is stored after this, by the caller.
	fn apply(&self, id: ActId, act: &mut Act<T>) -> Result<Event<T>, DispatchError>;

	/// Rules checked once the act is stored, against the rest of the persons' lives.
	fn check_stored(&self, _act: &Act<T>) -> DispatchResult {
		Ok(())
	}

	/// The rules of an act in effect that depend on other records (dates of birth and death,
	/// sex, the acts it refers to), checked as the records stand now: the registration rule
	/// minus what was true only at that moment (who was married, who had a father).
	fn recheck(&self, act: &Act<T>) -> DispatchResult;

	/// Apply the person-level fields of a correction (sex, data root) to the act's details;
	/// refuse those the kind does not have.
	fn correct_details(&self, details: &mut ActDetails, correction: &Correction) -> DispatchResult {
		ensure!(
			correction.sex.is_none()
				&& correction.data_root.is_none()
				&& correction.parents.is_none(),
			Error::<T>::CorrectionNotApplicable
		);
		let _ = details;
		Ok(())
	}

	/// Carry an approved correction of act `id` (from `previous` to `act`) over to the persons.
	fn carry_over(&self, _id: ActId, _previous: &Act<T>, _act: &Act<T>) -> DispatchResult {
		Ok(())
	}

	/// After a correction of act `id` is stored: check again every act it can affect. Returns
	/// the number of acts checked.
	fn recheck_amended(&self, _id: ActId, act: &Act<T>) -> Result<u32, DispatchError> {
		Pallet::<T>::check_act(act)?;
		Ok(1)
	}

	/// Undo the effects of act `id` on persons, the act being already marked revoked.
	/// Refused with [`Error::RevocationConflict`] when a later act changed the same record.
	fn undo(&self, id: ActId, act: &Act<T>) -> Result<Undone, DispatchError>;
}

/// What undoing an act found.
#[derive(Default)]
pub(crate) struct Undone {
	/// Acts in effect that rest on the revoked one, for review.
	pub(crate) dependents: Vec<ActId>,
	/// Acts read.
	pub(crate) read: u32,
}

/// The rules of an act of `kind`: the one place that matches on the kind of act.
pub(crate) fn rules<T: Config>(kind: ActKind) -> &'static dyn ActRules<T> {
	match kind {
		ActKind::Birth => &birth::Birth,
		ActKind::Enrollment => &enrollment::Enrollment,
		ActKind::Death => &death::Death,
		ActKind::Marriage => &marriage::Marriage,
		ActKind::Divorce => &divorce::Divorce,
		ActKind::Adoption => &adoption::Adoption,
		ActKind::Paternity => &paternity::Paternity,
		ActKind::NameChange => &name_change::NameChange,
	}
}

impl<T: Config> Act<T> {
	/// The kind of act an officer must be allowed to register to register, correct, certify
	/// or revoke this one (an archive marriage: an enrollment).
	pub(crate) fn permission_kind(&self) -> ActKind {
		rules::<T>(self.kind).permission_kind(&self.details)
	}
}

/// Readers of persons and acts the rules share.
impl<T: Config> Pallet<T> {
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

	/// The one person an act of one person (a death, a change of name; the child of an
	/// adoption; the person a birth or an enrollment created) concerns first.
	pub(crate) fn first_subject(act: &Act<T>) -> Result<PersonId, DispatchError> {
		Ok(*act.subjects.first().ok_or(Error::<T>::MalformedSubjects)?)
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

	/// A person born on `act`'s date in `act`'s jurisdiction, created by act `id`: alive,
	/// single, with no recorded parents.
	pub(crate) fn new_person(
		identity_key: H256,
		data_root: H256,
		sex: civil_registry_primitives::Sex,
		(mother, father): (Option<PersonId>, Option<PersonId>),
		id: ActId,
		act: &Act<T>,
	) -> NewPerson {
		NewPerson {
			identity_key,
			data_root,
			sex,
			birth_date: act.event_date,
			birth_jurisdiction: act.jurisdiction,
			mother,
			father,
			origin_act: id,
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

	/// Whether act `act` created its first subject (a birth or an enrollment that took
	/// effect): that subject's index does not list it, their record names it.
	pub(crate) fn creates_first_subject(act: &Act<T>) -> bool {
		matches!(act.kind, ActKind::Birth | ActKind::Enrollment)
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

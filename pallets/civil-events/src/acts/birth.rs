//! # Birth
//!
//! A birth creates the child, with the parents the act names.
//!
//! **Rule.** The child's identity key is not held by a person in force nor by a pending late
//! birth. A recorded mother exists, is not a revoked registration, is female, at least the
//! law's `min_parent_age` at the birth (Uzbekistan: 12; no article found — a plausibility
//! bound on the records) and was alive on the day of the birth. A recorded father exists, is
//! not a revoked registration, is male, at least `min_parent_age`, and was alive or died at
//! most `father_grace_days` (300) days before the birth. The date is a real date, not after
//! today (in the country's time zone).
//!
//! **The husband's presumed paternity** (the Code's rule on the descent of a child of married
//! parents; the article number is not verified here). A child born to a married woman, or
//! within `father_grace_days` (300) days after her marriage ended by divorce or death, has her
//! husband (former husband) as father: the act names him, unless it carries the hash of a
//! court decision (`court_decision`) setting the presumption aside — naming another man, or no
//! father, without it is refused ([`Error::FatherPresumed`]). When several marriages qualify,
//! the latest one decides. Marriages enrolled from the archive count, and so does a marriage
//! a court declared invalid, until the day its decision took effect (`marriage.rs`).
//!
//! **A father who has died** by the day of registration and is not the presumed father (the
//! mother's husband, or former husband within 300 days) could not have acknowledged the
//! child with the mother: only a court establishes his paternity, so the act names him only
//! with `court_decision` ([`Error::DeceasedFatherNeedsCourt`]) — the rule a paternity act
//! for the same man follows (`paternity.rs`; the article is not verified here). Checked at
//! registration, as a paternity act's is.
//!
//! **Date and deadline** (row `Past` of the date table). The date of birth, any day before the
//! registration. Registered more than `birth_deadline_months` (one) month after the birth, the
//! act waits as a late registration for the approval of the office's head (or of the head of
//! the regional department above it).
//!
//! **Out of order.** The presumption reads the mother's marriages by their dates and the acts
//! that ended them. A death or a divorce that ended her marriage more than `father_grace_days`
//! before the birth must be registered before the birth: until then her husband is the
//! presumed father ([`Error::FatherPresumed`] for another father, short of a court's
//! decision); registered after a birth that names him, his death is refused by the death's
//! check of his life (a child of his born more than `father_grace_days` after it).
//!
//! **Effect.** A new person: alive, single, born on the act's date in its jurisdiction, with
//! the recorded parents. Event [`Event::BirthRegistered`].
//!
//! **Corrected** (date, place, sex, data root; the parents on a court decision —
//! [`Error::ParentsNeedCourtDecision`] otherwise — with four eyes as every amendment): the
//! child's record follows, and every act of the child is checked again, the presumption of
//! paternity too; with new parents, the child's marriage in effect is checked against the
//! kinship rule. Refused ([`Error::RevocationConflict`]) when the parents the act recorded are
//! no longer the child's (a paternity or an adoption since: correct or revoke that act). The
//! presumption is checked at registration and when the birth itself is corrected, not when
//! another record of the mother changes. **Revoked** (e.g. a fraudulent registration): the child's
//! registration is revoked and its identity key freed; the child's other acts in effect are
//! reported for review. Refused while the person is married ([`Error::RevocationConflict`]):
//! the spouse would stay married to a revoked registration, whose death or divorce no office
//! could register; the marriage is revoked first.

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, Date, PersonId, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

/// The rules of a birth.
pub(crate) struct Birth;

impl<T: Config> ActRules<T> for Birth {
	/// The details, the child not yet created (`None`).
	type Request = BirthDetails;
	type Details = BirthDetails;

	fn wrap(details: BirthDetails) -> ActDetails {
		ActDetails::Birth(details)
	}

	fn of(details: &ActDetails) -> Option<&BirthDetails> {
		match details {
			ActDetails::Birth(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &BirthDetails) -> BirthDetails {
		details.clone()
	}

	fn permission(_: &BirthDetails) -> ActKind {
		ActKind::Birth
	}

	fn dates(_: &BirthDetails) -> DateRule {
		// The date of birth, in the past; a late registration waits for a head's approval.
		DateRule::Past
	}

	fn deadline(date: &Date) -> Option<Date> {
		date.add_months(u32::from(T::Law::get().birth_deadline_months))
	}

	fn check(at: &Occasion, request: BirthDetails) -> Result<BirthDetails, DispatchError> {
		Pallet::<T>::ensure_identity_free(&request.identity_key, at.id)?;
		check_parents::<T>(&request.parents, &at.date)?;
		let by_court = request.court_decision.is_some();
		let presumed = ensure_presumption::<T>(&request.parents, by_court, &at.date)?;
		if let Some(father) = request.parents.father {
			ensure!(
				by_court || presumed == Some(father) || Pallet::<T>::record(father)?.is_alive(),
				Error::<T>::DeceasedFatherNeedsCourt
			);
		}
		Ok(request)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		mut details: BirthDetails,
	) -> Result<(BirthDetails, Event<T>), DispatchError> {
		let child = T::Persons::create(Pallet::<T>::new_person(
			&Occasion::from((id, act)),
			details.identity_key,
			details.data_root,
			details.sex,
			details.parents,
		))?;
		details.child = Some(child);
		Ok((details, Event::BirthRegistered { act: id, child, office: act.office }))
	}

	fn recheck(act: &Act<T>, details: &BirthDetails) -> DispatchResult {
		recheck_parents::<T>(&details.parents, &act.event_date)
	}

	fn correct(details: &mut BirthDetails, correction: &Correction) -> DispatchResult {
		correct_person(&mut details.sex, &mut details.data_root, &mut details.parents, correction);
		Ok(())
	}

	fn carry_over(
		_id: ActId,
		previous: &BirthDetails,
		act: &Act<T>,
		details: &BirthDetails,
	) -> DispatchResult {
		carry_over_birth::<T>(
			details.child,
			(previous.data_root, previous.parents),
			act,
			(details.data_root, details.sex, details.parents),
		)
	}

	fn recheck_amended(
		_id: ActId,
		act: &Act<T>,
		details: &BirthDetails,
	) -> Result<u32, DispatchError> {
		let presumption = details.court_decision.is_some();
		ensure_presumption::<T>(&details.parents, presumption, &act.event_date)?;
		Pallet::<T>::check_person(created::<T>(details.child)?)
	}

	fn undo(id: ActId, _act: &Act<T>, details: &BirthDetails) -> Result<Undone, DispatchError> {
		undo_birth::<T>(id, created::<T>(details.child)?, &details.identity_key)
	}
}

/// The person a birth or an enrollment in effect created: they exist once it took effect,
/// and only an act in effect (or revoked: it was in effect) is corrected or revoked.
pub(super) fn created<T: Config>(person: Option<PersonId>) -> Result<PersonId, DispatchError> {
	Ok(person.ok_or(Error::<T>::ActNotInEffect)?)
}

/// `parent` was old enough to be a parent of a child born on `date`.
pub(super) fn ensure_parent_age<T: Config>(parent: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(parent.birth_date < *date, Error::<T>::ParentNotOlder);
	ensure!(
		parent.birth_date.years_until(date) >= T::Law::get().min_parent_age,
		Error::<T>::ParentTooYoung
	);
	Ok(())
}

/// The parents a new birth or enrollment names may be the parents of a child born on `date`:
/// each exists, is not a revoked registration, and passes [`ensure_mother`] or
/// [`ensure_father`].
pub(super) fn check_parents<T: Config>(parents: &Parents, date: &Date) -> DispatchResult {
	if let Some(mother) = parents.mother {
		ensure_mother::<T>(&Pallet::<T>::person(mother)?, date)?;
	}
	if let Some(father) = parents.father {
		ensure_father::<T>(&Pallet::<T>::person(father)?, date)?;
	}
	Ok(())
}

/// The recorded parents of a birth or an enrollment may be the parents of a child born on
/// `date`, as the records stand now (revoked registrations included: a re-check of old acts).
pub(super) fn recheck_parents<T: Config>(parents: &Parents, date: &Date) -> DispatchResult {
	if let Some(mother) = parents.mother {
		ensure_mother::<T>(&Pallet::<T>::record(mother)?, date)?;
	}
	if let Some(father) = parents.father {
		ensure_father::<T>(&Pallet::<T>::record(father)?, date)?;
	}
	Ok(())
}

/// The father of a child born on `date` to `mother` is her husband's, or her former
/// husband's, unless a court decided otherwise. Returns the presumed father, if any.
pub(super) fn ensure_presumption<T: Config>(
	parents: &Parents,
	court_decision: bool,
	date: &Date,
) -> Result<Option<PersonId>, DispatchError> {
	let presumed = match parents.mother {
		Some(mother) => Pallet::<T>::presumed_father(mother, date)?,
		None => None,
	};
	ensure!(
		court_decision || presumed.is_none_or(|husband| parents.father == Some(husband)),
		Error::<T>::FatherPresumed
	);
	Ok(presumed)
}

/// `mother` may be the mother of a child born on `date`.
pub(super) fn ensure_mother<T: Config>(mother: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(mother.sex == Sex::Female, Error::<T>::MotherNotFemale);
	ensure_parent_age::<T>(mother, date)?;
	ensure!(
		mother.death_date().is_none_or(|died| died >= *date),
		Error::<T>::MotherDeceasedBeforeBirth
	);
	Ok(())
}

/// `father` may be the father of a child born on `date`.
pub(super) fn ensure_father<T: Config>(father: &PersonRecord, date: &Date) -> DispatchResult {
	ensure!(father.sex == Sex::Male, Error::<T>::FatherNotMale);
	ensure_parent_age::<T>(father, date)?;
	if let Some(died) = father.death_date() {
		let grace_days = i64::from(T::Law::get().father_grace_days);
		let grace = died.add_days(grace_days).ok_or(Error::<T>::InvalidDate)?;
		ensure!(grace >= *date, Error::<T>::FatherDeceasedTooEarly);
	}
	Ok(())
}

/// The fields of a birth or an enrollment a correction may change besides the date and place:
/// sex, data root, parents.
pub(super) fn correct_person(
	sex: &mut Sex,
	data_root: &mut H256,
	parents: &mut Parents,
	correction: &Correction,
) {
	if let Some(new) = correction.sex {
		*sex = new;
	}
	if let Some(new) = correction.data_root {
		*data_root = new;
	}
	if let Some((mother, father)) = correction.parents {
		*parents = Parents { mother, father };
	}
}

/// A corrected birth or enrollment of `person`: the person's date and place of birth and sex
/// follow; the data root too, unless a later change of name replaced it; and the parents,
/// unless a paternity or an adoption changed them since.
pub(super) fn carry_over_birth<T: Config>(
	person: Option<PersonId>,
	(old_root, old_parents): (H256, Parents),
	act: &Act<T>,
	(data_root, sex, parents): (H256, Sex, Parents),
) -> DispatchResult {
	let person = created::<T>(person)?;
	T::Persons::correct_birth(person, act.event_date, act.jurisdiction, sex)?;
	let record = Pallet::<T>::record(person)?;
	if record.data_root == old_root {
		T::Persons::change_data(person, data_root)?;
	}
	if parents != old_parents {
		// The link the act recorded is the person's still: no paternity or adoption since.
		ensure!(
			(record.mother, record.father) == (old_parents.mother, old_parents.father)
				&& !AdoptionInEffect::<T>::contains_key(person),
			Error::<T>::RevocationConflict
		);
		T::Persons::move_parent_links(person, parents.mother, parents.father)?;
	}
	Ok(())
}

/// A revoked birth or enrollment (act `id`) of `person`: the person's registration is revoked
/// (its identity key freed); their other acts in effect rest on it.
pub(super) fn undo_birth<T: Config>(
	id: ActId,
	person: PersonId,
	identity_key: &H256,
) -> Result<Undone, DispatchError> {
	// A married person's registration is not revoked under the spouse: the spouse would stay
	// married to a revoked registration, whose death or divorce no office could register.
	// The marriage is revoked first.
	ensure!(Pallet::<T>::record(person)?.spouse().is_none(), Error::<T>::RevocationConflict);
	T::Persons::revoke(person, identity_key)?;
	Ok(Pallet::<T>::other_acts_in_effect(person, id))
}

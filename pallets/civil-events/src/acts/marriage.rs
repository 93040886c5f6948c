//! # Marriage
//!
//! **Rule** (Family Code, art. 2, 15, 16 and 18). Two distinct persons, each existing, not a
//! revoked registration, alive and born by the date; a man and a woman where the law says so
//! (`marriage_of_man_and_woman`; art. 2: "the voluntary union of a man and a woman"); neither
//! married (art. 16); both at least the law's `marriage_age` (18) on the date, or
//! `exempt_marriage_age` (17) with a district khokim's decision lowering the age by at most
//! one year (art. 15) — the decision names its district, which must contain the jurisdiction
//! the marriage is registered in; not relatives in the direct line at any depth the records
//! reach, nor full or half siblings, nor adoptive parent and adopted child, through recorded
//! and adoptive links alike, including those a sealed adoption hides (art. 16; `kinship.rs`,
//! with its bound). No bigamy by backdating: a divorced or widowed person's new marriage is
//! dated no earlier than the end of their last one.
//!
//! **Date.** Spouses' rights and duties arise from the day of the state registration of the
//! marriage (art. 18): a marriage is dated the day it is registered — today in the country's
//! time zone ([`Error::MarriageNotToday`]) — and no correction moves that date
//! ([`Error::DateSetByRegistration`]). An older marriage comes only from the archive (below).
//!
//! **Out of order.** Dated the day it is registered, a marriage is registered in the order of
//! events by construction. What it rests on must be registered before it: the end of a
//! spouse's last marriage (a death or a divorce; otherwise [`Error::AlreadyMarried`]). A
//! person's last marriage, for every rule that asks, is the last by its date.
//!
//! **Exemption: four eyes.** A marriage under an exemption waits as `Pending` for a head of the
//! registering office (or of the regional department above it), never the registering
//! officer, to approve it (`approve_late_registration`, as a late registration; event
//! [`Event::ExemptionPending`]); it expires unapproved after `PendingLifetime`. Why: the
//! decision is a paper the office receives, and one officer (or one stolen key) alone should
//! not lower the marriage age. No article found for the four eyes: a rule of this registry.
//!
//! **Archive marriages** (`enroll_marriage`). A marriage registered on paper before the
//! chain's go-live date, between two persons on chain, is enrolled by an officer allowed to
//! enroll, with the hash of the paper record's reference, so that bigamy and the husband's
//! presumed paternity see it. It is dated before the go-live date, and the same rules hold
//! except the age, which is the law of its day: the lowest marriage age an exemption allowed
//! then (`FamilyLaw::exempt_marriage_age_on`: before 1 September 2019 women married at 17, at
//! 16 with an exemption; men at 18, 17 — the paper record need not show the exemption). A
//! spouse who has died since the go-live date was married at the go-live: the marriage is
//! enrolled as ended by that death (the earlier, if both died), and each spouse's state is
//! what it makes of them (died married, widowed) if it is their latest marriage by date; a
//! spouse who died before the go-live date had ended the marriage then ([`Error::PersonDeceased`]). No approval:
//! the person enrollments it joins went through the same office, and a wrong one is revoked
//! by the regional level like any act. Enrolled are the marriages still in effect at go-live
//! (a paper divorce before it ends the couple's paper marriage off chain). Event
//! [`Event::MarriageEnrolled`].
//!
//! **Effect.** The two are married to each other by this act. Event
//! [`Event::MarriageRegistered`].
//!
//! **Corrected** (date, place): checked again — both alive and of age on the corrected date,
//! not after the act that ended it, and overlapping no other marriage of either spouse; a
//! corrected sex of a spouse (an amended birth) is checked against the law's rule, and
//! corrected parents of a spouse against the kinship rule (the spouse's marriage in effect;
//! see `birth.rs`).
//! **Revoked**: each spouse's marital state is what their other marriages in effect make it
//! (single, divorced, widowed). A divorce that ended it is revoked with it, by the same
//! proposal (a void marriage was never dissolved; its certificates verify as revoked, and it
//! leaves the statistics).
//!
//! **Declared invalid by a court** ([`Pallet::propose_annulment`]: the decision's hash and the
//! day it took effect, not before the marriage, not after today — [`Error::AnnulmentBeforeMarriage`],
//! [`Error::DateInFuture`]; approved as a revocation). Revoked the same way — the marriage is
//! void, its divorce revoked with it — and kept in [`Annulments`]: the children born in it, or
//! within `father_grace_days` (300) after the decision, keep its husband as their presumed
//! father (the Code's article on the effects of an invalid marriage, which keeps the rights of
//! children born in it; number not verified here; see `birth.rs`). It counts until the
//! decision even if a spouse had died before it (a court's decision sets the presumption
//! aside). A marriage revoked as registered in error (fraud, a duplicate) presumes nothing.

use super::{ActRules, DateRule, Occasion, Undone};
use crate::*;
use civil_registry_primitives::{
	ActId, ActKind, Date, JurisdictionId, JurisdictionTree, LifeStatus, MaritalStatus, PersonId,
	PersonRecord, PersonRegistry, Sex,
};
use frame_support::{ensure, pallet_prelude::*};

/// The rules of a marriage.
pub(crate) struct Marriage;

impl<T: Config> ActRules<T> for Marriage {
	/// The details, not ended (`ended_by: None`).
	type Request = MarriageDetails;
	type Details = MarriageDetails;

	fn wrap(details: MarriageDetails) -> ActDetails {
		ActDetails::Marriage(details)
	}

	fn of(details: &ActDetails) -> Option<&MarriageDetails> {
		match details {
			ActDetails::Marriage(d) => Some(d),
			_ => None,
		}
	}

	fn request(details: &MarriageDetails) -> MarriageDetails {
		details.clone()
	}

	fn permission(request: &MarriageDetails) -> ActKind {
		match request.basis {
			MarriageBasis::Archive => ActKind::Enrollment,
			_ => ActKind::Marriage,
		}
	}

	fn dates(request: &MarriageDetails) -> DateRule {
		match request.basis {
			MarriageBasis::Archive => DateRule::BeforeGoLive,
			// Art. 18: rights and duties arise from the day of the state registration.
			MarriageBasis::Ordinary | MarriageBasis::Exemption(_) => DateRule::RegistrationDay,
		}
	}

	fn not_today() -> Error<T> {
		Error::<T>::MarriageNotToday
	}

	fn approval(id: ActId, act: &Act<T>, details: &MarriageDetails) -> Option<Event<T>> {
		match details.basis {
			MarriageBasis::Exemption(exemption) => Some(Event::ExemptionPending {
				act: id,
				district: exemption.district,
				office: act.office,
			}),
			_ => None,
		}
	}

	fn check(at: &Occasion, request: MarriageDetails) -> Result<MarriageDetails, DispatchError> {
		let basis = &request.basis;
		if let MarriageBasis::Exemption(exemption) = basis {
			ensure_district::<T>(exemption, at.jurisdiction)?;
		}
		let date = at.date;
		let Spouses { first: a, second: b } = request.spouses;
		ensure!(a != b, Error::<T>::SamePerson);
		let spouse = |p| match basis {
			MarriageBasis::Archive => archive_spouse::<T>(p, &date),
			_ => Pallet::<T>::living(p, &date),
		};
		let (pa, pb) = (spouse(a)?, spouse(b)?);
		ensure_sexes::<T>(&pa, &pb)?;
		ensure!(pa.spouse().is_none() && pb.spouse().is_none(), Error::<T>::AlreadyMarried);
		// A court's declaration of incapacity bars the marriage (art. 16; not for a paper
		// marriage, registered under the law of its day).
		if *basis != MarriageBasis::Archive {
			for p in [a, b] {
				ensure!(!Incapacities::<T>::contains_key(p), Error::<T>::PersonIncapable);
			}
		}
		for p in [&pa, &pb] {
			ensure!(
				p.birth_date.years_until(&date) >= minimum_age::<T>(basis, p.sex, &date),
				Error::<T>::TooYoungToMarry
			);
		}
		ensure!(!Pallet::<T>::too_close(a, &pa, b, &pb), Error::<T>::CloseRelatives);
		// No bigamy by backdating: a divorced or widowed person's new marriage starts no
		// earlier than the end of their last one.
		for (p, record) in [(a, &pa), (b, &pb)] {
			if record.marital != MaritalStatus::Single {
				if let (_, Some((_, last, _))) = Pallet::<T>::latest_marriage(p) {
					let (_, end) = Pallet::<T>::marriage_span(&last);
					ensure!(end.is_some_and(|end| end <= date), Error::<T>::MarriagesOverlap);
				}
			}
		}
		Ok(request)
	}

	fn apply(
		id: ActId,
		act: &Act<T>,
		mut details: MarriageDetails,
	) -> Result<(MarriageDetails, Event<T>), DispatchError> {
		let Spouses { first, second } = details.spouses;
		match ended_by_death::<T>(&details)? {
			None => T::Persons::marry(first, second, id)?,
			Some(death) => {
				// A paper marriage a spouse's death (since the go-live) has ended: enrolled as
				// ended by it, each spouse's state what it makes of them if it is their latest.
				details.ended_by = Some(death);
				let mut after = [MaritalStatus::Single; 2];
				for (p, state) in [first, second].into_iter().zip(after.iter_mut()) {
					let (_, latest) = Pallet::<T>::latest_marriage(p);
					*state = match latest {
						Some((_, last, _)) if last.event_date > act.event_date => {
							Pallet::<T>::record(p)?.marital
						},
						_ => {
							let end = details.ended_by.and_then(Acts::<T>::get);
							Pallet::<T>::marital_by(p, id, &details, end.as_ref())
						},
					};
				}
				T::Persons::settle_marriage_end(first, second, id, after[0], after[1])?;
			},
		}
		let office = act.office;
		let event = match details.basis {
			MarriageBasis::Archive => Event::MarriageEnrolled { act: id, first, second, office },
			_ => Event::MarriageRegistered { act: id, first, second, office },
		};
		Ok((details, event))
	}

	/// The spouses choose their surname at marriage; a marriage from the archive records a
	/// choice made on paper, already in the spouses' data roots.
	fn takes_surname(details: &MarriageDetails, person: PersonId) -> bool {
		details.basis != MarriageBasis::Archive && details.spouses.both().contains(&person)
	}

	fn recheck(act: &Act<T>, details: &MarriageDetails) -> DispatchResult {
		let date = act.event_date;
		if let MarriageBasis::Exemption(exemption) = &details.basis {
			ensure_district::<T>(exemption, act.jurisdiction)?;
		}
		let Spouses { first, second } = details.spouses;
		let (first, second) = (Pallet::<T>::record(first)?, Pallet::<T>::record(second)?);
		ensure_sexes::<T>(&first, &second)?;
		for p in [&first, &second] {
			Pallet::<T>::ensure_alive_on(p, &date)?;
			let min_age = minimum_age::<T>(&details.basis, p.sex, &date);
			ensure!(p.birth_date.years_until(&date) >= min_age, Error::<T>::TooYoungToMarry);
		}
		if let Some(end) = details.ended_by.and_then(Acts::<T>::get) {
			ensure!(end.event_date >= date, Error::<T>::DateBeforeMarriage);
		}
		Ok(())
	}

	fn recheck_amended(
		id: ActId,
		act: &Act<T>,
		details: &MarriageDetails,
	) -> Result<u32, DispatchError> {
		Pallet::<T>::check_act(act)?;
		Ok(Pallet::<T>::check_marriage_overlap(id, act, details)?.saturating_add(1))
	}

	fn undo(id: ActId, _act: &Act<T>, details: &MarriageDetails) -> Result<Undone, DispatchError> {
		let mut undone = Undone::default();
		if let Some(end) = details.ended_by {
			if let Some(mut divorce) = Acts::<T>::get(end)
				.filter(|e| e.kind() == ActKind::Divorce && e.status == ActStatus::Registered)
			{
				// A void marriage was never dissolved: its divorce is revoked with it (and its
				// certificates with it: they verify as revoked).
				Pallet::<T>::count(end, &divorce, false);
				divorce.status = ActStatus::Revoked;
				Acts::<T>::insert(end, divorce);
				undone.revoked_with.push(end);
			}
		}
		let Spouses { first, second } = details.spouses;
		let (read_first, first_after) = Pallet::<T>::marital_from_history(first);
		let (read_second, second_after) = Pallet::<T>::marital_from_history(second);
		undone.read = read_first.saturating_add(read_second);
		T::Persons::annul_marriage(first, second, id, first_after, second_after)?;
		Ok(undone)
	}
}

/// A spouse of a paper marriage dated `date`: exists, is not a revoked registration, was
/// alive and born then; if deceased, died on or after the go-live date (the marriage was in
/// effect then: enrolled are the marriages in effect at go-live).
fn archive_spouse<T: Config>(id: PersonId, date: &Date) -> Result<PersonRecord, DispatchError> {
	let person = Pallet::<T>::person(id)?;
	Pallet::<T>::ensure_alive_on(&person, date)?;
	if let Some(died) = person.death_date() {
		let go_live = GoLive::<T>::get().ok_or(Error::<T>::GoLiveUnset)?;
		ensure!(died >= go_live, Error::<T>::PersonDeceased);
	}
	Ok(person)
}

/// The death that ended a marriage about to be enrolled, if a spouse has died: the earlier of
/// the spouses' deaths (of the same day, the first spouse's).
fn ended_by_death<T: Config>(details: &MarriageDetails) -> Result<Option<ActId>, DispatchError> {
	let mut end: Option<(Date, ActId)> = None;
	for p in details.spouses.both() {
		if let LifeStatus::Deceased { date, act } = Pallet::<T>::record(p)?.status {
			if end.is_none_or(|(earliest, _)| date < earliest) {
				end = Some((date, act));
			}
		}
	}
	Ok(end.map(|(_, act)| act))
}

/// The marriage age of a spouse of `sex` on `date` (art. 15, by the law of that day), lowered
/// with the khokim's exemption decision; for a marriage from the archive, the lowest the law of
/// its day allowed (the paper record does not say whether an exemption was given).
fn minimum_age<T: Config>(basis: &MarriageBasis, sex: Sex, date: &Date) -> u16 {
	let law = T::Law::get();
	match basis {
		MarriageBasis::Ordinary => law.marriage_age_on(sex, date),
		MarriageBasis::Exemption(_) | MarriageBasis::Archive => {
			law.exempt_marriage_age_on(sex, date)
		},
	}
}

/// The exemption's district is a district of the tree (not the country) containing the
/// jurisdiction the marriage is registered in.
fn ensure_district<T: Config>(
	exemption: &Exemption,
	jurisdiction: JurisdictionId,
) -> DispatchResult {
	ensure!(
		T::Jurisdictions::parent(exemption.district).is_some()
			&& T::Jurisdictions::contains(exemption.district, jurisdiction),
		Error::<T>::ExemptionOutsideDistrict
	);
	Ok(())
}

/// A man and a woman, where the law requires it.
fn ensure_sexes<T: Config>(a: &PersonRecord, b: &PersonRecord) -> DispatchResult {
	ensure!(
		!T::Law::get().marriage_of_man_and_woman || a.sex != b.sex,
		Error::<T>::SameSexMarriage
	);
	Ok(())
}

/// The marriage history of persons, shared by the acts that start and end marriages.
impl<T: Config> Pallet<T> {
	/// Record `end` (a divorce or a death) as the act that ended `marriage`, or clear it.
	pub(crate) fn set_ended_by(marriage: ActId, end: Option<ActId>) {
		Acts::<T>::mutate(marriage, |m| {
			if let Some(Act { details: ActDetails::Marriage(m), .. }) = m {
				m.ended_by = end;
			}
		});
	}

	/// The time a marriage in effect lasted: from its date to the date of the act that
	/// ended it, open if it has not ended.
	pub(crate) fn marriage_span(act: &Act<T>) -> (Date, Option<Date>) {
		let end = match act.details {
			ActDetails::Marriage(MarriageDetails { ended_by: Some(end), .. }) => {
				Acts::<T>::get(end).map(|e| e.event_date)
			},
			_ => None,
		};
		(act.event_date, end)
	}

	/// Marriage `id` (`marriage`, with its `details`) does not overlap in time any other
	/// marriage in effect of either spouse (one may remarry on the day a marriage ends).
	/// Returns the acts read.
	pub(crate) fn check_marriage_overlap(
		id: ActId,
		marriage: &Act<T>,
		details: &MarriageDetails,
	) -> Result<u32, DispatchError> {
		let (start, end) = Self::marriage_span(marriage);
		let mut read = 0u32;
		for spouse in details.spouses.both() {
			for other in ActsOf::<T>::get(spouse) {
				read = read.saturating_add(1);
				if other == id {
					continue;
				}
				let Some(m) = Acts::<T>::get(other) else { continue };
				if m.kind() != ActKind::Marriage || m.status != ActStatus::Registered {
					continue;
				}
				let (other_start, other_end) = Self::marriage_span(&m);
				let before = end.is_some_and(|end| end <= other_start);
				let after = other_end.is_some_and(|other_end| other_end <= start);
				ensure!(before || after, Error::<T>::MarriagesOverlap);
			}
		}
		Ok(read)
	}

	/// Whether `person` was married (to anyone) on `date`: a marriage of theirs in effect had
	/// begun by then and had not ended before it. Reads their acts (at most
	/// `MaxActsPerPerson`) and the act ending each marriage.
	pub(crate) fn married_on_date(person: PersonId, date: &Date) -> bool {
		ActsOf::<T>::get(person).into_iter().filter_map(Acts::<T>::get).any(|m| {
			if m.status != ActStatus::Registered || m.kind() != ActKind::Marriage {
				return false;
			}
			let (start, end) = Self::marriage_span(&m);
			start <= *date && end.is_none_or(|end| end >= *date)
		})
	}

	/// Whether `a` and `b` were married to each other on `date`: a marriage of theirs in effect
	/// had begun by then and had not ended before it. Reads `a`'s acts (at most
	/// `MaxActsPerPerson`) and the act ending each of their marriages.
	pub(crate) fn married_on(a: PersonId, b: PersonId, date: &Date) -> bool {
		ActsOf::<T>::get(a).into_iter().filter_map(Acts::<T>::get).any(|m| {
			let ActDetails::Marriage(details) = &m.details else { return false };
			if m.status != ActStatus::Registered || details.spouses.other(a) != Some(b) {
				return false;
			}
			let (start, end) = Self::marriage_span(&m);
			start <= *date && end.is_none_or(|end| end >= *date)
		})
	}

	/// Whether `a` and `b` have a common child, alive and under the law's `adult_age` on
	/// `date`: a person whose recorded parents are the two of them. Reads the acts of `a`
	/// (at most `MaxActsPerPerson`: a child's birth, enrollment, paternity or adoption names
	/// the parent) and one person record for each.
	pub(crate) fn have_common_minor_child(a: PersonId, b: PersonId, date: &Date) -> bool {
		let adult_age = T::Law::get().adult_age;
		ActsOf::<T>::get(a).into_iter().filter_map(Acts::<T>::get).any(|act| {
			let Some(&child) = act.subjects().first() else { return false };
			if act.status != ActStatus::Registered || child == a || child == b {
				return false;
			}
			let Some(record) = T::Persons::person(child) else { return false };
			let parents = [record.mother, record.father];
			parents.contains(&Some(a))
				&& parents.contains(&Some(b))
				&& record.alive_on(date)
				&& record.birth_date <= *date
				&& record.birth_date.years_until(date) < adult_age
		})
	}

	/// The father the law presumes for a child born on `date` to `mother`: the husband of her
	/// marriage in effect on that day, or of one that ended by divorce or death at most
	/// `father_grace_days` before it, or of one a court declared invalid ([`Annulments`]) at
	/// most `father_grace_days` before it; the latest such marriage decides. Reads the
	/// mother's acts (at most `MaxActsPerPerson`) and, for each marriage, the act ending it or
	/// its annulment (one read either way).
	pub(crate) fn presumed_father(
		mother: PersonId,
		date: &Date,
	) -> Result<Option<PersonId>, DispatchError> {
		let grace = i64::from(T::Law::get().father_grace_days);
		let mut presumed: Option<(Date, PersonId)> = None;
		for id in ActsOf::<T>::get(mother) {
			let Some(m) = Acts::<T>::get(id) else { continue };
			let ActDetails::Marriage(details) = &m.details else { continue };
			let (start, end) = match m.status {
				ActStatus::Registered => Self::marriage_span(&m),
				// Void, but its children keep their father: it counts until the decision.
				ActStatus::Revoked => match Annulments::<T>::get(id) {
					Some(annulment) => (m.event_date, Some(annulment.date)),
					None => continue,
				},
				ActStatus::Pending | ActStatus::Expired => continue,
			};
			let covers = match end {
				None => true,
				Some(end) => end.add_days(grace).ok_or(Error::<T>::InvalidDate)? >= *date,
			};
			if start <= *date && covers && presumed.is_none_or(|(latest, _)| start >= latest) {
				if let Some(husband) = details.spouses.other(mother) {
					presumed = Some((start, husband));
				}
			}
		}
		Ok(presumed.map(|(_, husband)| husband))
	}

	/// The kinship rule for `person`'s marriage in effect, if any, as the records stand now
	/// (after a correction of their parents).
	pub(crate) fn check_kinship_of_marriage(person: PersonId) -> DispatchResult {
		let record = Self::record(person)?;
		if let Some(spouse) = record.spouse() {
			let other = Self::record(spouse)?;
			ensure!(!Self::too_close(person, &record, spouse, &other), Error::<T>::CloseRelatives);
		}
		Ok(())
	}

	/// The latest marriage in effect of `person`, by its date (a person's marriages in effect
	/// do not overlap; of two on the same day, the one registered later), with its details —
	/// not by registration order, which an archive marriage enrolled late would upset. Also
	/// returns the number of acts read.
	pub(crate) fn latest_marriage(
		person: PersonId,
	) -> (u32, Option<(ActId, Act<T>, MarriageDetails)>) {
		let mut read = 0u32;
		let mut latest: Option<(ActId, Act<T>, MarriageDetails)> = None;
		for id in ActsOf::<T>::get(person) {
			read = read.saturating_add(1);
			if let Some(act) = Acts::<T>::get(id).filter(|a| a.status == ActStatus::Registered) {
				if let ActDetails::Marriage(details) = &act.details {
					if latest.as_ref().is_none_or(|(_, l, _)| l.event_date <= act.event_date) {
						let details = details.clone();
						latest = Some((id, act, details));
					}
				}
			}
		}
		(read, latest)
	}

	/// Marriage `id` (with its `details`), which has ended, ended by act `end` (`end_act`, which
	/// may not be stored yet) instead of what it records: an earlier death or a court's earlier
	/// divorce, registered after the later end. Both spouses take the marital state their
	/// marriages now give them. Returns the acts read.
	pub(crate) fn settle_marriage_end(
		id: ActId,
		details: &MarriageDetails,
		end: ActId,
		end_act: &Act<T>,
	) -> Result<u32, DispatchError> {
		Self::set_ended_by(id, Some(end));
		let ended = MarriageDetails { ended_by: Some(end), ..details.clone() };
		let mut read = 0u32;
		let mut after = [MaritalStatus::Single; 2];
		for (p, state) in details.spouses.both().into_iter().zip(after.iter_mut()) {
			let (r, latest) = Self::latest_marriage(p);
			read = read.saturating_add(r);
			*state = match latest {
				Some((latest, ..)) if latest == id => {
					Self::marital_by(p, id, &ended, Some(end_act))
				},
				Some((latest, _, d)) => {
					let end = d.ended_by.and_then(Acts::<T>::get);
					Self::marital_by(p, latest, &d, end.as_ref())
				},
				None => MaritalStatus::Single,
			};
		}
		let Spouses { first, second } = details.spouses;
		T::Persons::settle_marriage_end(first, second, id, after[0], after[1])?;
		Ok(read)
	}

	/// The marital state marriage `id` (with its `details`, ended by `end` if it has ended)
	/// gives `person` when it is their latest; see [`Self::marital_from_history`].
	pub(crate) fn marital_by(
		person: PersonId,
		id: ActId,
		details: &MarriageDetails,
		end: Option<&Act<T>>,
	) -> MaritalStatus {
		let spouse = details.spouses.other(person).unwrap_or_default();
		match details.ended_by {
			None => MaritalStatus::Married { spouse, act: id },
			Some(_) => match end {
				Some(Act { details: ActDetails::Death(death), event_date, .. }) => {
					let own_death = T::Persons::person(person).and_then(|p| p.death_date());
					if death.person == person || own_death == Some(*event_date) {
						MaritalStatus::DiedMarried { spouse, act: id }
					} else {
						MaritalStatus::Widowed
					}
				},
				_ => MaritalStatus::Divorced,
			},
		}
	}

	/// A person's marital state as their marriages in effect define it: the latest one
	/// decides (in effect: married; ended by their own death, or by the spouse's on the day
	/// they died too: died married; by the spouse's death: widowed; by a divorce: divorced);
	/// none: single. Spouses who die on the same day die at the same time, neither widowed by
	/// the other (article not verified here: the Civil Code's rule that persons dying on the
	/// same day are taken to die at the same moment and do not inherit from each other).
	pub(crate) fn marital_from_history(person: PersonId) -> (u32, MaritalStatus) {
		let (read, latest) = Self::latest_marriage(person);
		let Some((id, _, details)) = latest else { return (read, MaritalStatus::Single) };
		let end = details.ended_by.and_then(Acts::<T>::get);
		(read, Self::marital_by(person, id, &details, end.as_ref()))
	}
}

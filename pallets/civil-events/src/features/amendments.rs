//! Corrections of registered acts, four eyes: an officer of the registering office proposes,
//! a different officer heading that office or the regional department above it approves —
//! never the proposer, nor a head that appointed the proposer within the cooling period; a
//! change of parents, sex or identity (a data root) only the regional department's head (the
//! regional level: for a district office's act, not the district head). On
//! approval the act gets a new version (the old one stays in [`ActHistory`]), the correction is
//! carried over to the persons, and every act in effect of those persons is checked against
//! the law again.

use crate::*;
use civil_registry_primitives::{
	ActId, JurisdictionTree, OfficeKind, OfficerPermissions, Role, TabulatedFacts,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// [`Pallet::propose_amendment`] by `who`.
	pub(crate) fn do_propose_amendment(
		who: T::AccountId,
		act: ActId,
		new_document_hash: H256,
		reason: AmendmentReason,
		correction: Correction,
	) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(record.status == ActStatus::Registered, Error::<T>::ActNotInEffect);
		let officer = T::Permissions::officer(&who).ok_or(Error::<T>::NotOfficer)?;
		ensure!(
			officer.office == record.office
				|| T::Permissions::is_successor_of_closed(&who, record.office),
			Error::<T>::NotRegisteringOffice
		);
		ensure!(new_document_hash != record.document_hash, Error::<T>::DocumentUnchanged);
		ensure!(
			correction.parents.is_none() || reason == AmendmentReason::CourtDecision,
			Error::<T>::ParentsNeedCourtDecision
		);
		// The shape of the correction is checked now; the law rules at the approval,
		// against the records of that day.
		let mut corrected = record.clone();
		Self::apply_correction(&mut corrected, &correction)?;
		if let Some(jurisdiction) = correction.jurisdiction {
			T::Permissions::authorize(
				&who,
				record.permission_kind(),
				jurisdiction,
				Role::Registrar,
			)
			.map_err(Error::<T>::from)?;
		}
		let change =
			ProposedChange::Amendment { document_hash: new_document_hash, reason, correction };
		let (proposal, expires_at) = Self::open_proposal(&who, act, change)?;
		Self::deposit_event(Event::AmendmentProposed { proposal, act, proposer: who, expires_at });
		Ok(())
	}

	/// [`Pallet::approve_amendment`] by `who`.
	pub(crate) fn do_approve_amendment(
		who: T::AccountId,
		proposal: ProposalId,
	) -> DispatchResultWithPostInfo {
		let open = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		let ProposedChange::Amendment { document_hash, reason, correction } = open.change else {
			return Err(Error::<T>::WrongProposalKind.into());
		};
		let record = Acts::<T>::get(open.act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(
			T::Permissions::is_supervising_head(&who, record.office),
			Error::<T>::NotSupervisingHead
		);
		ensure!(who != open.proposer, Error::<T>::SelfApproval);
		Self::ensure_not_appointer(&who, &open.proposer)?;
		if correction.changes_identity() {
			let approver = T::Permissions::officer(&who).ok_or(Error::<T>::NotSupervisingHead)?;
			ensure!(
				approver.office_kind == OfficeKind::RegionalDepartment,
				Error::<T>::NeedsRegionalApproval
			);
		}
		ensure!(record.status == ActStatus::Registered, Error::<T>::ActNotInEffect);

		Self::close_proposal(proposal, &open);
		Self::note_approval(&who, open.act)?;
		let (version, checked) = Self::amend(
			open.act,
			record,
			document_hash,
			reason,
			&correction,
			open.proposer,
			who.clone(),
		)?;
		Self::deposit_event(Event::ActAmended {
			proposal,
			act: open.act,
			version,
			reason,
			approved_by: who,
		});
		Ok(Some(Self::amendment_weight(checked, &correction)).into())
	}

	/// Refuse an approver that appointed `officer` (whose work it would approve) within the
	/// cooling period.
	pub(crate) fn ensure_not_appointer(
		approver: &T::AccountId,
		officer: &T::AccountId,
	) -> DispatchResult {
		ensure!(
			!T::Permissions::appointed_recently(approver, officer),
			Error::<T>::ApproverAppointedOfficer
		);
		Ok(())
	}

	/// The weight of an approved amendment that checked `checked` acts: with new parents, one
	/// kinship check more, weighed as a marriage (whose worst case is a full kinship search).
	pub fn amendment_weight(checked: u32, correction: &Correction) -> Weight {
		let weight = T::WeightInfo::approve_amendment(checked);
		if correction.parents.is_some() {
			weight.saturating_add(T::WeightInfo::register_marriage())
		} else {
			weight
		}
	}

	/// [`Pallet::reject_amendment`] by `who`.
	pub(crate) fn do_reject_amendment(who: T::AccountId, proposal: ProposalId) -> DispatchResult {
		let open = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			matches!(open.change, ProposedChange::Amendment { .. }),
			Error::<T>::WrongProposalKind
		);
		let office = Acts::<T>::get(open.act).ok_or(Error::<T>::UnknownAct)?.office;
		ensure!(
			who == open.proposer || T::Permissions::is_supervising_head(&who, office),
			Error::<T>::NotSupervisingHead
		);
		Self::close_proposal(proposal, &open);
		Self::deposit_event(Event::ProposalRejected { proposal, act: open.act, rejected_by: who });
		Ok(())
	}

	/// Apply `correction` to `act`'s fields (not to persons), checking its shape: an existing
	/// jurisdiction, a date the row of the date table allows at the corrected place (a place
	/// moved from abroad to home brings the date under the home row), fields the act's kind
	/// has.
	pub(crate) fn apply_correction(act: &mut Act<T>, correction: &Correction) -> DispatchResult {
		if let Some(jurisdiction) = correction.jurisdiction {
			ensure!(T::Jurisdictions::exists(jurisdiction), Error::<T>::UnknownJurisdiction);
			act.jurisdiction = jurisdiction;
		}
		if correction.event_date.is_some() || correction.jurisdiction.is_some() {
			let date = correction.event_date.unwrap_or(act.event_date);
			Self::ensure_corrected_date(act, &date)?;
			act.event_date = date;
		}
		act.correct_details(correction)?;
		Ok(())
	}

	/// A correction of the parents of the birth or enrollment `id` on a court decision
	/// (`decision`): the index of the acts of each parent dropped or added follows. A birth
	/// records the decision as the one setting aside the husband's presumed paternity.
	fn move_parent_links(
		id: ActId,
		act: &mut Act<T>,
		previous: &Act<T>,
		decision: H256,
	) -> DispatchResult {
		let parents = act.details.parents();
		let person = act.details.created();
		ensure!(person.is_none_or(|p| !parents.contains(p)), Error::<T>::SamePerson);
		let (before, after) = (previous.details.indexed_subjects(), act.details.indexed_subjects());
		for dropped in before.iter().filter(|p| !after.contains(p)) {
			ActsOf::<T>::mutate(dropped, |acts| acts.retain(|a| *a != id));
		}
		for added in after.iter().filter(|p| !before.contains(p)) {
			Self::person(*added)?;
			ActsOf::<T>::try_append(added, id).map_err(|_| Error::<T>::TooManyActs)?;
		}
		if let ActDetails::Birth(birth) = &mut act.details {
			birth.court_decision = Some(decision);
		}
		Ok(())
	}

	/// Make the corrected version of act `id` current: keep the old one in [`ActHistory`],
	/// carry the correction over to the persons, move the act in the statistics, and check
	/// the law again for every act it can affect. Returns the new version and the number
	/// of acts checked.
	pub(crate) fn amend(
		id: ActId,
		previous: Act<T>,
		document_hash: H256,
		reason: AmendmentReason,
		correction: &Correction,
		proposed_by: T::AccountId,
		approved_by: T::AccountId,
	) -> Result<(u32, u32), DispatchError> {
		let mut act = previous.clone();
		Self::apply_correction(&mut act, correction)?;
		if correction.parents.is_some() {
			Self::move_parent_links(id, &mut act, &previous, document_hash)?;
		}
		act.document_hash = document_hash;
		act.version = act.version.checked_add(1).ok_or(Error::<T>::Overflow)?;

		act.carry_over(id, &previous)?;
		if act.jurisdiction != previous.jurisdiction {
			T::Jurisdictions::note_record(act.jurisdiction);
		}
		// Out of the cells it was counted in, into the new ones: a new month or place, a new
		// timeliness (the date), a new mother's age group (the date or the parents).
		let facts = FactsOf::<T>::get(id);
		let mother_age = facts.and(Self::mother_age(&act));
		let new_age = facts.is_some_and(|f| f.mother_age != mother_age);
		if act.event_date != previous.event_date
			|| act.jurisdiction != previous.jurisdiction
			|| new_age
		{
			Self::count(id, &previous, false);
			if let Some(facts) = facts.filter(|_| new_age) {
				FactsOf::<T>::insert(id, TabulatedFacts { mother_age, ..facts });
			}
			Self::count(id, &act, true);
		}
		let version = act.version;
		ActHistory::<T>::insert(
			id,
			previous.version,
			SupersededVersion {
				act: previous,
				superseded_at: frame_system::Pallet::<T>::block_number(),
				reason,
				proposed_by,
				approved_by,
			},
		);
		Acts::<T>::insert(id, act.clone());

		// A corrected date of birth or of death touches every act of the person; a corrected
		// marriage or divorce, the marriages of both spouses.
		let checked = act.recheck_amended(id)?;
		if let (Some(_), Some(person)) = (correction.parents, act.details.created()) {
			Self::check_kinship_of_marriage(person)?;
		}
		Ok((version, checked))
	}
}

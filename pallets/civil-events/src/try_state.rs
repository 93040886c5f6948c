//! The pallet's invariants, checked after every test and every property-test step (and by
//! `try-runtime`): each check is a function named for what it guarantees, and
//! [`Pallet::do_try_state`] runs them all.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use civil_registry_primitives::{
	ActKind, CompromisedKeys, JurisdictionId, JurisdictionTree, LifeStatus, MaritalStatus,
	OfficeId, PersonRegistry, YearMonth,
};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Every invariant of acts, persons, versions, revocations, proposals, certificates,
	/// statistics and the officer index.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::try_state_acts_well_formed()?;
		Self::try_state_acts_of()?;
		Self::try_state_marital_symmetry()?;
		Self::try_state_deaths()?;
		Self::try_state_persons_follow_their_acts()?;
		Self::try_state_versions_and_revocations()?;
		Self::try_state_officer_index()?;
		Self::try_state_statistics()?;
		Self::try_state_tabulations()?;
		Self::try_state_certificates()?;
		Self::try_state_proposals()?;
		Self::try_state_reviews()?;
		Self::try_state_certificate_counts()?;
		Self::try_state_adoptions_in_effect()?;
		Self::try_state_annulments()?;
		Self::try_state_surnames()?;
		Self::try_state_notifications()?;
		Self::try_state_applications()?;
		Self::try_state_incapacities()?;
		Self::try_state_pending_expiries()?;
		Self::try_state_pending_identities()
	}

	/// Act ids are issued in order; a birth or an enrollment names the person it created
	/// exactly when it took effect; a divorce names its marriage's spouses; an act's subjects
	/// exist.
	fn try_state_acts_well_formed() -> Result<(), TryRuntimeError> {
		let next = NextActId::<T>::get();
		for (id, act) in Acts::<T>::iter() {
			ensure!(id < next, "an act id is not yet issued");
			if matches!(act.kind(), ActKind::Birth | ActKind::Enrollment) {
				match act.status {
					ActStatus::Registered => {
						ensure!(act.details.created().is_some(), "a birth in effect has no person")
					},
					ActStatus::Pending | ActStatus::Expired => ensure!(
						act.details.created().is_none(),
						"a birth that never took effect names a person"
					),
					ActStatus::Revoked => {},
				}
			}
			if let ActDetails::Divorce(divorce) = &act.details {
				let marriage = Acts::<T>::get(divorce.marriage).ok_or("a divorce of no act")?;
				ensure!(
					matches!(&marriage.details, ActDetails::Marriage(m) if m.spouses == divorce.spouses),
					"a divorce's spouses are not its marriage's"
				);
			}
			for subject in act.subjects() {
				ensure!(T::Persons::person(subject).is_some(), "an act's subject does not exist");
			}
		}
		Ok(())
	}

	/// `ActsOf` lists exactly the acts of each subject that took effect: an act in effect is
	/// listed, a pending one is not (a revoked one stays listed if it ever took effect), and
	/// every listed act names the person. The birth or enrollment that created a person is
	/// not listed for them but named by their record, with the identity key the act recorded.
	fn try_state_acts_of() -> Result<(), TryRuntimeError> {
		for (id, act) in Acts::<T>::iter() {
			// A birth or enrollment that took effect names its person (one that never did —
			// pending, expired, revoked while pending — names none).
			let created = act.details.created();
			for subject in act.subjects() {
				let listed = ActsOf::<T>::get(subject).contains(&id);
				if created == Some(subject) {
					ensure!(!listed, "a person's index lists the act that created them");
					let record =
						T::Persons::person(subject).ok_or("a created person is missing")?;
					ensure!(record.origin_act == id, "a person's record names another origin");
					let key = act.details.identity_key().ok_or("a birth without identity key")?;
					let holder = T::Persons::by_identity(key);
					if record.revoked {
						ensure!(holder != Some(subject), "a revoked person holds its key");
					} else {
						ensure!(holder == Some(subject), "a person does not hold its act's key");
					}
					continue;
				}
				match act.status {
					ActStatus::Registered => ensure!(listed, "an act in effect is not in ActsOf"),
					ActStatus::Pending => ensure!(!listed, "a pending act is in ActsOf"),
					ActStatus::Expired => ensure!(!listed, "an expired act is in ActsOf"),
					ActStatus::Revoked => {},
				}
			}
		}
		for (person, acts) in ActsOf::<T>::iter() {
			for id in acts {
				let act = Acts::<T>::get(id).ok_or("ActsOf lists an unknown act")?;
				ensure!(act.subjects().contains(&person), "ActsOf lists an act of someone else");
			}
		}
		Ok(())
	}

	/// Both spouses of a marriage in effect that has not ended are married to each other by
	/// it, and a married person's marriage is in effect and has not ended.
	fn try_state_marital_symmetry() -> Result<(), TryRuntimeError> {
		for (id, act) in Acts::<T>::iter() {
			if act.status != ActStatus::Registered {
				continue;
			}
			if let ActDetails::Marriage(MarriageDetails {
				spouses: Spouses { first: a, second: b },
				ended_by: None,
				..
			}) = act.details
			{
				for (p, s) in [(a, b), (b, a)] {
					ensure!(
						T::Persons::person(p).map(|r| r.marital)
							== Some(MaritalStatus::Married { spouse: s, act: id }),
						"an active marriage's spouse is not married by it"
					);
				}
			}
		}
		for id in 0..T::Persons::next_id() {
			let Some(p) = T::Persons::person(id) else { continue };
			if let MaritalStatus::Married { act, .. } = p.marital {
				let m = Acts::<T>::get(act).ok_or("a marriage act is missing")?;
				ensure!(
					m.status == ActStatus::Registered
						&& matches!(
							m.details,
							ActDetails::Marriage(MarriageDetails { ended_by: None, .. })
						),
					"a married person's marriage has ended"
				);
			}
		}
		Ok(())
	}

	/// A death act in effect makes its subject deceased by it, and a deceased person has an
	/// effective death act of their own.
	fn try_state_deaths() -> Result<(), TryRuntimeError> {
		for (id, act) in Acts::<T>::iter() {
			if let (ActStatus::Registered, ActDetails::Death(DeathDetails { person: p })) =
				(act.status, &act.details)
			{
				ensure!(
					matches!(T::Persons::person(*p).map(|r| r.status), Some(LifeStatus::Deceased { act, .. }) if act == id),
					"a death act's subject is not deceased by it"
				);
			}
		}
		for id in 0..T::Persons::next_id() {
			let Some(p) = T::Persons::person(id) else { continue };
			if let LifeStatus::Deceased { act, .. } = p.status {
				let death =
					Acts::<T>::get(act).ok_or("a deceased person's death act is missing")?;
				ensure!(
					matches!(death.details, ActDetails::Death(DeathDetails { person }) if person == id)
						&& death.status == ActStatus::Registered,
					"a deceased person's death act is not an effective death act of theirs"
				);
			}
		}
		Ok(())
	}

	/// A person's marital state is what their marriages in effect make it; their origin act is
	/// their birth or enrollment, and they are revoked exactly when it is.
	fn try_state_persons_follow_their_acts() -> Result<(), TryRuntimeError> {
		for id in 0..T::Persons::next_id() {
			let Some(p) = T::Persons::person(id) else { continue };
			ensure!(
				Self::marital_from_history(id).1 == p.marital,
				"a person's marital state is not what their marriages make it"
			);
			let origin = Acts::<T>::get(p.origin_act).ok_or("a person's origin act is missing")?;
			ensure!(
				origin.details.created() == Some(id),
				"a person's origin act is not its birth or enrollment"
			);
			ensure!(
				p.revoked == (origin.status == ActStatus::Revoked),
				"a person is revoked exactly when its origin act is"
			);
		}
		Ok(())
	}

	/// Every superseded version of an act is kept under its number, and only superseded
	/// versions are; an act is revoked exactly when it has a revocation record.
	fn try_state_versions_and_revocations() -> Result<(), TryRuntimeError> {
		for (id, act) in Acts::<T>::iter() {
			for version in 1..act.version {
				let old = ActHistory::<T>::get(id, version)
					.ok_or("a superseded version of an act is missing")?;
				ensure!(old.act.version == version, "a stored version has the wrong number");
			}
			ensure!(
				Revocations::<T>::contains_key(id) == (act.status == ActStatus::Revoked),
				"an act is revoked exactly when it has a revocation record"
			);
		}
		for (id, version, _) in ActHistory::<T>::iter() {
			let act = Acts::<T>::get(id).ok_or("a version of an unknown act")?;
			ensure!(version < act.version, "a stored version is not superseded");
		}
		Ok(())
	}

	/// The officer index's runs cover every act exactly once, each by its own officer.
	fn try_state_officer_index() -> Result<(), TryRuntimeError> {
		let mut covered = 0u64;
		for (officer, first, length) in ActsByOfficer::<T>::iter() {
			ensure!(length > 0, "an empty run in the officer index");
			for id in first..first.saturating_add(length.into()) {
				let act = Acts::<T>::get(id).ok_or("the officer index lists an unknown act")?;
				ensure!(act.officer == officer, "the officer index lists another officer's act");
				covered = covered.saturating_add(1);
			}
		}
		// Each act is listed under its own officer only, so runs of one officer that
		// overlapped would list an act twice: counting proves every act listed exactly once.
		ensure!(
			covered == Acts::<T>::iter().count() as u64,
			"the officer index does not list every act exactly once"
		);
		Ok(())
	}

	/// The statistics equal a recount of the acts in effect by kind, month and jurisdiction,
	/// each act counted for its jurisdiction and every one above it.
	fn try_state_statistics() -> Result<(), TryRuntimeError> {
		let mut recount: BTreeMap<(ActKind, YearMonth, JurisdictionId), u32> = BTreeMap::new();
		for act in Acts::<T>::iter_values() {
			if act.status == ActStatus::Registered {
				let lineage = T::Jurisdictions::lineage(act.jurisdiction);
				ensure!(!lineage.is_empty(), "an act in effect in an unknown jurisdiction");
				for jurisdiction in lineage {
					let n = recount
						.entry((act.kind(), act.event_date.year_month(), jurisdiction))
						.or_default();
					*n = n.saturating_add(1);
				}
			}
		}
		let stored: BTreeMap<_, _> = Statistics::<T>::iter().collect();
		ensure!(stored == recount, "the statistics differ from a recount of the acts in effect");
		Ok(())
	}

	/// The UN's tabulations equal a recount: each act in effect with facts in the cells its
	/// facts and its record give, each notification not withdrawn as notified, and as followed
	/// while an act follows it; each count for its jurisdiction and every one above it. And
	/// each birth's mother's age group is the one her record gives at the act's date.
	fn try_state_tabulations() -> Result<(), TryRuntimeError> {
		use civil_registry_primitives::{TabulatedFacts, Tabulation};
		let mut recount: BTreeMap<(Tabulation, YearMonth, JurisdictionId), u32> = BTreeMap::new();
		let mut add = |table: Tabulation, month: YearMonth, place: JurisdictionId| {
			for jurisdiction in T::Jurisdictions::lineage(place) {
				let n = recount.entry((table, month, jurisdiction)).or_default();
				*n = n.saturating_add(1);
			}
		};
		for (id, act) in Acts::<T>::iter() {
			let facts: Option<TabulatedFacts> = FactsOf::<T>::get(id);
			if let Some(facts) = facts {
				ensure!(
					facts.mother_age == Self::mother_age(&act),
					"a birth's mother's age group differs from her record's"
				);
				if act.status == ActStatus::Registered {
					let lineage = T::Jurisdictions::lineage(act.jurisdiction);
					for (table, month, place) in Self::cells_of(&act, &facts, &lineage) {
						add(table, month, place);
					}
				}
			}
		}
		for notification in Notifications::<T>::iter_values() {
			let (kind, month) = (notification.event.kind(), notification.event.date().year_month());
			if notification.status != NotificationStatus::Withdrawn {
				add(Tabulation::Notified(kind), month, notification.jurisdiction);
			}
			if matches!(notification.status, NotificationStatus::Registered(_)) {
				add(Tabulation::NotifiedRegistered(kind), month, notification.jurisdiction);
			}
		}
		let stored: BTreeMap<_, _> = Tabulations::<T>::iter().collect();
		ensure!(stored == recount, "the UN's tabulations differ from a recount");
		Ok(())
	}

	/// A certificate is of an existing act, at a version it has had.
	fn try_state_certificates() -> Result<(), TryRuntimeError> {
		for certificate in Certificates::<T>::iter_values() {
			let act = Acts::<T>::get(certificate.act).ok_or("a certificate of an unknown act")?;
			ensure!(certificate.version <= act.version, "a certificate of a future version");
		}
		Ok(())
	}

	/// Each open proposal is its act's one open proposal, queued for expiry at a future block,
	/// listed under its proposer and counted for its office; the index, the queue, the lists
	/// and the counts hold nothing else.
	fn try_state_proposals() -> Result<(), TryRuntimeError> {
		let mut open = 0usize;
		for (id, proposal) in Proposals::<T>::iter() {
			open = open.saturating_add(1);
			ensure!(Acts::<T>::contains_key(proposal.act), "a proposal on an unknown act");
			ensure!(
				OpenProposal::<T>::get(proposal.act) == Some(id),
				"a proposal is not its act's open proposal"
			);
			ensure!(
				ProposalExpiries::<T>::get(proposal.expires_at).contains(&id),
				"a proposal is not queued for expiry"
			);
			ensure!(
				proposal.expires_at > frame_system::Pallet::<T>::block_number(),
				"a proposal outlived its expiry"
			);
			ensure!(
				ProposalsBy::<T>::get(&proposal.proposer).contains(&id),
				"a proposal is not listed under its proposer"
			);
			ensure!(
				OpenProposalsOfOffice::<T>::get(proposal.office) > 0,
				"a proposal is not counted for its office"
			);
		}
		ensure!(OpenProposal::<T>::iter().count() == open, "OpenProposal has extra entries");
		let queued: usize = ProposalExpiries::<T>::iter().map(|(_, q)| q.len()).sum();
		ensure!(queued == open, "the expiry queue has extra entries");
		let listed: usize = ProposalsBy::<T>::iter().map(|(_, l)| l.len()).sum();
		ensure!(listed == open, "the proposers' lists have extra entries");
		let counted: u64 = OpenProposalsOfOffice::<T>::iter().map(|(_, n)| u64::from(n)).sum();
		ensure!(counted == open as u64, "the offices' counts are off");
		for (office, n) in OpenProposalsOfOffice::<T>::iter() {
			let actual = Proposals::<T>::iter().filter(|(_, p)| p.office == office).count();
			ensure!(n as usize == actual, "an office's count is off");
			ensure!(n <= T::MaxOpenProposalsPerOffice::get(), "an office is over its bound");
		}
		Ok(())
	}

	/// A cleared review is of an act that a compromised key signed or approved; each act's
	/// approvals are in the index by approver, and within their bound.
	fn try_state_reviews() -> Result<(), TryRuntimeError> {
		for (id, _) in ReviewCleared::<T>::iter() {
			let act = Acts::<T>::get(id).ok_or("a cleared review of an unknown act")?;
			let approved_by_compromised = ApprovedActs::<T>::get(id).iter().any(|(who, at)| {
				T::Permissions::compromised_since(who).is_some_and(|since| *at >= since)
			});
			ensure!(
				Self::signed_by_compromised_key(&act) || approved_by_compromised,
				"a cleared review of an act no compromised key signed or approved"
			);
		}
		for (id, approvals) in ApprovedActs::<T>::iter() {
			ensure!(Acts::<T>::contains_key(id), "approvals of an unknown act");
			for (who, at) in approvals {
				ensure!(
					ApprovalsBy::<T>::get(&who, id).is_some_and(|last| last >= at),
					"an approval missing from the index by approver"
				);
			}
		}
		Ok(())
	}

	/// Every pending late registration is queued for expiry exactly once, at a block still to
	/// come, and the queues hold nothing else.
	fn try_state_pending_expiries() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut queued = alloc::collections::btree_set::BTreeSet::new();
		for (at, queue) in PendingExpiries::<T>::iter() {
			ensure!(at > now, "a late registration queued to expire in the past");
			ensure!(!queue.is_empty(), "an empty expiry queue is stored");
			for act in queue {
				ensure!(queued.insert(act), "a late registration queued twice");
			}
		}
		let pending: alloc::collections::btree_set::BTreeSet<_> = Acts::<T>::iter()
			.filter(|(_, act)| act.status == ActStatus::Pending)
			.map(|(id, _)| id)
			.collect();
		ensure!(queued == pending, "the expiry queues differ from the pending acts");
		let mut by_officer: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut by_office: BTreeMap<OfficeId, u32> = BTreeMap::new();
		for id in &pending {
			let act = Acts::<T>::get(id).ok_or("a pending act vanished")?;
			let n = by_officer.entry(act.officer).or_default();
			*n = n.saturating_add(1);
			let n = by_office.entry(act.office).or_default();
			*n = n.saturating_add(1);
		}
		let stored: BTreeMap<_, _> = PendingBy::<T>::iter().collect();
		ensure!(stored == by_officer, "an officer's count of pending acts is off");
		let stored: BTreeMap<_, _> = PendingOfOffice::<T>::iter().collect();
		ensure!(stored == by_office, "an office's count of pending acts is off");
		ensure!(
			by_officer.values().all(|n| *n <= T::MaxPendingPerOfficer::get())
				&& by_office.values().all(|n| *n <= T::MaxPendingPerOffice::get()),
			"pending acts over their bound"
		);
		Ok(())
	}

	/// Each annulment is of a revoked marriage (revoked by the decision it records), dated
	/// neither before the marriage nor after today.
	fn try_state_annulments() -> Result<(), TryRuntimeError> {
		let today = Self::today().ok();
		for (id, annulment) in Annulments::<T>::iter() {
			let act = Acts::<T>::get(id).ok_or("an annulment of no act")?;
			ensure!(matches!(act.details, ActDetails::Marriage(_)), "an annulment of no marriage");
			ensure!(act.status == ActStatus::Revoked, "an annulled marriage not revoked");
			let revocation =
				Revocations::<T>::get(id).ok_or("an annulment without a revocation")?;
			ensure!(
				revocation.reason_hash == annulment.decision,
				"an annulment's decision differs"
			);
			ensure!(annulment.date >= act.event_date, "an annulment before its marriage");
			ensure!(today.is_none_or(|t| annulment.date <= t), "an annulment after today");
		}
		Ok(())
	}

	/// Each surname chosen is of an act that gives one, by a person who may choose it with
	/// that act, once per person.
	fn try_state_surnames() -> Result<(), TryRuntimeError> {
		for (id, changes) in Surnames::<T>::iter() {
			let act = Acts::<T>::get(id).ok_or("a surname chosen with no act")?;
			for (i, change) in changes.iter().enumerate() {
				ensure!(act.takes_surname(change.person), "a surname chosen by someone else");
				ensure!(
					changes.iter().take(i).all(|c| c.person != change.person),
					"two surnames of one person"
				);
			}
		}
		Ok(())
	}

	/// Each recorded incapacity is of an existing person, dated between their birth and today.
	fn try_state_incapacities() -> Result<(), TryRuntimeError> {
		let today = Self::today().ok();
		for (person, incapacity) in Incapacities::<T>::iter() {
			let record = T::Persons::person(person).ok_or("an incapacity of no person")?;
			ensure!(incapacity.since >= record.birth_date, "an incapacity before birth");
			ensure!(today.is_none_or(|t| incapacity.since <= t), "an incapacity after today");
		}
		Ok(())
	}

	/// Each child with adoptions in effect has one entry in `AdoptionInEffect`: the latest
	/// adoption (a step-parent's, or of an orphaned adoptee, may follow the first), with the
	/// parents the child had before the first (its birth parents); the map holds nothing else.
	fn try_state_adoptions_in_effect() -> Result<(), TryRuntimeError> {
		// Per child: the first adoption in effect and the parents before it, and the latest.
		let mut found: BTreeMap<_, (u64, Parents, u64)> = BTreeMap::new();
		for (id, act) in Acts::<T>::iter() {
			if act.status != ActStatus::Registered {
				continue;
			}
			if let ActDetails::Adoption(adoption) = &act.details {
				let birth = adoption.previous;
				let entry = found.entry(adoption.child).or_insert((id, birth, id));
				if id < entry.0 {
					(entry.0, entry.1) = (id, birth);
				}
				entry.2 = entry.2.max(id);
			}
		}
		let expected: BTreeMap<_, _> = found
			.into_iter()
			.map(|(child, (_, Parents { mother, father }, latest))| {
				(child, ReplacedParents { act: latest, mother, father })
			})
			.collect();
		let stored: BTreeMap<_, _> = AdoptionInEffect::<T>::iter().collect();
		ensure!(stored == expected, "AdoptionInEffect differs from the adoptions in effect");
		Ok(())
	}

	/// Each act's certificate count is the number of its certificates, within the bound; each
	/// cancellation is of a certificate issued before it.
	fn try_state_certificate_counts() -> Result<(), TryRuntimeError> {
		let mut counted: BTreeMap<civil_registry_primitives::ActId, u32> = BTreeMap::new();
		for certificate in Certificates::<T>::iter_values() {
			let n = counted.entry(certificate.act).or_default();
			*n = n.saturating_add(1);
		}
		let stored: BTreeMap<_, _> = CertificatesIssued::<T>::iter().collect();
		ensure!(stored == counted, "the certificate counts differ from the certificates");
		ensure!(
			stored.values().all(|n| *n <= T::MaxCertificatesPerAct::get()),
			"more certificates of an act than the bound"
		);
		let now = frame_system::Pallet::<T>::block_number();
		for (hash, cancellation) in CancelledCertificates::<T>::iter() {
			let certificate =
				Certificates::<T>::get(hash).ok_or("a cancelled certificate was never issued")?;
			ensure!(
				certificate.issued_at <= cancellation.at && cancellation.at <= now,
				"a certificate cancelled before it was issued, or in the future"
			);
		}
		Ok(())
	}

	/// An identity key reserved by a pending late birth belongs to that pending birth.
	fn try_state_pending_identities() -> Result<(), TryRuntimeError> {
		for (key, id) in PendingIdentities::<T>::iter() {
			let act = Acts::<T>::get(id).ok_or("a pending identity's act is missing")?;
			ensure!(
				act.status == ActStatus::Pending
					&& matches!(act.details, ActDetails::Birth(BirthDetails { identity_key, .. }) if identity_key == key),
				"a reserved identity key has no pending birth"
			);
		}
		Ok(())
	}

	/// Every open notification is on its district's list and counted for its facility, and
	/// nothing else is; a followed one names an act of its kind that names it back, in effect
	/// or waiting.
	fn try_state_notifications() -> Result<(), TryRuntimeError> {
		let mut open = BTreeMap::<OfficeId, u32>::new();
		for (id, n) in Notifications::<T>::iter() {
			let listed = OpenNotifications::<T>::contains_key(n.jurisdiction, id);
			ensure!(listed == (n.status == NotificationStatus::Open), "an open list out of step");
			match n.status {
				NotificationStatus::Open => {
					let count = open.entry(n.facility).or_default();
					*count = count.saturating_add(1);
				},
				NotificationStatus::Registered(act) => {
					let record = Acts::<T>::get(act).ok_or("a notification of no act")?;
					ensure!(record.kind() == n.event.kind(), "a notification of another kind");
					ensure!(
						matches!(record.status, ActStatus::Registered | ActStatus::Pending),
						"a notification followed by an act not in effect"
					);
					ensure!(NotificationOfAct::<T>::get(act) == Some(id), "an act not naming it");
				},
				NotificationStatus::Withdrawn => {},
			}
		}
		ensure!(
			OpenNotifications::<T>::iter_keys()
				.all(|(j, id)| Notifications::<T>::get(id).is_some_and(|n| n.jurisdiction == j)),
			"a listed notification of another district"
		);
		for (facility, count) in OpenNotificationsOf::<T>::iter() {
			ensure!(open.remove(&facility).unwrap_or(0) == count, "a facility's open count");
		}
		ensure!(open.values().all(|n| *n == 0), "an uncounted open notification");
		for (act, id) in NotificationOfAct::<T>::iter() {
			let n = Notifications::<T>::get(id).ok_or("an act naming no notification")?;
			ensure!(n.status == NotificationStatus::Registered(act), "an act naming another's");
		}
		Ok(())
	}

	/// Every application is found by its tracking code, and its office's open count is its
	/// applications neither registered nor refused; a registered marriage application names
	/// a marriage of its two applicants.
	fn try_state_applications() -> Result<(), TryRuntimeError> {
		let mut open = BTreeMap::<OfficeId, u32>::new();
		for (id, a) in Applications::<T>::iter() {
			ensure!(
				ApplicationByTracking::<T>::get(a.tracking) == Some(id),
				"a lost tracking code"
			);
			if !a.status.is_final() {
				let count = open.entry(a.office).or_default();
				*count = count.saturating_add(1);
			}
			if let (ApplicationKind::Marriage, ApplicationStatus::Registered(act)) =
				(a.kind, a.status)
			{
				let record = Acts::<T>::get(act).ok_or("an application of no act")?;
				let ActDetails::Marriage(m) = record.details else {
					return Err("a marriage application registered as another act".into());
				};
				let mut spouses = m.spouses.both();
				spouses.sort_unstable();
				let mut parties = a.parties.clone().into_inner();
				parties.sort_unstable();
				ensure!(spouses.as_slice() == parties.as_slice(), "a marriage of others");
			}
		}
		ensure!(
			ApplicationByTracking::<T>::iter().all(|(_, id)| Applications::<T>::contains_key(id)),
			"a tracking code of no application"
		);
		for (office, count) in OpenApplicationsOf::<T>::iter() {
			ensure!(open.remove(&office).unwrap_or(0) == count, "an office's open count");
		}
		ensure!(open.values().all(|n| *n == 0), "an uncounted open application");
		Ok(())
	}
}

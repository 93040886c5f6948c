//! The public side's views, computed by the runtime for `CivilRegistryApi`: the directory of
//! jurisdictions and offices, and the acts a block registered per region. The node serves
//! them (the public gateway) without decoding any pallet's storage itself.

use alloc::{collections::BTreeMap, vec::Vec};
use civil_registry_primitives::{
	ActId, Directory, JurisdictionId, JurisdictionTree, OfficeId, OfficeState, PublicJurisdiction,
	PublicOffice, RegionActivity,
};

use super::{Offices, Runtime, RuntimeEvent, System};

/// Every jurisdiction and office, by id.
pub fn directory() -> Directory {
	let mut jurisdictions: Vec<_> = pallet_offices::Jurisdictions::<Runtime>::iter()
		.map(|(id, j)| PublicJurisdiction {
			id,
			code: j.code.into_inner(),
			name: j.name.into_inner(),
			parent: j.parent,
			depth: j.depth,
		})
		.collect();
	jurisdictions.sort_unstable_by_key(|j| j.id);
	let mut offices: Vec<_> = pallet_offices::Offices::<Runtime>::iter()
		.map(|(id, o)| PublicOffice {
			id,
			name: o.name.into_inner(),
			jurisdiction: o.jurisdiction,
			status: match o.status {
				pallet_offices::OfficeStatus::Active => OfficeState::Active,
				pallet_offices::OfficeStatus::Suspended => OfficeState::Suspended,
				pallet_offices::OfficeStatus::Closed => OfficeState::Closed,
			},
		})
		.collect();
	offices.sort_unstable_by_key(|o| o.id);
	Directory { jurisdictions, offices }
}

/// The act an event registers (or a late registration's approval puts in effect) and its
/// office, if the event is an act's own.
fn registered_act(event: &RuntimeEvent) -> Option<(ActId, OfficeId)> {
	use pallet_civil_events::Event as E;
	match event {
		RuntimeEvent::CivilEvents(
			E::BirthRegistered { act, office, .. }
			| E::PersonEnrolled { act, office, .. }
			| E::DeathRegistered { act, office, .. }
			| E::MarriageRegistered { act, office, .. }
			| E::DivorceRegistered { act, office, .. }
			| E::AdoptionRegistered { act, office, .. }
			| E::PaternityRegistered { act, office, .. }
			| E::NameChangeRegistered { act, office, .. }
			| E::MarriageEnrolled { act, office, .. },
		) => Some((*act, *office)),
		_ => None,
	}
}

/// The office an event registers an act of, if it registers one.
fn act_office(event: &RuntimeEvent) -> Option<OfficeId> {
	registered_act(event).map(|(_, office)| office)
}

/// The region of an office: the jurisdiction of depth 1 above (or at) the office's, or the
/// country for an office bound to the country itself.
fn region_of(office: OfficeId) -> Option<JurisdictionId> {
	let jurisdiction = pallet_offices::Offices::<Runtime>::get(office)?.jurisdiction;
	// The office's jurisdiction, its parent, ..., the country: the region is next to last.
	let lineage = Offices::lineage(jurisdiction);
	let last = lineage.len().checked_sub(2).or(lineage.len().checked_sub(1))?;
	lineage.get(last).copied()
}

/// The acts the current block registered (its events), per region, by region id. Off-chain
/// only (a runtime API call): it reads the block's events.
pub fn block_activity() -> Vec<RegionActivity> {
	let mut offices = BTreeMap::<OfficeId, u32>::new();
	for record in System::read_events_no_consensus() {
		if let Some(office) = act_office(&record.event) {
			let n = offices.entry(office).or_default();
			*n = n.saturating_add(1);
		}
	}
	let mut regions = BTreeMap::<JurisdictionId, u32>::new();
	for (office, acts) in offices {
		if let Some(region) = region_of(office) {
			let n = regions.entry(region).or_default();
			*n = n.saturating_add(acts);
		}
	}
	regions
		.into_iter()
		.map(|(region, acts)| RegionActivity { region, acts })
		.collect()
}

/// The access-log anchors of any of `keys` the current block's events record. Off-chain only
/// (a runtime API call): it reads the block's events.
pub fn block_anchors(
	keys: &[sp_core::sr25519::Public],
) -> Vec<pallet_authorities::AccessLogAnchor> {
	System::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::Authorities(pallet_authorities::Event::AccessLogAnchored {
				key,
				entries,
				head,
				sealed,
				..
			}) if keys.contains(&key) => {
				Some(pallet_authorities::AccessLogAnchor { key, entries, head, sealed })
			},
			_ => None,
		})
		.collect()
}

/// What the current block changed of what the public side keeps (the events it deposited, read
/// off-chain): the certificates issued; the acts whose certificates' answers may have changed
/// — corrected, revoked, approved or expired late registrations, and every act of a child an
/// adoption sealed or whose adoption was revoked (a sealed child's acts and their
/// certificates are no longer public); the acts registered per region; the archive batches
/// anchored; whether the directory changed. The public projection runs it, natively, over a
/// storage proof of the block's state (`node/src/projection/query.rs`).
pub fn block_changes() -> civil_registry_primitives::BlockChanges {
	use pallet_civil_events::Event as E;
	let mut changes = civil_registry_primitives::BlockChanges {
		timestamp: pallet_timestamp::Now::<Runtime>::get(),
		spec_version: frame_system::LastRuntimeUpgrade::<Runtime>::get()
			.map_or(0, |upgrade| upgrade.spec_version.0),
		..Default::default()
	};
	let mut touched = alloc::collections::BTreeSet::new();
	let seal = |child: civil_registry_primitives::PersonId,
	            touched: &mut alloc::collections::BTreeSet<_>| {
		touched.extend(pallet_civil_events::Pallet::<Runtime>::acts_of_person(child));
	};
	let mut offices = BTreeMap::<OfficeId, u32>::new();
	for record in System::read_events_no_consensus() {
		if let Some(office) = act_office(&record.event) {
			let n = offices.entry(office).or_default();
			*n = n.saturating_add(1);
		}
		match record.event {
			RuntimeEvent::CivilEvents(E::CertificateIssued { certificate, act, .. }) => {
				changes.issued.push((certificate, act));
			},
			RuntimeEvent::CivilEvents(
				E::ActAmended { act, .. }
				| E::LateRegistrationApproved { act, .. }
				| E::LateRegistrationExpired { act, .. },
			) => {
				touched.insert(act);
			},
			RuntimeEvent::CivilEvents(E::ActRevoked { act, .. }) => {
				touched.insert(act);
				let adopted =
					pallet_civil_events::Acts::<Runtime>::get(act).and_then(|a| match a.details {
						pallet_civil_events::ActDetails::Adoption(adoption) => Some(adoption.child),
						_ => None,
					});
				if let Some(child) = adopted {
					seal(child, &mut touched);
				}
			},
			RuntimeEvent::CivilEvents(E::AdoptionRegistered { child, sealed: true, .. }) => {
				seal(child, &mut touched);
			},
			RuntimeEvent::CivilEvents(E::ArchiveAnchored { root, .. }) => {
				changes.anchored.push(root);
			},
			RuntimeEvent::CivilEvents(
				E::ApplicationReceived { application, .. }
				| E::ApplicationUpdated { application, .. },
			) => {
				changes.applications.extend(
					pallet_civil_events::Applications::<Runtime>::get(application)
						.map(|a| a.tracking),
				);
			},
			RuntimeEvent::CivilEvents(E::ReviewCleared { act, .. }) => {
				touched.insert(act);
			},
			RuntimeEvent::CivilEvents(E::CertificateCancelled { certificate, .. }) => {
				// Re-asked with its act's others.
				touched.extend(
					pallet_civil_events::Certificates::<Runtime>::get(certificate).map(|c| c.act),
				);
			},
			RuntimeEvent::Offices(pallet_offices::Event::OfficerDismissed {
				officer,
				compromised_since: Some(since),
				..
			}) => {
				// The certificates of what the key signed or approved, and of what registrars it
				// appointed since signed, are under review from this block; so are the
				// certificates it issued (asked again by the block of issue).
				changes.directory = true;
				changes.compromised_since =
					Some(changes.compromised_since.map_or(since, |earlier| earlier.min(since)));
				let appointees = pallet_offices::Appointments::<Runtime>::iter_prefix(&officer)
					.filter(|(_, at)| *at >= since)
					.map(|(who, _)| who);
				for who in core::iter::once(officer).chain(appointees) {
					touched.extend(
						pallet_civil_events::Pallet::<Runtime>::acts_under_review(who)
							.into_iter()
							.map(|item| item.act),
					);
				}
			},
			RuntimeEvent::Offices(_) => changes.directory = true,
			_ => {},
		}
	}
	changes.touched = touched.into_iter().collect();
	let mut regions = BTreeMap::<JurisdictionId, u32>::new();
	for (office, acts) in offices {
		if let Some(region) = region_of(office) {
			let n = regions.entry(region).or_default();
			*n = n.saturating_add(acts);
		}
	}
	changes.activity = regions
		.into_iter()
		.map(|(region, acts)| RegionActivity { region, acts })
		.collect();
	changes
}

/// An anchored archive batch as the public sees it; `None` for an unknown root.
pub fn public_anchor(root: sp_core::H256) -> Option<civil_registry_primitives::PublicAnchor> {
	pallet_civil_events::ArchiveAnchors::<Runtime>::get(root).map(|anchor| {
		civil_registry_primitives::PublicAnchor {
			count: anchor.count,
			office: anchor.office,
			from: anchor.period.from,
			to: anchor.period.to,
			anchored_at: anchor.anchored_at,
		}
	})
}

/// The current block's events about acts, for the office read API's feed: an act registered
/// (its own event, also when a pending act is approved), amended or revoked. Off-chain only (a
/// runtime API call): it reads the block's events.
pub fn feed_events() -> Vec<civil_registry_primitives::FeedEvent> {
	use civil_registry_primitives::{FeedChange, FeedEvent};
	use pallet_civil_events::Event as E;
	System::read_events_no_consensus()
		.enumerate()
		.filter_map(|(index, record)| {
			let (change, act) = match (&record.event, registered_act(&record.event)) {
				(_, Some((act, _))) => (FeedChange::Registered, act),
				(RuntimeEvent::CivilEvents(E::ActAmended { act, .. }), None) => {
					(FeedChange::Amended, *act)
				},
				(RuntimeEvent::CivilEvents(E::ActRevoked { act, .. }), None) => {
					(FeedChange::Revoked, *act)
				},
				_ => return None,
			};
			let record = pallet_civil_events::Acts::<Runtime>::get(act)?;
			let persons = if record.sealed { Vec::new() } else { record.subjects().into_inner() };
			Some(FeedEvent {
				index: u32::try_from(index).ok()?,
				change,
				act,
				kind: record.kind(),
				persons,
				date: record.event_date,
			})
		})
		.collect()
}

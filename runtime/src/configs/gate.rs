//! The transaction gate (`pallet-gate`): its configuration, and its table of which calls each
//! role may sign.
//!
//! The chain is feeless, so the gate (`pallet_gate::CheckRole`) is what keeps a key to the
//! work of its role. It asks [`RoleCalls`] about every signed transaction, when the pool
//! validates it and again when a block is built or imported:
//!
//! | role | may sign |
//! | --- | --- |
//! | registrar (any officer of an active office) | the acts (`civilEvents.register*`, `enroll*`, `anchorArchiveBatch`), `gate.heartbeat`, proposing and withdrawing amendments and revocations, certificates, citizens' applications |
//! | head of an office | the same, and approving late registrations and amendments, cancelling the office's certificates, shortening a marriage application's wait, appointing and dismissing its registrars |
//! | head of a regional justice department | the same, and approving revocations, suspending the offices of its region, registering its region's health facilities and appointing their heads |
//! | a subscriber to the feed (a government system's key) | nothing: it reads the feed of the office read API |
//! | staff of a health facility (its head or not) | notifying births and deaths, withdrawing its notifications, `gate.heartbeat`; its head also appoints and dismisses its staff — and nothing of an office's work |
//! | council member (a department's governance account) | `council.propose`, `vote`, `close` |
//! | authority | its session keys (`session.setKeys`, `purgeKeys`) |
//! | sudo key (development chains only) | `sudo.*` |
//!
//! Governance and emergency calls (the council's, the sudo key's, session keys, dismissing a
//! registrar, suspending an office) go into the pool with
//! [`GOVERNANCE_PRIORITY`], ahead of every act.
//!
//! Installing a runtime whose hash the council authorized (`system.applyAuthorizedUpgrade`)
//! needs no signature: it is submitted unsigned, and the chain checks the code's hash. Nor does
//! an authority node's anchor of its access log (`authorities.anchorAccessLog`): a general
//! transaction that the node's Aura key authorizes, which no account signs.
//!
//! An account may hold several roles (on the development chain Alice heads an office and is a
//! council member, an authority and the sudo key); it may sign what any of them may. No role
//! signs anything else: `system.remark*` and the other `system` calls, `timestamp`, `grandpa`
//! (its equivocation reports come unsigned from the nodes), and every call whose origin is
//! governance (`offices` governance, `authorities`, `councilMembership`, `governance`), which
//! the council reaches by a motion, never by a signature. Whether the call then succeeds is
//! the pallet's own check (a head approving another office's act is refused there, with a
//! module error); the table only keeps each key to its kind of work.
//!
//! The matches on our own pallets' calls name every call, so that a new call does not compile
//! until it has a line here.

use civil_registry_primitives::{OfficeKind, Role};
use frame_support::parameter_types;
use pallet_gate::{Refusal, SignedCalls};
use sp_runtime::transaction_validity::TransactionPriority;

use super::super::{AccountId, BlockNumber, Runtime, RuntimeCall, DAYS};
use super::governance::is_council_member;

parameter_types! {
	/// What one key may send, whatever its role: 2,000 transactions or 2 MiB in a day, none
	/// longer than 64 KiB.
	///
	/// Sized from the workload: Uzbekistan registers about 1.5 million acts a year, some 4,100
	/// a day over about 200 offices — 20 an office on an average day; a busy office registers a
	/// few hundred a day over several registrars, so one registrar rarely signs more than 200.
	/// A day's 2,000 is ten times that (an archive enrolling its paper records in bulk gets
	/// more registrars, not a bigger budget per key). An act is 200–400 bytes; 64 KiB leaves
	/// room for the largest calls (an archive batch is about 32 KiB). The pool admits a key's
	/// transaction only if the day's budget holds it after every transaction of the key ahead
	/// of it, counted at 64 KiB each (`extensions::CheckNonce`): a key has at most 17
	/// transactions waiting (the nonce bound), and fewer once its day's bytes pass 1 MiB. One stolen key thus sends at most
	/// 2,000 transactions a day, in blocks that take everyone's next transaction before its
	/// second, until governance dismisses it — and governance's calls go first
	/// (`configs::gate`). Installing a runtime is unsigned (its hash was authorized), so no
	/// budget stands in its way.
	pub const SignerBudget: pallet_gate::SignerBudget<BlockNumber> = pallet_gate::SignerBudget {
		per_day: pallet_gate::Allowance { transactions: 2_000, bytes: 2 * 1024 * 1024 },
		max_transaction_bytes: 64 * 1024,
		day_length: DAYS,
	};
}

impl pallet_gate::Config for Runtime {
	/// The offices' officers whose appointment is in effect, in an active office.
	type Officers = pallet_offices::ActiveOfficers<Runtime>;
	/// The table of roles and calls below.
	type SignedCalls = RoleCalls;
	type SignerBudget = SignerBudget;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GateBenchmarkHelper;
	type WeightInfo = pallet_gate::weights::SubstrateWeight<Runtime>;
}

/// The gate's worst officer to admit: a registrar appointed by a head, in the deepest
/// jurisdiction (its officer record, its appointment, the head's dismissal record and its
/// office are read).
#[cfg(feature = "runtime-benchmarks")]
pub struct GateBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_gate::BenchmarkHelper<AccountId> for GateBenchmarkHelper {
	fn worst_officer() -> AccountId {
		let (head, registrar, _) = pallet_offices::Pallet::<Runtime>::benchmark_office(0);
		pallet_offices::AppointedBy::<Runtime>::insert(
			&registrar,
			(head, frame_system::Pallet::<Runtime>::block_number()),
		);
		registrar
	}
}

/// A role an account holds, as far as the gate is concerned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Capacity {
	/// A registrar of an active office.
	Registrar,
	/// The head of an active office that is not a regional justice department.
	Head,
	/// The head of an active regional justice department.
	RegionalHead,
	/// Staff of an active health facility who is not its head.
	FacilityStaff,
	/// The head of an active health facility.
	FacilityHead,
	/// A member of the departments' council.
	CouncilMember,
	/// An authority (its node authors blocks and votes on finality).
	Authority,
	/// The sudo key of a development chain.
	SudoKey,
}

/// The gate's table; see the module documentation.
pub struct RoleCalls;

/// The pool priority of governance and emergency calls: above every ordinary transaction, so
/// that a council vote on dismissing a key, or a head dismissing a registrar, is taken into the
/// next block however many acts wait in the pool.
pub const GOVERNANCE_PRIORITY: TransactionPriority = TransactionPriority::MAX / 2;

impl SignedCalls<AccountId, RuntimeCall> for RoleCalls {
	fn check(who: &AccountId, call: &RuntimeCall) -> Result<(), Refusal> {
		let mut any = false;
		for capacity in capacities(who).into_iter().flatten() {
			if may_sign(capacity, call) {
				return Ok(());
			}
			any = true;
		}
		Err(if any { Refusal::NotForRole } else { Refusal::NoRole })
	}

	fn priority(call: &RuntimeCall) -> TransactionPriority {
		if is_governance(call) {
			GOVERNANCE_PRIORITY
		} else {
			0
		}
	}
}

/// Governance and emergency calls: the council's motions and votes, a regional head suspending
/// an office or vetoing an appointment, a head dismissing a registrar, an authority's keys, the
/// sudo key's calls.
pub fn is_governance(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Council(_)
			| RuntimeCall::Sudo(_)
			| RuntimeCall::Session(_)
			| RuntimeCall::Offices(
				pallet_offices::Call::dismiss_registrar { .. }
					| pallet_offices::Call::suspend_office { .. }
					| pallet_offices::Call::veto_appointment { .. }
			)
	)
}

/// The roles `who` holds: at most one office role, and any of the others.
pub fn capacities(who: &AccountId) -> [Option<Capacity>; 4] {
	let office =
		pallet_offices::Pallet::<Runtime>::active_officer(who).and_then(|(officer, office)| {
			Some(match (officer.role, office.kind) {
				// A subscriber's key reads the feed and signs nothing.
				(_, OfficeKind::Subscriber(_)) => return None,
				(Role::Registrar, OfficeKind::HealthFacility) => Capacity::FacilityStaff,
				(Role::Head, OfficeKind::HealthFacility) => Capacity::FacilityHead,
				(Role::Registrar, _) => Capacity::Registrar,
				(Role::Head, OfficeKind::RegionalDepartment) => Capacity::RegionalHead,
				(Role::Head, _) => Capacity::Head,
			})
		});
	[
		office,
		is_council_member(who).then_some(Capacity::CouncilMember),
		pallet_authorities::Pallet::<Runtime>::is_authority(who).then_some(Capacity::Authority),
		(pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who)).then_some(Capacity::SudoKey),
	]
}

/// Whether a holder of `capacity` may sign `call`.
pub fn may_sign(capacity: Capacity, call: &RuntimeCall) -> bool {
	use Capacity::*;
	match call {
		RuntimeCall::CivilEvents(call) => civil_events(capacity, call),
		RuntimeCall::Offices(call) => offices(capacity, call),
		RuntimeCall::Gate(call) => gate(capacity, call),
		RuntimeCall::Council(
			pallet_collective::Call::propose { .. }
			| pallet_collective::Call::vote { .. }
			| pallet_collective::Call::close { .. }
			| pallet_collective::Call::release_proposal_cost { .. },
		) => capacity == CouncilMember,
		RuntimeCall::Session(
			pallet_session::Call::set_keys { .. } | pallet_session::Call::purge_keys { .. },
		) => capacity == Authority,
		RuntimeCall::Sudo(_) => capacity == SudoKey,
		_ => false,
	}
}

fn civil_events(capacity: Capacity, call: &pallet_civil_events::Call<Runtime>) -> bool {
	use pallet_civil_events::Call::*;
	use Capacity::*;
	let officer = matches!(capacity, Registrar | Head | RegionalHead);
	let head = matches!(capacity, Head | RegionalHead);
	let facility = matches!(capacity, FacilityStaff | FacilityHead);
	match call {
		register_birth { .. }
		| register_death { .. }
		| register_marriage { .. }
		| register_divorce { .. }
		| register_adoption { .. }
		| register_paternity { .. }
		| register_name_change { .. }
		| enroll_person { .. }
		| enroll_marriage { .. }
		| enroll_batch { .. }
		| anchor_archive_batch { .. }
		| propose_amendment { .. }
		| reject_amendment { .. }
		| propose_revocation { .. }
		| propose_annulment { .. }
		| reject_revocation { .. }
		| issue_certificate { .. }
		| receive_application { .. }
		| update_application { .. } => officer,
		approve_late_registration { .. }
		| approve_amendment { .. }
		| cancel_certificate { .. }
		| record_incapacity { .. }
		| shorten_waiting { .. } => head,
		notify_birth { .. } | notify_death { .. } | withdraw_notification { .. } => facility,
		approve_revocation { .. } | clear_review { .. } | restore_capacity { .. } => {
			capacity == RegionalHead
		},
		__Ignore(..) => false,
	}
}

fn offices(capacity: Capacity, call: &pallet_offices::Call<Runtime>) -> bool {
	use pallet_offices::Call::*;
	use Capacity::*;
	match call {
		appoint_registrar { .. } | dismiss_registrar { .. } => {
			matches!(capacity, Head | RegionalHead | FacilityHead)
		},
		suspend_office { .. } | veto_appointment { .. } => capacity == RegionalHead,
		// The regional level registers its region's health facilities and appoints their heads
		// (the pallet refuses a regional head any other office's head); every other office
		// is the council's.
		register_office { kind: OfficeKind::HealthFacility, .. } | appoint_head { .. } => {
			capacity == RegionalHead
		},
		// Governance's, by a council motion.
		create_jurisdiction { .. }
		| rename_jurisdiction { .. }
		| remove_jurisdiction { .. }
		| register_office { .. }
		| reopen_office { .. }
		| close_office { .. }
		| dismiss_officer { .. }
		| set_appointment_delay { .. } => false,
		__Ignore(..) => false,
	}
}

fn gate(capacity: Capacity, call: &pallet_gate::Call<Runtime>) -> bool {
	use pallet_gate::Call::*;
	use Capacity::*;
	match call {
		heartbeat { .. } => {
			matches!(capacity, Registrar | Head | RegionalHead | FacilityStaff | FacilityHead)
		},
		__Ignore(..) => false,
	}
}

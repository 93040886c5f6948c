//! Who governs: the regional justice departments' council and the authority set.
//!
//! - `Council` (`pallet-collective`): one member per regional justice department (its
//!   governance account). Its two-thirds majority, [`CouncilTwoThirds`], is the production
//!   origin of everything root does on a development chain ([`GovernanceOrigin`]).
//! - `CouncilMembership` (`pallet-membership`): the members, changed only by the council's
//!   two-thirds majority (or root). Each member holds a provider reference while it is one, so
//!   that it can sign (the nonce check needs one); [`CouncilMembers`] grants and releases it.
//! - `Governance`: root for the council (`governance.dispatch_as_root`), for the calls FRAME
//!   accepts only from root: `system.authorize_upgrade` (then anyone may submit the code with
//!   `system.apply_authorized_upgrade`), `grandpa.note_stalled`.
//! - `Authorities` and `Session`: the block authors and finality voters, changed by
//!   [`GovernanceOrigin`], taking effect at the second session boundary after the change
//!   (sessions of `Authorities::SessionLength` blocks, a genesis setting).

use frame_support::{
	parameter_types,
	traits::{
		ChangeMembers, Consideration, ConstU32, EitherOf, InitializeMembers, MaybeConsideration,
	},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::DispatchError;
use sp_runtime::Perbill;

use super::super::{
	AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, SessionKeys, DAYS,
};
use super::RuntimeBlockWeights;

/// The council's instance of `pallet-collective` and `pallet-membership`.
pub type CouncilInstance = pallet_collective::Instance1;

/// Two thirds of the council.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>;

/// Governance: the council's two-thirds majority, or root (the sudo key of the development and
/// local test chains, or `governance.dispatch_as_root`).
pub type GovernanceOrigin = EitherOf<EnsureRoot<AccountId>, CouncilTwoThirds>;

/// Most council members: one per regional justice department (14) leaves room.
pub const MAX_COUNCIL_MEMBERS: u32 = 32;

parameter_types! {
	/// A motion stays open for a week of blocks; the departments vote within it.
	pub const MotionDuration: BlockNumber = 7 * DAYS;
	/// A council motion may take at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	/// 100 motions open at once: far more than a council of departments debates.
	type MaxProposals = ConstU32<MAX_MOTIONS>;
	type MaxMembers = ConstU32<MAX_COUNCIL_MEMBERS>;
	/// A member who did not vote when a motion closes after its duration counts as a nay:
	/// two thirds means two thirds of the seats saying aye, never silence read as consent.
	type DefaultVote = AbstentionIsNotAye;
	type WeightInfo = CouncilWeights;
	/// Members change through `CouncilMembership` only.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	/// No deposits on a feeless chain; a ticket that records who proposed, so that one member
	/// holds at most [`MAX_MOTIONS_PER_MEMBER`] of the queue.
	type Consideration = MotionSlot;
}

/// How a member who did not vote counts when a motion closes after its duration: not as an aye.
///
/// FRAME's `MoreThanMajorityThenPrimeDefaultVote` turns every abstention into an aye once more
/// than half of the seats voted aye, so 8 of 14 with nobody against would dispatch as 14 of 14
/// and pass a two-thirds origin; a department whose governance key is kept offline would be an
/// automatic aye. Here it is a nay, and the motion's origin counts only the ayes cast.
pub struct AbstentionIsNotAye;

impl pallet_collective::DefaultVote for AbstentionIsNotAye {
	fn default_vote(_prime: Option<bool>, _yes: u32, _no: u32, _seats: u32) -> bool {
		false
	}
}

/// Most motions one member may have open at once. With [`MAX_COUNCIL_MEMBERS`] members this
/// is at most 96 of the queue's 100 places: no member fills the queue, and a motion to remove
/// a member always finds a place, whatever that member proposes.
pub const MAX_MOTIONS_PER_MEMBER: u32 = 3;

const _: () = assert!(MAX_MOTIONS_PER_MEMBER * MAX_COUNCIL_MEMBERS < MAX_MOTIONS);

/// The council's whole queue of open motions.
pub const MAX_MOTIONS: u32 = 100;

/// The council's "consideration" for a motion: not a deposit (the chain has no money) but a
/// place in the queue, attributed to its proposer (`pallet_collective::CostOf` keeps who
/// proposed each motion). [`Consideration::new`] refuses a member who already has
/// [`MAX_MOTIONS_PER_MEMBER`] motions open with `governance.TooManyOpenMotions`.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
)]
pub struct MotionSlot;

impl MotionSlot {
	/// How many of the open motions `who` proposed.
	pub fn open_motions_of(who: &AccountId) -> u32 {
		let open = pallet_collective::Proposals::<Runtime, CouncilInstance>::get();
		let mine = open.iter().filter(|hash| {
			pallet_collective::CostOf::<Runtime, CouncilInstance>::get(hash)
				.is_some_and(|(proposer, _)| &proposer == who)
		});
		u32::try_from(mine.count()).unwrap_or(u32::MAX)
	}
}

impl Consideration<AccountId, u32> for MotionSlot {
	fn new(who: &AccountId, _queue: u32) -> Result<Self, DispatchError> {
		// The new motion is already in the queue, without its ticket: not counted here.
		if Self::open_motions_of(who) >= MAX_MOTIONS_PER_MEMBER {
			return Err(pallet_governance::Error::<Runtime>::TooManyOpenMotions.into());
		}
		Ok(MotionSlot)
	}

	fn update(self, _who: &AccountId, _queue: u32) -> Result<Self, DispatchError> {
		Ok(self)
	}

	fn drop(self, _who: &AccountId) -> Result<(), DispatchError> {
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_who: &AccountId, _queue: u32) {}
}

impl MaybeConsideration<AccountId, u32> for MotionSlot {
	fn is_none(&self) -> bool {
		// A ticket to keep: it is what says who proposed the motion.
		false
	}
}

/// FRAME's measured weights of `pallet-collective`, and for `propose` the reads of
/// [`MotionSlot::new`]: the proposer of each open motion (`CostOf`), `p` of them.
pub struct CouncilWeights;

type CollectiveWeights = pallet_collective::weights::SubstrateWeight<Runtime>;

impl pallet_collective::WeightInfo for CouncilWeights {
	fn set_members(m: u32, n: u32, p: u32) -> Weight {
		CollectiveWeights::set_members(m, n, p)
	}
	fn execute(b: u32, m: u32) -> Weight {
		CollectiveWeights::execute(b, m)
	}
	fn propose_execute(b: u32, m: u32) -> Weight {
		CollectiveWeights::propose_execute(b, m)
	}
	fn propose_proposed(b: u32, m: u32, p: u32) -> Weight {
		CollectiveWeights::propose_proposed(b, m, p)
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(u64::from(p)))
	}
	fn vote(m: u32) -> Weight {
		CollectiveWeights::vote(m)
	}
	fn close_early_disapproved(m: u32, p: u32) -> Weight {
		CollectiveWeights::close_early_disapproved(m, p)
	}
	fn close_early_approved(b: u32, m: u32, p: u32) -> Weight {
		CollectiveWeights::close_early_approved(b, m, p)
	}
	fn close_disapproved(m: u32, p: u32) -> Weight {
		CollectiveWeights::close_disapproved(m, p)
	}
	fn close_approved(b: u32, m: u32, p: u32) -> Weight {
		CollectiveWeights::close_approved(b, m, p)
	}
	fn disapprove_proposal(p: u32) -> Weight {
		CollectiveWeights::disapprove_proposal(p)
	}
	fn kill(d: u32, p: u32) -> Weight {
		CollectiveWeights::kill(d, p)
	}
	fn release_proposal_cost() -> Weight {
		CollectiveWeights::release_proposal_cost()
	}
}

/// Hands membership changes to the council and keeps each member's provider reference.
pub struct CouncilMembers;

impl InitializeMembers<AccountId> for CouncilMembers {
	fn initialize_members(members: &[AccountId]) {
		for who in members {
			frame_system::Pallet::<Runtime>::inc_providers(who);
		}
		<Council as InitializeMembers<AccountId>>::initialize_members(members);
	}
}

impl ChangeMembers<AccountId> for CouncilMembers {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		for who in incoming {
			frame_system::Pallet::<Runtime>::inc_providers(who);
		}
		for who in outgoing {
			// The account keeps the reference if something still consumes it (e.g. it is
			// also an authority holding session keys); leaving the council never fails on it.
			let _ = frame_system::Pallet::<Runtime>::dec_providers(who);
		}
		<Council as ChangeMembers<AccountId>>::change_members_sorted(incoming, outgoing, new);
	}

	fn set_prime(prime: Option<AccountId>) {
		<Council as ChangeMembers<AccountId>>::set_prime(prime);
	}

	fn get_prime() -> Option<AccountId> {
		<Council as ChangeMembers<AccountId>>::get_prime()
	}
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = CouncilMembers;
	type MembershipChanged = CouncilMembers;
	type MaxMembers = ConstU32<MAX_COUNCIL_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type CouncilOrigin = CouncilTwoThirds;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// No deposit for session keys: the chain has no money, and only authorities hold keys.
	pub const KeyDeposit: u32 = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	/// Only authorities may set session keys.
	type ValidatorIdOf = pallet_authorities::AuthorityOf<Runtime>;
	type ShouldEndSession = super::super::Authorities;
	type NextSessionRotation = super::super::Authorities;
	type SessionManager = super::super::Authorities;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No slashing and no disabling: authorities are departments, removed by governance.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = pallet_authorities::NoDeposit<RuntimeHoldReason>;
	type KeyDeposit = KeyDeposit;
}

impl pallet_authorities::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	/// GRANDPA finalizes with more than two thirds of the voters: four is the smallest set that
	/// goes on finalizing with one authority down (3 of 4); with three, every one is needed
	/// (3 of 3), so the council cannot go below four (#29).
	type MinAuthorities = ConstU32<4>;
	/// Aura's and GRANDPA's own bound.
	type MaxAuthorities = ConstU32<32>;
	/// With governance's calls, ahead of every act.
	type AnchorPriority = AnchorPriority;
	type WeightInfo = pallet_authorities::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysOf;
}

frame_support::parameter_types! {
	/// The pool priority of an access-log anchor (`pallet_authorities::Config::AnchorPriority`).
	pub const AnchorPriority: sp_runtime::transaction_validity::TransactionPriority =
		super::gate::GOVERNANCE_PRIORITY;
}

/// Fresh session keys in the benchmark's keystore, with their ownership proof.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysOf;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_authorities::BenchmarkHelper<AccountId, SessionKeys> for SessionKeysOf {
	fn keys_and_proof(owner: &AccountId) -> (SessionKeys, alloc::vec::Vec<u8>) {
		use codec::Encode;
		let generated = SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}
}

/// Whether `who` is a member of the council.
pub fn is_council_member(who: &AccountId) -> bool {
	pallet_collective::Members::<Runtime, CouncilInstance>::get().contains(who)
}

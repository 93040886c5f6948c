//! The person record and the interface of the person registry.

use crate::{ActId, Date, JurisdictionId, PersonId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult};

/// Sex as recorded at birth: the minimum the law checks and the statistics need.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
pub enum Sex {
	/// Female.
	Female,
	/// Male.
	Male,
}

/// Whether a person is alive.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum LifeStatus {
	/// Alive.
	Alive,
	/// Deceased: the date of death and the death act that recorded it.
	Deceased {
		/// The date of death.
		date: Date,
		/// The death act.
		act: ActId,
	},
}

/// A person's marital state.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum MaritalStatus {
	/// Never married.
	Single,
	/// In an active marriage.
	Married {
		/// The spouse.
		spouse: PersonId,
		/// The marriage act.
		act: ActId,
	},
	/// The last marriage ended by divorce.
	Divorced,
	/// The last marriage ended by the spouse's death.
	Widowed,
	/// Died while married: the marriage ended by this person's death.
	DiedMarried {
		/// The surviving spouse.
		spouse: PersonId,
		/// The marriage act.
		act: ActId,
	},
}

/// What the chain knows of a person. No name, no national number: `data_root` is the root over
/// salted hashes of the person's fields, for selective disclosure. The person's identity key
/// (a keyed hash of the national identifier computed off chain; the key never reaches the
/// chain) is not in the record: the act that created the person records it, and the persons
/// pallet's index maps it to the person while their registration is in force.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PersonRecord {
	/// Root over the salted hashes of the person's fields; changes with a name change.
	pub data_root: H256,
	/// Sex at birth.
	pub sex: Sex,
	/// Date of birth.
	pub birth_date: Date,
	/// Jurisdiction of birth (or of enrollment, for the paper archive).
	pub birth_jurisdiction: JurisdictionId,
	/// Alive or deceased.
	pub status: LifeStatus,
	/// The recorded mother, if any.
	pub mother: Option<PersonId>,
	/// The recorded father, if any.
	pub father: Option<PersonId>,
	/// Marital state.
	pub marital: MaritalStatus,
	/// Set by an adoption that seals the original birth act: public queries then hide the
	/// original parents and birth act.
	pub sealed: bool,
	/// The act that created the person: a birth or an enrollment.
	pub origin_act: ActId,
	/// Set when that act was revoked (e.g. a fraudulent registration): the record stays, as
	/// history is never deleted, but its identity key is freed and no new act may concern the
	/// person.
	pub revoked: bool,
}

impl PersonRecord {
	/// Whether the person is alive (and their registration not revoked).
	pub fn is_alive(&self) -> bool {
		self.status == LifeStatus::Alive && !self.revoked
	}

	/// The date of death, if the person is deceased.
	pub fn death_date(&self) -> Option<Date> {
		match self.status {
			LifeStatus::Deceased { date, .. } => Some(date),
			LifeStatus::Alive => None,
		}
	}

	/// Whether the person was alive on `date`: born on or before it and not dead before it.
	pub fn alive_on(&self, date: &Date) -> bool {
		self.birth_date <= *date && self.death_date().is_none_or(|died| died >= *date)
	}

	/// The spouse in an active marriage.
	pub fn spouse(&self) -> Option<PersonId> {
		match self.marital {
			MaritalStatus::Married { spouse, .. } => Some(spouse),
			_ => None,
		}
	}
}

/// A person the registry does not know yet: what a birth or an enrollment says of them. The
/// registry makes the record of it — alive, single, in force, its birth record not sealed —
/// so that no caller can create a person in any other state.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NewPerson {
	/// The keyed hash of the national identifier (kept in the registry's index only: the act
	/// that creates the person records it).
	pub identity_key: H256,
	/// Root over the salted hashes of the person's fields.
	pub data_root: H256,
	/// Sex at birth.
	pub sex: Sex,
	/// Date of birth.
	pub birth_date: Date,
	/// Jurisdiction of birth (or of enrollment, for the paper archive).
	pub birth_jurisdiction: JurisdictionId,
	/// The mother, if recorded.
	pub mother: Option<PersonId>,
	/// The father, if recorded.
	pub father: Option<PersonId>,
	/// The act that creates the person: a birth or an enrollment.
	pub origin_act: ActId,
}

/// The person registry, as the acts pallet sees it. Implemented by `pallet-persons`.
///
/// Writes are intents — "these two marry", "this person died" — not whole records: the
/// registry applies each one to every record it concerns, so that its own invariants (a
/// spouse's spouse is the person, through the same act; a revoked registration is final; an
/// identity key belongs to one person in force) hold whatever the caller does. The acts
/// pallet checks the law first and reports its own errors; the registry refuses an intent that
/// would break its invariants with its own, and a refused intent writes nothing.
pub trait PersonRegistry {
	/// The person with this id.
	fn person(id: PersonId) -> Option<PersonRecord>;

	/// The person with this identity key.
	fn by_identity(identity_key: &H256) -> Option<PersonId>;

	/// The id the next person will get (for benchmarks and tests).
	fn next_id() -> PersonId;

	/// A person is born or enrolled: alive, single, in force, holding `person.identity_key`.
	/// Fails if another person holds the key, or if a recorded parent does not exist or is
	/// not older than the person.
	fn create(person: NewPerson) -> Result<PersonId, DispatchError>;

	/// `first` and `second` marry by act `act`: both alive, distinct and not married.
	fn marry(first: PersonId, second: PersonId, act: ActId) -> DispatchResult;

	/// The marriage `act` of `first` and `second` ends by divorce: both become divorced.
	fn divorce(first: PersonId, second: PersonId, act: ActId) -> DispatchResult;

	/// The marriage `act` of `first` and `second`, ended by a divorce or a death that has been
	/// revoked, is in effect again: both become married to each other.
	fn resume_marriage(first: PersonId, second: PersonId, act: ActId) -> DispatchResult;

	/// The marriage `act` of `first` and `second` is revoked: each takes the marital state
	/// their other marriages give them (`first_after`, `second_after`). It creates no
	/// marriage: a spouse married since (by another act) stays in that marriage.
	fn annul_marriage(
		first: PersonId,
		second: PersonId,
		act: ActId,
		first_after: MaritalStatus,
		second_after: MaritalStatus,
	) -> DispatchResult;

	/// The marriage `act` of `first` and `second`, which has ended, ended otherwise than
	/// recorded (a death or a court's divorce registered after a later end, or on the same
	/// day): each takes the marital state their marriages now give them (`first_after`,
	/// `second_after`). Neither may be left married by `act`; a spouse married since by
	/// another act stays in that marriage; only a deceased person died married.
	fn settle_marriage_end(
		first: PersonId,
		second: PersonId,
		act: ActId,
		first_after: MaritalStatus,
		second_after: MaritalStatus,
	) -> DispatchResult;

	/// `person` died on `date` (death act `act`). An active marriage ends: the person died
	/// married, the spouse is widowed. Returns the spouse and the marriage act, if one ended.
	fn record_death(
		person: PersonId,
		date: Date,
		act: ActId,
	) -> Result<Option<(PersonId, ActId)>, DispatchError>;

	/// The date of death of `person` is corrected to `date`.
	fn correct_death_date(person: PersonId, date: Date) -> DispatchResult;

	/// The death of `person` is revoked: alive again, and a marriage the death ended is in
	/// effect again (the spouse must still be widowed by it).
	fn revoke_death(person: PersonId) -> DispatchResult;

	/// The parent links of `child` move to `mother` and `father` (an adoption, a paternity
	/// established or revoked, parents corrected): each must exist and be older than the child.
	fn move_parent_links(
		child: PersonId,
		mother: Option<PersonId>,
		father: Option<PersonId>,
	) -> DispatchResult;

	/// The original birth record of `person` is sealed, by an adoption that keeps the
	/// adoption secret: public queries hide the original parents and birth act.
	fn seal(person: PersonId) -> DispatchResult;

	/// The original birth record of `person` is unsealed (the adoption was revoked).
	fn unseal(person: PersonId) -> DispatchResult;

	/// The data of `person` changes: its root becomes `data_root` (a change of name, its
	/// correction or its revocation).
	fn change_data(person: PersonId, data_root: H256) -> DispatchResult;

	/// The facts of `person`'s birth are corrected.
	fn correct_birth(
		person: PersonId,
		birth_date: Date,
		birth_jurisdiction: JurisdictionId,
		sex: Sex,
	) -> DispatchResult;

	/// The registration of `person` is revoked (e.g. a fraudulent birth): the record stays,
	/// its identity key `identity_key` (recorded by the act that created it) is freed. Final.
	fn revoke(person: PersonId, identity_key: &H256) -> DispatchResult;
}

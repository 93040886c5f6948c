//! Benchmarks of the civil events pallet, each at its worst case: the deepest jurisdiction (the
//! longest permission check), every optional party present, and every subject's act index one
//! short of full (the longest read and write of `ActsOf`).

// Benchmarks run only in benchmark builds (never in the production runtime) and set up their
// own state: a setup step that fails must stop the benchmark loudly, so the panic-free lints
// that guard runtime code give way to `unwrap`, indexing and plain arithmetic here. Every
// other lint, and warnings as errors, still apply.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects, clippy::panic)]

use super::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, CancellationReason, Date, JurisdictionId, OfficerPermissions, PersonId, PersonRegistry,
	Sex,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{ConstU32, Get, Hooks},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;

/// 2024-06-15 12:00 UTC: "today" in the benchmarks.
const NOW_MILLIS: u64 = 1_718_452_800_000;
/// The day of [`NOW_MILLIS`].
const TODAY: Date = Date::new(2024, 6, 15);

/// The chain's go-live date in the benchmarks: persons born before it are enrolled.
const GO_LIVE: Date = Date::new(2024, 1, 1);

fn d(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day)
}

/// An office's registrar, its deepest jurisdiction, and identity keys of its own. (Its head,
/// which the helper also appoints, approves nothing in the worst cases: regional heads do.)
struct Setup<T: Config> {
	registrar: T::AccountId,
	jurisdiction: JurisdictionId,
	key: u32,
	index: u32,
	nurse: Option<T::AccountId>,
}

impl<T: Config> Setup<T> {
	fn new() -> Self {
		Self::at(0)
	}

	/// Office `index` (its own officers and jurisdiction), with identity keys of its own.
	fn at(index: u32) -> Self {
		T::BenchmarkHelper::set_time(NOW_MILLIS);
		GoLive::<T>::put(GO_LIVE);
		let (_head, registrar, jurisdiction) = T::BenchmarkHelper::office(index);
		Self { registrar, jurisdiction, key: index.saturating_mul(100_000), index, nurse: None }
	}

	/// Staff of the hospital of the office's deepest district (created the first time).
	fn nurse(&mut self) -> T::AccountId {
		let index = self.index;
		self.nurse.get_or_insert_with(|| T::BenchmarkHelper::facility(index)).clone()
	}

	/// A birth notified by the office's district's hospital (created the first time): the
	/// notification's id.
	fn notified_birth(&mut self, date: Date, sex: Sex, mother: Option<PersonId>) -> u64 {
		let nurse = self.nurse();
		let mother = match mother {
			Some(person) => NotifiedMother::Person(person),
			None => NotifiedMother::IdentityKey(H256::repeat_byte(7)),
		};
		Pallet::<T>::notify_birth(RawOrigin::Signed(nurse).into(), date, sex, mother, H256::zero())
			.unwrap();
		NextNotificationId::<T>::get() - 1
	}

	fn origin(&self) -> RawOrigin<T::AccountId> {
		RawOrigin::Signed(self.registrar.clone())
	}

	fn next_key(&mut self) -> H256 {
		self.key += 1;
		key(self.key)
	}

	/// The identity key the next person enrolled gets.
	fn coming_key(&self) -> H256 {
		key(self.key + 1)
	}

	/// A marriage application of `wife` and `husband` the office received 31 days before
	/// `date`; the chain's clock is left at the day of reception.
	fn apply(&mut self, wife: PersonId, husband: PersonId, date: Date) -> ApplicationId {
		T::BenchmarkHelper::set_time(noon(date.add_days(-31).unwrap()));
		let tracking = self.next_key();
		Pallet::<T>::receive_application(
			self.origin().into(),
			ApplicationKind::Marriage,
			tracking,
			alloc::vec![wife, husband].try_into().unwrap(),
		)
		.unwrap();
		NextApplicationId::<T>::get() - 1
	}

	/// Each of `persons` takes a surname: a data root of their own, new.
	fn surnames(&mut self, persons: &[PersonId]) -> SurnameChoices {
		let choices: Vec<SurnameChoice> = persons
			.iter()
			.map(|&person| SurnameChoice { person, data_root: self.next_key() })
			.collect();
		choices.try_into().unwrap()
	}

	fn enroll(&mut self, sex: Sex, born: Date) -> PersonId {
		self.enroll_child(sex, born, None)
	}

	fn enroll_child(&mut self, sex: Sex, born: Date, mother: Option<PersonId>) -> PersonId {
		let key = self.next_key();
		Pallet::<T>::enroll_person(
			self.origin().into(),
			self.jurisdiction,
			born,
			key,
			H256::zero(),
			sex,
			mother,
			None,
			H256::zero(),
		)
		.unwrap();
		T::Persons::by_identity(&key).unwrap()
	}

	/// Register the marriage of `wife` and `husband` on `date` (the chain's clock set to that
	/// day, then back to today), each taking a surname; returns the act.
	fn marry(&mut self, wife: PersonId, husband: PersonId, date: Date) -> ActId {
		let application = self.apply(wife, husband, date);
		T::BenchmarkHelper::set_time(noon(date));
		let surnames = self.surnames(&[wife, husband]);
		Pallet::<T>::register_marriage(
			self.origin().into(),
			self.jurisdiction,
			date,
			wife,
			husband,
			None,
			surnames,
			application,
			H256::zero(),
		)
		.unwrap();
		T::BenchmarkHelper::set_time(NOW_MILLIS);
		NextActId::<T>::get() - 1
	}

	/// Divorce marriage `marriage` on `date`, by mutual consent (the chain's clock set to
	/// that day, then back to today: a registry office's divorce is dated the day it is
	/// registered), each spouse taking a surname.
	fn divorce(&mut self, marriage: ActId, date: Date) {
		T::BenchmarkHelper::set_time(noon(date));
		let Some(ActDetails::Marriage(m)) = Acts::<T>::get(marriage).map(|a| a.details) else {
			panic!("not a marriage")
		};
		let surnames = self.surnames(&m.spouses.both());
		Pallet::<T>::register_divorce(
			self.origin().into(),
			self.jurisdiction,
			date,
			marriage,
			DivorceGrounds::MutualConsent,
			surnames,
			H256::zero(),
		)
		.unwrap();
		T::BenchmarkHelper::set_time(NOW_MILLIS);
	}

	/// A birth in March registered in June from the hospital's notification: late, so
	/// pending. Returns its identity key.
	fn late_birth(&mut self, mother: Option<PersonId>, father: Option<PersonId>) -> H256 {
		let notification = self.notified_birth(d(2024, 3, 1), Sex::Male, mother);
		let key = self.next_key();
		Pallet::<T>::register_birth(
			self.origin().into(),
			self.jurisdiction,
			d(2024, 3, 1),
			key,
			H256::zero(),
			Sex::Male,
			mother,
			father,
			None,
			None,
			Some(notification),
			H256::zero(),
		)
		.unwrap();
		key
	}

	fn couple(&mut self) -> (PersonId, PersonId) {
		(self.enroll(Sex::Female, d(1990, 1, 1)), self.enroll(Sex::Male, d(1988, 1, 1)))
	}
}

/// The `n`th identity key of the benchmarks.
fn key(n: u32) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// Noon UTC of `date`, in milliseconds since the Unix epoch.
fn noon(date: Date) -> u64 {
	(date.days_since_epoch() as u64) * 86_400_000 + 43_200_000
}

/// A woman with `acts` acts in effect — her own birth (with both parents recorded) and the
/// births of `acts - 1` children — so that a correction of her date of birth or a revocation
/// of her birth goes through `acts` acts. Returns her and her birth act.
fn mother_of_many<T: Config>(s: &mut Setup<T>, acts: u32) -> (PersonId, ActId) {
	T::BenchmarkHelper::set_time(noon(d(1990, 1, 5)));
	let (grandmother, grandfather) =
		(s.enroll(Sex::Female, d(1960, 1, 1)), s.enroll(Sex::Male, d(1958, 1, 1)));
	let key = s.next_key();
	// Her birth was notified by the hospital: revoking it opens the notification again.
	let notification = s.notified_birth(d(1990, 1, 1), Sex::Female, Some(grandmother));
	Pallet::<T>::register_birth(
		s.origin().into(),
		s.jurisdiction,
		d(1990, 1, 1),
		key,
		H256::zero(),
		Sex::Female,
		Some(grandmother),
		Some(grandfather),
		None,
		None,
		Some(notification),
		H256::zero(),
	)
	.unwrap();
	let birth = NextActId::<T>::get() - 1;
	let mother = T::Persons::by_identity(&key).unwrap();
	T::BenchmarkHelper::set_time(noon(d(2015, 1, 5)));
	let father = s.enroll(Sex::Male, d(1985, 1, 1));
	for _ in 1..acts {
		let key = s.next_key();
		Pallet::<T>::register_birth(
			s.origin().into(),
			s.jurisdiction,
			d(2015, 1, 1),
			key,
			H256::zero(),
			Sex::Male,
			Some(mother),
			Some(father),
			None,
			None,
			None,
			H256::zero(),
		)
		.unwrap();
	}
	T::BenchmarkHelper::set_time(NOW_MILLIS);
	(mother, birth)
}

/// The correction the amendment benchmarks propose: every field (a date of birth one day
/// earlier, the same jurisdiction, sex and a new data root).
fn full_correction(jurisdiction: JurisdictionId) -> Correction {
	Correction {
		event_date: Some(d(1989, 12, 31)),
		jurisdiction: Some(jurisdiction),
		sex: Some(Sex::Female),
		data_root: Some(H256::repeat_byte(7)),
		parents: None,
	}
}

/// A woman (born 1970) whose act index is one short of full with her enrollment and as many
/// marriages as fit, each ended by a divorce the next day (1995 on): the presumption of
/// paternity reads each marriage and the act that ended it.
fn serial_wife<T: Config>(s: &mut Setup<T>) -> PersonId {
	let wife = s.enroll(Sex::Female, d(1970, 1, 1));
	let marriages = (T::MaxActsPerPerson::get() - 2) / 2;
	let mut date = d(1995, 1, 1);
	for _ in 0..marriages {
		let husband = s.enroll(Sex::Male, d(1968, 1, 1));
		let marriage = s.marry(wife, husband, date);
		date = date.add_days(1).unwrap();
		s.divorce(marriage, date);
	}
	fill::<T>(wife);
	wife
}

/// Two persons (born 2000) as costly to marry as the rules allow: each with
/// [`Config::MaxKinshipSearch`] ancestors, each divorced (the end of their last marriage is
/// looked up), and each act index one short of full. Their former marriages are registered on
/// their day (`archive` false) or enrolled from the archive.
fn costly_spouses<T: Config>(s: &mut Setup<T>, archive: bool) -> (PersonId, PersonId) {
	let a = s.enroll(Sex::Female, d(2000, 1, 1));
	let b = s.enroll(Sex::Male, d(2000, 1, 1));
	ancestry::<T>(s, a);
	ancestry::<T>(s, b);
	for (spouse, sex) in [(a, Sex::Male), (b, Sex::Female)] {
		let former = s.enroll(sex, d(1999, 1, 1));
		let (wife, husband) = if sex == Sex::Male { (spouse, former) } else { (former, spouse) };
		let marriage = if archive {
			Pallet::<T>::enroll_marriage(
				s.origin().into(),
				s.jurisdiction,
				d(2019, 1, 1),
				wife,
				husband,
				H256::zero(),
			)
			.unwrap();
			NextActId::<T>::get() - 1
		} else {
			s.marry(wife, husband, d(2020, 1, 1))
		};
		s.divorce(marriage, d(2021, 1, 1));
	}
	fill::<T>(a);
	fill::<T>(b);
	(a, b)
}

/// Fill a person's act index up to one short of `MaxActsPerPerson`.
fn fill<T: Config>(person: PersonId) {
	let mut acts: Vec<ActId> = ActsOf::<T>::get(person).into_inner();
	let max = T::MaxActsPerPerson::get() as usize;
	while acts.len() < max - 1 {
		acts.push(u64::MAX - acts.len() as u64);
	}
	ActsOf::<T>::insert(person, BoundedVec::try_from(acts).unwrap());
}

/// Give `person` (born in 2000) a full tree of [`Config::MaxKinshipSearch`] ancestors, with
/// no one in common with anyone else's: the kinship check of a marriage visits them all.
fn ancestry<T: Config>(s: &mut Setup<T>, person: PersonId) {
	let bound = T::MaxKinshipSearch::get();
	let mut queue: Vec<(PersonId, u16)> = alloc::vec![(person, 0)];
	let (mut next, mut made) = (0usize, 0u32);
	while made < bound {
		let (child, generation) = queue[next];
		next += 1;
		let born = d(2000u16.saturating_sub(25 * (generation + 1)).max(1800), 1, 1);
		let (mother, father) = (s.enroll(Sex::Female, born), s.enroll(Sex::Male, born));
		T::Persons::move_parent_links(child, Some(mother), Some(father)).unwrap();
		queue.push((mother, generation + 1));
		queue.push((father, generation + 1));
		made += 2;
	}
}

/// A marriage whose spouses have each married and divorced as often as their indexes of
/// acts allow (with room for this marriage and its divorce): revoking it derives each
/// spouse's marital state again from every one of those marriages.
fn costly_marriage_to_revoke<T: Config>(s: &mut Setup<T>) -> ActId {
	let rounds = (T::MaxActsPerPerson::get() - 3) / 2;
	let (wife, husband) =
		(s.enroll(Sex::Female, d(1970, 1, 1)), s.enroll(Sex::Male, d(1970, 1, 1)));
	let mut date = d(1995, 1, 1);
	for _ in 0..rounds {
		let (other_wife, other_husband) =
			(s.enroll(Sex::Female, d(1970, 1, 1)), s.enroll(Sex::Male, d(1970, 1, 1)));
		let first = s.marry(wife, other_husband, date);
		let second = s.marry(other_wife, husband, date);
		date = date.add_days(1).unwrap();
		s.divorce(first, date);
		s.divorce(second, date);
	}
	let marriage = s.marry(wife, husband, date);
	s.divorce(marriage, date.add_days(1).unwrap());
	marriage
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The worst case: a mother with a full index of marriages, each read for the presumption
	/// of paternity.
	#[benchmark]
	fn register_birth() {
		let mut s = Setup::<T>::new();
		let mother_key = s.coming_key();
		let mother = serial_wife(&mut s);
		let father = s.enroll(Sex::Male, d(1968, 1, 1));
		fill::<T>(father);
		let key = s.next_key();
		// Notified by a hospital naming the mother by her identity key (looked up).
		let nurse = T::BenchmarkHelper::facility(0);
		Pallet::<T>::notify_birth(
			RawOrigin::Signed(nurse).into(),
			d(2024, 6, 1),
			Sex::Male,
			NotifiedMother::IdentityKey(mother_key),
			H256::zero(),
		)
		.unwrap();
		let notification = NextNotificationId::<T>::get() - 1;
		// The mother lives in another office's district: its lineage is read besides.
		let residence = Setup::<T>::at(1).jurisdiction;
		T::BenchmarkHelper::set_time(NOW_MILLIS);

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			d(2024, 6, 1),
			key,
			H256::zero(),
			Sex::Male,
			Some(mother),
			Some(father),
			None,
			Some(residence),
			Some(notification),
			H256::zero(),
		);

		assert!(T::Persons::by_identity(&key).is_some());
		assert!(NotificationOfAct::<T>::contains_key(NextActId::<T>::get() - 1));
	}

	/// The worst case: a married woman whose act index is one short of full with real acts
	/// (her children's births, her marriage), every one — and her own birth, which her record
	/// names — checked against the date of death.
	#[benchmark]
	fn register_death() {
		let mut s = Setup::<T>::new();
		let (wife, _) = mother_of_many(&mut s, T::MaxActsPerPerson::get() - 1);
		let husband = s.enroll(Sex::Male, d(1985, 1, 1));
		s.marry(wife, husband, d(2016, 1, 1));
		// The spouses' indexes are searched for a step-parent's adoption the marriage holds.
		fill::<T>(husband);
		assert_eq!(ActsOf::<T>::decode_len(wife), Some(T::MaxActsPerPerson::get() as usize - 1));
		let nurse = s.nurse();
		Pallet::<T>::notify_death(
			RawOrigin::Signed(nurse).into(),
			d(2024, 6, 14),
			wife,
			H256::zero(),
		)
		.unwrap();
		let notification = NextNotificationId::<T>::get() - 1;
		// The deceased lived in another office's district: its lineage is read besides.
		let residence = Setup::<T>::at(1).jurisdiction;
		T::BenchmarkHelper::set_time(NOW_MILLIS);

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			d(2024, 6, 14),
			wife,
			Some(residence),
			Some(notification),
			H256::zero(),
		);

		assert!(!T::Persons::person(wife).unwrap().is_alive());
	}

	/// The worst case: `costly_spouses`, without an exemption (an exemption leaves the
	/// marriage pending, which writes less; its approval is `approve_late_registration`'s),
	/// both taking a surname.
	#[benchmark]
	fn register_marriage() {
		let mut s = Setup::<T>::new();
		let (a, b) = costly_spouses(&mut s, false);
		let surnames = s.surnames(&[a, b]);
		let application = s.apply(a, b, d(2024, 6, 15));
		T::BenchmarkHelper::set_time(NOW_MILLIS);

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			d(2024, 6, 15),
			a,
			b,
			None,
			surnames,
			application,
			H256::zero(),
		);

		assert!(T::Persons::person(a).unwrap().spouse() == Some(b));
		assert!(Surnames::<T>::contains_key(NextActId::<T>::get() - 1));
	}

	/// The worst case: `costly_spouses`, whose former marriages came from the archive too.
	#[benchmark]
	fn enroll_marriage() {
		let mut s = Setup::<T>::new();
		let (a, b) = costly_spouses(&mut s, true);

		#[extrinsic_call]
		_(s.origin(), s.jurisdiction, d(2023, 6, 1), a, b, H256::zero());

		assert!(T::Persons::person(a).unwrap().spouse() == Some(b));
	}

	/// The worst case: by mutual consent, the first spouse's full index read for common minor
	/// children (her births of children by another man, each child's record read); both
	/// spouses taking a surname.
	#[benchmark]
	fn register_divorce() {
		let mut s = Setup::<T>::new();
		let (wife, _) = mother_of_many(&mut s, T::MaxActsPerPerson::get() - 1);
		let husband = s.enroll(Sex::Male, d(1985, 1, 1));
		let marriage = s.marry(wife, husband, d(2016, 1, 1));
		fill::<T>(husband);
		let surnames = s.surnames(&[wife, husband]);

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			TODAY,
			marriage,
			DivorceGrounds::MutualConsent,
			surnames,
			H256::zero(),
		);

		assert!(T::Persons::person(wife).unwrap().spouse().is_none());
	}

	#[benchmark]
	fn register_adoption() {
		let mut s = Setup::<T>::new();
		// A child with both birth parents: each adopter's marriages are searched for each of
		// them (is the adopter a step-parent?), and the adopters' for each other (spouses).
		let (birth_mother, birth_father) = s.couple();
		let key = s.next_key();
		Pallet::<T>::enroll_person(
			s.origin().into(),
			s.jurisdiction,
			d(2015, 1, 1),
			key,
			H256::zero(),
			Sex::Male,
			Some(birth_mother),
			Some(birth_father),
			H256::zero(),
		)
		.unwrap();
		let child = T::Persons::by_identity(&key).unwrap();
		let (m, f) = s.couple();
		// A joint adoption is by spouses.
		s.marry(m, f, d(2016, 1, 1));
		fill::<T>(child);
		fill::<T>(m);
		fill::<T>(f);
		let surnames = s.surnames(&[child]);

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			d(2024, 6, 1),
			child,
			Some(m),
			Some(f),
			true,
			H256::zero(),
			AdoptionTerms::default(),
			surnames,
			H256::zero(),
		);

		assert!(T::Persons::person(child).unwrap().sealed);
	}

	/// The worst case: the mother's full index of marriages read for a presumed father.
	#[benchmark]
	fn register_paternity() {
		let mut s = Setup::<T>::new();
		let mother = serial_wife(&mut s);
		let child = s.enroll_child(Sex::Male, d(2015, 1, 1), Some(mother));
		let father = s.enroll(Sex::Male, d(1980, 1, 1));
		fill::<T>(child);
		fill::<T>(father);

		#[extrinsic_call]
		_(s.origin(), s.jurisdiction, TODAY, child, father, None, None, H256::zero());

		assert_eq!(T::Persons::person(child).unwrap().father, Some(father));
	}

	#[benchmark]
	fn register_name_change() {
		let mut s = Setup::<T>::new();
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		fill::<T>(p);
		let root = H256::repeat_byte(1);

		#[extrinsic_call]
		_(s.origin(), s.jurisdiction, TODAY, p, root, None, H256::zero());

		assert_eq!(T::Persons::person(p).unwrap().data_root, root);
	}

	/// The worst case: both parents named, each with a full index.
	#[benchmark]
	fn enroll_person() {
		let mut s = Setup::<T>::new();
		let (mother, father) = s.couple();
		fill::<T>(mother);
		fill::<T>(father);
		let key = s.next_key();

		#[extrinsic_call]
		_(
			s.origin(),
			s.jurisdiction,
			d(2010, 1, 1),
			key,
			H256::zero(),
			Sex::Female,
			Some(mother),
			Some(father),
			H256::zero(),
		);

		assert!(T::Persons::by_identity(&key).is_some());
	}

	/// An archive import: `a` persons without parents and `b` persons each with both parents
	/// named (each parent's index full: `enroll_person`'s worst case), every person in a month
	/// of its own, so that each writes statistics counters of its own (the import refunds
	/// those it shares). A batch's marriages are weighed as single `enroll_marriage`s.
	#[benchmark]
	fn enroll_batch(
		a: Linear<1, { T::MaxArchiveBatch::get() / 2 }>,
		b: Linear<0, { T::MaxArchiveBatch::get() / 2 }>,
	) {
		let mut s = Setup::<T>::new();
		let mut records = Vec::new();
		let month = |i: u32, from: u16| d(from + (i / 12) as u16, (i % 12) as u8 + 1, 1);
		for i in 0..a {
			records.push(ArchiveRecord::Person {
				jurisdiction: s.jurisdiction,
				birth_date: month(i, 1900),
				identity_key: s.next_key(),
				data_root: H256::zero(),
				sex: Sex::Male,
				mother: None,
				father: None,
				archive_reference: H256::repeat_byte(1),
			});
		}
		for i in 0..b {
			let (mother, father) = s.couple();
			fill::<T>(mother);
			fill::<T>(father);
			records.push(ArchiveRecord::Person {
				jurisdiction: s.jurisdiction,
				birth_date: month(i, 2010),
				identity_key: s.next_key(),
				data_root: H256::zero(),
				sex: Sex::Female,
				mother: Some(mother),
				father: Some(father),
				archive_reference: H256::repeat_byte(1),
			});
		}
		let records: BoundedVec<_, T::MaxArchiveBatch> = records.try_into().unwrap();
		let first = NextActId::<T>::get();

		#[extrinsic_call]
		_(s.origin(), records);

		assert_eq!(NextActId::<T>::get(), first + u64::from(a + b));
		assert_eq!(ActsByOfficer::<T>::get(&s.registrar, first), Some(a + b));
	}

	#[benchmark]
	fn anchor_archive_batch() {
		let s = Setup::<T>::new();
		let office = T::Permissions::officer(&s.registrar).unwrap().office;
		let root = H256::repeat_byte(7);
		let period = ArchivePeriod { from: d(1950, 1, 1), to: d(1960, 12, 31) };

		#[extrinsic_call]
		_(s.origin(), root, 1_000_000, office, period);

		assert!(ArchiveAnchors::<T>::contains_key(root));
	}

	/// The worst case: a marriage under an exemption between `costly_spouses` (its rules, the
	/// kinship search first, run again; a late birth's are lighter), approved not by the
	/// office's head but by the head of the regional department above it (both permission
	/// checks run).
	#[benchmark]
	fn approve_late_registration() {
		let mut s = Setup::<T>::new();
		let (a, b) = costly_spouses(&mut s, false);
		let exemption = Exemption { district: s.jurisdiction, decision: H256::repeat_byte(3) };
		let surnames = s.surnames(&[a, b]);
		let application = s.apply(a, b, d(2024, 6, 15));
		T::BenchmarkHelper::set_time(NOW_MILLIS);
		Pallet::<T>::register_marriage(
			s.origin().into(),
			s.jurisdiction,
			d(2024, 6, 15),
			a,
			b,
			Some(exemption),
			surnames,
			application,
			H256::zero(),
		)
		.unwrap();
		let act = NextActId::<T>::get() - 1;
		assert_eq!(Acts::<T>::get(act).unwrap().status, ActStatus::Pending);
		let regional = T::BenchmarkHelper::regional_head(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), act);

		assert!(T::Persons::person(a).unwrap().spouse() == Some(b));
	}

	/// The worst case: the registering office is closed, so the regional department above it
	/// proposes (the longest permission check).
	#[benchmark]
	fn propose_amendment() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		T::BenchmarkHelper::close_office(0);
		let correction = full_correction(s.jurisdiction);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(regional),
			act,
			H256::repeat_byte(1),
			AmendmentReason::ClericalError,
			correction,
		);

		assert!(OpenProposal::<T>::contains_key(act));
	}

	/// `a`: the acts in effect of the person whose date of birth is corrected, all checked
	/// again. Of a birth: an enrollment's correction (its seat read, `Pallet::seat`) measured
	/// lighter (2026-12-06: 244 µs + 7.20 µs·a against 268 µs + 7.11 µs·a, the same reads).
	#[benchmark]
	fn approve_amendment(a: Linear<1, { T::MaxActsPerPerson::get() }>) {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let (_, birth) = mother_of_many(&mut s, a);
		let correction = full_correction(s.jurisdiction);
		Pallet::<T>::propose_amendment(
			s.origin().into(),
			birth,
			H256::repeat_byte(1),
			AmendmentReason::CourtDecision,
			correction,
		)
		.unwrap();
		let proposal = NextProposalId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), proposal);

		assert_eq!(Acts::<T>::get(birth).unwrap().version, 2);
	}

	#[benchmark]
	fn reject_amendment() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		Pallet::<T>::propose_amendment(
			s.origin().into(),
			act,
			H256::repeat_byte(1),
			AmendmentReason::ClericalError,
			full_correction(s.jurisdiction),
		)
		.unwrap();
		let proposal = NextProposalId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), proposal);

		assert!(!Proposals::<T>::contains_key(proposal));
	}

	#[benchmark]
	fn propose_revocation() {
		let mut s = Setup::<T>::new();
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;

		#[extrinsic_call]
		_(s.origin(), act, H256::repeat_byte(1));

		assert!(OpenProposal::<T>::contains_key(act));
	}

	/// `a`: the acts read to undo the revoked act and find its dependents (here: a birth whose
	/// person has `a` acts in effect). An enrollment's revocation reads its seat
	/// (`Pallet::seat`), one read more, and measured lighter all the same (2026-12-06: 186 µs +
	/// 3.78 µs·a + 23 reads against the birth's 209 µs + 4.34 µs·a + 22 reads).
	#[benchmark]
	fn approve_revocation(a: Linear<1, { T::MaxActsPerPerson::get() }>) {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let (mother, birth) = mother_of_many(&mut s, a);
		Pallet::<T>::propose_revocation(s.origin().into(), birth, H256::repeat_byte(1)).unwrap();
		let proposal = NextProposalId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), proposal);

		assert!(T::Persons::person(mother).unwrap().revoked);
		assert!(!NotificationOfAct::<T>::contains_key(birth));
	}

	#[benchmark]
	fn propose_annulment() {
		let mut s = Setup::<T>::new();
		let (wife, husband) =
			(s.enroll(Sex::Female, d(1990, 1, 1)), s.enroll(Sex::Male, d(1990, 1, 1)));
		let marriage = s.marry(wife, husband, d(2020, 1, 1));
		T::BenchmarkHelper::set_time(noon(TODAY));

		#[extrinsic_call]
		_(s.origin(), marriage, H256::repeat_byte(1), d(2021, 1, 1));

		assert!(OpenProposal::<T>::contains_key(marriage));
	}

	/// The costliest revocation of a marriage: one a court declared invalid (its annulment
	/// recorded), divorced (the divorce revoked with it), its spouses' marital states derived
	/// again from full indexes of former marriages ([`costly_marriage_to_revoke`]).
	#[benchmark]
	fn approve_annulment() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let marriage = costly_marriage_to_revoke::<T>(&mut s);
		T::BenchmarkHelper::set_time(noon(TODAY));
		Pallet::<T>::propose_annulment(
			s.origin().into(),
			marriage,
			H256::repeat_byte(1),
			d(2023, 1, 1),
		)
		.unwrap();
		let proposal = NextProposalId::<T>::get() - 1;

		#[extrinsic_call]
		approve_revocation(RawOrigin::Signed(regional), proposal);

		assert!(Annulments::<T>::contains_key(marriage));
	}

	#[benchmark]
	fn record_incapacity() {
		let mut s = Setup::<T>::new();
		let head = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		T::BenchmarkHelper::set_time(noon(TODAY));

		#[extrinsic_call]
		_(RawOrigin::Signed(head), s.jurisdiction, p, H256::repeat_byte(1), d(2020, 1, 1));

		assert!(Incapacities::<T>::contains_key(p));
	}

	#[benchmark]
	fn restore_capacity() {
		let mut s = Setup::<T>::new();
		let head = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		T::BenchmarkHelper::set_time(noon(TODAY));
		Pallet::<T>::record_incapacity(
			RawOrigin::Signed(head.clone()).into(),
			s.jurisdiction,
			p,
			H256::repeat_byte(1),
			d(2020, 1, 1),
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(head), s.jurisdiction, p, H256::repeat_byte(2), d(2023, 1, 1));

		assert!(!Incapacities::<T>::contains_key(p));
	}

	#[benchmark]
	fn reject_revocation() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		Pallet::<T>::propose_revocation(s.origin().into(), act, H256::repeat_byte(1)).unwrap();
		let proposal = NextProposalId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), proposal);

		assert!(!Proposals::<T>::contains_key(proposal));
	}

	#[benchmark]
	fn issue_certificate() {
		let mut s = Setup::<T>::new();
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		let hash = H256::repeat_byte(9);

		#[extrinsic_call]
		_(s.origin(), act, hash);

		assert!(Certificates::<T>::contains_key(hash));
	}

	/// `p`: the proposals expiring in the block, made by the registrars of as many offices as
	/// the per-officer bound needs.
	#[benchmark]
	fn expire_proposals(p: Linear<0, { T::MaxProposalsPerBlock::get() }>) {
		let per_officer = T::MaxOpenProposalsPerOfficer::get()
			.min(T::MaxOpenProposalsPerOffice::get())
			.max(1);
		let mut setups: Vec<Setup<T>> = Vec::new();
		for k in 0..p {
			let office = k / per_officer;
			if setups.len() as u32 <= office {
				setups.push(Setup::<T>::at(office));
			}
			let s = setups.last_mut().unwrap();
			let person = s.enroll(Sex::Female, d(1990, 1, 1));
			let act = T::Persons::person(person).unwrap().origin_act;
			Pallet::<T>::propose_amendment(
				s.origin().into(),
				act,
				H256::repeat_byte(1),
				AmendmentReason::ClericalError,
				full_correction(s.jurisdiction),
			)
			.unwrap();
		}
		let now = frame_system::Pallet::<T>::block_number();
		let at = now + T::ProposalLifetime::get().max(1u32.into());
		assert_eq!(ProposalExpiries::<T>::get(at).len() as u32, p);

		#[block]
		{
			Pallet::<T>::on_initialize(at);
		}

		assert_eq!(Proposals::<T>::iter().count(), 0);
	}

	/// `p`: the late births expiring in the block, each with an identity key to free and its
	/// officer's and office's counts to lower, registered by the registrars of as many offices
	/// as the per-officer and per-office bounds need.
	#[benchmark]
	fn expire_pending(p: Linear<0, { T::MaxPendingPerBlock::get() }>) {
		let per_officer = T::MaxPendingPerOfficer::get().min(T::MaxPendingPerOffice::get()).max(1);
		let mut setups: Vec<(Setup<T>, PersonId)> = Vec::new();
		for k in 0..p {
			let office = k / per_officer;
			if setups.len() as u32 <= office {
				let mut setup = Setup::<T>::at(office);
				let mother = setup.enroll(Sex::Female, d(1990, 1, 1));
				setups.push((setup, mother));
			}
			let (setup, mother) = setups.last_mut().unwrap();
			setup.late_birth(Some(*mother), None);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let at = Pallet::<T>::pending_expiry(now);
		assert_eq!(PendingExpiries::<T>::get(at).len() as u32, p);

		#[block]
		{
			Pallet::<T>::on_initialize(at);
		}

		assert_eq!(PendingIdentities::<T>::iter().count(), 0);
		assert_eq!(NotificationOfAct::<T>::iter().count(), 0);
	}

	/// `p`: the open proposals of a dismissed officer, closed with it.
	#[benchmark]
	fn close_proposals_of(p: Linear<0, { T::MaxOpenProposalsPerOfficer::get() }>) {
		let mut s = Setup::<T>::new();
		for _ in 0..p {
			let person = s.enroll(Sex::Female, d(1990, 1, 1));
			let act = T::Persons::person(person).unwrap().origin_act;
			Pallet::<T>::propose_revocation(s.origin().into(), act, H256::repeat_byte(2)).unwrap();
		}
		assert_eq!(ProposalsBy::<T>::get(&s.registrar).len() as u32, p);
		let closed;

		#[block]
		{
			closed = Pallet::<T>::close_proposals_of(&s.registrar);
		}

		assert_eq!(closed, p);
		assert_eq!(Proposals::<T>::iter().count(), 0);
	}

	/// The worst case: an act not signed by a compromised key, whose approvals fill its list,
	/// the last by a compromised key (every approver's key is looked up), cleared by the head
	/// of the regional department above it.
	#[benchmark]
	fn clear_review() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		let max = T::MaxApprovalsPerAct::get();
		for i in 0..max {
			let approver: T::AccountId = account("approver", i, 0);
			if i + 1 == max {
				T::BenchmarkHelper::compromise(&approver);
			}
			Pallet::<T>::note_approval(&approver, act).unwrap();
		}
		assert!(Pallet::<T>::review_reason(act, &Acts::<T>::get(act).unwrap()).is_some());

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), act);

		assert!(ReviewCleared::<T>::contains_key(act));
	}

	/// The longest path: a regional department's head (not the issuing office's own) cancels,
	/// so the offices above the issuing one are walked.
	#[benchmark]
	fn cancel_certificate() {
		let mut s = Setup::<T>::new();
		let regional = T::BenchmarkHelper::regional_head(0);
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(p).unwrap().origin_act;
		let hash = H256::repeat_byte(9);
		Pallet::<T>::issue_certificate(s.origin().into(), act, hash).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), hash, CancellationReason::Stolen);

		assert!(CancelledCertificates::<T>::contains_key(hash));
	}

	/// One act converted by the multi-block migration to typed acts ([`TypedActs`]), the
	/// largest there is: a birth with both parents and a court decision, in effect. The step
	/// also finds no further act and no superseded version, and sets the storage version.
	#[benchmark]
	fn migrate_act() {
		use crate::migrations::{v6, TypedActs};
		use frame_support::{
			migrations::SteppedMigration,
			traits::{GetStorageVersion, StorageVersion},
			weights::WeightMeter,
		};
		let old = v6::Act::<T> {
			kind: civil_registry_primitives::ActKind::Birth,
			subjects: BoundedVec::truncate_from(alloc::vec![3, 1, 2]),
			office: 0,
			officer: frame_benchmarking::account("officer", 0, 0),
			jurisdiction: 0,
			event_date: d(2024, 6, 1),
			registered_at: 1u32.into(),
			document_hash: H256::repeat_byte(1),
			version: 1,
			status: ActStatus::Registered,
			late: false,
			sealed: false,
			details: v6::ActDetails::Birth {
				identity_key: H256::repeat_byte(2),
				data_root: H256::repeat_byte(3),
				sex: Sex::Female,
				mother: Some(1),
				father: Some(2),
				court_decision: Some(H256::repeat_byte(4)),
			},
		};
		v6::Acts::<T>::insert(0, old);
		StorageVersion::new(6).put::<Pallet<T>>();
		let mut meter = WeightMeter::new();

		#[block]
		{
			TypedActs::<T>::step(None, &mut meter).unwrap();
		}

		assert_eq!(Pallet::<T>::on_chain_storage_version(), StorageVersion::new(7));
		assert_eq!(Acts::<T>::get(0).unwrap().details.created(), Some(3));
	}

	/// One act converted by the multi-block migration of adoptions ([`AdoptionParents`]), the
	/// costliest there is: an adoption in effect, recorded by version 7, that named a parent
	/// the child already had — the act rewritten, dropped from that parent's full index of
	/// acts, and the parents it replaced corrected. The step also finds no further act and no
	/// superseded version, and sets the storage version.
	#[benchmark]
	fn migrate_adoption() {
		use crate::migrations::AdoptionParents;
		use frame_support::{
			migrations::SteppedMigration,
			traits::{GetStorageVersion, StorageVersion},
			weights::WeightMeter,
		};
		let (child, mother, father) = (3, 1, 2);
		let details = AdoptionDetails {
			child,
			parents: Parents { mother: Some(mother), father: Some(father) },
			previous: Parents { mother: Some(mother), father: None },
			sealed: true,
			decision: H256::repeat_byte(4),
		};
		let act = Act::<T> {
			office: 0,
			officer: frame_benchmarking::account("officer", 0, 0),
			jurisdiction: 0,
			event_date: d(2024, 6, 1),
			registered_at: 1u32.into(),
			document_hash: H256::repeat_byte(1),
			version: 1,
			status: ActStatus::Registered,
			late: false,
			sealed: false,
			details: ActDetails::Adoption(details),
		};
		Acts::<T>::insert(0, act);
		fill::<T>(mother);
		ActsOf::<T>::try_append(mother, 0).unwrap();
		AdoptionInEffect::<T>::insert(
			child,
			ReplacedParents { act: 0, mother: None, father: None },
		);
		StorageVersion::new(7).put::<Pallet<T>>();
		let mut meter = WeightMeter::new();

		#[block]
		{
			AdoptionParents::<T>::step(None, &mut meter).unwrap();
		}

		assert_eq!(Pallet::<T>::on_chain_storage_version(), StorageVersion::new(8));
		assert!(!ActsOf::<T>::get(mother).contains(&0));
		assert_eq!(AdoptionInEffect::<T>::get(child).unwrap().mother, Some(mother));
	}

	/// The worst case: the mother named as a person (her record read).
	#[benchmark]
	fn notify_birth() {
		let mut s = Setup::<T>::new();
		let mother = s.enroll(Sex::Female, d(1990, 1, 1));
		let nurse = T::BenchmarkHelper::facility(0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(nurse),
			TODAY,
			Sex::Female,
			NotifiedMother::Person(mother),
			H256::repeat_byte(1),
		);

		assert_eq!(OpenNotifications::<T>::iter_key_prefix(s.jurisdiction).count(), 1);
	}

	#[benchmark]
	fn notify_death() {
		let mut s = Setup::<T>::new();
		let person = s.enroll(Sex::Female, d(1950, 1, 1));
		let nurse = T::BenchmarkHelper::facility(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(nurse), TODAY, person, H256::repeat_byte(1));

		assert_eq!(OpenNotifications::<T>::iter_key_prefix(s.jurisdiction).count(), 1);
	}

	#[benchmark]
	fn withdraw_notification() {
		let s = Setup::<T>::new();
		let nurse = T::BenchmarkHelper::facility(0);
		Pallet::<T>::notify_birth(
			RawOrigin::Signed(nurse.clone()).into(),
			TODAY,
			Sex::Female,
			NotifiedMother::IdentityKey(H256::repeat_byte(2)),
			H256::repeat_byte(1),
		)
		.unwrap();
		let notification = NextNotificationId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(nurse), notification);

		assert_eq!(OpenNotifications::<T>::iter_key_prefix(s.jurisdiction).count(), 0);
	}

	/// The worst case: a marriage application (both applicants' records read).
	#[benchmark]
	fn receive_application() {
		let mut s = Setup::<T>::new();
		let (a, b) = s.couple();
		let tracking = s.next_key();
		let applicants: BoundedVec<PersonId, ConstU32<2>> = alloc::vec![a, b].try_into().unwrap();

		#[extrinsic_call]
		_(s.origin(), ApplicationKind::Marriage, tracking, applicants);

		assert!(ApplicationByTracking::<T>::contains_key(tracking));
	}

	/// The worst case: registered as an act (the act read).
	#[benchmark]
	fn update_application() {
		let mut s = Setup::<T>::new();
		let tracking = s.next_key();
		Pallet::<T>::receive_application(
			s.origin().into(),
			ApplicationKind::BirthRegistration,
			tracking,
			BoundedVec::new(),
		)
		.unwrap();
		let application = NextApplicationId::<T>::get() - 1;
		let child = s.enroll(Sex::Female, d(1990, 1, 1));
		let act = T::Persons::person(child).unwrap().origin_act;
		// An enrollment is not a birth: the birth of a child of hers is.
		let key = s.next_key();
		Pallet::<T>::register_birth(
			s.origin().into(),
			s.jurisdiction,
			TODAY,
			key,
			H256::zero(),
			Sex::Male,
			Some(child),
			None,
			None,
			None,
			None,
			H256::zero(),
		)
		.unwrap();
		let birth = NextActId::<T>::get() - 1;
		assert!(birth != act);

		#[extrinsic_call]
		_(s.origin(), application, ApplicationStatus::Registered(birth));

		assert_eq!(
			Applications::<T>::get(application).unwrap().status,
			ApplicationStatus::Registered(birth)
		);
	}

	/// The worst case: the head of the regional department above the office (its permission
	/// walk is the longer).
	#[benchmark]
	fn shorten_waiting() {
		let mut s = Setup::<T>::new();
		let (a, b) = s.couple();
		let application = s.apply(a, b, d(2024, 7, 16));
		T::BenchmarkHelper::set_time(NOW_MILLIS);
		let regional = T::BenchmarkHelper::regional_head(0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(regional),
			application,
			ShorteningReason::ThreatToLife,
			TODAY,
			H256::repeat_byte(1),
		);

		assert_eq!(Applications::<T>::get(application).unwrap().earliest, Some(TODAY));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

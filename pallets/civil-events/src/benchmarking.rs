//! Benchmarks of the civil events pallet, each at its worst case: the deepest jurisdiction (the
//! longest permission check), every optional party present, and every subject's act index one
//! short of full (the longest read and write of `ActsOf`).

use super::*;
use alloc::vec::Vec;
use civil_registry_primitives::{ActId, Date, JurisdictionId, PersonId, PersonRegistry, Sex};
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use sp_core::H256;

/// 2024-06-15 12:00 UTC: "today" in the benchmarks.
const NOW_MILLIS: u64 = 1_718_452_800_000;

fn d(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day)
}

struct Setup<T: Config> {
	head: T::AccountId,
	registrar: T::AccountId,
	jurisdiction: JurisdictionId,
	key: u32,
}

impl<T: Config> Setup<T> {
	fn new() -> Self {
		T::BenchmarkHelper::set_time(NOW_MILLIS);
		let (head, registrar, jurisdiction) = T::BenchmarkHelper::office(0);
		Self { head, registrar, jurisdiction, key: 0 }
	}

	fn origin(&self) -> RawOrigin<T::AccountId> {
		RawOrigin::Signed(self.registrar.clone())
	}

	fn next_key(&mut self) -> H256 {
		self.key += 1;
		let mut bytes = [0u8; 32];
		bytes[..4].copy_from_slice(&self.key.to_le_bytes());
		H256(bytes)
	}

	fn enroll(&mut self, sex: Sex, born: Date) -> PersonId {
		let key = self.next_key();
		Pallet::<T>::enroll_person(
			self.origin().into(),
			self.jurisdiction,
			born,
			key,
			H256::zero(),
			sex,
			H256::zero(),
		)
		.unwrap();
		T::Persons::by_identity(&key).unwrap()
	}

	fn couple(&mut self) -> (PersonId, PersonId) {
		(self.enroll(Sex::Female, d(1990, 1, 1)), self.enroll(Sex::Male, d(1988, 1, 1)))
	}
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

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_birth() {
		let mut s = Setup::<T>::new();
		let (mother, father) = s.couple();
		fill::<T>(mother);
		fill::<T>(father);
		let key = s.next_key();

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
			H256::zero(),
		);

		assert!(T::Persons::by_identity(&key).is_some());
	}

	#[benchmark]
	fn register_death() {
		let mut s = Setup::<T>::new();
		let (wife, husband) = s.couple();
		Pallet::<T>::register_marriage(
			s.origin().into(),
			wife,
			husband,
			s.jurisdiction,
			d(2015, 1, 1),
			None,
			H256::zero(),
		)
		.unwrap();
		fill::<T>(husband);

		#[extrinsic_call]
		_(s.origin(), husband, s.jurisdiction, d(2024, 6, 14), H256::zero());

		assert!(!T::Persons::person(husband).unwrap().is_alive());
	}

	#[benchmark]
	fn register_marriage() {
		let mut s = Setup::<T>::new();
		let (m1, f1) = s.couple();
		let (m2, f2) = s.couple();
		let a = s.enroll(Sex::Female, d(2000, 1, 1));
		let b = s.enroll(Sex::Male, d(2000, 1, 1));
		// Both with recorded parents: the relatives check reads them all.
		for (child, m, f) in [(a, m1, f1), (b, m2, f2)] {
			let mut r = T::Persons::person(child).unwrap();
			r.mother = Some(m);
			r.father = Some(f);
			T::Persons::update(child, r).unwrap();
		}
		fill::<T>(a);
		fill::<T>(b);

		#[extrinsic_call]
		_(s.origin(), a, b, s.jurisdiction, d(2024, 6, 1), Some(H256::zero()), H256::zero());

		assert!(T::Persons::person(a).unwrap().spouse() == Some(b));
	}

	#[benchmark]
	fn register_divorce() {
		let mut s = Setup::<T>::new();
		let (a, b) = s.couple();
		Pallet::<T>::register_marriage(
			s.origin().into(),
			a,
			b,
			s.jurisdiction,
			d(2015, 1, 1),
			None,
			H256::zero(),
		)
		.unwrap();
		let marriage = NextActId::<T>::get() - 1;
		fill::<T>(a);
		fill::<T>(b);

		#[extrinsic_call]
		_(s.origin(), marriage, s.jurisdiction, d(2024, 6, 1), H256::zero());

		assert!(T::Persons::person(a).unwrap().spouse().is_none());
	}

	#[benchmark]
	fn register_adoption() {
		let mut s = Setup::<T>::new();
		let child = s.enroll(Sex::Male, d(2015, 1, 1));
		let (m, f) = s.couple();
		fill::<T>(child);
		fill::<T>(m);
		fill::<T>(f);

		#[extrinsic_call]
		_(s.origin(), child, Some(m), Some(f), s.jurisdiction, d(2024, 6, 1), true, H256::zero());

		assert!(T::Persons::person(child).unwrap().sealed);
	}

	#[benchmark]
	fn register_paternity() {
		let mut s = Setup::<T>::new();
		let child = s.enroll(Sex::Male, d(2015, 1, 1));
		let father = s.enroll(Sex::Male, d(1980, 1, 1));
		fill::<T>(child);
		fill::<T>(father);

		#[extrinsic_call]
		_(s.origin(), child, father, s.jurisdiction, d(2024, 6, 1), H256::zero());

		assert_eq!(T::Persons::person(child).unwrap().father, Some(father));
	}

	#[benchmark]
	fn register_name_change() {
		let mut s = Setup::<T>::new();
		let p = s.enroll(Sex::Female, d(1990, 1, 1));
		fill::<T>(p);
		let root = H256::repeat_byte(1);

		#[extrinsic_call]
		_(s.origin(), p, root, s.jurisdiction, d(2024, 6, 1), H256::zero());

		assert_eq!(T::Persons::person(p).unwrap().data_root, root);
	}

	#[benchmark]
	fn enroll_person() {
		let mut s = Setup::<T>::new();
		let key = s.next_key();

		#[extrinsic_call]
		_(s.origin(), s.jurisdiction, d(1950, 1, 1), key, H256::zero(), Sex::Female, H256::zero());

		assert!(T::Persons::by_identity(&key).is_some());
	}

	#[benchmark]
	fn approve_late_registration() {
		let mut s = Setup::<T>::new();
		let (mother, father) = s.couple();
		fill::<T>(mother);
		fill::<T>(father);
		let key = s.next_key();
		// Born in March: registered in June, it is late and pending.
		Pallet::<T>::register_birth(
			s.origin().into(),
			s.jurisdiction,
			d(2024, 3, 1),
			key,
			H256::zero(),
			Sex::Male,
			Some(mother),
			Some(father),
			H256::zero(),
		)
		.unwrap();
		let act = NextActId::<T>::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(s.head.clone()), act);

		assert!(T::Persons::by_identity(&key).is_some());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

//! Benchmarks of the gate pallet, each at its worst case: the officer whose admission by the
//! runtime's table reads the most ([`crate::BenchmarkHelper`]), the largest heartbeat.

// Benchmarks run only in benchmark builds (never in the production runtime) and set up their
// own state: a setup step that fails must stop the benchmark loudly, so the panic-free lints
// that guard runtime code give way to `unwrap` here. Every other lint, and warnings as errors,
// still apply.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{dispatch::GetDispatchInfo, traits::ConstU32, BoundedVec};
use frame_system::RawOrigin;
use sp_runtime::traits::DispatchTransaction;

#[benchmarks(where
	T: Send + Sync,
	<T as frame_system::Config>::RuntimeCall: frame_support::traits::IsSubType<Call<T>>,
	<T as frame_system::Config>::RuntimeCall:
		From<Call<T>> + sp_runtime::traits::Dispatchable<Info = frame_support::dispatch::DispatchInfo>,
)]
mod benchmarks {
	use super::*;

	/// The transaction gate on an admitted transaction, as a block author runs it (validate,
	/// then prepare), at its worst: the runtime's worst officer (in the runtime: a registrar
	/// appointed by a head, whose officer record, appointment, the head's dismissal record and
	/// office are read; the table reads the council, the authorities and the sudo key) signing
	/// the largest heartbeat, whose padding is scanned, and whose usage is read and written.
	#[benchmark]
	fn check_role() {
		let officer = T::BenchmarkHelper::worst_officer();
		let payload: BoundedVec<u8, ConstU32<MAX_HEARTBEAT_PAYLOAD>> =
			vec![0u8; MAX_HEARTBEAT_PAYLOAD as usize].try_into().unwrap();
		let call: <T as frame_system::Config>::RuntimeCall =
			Call::<T>::heartbeat { payload }.into();
		let info = call.get_dispatch_info();
		let result;

		#[block]
		{
			result = CheckRole::<T>::new().validate_and_prepare(
				RawOrigin::Signed(officer.clone()).into(),
				&call,
				&info,
				256,
				0,
			);
		}

		assert!(result.is_ok());
		assert!(SignerUsage::<T>::contains_key(&officer));
	}

	/// A heartbeat with `l` bytes of payload: the officer's role read.
	#[benchmark]
	fn heartbeat(l: Linear<0, MAX_HEARTBEAT_PAYLOAD>) {
		let officer = T::BenchmarkHelper::worst_officer();
		let payload: BoundedVec<u8, ConstU32<MAX_HEARTBEAT_PAYLOAD>> =
			vec![7u8; l as usize].try_into().unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), payload);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

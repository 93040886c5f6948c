//! Benchmark of the governance pallet: the overhead of dispatching as root (the call's own
//! weight is added to it), measured with `system.remark` of no bytes.

// Benchmark code: setup failures panic by design.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use alloc::{boxed::Box, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn dispatch_as_root() {
		let origin = T::CouncilOrigin::try_successful_origin().unwrap();
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: Vec::new() }.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}

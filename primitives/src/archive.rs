//! Archive anchoring: a Merkle root over a batch of paper records, so that any one record can
//! later be proven unaltered without putting the records, or anything about them, on chain.
//!
//! The office hashes each record off chain (its scan, its transcription: whatever the archive
//! keeps; the chain never sees it) and builds the tree below over those hashes; it anchors the
//! root with `civilEvents.anchorArchiveBatch`. To prove one record, anyone who holds it
//! recomputes its hash and asks `civil_verifyArchiveRecord` with the proof the office gives out.
//! `scripts/load/archive-tree.mjs` builds trees and proofs exactly as this module verifies them.
//!
//! **The tree.** Over `count` record hashes `r₀ … rₙ₋₁`, in the order the office numbered
//! them:
//! - a leaf is `blake2_256(0x00 ‖ rᵢ)`, an inner node `blake2_256(0x01 ‖ left ‖ right)`: the
//!   prefixes keep a leaf from ever passing as an inner node and back;
//! - each level pairs its nodes left to right; the last node of a level with an odd number of
//!   nodes is carried up unchanged (not hashed with itself, so no record can be proven twice
//!   at two positions);
//! - a proof for record `i` lists the sibling of each level where `i`'s node has one, from the
//!   leaf up. Its length is fixed by `count` and `i`, so a proof of another length is refused.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The most siblings a proof may hold: a tree over at most `u32::MAX` records has at most 32
/// levels above its leaves.
pub const MAX_ARCHIVE_PROOF: u32 = 32;

/// Why an archive record's proof was not accepted.
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
pub enum ArchiveProofError {
	/// No batch with this root is anchored.
	UnknownRoot,
	/// The record's position is not below the batch's count.
	IndexOutOfRange,
	/// The proof does not lead from the record to the root.
	NotProven,
}

/// The leaf of record hash `record`.
pub fn archive_leaf(record: &H256) -> H256 {
	let mut input = [0u8; 33];
	input[1..].copy_from_slice(record.as_bytes());
	BlakeTwo256::hash(&input)
}

/// The inner node above `left` and `right`.
pub fn archive_node(left: &H256, right: &H256) -> H256 {
	let mut input = [0u8; 65];
	input[0] = 1;
	input[1..33].copy_from_slice(left.as_bytes());
	input[33..].copy_from_slice(right.as_bytes());
	BlakeTwo256::hash(&input)
}

/// Whether `proof` leads from record hash `record`, at position `index` of a batch of `count`
/// records, to `root`. Hashes at most `MAX_ARCHIVE_PROOF + 1` times whatever it is given.
pub fn verify_archive_proof(
	root: &H256,
	count: u32,
	index: u32,
	record: &H256,
	proof: &[H256],
) -> Result<(), ArchiveProofError> {
	if index >= count {
		return Err(ArchiveProofError::IndexOutOfRange);
	}
	if proof.len() > MAX_ARCHIVE_PROOF as usize {
		return Err(ArchiveProofError::NotProven);
	}
	let mut siblings = proof.iter();
	let mut hash = archive_leaf(record);
	let (mut position, mut width) = (index, count);
	while width > 1 {
		if position % 2 == 1 {
			let left = siblings.next().ok_or(ArchiveProofError::NotProven)?;
			hash = archive_node(left, &hash);
		} else if position.saturating_add(1) < width {
			let right = siblings.next().ok_or(ArchiveProofError::NotProven)?;
			hash = archive_node(&hash, right);
		}
		position /= 2;
		width = width.div_ceil(2);
	}
	if siblings.next().is_some() || hash != *root {
		return Err(ArchiveProofError::NotProven);
	}
	Ok(())
}

/// The root over `records` and the proof of record `index`, built as described above (for
/// tests and benchmarks; offices build trees with `scripts/load/archive-tree.mjs`). `None` for no
/// records or an index out of range.
pub fn archive_root_and_proof(
	records: &[H256],
	index: usize,
) -> Option<(H256, alloc::vec::Vec<H256>)> {
	if index >= records.len() {
		return None;
	}
	let mut level: alloc::vec::Vec<H256> = records.iter().map(archive_leaf).collect();
	let mut proof = alloc::vec::Vec::new();
	let mut position = index;
	while level.len() > 1 {
		let sibling = position ^ 1;
		if let Some(hash) = level.get(sibling) {
			proof.push(*hash);
		}
		level = level
			.chunks(2)
			.map(|pair| match pair {
				[left, right] => archive_node(left, right),
				[single] => *single,
				_ => H256::zero(),
			})
			.collect();
		position /= 2;
	}
	level.first().map(|root| (*root, proof))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn records(n: u32) -> alloc::vec::Vec<H256> {
		(0..n).map(|i| BlakeTwo256::hash(&i.to_le_bytes())).collect()
	}

	#[test]
	fn every_record_of_every_shape_is_proven_and_nothing_else() {
		for n in 1..=33u32 {
			let records = records(n);
			for i in 0..n {
				let (root, proof) = archive_root_and_proof(&records, i as usize).unwrap();
				assert_eq!(verify_archive_proof(&root, n, i, &records[i as usize], &proof), Ok(()));
				// Another record at this position, or this record at another, is refused.
				let other = records[((i + 1) % n) as usize];
				if n > 1 {
					assert_eq!(
						verify_archive_proof(&root, n, i, &other, &proof),
						Err(ArchiveProofError::NotProven)
					);
					assert_eq!(
						verify_archive_proof(&root, n, (i + 1) % n, &records[i as usize], &proof),
						Err(ArchiveProofError::NotProven)
					);
				}
				// A tampered sibling, a missing one or an extra one is refused.
				if let Some(first) = proof.first() {
					let mut tampered = proof.clone();
					tampered[0] = H256::repeat_byte(first.0[0] ^ 1);
					assert_eq!(
						verify_archive_proof(&root, n, i, &records[i as usize], &tampered),
						Err(ArchiveProofError::NotProven)
					);
					assert_eq!(
						verify_archive_proof(
							&root,
							n,
							i,
							&records[i as usize],
							&proof[..proof.len() - 1]
						),
						Err(ArchiveProofError::NotProven)
					);
				}
				let mut longer = proof.clone();
				longer.push(root);
				assert_eq!(
					verify_archive_proof(&root, n, i, &records[i as usize], &longer),
					Err(ArchiveProofError::NotProven)
				);
			}
			assert_eq!(
				verify_archive_proof(&H256::zero(), n, n, &records[0], &[]),
				Err(ArchiveProofError::IndexOutOfRange)
			);
		}
	}

	#[test]
	fn an_inner_node_does_not_pass_as_a_leaf() {
		let records = records(4);
		let (root, proof) = archive_root_and_proof(&records, 0).unwrap();
		// The node above records 0 and 1, claimed as a record of a two-record tree under the
		// same root, with the node above 2 and 3 as its sibling.
		let inner = archive_node(&archive_leaf(&records[0]), &archive_leaf(&records[1]));
		assert_eq!(
			verify_archive_proof(&root, 2, 0, &inner, &proof[1..]),
			Err(ArchiveProofError::NotProven)
		);
	}

	#[test]
	fn a_known_root_matches_the_script() {
		// The same three records in `scripts/load/archive-tree.mjs --self-test` give this root.
		let records = records(3);
		let (root, _) = archive_root_and_proof(&records, 0).unwrap();
		let expected = archive_node(
			&archive_node(&archive_leaf(&records[0]), &archive_leaf(&records[1])),
			&archive_leaf(&records[2]),
		);
		assert_eq!(root, expected);
		let script: [u8; 32] = sp_core::bytes::from_hex(
			"0xde1d1ab9ecd4b4cf07e1049d4c7239559aab85165d0b5c0b8642e518d6d4e798",
		)
		.unwrap()
		.try_into()
		.unwrap();
		assert_eq!(root, H256(script));
	}
}

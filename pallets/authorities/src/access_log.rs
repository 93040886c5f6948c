//! Anchors of the authority nodes' access logs.
//!
//! Every read of a person through a node's office read API is written to the node's access
//! log, a hash chain: each entry's hash covers the previous entry's hash. An anchor puts the
//! log's length and its last hash on chain, signed by the node's Aura key: afterwards, a log
//! whose entries up to that length were rewritten, removed or reordered no longer ends in the
//! anchored hash, and anyone holding the log can check it against the chain. A node anchors at
//! least daily, and at once after every read of a sealed record (an adoption's birth parents).
//!
//! The anchor is a general transaction authorized by its signature
//! ([`crate::Pallet::anchor_access_log`]): the node holds its session keys, not an account.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::{sr25519, H256};

/// What an anchor's signature covers, before the genesis hash and the anchor itself: a
/// signature made for anything else (another chain, another purpose) never verifies here.
pub const ANCHOR_CONTEXT: &[u8] = b"civil-registry/access-log-anchor/1";

/// The key type whose keys sign anchors: Aura's, the session key every authority node holds.
pub const ANCHOR_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"aura");

/// An anchor: the access log of the node whose Aura key is `key` had `entries` entries, the
/// last of which hashes to `head`. `sealed` marks the anchor made right after a read of a
/// sealed record (its entry is the head).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct AccessLogAnchor {
	/// The node's Aura public key (a current authority's session key).
	pub key: sr25519::Public,
	/// How many entries the log had.
	pub entries: u64,
	/// The hash of the last of them.
	pub head: H256,
	/// Whether the last entry is a read of a sealed record.
	pub sealed: bool,
}

impl AccessLogAnchor {
	/// The bytes the node signs: [`ANCHOR_CONTEXT`], the chain's genesis hash, the anchor.
	pub fn signing_payload(&self, genesis: &impl Encode) -> alloc::vec::Vec<u8> {
		(ANCHOR_CONTEXT, genesis, self).encode()
	}
}

/// The last anchor of a node's log, as stored.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct AnchoredHead<BlockNumber> {
	/// How many entries the log had.
	pub entries: u64,
	/// The hash of the last of them.
	pub head: H256,
	/// The block that anchored it.
	pub at: BlockNumber,
}

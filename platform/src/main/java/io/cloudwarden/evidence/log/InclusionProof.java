package io.cloudwarden.evidence.log;

import java.util.List;

/** An RFC 9162 inclusion proof of one entry in the tree of {@code treeSize} entries whose root is {@code rootHash}. */
public record InclusionProof(long index, long treeSize, byte[] entry, byte[] leafHash, List<byte[]> proof,
                             byte[] rootHash) {
}

import { describe, expect, it } from 'vitest';
import { leafHash, nodeHash, toBase64, verifyInclusion } from './merkle';

// reference implementation of RFC 9162 section 2.1.1 / 2.1.3.1 to build test vectors
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
async function mth(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return nodeHash(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}
async function path(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  if (m < k) return [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))];
  return [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))];
}

describe('verifyInclusion (RFC 9162)', () => {
  it('verifies every leaf of trees of several sizes and rejects tampering', async () => {
    for (const size of [1, 2, 3, 5, 7, 8, 13]) {
      const entries = Array.from({ length: size }, (_, i) => `{"index":${i},"action":"test"}`);
      const leaves = await Promise.all(entries.map((e) => leafHash(new TextEncoder().encode(e))));
      const root = toBase64(await mth(leaves));
      for (let i = 0; i < size; i++) {
        const proof = (await path(i, leaves)).map(toBase64);
        const base = { index: i, treeSize: size, canonical: entries[i], leafHash: toBase64(leaves[i]), proof, rootHash: root };
        expect(await verifyInclusion(base)).toEqual({ ok: true });
        expect((await verifyInclusion({ ...base, canonical: entries[i] + ' ' })).ok).toBe(false);
        if (size > 1) {
          expect((await verifyInclusion({ ...base, index: (i + 1) % size })).ok).toBe(false);
          expect(await verifyInclusion({ ...base, proof: proof.slice(1) })).not.toEqual({ ok: true });
        }
      }
    }
  });
});

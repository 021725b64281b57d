// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing and inclusion-proof verification,
// with WebCrypto SHA-256: leaf = H(0x00 || entry), node = H(0x01 || left || right).

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const len = parts.reduce((n, p) => n + p.length, 0);
  const buf = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    buf.set(p, off);
    off += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
}

export function leafHash(entry: Uint8Array): Promise<Uint8Array> {
  return sha256(Uint8Array.of(0), entry);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(Uint8Array.of(1), left, right);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * RFC 9162 section 2.1.3.2: the root that the inclusion proof of leaf `index` in a tree of
 * `treeSize` leaves leads to, or null when the proof has the wrong shape.
 */
export async function rootFromInclusionProof(
  index: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
): Promise<Uint8Array | null> {
  if (index < 0 || index >= treeSize) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export interface InclusionInput {
  index: number;
  treeSize: number;
  /** the exact canonical entry text that was hashed */
  canonical?: string;
  leafHash: string;
  proof: string[];
  /** base64 root hash the proof must reach (the checkpoint's) */
  rootHash: string;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'leaf-mismatch' | 'bad-proof' | 'root-mismatch' };

/** Verifies that the entry is in the tree whose root is rootHash. */
export async function verifyInclusion(v: InclusionInput): Promise<VerifyResult> {
  const claimedLeaf = fromBase64(v.leafHash);
  if (v.canonical !== undefined) {
    const computed = await leafHash(new TextEncoder().encode(v.canonical));
    if (!equalBytes(computed, claimedLeaf)) return { ok: false, reason: 'leaf-mismatch' };
  }
  const root = await rootFromInclusionProof(v.index, v.treeSize, claimedLeaf, v.proof.map(fromBase64));
  if (!root) return { ok: false, reason: 'bad-proof' };
  return equalBytes(root, fromBase64(v.rootHash)) ? { ok: true } : { ok: false, reason: 'root-mismatch' };
}

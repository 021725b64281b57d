/**
 * Evidence items, evidence packs and auditor reports. An evidence item is a fact collected for compliance
 * controls (a policy evaluation, an access review, a document, ...), optionally with a file; recording it
 * appends an entry to the tenant's audit log in the same transaction, so its inclusion proof ties the item
 * and its file hash to a signed checkpoint. A pack bundles the items of a framework and period with their
 * proofs, the checkpoint, the verifier keys, a signature over its index and a PDF summary, in the layout of
 * docs/evidence/formats.md; {@link io.cloudwarden.evidence.pack.EvidencePackWriter} writes it without a
 * database. Control ids are validated against the {@link io.cloudwarden.evidence.pack.ControlCatalogue}.
 */
package io.cloudwarden.evidence.pack;

// Aliases of the generated types (src/api/schema.d.ts); nothing here describes a response by hand.
import type { components, paths } from './schema';

type S = components['schemas'];
export type ResourceSummary = S['ResourceSummary'];
export type ResourceDetail = S['ResourceDetail'];
export type ResourceFacets = S['ResourceFacets'];
export type FacetCount = S['FacetCount'];
export type VersionSummary = S['VersionSummary'];
export type ResourceDiff = S['ResourceDiff'];
export type PathChange = S['PathChange'];
export type CloudAccount = S['CloudAccount'];
export type SyncRun = S['SyncRun'];
export type ConnectorType = S['ConnectorType'];
export type ConfigProperty = S['ConfigProperty'];
export type ConnectionCheck = S['ConnectionCheck'];
export type AccountCommand = S['AccountCommand'];
export type EntryView = S['EntryView'];
export type InclusionView = S['InclusionView'];

type JsonContent<R> = R extends { content: infer C } ? C[keyof C] : never;
/** The 200 body of an operation, whatever media type the server declares. */
export type OkBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? JsonContent<R>
  : never;

export type Me = OkBody<'/api/v1/me', 'get'>;
export type ResourceQuery = NonNullable<paths['/api/v1/resources']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit/entries']['get']['parameters']['query']>;

export type EvidencePack = S['EvidencePack'];
export type EvidenceItem = S['EvidenceItem'];
export type FrameworkView = S['FrameworkView'];
export type Control = S['Control'];
export type PackRequest = S['PackRequest'];
export type ReportRequest = S['ReportRequest'];
export type LogView = S['LogView'];
export type CheckpointView = S['CheckpointView'];
export type AnchorStatus = S['AnchorStatus'];
export type VerificationReport = S['VerificationReport'];
export type VerificationProblem = S['VerificationProblem'];
export type KeysView = S['KeysView'];

import type { ExportSummary, ModuleSummary } from './module-summary';

/**
 * Which boundary the project's own modules stand for, read from their summaries. A mock of one of
 * these replaces the boundary as surely as a mock of the driver does: a repository class, a
 * storage adapter, a mail sender. Each answer is one kind, or `null` when the summary does not
 * name exactly one (a module that reaches two systems is not one boundary to name).
 */

function single(kinds: readonly string[]): string | null {
  const distinct = [...new Set(kinds)];
  return distinct.length === 1 ? (distinct[0] ?? null) : null;
}

function isBoundaryClient(entry: ExportSummary | undefined): entry is ExportSummary & { value: { type: 'boundary-client'; kind: string } } {
  return entry?.value.type === 'boundary-client';
}

/**
 * A whole project module mocked (`vi.mock('../src/storage')`): the boundary whose client it loads
 * itself, or the one boundary whose clients are all it hands out (`export default new S3Storage()`
 * in a module that picks one storage backend). A module that reaches a boundary only through other
 * project modules and exports anything else (a barrel, a service over shared utilities) is
 * application code, and mocking it says nothing about one boundary.
 */
export function boundaryKindOfModule(summary: ModuleSummary): string | null {
  const own = single(summary.clientKinds ?? []);
  if (own !== null) return own;
  // Nothing it loads reaches a boundary: no export of it can be a client.
  if (summary.boundaryKinds.length === 0) return null;
  const entries = [...summary.exports.values()];
  if (entries.length === 0 || !entries.every(isBoundaryClient)) return null;
  return single(entries.map((entry) => entry.value.kind));
}

/**
 * A member of an exported class or object stubbed (`UserRepository.prototype.save`,
 * `mailer.send`): the export is an adapter when it is or returns a client, or when it is a
 * function whose own body reaches exactly one boundary. An object or class is not judged by
 * what the rest of its module reaches: a formatter beside a client is still a formatter, and a
 * class whose module loads no client itself is application code. A member the class does not
 * define itself (`member`, when given) is inherited from elsewhere: what the class's own module
 * loads says nothing of what it does.
 */
export function boundaryKindOfExportMember(summary: ModuleSummary, exported: string, member: string | null = null): string | null {
  const entry = summary.exports.get(exported);
  if (!entry || entry.value.type === 'unknown' || entry.value.type === 'fake' || entry.value.type === 'app-client') return null;
  if (entry.ownMembers && member !== null && !entry.ownMembers.includes(member)) return null;
  if (member !== null && !definedMemberReaches(entry, member)) return null;
  if (isBoundaryClient(entry)) return entry.value.kind;
  if (entry.ownMembers) return null;
  return single(entry.boundaryKinds);
}

/**
 * An export of a project module replaced on the module object (`sinon.stub(mailer, 'sendReset')`,
 * `vi.spyOn(oauth, 'fetchProfile')`): a client, or a function of an adapter module (one that loads
 * a boundary's client itself) whose own body reaches that one boundary. A function of a module
 * that reaches a boundary only through other project modules is code under test.
 */
export function boundaryKindOfStubbedExport(summary: ModuleSummary, exported: string): string | null {
  const entry = summary.exports.get(exported);
  if (!entry) return null;
  if (isBoundaryClient(entry)) return entry.value.kind;
  if (entry.ownMembers || (entry.value.type !== 'other' && entry.value.type !== 'unknown')) return null;
  const kind = single(entry.boundaryKinds);
  return kind !== null && (summary.clientKinds ?? []).includes(kind) ? kind : null;
}

/**
 * A value obtained from an export (`const client = storage.client`, `broker = cluster.findBroker()`):
 * only an export that is or returns a client stands for a boundary. A helper that merely writes
 * through one is code under test.
 */
export function boundaryKindOfExportValue(summary: ModuleSummary, exported: string): string | null {
  const entry = summary.exports.get(exported);
  return isBoundaryClient(entry) ? entry.value.kind : null;
}

/**
 * Whether a member of a client export may reach its boundary: any member of the library's own, and
 * a member the project defines on it (a schema method such as `comparePassword`) only when its own
 * body is seen to reach one. A stub of a member that stays in the process replaces no round trip.
 */
export function definedMemberReaches(entry: ExportSummary, member: string): boolean {
  const defined = entry.definedMembers?.find((candidate) => candidate.name === member);
  return defined === undefined || defined.reaches;
}

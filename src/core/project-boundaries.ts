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
 * itself. A module that reaches a boundary only through other project modules (a barrel, a service
 * over shared utilities) is application code, and mocking it says nothing about one boundary.
 */
export function boundaryKindOfModule(summary: ModuleSummary): string | null {
  return single(summary.clientKinds ?? []);
}

/**
 * A member of an exported class or object stubbed (`UserRepository.prototype.save`,
 * `mailer.send`): the export is an adapter when it is or returns a client, or when it is a
 * function whose own body reaches exactly one boundary. An object or class is not judged by
 * what the rest of its module reaches: a formatter beside a client is still a formatter.
 */
export function boundaryKindOfExportMember(summary: ModuleSummary, exported: string): string | null {
  const entry = summary.exports.get(exported);
  if (!entry || entry.value.type === 'unknown' || entry.value.type === 'fake' || entry.value.type === 'app-client') return null;
  if (isBoundaryClient(entry)) return entry.value.kind;
  return single(entry.boundaryKinds);
}

/**
 * A value obtained from an export (`const client = storage.client`, `broker = cluster.findBroker()`),
 * or an exported function stubbed whole: only an export that is or returns a client stands for a
 * boundary. A helper that merely writes through one is code under test.
 */
export function boundaryKindOfExportValue(summary: ModuleSummary, exported: string): string | null {
  const entry = summary.exports.get(exported);
  return isBoundaryClient(entry) ? entry.value.kind : null;
}

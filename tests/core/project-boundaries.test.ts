import { describe, expect, it } from 'vitest';
import type { ExportSummary, ExportValue, ModuleSummary } from '../../src/core/module-summary';
import { boundaryKindOfExportMember, boundaryKindOfExportValue, boundaryKindOfModule } from '../../src/core/project-boundaries';

function exported(value: ExportValue, boundaryKinds: string[] = []): ExportSummary {
  return { value, registersHooks: [], boundaryKinds };
}

function summary(boundaryKinds: string[], exports: Record<string, ExportSummary>, clientKinds: string[] = boundaryKinds): ModuleSummary {
  return {
    identity: { type: 'project', file: '/app/src/orders/order-store.ts', workspacePackage: null },
    boundaryKinds,
    clientKinds,
    complete: true,
    hooksOnImport: [],
    exports: new Map(Object.entries(exports)),
  };
}

// A repository class whose methods write through a database client, a mail sender object, a
// function that only builds data, a helper that hands back a connected client, and a fake.
const orderStore = summary(['database'], {
  OrderStore: exported({ type: 'other' }, ['database']),
  buildOrder: exported({ type: 'other' }),
  connectToDatabase: exported({ type: 'boundary-client', kind: 'database' }, ['database']),
  inMemoryOrders: exported({ type: 'fake', kind: 'database' }),
  unread: exported({ type: 'unknown' }),
});
const mailer = summary(['email'], { mailer: exported({ type: 'other' }, ['email']) });
const twoSystems = summary(['database', 'queue'], { OrderFlow: exported({ type: 'other' }) });
// A module that reaches the database only through a shared barrel it borrows helpers from, with a
// formatter object beside a class whose methods write through that barrel's client.
const overABarrel = summary(['database'], { colours: exported({ type: 'other' }), Ledger: exported({ type: 'other' }, ['database']) }, []);

describe('project modules as boundaries', () => {
  it('a whole module mocked stands for the one boundary it reaches', () => {
    expect(boundaryKindOfModule(orderStore)).toBe('database');
    expect(boundaryKindOfModule(mailer)).toBe('email');
  });

  it('names no boundary for a module that reaches none, or two', () => {
    expect(boundaryKindOfModule(summary([], {}))).toBeNull();
    expect(boundaryKindOfModule(twoSystems)).toBeNull();
  });

  it('names no boundary for a module that loads no client itself, whatever it reaches through others', () => {
    expect(boundaryKindOfModule(overABarrel)).toBeNull();
  });

  it('judges a member by its own export, not by what the rest of its module reaches', () => {
    expect(boundaryKindOfExportMember(overABarrel, 'colours')).toBeNull();
    expect(boundaryKindOfExportMember(overABarrel, 'Ledger')).toBe('database');
  });

  it.each([
    ['a class whose methods reach the database', orderStore, 'OrderStore', 'database'],
    ['an exported object of a module that reaches one boundary', mailer, 'mailer', 'email'],
    ['an export that hands back a client', orderStore, 'connectToDatabase', 'database'],
  ])('a member of %s stands for it', (_label, module, name, kind) => {
    expect(boundaryKindOfExportMember(module, name)).toBe(kind);
  });

  it.each([
    ['a fake', orderStore, 'inMemoryOrders'],
    ['an export that could not be read', orderStore, 'unread'],
    ['a name the module does not export', orderStore, 'missing'],
    ['a class of a module that reaches two systems', twoSystems, 'OrderFlow'],
  ])('a member of %s names no boundary', (_label, module, name) => {
    expect(boundaryKindOfExportMember(module, name)).toBeNull();
  });

  it('only an export that is or returns a client stands for a boundary as a value', () => {
    expect(boundaryKindOfExportValue(orderStore, 'connectToDatabase')).toBe('database');
    expect(boundaryKindOfExportValue(orderStore, 'OrderStore')).toBeNull();
    expect(boundaryKindOfExportValue(orderStore, 'buildOrder')).toBeNull();
    expect(boundaryKindOfExportValue(orderStore, 'unread')).toBeNull();
  });
});

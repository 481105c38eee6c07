import { describe, expect, it } from 'vitest';
import type { ExportSummary, ExportValue, ModuleSummary } from '../../src/core/module-summary';
import { boundaryKindOfExportMember, boundaryKindOfExportValue, boundaryKindOfModule, boundaryKindOfStubbedExport } from '../../src/core/project-boundaries';

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

// Classes as summaries describe them: the members each defines itself.
const classExport = (value: ExportValue, boundaryKinds: string[], ownMembers: string[]): ExportSummary => ({ ...exported(value, boundaryKinds), ownMembers });

describe('project classes, functions and modules that stand for one client', () => {
  const jobs = summary(['database', 'queue'], {
    // An adapter class over a driver its module loads, which inherits scheduling from a queue base.
    ReportJob: classExport({ type: 'boundary-client', kind: 'database' }, ['database', 'queue'], ['constructor', 'run']),
    // A class of the same module that is no client: application code, whatever the module reaches.
    ReportFormatter: classExport({ type: 'other' }, ['database', 'queue'], ['format']),
  }, ['database']);

  it('a member a client class defines itself stands for its boundary', () => {
    expect(boundaryKindOfExportMember(jobs, 'ReportJob', 'run')).toBe('database');
  });

  it('a member a class inherits from elsewhere names no boundary', () => {
    expect(boundaryKindOfExportMember(jobs, 'ReportJob', 'schedule')).toBeNull();
  });

  it('a class that is no client names no boundary, whatever its module reaches', () => {
    expect(boundaryKindOfExportMember(jobs, 'ReportFormatter', 'format')).toBeNull();
  });

  const sms = summary(['http'], {
    sendCode: exported({ type: 'other' }, ['http']),
    maskNumber: exported({ type: 'other' }),
    gateway: exported({ type: 'boundary-client', kind: 'http' }, ['http']),
    unread: exported({ type: 'unknown' }),
  }, ['http']);
  const overAdapters = summary(['http'], { sendWelcome: exported({ type: 'other' }, ['http']) }, []);

  it('a function of an adapter module, stubbed on the module object, stands for what its body reaches', () => {
    expect(boundaryKindOfStubbedExport(sms, 'sendCode')).toBe('http');
    expect(boundaryKindOfStubbedExport(sms, 'gateway')).toBe('http');
  });

  it.each([
    ['a pure helper of an adapter module', sms, 'maskNumber'],
    ['an export that could not be read', sms, 'unread'],
    ['a name the module does not export', sms, 'missing'],
    ['a function of a module that reaches the boundary only through other project modules', overAdapters, 'sendWelcome'],
    ['a class that is no client', summary(['database'], { Report: classExport({ type: 'other' }, ['database'], ['print']) }), 'Report'],
  ])('%s, stubbed on the module object, names no boundary', (_label, module, name) => {
    expect(boundaryKindOfStubbedExport(module, name)).toBeNull();
  });

  it('a module that hands out nothing but clients of one boundary stands for it when mocked whole', () => {
    const picksABackend = summary(['storage', 'http'], { default: exported({ type: 'boundary-client', kind: 'storage' }, ['storage']) }, []);
    expect(boundaryKindOfModule(picksABackend)).toBe('storage');
  });

  it.each([
    ['it also exports a helper', summary(['storage'], { default: exported({ type: 'boundary-client', kind: 'storage' }), keyOf: exported({ type: 'other' }) }, [])],
    ['its clients are of two boundaries', summary(['storage', 'cache'], { files: exported({ type: 'boundary-client', kind: 'storage' }), cache: exported({ type: 'boundary-client', kind: 'cache' }) }, [])],
    ['it exports nothing it can see', summary(['storage'], {}, [])],
  ])('a module that loads no client itself names no boundary when %s', (_label, module) => {
    expect(boundaryKindOfModule(module)).toBeNull();
  });
});

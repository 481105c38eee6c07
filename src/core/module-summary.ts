/**
 * What the plugin knows about one of the project's own modules (a test helper, an adapter, a
 * setup file), in language-neutral terms. A front end builds these by resolving and reading the
 * module; rule cores only read them.
 *
 * `unknown` is an answer of its own: the module could not be read (unresolvable, unparsable, too
 * large, part of a cycle, beyond the depth limit). A rule treats it as "could do anything" and
 * stays silent rather than assume the module does nothing.
 */

/** One identity per module, whatever spelling loaded it. */
export type ModuleIdentity =
  /**
   * A file of the project (relative path, tsconfig `paths`/`baseUrl`, `#imports`, a workspace package of this repository).
   * `workspacePackage` is the name of the package the file belongs to (its nearest named package.json), `null` when none.
   * For a workspace package found without node_modules whose entry file does not exist, `file` is the path it was looked for at.
   */
  | { readonly type: 'project'; readonly file: string; readonly workspacePackage: string | null }
  /** An installed third-party package: its name and the subpath asked for (`''` for the root). */
  | { readonly type: 'package'; readonly name: string; readonly subpath: string }
  /** A Node.js built-in (`fs`, `node:child_process`). */
  | { readonly type: 'builtin'; readonly name: string }
  /** Nothing could be found for the specifier. */
  | { readonly type: 'unresolved'; readonly specifier: string };

export type HookKind = 'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll';

/** What a hook body does to a boundary, as far as cleanup goes. */
export type HookEffect =
  | 'reset' // recreates schema or state (`refresh`, `synchronize(true)`, `clearDatabase`)
  | 'truncate'
  | 'delete'
  | 'drop'
  | 'rollback'
  | 'close' // ends a connection or stops a server/container; not cleanup of data
  | 'unknown'; // calls something that could not be read

export interface HookSummary {
  /**
   * Which hook it is; `unknown` for one that a function the summary cannot read may register, whose
   * effects are `unknown` too.
   */
  readonly kind: HookKind | 'unknown';
  readonly effects: readonly HookEffect[];
}

/** What calling an exported function (or reading an exported value) hands back. */
export type ExportValue =
  // an HTTP/CLI client bound to the project's own app (`supertest(app)`, an axios instance on the
  // app's URL); `sends` when the value is itself a function that sends a request to the app when
  // called (`fetch: apiFetch(url)` on the address the helper's server of the app listens on)
  | { readonly type: 'app-client'; readonly sends?: boolean }
  | { readonly type: 'boundary-client'; readonly kind: string } // a real client, pool, connection or adapter reaching a boundary
  | { readonly type: 'fake'; readonly kind: string | null } // an HTTP fake, in-memory double or stub
  | { readonly type: 'fresh-database' } // a database made for the caller (`:memory:`, a random name)
  // read, and none of the above; an object handed back may hold app clients in its properties
  // (`{ request: supertest.agent(app), destroy }`), by property name; `ownPackage` when it is what the
  // entry point of the module's own package makes when called (`require('../index.js')(config)` in a
  // library's test helper): an instance of the code under test, not data; `holdsClient` when an
  // object handed back holds a real client or a fresh database in a property (`{ db, close }`);
  // `framework` when it is the project's app, made by a web framework whose apps answer requests in
  // process (`new Hono()` handed the project's routes), named as users know the framework (`Hono`)
  | {
      readonly type: 'other';
      readonly members?: Readonly<Record<string, ExportValue>>;
      readonly ownPackage?: boolean;
      readonly holdsClient?: boolean;
      readonly framework?: string;
    }
  | { readonly type: 'unknown' };

export interface ExportSummary {
  readonly value: ExportValue;
  /** Hooks registered when the export is called (`setupTestDB()` registering `beforeEach`). */
  readonly registersHooks: readonly HookSummary[];
  /** Boundary kinds the export's body reaches, transitively. */
  readonly boundaryKinds: readonly string[];
  /**
   * What calling the export does to a boundary's data (`cleanDatabase()` → `truncate`), read from
   * its body and the project functions it calls; `unknown` when it calls something unreadable.
   * Absent when not known.
   */
  readonly effects?: readonly HookEffect[];
  /**
   * For a class: the names of the members its own body defines (methods, accessors, fields, static
   * ones included), written without computed keys. A member not listed is inherited or added
   * elsewhere. Absent for anything but a class.
   */
  readonly ownMembers?: readonly string[];
  /** The export is another module's namespace (`export * as testUtils from './test-utils'`). */
  readonly namespace?: boolean;
  /**
   * For a class: its own static methods that only hand back a new instance of the class
   * (`static async create(config) { …; return new TestNetwork(…) }`): factories of an object, not
   * of a record. Absent for anything but a class.
   */
  readonly staticFactories?: readonly string[];
  /**
   * For a client the project builds around a schema of its own (`mongoose.model('User', userSchema)`):
   * the members the project defines on it (`userSchema.methods.comparePassword = …`, statics too),
   * and whether each one's own body is seen to reach a boundary (a client package, or a call on
   * `this`, the document or model itself). A member not listed is the library's.
   */
  readonly definedMembers?: readonly { readonly name: string; readonly reaches: boolean }[];
  /**
   * For a function: the positions of the parameters it does nothing with but hand to a test client
   * (`request(app).post('/auth/signup')`). Calling it sends requests to the app it is given; it adds
   * nothing to that app.
   */
  readonly sendsWith?: readonly number[];
  /**
   * For a function: the positions of the parameters whose handle it changes rather than the data
   * behind it (`orm.config.set('debug', true)`, `client.options.prefix = 'x'`). A test that hands
   * such a function the handle a hook built changes that handle for the tests after it.
   */
  readonly reconfigures?: readonly number[];
}

export interface ModuleSummary {
  readonly identity: Extract<ModuleIdentity, { type: 'project' }>;
  /** Boundary kinds the module reaches, directly or through other project modules. */
  readonly boundaryKinds: readonly string[];
  /**
   * Kinds of the boundary clients the module loads itself (`import { Pool } from 'pg'`), not through
   * other project modules: what makes it an adapter of a boundary rather than code that reaches one
   * somewhere down its imports.
   */
  readonly clientKinds?: readonly string[];
  /**
   * The catalog clients the module reaches, directly or through other project modules, as the
   * package specifiers that load them (`pg`, `mongodb`), each with its kind: the packages behind a
   * wrapper, so that a mock of one can be matched against writes made through the wrapper.
   */
  readonly clientModules?: readonly { readonly specifier: string; readonly kind: string }[];
  /**
   * Modules the module mocks at its top level (`vi.mock('../db')`, `jest.mock('pg')`), as written,
   * relative to the module's file. A runner setup file that mocks a module mocks it for every test file.
   */
  readonly mocksOnImport?: readonly string[];
  /** False when some module it loads is unknown, so `boundaryKinds` may be incomplete. */
  readonly complete: boolean;
  /** Hooks registered at the module's top level, when it is imported. */
  readonly hooksOnImport: readonly HookSummary[];
  /** By export name (`default` for the default export). */
  readonly exports: ReadonlyMap<string, ExportSummary>;
}

/** A summary, or `unknown` when the module could not be read. */
export type ModuleSummaryResult = ModuleSummary | 'unknown';

/** One web framework whose apps answer a request in process, with no server listening. */
export interface InProcessApp {
  readonly framework: string;
  /** The member paths of the package that make an app (`Hono` for `new Hono()`). */
  readonly makers: ReadonlySet<string>;
  /** The methods that send a request into an app. */
  readonly sends: ReadonlySet<string>;
  /**
   * The methods that give an app routes, whose last argument is then what answers
   * (`app.route('/orders', orders)`, `app.get('/x', handler)`): not middleware, which sits in front.
   */
  readonly routes: ReadonlySet<string>;
}

const HONO: InProcessApp = {
  framework: 'Hono',
  makers: new Set(['Hono']),
  sends: new Set(['request', 'fetch']),
  routes: new Set(['route', 'mount', 'get', 'post', 'put', 'patch', 'delete', 'options', 'all', 'on']),
};

/** {@link InProcessApp}s by the package that makes them. */
export const IN_PROCESS_APPS: Readonly<Record<string, InProcessApp>> = {
  hono: HONO,
  'hono/tiny': HONO,
  'hono/quick': HONO,
  '@hono/zod-openapi': { ...HONO, makers: new Set(['OpenAPIHono']), routes: new Set([...HONO.routes, 'openapi']) },
  elysia: {
    framework: 'Elysia',
    makers: new Set(['Elysia']),
    sends: new Set(['handle']),
    // An Elysia plugin (`app.use(ordersPlugin)`) is an app of its own that brings its routes.
    routes: new Set(['use', 'group', 'route', 'get', 'post', 'put', 'patch', 'delete', 'options', 'all']),
  },
};

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The nearest package.json of each directory already asked about, as its bin names. */
const binsByDirectory = new Map<string, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

/**
 * The command names the nearest package.json above a file declares under `bin`: the keys of a
 * `bin` object, or the unscoped package name for a `bin` string. Each directory is read at most
 * once per process; a missing or malformed package.json gives no names and never throws.
 */
export function packageBinsFor(filename: string): ReadonlySet<string> {
  if (!path.isAbsolute(filename)) return NONE;
  const visited: string[] = [];
  let directory = path.dirname(filename);
  let bins: ReadonlySet<string> | undefined;
  for (;;) {
    bins = binsByDirectory.get(directory);
    if (bins) break;
    visited.push(directory);
    const manifest = readManifest(path.join(directory, 'package.json'));
    if (manifest !== undefined) {
      bins = binsOf(manifest);
      break;
    }
    const parent = path.dirname(directory);
    if (parent === directory) {
      bins = NONE;
      break;
    }
    directory = parent;
  }
  for (const seen of visited) binsByDirectory.set(seen, bins);
  return bins;
}

/** The parsed file, `null` when it exists but cannot be read as JSON, `undefined` when there is none. */
function readManifest(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function binsOf(manifest: unknown): ReadonlySet<string> {
  if (typeof manifest !== 'object' || manifest === null) return NONE;
  const { bin, name } = manifest as { bin?: unknown; name?: unknown };
  if (typeof bin === 'string' && typeof name === 'string' && name !== '') {
    return new Set([name.replace(/^@[^/]+\//, '')]);
  }
  if (typeof bin === 'object' && bin !== null && !Array.isArray(bin)) {
    return new Set(Object.entries(bin).filter(([, target]) => typeof target === 'string').map(([command]) => command));
  }
  return NONE;
}

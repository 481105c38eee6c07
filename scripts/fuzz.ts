/**
 * `npm run fuzz -- [--count N] [--seed S] [--generator grammar|eslump] [--case grammar:1234 …]
 *                  [--rule name …] [--out dir] [--no-minimise]`
 *
 * Lints generated programs with every rule of the plugin and checks that no rule throws and that
 * every edit parses, keeps comments and converges. Prints the seed, the cases run and the failures;
 * each failure is minimised and written to `fuzz-failures/` with the command that replays it.
 */
import plugin from '../src/index';
import type { RuleMap } from '../tests/fuzz/check';
import type { GeneratorName } from '../tests/fuzz/program';
import { formatSummary, GENERATORS, runFuzz } from '../tests/fuzz/run';

function parseArguments(argv: readonly string[]) {
  const options = { count: 1000, seed: Math.floor(Math.random() * 2 ** 31), generators: [] as GeneratorName[], cases: [] as string[], rules: [] as string[], outDir: 'fuzz-failures', minimise: true };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--count': options.count = Number.parseInt(value(), 10); break;
      case '--seed': options.seed = Number.parseInt(value(), 10); break;
      case '--generator': options.generators.push(value() as GeneratorName); break;
      case '--case': options.cases.push(value()); break;
      case '--rule': options.rules.push(value()); break;
      case '--out': options.outDir = value(); break;
      case '--no-minimise': options.minimise = false; break;
      default: throw new Error(`Unknown argument ${flag}. See the comment at the top of scripts/fuzz.ts.`);
    }
  }
  if (!Number.isInteger(options.count) || options.count < 0) throw new Error('--count takes a whole number');
  if (!Number.isInteger(options.seed)) throw new Error('--seed takes a whole number');
  for (const generator of options.generators) {
    if (!GENERATORS.includes(generator)) throw new Error(`--generator is one of ${GENERATORS.join(', ')}`);
  }
  return options;
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  const allRules = plugin.rules as unknown as RuleMap;
  const unknown = args.rules.filter((name) => !(name in allRules));
  if (unknown.length > 0) throw new Error(`No rule named ${unknown.join(', ')}; the rules are ${Object.keys(allRules).join(', ')}.`);
  const rules = args.rules.length > 0 ? Object.fromEntries(args.rules.map((name) => [name, allRules[name]!])) : allRules;
  const names = Object.keys(rules);
  const log = (line: string) => console.log(line);
  log(args.cases.length > 0 ? `replaying ${args.cases.join(', ')}` : `fuzzing ${args.count} cases with seed ${args.seed} (replay a run with --seed ${args.seed})`);
  log(`rules: ${names.length > 0 ? names.join(', ') : 'none yet'}`);
  const summary = runFuzz({
    rules,
    count: args.count,
    seed: args.seed,
    generators: args.generators.length > 0 ? args.generators : undefined,
    cases: args.cases.length > 0 ? args.cases : undefined,
    outDir: args.outDir,
    minimise: args.minimise,
    log,
  });
  for (const line of formatSummary(summary)) log(line);
  process.exitCode = summary.failures.length > 0 ? 1 : 0;
}

main();

/**
 * `npm run test:runtimes`: runs scripts/runtime-smoke.mjs (the built package: redact, mask, a
 * stream, the web TransformStream) in Deno and Bun. Run `npm run build` first.
 *
 * Neither runtime is a dependency. Each is taken from `DENO_BIN` / `BUN_BIN`, else from `PATH`,
 * else from the npm registry: the platform package that holds the binary (`@deno/linux-x64-glibc`,
 * `@oven/bun-linux-x64`, ...), at a pinned version, is fetched with `npm pack` into
 * node_modules/.cache/piiveil-runtimes/ and run from there; nothing is installed globally.
 * Exits 1 when a runtime fails the smoke test or cannot be found.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'piiveil-runtimes');
const SMOKE = join(ROOT, 'scripts', 'runtime-smoke.mjs');
const EXE = process.platform === 'win32' ? '.exe' : '';

interface Runtime {
  readonly name: 'deno' | 'bun';
  readonly env: string;
  readonly version: string;
  /** The registry package holding this platform's binary, and the binary's path inside it. */
  readonly platformPackage: () => { name: string; binary: string };
  readonly args: (file: string) => string[];
}

const RUNTIMES: readonly Runtime[] = [
  {
    name: 'deno',
    env: 'DENO_BIN',
    version: '2.9.6',
    platformPackage: () => {
      const os = process.platform === 'linux' ? `linux-${process.arch}-glibc` : `${process.platform}-${process.arch}`;
      return { name: `@deno/${os}`, binary: `deno${EXE}` };
    },
    // Reads dist/ and node_modules (libphonenumber-js); no other permission.
    args: (file) => ['run', '--allow-read', '--no-prompt', file],
  },
  {
    name: 'bun',
    env: 'BUN_BIN',
    version: '1.4.5',
    platformPackage: () => {
      const os = process.platform === 'win32' ? 'windows' : process.platform;
      const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
      return { name: `@oven/bun-${os}-${arch}`, binary: join('bin', `bun${EXE}`) };
    },
    args: (file) => [file],
  },
];

function onPath(name: string): string | undefined {
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    const path = join(directory, name + EXE);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The runtime's binary: from its environment variable, PATH, the cache, or `npm pack`. */
function locate(runtime: Runtime): string {
  const fromEnv = process.env[runtime.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const fromPath = onPath(runtime.name);
  if (fromPath !== undefined) return fromPath;
  const { name, binary } = runtime.platformPackage();
  const directory = join(CACHE, `${runtime.name}-${runtime.version}`);
  const path = join(directory, 'package', binary);
  if (existsSync(path)) return path;
  mkdirSync(directory, { recursive: true });
  console.log(`${runtime.name}: fetching ${name}@${runtime.version} from the npm registry (npm pack)`);
  const pack = spawnSync('npm', ['pack', `${name}@${runtime.version}`, '--pack-destination', directory, '--silent'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (pack.status !== 0) throw new Error(`${runtime.name}: npm pack ${name}@${runtime.version} failed: ${pack.stderr.trim()}`);
  const tarball = readdirSync(directory).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`${runtime.name}: npm pack left no tarball in ${directory}`);
  const untar = spawnSync('tar', ['xzf', tarball], { cwd: directory, encoding: 'utf8' });
  if (untar.status !== 0 || !existsSync(path)) throw new Error(`${runtime.name}: could not unpack ${tarball}: ${untar.stderr.trim()}`);
  rmSync(join(directory, tarball));
  return path;
}

function main(): number {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    console.error('dist/index.js is missing: run `npm run build` first');
    return 1;
  }
  let failed = 0;
  for (const runtime of RUNTIMES) {
    try {
      const binary = locate(runtime);
      const run = spawnSync(binary, runtime.args(SMOKE), {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        // Deno's module cache stays next to the binaries instead of in the user's home.
        env: { ...process.env, DENO_DIR: join(CACHE, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' },
      });
      const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
      if (run.status === 0) {
        console.log(`${runtime.name} (${version}): ${run.stdout.trim()}`);
      } else {
        failed += 1;
        console.error(`${runtime.name} (${version}): FAILED (exit ${run.status ?? run.signal})\n${run.stdout}${run.stderr}`);
      }
    } catch (error) {
      failed += 1;
      console.error(error instanceof Error ? error.message : String(error));
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exit(main());

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const biome = join(root, 'node_modules/.bin/biome');

/**
 * The layer rules live in biome.json, so CI's lint step fails on a violation. Each case lints one
 * probe file placed at a path of the layer under test, with the project's own configuration.
 */
describe('layer rules (biome noRestrictedImports)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'home-log-layers-'));
    const config = JSON.parse(await readFile(join(root, 'biome.json'), 'utf8'));
    delete config.$schema;
    await writeFile(join(dir, 'biome.json'), JSON.stringify(config));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function lints(file: string, from: string): Promise<'ok' | 'refused'> {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `import * as probe from '${from}';\nexport const used = probe;\n`);
    try {
      await run(biome, ['lint', file], { cwd: dir });
      return 'ok';
    } catch (error) {
      const output = String((error as { stdout?: string }).stdout ?? '');
      const errors = String((error as { stderr?: string }).stderr ?? '');
      expect(`${output}${errors}`).toContain('noRestrictedImports');
      return 'refused';
    }
  }

  it.each([
    ['src/bot/features/probe.ts', '../../db/schema', 'refused'],
    ['src/bot/probe.ts', '../web/google-link', 'refused'],
    ['src/domain/probe.ts', '../store/meters', 'refused'],
    ['src/domain/billing/probe.ts', '../../db/client', 'refused'],
    ['src/web/probe.ts', '../bot/bot', 'refused'],
    ['src/bot/features/probe.ts', '../../store/meters', 'ok'],
    ['src/bot/probe.ts', '../accounts/identities', 'ok'],
    ['src/store/probe.ts', '../db/schema', 'ok'],
    ['src/web/probe.ts', '../accounts/sign-in', 'ok'],
  ] as const)('%s importing %s: %s', async (file, from, expected) => {
    expect(await lints(file, from)).toBe(expected);
  });
});

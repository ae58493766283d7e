/** The lint rules that keep the layers apart really fail code that crosses them. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint', () => {
  it('fails an area that imports another area', async () => {
    const found = await problems(
      'renderer/features/plan/Example.ts',
      "import { count } from '../apps/parts';\nexport const n = count;\n",
    );
    expect(found.join('\n')).toMatch(
      /local\/no-cross-feature-imports: The plan area may not import the apps area/,
    );
  });

  it('fails a lazy import of another area too', async () => {
    const found = await problems(
      'renderer/features/apps/data/example.ts',
      "export const load = () => import('../../data/DataScreen');\n",
    );
    expect(found.join('\n')).toMatch(/The apps area may not import the data area/);
  });

  it('lets an area import its own files, ui/, db/ and shared/', async () => {
    const found = await problems(
      'renderer/features/apps/Example.ts',
      [
        "import { count } from './parts';",
        "import { Field } from '../../ui/Field';",
        "import { useDatabase } from '../../db/DatabaseContext';",
        "import { todayIso } from '../../../shared/domain';",
        'export const all = [count, Field, useDatabase, todayIso];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('keeps shared/ free of react and dexie', async () => {
    const found = await problems(
      'shared/domain/example.ts',
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-imports/);
  });
});

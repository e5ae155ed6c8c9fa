import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each module owns its tables (docs/architecture.md, "Ai sở hữu bảng nào"): no SQL outside the owner names
 * them. Another module composes the owner's read model or fragments (`org/org-queries.ts`,
 * `users/user-queries.ts`, …) or asks its service. This reads the ownership table from the document
 * itself, so the page and the check cannot drift, and scans every non-test source of every module.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doc = readFileSync(path.resolve(src, '../../docs/architecture.md'), 'utf8');

/** Tables and the module that owns each, from the document's table. */
export function ownership(markdown: string): Map<string, string> {
  const owners = new Map<string, string>();
  const section = markdown.slice(markdown.indexOf('## Ai sở hữu bảng nào'));
  for (const line of section.split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]!.startsWith('`')) continue;
    const ticks = (cell: string) => [...cell.matchAll(/`([a-z_-]+)`/g)].map((m) => m[1]!);
    const modules = ticks(cells[1]!);
    const tables = ticks(cells[2]!);
    // "`templates`, `flows` | `template_version`, `flow_version`": pairwise; otherwise one module owns them all.
    tables.forEach((t, i) => owners.set(t, modules.length === tables.length ? modules[i]! : modules[0]!));
  }
  return owners;
}

/** SQL that names a table: a keyword of the statement followed by the table's name. */
const naming = (table: string) => new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+${table}\\b`, 'g');
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Not modules: the entity registry and migrations, the first-start seed (it writes every owner's first rows), test helpers. */
const EXEMPT = new Set(['database', 'seed', 'test-support']);

/**
 * Statements that still read another module's table, each with why it stays for now. The list only
 * shrinks: an entry that no longer offends fails the test until it is removed.
 */
const KNOWN: Record<string, string> = {};

function offenders(owners: Map<string, string>): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(src, { withFileTypes: true })) {
    if (!dir.isDirectory() || EXEMPT.has(dir.name)) continue;
    const files = (readdirSync(path.join(src, dir.name), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(f));
    for (const f of files) {
      const text = withoutComments(readFileSync(path.join(src, dir.name, f), 'utf8'));
      for (const [table, owner] of owners) {
        if (owner === dir.name) continue;
        if (naming(table).test(text)) out.push(`${dir.name}/${f}: ${table} (${owner})`);
      }
    }
  }
  return out.sort();
}

describe('table ownership', () => {
  const owners = ownership(doc);

  it('reads the ownership table from docs/architecture.md', () => {
    expect(owners.get('org_unit')).toBe('org');
    expect(owners.get('flow_version')).toBe('flows');
    expect(owners.get('template_version')).toBe('templates');
    expect(owners.get('transition_log')).toBe('submissions');
    expect(owners.size).toBeGreaterThanOrEqual(20);
  });

  it('finds an offender in a module that names another module\'s table', () => {
    expect(naming('org_unit').test(withoutComments('const q = `SELECT id FROM org_unit WHERE …`;'))).toBe(true);
    expect(naming('org_unit').test(withoutComments('// rows FROM org_unit, in a comment\nconst q = orgQueries.units;'))).toBe(false);
  });

  it('no module names another module\'s table in its SQL', () => {
    const found = offenders(owners);
    const unexpected = found.filter((o) => !(o in KNOWN));
    const fixed = Object.keys(KNOWN).filter((k) => !found.includes(k));
    expect(unexpected, `SQL naming another module's table (ask its service or compose its *-queries.ts):\n${unexpected.join('\n')}`).toEqual([]);
    expect(fixed, `no longer offending: remove from KNOWN in table-ownership.spec.ts:\n${fixed.join('\n')}`).toEqual([]);
  });
});

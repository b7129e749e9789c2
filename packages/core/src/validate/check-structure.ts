import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AxisNode, SectionIR, TableIR } from '../ir/template-ir.js';
import type { DiagnosticCode } from '../messages/index.js';
import type { OffsetRange, ReportGroupRow, ReportRow, ReportSection, TableNote } from '../model/report.js';
import { lineAt } from './text-ranges.js';
import type { ValidationContext } from './validation-context.js';

/**
 * A numeral in the template's style followed by the heading punctuation, e.g. "五、", "五．", "五 "; kept by
 * the fix of a reworded heading. Another style ("（五）", "5、") is not kept: the fix renumbers it too.
 */
function numeralPrefix(heading: string, numeral: string): string {
  const match = new RegExp(`^\\s*${numeral}\\s*[、.．,，:：]?\\s*`, 'u').exec(heading);
  return match ? match[0] : '';
}

/** Where a missing section would go: before the next section found, else at the end of the text. */
function insertionPoint(ctx: ValidationContext, index: number): OffsetRange {
  for (const next of ctx.template.sections.slice(index + 1)) {
    const found = ctx.reportSection(next.id);
    if (found?.range) return { start: found.range.start, end: found.range.start };
  }
  const end = ctx.text.trimEnd().length;
  return { start: end, end };
}

function checkSection(ctx: ValidationContext, section: SectionIR, index: number): Diagnostic[] {
  const found = ctx.reportSection(section.id);
  if (!found || (found.match === 'missing' && !found.range)) {
    return [
      ctx.diagnostic('structure/section-missing', {
        severity: section.required ? undefined : 'warning',
        message: ctx.msg('structure/section-missing', { numeral: section.numeral, heading: section.heading }),
        range: insertionPoint(ctx, index),
      }),
    ];
  }
  if (found.match === 'missing') {
    return [
      ctx.diagnostic('structure/heading-missing', {
        severity: section.required ? undefined : 'warning',
        message: ctx.msg('structure/heading-missing', { numeral: section.numeral, heading: section.heading }),
        range: ctx.sectionAnchor(found) ?? insertionPoint(ctx, index),
      }),
    ];
  }
  if (found.match === 'near' && found.heading && ctx.enabled('structure/heading-variant')) {
    const heading = ctx.sectionHeading(section);
    const written = found.heading.text.trim();
    const prefix = numeralPrefix(found.heading.text, section.numeral);
    const start = found.heading.range.start + prefix.length;
    const replacement = prefix ? section.heading : heading;
    return [
      ctx.diagnostic('structure/heading-variant', {
        message: ctx.msg('structure/heading-variant', { written, expected: heading }),
        range: found.heading.range,
        suggestions: [
          {
            message: ctx.msg('fix/heading', { expected: heading }),
            edits: [{ range: { start, end: found.heading.range.end }, newText: replacement }],
          },
        ],
      }),
    ];
  }
  return [];
}

/** Sections found out of template order: each one that starts before a section the template puts first. */
function checkOrder(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let latest: { section: SectionIR; start: number } | null = null;
  for (const section of ctx.template.sections) {
    const found: ReportSection | undefined = ctx.reportSection(section.id);
    if (!found?.range) continue;
    if (latest && found.range.start < latest.start) {
      diagnostics.push(
        ctx.diagnostic('structure/section-order', {
          message: ctx.msg('structure/section-order', {
            numeral: section.numeral,
            heading: section.heading,
            previous: latest.section.numeral,
          }),
          range: ctx.sectionAnchor(found) ?? found.range,
        }),
      );
      continue;
    }
    latest = { section, start: found.range.start };
  }
  return diagnostics;
}

const NOTE_CODES: Record<TableNote['kind'], DiagnosticCode> = {
  'header-garbled': 'structure/header-garbled',
  'header-truncated': 'structure/header-truncated',
  'glued-ambiguous': 'structure/row-ambiguous',
  'glued-split': 'structure/row-split-guessed',
  repeated: 'structure/table-repeated',
  'extra-values': 'structure/extra-values',
  'rows-out-of-order': 'structure/rows-out-of-order',
  transposed: 'structure/table-transposed',
  'group-values': 'structure/group-row-values',
  'label-variant': 'structure/row-label-variant',
};

/** The message of several rows of a table with the same glued-row note. */
const GLUED_ROWS: Partial<Record<TableNote['kind'], 'structure/row-split-guessed-rows' | 'structure/row-ambiguous-rows'>> = {
  'glued-split': 'structure/row-split-guessed-rows',
  'glued-ambiguous': 'structure/row-ambiguous-rows',
};

/** The label of the group row `id` (groups have no display label of their own among the leaves). */
function groupLabel(roots: readonly AxisNode[], id: string): string {
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.id === id) return node.label || id;
    stack.push(...node.children);
  }
  return id;
}

/** The row read next to where the missing row `id` belongs: the first one read after it, else the last one before it. */
function placeOfMissingRow(rows: readonly ReportRow[], id: string): ReportRow | undefined {
  const at = rows.findIndex((row) => row.id === id);
  if (at < 0) return undefined;
  return rows.slice(at + 1).find((row) => row.labelRange) ?? rows.slice(0, at).reverse().find((row) => row.labelRange);
}

/** The leaf rows declared optional (themselves or through a group). */
function optionalLeaves(nodes: readonly AxisNode[], inherited = false, into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const optional = inherited || node.optional === true;
    if ((node.children.length === 0 || node.ownFigure) && optional) into.add(node.id);
    if (node.children.length > 0) optionalLeaves(node.children, optional, into);
  }
  return into;
}

/** The optional leaf rows of each table (see {@link optionalLeaves}), worked out once per table object. */
const optionalRowsByTable = new WeakMap<TableIR, ReadonlySet<string>>();

function optionalRowsOf(table: TableIR): ReadonlySet<string> {
  let rows = optionalRowsByTable.get(table);
  if (rows === undefined) optionalRowsByTable.set(table, (rows = optionalLeaves(table.rows)));
  return rows;
}

function checkTables(ctx: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const table of ctx.template.tables) {
    const found = ctx.reportTable(table.id);
    const section = ctx.reportSection(table.section);
    const label = ctx.tableLabel(table.id);
    if (!found?.found) {
      if (table.optional) continue;
      if (table.appendix) {
        diagnostics.push(ctx.diagnostic('structure/table-missing', { message: ctx.msg('structure/table-missing', { table: label }), range: insertionPoint(ctx, ctx.template.sections.length) }));
        continue;
      }
      // A table whose whole section is missing is covered by the section finding.
      if (!section?.range) continue;
      diagnostics.push(
        ctx.diagnostic('structure/table-missing', {
          message: ctx.msg('structure/table-missing', { table: label }),
          range: ctx.sectionAnchor(section) ?? section.range,
        }),
      );
      continue;
    }
    const optionalRows = optionalRowsOf(table);
    const missingRows = found.missingRows.filter((row) => !optionalRows.has(row));
    if (missingRows.length > 0) {
      const anchor = found.range
        ? lineAt(ctx.text, found.range.start)
        : ((section && ctx.sectionAnchor(section)) ?? { start: 0, end: 0 });
      const code = found.truncated ? 'structure/table-truncated' : 'structure/rows-missing';
      const rows = missingRows.map((row) => ctx.rowLabel(table.id, row));
      // A cut-off table is pinned to its last line, where the rows stop; a table with a gap to the
      // place of its first missing row (the row after it, else the row before it), not to where the
      // reader's zone began (the section's prose before the table).
      const lastRow = [...found.rows].reverse().find((row) => row.labelRange);
      const gap = found.truncated ? lastRow : placeOfMissingRow(found.rows, missingRows[0]);
      const range = gap?.labelRange ? lineAt(ctx.text, gap.labelRange.start) : anchor;
      diagnostics.push(
        ctx.diagnostic(code, {
          message: ctx.msg(code, { table: label, count: rows.length, rows: ctx.list(rows, 30) }),
          range,
          cells: table.leafColumns.length
            ? missingRows.flatMap((row) => table.leafColumns.map((column) => `${table.id}.${row}.${column}`))
            : undefined,
        }),
      );
    }
    if (found.groups && found.groups.length > 0) diagnostics.push(groupsUnsplit(ctx, table.id, label, found.groups));
    const variants = found.notes.filter((note) => note.kind === 'label-variant');
    if (variants.length > 0) diagnostics.push(labelVariants(ctx, table.id, label, variants));
    const seen = new Set<string>();
    for (const note of found.notes) {
      if (note.kind === 'label-variant') continue;
      const key = `${note.kind}\u0000${note.row ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const code = NOTE_CODES[note.kind];
      if (!code) continue;
      const sameKind = found.notes.filter((n) => n.kind === note.kind && n.row !== undefined);
      const plural = GLUED_ROWS[note.kind];
      if (plural && sameKind.length > 1) {
        // Glued rows come together (a whole table without separators): one finding for the table.
        if (sameKind[0] !== note) continue;
        const rows = [...new Set(sameKind.map((n) => n.row!))];
        diagnostics.push(
          ctx.diagnostic(code, {
            message: ctx.msg(plural, { table: label, count: rows.length, rows: ctx.list(rows.map((row) => `“${ctx.rowLabel(table.id, row)}”`), 5) }),
            range: note.range,
            related: sameKind.slice(1).map((n) => ({ message: ctx.rowLabel(table.id, n.row!), range: n.range })),
          }),
        );
        continue;
      }
      const row = note.row === undefined ? '' : note.kind === 'group-values' ? groupLabel(table.rows, note.row) : ctx.rowLabel(table.id, note.row);
      diagnostics.push(
        ctx.diagnostic(code, {
          message: ctx.msg(code, { table: label, row, values: note.detail ?? '' }),
          range: note.range,
        }),
      );
    }
  }
  return diagnostics;
}

/**
 * One finding for the row labels a table prints with a typo ("2.其他法律行政止公开" for
 * "2.其他法律行政法规禁止公开"): each is read as the nearest template row; the deviation is named once.
 */
function labelVariants(ctx: ValidationContext, tableId: string, label: string, notes: TableNote[]): Diagnostic {
  const leafLabel = (row: string): string => ctx.reportTable(tableId)?.rows.find((r) => r.id === row)?.label ?? ctx.rowLabel(tableId, row);
  const rows = notes.map((note) => ctx.msg('structure/row-label-variant-item', { written: note.detail ?? '', row: leafLabel(note.row ?? '') }));
  return ctx.diagnostic('structure/row-label-variant', {
    message: ctx.msg('structure/row-label-variant', { table: label, count: notes.length, rows: ctx.list(rows, 10) }),
    range: notes[0].range,
    cells: notes.flatMap((note) => (ctx.reportTable(tableId)?.rows.find((r) => r.id === note.row)?.cells ?? []).map((c) => c.id)),
    related: notes.slice(1).map((note) => ({ message: note.detail ?? '', range: note.range })),
  });
}

/**
 * One finding for the row groups a table prints as one row where the template splits them (（六）其他处理
 * without 1/2/3): the values are read and checked as the groups' sums; the deviation is named once.
 */
function groupsUnsplit(ctx: ValidationContext, tableId: string, label: string, groups: ReportGroupRow[]): Diagnostic {
  const leafLabel = (row: string): string => ctx.reportTable(tableId)?.rows.find((r) => r.id === row)?.label ?? ctx.rowLabel(tableId, row);
  const names = groups.map((group) => {
    const parts = group.leafRows.map((row) => `“${leafLabel(row)}”`);
    return ctx.msg('structure/group-unsplit-item', { group: group.label, count: parts.length, rows: ctx.list(parts, 5) });
  });
  const first = groups[0];
  return ctx.diagnostic('structure/group-unsplit', {
    message: ctx.msg('structure/group-unsplit', { table: label, groups: names.join(ctx.msg('list/separator')) }),
    range: first.labelRange ?? first.cells.find((c) => c.range)?.range ?? { start: 0, end: 0 },
    cells: groups.flatMap((group) => group.cells.map((c) => c.id)),
    related: groups.slice(1).flatMap((g) => (g.labelRange ? [{ message: g.label, range: g.labelRange }] : [])),
  });
}

/**
 * Structure: every template section present (a missing one is an error unless optional), its heading
 * there and worded as the template or an alias (a near miss is a warning with a fix), sections in order,
 * every table found, with all its rows (a cut-off table is one finding naming the missing rows), and the
 * parser's notes on a table (garbled or truncated header, ambiguous glued rows…).
 */
export function checkStructure(ctx: ValidationContext): Diagnostic[] {
  return [
    ...ctx.template.sections.flatMap((section, index) => checkSection(ctx, section, index)),
    ...checkOrder(ctx),
    ...checkTables(ctx),
  ];
}

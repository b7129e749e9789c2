import { hex as dingbatCharacter } from 'dingbat-to-unicode';
import type { HtmlSink } from '../html/html-tree-builder.js';
import type { WordXmlAttributes } from './word-xml-attributes.js';
import { readWordXml, type WordXmlHandler } from './word-xml.js';

/**
 * Writes the HTML of a Word document's body that the text rendition needs to `html` (as events: no
 * HTML string is written), the way mammoth writes it
 * (which this reader replaced for speed; `word-document.test.ts` compares the two): paragraphs as `<p>`,
 * tables as `<table>` with `colspan`/`rowspan` from `w:gridSpan`/`w:vMerge`, line breaks as `<br>`,
 * tabs as TAB, footnote and endnote references as `[n]` with the notes in a list at the end. What
 * mammoth reads is read and what it leaves out is left out: deleted text, field codes, unknown
 * elements (`w:fldSimple`), page breaks; text boxes come after their paragraph; the content of a
 * deleted paragraph mark joins the next paragraph. What carries no text is left out of the HTML
 * (styles, links, emphasis, images' sources): headings and list items are plain paragraphs.
 * Elements without text that keep a paragraph from being empty (an image, a bookmark, a check box)
 * are written as empty markers, so that the paragraphs a cell holds are counted as mammoth's are.
 *
 * Linear in the XML; nesting is handled with explicit stacks.
 */
export function wordBodyHtml(
  documentXml: string | readonly string[],
  notesXml: { footnotes?: string | readonly string[]; endnotes?: string | readonly string[] },
  html: HtmlSink,
): void {
  const body = new BodyReader('body');
  readWordXml(documentXml, body);
  if (!body.sawBody) throw new WordDocumentError('the main document part has no w:body');
  // Most documents have no notes: their body is not walked for references.
  const references = body.noteReferences > 0 ? collectReferences(body.output) : [];
  if (references.length === 0) {
    writePieces(body.output, () => '', html);
    return;
  }
  const notes = new Map<string, Piece[]>();
  for (const [type, xml] of [['footnote', notesXml.footnotes], ['endnote', notesXml.endnotes]] as const) {
    if (xml === undefined) continue;
    const reader = new BodyReader(type);
    readWordXml(xml, reader);
    for (const [id, content] of reader.notes) notes.set(`${type} ${id}`, content);
  }
  let number = 0;
  const numberOf = (): string => `[${++number}]`;
  const list: Piece[] = [];
  for (const reference of references) {
    const key = `${reference.noteType} ${reference.noteId}`;
    const content = notes.get(key);
    if (content === undefined) continue;
    // Each note once, at its first reference (Word references a note once; mammoth would repeat it).
    notes.delete(key);
    addBackLink(content);
    list.push(tag.li, content, tag.liEnd);
  }
  writePieces(list.length > 0 ? [body.output, tag.ol, list, tag.olEnd] : body.output, numberOf, html);
}

/** A Word document part the reader cannot use (no body): reported as a damaged document. */
export class WordDocumentError extends Error {}

/** A reference to a footnote or endnote: numbered `[n]` in the order written. */
interface NoteReference {
  readonly kind: 'note';
  readonly noteType: 'footnote' | 'endnote';
  readonly noteId: string;
}

interface TableCell {
  readonly kind: 'cell';
  readonly content: Piece[];
  colSpan: number;
  /** `w:vMerge`: true to continue the merge from above, false to start one, null without. */
  vMerge: boolean | null;
  rowSpan: number;
}

interface TableRow {
  readonly kind: 'row';
  /** Cells, and anything else the row holds (kept in place, as mammoth does). */
  readonly items: (TableCell | Piece)[];
  /** Whether the row holds something other than cells: merges are then not computed for the table. */
  otherThanCells: boolean;
}

interface Table {
  readonly kind: 'table';
  readonly items: (TableRow | Piece)[];
  otherThanRows: boolean;
  /** Whether its merged cells are computed (once: when its note references are collected, or written). */
  merged: boolean;
}

/** A start or end tag of the output HTML. */
interface Tag {
  readonly kind: 'tag';
  readonly name: string;
  readonly end: boolean;
}

function startTag(name: string): Tag {
  return { kind: 'tag', name, end: false };
}

function endTag(name: string): Tag {
  return { kind: 'tag', name, end: true };
}

/** The tags the body is written with (void elements, `br`, `img`, `input`, have no end tag). */
const tag = {
  p: startTag('p'),
  pEnd: endTag('p'),
  br: startTag('br'),
  a: startTag('a'),
  aEnd: endTag('a'),
  img: startTag('img'),
  input: startTag('input'),
  ol: startTag('ol'),
  olEnd: endTag('ol'),
  li: startTag('li'),
  liEnd: endTag('li'),
  tableEnd: endTag('table'),
  trEnd: endTag('tr'),
  tdEnd: endTag('td'),
} as const;

/**
 * A piece of output HTML: a tag, text (not escaped), a note reference, a table, or a fragment (pieces
 * in order; never empty: content is moved, not copied, so deep nesting costs no more than flat text).
 */
type Piece = string | Tag | NoteReference | Table | Piece[];

type FrameKind =
  | 'root'
  | 'body'
  | 'note'
  | 'paragraph'
  | 'paragraph-properties'
  | 'paragraph-mark'
  | 'element'
  | 'transparent'
  | 'text'
  | 'instruction'
  | 'table'
  | 'row'
  | 'row-properties'
  | 'cell'
  | 'cell-properties'
  | 'sdt'
  | 'sdt-properties'
  | 'alternate-content'
  | 'picture'
  | 'drawing'
  | 'ignored';

/**
 * An element being read. A class with every field set from the start, so that the frames of all kinds
 * share one shape (the reader touches a frame at each element).
 */
class Frame {
  /** Set when pushed: where content goes (this frame's sink or the nearest one below). */
  target: Piece[] | undefined = undefined;
  /** Set when pushed: the frame an element read here belongs to (see `element`). */
  owner: Frame | undefined = undefined;
  /** Set when pushed: the nearest paragraph (this frame or below). */
  inParagraph: Frame | undefined = undefined;
  /** Set when pushed, in a drawing: how many steps of {@link IMAGE_PATH} the path to it has taken. */
  imageStep = 0;
  /** Names of the children seen that only the first of counts (w:pPr, w:sdtContent…). */
  seen: string[] | undefined = undefined;
  paragraph: { main: Piece[]; extra: Piece[]; deleted: boolean } | undefined = undefined;
  table: Table | undefined = undefined;
  row: (TableRow & { deleted: boolean }) | undefined = undefined;
  cell: TableCell | undefined = undefined;
  /** A content control; `start`: where its content begins in the target (a check box without text replaces it). */
  sdt: { checkbox: boolean; consumed: boolean; start: number } | undefined = undefined;
  text: string | undefined = undefined;
  noteId: string | undefined = undefined;

  constructor(
    readonly kind: FrameKind,
    readonly name: string,
    /** Where content inside this frame goes, when the frame collects it. */
    readonly sink: Piece[] | undefined = undefined,
  ) {}
}

/** Elements read for their children only. */
const TRANSPARENT = new Set([
  'w:customXml', 'w:ins', 'w:moveFromRangeEnd', 'w:moveFromRangeStart', 'w:moveTo', 'w:moveToRangeEnd',
  'w:moveToRangeStart', 'w:object', 'w:smartTag', 'w:drawing', 'v:roundrect', 'v:shape', 'v:textbox',
  'w:txbxContent', 'v:group', 'v:rect', 'mc:Fallback', 'w:sdtContent',
]);

/** Frames whose content mammoth reads as their parent's (an element inside one belongs to the parent). */
const PASS_THROUGH = new Set<FrameKind>(['transparent', 'sdt', 'alternate-content', 'drawing']);

/** The chain of elements under a drawing that leads to an image (a:blip), each inside the one before. */
const IMAGE_PATH = ['a:graphic', 'a:graphicData', 'pic:pic', 'pic:blipFill'];

/**
 * Reads the body of the main document part (`mode` body) or the notes of a notes part, writing pieces
 * of HTML. One reader per part, as mammoth's body reader: a deleted paragraph mark carries over to the
 * next paragraph of the part.
 */
class BodyReader implements WordXmlHandler {
  readonly output: Piece[] = [];
  readonly notes = new Map<string, Piece[]>();
  sawBody = false;
  /** How many note references were read (some may since have been left out). */
  noteReferences = 0;
  private readonly frames: Frame[];
  /** Complex fields open (w:fldChar begin … end): their instruction, to tell check boxes. */
  private readonly fields: { type: 'begin' | 'checkbox' | 'other' }[] = [];
  private instruction: string[] = [];
  private deletedParagraph: { main: Piece[]; extra: Piece[] } | undefined;
  /**
   * The check box controls open whose box (their first character) is not seen yet, innermost last:
   * the next character is the box of the last one.
   */
  private readonly checkboxes: { checkbox: boolean; consumed: boolean }[] = [];

  constructor(private readonly mode: 'body' | 'footnote' | 'endnote') {
    const root = new Frame('root', '');
    root.target = [];
    root.owner = root;
    this.frames = [root];
  }

  open(name: string, attributes: WordXmlAttributes): boolean {
    const parent = this.frames[this.frames.length - 1];
    const frame = this.frameFor(parent, name, attributes);
    // Left out with everything inside: the XML reader skips it.
    if (frame === undefined) return false;
    // Links to the frames below that matter, so that no step walks the stack (nesting can be deep).
    frame.target = frame.sink ?? parent.target;
    frame.owner = PASS_THROUGH.has(frame.kind) ? parent.owner : frame;
    frame.inParagraph = frame.kind === 'paragraph' ? frame : parent.inParagraph;
    if (frame.kind === 'drawing') {
      const step = parent.kind === 'drawing' ? parent.imageStep! : 0;
      frame.imageStep = parent.kind === 'drawing' && name === IMAGE_PATH[step] ? step + 1 : step;
    }
    this.frames.push(frame);
    return true;
  }

  close(): void {
    if (this.frames.length === 1) return;
    const frame = this.frames.pop()!;
    if (frame.sdt !== undefined && this.checkboxes[this.checkboxes.length - 1] === frame.sdt) this.checkboxes.pop();
    this.finish(frame);
  }

  text(text: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame.kind === 'text' || frame.kind === 'instruction') frame.text = (frame.text ?? '') + text;
  }

  /** The frame for an element inside `parent`, or undefined to leave it out with everything inside. */
  private frameFor(parent: Frame, name: string, attributes: WordXmlAttributes): Frame | undefined {
    switch (parent.kind) {
      case 'root':
        if (this.mode === 'body') {
          if (this.frames.length === 1 && !this.sawBody && parent.seen === undefined) {
            parent.seen = [];
            return new Frame('transparent', '#document');
          }
          return undefined;
        }
        break;
      case 'transparent':
        if (parent.name === '#document') {
          if (name !== 'w:body' || this.sawBody) return undefined;
          this.sawBody = true;
          return new Frame('body', name, this.output);
        }
        break;
      case 'paragraph-properties':
        return name === 'w:rPr' && firstOf(parent, name) ? new Frame('paragraph-mark', name) : undefined;
      case 'paragraph-mark':
        if (name === 'w:del') this.nearest('paragraph')!.paragraph!.deleted = true;
        return undefined;
      case 'row-properties':
        if (name === 'w:del') this.nearest('row')!.row!.deleted = true;
        return undefined;
      case 'cell-properties': {
        const cell = this.nearest('cell')!.cell!;
        if (name === 'w:gridSpan' && firstOf(parent, name)) {
          const value = attributes.get('w:val');
          cell.colSpan = value ? parseInt(value, 10) : 1;
        } else if (name === 'w:vMerge' && firstOf(parent, name)) {
          const value = attributes.get('w:val');
          cell.vMerge = value === 'continue' || !value;
        }
        return undefined;
      }
      case 'sdt-properties':
        if (name === 'wordml:checkbox' && firstOf(parent, name)) {
          const sdt = this.nearest('sdt')!.sdt!;
          sdt.checkbox = true;
          this.checkboxes.push(sdt);
        }
        return undefined;
      case 'sdt':
        if (name === 'w:sdtPr' && firstOf(parent, name)) return new Frame('sdt-properties', name);
        if (name === 'w:sdtContent' && firstOf(parent, name)) return new Frame('transparent', name);
        return undefined;
      case 'alternate-content':
        return name === 'mc:Fallback' && firstOf(parent, name) ? new Frame('transparent', name) : undefined;
      case 'drawing':
        this.drawingElement(name, attributes);
        return new Frame('drawing', name);
      case 'text':
      case 'instruction':
      case 'ignored':
        return undefined;
      default:
        break;
    }
    if (parent.kind === 'root') {
      // A notes part: each note (at any depth) but the separators.
      if ((name === 'w:footnote' || name === 'w:endnote') && name === `w:${this.mode}`) {
        const type = attributes.get('w:type');
        if (type === 'separator' || type === 'continuationSeparator') return undefined;
        this.deletedParagraph = undefined;
        const note = new Frame('note', name, []);
        note.noteId = attributes.get('w:id');
        return note;
      }
      return new Frame('root', name);
    }
    return this.contentFrame(parent, name, attributes);
  }

  /** Frames for the elements of body content, wherever they appear (mammoth reads them alike anywhere). */
  private contentFrame(parent: Frame, name: string, attributes: WordXmlAttributes): Frame | undefined {
    switch (name) {
      case 'w:p': {
        this.element();
        const carried = this.deletedParagraph;
        this.deletedParagraph = undefined;
        const paragraph = { main: fragmentOf(carried?.main), extra: fragmentOf(carried?.extra), deleted: false };
        const frame = new Frame('paragraph', name, paragraph.main);
        frame.paragraph = paragraph;
        return frame;
      }
      case 'w:pPr':
        return parent.kind === 'paragraph' && firstOf(parent, name) ? new Frame('paragraph-properties', name) : undefined;
      case 'w:r':
        this.element();
        return new Frame('element', name);
      case 'w:hyperlink':
        if (attributes.get('r:id') || attributes.get('w:anchor')) {
          this.element();
          return new Frame('element', name);
        }
        return new Frame('transparent', name);
      case 'w:t':
        this.element();
        return new Frame('text', name);
      case 'w:instrText':
        return new Frame('instruction', name);
      case 'w:tab':
        this.element();
        this.write('\t');
        return undefined;
      case 'w:noBreakHyphen':
        this.element();
        this.writeText('\u2011');
        return undefined;
      case 'w:softHyphen':
        this.element();
        this.writeText('\u00ad');
        return undefined;
      case 'w:sym': {
        const font = attributes.get('w:font') ?? '';
        const code = attributes.get('w:char') ?? '';
        const character = dingbatCharacter(font, code) ?? (/^F0..$/.test(code) ? dingbatCharacter(font, code.slice(2)) : undefined);
        if (character !== undefined) {
          this.element();
          this.writeText(character.string);
        }
        return undefined;
      }
      case 'w:br': {
        const type = attributes.get('w:type');
        if (type === undefined || type === 'textWrapping') {
          this.element();
          this.write(tag.br);
        } else if (type === 'page' || type === 'column') {
          this.element();
        }
        return undefined;
      }
      case 'w:bookmarkStart':
        if (attributes.get('w:name') !== '_GoBack') {
          this.element();
          this.write(tag.a);
          this.write(tag.aEnd);
        }
        return undefined;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        this.element();
        this.noteReferences++;
        this.write({ kind: 'note', noteType: name === 'w:footnoteReference' ? 'footnote' : 'endnote', noteId: attributes.get('w:id') ?? '' });
        return undefined;
      case 'w:commentReference':
        this.element();
        return undefined;
      case 'w:fldChar':
        this.fieldCharacter(attributes.get('w:fldCharType'));
        return undefined;
      case 'w:tbl': {
        this.element();
        const table: Table = { kind: 'table', items: [], otherThanRows: false, merged: false };
        const frame = new Frame('table', name, table.items as Piece[]);
        frame.table = table;
        return frame;
      }
      case 'w:tr': {
        this.element('row');
        const row = { kind: 'row' as const, items: [], otherThanCells: false, deleted: false };
        const frame = new Frame('row', name, row.items as Piece[]);
        frame.row = row;
        return frame;
      }
      case 'w:trPr':
        return parent.kind === 'row' && firstOf(parent, name) ? new Frame('row-properties', name) : undefined;
      case 'w:tc': {
        this.element('cell');
        const cell: TableCell = { kind: 'cell', content: [], colSpan: 1, vMerge: null, rowSpan: 1 };
        const frame = new Frame('cell', name, cell.content);
        frame.cell = cell;
        return frame;
      }
      case 'w:tcPr':
        return parent.kind === 'cell' && firstOf(parent, name) ? new Frame('cell-properties', name) : undefined;
      case 'w:sdt': {
        const sdt = { checkbox: false, consumed: false, start: parent.target!.length };
        const frame = new Frame('sdt', name);
        frame.sdt = sdt;
        return frame;
      }
      case 'mc:AlternateContent':
        return new Frame('alternate-content', name);
      case 'w:pict': {
        // Text boxes: after the paragraph that holds them (left out when no paragraph does).
        const paragraph = parent.inParagraph;
        return new Frame('picture', name, paragraph ? paragraph.paragraph!.extra : []);
      }
      case 'wp:inline':
      case 'wp:anchor':
        return new Frame('drawing', name);
      case 'v:imagedata':
        if (attributes.get('r:id')) {
          this.element();
          this.write(tag.img);
        }
        return undefined;
      default:
        return TRANSPARENT.has(name) ? new Frame('transparent', name) : undefined;
    }
  }

  /** Inside a drawing: an image (`a:blip` under graphic, graphic data, picture, fill) is an `<img>`. */
  private drawingElement(name: string, attributes: WordXmlAttributes): void {
    if (name !== 'a:blip' || (!attributes.get('r:embed') && !attributes.get('r:link'))) return;
    if (this.frames[this.frames.length - 1].imageStep === IMAGE_PATH.length) {
      this.element();
      this.write(tag.img);
    }
  }

  private fieldCharacter(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push({ type: 'begin' });
      this.instruction = [];
    } else if (type === 'separate') {
      if (this.fields.length === 0) return;
      this.fields.pop();
      this.fields.push({ type: this.parseInstruction() });
    } else if (type === 'end') {
      const field = this.fields.pop();
      if (field === undefined) return;
      const kind = field.type === 'begin' ? this.parseInstruction() : field.type;
      if (kind === 'checkbox') {
        this.element();
        this.write(tag.input);
      }
    }
  }

  private parseInstruction(): 'checkbox' | 'other' {
    const text = this.instruction.join('');
    if (/^\s*HYPERLINK\s+(\\l\s+)?(?:"(.*)"|([^\\]\S*))/.test(text)) return 'other';
    return /\s*FORMCHECKBOX\s*/.test(text) ? 'checkbox' : 'other';
  }

  private finish(frame: Frame): void {
    switch (frame.kind) {
      case 'text':
        this.writeText(frame.text ?? '');
        return;
      case 'instruction':
        this.instruction.push(frame.text ?? '');
        return;
      case 'paragraph': {
        const { main, extra, deleted } = frame.paragraph!;
        if (deleted) {
          const carried = this.deletedParagraph;
          this.deletedParagraph = carried ? { main: [...fragmentOf(carried.main), ...fragmentOf(main)], extra: [...fragmentOf(carried.extra), ...fragmentOf(extra)] } : { main, extra };
          return;
        }
        const sink = this.sink();
        if (main.length > 0) sink.push(tag.p, main, tag.pEnd);
        if (extra.length > 0) sink.push(extra);
        return;
      }
      case 'table':
        this.sink().push(frame.table!);
        return;
      case 'row': {
        const row = frame.row!;
        if (!row.deleted) this.sink().push(row as unknown as Piece);
        return;
      }
      case 'cell':
        this.sink().push(frame.cell! as unknown as Piece);
        return;
      case 'sdt': {
        const sdt = frame.sdt!;
        // A check box control: its first character is the box; without one, the box replaces its content.
        if (sdt.checkbox && !sdt.consumed) {
          const target = this.sink();
          target.length = Math.min(target.length, sdt.start);
          this.element();
          target.push(tag.input);
        }
        return;
      }
      case 'note':
        if (frame.noteId !== undefined) this.notes.set(frame.noteId, frame.sink!);
        return;
      default:
        return;
    }
  }

  /**
   * Marks that an element of mammoth's document model (`what`) is read here: a table notes anything but
   * a row, a row anything but a cell (mammoth then computes no merges for the table).
   */
  private element(what: 'row' | 'cell' | 'other' = 'other'): void {
    const owner = this.frames[this.frames.length - 1].owner!;
    if (owner.kind === 'table' && what !== 'row') owner.table!.otherThanRows = true;
    else if (owner.kind === 'row' && what !== 'cell') owner.row!.otherThanCells = true;
  }

  /** Text of the document; the first character of a check box control is the box. */
  private writeText(text: string): void {
    if (text.length === 0) return;
    const checkbox = this.checkboxes.pop();
    if (checkbox !== undefined) {
      checkbox.consumed = true;
      this.write(tag.input);
      return;
    }
    this.write(text);
  }

  private write(piece: Piece): void {
    this.sink().push(piece);
  }

  /** Where content goes now. */
  private sink(): Piece[] {
    return this.frames[this.frames.length - 1].target!;
  }

  private nearest(kind: FrameKind): Frame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].kind === kind) return this.frames[i];
    return undefined;
  }
}

/** Whether `name` is the first child of that name `frame` sees (mammoth reads only the first). */
function firstOf(frame: Frame, name: string): boolean {
  // A list: a frame sees one or two such names (a set cost more to make than to search).
  if (frame.seen === undefined) frame.seen = [name];
  else if (frame.seen.includes(name)) return false;
  else frame.seen.push(name);
  return true;
}

/** Adds the link back to the reference to a note's content: in its last paragraph (as mammoth writes it). */
function addBackLink(content: Piece[]): void {
  // The last piece, inside trailing fragments (text boxes after the last paragraph).
  let holder = content;
  for (let last = holder[holder.length - 1]; Array.isArray(last); last = holder[holder.length - 1]) holder = last;
  if (holder[holder.length - 1] === tag.pEnd) holder.splice(holder.length - 1, 0, ' \u2191');
  else content.push(tag.p, ' \u2191', tag.pEnd);
}

/** A fragment holding `pieces` when there are any (fragments are never empty), else an empty list. */
function fragmentOf(pieces: Piece[] | undefined): Piece[] {
  return pieces !== undefined && pieces.length > 0 ? [pieces] : [];
}

/** The note references of the body, in the order they are written. */
function collectReferences(pieces: readonly Piece[]): NoteReference[] {
  const references: NoteReference[] = [];
  walk(pieces, (piece) => {
    // Merged cells first: the cells a merge continues are left out, with any reference in them.
    if (piece.kind === 'table') mergeCells(piece);
    else if (piece.kind === 'note') references.push(piece);
  });
  return references;
}

type Item = Piece | TableRow | TableCell;

/** Visits every piece in document order (tables opened), without recursion. */
function walk(pieces: readonly Item[], visit: (piece: Exclude<Item, string | Tag | Piece[]>) => void): void {
  const stack: Item[] = [...pieces].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string' || (!Array.isArray(item) && item.kind === 'tag')) continue;
    if (!Array.isArray(item)) visit(item);
    const children = Array.isArray(item) ? item : item.kind === 'table' || item.kind === 'row' ? item.items : item.kind === 'cell' ? item.content : undefined;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Row spans from `w:vMerge`, as mammoth computes them (once per table); none when a table holds strays. */
function mergeCells(table: Table): void {
  if (table.merged) return;
  table.merged = true;
  const rows = table.items.filter((item): item is TableRow => typeof item !== 'string' && !Array.isArray(item) && item.kind === 'row');
  if (table.otherThanRows || rows.some((row) => row.otherThanCells)) return;
  const columns = new Map<number, TableCell>();
  for (const row of rows) {
    let index = 0;
    for (const item of row.items) {
      const cell = item as TableCell;
      const head = columns.get(index);
      if (cell.vMerge && head !== undefined) {
        head.rowSpan++;
      } else {
        columns.set(index, cell);
        cell.vMerge = false;
      }
      index += cell.colSpan;
    }
  }
  for (const row of rows) {
    const kept = row.items.filter((item) => !(item as TableCell).vMerge);
    row.items.length = 0;
    row.items.push(...kept);
  }
}

/** Writes the HTML of the pieces to `html`, without recursion; note references numbered in order. */
function writePieces(pieces: readonly Piece[], numberOf: () => string, html: HtmlSink): void {
  const stack: Item[] = [...pieces].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      html.text(item);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (item.kind === 'tag') {
      if (item.end) html.close(item.name);
      else html.open(item.name);
    } else if (item.kind === 'note') {
      html.text(numberOf());
    } else if (item.kind === 'table') {
      mergeCells(item);
      html.open('table');
      stack.push(tag.tableEnd);
      for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
    } else if (item.kind === 'row') {
      html.open('tr');
      stack.push(tag.trEnd);
      for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
    } else {
      html.open('td', cellAttributes(item));
      stack.push(tag.tdEnd);
      for (let i = item.content.length - 1; i >= 0; i--) stack.push(item.content[i]);
    }
  }
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** A cell's `colspan` and `rowspan` (in that order), when not 1. */
function cellAttributes(cell: TableCell): Readonly<Record<string, string>> {
  if (cell.colSpan === 1 && cell.rowSpan === 1) return NO_ATTRIBUTES;
  const attributes: Record<string, string> = {};
  if (cell.colSpan !== 1) attributes.colspan = `${cell.colSpan}`;
  if (cell.rowSpan !== 1) attributes.rowspan = `${cell.rowSpan}`;
  return attributes;
}

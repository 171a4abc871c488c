/**
 * A small hand-written OData parser limited to what SharePoint list items support through Graph:
 * `$filter` with eq/ne/lt/gt/le/ge/startswith joined by `and`, `$orderby` on fields, `$expand=fields($select=…)`.
 * Everything else is recognised well enough to be refused with 501, never ignored.
 */
import { invalidRequest, notImplemented } from './errors.js';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'datetime'; value: string };

export type FilterNode =
  | { type: 'and'; left: FilterNode; right: FilterNode }
  | { type: 'cmp'; op: CompareOp; field: string; literal: Literal }
  | { type: 'startswith'; field: string; literal: Literal };

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'dt'; v: string }
  | { t: 'id'; v: string }
  | { t: '(' | ')' | ',' };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_@$][A-Za-z0-9_./@$]*/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')' || ch === ',') { out.push({ t: ch }); i++; continue; }
    if (ch === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalidRequest(`Invalid $filter: unterminated string literal in "${src}".`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") { v += "'"; i += 2; continue; }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      out.push({ t: 'str', v });
      continue;
    }
    const rest = src.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt && dt[0].length > 4 && dt[0].includes('-')) { out.push({ t: 'dt', v: dt[0] }); i += dt[0].length; continue; }
    const num = NUMBER.exec(rest);
    if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const id = IDENT.exec(rest);
    if (id) {
      i += id[0].length;
      // datetime'2024-01-01T00:00:00Z' (OData v3 style, accepted by SharePoint)
      if (id[0].toLowerCase() === 'datetime' && src[i] === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw invalidRequest('Invalid $filter: unterminated datetime literal.');
        out.push({ t: 'dt', v: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
      out.push({ t: 'id', v: id[0] });
      continue;
    }
    throw invalidRequest(`Invalid $filter: unexpected character '${ch}' at position ${i}.`);
  }
  return out;
}

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const OTHER_OPS = new Set(['has', 'in', 'add', 'sub', 'mul', 'div', 'divby', 'mod']);

/** `fields/X` → `X`; anything else is a feature we do not offer. */
function fieldPath(path: string, where: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'fields') throw notImplemented(`${where} on '${path}' (only fields/<column> is supported)`);
  if (parts.length > 2 && /^(any|all)$/i.test(parts[2]!)) throw notImplemented(`lambda operators (${parts[2]}) in ${where}`);
  if (parts.length !== 2 || !parts[1]) throw notImplemented(`${where} on the path '${path}'`);
  return parts[1];
}

function toLiteral(tok: Token | undefined, src: string): Literal {
  if (!tok) throw invalidRequest(`Invalid $filter: a value is missing in "${src}".`);
  if (tok.t === 'str') return { kind: 'string', value: tok.v };
  if (tok.t === 'num') return { kind: 'number', value: tok.v };
  if (tok.t === 'dt') {
    if (Number.isNaN(Date.parse(tok.v))) throw invalidRequest(`Invalid $filter: '${tok.v}' is not a valid date and time.`);
    return { kind: 'datetime', value: tok.v };
  }
  if (tok.t === 'id' && (tok.v === 'true' || tok.v === 'false')) return { kind: 'boolean', value: tok.v === 'true' };
  if (tok.t === 'id' && tok.v === 'null') throw notImplemented('comparisons with null in $filter');
  if (tok.t === 'id') throw notImplemented(`'${tok.v}' as a value in $filter (only literals can be compared)`);
  throw invalidRequest(`Invalid $filter: unexpected '${tok.t}' in "${src}".`);
}

export function parseFilter(src: string): FilterNode {
  const lambda = /\/(any|all)\s*\(/i.exec(src);
  if (lambda) throw notImplemented(`lambda operators (${lambda[1]}) in $filter`);
  const toks = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => toks[pos];
  const next = (): Token | undefined => toks[pos++];
  const expect = (t: '(' | ')' | ','): void => {
    if (next()?.t !== t) throw invalidRequest(`Invalid $filter: expected '${t}' in "${src}".`);
  };

  const term = (): FilterNode => {
    const tok = next();
    if (!tok) throw invalidRequest(`Invalid $filter: expression expected in "${src}".`);
    if (tok.t === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (tok.t !== 'id') {
      if (tok.t === 'str' || tok.t === 'num' || tok.t === 'dt') {
        throw notImplemented('a value on the left side of a comparison in $filter (write fields/<column> first)');
      }
      throw invalidRequest(`Invalid $filter: unexpected '${tok.t}' in "${src}".`);
    }
    const name = tok.v;
    const lower = name.toLowerCase();
    if (lower === 'not') throw notImplemented("the 'not' operator in $filter");
    if (peek()?.t === '(') {
      next();
      if (lower !== 'startswith') throw notImplemented(`the function '${name}' in $filter (only startswith is supported)`);
      const target = next();
      if (target?.t !== 'id') throw invalidRequest('Invalid $filter: startswith expects fields/<column> as its first argument.');
      const field = fieldPath(target.v, '$filter');
      expect(',');
      const literal = toLiteral(next(), src);
      expect(')');
      if (literal.kind !== 'string') throw invalidRequest(`Invalid $filter: startswith on '${field}' needs a text value.`);
      const after = peek();
      if (after?.t === 'id' && COMPARE_OPS.has(after.v)) {
        throw notImplemented(`comparing the result of startswith with '${after.v}' in $filter`);
      }
      return { type: 'startswith', field, literal };
    }
    const field = fieldPath(name, '$filter');
    const op = next();
    if (op?.t !== 'id') throw invalidRequest(`Invalid $filter: an operator is expected after '${name}'.`);
    if (OTHER_OPS.has(op.v.toLowerCase())) throw notImplemented(`the '${op.v}' operator in $filter`);
    if (!COMPARE_OPS.has(op.v)) throw invalidRequest(`Invalid $filter: unknown operator '${op.v}'.`);
    return { type: 'cmp', op: op.v as CompareOp, field, literal: toLiteral(next(), src) };
  };

  const expr = (): FilterNode => {
    let left = term();
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === ')') return left;
      if (tok.t === 'id' && tok.v.toLowerCase() === 'and') { next(); left = { type: 'and', left, right: term() }; continue; }
      if (tok.t === 'id' && tok.v.toLowerCase() === 'or') throw notImplemented("the 'or' operator in $filter");
      if (tok.t === 'id' && OTHER_OPS.has(tok.v.toLowerCase())) throw notImplemented(`the '${tok.v}' operator in $filter`);
      throw invalidRequest(`Invalid $filter: unexpected token in "${src}".`);
    }
  };

  const tree = expr();
  if (pos !== toks.length) throw invalidRequest(`Invalid $filter: unbalanced parentheses in "${src}".`);
  return tree;
}

export function filterFields(node: FilterNode): string[] {
  return node.type === 'and' ? [...filterFields(node.left), ...filterFields(node.right)] : [node.field];
}

export interface OrderTerm { field: string; desc: boolean }

export function parseOrderBy(src: string): OrderTerm[] {
  return src.split(',').map((part) => {
    const words = part.trim().split(/\s+/);
    if (words.length === 0 || !words[0] || words.length > 2) throw invalidRequest(`Invalid $orderby: '${part.trim()}'.`);
    const dir = (words[1] ?? 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw invalidRequest(`Invalid $orderby direction '${words[1]}'.`);
    return { field: fieldPath(words[0], '$orderby'), desc: dir === 'desc' };
  });
}

export interface ExpandTerm { name: string; select?: string[] }

/** `fields`, `fields($select=A,B)`, `fields(select=A,B)`, several separated by commas. */
export function parseExpand(src: string, allowed: string[]): ExpandTerm[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= src.length; i++) {
    const ch = src[i];
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if ((ch === ',' && depth === 0) || i === src.length) { terms.push(src.slice(start, i).trim()); start = i + 1; }
  }
  return terms.map((term) => {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(term);
    if (!m) throw invalidRequest(`Invalid $expand: '${term}'.`);
    const name = m[1]!;
    if (!allowed.includes(name)) throw notImplemented(`$expand=${name} here (supported: ${allowed.join(', ') || 'none'})`);
    const options = m[2]?.trim();
    if (!options) return { name };
    const sel = /^\$?select=(.*)$/i.exec(options);
    if (!sel || sel[1]!.includes(';') || sel[1]!.includes('(')) {
      throw notImplemented(`the nested query option '${options}' in $expand (only $select is supported)`);
    }
    return { name, select: sel[1]!.split(',').map((s) => s.trim()).filter(Boolean) };
  });
}

/** Query options as Graph sees them: `$filter` and `filter` are the same option. */
export function readQuery(params: URLSearchParams, allowed: string[], where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rawKey, value] of params) {
    const key = rawKey.startsWith('$') ? rawKey.slice(1).toLowerCase() : rawKey.toLowerCase();
    if (!allowed.includes(key)) {
      throw notImplemented(`the query option '${rawKey}' on ${where}`);
    }
    if (out.has(key)) throw invalidRequest(`Query option '${rawKey}' was given more than once.`);
    out.set(key, value);
  }
  return out;
}

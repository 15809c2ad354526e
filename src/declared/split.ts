/**
 * Splits a SQL script into statements the way psql does: semicolons end a
 * statement except inside strings ('…', E'…'), quoted identifiers, dollar
 * quotes, comments (`--`, nested `/* *\/`), parentheses, and `BEGIN ATOMIC … END`
 * bodies. psql meta-commands (`\connect`, `\restrict` from newer pg_dump) and
 * the data of `COPY … FROM stdin` are returned as skipped items, not statements.
 *
 * Every statement keeps the 1-based line it starts on, so an error position that
 * PostgreSQL reports inside a statement maps back to a line of the file.
 */

export interface SqlStatement {
  /** The statement text from its first token up to (not including) the `;`. */
  readonly sql: string;
  /** 1-based line of the statement's first token in the whole script. */
  readonly line: number;
  /**
   * The statement with comments removed, literals and quoted identifiers replaced
   * by `'…'` and `"…"`, whitespace collapsed, upper-cased: for classifying it.
   */
  readonly skeleton: string;
}

export interface SplitResult {
  readonly statements: SqlStatement[];
  /** psql meta-commands (`\connect …`) with their lines; never run. */
  readonly metaCommands: { readonly text: string; readonly line: number }[];
}

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Convert a `position` PostgreSQL reports (1-based, in characters) inside a statement into a file line. */
/** The index just past the quoted text that starts at `start` (a doubled quote stays inside). */
function endOfQuoted(text: string, start: number, quote: string, escapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (escapes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}

export function lineOfPosition(statement: SqlStatement, position: number | undefined): number {
  if (!position || position < 1) return statement.line;
  let line = statement.line;
  const end = Math.min(position - 1, statement.sql.length);
  for (let i = 0; i < end; i++) if (statement.sql.charCodeAt(i) === 10) line++;
  return line;
}

export function splitStatements(text: string): SplitResult {
  const statements: SqlStatement[] = [];
  const metaCommands: { text: string; line: number }[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  // The statement being read.
  let start = -1;
  let startLine = 0;
  let skeleton = '';
  let depth = 0; // parentheses
  let atomic = 0; // BEGIN ATOMIC nesting inside CREATE FUNCTION / PROCEDURE
  let lastWord = '';

  const finish = (end: number): void => {
    if (start >= 0) {
      const sql = text.slice(start, end).trimEnd();
      const sk = skeleton.replace(/\s+/g, ' ').trim();
      statements.push({ sql, line: startLine, skeleton: sk });
      if (/^COPY\b.*\bFROM STDIN\b/.test(sk)) skipCopyData();
    }
    start = -1;
    skeleton = '';
    depth = 0;
    atomic = 0;
    lastWord = '';
  };

  /** After `COPY … FROM stdin;`, the data runs up to a line holding only `\.`. */
  const skipCopyData = (): void => {
    const eol = text.indexOf('\n', i);
    if (eol < 0) {
      i = n;
      return;
    }
    i = eol + 1;
    line++;
    while (i < n) {
      const end = text.indexOf('\n', i);
      const row = text.slice(i, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
      if (end >= 0) line++;
      if (row.replace(/\r$/, '') === '\\.') break;
    }
  };

  const begin = (): void => {
    if (start < 0) {
      start = i;
      startLine = line;
    }
  };

  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line++;
  };

  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      line++;
      skeleton += ' ';
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      skeleton += ' ';
      i++;
      continue;
    }
    // psql meta-command: a backslash starting a line outside any statement.
    if (c === '\\' && start < 0) {
      const eol = text.indexOf('\n', i);
      const cmd = text.slice(i, eol < 0 ? n : eol).trimEnd();
      metaCommands.push({ text: cmd, line });
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === '-' && next === '-') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      skeleton += ' ';
      continue;
    }
    if (c === '/' && next === '*') {
      let level = 0;
      const from = i;
      while (i < n) {
        if (text[i] === '/' && text[i + 1] === '*') {
          level++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          level--;
          i += 2;
          if (level === 0) break;
        } else i++;
      }
      countLines(from, i);
      skeleton += ' ';
      continue;
    }
    begin();
    if (c === "'" || c === '"') {
      // A string literal ('', backslash escapes in E'...') or a quoted identifier ("" doubles).
      const escapes = c === "'" && i > 0 && /[eE]/.test(text[i - 1] ?? '') && !IDENT_CHAR.test(text[i - 2] ?? ' ');
      const from = i;
      i = endOfQuoted(text, i, c, escapes);
      countLines(from, i);
      skeleton += `${c}…${c}`;
      lastWord = '';
      continue;
    }
    if (c === '$' && !IDENT_CHAR.test(text[i - 1] ?? ' ')) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 64))?.[0];
      if (tag) {
        const close = text.indexOf(tag, i + tag.length);
        const end = close < 0 ? n : close + tag.length;
        countLines(i, end);
        i = end;
        skeleton += "'…'";
        lastWord = '';
        continue;
      }
    }
    if (IDENT_CHAR.test(c)) {
      const from = i;
      while (i < n && IDENT_CHAR.test(text[i]!)) i++;
      const word = text.slice(from, i).toUpperCase();
      skeleton += word;
      if (lastWord === 'BEGIN' && word === 'ATOMIC' && /^CREATE (OR REPLACE )?(FUNCTION|PROCEDURE)\b/.test(skeleton.replace(/\s+/g, ' ').trim())) {
        atomic++;
      } else if (atomic > 0 && word === 'CASE') {
        atomic++;
      } else if (atomic > 0 && word === 'END') {
        atomic--;
      }
      lastWord = word;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0 && atomic === 0) {
      if (start === i) {
        // An empty statement (a lone `;`).
        start = -1;
        skeleton = '';
        i++;
      } else {
        const end = i;
        i++;
        finish(end);
      }
      continue;
    }
    skeleton += c;
    lastWord = '';
    i++;
  }
  if (start >= 0) finish(n);
  return { statements, metaCommands };
}

/**
 * `when` clauses with VS Code's grammar and semantics (contextkey.ts / parser.ts):
 *
 *   or   ::= and ('||' and)*          and ::= term ('&&' term)*
 *   term ::= '!' term | '(' or ')' | 'true' | 'false' | key [op value]
 *   op   ::= '==' | '===' | '!=' | '!==' | '=~' /regex/flags | '<' | '<=' | '>' | '>=' | 'in' | 'not in'
 *
 * Values are bare words or 'single-quoted'; `key == true` means "key is truthy", equality is
 * JavaScript's loose `==` (VS Code compares `"5" == 5`), `<`/`>` compare numbers and are false
 * for a value that is not one, `a in b` looks `a`'s value up in `b`'s array or object keys.
 */

export type WhenExpr =
  | { readonly kind: "true" }
  | { readonly kind: "false" }
  | { readonly kind: "has"; readonly key: string }
  | { readonly kind: "not"; readonly expr: WhenExpr }
  | { readonly kind: "and"; readonly exprs: ReadonlyArray<WhenExpr> }
  | { readonly kind: "or"; readonly exprs: ReadonlyArray<WhenExpr> }
  | { readonly kind: "equals" | "notEquals"; readonly key: string; readonly value: string }
  | { readonly kind: "regex"; readonly key: string; readonly regex: RegExp }
  | { readonly kind: "compare"; readonly key: string; readonly op: "<" | "<=" | ">" | ">="; readonly value: number }
  | { readonly kind: "in" | "notIn"; readonly key: string; readonly source: string };

export class WhenParseError extends Error {
  constructor(
    readonly input: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`when clause "${input}": ${detail} at offset ${offset}`);
    this.name = "WhenParseError";
  }
}

type Token =
  | { readonly type: "op"; readonly text: string; readonly offset: number }
  | { readonly type: "word"; readonly text: string; readonly offset: number }
  | { readonly type: "quoted"; readonly text: string; readonly offset: number }
  | { readonly type: "regex"; readonly regex: RegExp; readonly offset: number };

const OPERATORS = ["===", "!==", "==", "!=", "=~", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")"];
const isWordChar = (c: string): boolean => !/[\s()!=<>&|']/.test(c);

const tokenize = (input: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const previous = tokens.at(-1);
    if (c === "/" && previous?.type === "op" && previous.text === "=~") {
      // A regex literal: up to the next unescaped '/' outside a character class, then flags.
      let j = i + 1;
      let inClass = false;
      for (; j < input.length; j++) {
        const d = input[j]!;
        if (d === "\\") j++;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
      }
      if (j >= input.length) throw new WhenParseError(input, i, "unterminated regular expression");
      let k = j + 1;
      while (k < input.length && /[a-z]/i.test(input[k]!)) k++;
      try {
        tokens.push({ type: "regex", regex: new RegExp(input.slice(i + 1, j), input.slice(j + 1, k)), offset: i });
      } catch (e) {
        throw new WhenParseError(
          input,
          i,
          `invalid regular expression (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      i = k;
      continue;
    }
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new WhenParseError(input, i, "unterminated string");
      tokens.push({ type: "quoted", text: input.slice(i + 1, end), offset: i });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ type: "op", text: op, offset: i });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < input.length && isWordChar(input[j]!)) j++;
    if (j === i) throw new WhenParseError(input, i, `unexpected '${c}'`);
    tokens.push({ type: "word", text: input.slice(i, j), offset: i });
    i = j;
  }
  return tokens;
};

export const parseWhen = (input: string): WhenExpr => {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, text: string): boolean => t?.type === "op" && t.text === text;
  const fail = (detail: string): never => {
    throw new WhenParseError(input, peek()?.offset ?? input.length, detail);
  };
  const value = (): string => {
    const t = peek();
    if (t?.type === "word" || t?.type === "quoted") {
      pos++;
      return t.text;
    }
    return fail("expected a value");
  };

  const or = (): WhenExpr => {
    const exprs = [and()];
    while (isOp(peek(), "||")) {
      pos++;
      exprs.push(and());
    }
    return exprs.length === 1 ? exprs[0]! : { kind: "or", exprs };
  };
  const and = (): WhenExpr => {
    const exprs = [term()];
    while (isOp(peek(), "&&")) {
      pos++;
      exprs.push(term());
    }
    return exprs.length === 1 ? exprs[0]! : { kind: "and", exprs };
  };
  const term = (): WhenExpr => {
    const t = peek();
    if (isOp(t, "!")) {
      pos++;
      return { kind: "not", expr: term() };
    }
    if (isOp(t, "(")) {
      pos++;
      const inner = or();
      if (!isOp(peek(), ")")) fail("expected ')'");
      pos++;
      return inner;
    }
    if (t?.type !== "word") return fail(t ? "expected a context key" : "unexpected end");
    pos++;
    if (t.text === "true") return { kind: "true" };
    if (t.text === "false") return { kind: "false" };
    const key = t.text;
    const next = peek();
    if (next?.type === "word" && next.text === "in") {
      pos++;
      return { kind: "in", key, source: value() };
    }
    if (next?.type === "word" && next.text === "not" && tokens[pos + 1]?.type === "word") {
      const after = tokens[pos + 1] as { text: string };
      if (after.text === "in") {
        pos += 2;
        return { kind: "notIn", key, source: value() };
      }
    }
    if (next?.type !== "op") return { kind: "has", key };
    switch (next.text) {
      case "==":
      case "===":
      case "!=":
      case "!==": {
        pos++;
        const v = value();
        const negate = next.text.startsWith("!");
        // VS Code: `key == true` is "key is truthy", `key == false` is "key is falsy".
        if (v === "true" || v === "false") {
          const truthy: WhenExpr = { kind: "has", key };
          return (v === "true") !== negate ? truthy : { kind: "not", expr: truthy };
        }
        return { kind: negate ? "notEquals" : "equals", key, value: v };
      }
      case "=~": {
        pos++;
        const r = peek();
        if (r?.type !== "regex") return fail("expected a /regular expression/ after =~");
        pos++;
        return { kind: "regex", key, regex: r.regex };
      }
      case "<":
      case "<=":
      case ">":
      case ">=": {
        pos++;
        const n = Number.parseFloat(value());
        return Number.isNaN(n) ? { kind: "false" } : { kind: "compare", key, op: next.text, value: n };
      }
      default:
        return { kind: "has", key };
    }
  };

  if (tokens.length === 0) return { kind: "true" };
  const expr = or();
  if (pos < tokens.length) fail("unexpected token");
  return expr;
};

export type ContextLookup = (key: string) => unknown;

export const evaluateWhen = (expr: WhenExpr, get: ContextLookup): boolean => {
  switch (expr.kind) {
    case "true":
      return true;
    case "false":
      return false;
    case "has":
      return Boolean(get(expr.key));
    case "not":
      return !evaluateWhen(expr.expr, get);
    case "and":
      return expr.exprs.every((e) => evaluateWhen(e, get));
    case "or":
      return expr.exprs.some((e) => evaluateWhen(e, get));
    case "equals":
      // VS Code compares loosely ("5" == 5)
      return get(expr.key) == expr.value;
    case "notEquals":
      // loosely, as VS Code does
      return get(expr.key) != expr.value;
    case "regex": {
      const v = get(expr.key);
      expr.regex.lastIndex = 0;
      return expr.regex.test(typeof v === "string" ? v : String(v));
    }
    case "compare": {
      const n = Number.parseFloat(String(get(expr.key)));
      if (expr.op === "<") return n < expr.value;
      if (expr.op === "<=") return n <= expr.value;
      if (expr.op === ">") return n > expr.value;
      return n >= expr.value;
    }
    case "in":
    case "notIn": {
      const source = get(expr.source);
      const item = get(expr.key);
      let found = false;
      if (Array.isArray(source)) found = source.includes(item);
      else if (typeof item === "string" && typeof source === "object" && source !== null) {
        found = Object.prototype.hasOwnProperty.call(source, item);
      }
      return expr.kind === "in" ? found : !found;
    }
  }
};

const cache = new Map<string, WhenExpr | WhenParseError>();

/** Parses once per distinct clause; a clause that does not parse is false (and logged once). */
export const whenMatches = (when: string | undefined, get: ContextLookup): boolean => {
  if (when === undefined || when.trim() === "") return true;
  let parsed = cache.get(when);
  if (!parsed) {
    try {
      parsed = parseWhen(when);
    } catch (e) {
      parsed = e instanceof WhenParseError ? e : new WhenParseError(when, 0, String(e));
      console.warn(parsed.message);
    }
    cache.set(when, parsed);
  }
  return parsed instanceof WhenParseError ? false : evaluateWhen(parsed, get);
};

/**
 * A small `when`-clause evaluator for contributed views: `key`, `!key`, `key == value`,
 * `key != value`, `key =~ /re/`, `&&`, `||` and parentheses-free precedence as in VS Code
 * (`&&` binds tighter). Unknown keys are undefined (falsy), like VS Code's context service.
 */
export type ContextValues = Readonly<Record<string, unknown>>;

const literal = (raw: string): unknown => {
  const s = raw.trim();
  if (s === "true") return true;
  if (s === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s.replace(/^'(.*)'$/, "$1");
};

const term = (expr: string, context: ContextValues): boolean => {
  const s = expr.trim();
  if (s === "") return true;
  if (s.startsWith("!")) return !term(s.slice(1), context);
  const cmp = /^([^=!<>~\s]+)\s*(==|!=|=~|>=|<=|>|<)\s*(.+)$/.exec(s);
  if (!cmp) return s === "true" ? true : s === "false" ? false : Boolean(context[s]);
  const [, key, op, rhs] = cmp as unknown as [string, string, string, string];
  const value = context[key];
  switch (op) {
    case "==":
      return value === literal(rhs) || String(value) === String(literal(rhs));
    case "!=":
      return !(value === literal(rhs) || String(value) === String(literal(rhs)));
    case "=~": {
      const re = /^\/(.*)\/([a-z]*)$/.exec(rhs.trim());
      try {
        return re ? new RegExp(re[1]!, re[2]).test(String(value ?? "")) : false;
      } catch {
        return false;
      }
    }
    default: {
      const a = Number(value);
      const b = Number(literal(rhs));
      return op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b;
    }
  }
};

export const evaluateWhen = (when: string | undefined, context: ContextValues): boolean =>
  when === undefined || when.split("||").some((alt) => alt.split("&&").every((t) => term(t, context)));

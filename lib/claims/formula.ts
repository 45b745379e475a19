import { parse, type MathNode } from 'mathjs';

/**
 * Damages formulas (`seats * hourly_rate * hours`, `monthly_fee * hours / 720`) are parsed by
 * mathjs and accepted only if every node is a number, one of the helper's inputs, an arithmetic
 * operator, brackets or one of a few functions. Nothing else in mathjs (assignment, imports,
 * units, strings, matrices, property access) can be reached: the tree is checked before it is
 * compiled, and it is evaluated with a scope holding the inputs alone. Never `eval`.
 */
export const FORMULA_FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs'] as const;
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

export type FormulaProblem =
  { kind: 'syntax'; detail: string } | { kind: 'unknown_input'; name: string } | { kind: 'forbidden'; what: string };

type CheckedFormula = { ok: true; node: MathNode; symbols: string[] } | { ok: false; problems: FormulaProblem[] };

const cache = new Map<string, CheckedFormula>();

function walk(node: MathNode, inputs: ReadonlySet<string>, problems: FormulaProblem[], symbols: Set<string>): void {
  const any = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof any.value !== 'number' || !Number.isFinite(any.value)) problems.push({ kind: 'forbidden', what: String(any.value) });
      return;
    case 'SymbolNode': {
      const name = String(any.name);
      if (inputs.has(name)) symbols.add(name);
      else problems.push({ kind: 'unknown_input', name });
      return;
    }
    case 'ParenthesisNode':
      walk(any.content as MathNode, inputs, problems, symbols);
      return;
    case 'OperatorNode':
      if (!OPERATORS.has(String(any.fn))) {
        problems.push({ kind: 'forbidden', what: String(any.op) });
        return;
      }
      for (const arg of any.args as MathNode[]) walk(arg, inputs, problems, symbols);
      return;
    case 'FunctionNode': {
      const fn = any.fn as MathNode & { name?: string };
      if (fn.type !== 'SymbolNode' || !(FORMULA_FUNCTIONS as readonly string[]).includes(String(fn.name))) {
        problems.push({ kind: 'forbidden', what: String(fn.name ?? fn.type) });
        return;
      }
      for (const arg of any.args as MathNode[]) walk(arg, inputs, problems, symbols);
      return;
    }
    default:
      problems.push({ kind: 'forbidden', what: node.toString() });
  }
}

/** Parses and checks a formula against the names it may use. */
export function checkFormula(formula: string, inputIds: readonly string[]): CheckedFormula {
  const key = `${inputIds.join(',')}\u0000${formula}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: CheckedFormula;
  try {
    const node = parse(formula);
    const problems: FormulaProblem[] = [];
    const symbols = new Set<string>();
    walk(node, new Set(inputIds), problems, symbols);
    result = problems.length ? { ok: false, problems } : { ok: true, node, symbols: [...symbols] };
  } catch (error) {
    result = { ok: false, problems: [{ kind: 'syntax', detail: error instanceof Error ? error.message : String(error) }] };
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, result);
  return result;
}

/** The formula's value for these inputs, or null if it is not a finite number (÷ 0, a bad formula). */
export function evaluateFormula(formula: string, inputs: Record<string, number>): number | null {
  const checked = checkFormula(formula, Object.keys(inputs));
  if (!checked.ok) return null;
  const scope = new Map<string, number>(Object.entries(inputs));
  const value: unknown = checked.node.compile().evaluate(scope);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

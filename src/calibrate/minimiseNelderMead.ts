/** Options of {@link minimiseNelderMead}. */
export interface NelderMeadOptions {
  /** Edge of the initial simplex along each axis. */
  step: number;
  maxEvaluations: number;
  /** Stop when the simplex's values differ by less than this (absolute). */
  valueTolerance: number;
  /** Stop when every vertex is within this of the best one along every axis. */
  pointTolerance: number;
}

/** The best point found and how many evaluations it took. */
export interface NelderMeadResult {
  point: number[];
  value: number;
  evaluations: number;
}

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/**
 * Minimises `f` by the Nelder–Mead simplex method (Nelder & Mead 1965, with the standard
 * coefficients 1, 2, 0.5, 0.5 as in Lagarias et al. 1998). Deterministic: the same `f` and start
 * give the same sequence of evaluations. Bounds are the caller's business (e.g. clamp inside `f`).
 * @example minimiseNelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).point // ≈ [1, −2]
 */
export function minimiseNelderMead(f: (x: number[]) => number, start: readonly number[], options: Partial<NelderMeadOptions> = {}): NelderMeadResult {
  const steps = nelderMeadSteps(start, options);
  let step = steps.next();
  while (!step.done) step = steps.next(f(step.value));
  return step.value;
}

/**
 * The search of {@link minimiseNelderMead} as a generator, for callers whose `f` is asynchronous
 * (or must let the event loop turn between evaluations): it yields each point to evaluate and
 * takes its value back through `next(value)`; it returns the result.
 * @example
 * const steps = nelderMeadSteps([0, 0]);
 * for (let s = steps.next(); ; s = steps.next(await f(s.value))) if (s.done) return s.value;
 */
export function* nelderMeadSteps(start: readonly number[], options: Partial<NelderMeadOptions> = {}): Generator<number[], NelderMeadResult, number> {
  const { step = 0.1, maxEvaluations = 200, valueTolerance = 1e-6, pointTolerance = 1e-4 } = options;
  const n = start.length;
  let evaluations = 0;
  const budget = () => evaluations < maxEvaluations;
  function* evaluate(x: number[]): Generator<number[], number, number> { evaluations++; return yield x; }
  const simplex: Vertex[] = [{ x: [...start], v: yield* evaluate([...start]) }];
  for (let i = 0; i < n && budget(); i++) {
    const x = [...start];
    x[i] += step;
    simplex.push({ x, v: yield* evaluate(x) });
  }
  if (simplex.length < n + 1) return best(simplex, evaluations);
  while (budget()) {
    simplex.sort((a, b) => a.v - b.v);
    if (converged(simplex, valueTolerance, pointTolerance)) break;
    const centroid = simplex.slice(0, n).reduce((c, p) => c.map((ci, i) => ci + p.x[i] / n), new Array<number>(n).fill(0));
    const worst = simplex[n];
    const toward = (t: number) => centroid.map((c, i) => c + t * (worst.x[i] - c));
    const reflected = toward(-REFLECT);
    const vr = yield* evaluate(reflected);
    if (vr < simplex[0].v) {
      const expanded = toward(-EXPAND);
      const ve = budget() ? yield* evaluate(expanded) : Infinity;
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const outside = vr < worst.v;
      const contracted = toward(outside ? -CONTRACT : CONTRACT);
      const vc = budget() ? yield* evaluate(contracted) : Infinity;
      if (vc < (outside ? vr : worst.v)) simplex[n] = { x: contracted, v: vc };
      else yield* shrink(simplex, evaluate, budget);
    }
  }
  return best(simplex, evaluations);
}

interface Vertex { x: number[]; v: number }

function* shrink(simplex: Vertex[], evaluate: (x: number[]) => Generator<number[], number, number>, budget: () => boolean): Generator<number[], void, number> {
  const b = simplex[0].x;
  for (let j = 1; j < simplex.length && budget(); j++) {
    const x = simplex[j].x.map((xi, i) => b[i] + SHRINK * (xi - b[i]));
    simplex[j] = { x, v: yield* evaluate(x) };
  }
}

function converged(simplex: Vertex[], valueTolerance: number, pointTolerance: number): boolean {
  const b = simplex[0];
  const spreadV = simplex[simplex.length - 1].v - b.v;
  const spreadX = Math.max(...simplex.map((p) => Math.max(...p.x.map((xi, i) => Math.abs(xi - b.x[i])))));
  return spreadV <= valueTolerance && spreadX <= pointTolerance;
}

function best(simplex: Vertex[], evaluations: number): NelderMeadResult {
  const top = simplex.reduce((a, b) => (b.v < a.v ? b : a));
  return { point: top.x, value: top.v, evaluations };
}

// Queries on the hottest paths (every member request, every check-in) built and compiled once. Kysely builds an
// immutable tree and compiles it to SQL on every call, tens of microseconds a query: at thousands of check-ins a
// second that was a tenth of the server's time. The first call compiles the query with stand-in values and notes
// where each argument lands among the parameters; later calls send the same SQL with their own values.
import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from './scoped.js';

type Arg = number | string | null;

interface Template {
  sql: string;
  /** For each parameter: the index of the argument it takes, or the constant it had when compiled. */
  slots: Array<{ arg: number } | { value: unknown }>;
}

/** A stand-in no real argument equals: distinct per position, of the argument's own type. */
function standIn(arg: Arg, i: number): Arg {
  return typeof arg === 'number' ? -987_654_000 - i : `\u0001hot-query-${i}\u0001`;
}

export function hotQuery<Args extends Arg[], Row>(build: (db: Executor, ...args: Args) => Compilable<Row>) {
  // One template per dialect: the SQL text differs (placeholders, quoting). Transactions share their database's adapter.
  const templates = new WeakMap<object, Template>();
  return async (db: Executor, ...args: Args): Promise<Row[]> => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      // A null argument would compile to `is null` in some builders: compile only from non-null arguments.
      if (args.some((a) => a === null)) return (await db.executeQuery(build(db, ...args).compile())).rows;
      const standIns = args.map(standIn) as Args;
      const compiled = build(db, ...standIns).compile();
      template = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) => {
          const arg = standIns.indexOf(p as Arg);
          return arg >= 0 ? { arg } : { value: p };
        }),
      };
      templates.set(adapter, template);
    }
    const parameters = template.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    return (await db.executeQuery<Row>(CompiledQuery.raw(template.sql, parameters))).rows;
  };
}

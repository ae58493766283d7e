/**
 * `fn` remembering its last arguments and result: called again with the same arguments (the same
 * objects, compared by identity), it returns the same result without running. Kept in a module,
 * it outlives the components that call it: a screen that mounts again over unchanged data (a kept
 * query's result, the same filters) reuses what it worked out last time, where useMemo would
 * start over.
 */
export function memoizeLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => Object.is(arg, args[i]))) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

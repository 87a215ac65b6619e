/**
 * `{ ...base, ...extra }`, built so that records of one shape share one hidden class. In Node 20's V8 an
 * object literal that spreads an object and then adds properties (`{ ...ref, namespace }`, or two spreads)
 * gets a hidden class ("map") of its own every time: 8 shared maps in 5,000 such objects, against all 5,000
 * for `Object.assign` onto a fresh literal (`%HaveSameMap`, bench/notes.md). A map per object is a runtime
 * call to build it, memory kept as long as the object, and megamorphic property reads in every function the
 * records reach; the 42,000-line open built ~4,000 of them. Spreading onto nothing (`{ ...ref }`) or
 * overriding keys the object already has (`{ ...ref, start }`) shares maps and needs no helper.
 */
export function withFields<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.assign({}, base, extra);
}

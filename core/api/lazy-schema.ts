/**
 * Schemas built on first use instead of at import. A fresh process answers its first call sooner when
 * it does not build the ~70 input schemas of the contract up front (~12 ms of CPU): `lazySchema(build)`
 * stands for the schema `build()` returns, builds it the first time anything reads it, and keeps it.
 *
 * It is a plain forwarding proxy: `parse`, `safeParse`, `shape`, `extend`, `optional()`, `instanceof`
 * and use inside other schemas all behave as on the schema itself, with the same messages. The
 * contract hands dispatch the built schema itself (`builtSchema`); an exported schema used inside
 * another (the patient of patients/update, the visits of a draft) stays a proxy there, which costs one
 * forwarding per property read.
 */
import type * as z from 'zod';

interface Lazy {
  get(): z.ZodType;
  built(): boolean;
}
const lazies = new WeakMap<object, Lazy>();

/** How many lazy schemas have been built so far in this process (for tests). */
let builtCount = 0;
export const lazySchemasBuilt = (): number => builtCount;

export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let schema: T | undefined;
  const get = (): T => {
    if (schema === undefined) {
      schema = build();
      builtCount++;
    }
    return schema;
  };
  // The target only anchors the proxy: every trap answers from the built schema.
  const proxy = new Proxy({} as T, {
    get: (_target, key) => Reflect.get(get(), key),
    has: (_target, key) => Reflect.has(get(), key),
    set: (_target, key, value) => Reflect.set(get(), key, value),
    ownKeys: () => Reflect.ownKeys(get()),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      // A proxy may not report a non-configurable property its (empty) target lacks.
      return d === undefined ? undefined : { ...d, configurable: true };
    },
  });
  lazies.set(proxy, { get, built: () => schema !== undefined });
  return proxy;
}

/** The schema itself behind a `lazySchema` (built now if it was not yet); any other schema as it is. */
export function builtSchema<T extends z.ZodType>(schema: T): T {
  const lazy = lazies.get(schema);
  return lazy ? (lazy.get() as T) : schema;
}

/** Whether `schema` is a lazy schema not built yet (reading this does not build it). */
export const isUnbuiltLazySchema = (schema: z.ZodType): boolean => {
  const lazy = lazies.get(schema);
  return lazy !== undefined && !lazy.built();
};

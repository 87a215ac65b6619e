/** `T` without `readonly`, for building a result field by field (optional fields set only when present). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

// What a value becomes after Response.json() and res.json(): dates are strings, functions and
// undefined properties are gone. Client components type the rows a route sends with it, from the
// server's own return type, instead of writing the shape a second time.
export type Jsonify<T> = T extends Date
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends (infer U)[]
      ? Jsonify<U>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonify<T[K]> }
        : never;

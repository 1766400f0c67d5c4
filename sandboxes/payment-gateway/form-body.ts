/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation for nesting
 * (`metadata[order_number]=FR-1`, `expand[0]=latest_charge`, `expand[]=…`). Digit keys stay object
 * keys because metadata keys may be digits; only `[]` appends to a list.
 */
export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

export class FormBodyError extends Error {}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = KEY.exec(rawKey);
    if (!match) throw new FormBodyError(`Invalid parameter name: ${rawKey}`);
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    assign(root, path, value, rawKey);
  }
  return root;
}

function assign(root: FormObject, path: string[], value: string, rawKey: string): void {
  let container: FormObject | FormValue[] = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    // Assigning `__proto__` on a plain object would swap its prototype instead of adding a key.
    if (segment === '__proto__') throw new FormBodyError(`Invalid parameter name: ${rawKey}`);
    const isLast = i === path.length - 1;
    const next = path[i + 1];
    if (Array.isArray(container)) {
      if (segment !== '') throw new FormBodyError(`Conflicting parameter: ${rawKey}`);
      if (isLast) {
        container.push(value);
        return;
      }
      const child: FormObject | FormValue[] = next === '' ? [] : {};
      container.push(child);
      container = child;
      continue;
    }
    if (segment === '') throw new FormBodyError(`Conflicting parameter: ${rawKey}`);
    if (isLast) {
      if (Object.hasOwn(container, segment) && typeof container[segment] !== 'string') throw new FormBodyError(`Conflicting parameter: ${rawKey}`);
      container[segment] = value;
      return;
    }
    const existing: FormValue | undefined = Object.hasOwn(container, segment) ? container[segment] : undefined;
    const wantsList = next === '';
    if (existing === undefined) {
      const child: FormObject | FormValue[] = wantsList ? [] : {};
      container[segment] = child;
      container = child;
    } else if (typeof existing === 'string' || Array.isArray(existing) !== wantsList) {
      throw new FormBodyError(`Conflicting parameter: ${rawKey}`);
    } else {
      container = existing;
    }
  }
}

// Puts the server's per-field reasons (error.fields) under the matching form items. Field paths from the
// server may be dotted ("identities.0.value"); `alias` maps them to the form's own item names.
import type { FormInstance } from 'antd';
import { asApiError } from './errors';

/** Returns true when at least one field error landed on the form, so callers can skip a generic toast. */
export function applyFieldErrors(form: FormInstance, error: unknown, alias: Record<string, string> = {}): boolean {
  const { fields } = asApiError(error);
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const entries = Object.entries(fields).map(([path, reason]) => {
    const name = alias[path] ?? alias[path.split(/[.[]/)[0]] ?? path;
    return { name, errors: [reason] };
  });
  const placed = entries.filter((e) => known.has(e.name));
  if (placed.length) form.setFields(placed);
  return placed.length > 0;
}

// From the docs' parameter rows (`{ name, required, type }`) to the spec's required/optional lists.

const isYes = (r) => /^yes$/i.test(String(r).trim());
/** `Yes*` ("one of"), "min. one `user`": required under a condition the table cannot say. */
const isConditionalYes = (r) => !isYes(r) && !/^no\b/i.test(String(r).trim());

/** `groups[].id` → `groups`; `a.b.c` → `a.b`; undefined at the top level. */
export function parentOf(name) {
  const i = name.lastIndexOf('.');
  return i < 0 ? undefined : name.slice(0, i).replace(/\[\]$/, '');
}

/**
 * `required`: marked Yes with every ancestor required. `conditionally_required`: marked Yes (or
 * `Yes*`, "one of") under an optional ancestor. `optional`: every field not in `required`.
 */
export function requirement(params) {
  const byName = new Map(params.map((p) => [p.name.replace(/\[\]$/, ''), p]));
  const required = [];
  const conditional = [];
  const ancestorsRequired = (name) => {
    for (let up = parentOf(name); up; up = parentOf(up)) {
      const p = byName.get(up);
      if (p && !isYes(p.required)) return false;
    }
    return true;
  };
  for (const p of params) {
    if (isYes(p.required) && ancestorsRequired(p.name)) required.push(p.name);
    else if (isYes(p.required) || isConditionalYes(p.required)) conditional.push(p.name);
  }
  const optional = params.map((p) => p.name).filter((n) => !required.includes(n));
  return { required, optional, conditionally_required: conditional };
}

/** Rows of `a` followed by the rows of `b` whose names `a` lacks. */
export function unionRows(a, b) {
  const names = new Set(a.map((p) => p.name));
  return [...a, ...b.filter((p) => !names.has(p.name))];
}

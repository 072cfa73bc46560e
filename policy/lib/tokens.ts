// Resource type tokens from schema.json. The pack matches on these strings rather than on SDK
// classes, so it works without the generated SDK installed next to it.

export const VM = "ovirt:index:Vm";
export const TEMPLATE = "ovirt:index:Template";
export const POOL = "ovirt:index:Pool";
export const CONSOLE_POLICY = "ovirt:index:ConsolePolicy";

/** The short name users see in their programs, e.g. `Vm` for `ovirt:index:Vm`. */
export function shortTypeName(type: string): string {
  const last = type.split(":").pop();
  return last === undefined || last === "" ? type : last;
}

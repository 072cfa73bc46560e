// How messages name a resource: by the name the user gave it in the program, plus the engine
// name when that differs, so the reader can find it both in code and in the oVirt portal.

import { knownString, type Props } from "./props.ts";
import { shortTypeName } from "./tokens.ts";

export function describeResource(type: string, resourceName: string, props: Props): string {
  const label = `${shortTypeName(type)} "${resourceName}"`;
  const engineName = knownString(props, "name");
  return engineName !== undefined && engineName !== resourceName ? `${label} (engine name "${engineName}")` : label;
}

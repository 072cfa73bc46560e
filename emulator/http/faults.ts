// Engine faults. Backend validation failures carry reason "Operation Failed" and a detail that is a
// Java list printed with square brackets; REST-layer problems have their own reasons.

export class EngineFault extends Error {
  readonly status: number;
  readonly reason: string;
  readonly detail: string;
  /** Path 404s and the like answer with no body at all. */
  readonly emptyBody: boolean;

  constructor(status: number, reason: string, detail: string, emptyBody = false) {
    super(`${status} ${reason}: ${detail}`);
    this.status = status;
    this.reason = reason;
    this.detail = detail;
    this.emptyBody = emptyBody;
  }
}

/** A failed backend command: the engine prints its message list as `[a, b]`. */
export function operationFailed(status: number, ...messages: string[]): EngineFault {
  return new EngineFault(status, "Operation Failed", `[${messages.join(", ")}]`);
}

export const conflict = (...messages: string[]): EngineFault => operationFailed(409, ...messages);
export const badRequest = (...messages: string[]): EngineFault => operationFailed(400, ...messages);

/** GET/PUT/DELETE on an id that does not exist: 404 with an empty body. */
export function pathNotFound(): EngineFault {
  return new EngineFault(404, "Not Found", "", true);
}

/** A name or id given in the body that the engine cannot resolve. */
export function entityNotFound(what: string): EngineFault {
  return new EngineFault(404, "Operation Failed", `Entity not found: ${what}`);
}

/** Mandatory parameters missing (CompletenessAssertor). */
export function incomplete(type: string, missing: string[], method: string): EngineFault {
  return new EngineFault(400, "Incomplete parameters", `${type} [${missing.join(", ")}] required for ${method}`);
}

/** Unparsable body (IOExceptionMapper + UsageFinder). */
export function syntaxError(host: string, service: string, method: string): EngineFault {
  return new EngineFault(
    400,
    "Request syntactically incorrect.",
    `For correct usage, see: https://${host}/ovirt-engine/apidoc#services/${service}/methods/${method}`,
  );
}

export function invalidEnum(value: string, enumName: string, allowed: string[]): EngineFault {
  return new EngineFault(
    400,
    "Invalid value",
    `${value} is not a member of ${enumName}. Possible values for ${enumName} are: ${allowed.join(", ")}`,
  );
}

export function invalidNumber(value: string, element: string): EngineFault {
  return new EngineFault(400, "Invalid value", `Value "${value}" of element "${element}" is not a valid number`);
}

export function malformedId(value: string): EngineFault {
  return new EngineFault(400, "Operation failed", `Invalid UUID string: ${value}`);
}

export function notAuthorized(): EngineFault {
  return operationFailed(403, "User is not authorized to perform this action.");
}

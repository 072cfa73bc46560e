// Provider configuration: validation messages, source precedence, URL normalisation, and the
// guarantee that the password never appears in a message.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, ConfigError, describeConfig, diffConfig, normaliseUrl, parseBoolean, resolveConfig } from "../../provider/config.ts";
import { forPulumi, missingConfigMessage } from "../../provider/pulumi/hints.ts";
import { UNKNOWN } from "../../provider/resources/types.ts";

const PASSWORD = "hunter2-but-longer";
const good = { url: "https://engine.test/ovirt-engine/api", username: "admin@internal", password: PASSWORD };

describe("parseBoolean", () => {
  it("accepts booleans and the strings config and env vars carry", () => {
    expect([true, "true", "1", "YES", "on"].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect([false, "false", "0", "no", "off", ""].map(parseBoolean)).toEqual([false, false, false, false, false, false]);
    expect(["maybe", 2, null].map(parseBoolean)).toEqual([undefined, undefined, undefined]);
  });
});

describe("normaliseUrl", () => {
  it("adds the standard API path to a bare host and drops trailing slashes", () => {
    expect(normaliseUrl("https://engine.test")).toBe("https://engine.test/ovirt-engine/api");
    expect(normaliseUrl("https://engine.test/")).toBe("https://engine.test/ovirt-engine/api");
    expect(normaliseUrl("https://engine.test:8443/ovirt-engine/api/")).toBe("https://engine.test:8443/ovirt-engine/api");
  });
});

describe("checkConfig", () => {
  it("accepts a good configuration, and missing values (they may come later or not be needed)", () => {
    expect(checkConfig(good, {})).toEqual([]);
    expect(checkConfig({}, {})).toEqual([]);
  });

  it("names the property and says how to fix it", () => {
    const failures = checkConfig({ url: "ftp://engine.test", username: "admin", password: "", insecure: "sometimes" }, {});
    // As a Pulumi user reads them (the core's reasons carry the commands as hints).
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, forPulumi(f.said ?? [f.reason])]));
    expect(byProperty.url).toMatch(/must use https:\/\//);
    expect(byProperty.username).toMatch(/user@profile.*admin@internal/);
    expect(byProperty.password).toMatch(/non-empty.*pulumi config set --secret ovirt:password/);
    expect(byProperty.insecure).toMatch(/true or false, got "sometimes"/);
  });

  it("refuses credentials embedded in the URL without repeating them", () => {
    const [failure] = checkConfig({ url: `https://admin:${PASSWORD}@engine.test/ovirt-engine/api` }, {});
    expect(failure?.property).toBe("url");
    expect(failure?.reason).toMatch(/must not carry credentials/);
    expect(failure?.reason).not.toContain(PASSWORD);
  });

  it("checks the caFile exists and holds a PEM certificate", () => {
    const dir = mkdtempSync(join(tmpdir(), "ovirt-config-"));
    const notPem = join(dir, "ca.txt");
    writeFileSync(notPem, "hello");
    const pem = join(dir, "ca.pem");
    writeFileSync(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    expect(checkConfig({ caFile: join(dir, "missing.pem") }, {})[0]?.reason).toMatch(/cannot be read \(ENOENT\)/);
    expect(checkConfig({ caFile: notPem }, {})[0]?.reason).toMatch(/no PEM certificate/);
    expect(checkConfig({ caFile: pem }, {})).toEqual([]);
  });

  it("validates values from the environment and says where they came from", () => {
    const [failure] = checkConfig({}, { OVIRT_URL: "not a url" });
    expect(failure).toMatchObject({ property: "url" });
    expect(failure?.reason).toMatch(/\(from OVIRT_URL\)/);
  });

  it("skips unknown values", () => {
    expect(checkConfig({ url: UNKNOWN, insecure: UNKNOWN }, {})).toEqual([]);
  });

  it("never quotes the password", () => {
    const failures = checkConfig({ ...good, username: PASSWORD, url: PASSWORD, password: PASSWORD }, {});
    // The password is only ever validated for presence; other fields quote their own values.
    expect(failures.find((f) => f.property === "password")).toBeUndefined();
  });
});

describe("resolveConfig", () => {
  it("takes args first, then variables, then the stack config, then the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "ovirt-config-"));
    const pem = join(dir, "ca.pem");
    writeFileSync(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    const resolved = resolveConfig({
      args: { url: "https://args.test" },
      variables: { "ovirt:config:url": "https://vars.test", "ovirt:config:username": "vars@internal" },
      pulumiConfig: JSON.stringify({ username: "stack@internal", "ovirt:password": "stack-password", insecure: "true" }),
      env: { OVIRT_PASSWORD: "env-password", OVIRT_CAFILE: pem, OVIRT_INSECURE: "false" },
    });
    expect(resolved.state).toBe("ready");
    if (resolved.state !== "ready") return;
    expect(resolved.config).toEqual({
      url: "https://args.test/ovirt-engine/api",
      username: "vars@internal",
      password: "stack-password",
      caFile: pem,
      insecure: true,
    });
  });

  it("reports unknown settings instead of configuring", () => {
    expect(resolveConfig({ args: { ...good, url: UNKNOWN }, env: {} })).toEqual({ state: "unknown", unknownKeys: ["url"] });
  });

  it("reports missing settings and keeps the password out of the partial view", () => {
    const resolved = resolveConfig({ args: { url: "https://e.test", password: PASSWORD }, env: {} });
    expect(resolved).toMatchObject({ state: "incomplete", missing: ["username"] });
    expect(JSON.stringify(resolved)).not.toContain(PASSWORD);
  });

  it("throws a ConfigError naming the property for an invalid value", () => {
    expect(() => resolveConfig({ args: { ...good, insecure: "perhaps" }, env: {} })).toThrow(ConfigError);
    try {
      resolveConfig({ args: { ...good, url: "nope" }, env: {} });
    } catch (err) {
      expect((err as ConfigError).property).toBe("url");
      expect((err as Error).message).not.toContain(PASSWORD);
    }
  });

  it("ignores empty environment variables", () => {
    const resolved = resolveConfig({ args: good, env: { OVIRT_CAFILE: "", OVIRT_INSECURE: "" } });
    expect(resolved.state).toBe("ready");
    if (resolved.state === "ready") expect(resolved.config).toEqual({ url: good.url, username: good.username, password: PASSWORD });
  });
});

describe("messages", () => {
  it("missingConfigMessage says which settings and how to set them", () => {
    const message = missingConfigMessage(["url", "password"]);
    expect(message).toContain("ovirt:url, ovirt:password are not set");
    expect(message).toContain("pulumi config set --secret ovirt:password");
    expect(message).toContain("OVIRT_URL, OVIRT_PASSWORD");
  });

  it("describeConfig never includes the password", () => {
    const text = describeConfig({ ...good, insecure: true });
    expect(text).toContain("admin@internal");
    expect(text).not.toContain(PASSWORD);
  });
});

describe("diffConfig", () => {
  it("reports added, removed and changed settings, treating insecure spellings alike", () => {
    expect(diffConfig({ url: "a", insecure: "true" }, { url: "b", insecure: true, caFile: "/ca.pem" })).toEqual({
      changes: true,
      detailedDiff: { url: "update", caFile: "add" },
    });
    expect(diffConfig({ caFile: "/ca.pem" }, {})).toEqual({ changes: true, detailedDiff: { caFile: "delete" } });
    expect(diffConfig(good, { ...good })).toEqual({ changes: false, detailedDiff: {} });
    expect(diffConfig(good, { ...good, password: UNKNOWN }).detailedDiff).toEqual({ password: "update" });
  });
});

describe("plain http:// (#22)", () => {
  it("is refused naming url unless insecureHttp opts in, from the config or OVIRT_INSECURE_HTTP", () => {
    const http = { ...good, url: "http://engine.test/ovirt-engine/api" };
    const [failure, ...rest] = checkConfig(http, {});
    expect(rest).toEqual([]);
    expect(failure?.property).toBe("url");
    expect(forPulumi(failure!.said!)).toMatch(/plain http:\/\/, which would send the password in clear.*pulumi config set ovirt:insecureHttp true/);
    expect(() => resolveConfig({ args: http, env: {} })).toThrow(ConfigError);
    expect(checkConfig({ ...http, insecureHttp: true }, {})).toEqual([]);
    expect(checkConfig(http, { OVIRT_INSECURE_HTTP: "true" })).toEqual([]);
    const resolved = resolveConfig({ args: { ...http, insecureHttp: "true" }, env: {} });
    expect(resolved).toMatchObject({ state: "ready", insecureHttp: true });
  });
});


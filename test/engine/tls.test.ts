// TLS options: the CA file is read once and verification stays on unless insecure is asked for.
// The second half does real handshakes against a local HTTPS server with a CA made for the test.

import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError, createEngineClient } from "../../provider/engine/index.ts";
import { createHttpTransport, tlsAgentOptions } from "../../provider/engine/http.ts";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("tlsAgentOptions", () => {
  it("reads caFile once and verifies against it", () => {
    const reads: string[] = [];
    const opts = tlsAgentOptions({ caFile: "/etc/pki/ca.pem" }, (p) => {
      reads.push(p);
      return Buffer.from(PEM);
    });
    expect(reads).toEqual(["/etc/pki/ca.pem"]);
    expect(opts.ca?.toString()).toBe(PEM);
    expect(opts.rejectUnauthorized).toBe(true);
  });

  it("without caFile uses the system store (no ca option) and still verifies", () => {
    const opts = tlsAgentOptions({}, () => {
      throw new Error("must not read");
    });
    expect(opts.ca).toBeUndefined();
    expect(opts.rejectUnauthorized).toBe(true);
  });

  it("insecure only turns verification off; nothing else changes", () => {
    const read = () => Buffer.from(PEM);
    const secure = tlsAgentOptions({ caFile: "/ca.pem" }, read);
    const insecure = tlsAgentOptions({ caFile: "/ca.pem", insecure: true }, read);
    expect(insecure.rejectUnauthorized).toBe(false);
    expect({ ...insecure, rejectUnauthorized: true }).toEqual(secure);
    expect(tlsAgentOptions({ insecure: false }).rejectUnauthorized).toBe(true);
  });

  it("an unreadable caFile is a config error naming the file", () => {
    expect(() => tlsAgentOptions({ caFile: "/nonexistent/ca.pem" })).toThrow(/^cannot read the CA file "\/nonexistent\/ca.pem" \(ENOENT\): check the path/);
  });

  it("a caFile without a PEM certificate is refused", () => {
    expect(() => tlsAgentOptions({ caFile: "/x.pem" }, () => Buffer.from("hello"))).toThrow(/holds no PEM certificate/);
  });

  it("the transport's agent carries these options", () => {
    const t = createHttpTransport({ url: "https://e.test/ovirt-engine/api", username: "u", password: "p", insecure: true });
    expect(t.httpsAgent.options.rejectUnauthorized).toBe(false);
    expect(t.apiUrl).toBe("https://e.test/ovirt-engine/api");
    t.close();
  });

  it("a URL that is not http(s) is a config error", () => {
    expect(() => createEngineClient({ url: "engine.example.com", username: "u", password: "p" })).toThrow(/is not a URL/);
    expect(() => createEngineClient({ url: "ftp://e/ovirt-engine/api", username: "u", password: "p" })).toThrow(/must start with https:\/\//);
  });
});

// ---------------------------------------------------------------------------------------------

function makeCa(cn: string) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ name: "commonName", value: cn }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: "basicConstraints", cA: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true }]);
  cert.sign(key, forge.md.sha256.create());
  return { key, cert, pem: forge.pki.certificateToPem(cert) };
}

function makeServerCert(ca: ReturnType<typeof makeCa>) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = "02";
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: "commonName", value: "127.0.0.1" }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(cert) };
}

describe("real TLS handshakes", () => {
  let server: https.Server;
  let url: string;
  let dir: string;
  let caFile: string;
  let otherCaFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "engine-tls-"));
    const ca = makeCa("test engine CA");
    const other = makeCa("some other CA");
    caFile = join(dir, "ca.pem");
    otherCaFile = join(dir, "other.pem");
    writeFileSync(caFile, ca.pem);
    writeFileSync(otherCaFile, other.pem);
    const { key, cert } = makeServerCert(ca);
    server = https.createServer({ key, cert }, (req, res) => {
      if (req.url === "/ovirt-engine/sso/oauth/token") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ access_token: "t" }));
      } else {
        res.writeHead(200, { "Content-Type": "application/xml" }).end("<api><product_info><version><full_version>4.5.7</full_version></version></product_info></api>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/ovirt-engine/api`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const ping = async (opts: { caFile?: string; insecure?: boolean }) => {
    const client = createEngineClient({ url, username: "admin@internal", password: "pw", retry: { attempts: 1 }, ...opts });
    try {
      return await client.ping();
    } finally {
      client.close?.();
    }
  };

  it("verifies the engine against caFile", async () => {
    expect(await ping({ caFile })).toEqual({ version: "4.5.7" });
  });

  it("refuses an engine the system store does not trust, saying to set caFile", async () => {
    const err = (await ping({}).catch((e: unknown) => e)) as EngineError;
    expect(err).toBeInstanceOf(EngineError);
    expect(err.kind).toBe("tls");
    expect(err.message).toContain("set the CA file to the engine's CA");
    expect(err.message).toContain("turning TLS verification off (insecure) skips it");
  });

  it("refuses an engine signed by another CA than caFile, naming the file", async () => {
    const err = (await ping({ caFile: otherCaFile }).catch((e: unknown) => e)) as EngineError;
    expect(err.kind).toBe("tls");
    expect(err.message).toContain(`check that the CA file (${otherCaFile}) holds the CA`);
  });

  it("insecure skips verification when asked", async () => {
    expect(await ping({ insecure: true })).toEqual({ version: "4.5.7" });
  });
});

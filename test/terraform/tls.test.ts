// The AutoMTLS certificate the Terraform provider answers with (provider/terraform/tls.ts), written
// by its own small DER encoder: the encoder's bytes against known encodings, and the certificate
// as Node's X.509 parser and OpenSSL read it. The end-to-end check is OpenTofu's mutual TLS in
// test/terraform/opentofu*.test.ts and test/e2e/dist-install-terraform.test.ts.

import { spawnSync } from "node:child_process";
import { X509Certificate, createPrivateKey, createPublicKey } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPluginCertificate, der, oid } from "../../provider/terraform/tls.ts";

describe("the DER encoder", () => {
  it("writes object identifiers as X.690 does (first two arcs in one byte, base-128 arcs)", () => {
    expect(oid("1.2.840.10045.4.3.2").toString("hex")).toBe("06082a8648ce3d040302"); // ecdsa-with-SHA256
    expect(oid("2.5.29.17").toString("hex")).toBe("0603551d11"); // subjectAltName
    expect(oid("1.3.6.1.5.5.7.3.1").toString("hex")).toBe("06082b06010505070301"); // serverAuth
  });

  it("writes short lengths in one byte and longer ones in the long form", () => {
    expect(der(0x04, Buffer.alloc(3)).subarray(0, 2).toString("hex")).toBe("0403");
    expect(der(0x04, Buffer.alloc(127)).subarray(0, 2).toString("hex")).toBe("047f");
    expect(der(0x04, Buffer.alloc(128)).subarray(0, 3).toString("hex")).toBe("048180");
    expect(der(0x04, Buffer.alloc(300)).subarray(0, 4).toString("hex")).toBe("0482012c");
  });
});

describe("createPluginCertificate", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const cert = createPluginCertificate(now);
  const x509 = new X509Certificate(cert.certPem);

  it("is a self-signed CA certificate for localhost and 127.0.0.1, for servers and clients", () => {
    expect(x509.subject).toBe("CN=localhost");
    expect(x509.issuer).toBe("CN=localhost");
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(x509.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: "prime256v1" });
  });

  it("is valid from an hour before `now` for 30 days", () => {
    expect(new Date(x509.validFrom).toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(new Date(x509.validTo).toISOString()).toBe("2026-03-31T12:00:00.000Z");
  });

  it("carries the private key of its public key, and the handshake field is its DER in unpadded base64", () => {
    const publicFromPrivate = createPublicKey(createPrivateKey(cert.keyPem)).export({ type: "spki", format: "der" });
    expect(publicFromPrivate.equals(x509.publicKey.export({ type: "spki", format: "der" }))).toBe(true);
    expect(cert.handshakeField).not.toMatch(/=$/);
    expect(Buffer.from(cert.handshakeField, "base64").equals(x509.raw)).toBe(true);
  });

  it("is a fresh key and serial each time", () => {
    const other = new X509Certificate(createPluginCertificate(now).certPem);
    expect(other.serialNumber).not.toBe(x509.serialNumber);
    expect(other.publicKey.export({ type: "spki", format: "der" }).equals(x509.publicKey.export({ type: "spki", format: "der" }))).toBe(false);
  });

  it.skipIf(spawnSync("openssl", ["version"]).status !== 0)("is read by OpenSSL, which verifies it against itself for both TLS purposes", () => {
    const dir = mkdtempSync(join(tmpdir(), "ovirt-tls-"));
    try {
      const file = join(dir, "cert.pem");
      writeFileSync(file, createPluginCertificate().certPem);
      for (const purpose of ["sslserver", "sslclient"]) {
        const verified = spawnSync("openssl", ["verify", "-purpose", purpose, "-CAfile", file, file], { encoding: "utf8" });
        expect(verified.status, verified.stderr).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The emulator's own PKI: a CA and a server certificate for the loopback names, generated at first
// start and kept in the data directory so clients can trust <dataDir>/ca.pem across restarts. The
// caller holds the data-directory lock (datadir-lock.ts), so only one emulator ever makes them; each
// file is written whole under a temporary name and renamed, so a crash never leaves half a PEM.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, renameSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";

export interface Pki {
  caPem: string;
  certPem: string;
  keyPem: string;
  caFile: string;
}

const CA_FILE = "ca.pem";
const CERT_FILE = "server.pem";
const KEY_FILE = "server.key";

function writeWhole(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, file);
}

/** Loads the CA and server certificate from dataDir (locked by the caller), creating them on first use. */
export function loadOrCreatePki(dataDir: string): Pki {
  const caFile = join(dataDir, CA_FILE);
  const certFile = join(dataDir, CERT_FILE);
  const keyFile = join(dataDir, KEY_FILE);
  if (existsSync(caFile) && existsSync(certFile) && existsSync(keyFile)) {
    return {
      caPem: readFileSync(caFile, "utf8"),
      certPem: readFileSync(certFile, "utf8"),
      keyPem: readFileSync(keyFile, "utf8"),
      caFile,
    };
  }
  const generated = generatePki();
  // The key first, so a crash between writes never leaves a CA without its server key.
  writeWhole(keyFile, generated.keyPem, 0o600);
  writeWhole(certFile, generated.certPem, 0o600);
  writeWhole(caFile, generated.caPem, 0o644);
  return { ...generated, caFile };
}

// node's RSA generation is native and fast; forge only builds and signs the certificates.
function rsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  return { privateKey: key, publicKey, pem: privateKey };
}

function serial(): string {
  // Positive serial numbers: clear the top bit.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString("hex");
}

/** An unsigned certificate for `publicKey` with a fresh serial, valid from `notBefore` to `notAfter`. */
function newCertificate(publicKey: forge.pki.rsa.PublicKey, notBefore: Date, notAfter: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  return cert;
}

function generatePki(): { caPem: string; certPem: string; keyPem: string } {
  const now = new Date();
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const caNotAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const certNotAfter = new Date(now.getTime() + 5 * 365 * 24 * 3600 * 1000);

  const caKeys = rsaKeyPair();
  const ca = newCertificate(caKeys.publicKey, notBefore, caNotAfter);
  const caSubject = [
    { name: "commonName", value: `ovirt-engine-emulator CA ${serial().slice(0, 8)}` },
    { name: "organizationName", value: "pulumi-ovirt emulator" },
  ];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = rsaKeyPair();
  const cert = newCertificate(serverKeys.publicKey, notBefore, certNotAfter);
  cert.setSubject([
    { name: "commonName", value: "localhost" },
    { name: "organizationName", value: "pulumi-ovirt emulator" },
  ]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: [
        { type: 2, value: "localhost" },
        { type: 7, ip: "127.0.0.1" },
        { type: 7, ip: "::1" },
      ],
    },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: serverKeys.pem,
  };
}

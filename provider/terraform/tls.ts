// AutoMTLS, as go-plugin's clients (Terraform, OpenTofu) expect it: the CLI passes its own
// certificate in PLUGIN_CLIENT_CERT, the plugin answers with a fresh self-signed certificate for
// `localhost` in the handshake line, and each side trusts only the other's certificate. The key is
// an ECDSA P-256 key made by Node (native, well under a millisecond); the certificate's few fixed
// fields are written as DER by the small encoder below and signed by Node. It runs before the
// handshake line on every start, so it loads no ASN.1 library (node-forge took some 40 ms to load).

import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
};

export interface PluginCertificate {
  certPem: string;
  keyPem: string;
  /** The certificate's DER in base64 without padding: the handshake line's last field. */
  handshakeField: string;
}

/** The DER length octets: short form below 128, else 0x80 + the count of big-endian bytes. */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One DER element: its tag byte, its length and its contents. */
export function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8: 0x0c,
  utcTime: 0x17,
  sequence: 0x30,
  set: 0x31,
} as const;

const seq = (...items: Buffer[]) => der(TAG.sequence, ...items);
const TRUE = der(TAG.boolean, Buffer.from([0xff]));

/** An OBJECT IDENTIFIER: the first two arcs in one byte, then base-128 arcs, high bit = "more". */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split(".").map(Number);
  const bytes = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const groups = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) groups.unshift((rest & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(TAG.oid, Buffer.from(bytes));
}

/** UTCTime, YYMMDDHHMMSSZ (RFC 5280 wants it for dates before 2050). */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return der(TAG.utcTime, Buffer.from(`${text}Z`, "ascii"));
}

function localhostName(): Buffer {
  return seq(der(TAG.set, seq(oid(OID.commonName), der(TAG.utf8, Buffer.from("localhost")))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), TRUE, der(TAG.octetString, value)) : seq(oid(id), der(TAG.octetString, value));
}

function extensions(): Buffer {
  const list = seq(
    extension(OID.basicConstraints, true, seq(TRUE)),
    // digitalSignature, keyEncipherment and keyCertSign (bits 0, 2 and 5; 2 unused bits).
    extension(OID.keyUsage, true, der(TAG.bitString, Buffer.from([0x02, 0xa4]))),
    extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth), oid(OID.clientAuth))),
    // dNSName [2] "localhost" and iPAddress [7] 127.0.0.1.
    extension(OID.subjectAltName, false, seq(der(0x82, Buffer.from("localhost")), der(0x87, Buffer.from([127, 0, 0, 1])))),
  );
  return der(0xa3, list); // [3] EXPLICIT
}

function pem(label: string, derBytes: Buffer): string {
  const lines = derBytes.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** A self-signed certificate for `localhost`, valid from an hour ago for 30 days. */
export function createPluginCertificate(now = new Date()): PluginCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive, and no leading zero byte for DER to strip
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const tbs = seq(
    der(0xa0, der(TAG.integer, Buffer.from([2]))), // [0] EXPLICIT version: v3
    der(TAG.integer, serial),
    algorithm,
    localhostName(),
    seq(utcTime(new Date(now.getTime() - 3600_000)), utcTime(new Date(now.getTime() + 30 * 86400_000))),
    localhostName(),
    publicKey.export({ type: "spki", format: "der" }),
    extensions(),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = seq(tbs, algorithm, der(TAG.bitString, Buffer.from([0]), signature));
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { certPem: pem("CERTIFICATE", certificate), keyPem, handshakeField: certificate.toString("base64").replace(/=+$/, "") };
}

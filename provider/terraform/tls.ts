// AutoMTLS, as go-plugin's clients (Terraform, OpenTofu) expect it: the CLI passes its own
// certificate in PLUGIN_CLIENT_CERT, the plugin answers with a fresh self-signed certificate for
// `localhost` in the handshake line, and each side trusts only the other's certificate. The key is
// an ECDSA P-256 key made by Node (fast and native); the certificate is put together here with
// node-forge's ASN.1 helpers and signed by Node, since forge itself signs with RSA only.

import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import forge from "node-forge";

const { asn1 } = forge;
const T = asn1.Type;
const C = asn1.Class;

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

const seq = (items: forge.asn1.Asn1[]) => asn1.create(C.UNIVERSAL, T.SEQUENCE, true, items);
const oid = (id: string) => asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(id).getBytes());
const octets = (inner: forge.asn1.Asn1) => asn1.create(C.UNIVERSAL, T.OCTETSTRING, false, asn1.toDer(inner).getBytes());
const binary = (buffer: Buffer) => buffer.toString("binary");

function localhostName(): forge.asn1.Asn1 {
  return seq([asn1.create(C.UNIVERSAL, T.SET, true, [seq([oid(OID.commonName), asn1.create(C.UNIVERSAL, T.UTF8, false, "localhost")])])]);
}

function extension(id: string, critical: boolean, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  const parts = [oid(id)];
  if (critical) parts.push(asn1.create(C.UNIVERSAL, T.BOOLEAN, false, "\xff"));
  parts.push(octets(value));
  return seq(parts);
}

function extensions(): forge.asn1.Asn1 {
  return asn1.create(C.CONTEXT_SPECIFIC, 3, true, [
    seq([
      extension(OID.basicConstraints, true, seq([asn1.create(C.UNIVERSAL, T.BOOLEAN, false, "\xff")])),
      // digitalSignature, keyEncipherment and keyCertSign (bits 0, 2 and 5; 2 unused bits).
      extension(OID.keyUsage, true, asn1.create(C.UNIVERSAL, T.BITSTRING, false, "\x02\xa4")),
      extension(OID.extKeyUsage, false, seq([oid(OID.serverAuth), oid(OID.clientAuth)])),
      extension(OID.subjectAltName, false, seq([
        asn1.create(C.CONTEXT_SPECIFIC, 2, false, "localhost"),
        asn1.create(C.CONTEXT_SPECIFIC, 7, false, "\x7f\x00\x00\x01"),
      ])),
    ]),
  ]);
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** A self-signed certificate for `localhost`, valid from an hour ago for 30 days. */
export function createPluginCertificate(now = new Date()): PluginCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const algorithm = seq([oid(OID.ecdsaWithSha256)]);
  const tbs = seq([
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, [asn1.create(C.UNIVERSAL, T.INTEGER, false, "\x02")]),
    asn1.create(C.UNIVERSAL, T.INTEGER, false, binary(serial)),
    algorithm,
    localhostName(),
    seq([
      asn1.create(C.UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(new Date(now.getTime() - 3600_000))),
      asn1.create(C.UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(new Date(now.getTime() + 30 * 86400_000))),
    ]),
    localhostName(),
    asn1.fromDer(binary(publicKey.export({ type: "spki", format: "der" }))),
    extensions(),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), "binary");
  const signature = sign("sha256", tbsDer, privateKey);
  const certificate = seq([tbs, seq([oid(OID.ecdsaWithSha256)]), asn1.create(C.UNIVERSAL, T.BITSTRING, false, `\x00${binary(signature)}`)]);
  const der = Buffer.from(asn1.toDer(certificate).getBytes(), "binary");
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { certPem: pem("CERTIFICATE", der), keyPem, handshakeField: der.toString("base64").replace(/=+$/, "") };
}

// HTTPS options for the development server at https://localhost:3000, obtained without ever blocking on
// a prompt. Shared by scripts/start.mjs (npm start) and webpack.config.js (webpack serve).
//
// Order: 1) office-addin-dev-certs, whose CA Office trusts — skipped where it would ask for a password
// or a keychain (root on Linux without a display, CI, JUESUAN_SELF_SIGNED=1), and given a short timeout;
// 2) a self-signed localhost certificate made with `selfsigned`, kept in .certs/ and reused;
// 3) plain http, reported as such (the browser demo still works; Excel needs https).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const ROOT = path.join(__dirname, "..");
const CERT_DIR = path.join(ROOT, ".certs");
const KEY_FILE = path.join(CERT_DIR, "localhost.key");
const CERT_FILE = path.join(CERT_DIR, "localhost.crt");
const OFFICE_CERTS_TIMEOUT_MS = 15000;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** True where office-addin-dev-certs may install a CA without anybody to answer sudo or a keychain dialog. */
function officeDevCertsAreSafe() {
  if (process.env.JUESUAN_SELF_SIGNED === "1" || process.env.CI) return false;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (process.platform === "linux" && (isRoot || !hasDisplay)) return false;
  return true;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function tryOfficeDevCerts() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return null;
  }
  const options = await withTimeout(devCerts.getHttpsServerOptions(), OFFICE_CERTS_TIMEOUT_MS, "office-addin-dev-certs");
  return { key: options.key, cert: options.cert, ca: options.ca };
}

function existingSelfSigned() {
  if (!fs.existsSync(KEY_FILE) || !fs.existsSync(CERT_FILE)) return null;
  const cert = fs.readFileSync(CERT_FILE, "utf8");
  const validTo = Date.parse(new crypto.X509Certificate(cert).validTo);
  if (!(validTo - Date.now() > ONE_DAY_MS)) return null;
  return { key: fs.readFileSync(KEY_FILE, "utf8"), cert };
}

function makeSelfSigned() {
  const selfsigned = require("selfsigned");
  const generated = selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    days: 365,
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  fs.mkdirSync(CERT_DIR, { recursive: true });
  fs.writeFileSync(KEY_FILE, generated.private, { mode: 0o600 });
  fs.writeFileSync(CERT_FILE, generated.cert);
  return { key: generated.private, cert: generated.cert };
}

/**
 * @returns {Promise<{protocol: "https", options: {key: string, cert: string, ca?: string}, source: string}
 *   | {protocol: "http", reason: string}>}
 */
async function resolveDevServerCertificates(log = () => {}) {
  if (officeDevCertsAreSafe()) {
    try {
      const options = await tryOfficeDevCerts();
      if (options) return { protocol: "https", options, source: "office-addin-dev-certs" };
    } catch (error) {
      log(`office-addin-dev-certs 不可用，改用自签名证书 / falling back to a self-signed certificate: ${error.message}`);
    }
  }
  try {
    const reused = existingSelfSigned();
    if (reused) return { protocol: "https", options: reused, source: `self-signed (${CERT_FILE})` };
    return { protocol: "https", options: makeSelfSigned(), source: `self-signed, new (${CERT_FILE})` };
  } catch (error) {
    return { protocol: "http", reason: error instanceof Error ? error.message : String(error) };
  }
}

module.exports = { resolveDevServerCertificates, officeDevCertsAreSafe, CERT_DIR, CERT_FILE, KEY_FILE };

// The main script of each self-contained executable (scripts/dist/sea.ts fills in the two
// constants below). The program itself is the esbuild bundle, stored beside this script in the
// executable as the asset "bundle.js". This script compiles it with V8's code cache: Node's own
// build-time cache for a SEA is not the same bytes twice (so the release would not be
// reproducible) and holds only the top-level code; this one is written by the first start, once
// the program has loaded what its calls need, and every later start reuses it. A cache that is
// missing, stale or rejected costs one slower start, never a failure.
//
// The cache lives in $XDG_CACHE_HOME (or ~/.cache) under ovirt-provider/, in a directory only
// this user may write (anything else is ignored); each build's cache is its own file.

/* global require, module, process, setTimeout, Buffer, __filename, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a SEA main script is CommonJS; its require gives only built-in modules */
"use strict";

const NAME = "__SEA_NAME__";
const BUNDLE_HASH = "__SEA_BUNDLE_HASH__";
/** When the cache is written if the program prints nothing: unless it exits first. */
const WRITE_AFTER_MS = 5000;

const sea = require("node:sea");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

function cacheDirectory() {
  const home = process.env.HOME;
  const base = process.env.XDG_CACHE_HOME || (home ? path.join(home, ".cache") : undefined);
  return base ? path.join(base, "ovirt-provider") : undefined;
}

/** The directory, if it is this user's own and no one else may write to it. */
function privateDirectory(dir, create) {
  try {
    if (create) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    const ownedByMe = typeof process.getuid !== "function" || stat.uid === process.getuid();
    return stat.isDirectory() && ownedByMe && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

const dir = cacheDirectory();
const cacheFile = dir ? path.join(dir, `${NAME}-${process.version}-${BUNDLE_HASH}.v8cache`) : undefined;
let cachedData;
if (cacheFile && privateDirectory(dir, false)) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}

// The bundle is ASCII (esbuild escapes everything else; scripts/dist/sea.ts refuses a bundle that is
// not): read as latin1 it is the same string, without the UTF-8 decoder's pass over 2 MB at every start.
const source = Buffer.from(sea.getAsset("bundle.js")).toString("latin1");
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: NAME,
  cachedData,
});

let written = !cacheFile || (cachedData !== undefined && !script.cachedDataRejected);
function writeCache() {
  if (written) return;
  written = true;
  try {
    if (!privateDirectory(dir, true)) return;
    const partial = `${cacheFile}.${process.pid}.partial`;
    fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
  } catch {
    // A cache that cannot be written only makes the next start slower.
  }
}
// Written just before the program first changes V8's flags (processMemory.ts does, once it has
// loaded what its calls need): V8 rejects a cache made under other flags than those of the next
// start. A program that never changes them gets it written after a while, or at exit.
if (!written) {
  const v8 = require("node:v8");
  const setFlags = v8.setFlagsFromString;
  v8.setFlagsFromString = function setFlagsAfterCache(...args) {
    v8.setFlagsFromString = setFlags;
    writeCache();
    return setFlags.apply(this, args);
  };
  setTimeout(writeCache, WRITE_AFTER_MS).unref();
  process.once("exit", writeCache);
}

script.runInThisContext()(module.exports, require, module, __filename, __dirname);

#!/usr/bin/env node
// `mlsd`: the project's command line. Builds dist/cli.cjs on first use when
// `npm ci` did not (prepare scripts can be skipped), then runs it.
"use strict";
const { existsSync } = require("fs");
const { join } = require("path");
const { execFileSync } = require("child_process");

const root = join(__dirname, "..");
const cli = join(root, "dist", "cli.cjs");
if (!existsSync(cli)) {
	execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "cli"], { cwd: root, stdio: "inherit" });
}
require(cli).main(process.argv.slice(2)).then(
	(code) => { process.exitCode = code; },
	(err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);

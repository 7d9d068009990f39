// `npm test`: everything, in the order that fails fastest.
//   embed → typecheck → lint → production build (+ guard) → jest (unit, stand-in,
//   CLI, vault checks, mobile sandbox) → browser test in Chromium.
// The last line is always the count alone: "N passed, N failed, N skipped".
// A stage skips itself by exiting with code 77 (the Automake convention) after
// printing one line that starts with "skipped:" and says why; with CI=true
// nothing may skip (the browser test then fails instead).
import { spawnSync } from "child_process";

const SKIP = 77;
const stages = [
	["embed the shipped notes", ["node", "scripts/build.mjs", "embed"]],
	["typecheck", ["npx", "tsc", "--noEmit"]],
	["lint", ["npx", "eslint", ".", "manifest.json", "LICENSE", "--max-warnings", "0"]],
	["production build", ["node", "scripts/build.mjs", "production"]],
	["unit, integration and vault tests", ["npx", "jest", "--ci"]],
	["browser test", ["node", "tests/browser/run.mjs"]],
];

const started = Date.now();
let passed = 0;
let failed = 0;
const skipped = [];
for (const [name, [cmd, ...args]] of stages) {
	console.log(`\n▶ ${name}`);
	const t = Date.now();
	const r = spawnSync(cmd, args, { stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, TZ: "UTC" }, maxBuffer: 64 * 1024 * 1024 });
	const out = r.stdout?.toString() ?? "";
	process.stdout.write(out);
	if (r.status === SKIP && process.env.CI !== "true") {
		const why = out.split("\n").find((l) => l.startsWith("skipped:"))?.slice(8).trim() ?? "no reason given";
		skipped.push(name);
		console.log(`- ${name} skipped: ${why}`);
		continue;
	}
	if (r.status !== 0) {
		failed++;
		console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal})`);
		break;
	}
	passed++;
	console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
const notRun = stages.length - passed - failed - skipped.length;
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s${skipped.length ? `; skipped: ${skipped.join(", ")}` : ""}${notRun ? `; ${notRun} stage${notRun === 1 ? "" : "s"} not run after the failure` : ""}`);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 ? 1 : 0);

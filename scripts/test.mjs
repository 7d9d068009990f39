// `npm test`: everything, in the order that fails fastest.
//   embed → typecheck → lint → production build (+ guard) → jest (unit, stand-in,
//   CLI, vault checks, mobile sandbox) → browser test in Chromium.
import { spawnSync } from "child_process";

const steps = [
	["embed the shipped notes", ["node", "scripts/build.mjs", "embed"]],
	["typecheck", ["npx", "tsc", "--noEmit"]],
	["lint", ["npx", "eslint", ".", "--max-warnings", "0"]],
	["production build", ["node", "scripts/build.mjs", "production"]],
	["unit, integration and vault tests", ["npx", "jest", "--ci"]],
	["browser test", ["node", "tests/browser/run.mjs"]],
];

let passed = 0;
for (const [name, [cmd, ...args]] of steps) {
	console.log(`\n▶ ${name}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });
	if (r.status !== 0) {
		console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal})`);
		console.log(`${passed} passed, 1 failed`);
		process.exit(1);
	}
	passed++;
	console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll ${steps.length} test stages passed.`);

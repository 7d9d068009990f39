// `npm run bench [-- --write | --json]`: builds, then runs scripts/bench/bench.ts (bundled for Node).
// Only the report (or the JSON) goes to stdout; build output and progress go to stderr.
import { build } from "esbuild";
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const b = spawnSync("node", ["scripts/build.mjs", "production"], { stdio: ["inherit", process.stderr, "inherit"] });
if (b.status !== 0) process.exit(1);
await build({
	entryPoints: ["scripts/bench/bench.ts"],
	bundle: true,
	format: "esm",
	platform: "node",
	target: "node20",
	packages: "external",
	outfile: "node_modules/.cache/mlsd/bench.mjs",
	logLevel: "warning",
});
const NODE_ARGS = ["--max-old-space-size=8192", "--expose-gc", "node_modules/.cache/mlsd/bench.mjs"];
// With --write, the catalog figures are the median over several bench processes: a process's heap
// layout and compiled code move the cold catalog by up to 2x from one process to the next.
const extra = [];
if (process.argv.includes("--write")) {
	const dir = mkdtempSync(join(tmpdir(), "mlsd-bench-"));
	for (let i = 0; i < 2; i++) {
		process.stderr.write(`bench: extra process ${i + 1} of 2 for the catalog figures\n`);
		const run = spawnSync("node", [...NODE_ARGS, "--json"], { stdio: ["inherit", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
		if (run.status !== 0) process.exit(run.status ?? 1);
		const file = join(dir, `run-${i}.json`);
		writeFileSync(file, run.stdout);
		extra.push(file);
	}
}
const r = spawnSync("node", [...NODE_ARGS, ...process.argv.slice(2), ...(extra.length ? ["--catalog-from", extra.join(",")] : [])], { stdio: "inherit" });
process.exit(r.status ?? 1);

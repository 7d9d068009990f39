// `npm run bench [-- --write | --json]`: builds, then runs scripts/bench/bench.ts (bundled for Node).
// Only the report (or the JSON) goes to stdout; build output and progress go to stderr.
import { build } from "esbuild";
import { spawnSync } from "child_process";

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
const r = spawnSync("node", ["--max-old-space-size=8192", "--expose-gc", "node_modules/.cache/mlsd/bench.mjs", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);

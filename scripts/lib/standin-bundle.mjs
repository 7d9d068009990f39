// Bundles the Obsidian stand-in (tests/stand-in) for the browser: a global
// `ObsidianStandIn` that main.js receives as require("obsidian").
import { build } from "esbuild";

export async function bundleStandIn(outfile) {
	await build({
		entryPoints: ["tests/stand-in/obsidian.ts"],
		bundle: true,
		format: "iife",
		globalName: "ObsidianStandIn",
		platform: "browser",
		target: "es2020",
		outfile,
		logLevel: "warning",
	});
}

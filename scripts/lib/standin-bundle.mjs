// Bundles the Obsidian stand-in (tests/stand-in) for the browser: a global
// `ObsidianStandIn` that main.js receives as require("obsidian"); and the
// Markdown engine of the browser test (tests/browser/markdown.ts) as the
// global `MlsdMarkdown`, which the stand-in's MarkdownRenderer uses.
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

export async function bundleMarkdown(outfile) {
	await build({
		entryPoints: ["tests/browser/markdown.ts"],
		bundle: true,
		format: "iife",
		globalName: "MlsdMarkdown",
		platform: "browser",
		target: "es2020",
		outfile,
		logLevel: "warning",
	});
}

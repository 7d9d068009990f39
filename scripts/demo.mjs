// `npm run demo`: builds the plugin, creates ./demo-vault with the notes
// installed and the plugin enabled, and prints how to open it in Obsidian.
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";

const run = (cmd, args, opts = {}) => {
	const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
	if (r.status !== 0) {
		process.stderr.write(r.stdout ?? "");
		process.stderr.write(r.stderr ?? "");
		throw new Error(`${cmd} ${args.join(" ")} failed`);
	}
	return r.stdout;
};

const vault = resolve("demo-vault");
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
console.log("Building the plugin...");
run("node", ["scripts/build.mjs", "production"]);

mkdirSync(vault, { recursive: true });
const pluginDir = join(vault, ".obsidian", "plugins", manifest.id);
mkdirSync(pluginDir, { recursive: true });
for (const f of ["main.js", "manifest.json", "styles.css"]) copyFileSync(f, join(pluginDir, f));

const enabledFile = join(vault, ".obsidian", "community-plugins.json");
const enabled = existsSync(enabledFile) ? JSON.parse(readFileSync(enabledFile, "utf8")) : [];
if (!enabled.includes(manifest.id)) enabled.push(manifest.id);
writeFileSync(enabledFile, JSON.stringify(enabled, null, 2) + "\n");

console.log(run("node", ["bin/mlsd.cjs", "install", vault]).trim());
for (const [label, args] of [
	["A random interview prompt", ["prompt", vault, "--seed", "7"]],
	["The start of a design checklist", ["checklist", vault]],
]) {
	const r = spawnSync("node", ["bin/mlsd.cjs", ...args], { encoding: "utf8" });
	if (r.status === 0) {
		const lines = r.stdout.trim().split("\n");
		console.log(`\n${label}:\n  ${lines.slice(0, 12).join("\n  ")}${lines.length > 12 ? "\n  ..." : ""}`);
	}
}

console.log(`
Demo vault ready: ${vault}
Open it in Obsidian: "Open another vault" → "Open folder as vault" → choose demo-vault.
Obsidian asks whether to trust the vault's plugins; choose "Trust author and enable plugins".
Then open "ML System Design/Start here - ML system design" and the command palette (Ctrl/Cmd+P) → "ML System Design Vault".`);

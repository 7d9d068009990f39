// Builds the plugin and the CLI.
//   node scripts/build.mjs production     main.js (minified, no sourcemap) + guard
//   node scripts/build.mjs dev [--vault PATH]  watch; copies the build into PATH/.obsidian/plugins/<id>/
//   node scripts/build.mjs cli            dist/cli.cjs for `mlsd`
//   node scripts/build.mjs embed          only src/generated/vaultTemplate.ts
import esbuild from "esbuild";
import { builtinModules } from "module";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { embedTemplate, PLAIN_MODULE } from "./lib/embed.mjs";
import { guardBundle } from "./lib/guard.mjs";

const mode = process.argv[2] ?? "production";
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));

/**
 * esbuild re-escapes a few control characters (\b, \v, \f, BEL, ESC) in string
 * literals, which would cost two to four bytes each in the packed notes. So the
 * notes' literal is swapped for a token while bundling and written back raw
 * into main.js afterwards (src/core/binaryText.ts keeps it a valid
 * single-quoted literal: no quote, backslash, line break or NUL).
 */
const NOTES_TOKEN = "@@mlsd-packed-notes@@";
const rawNotesLiteral = {
	name: "raw-notes-literal",
	setup(build) {
		let literal = null;
		build.onLoad({ filter: /[\\/]src[\\/]generated[\\/]vaultTemplate\.ts$/ }, (args) => {
			const source = readFileSync(args.path, "utf8");
			const m = /const PACKED = '([^'\\\n\r]*)';/.exec(source);
			if (!m) throw new Error(`${args.path}: no packed notes literal`);
			literal = m[1];
			return { contents: source.replace(m[0], `const PACKED = '${NOTES_TOKEN}';`), loader: "ts" };
		});
		build.onEnd((result) => {
			if (result.errors.length > 0 || literal === null) return;
			const out = build.initialOptions.outfile;
			const code = readFileSync(out, "utf8");
			const at = [`'${NOTES_TOKEN}'`, `"${NOTES_TOKEN}"`, `\`${NOTES_TOKEN}\``].map((t) => [t, code.indexOf(t)]).find(([, i]) => i >= 0);
			if (!at) throw new Error(`${out}: the packed notes token is missing`);
			writeFileSync(out, code.slice(0, at[1]) + `'${literal}'` + code.slice(at[1] + at[0].length));
		});
	},
};

const pluginOptions = (prod) => ({
	entryPoints: ["src/main.ts"],
	bundle: true,
	outfile: "main.js",
	format: "cjs",
	platform: "browser",
	target: "es2020",
	external: [
		"obsidian", "electron",
		"@codemirror/autocomplete", "@codemirror/collab", "@codemirror/commands", "@codemirror/language",
		"@codemirror/lint", "@codemirror/search", "@codemirror/state", "@codemirror/view",
		"@lezer/common", "@lezer/highlight", "@lezer/lr",
		...builtinModules,
	],
	minify: prod,
	charset: "utf8",
	plugins: [rawNotesLiteral],
	sourcemap: prod ? false : "inline",
	treeShaking: true,
	metafile: true,
	logLevel: "info",
	banner: { js: "/* ML System Design Vault. MIT licence. Source: src/ */" },
});

function parseVaultArg() {
	const i = process.argv.indexOf("--vault");
	return i > 0 ? process.argv[i + 1] : process.env.MLSD_DEV_VAULT;
}

function copyToVault(vault) {
	const dir = join(resolve(vault), ".obsidian", "plugins", manifest.id);
	mkdirSync(dir, { recursive: true });
	for (const f of ["main.js", "manifest.json", "styles.css"]) copyFileSync(f, join(dir, f));
	console.log(`copied to ${dir}`);
}

async function buildCli() {
	await embedTemplate();
	await esbuild.build({
		entryPoints: ["src/cli/main.ts"],
		bundle: true,
		outfile: "dist/cli.cjs",
		format: "cjs",
		platform: "node",
		target: "node20",
		external: ["mermaid", "happy-dom"],
		charset: "utf8",
		// the CLI takes the notes as plain text: no unpacking on every run
		plugins: [{
			name: "plain-notes",
			setup(b) {
				b.onResolve({ filter: /[\\/]generated[\\/]vaultTemplate$/ }, () => ({ path: resolve(PLAIN_MODULE) }));
			},
		}],
		logLevel: "warning",
	});
}

if (mode === "embed") {
	await embedTemplate();
} else if (mode === "cli") {
	await buildCli();
} else if (mode === "production") {
	const template = await embedTemplate();
	const result = await esbuild.build(pluginOptions(true));
	guardBundle(result.metafile, readFileSync("main.js", "utf8"));
	await buildCli();
	console.log(`main.js: ${(readFileSync("main.js").length / 1024).toFixed(1)} KB, ${template.files.length} shipped files embedded`);
} else if (mode === "dev") {
	const vault = parseVaultArg();
	await embedTemplate();
	const ctx = await esbuild.context({
		...pluginOptions(false),
		plugins: [{
			name: "after-build",
			setup(build) {
				build.onEnd((r) => {
					if (r.errors.length === 0 && vault) copyToVault(vault);
				});
			},
		}],
	});
	if (!vault) console.log("Tip: pass --vault PATH to copy each build into a vault's plugin folder.");
	if (vault && !existsSync(vault)) throw new Error(`No vault at ${vault}`);
	await ctx.watch();
} else {
	console.error(`Unknown mode "${mode}". Use production, dev, cli or embed.`);
	process.exit(2);
}

// Lint: the Obsidian review rules (eslint-plugin-obsidianmd, recommended) on
// the plugin source; typescript-eslint's type-checked rules on the CLI; the
// directory's checks of manifest.json and LICENSE (the same rules its review runs).
// src/core additionally may not import obsidian or any Node module.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import tseslint from "typescript-eslint";
import { builtinModules } from "module";
import { PlainTextParser } from "eslint-plugin-obsidianmd/dist/lib/plainTextParser.js";

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig([
	globalIgnores([
		"node_modules/", "main.js", "dist/", "demo-vault/", "artifacts/", "coverage/",
		"src/generated/", "scripts/", "tests/", "bin/", "*.config.*", "version-bump.mjs",
	]),
	...obsidianmd.configs.recommended.map((c) => ({ ...c, files: c.files ?? ["src/**/*.ts"] })),
	{
		files: ["src/**/*.ts"],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
	{
		files: ["src/core/**/*.ts"],
		rules: {
			"no-restricted-imports": ["error", {
				paths: ["obsidian", ...nodeModules].map((name) => ({ name, message: "src/core is pure: no Obsidian and no Node modules." })),
			}],
		},
	},
	{
		files: ["src/cli/**/*.ts"],
		rules: {
			// The CLI runs on Node by design; it never reaches main.js (see scripts/lib/guard.mjs).
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/hardcoded-config-path": "off",
		},
		languageOptions: {
			globals: { process: "readonly", NodeJS: "readonly", console: "readonly" },
		},
	},
	{
		// manifest.json as the directory reads it: required keys and types, no "obsidian"/"plugin"
		// in the id or name, and a description of letters, digits and .,!?'"- ending with a period.
		files: ["manifest.json"],
		plugins: { obsidianmd },
		languageOptions: { parser: tseslint.parser },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		// LICENSE: the copyright line names us and the current year.
		files: ["LICENSE"],
		plugins: { obsidianmd },
		languageOptions: { parser: PlainTextParser },
		rules: { "obsidianmd/validate-license": "error" },
	},
]);

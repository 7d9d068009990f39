// Post-build guard: main.js may require nothing but "obsidian" at runtime
// (Obsidian mobile has no Node), and must not carry gray-matter or eval.
export function guardBundle(metafile, code) {
	const problems = [];
	for (const [, output] of Object.entries(metafile.outputs)) {
		for (const imp of output.imports ?? []) {
			if (imp.external && imp.path !== "obsidian") problems.push(`requires "${imp.path}"`);
		}
	}
	for (const input of Object.keys(metafile.inputs)) {
		if (/node_modules[\\/](gray-matter|js-yaml|fs-extra)[\\/]/.test(input)) problems.push(`bundles ${input}`);
	}
	const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
	for (const r of requires) if (r !== "obsidian") problems.push(`calls require("${r}")`);
	if (/\beval\s*\(/.test(code)) problems.push("calls eval");
	if (problems.length) {
		console.error(`main.js guard failed:\n  ${problems.join("\n  ")}`);
		process.exit(1);
	}
}

/** The layering rule from DESIGN.md, enforced over the source tree. */
import { readdirSync, readFileSync, statSync } from "fs";
import { builtinModules } from "module";
import { join } from "path";

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
	});
}
const importsOf = (file: string): string[] =>
	[...readFileSync(file, "utf8").matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)]
		.map((m) => m[1] ?? m[2] ?? m[3]!);
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Packages src/core may import: no dependencies, no Node or Obsidian imports (checked below), bundled into main.js. */
const PURE_PACKAGES = new Set(["ts-fsrs", "node-diff3"]);

describe("architecture", () => {
	it("src/core imports neither obsidian nor Node modules nor packages", () => {
		const bad: string[] = [];
		for (const f of tsFiles("src/core")) for (const i of importsOf(f)) if (!i.startsWith(".") && !PURE_PACKAGES.has(i)) bad.push(`${f}: ${i}`);
		expect(bad).toEqual([]);
	});
	it("the packages src/core may import have no dependencies and import nothing", () => {
		for (const name of PURE_PACKAGES) {
			const pkg = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8")) as { dependencies?: object; module?: string; exports?: { import?: string } };
			expect(pkg.dependencies ?? {}).toEqual({});
			expect(importsOf(join("node_modules", name, pkg.module ?? pkg.exports!.import!)).filter((i) => !i.startsWith("."))).toEqual([]);
		}
	});
	it("only src/obsidian and src/main.ts import obsidian", () => {
		const bad = tsFiles("src").filter((f) => !f.startsWith(join("src", "obsidian")) && f !== join("src", "main.ts") && importsOf(f).includes("obsidian"));
		expect(bad).toEqual([]);
	});
	it("the plugin side never imports Node modules or the CLI", () => {
		const bad: string[] = [];
		for (const f of [...tsFiles("src/obsidian"), join("src", "main.ts")]) {
			for (const i of importsOf(f)) if (NODE.has(i) || i.includes("/cli/") || i === "gray-matter") bad.push(`${f}: ${i}`);
		}
		expect(bad).toEqual([]);
	});
	it("src/main.ts stays lifecycle-only (under 100 lines)", () => {
		expect(readFileSync("src/main.ts", "utf8").split("\n").length).toBeLessThan(100);
	});
	it("catches a violation (the check itself works)", () => {
		expect(importsOf(join("src", "cli", "fsVault.ts"))).toContain("fs");
	});
});

/** The manifest, versions.json and README agree, and cover every app feature the shipped files use. */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as Record<string, unknown>;
const versions = JSON.parse(readFileSync("versions.json", "utf8")) as Record<string, string>;
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

const cmp = (a: string, b: string): number => {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
};

function filesUnder(dir: string, ext: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
	});
}

describe("manifest.json", () => {
	it("passes the directory's description rule (letters, digits and .,!?'\"- only, ends with a period, at most 250 characters)", () => {
		const d = manifest.description as string;
		expect(d).toMatch(/^[A-Z][A-Za-z0-9\s.,!?'"-]+\.$/);
		expect(d.length).toBeLessThanOrEqual(250);
		expect(`${String(manifest.id)} ${d}`.toLowerCase()).not.toMatch(/obsidian|plugin/);
	});

	it("has the package's version, and versions.json maps it to the same minAppVersion", () => {
		expect(manifest.version).toBe(pkg.version);
		expect(versions[pkg.version]).toBe(manifest.minAppVersion);
		// Every recorded minimum is one the app actually had: never lower than what earlier versions needed.
		const entries = Object.entries(versions).sort(([a], [b]) => cmp(a, b));
		for (let i = 1; i < entries.length; i++) expect(cmp(entries[i]![1], entries[i - 1]![1])).toBeGreaterThanOrEqual(0);
	});

	it("asks for an app version that reads every Bases file shipped (groupBy and summaries need 1.10.0)", () => {
		const bases = filesUnder("vault-template", ".base").map((p) => readFileSync(p, "utf8"));
		expect(bases.length).toBeGreaterThan(0);
		const needs = bases.some((t) => /^\s*(groupBy|summaries):/m.test(t)) ? "1.10.0" : "1.9.0";
		expect(cmp(manifest.minAppVersion as string, needs)).toBeGreaterThanOrEqual(0);
		expect(cmp(manifest.minAppVersion as string, "1.10.0")).toBeGreaterThanOrEqual(0);
	});

	it("the README states the same minimum and the Bases requirement", () => {
		const readme = readFileSync("README.md", "utf8");
		expect(readme).toContain(`Obsidian ${String(manifest.minAppVersion)} or later`);
		expect(readme).toMatch(/Bases/);
	});
});

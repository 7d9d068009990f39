import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mlsd } from "../helpers/cli";

const counts = (stdout: string) => JSON.parse(stdout) as Record<string, number>;

describe("mlsd install", () => {
	it("installs, then reports 0 created and 0 updated the second time", () => {
		const vault = mkdtempSync(join(tmpdir(), "mlsd-"));
		const first = mlsd("install", vault, "--json");
		expect(first.code).toBe(0);
		const c1 = counts(first.stdout);
		expect(Object.keys(c1)).toEqual(["created", "updated", "merged", "completed", "keptEdited", "conflicts", "keptDeleted", "missing", "skippedClash", "failed", "offered", "mergedNotes", "missingNotes", "failures", "warnings"]);
		expect(c1.created).toBeGreaterThan(50);
		if (c1.created === undefined) throw new Error("no count");
		expect(existsSync(join(vault, "ML System Design", "Framework", "Step 1 - Clarifying requirements.md"))).toBe(true);
		const second = counts(mlsd("install", vault, "--json").stdout);
		expect(second).toMatchObject({ created: 0, updated: 0, merged: 0, keptEdited: 0, keptDeleted: 0, skippedClash: 0, failed: 0, offered: [], warnings: [] });
		// The record lives in the plugin's data file, so Obsidian sees the same install.
		const data = JSON.parse(readFileSync(join(vault, ".obsidian/plugins/ml-system-design-vault/data.json"), "utf8"));
		expect(Object.keys(data.install.files)).toHaveLength(c1.created);
	});
	it("keeps an edited note and a user's clashing note", () => {
		const vault = mkdtempSync(join(tmpdir(), "mlsd-"));
		mlsd("install", vault);
		const step = join(vault, "ML System Design", "Framework", "Step 1 - Clarifying requirements.md");
		writeFileSync(step, "my notes");
		const r = mlsd("install", vault);
		expect(r.stdout).toMatch(/kept your edit: ML System Design\/Framework\/Step 1/);
		expect(readFileSync(step, "utf8")).toBe("my notes");
	});
});

describe("mlsd install across a template upgrade (fixture)", () => {
	it("keeps an edit, offers the new version, updates the rest, adds new notes", () => {
		const vault = mkdtempSync(join(tmpdir(), "mlsd-"));
		expect(counts(mlsd("install", vault, "--template", "tests/fixtures/template-v1", "--json").stdout).created).toBe(2);
		const a = join(vault, "ML System Design", "A.md");
		writeFileSync(a, "---\ntype: moc\n---\n# A\n\nMy own notes on A.\n");
		const up = JSON.parse(mlsd("install", vault, "--template", "tests/fixtures/template-v2", "--json").stdout);
		expect(up).toMatchObject({ created: 1, updated: 1, conflicts: 1, keptDeleted: 0, skippedClash: 0, offered: ["ML System Design/A.md"] });
		expect(readFileSync(a, "utf8")).toContain("My own notes on A.");
		expect(readFileSync(join(vault, "ML System Design", "Notes", "B.md"), "utf8")).toContain("Version two of B");
		const text = mlsd("install", vault, "--template", "tests/fixtures/template-v2").stdout;
		expect(text).toMatch(/kept yours; your edit overlaps the new version: ML System Design\/A\.md \(compare in Obsidian/);
	});
});

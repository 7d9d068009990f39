import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mlsd, treeHash } from "../helpers/cli";

const FIXTURE = "tests/fixtures/practice-vault";

describe("mlsd progress", () => {
	it("prints the dashboard as JSON, changing nothing", () => {
		const before = treeHash(FIXTURE);
		const r = mlsd("progress", FIXTURE, "--json", "--today", "2026-01-20");
		expect(r.code).toBe(0);
		const s = JSON.parse(r.stdout);
		expect(s).toMatchObject({ today: "2026-01-20", sessions: 5, rated: 4 });
		expect(s.weakestSteps.map((w: { step: number }) => w.step)).toEqual([3, 2, 7]);
		expect(s.due[0]).toEqual({ case: "Feed ranking", due: "2026-01-17", overdueDays: 3 });
		expect(s.next).toHaveLength(3);
		expect(s.skipped.map((k: { path: string }) => k.path)).toEqual(["Practice/Practice 2026-01-14 Edited by hand.md"]);
		expect(treeHash(FIXTURE)).toBe(before);
	});

	it("prints the progress note's Markdown and names skipped notes on stderr", () => {
		const r = mlsd("progress", FIXTURE, "--today", "2026-01-20");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("# Practice progress");
		expect(r.stdout).toContain("| [[Fraud detection]] | 2026-01-19 | 1 day overdue |");
		expect(r.stderr).toMatch(/skipped Practice\/Practice 2026-01-14 Edited by hand.md: "step-scores" must be/);
	});

	it("gives valid JSON for a vault without practice notes", () => {
		const empty = mkdtempSync(join(tmpdir(), "mlsd-progress-"));
		writeFileSync(join(empty, "Note.md"), "Just a note.\n");
		for (const folder of [empty, "vault-template"]) {
			const r = mlsd("progress", folder, "--json");
			expect(r.code).toBe(0);
			expect(JSON.parse(r.stdout)).toMatchObject({ sessions: 0, rated: 0, byWeek: [], due: [], skipped: [] });
		}
	});

	it("explains bad arguments", () => {
		expect(mlsd("progress").code).toBe(2);
		expect(mlsd("progress", FIXTURE, "--today", "20/01/2026").stderr).toMatch(/--today must be a real date/);
		const missing = mlsd("progress", "no-such-folder");
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/"no-such-folder" is not a folder/);
	});
});

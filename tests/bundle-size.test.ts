/**
 * main.js size with the notes packed (scripts/size.mjs prints it and the
 * projection to twice the notes). Run after a production build (npm test
 * builds first).
 */
import { spawnSync } from "child_process";

interface SizeReport {
	limit: number;
	mainBytes: number;
	notesBytes: number;
	notesRawBytes: number;
	growthPerDoubling: number;
	mainBytesTwiceNotes: number;
	mainBytesTwiceIssueNotes: number;
}

let r: SizeReport;
beforeAll(() => {
	const run = spawnSync(process.execPath, ["scripts/size.mjs", "--json"], { encoding: "utf8", timeout: 120_000 });
	if (run.status !== 0) throw new Error(run.stderr);
	r = JSON.parse(run.stdout) as SizeReport;
});

describe("main.js size", () => {
	it("packs the notes to under 27% of their size, as they sit in main.js", () => {
		// Zstandard level 19 in basE91 text would be 33%.
		expect(r.notesBytes / r.notesRawBytes).toBeLessThan(0.27);
	});

	it("stays within the 1.1 MB budget, now and with twice the notes the budget was set for", () => {
		expect(r.mainBytes).toBeLessThanOrEqual(r.limit);
		expect(r.limit).toBe(1_100_000);
		expect(r.mainBytesTwiceIssueNotes).toBeLessThanOrEqual(r.limit);
	});

	it("grows by less than double when the notes double (measured on the real notes)", () => {
		// The projection to twice the notes (scripts/size.mjs, BENCHMARKS.md) rests on this ratio.
		expect(r.growthPerDoubling).toBeGreaterThan(1.5);
		expect(r.growthPerDoubling).toBeLessThan(2);
	});
});

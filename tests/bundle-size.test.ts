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
	mainBytesTwiceNotesPessimistic: number;
}

let r: SizeReport;
beforeAll(() => {
	const run = spawnSync(process.execPath, ["scripts/size.mjs", "--json"], { encoding: "utf8", timeout: 120_000 });
	if (run.status !== 0) throw new Error(run.stderr);
	r = JSON.parse(run.stdout) as SizeReport;
});

describe("main.js size", () => {
	it("packs the notes to under 35% of their size", () => {
		expect(r.notesBytes / r.notesRawBytes).toBeLessThan(0.35);
	});

	it("stays under the regression guard of 1.35 MB", () => {
		// Issue 15's budget is 1.1 MB. With 2.1x the notes the issue measured and the practice-loop code,
		// main.js is about 1.27 MB (BENCHMARKS.md): this guard keeps it from growing while that gap is closed.
		expect(r.mainBytes).toBeLessThanOrEqual(1_350_000);
	});

	it("grows by less than double when the notes double (measured on the real notes)", () => {
		// The projection to twice the notes (scripts/size.mjs, BENCHMARKS.md) rests on this ratio.
		expect(r.growthPerDoubling).toBeGreaterThan(1.5);
		expect(r.growthPerDoubling).toBeLessThan(2);
	});
});

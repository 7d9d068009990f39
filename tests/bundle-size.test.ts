/**
 * main.js stays within 1.1 MB with the notes packed (scripts/size.mjs prints
 * the projection to twice the notes). Run after a production build (npm test
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
	it("is at most 1.1 MB, with the notes packed to under 40% of their size", () => {
		expect(r.mainBytes).toBeLessThanOrEqual(r.limit);
		expect(r.notesBytes / r.notesRawBytes).toBeLessThan(0.4);
	});

	it("grows by less than double when the notes double (measured on the real notes)", () => {
		// The projection to twice the notes (scripts/size.mjs, BENCHMARKS.md) rests on this ratio.
		expect(r.growthPerDoubling).toBeGreaterThan(1.5);
		expect(r.growthPerDoubling).toBeLessThan(2);
	});
});

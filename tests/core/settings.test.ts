import { DEFAULT_SETTINGS, migrateData } from "../../src/core/settings";

describe("migrateData", () => {
	it("gives defaults for a new install without warnings", () => {
		const { data, warnings } = migrateData(null);
		expect(data.settings).toEqual(DEFAULT_SETTINGS);
		expect(data.install.files).toEqual({});
		expect(warnings).toEqual([]);
	});
	it("migrates the old flat shape", () => {
		const { data, warnings } = migrateData({ installFolder: "Prep" });
		expect(data.settings.installFolder).toBe("Prep");
		expect(data.schema).toBe(1);
		expect(warnings).toEqual([]);
	});
	it("falls back with a warning on garbage, per field", () => {
		const r = migrateData({ schema: 1, settings: { installFolder: 42, practiceFolder: "P" }, install: "x" });
		expect(r.data.settings.installFolder).toBe(DEFAULT_SETTINGS.installFolder);
		expect(r.data.settings.practiceFolder).toBe("P");
		expect(r.warnings).toHaveLength(2);
	});
	it("does not trust data from a newer version", () => {
		const r = migrateData({ schema: 99, settings: { installFolder: "X" } });
		expect(r.data.settings).toEqual(DEFAULT_SETTINGS);
		expect(r.warnings[0]).toMatch(/newer version/);
	});
	it("reads the interview plan and practice loop settings, clearing what is wrong with a warning", () => {
		const ok = migrateData({ schema: 1, settings: { interviewDate: "2026-03-01", targetDomains: ["RecSys", "ads", "recsys", " "], anchors: ["A", "a", "B", "C", "D", "E", "F"], autoAdvance: true, soundCue: true, followUps: false, twistMinute: 20 } });
		expect(ok.data.settings).toMatchObject({ interviewDate: "2026-03-01", targetDomains: ["recsys", "ads"], anchors: ["A", "B", "C", "D", "E"], autoAdvance: true, soundCue: true, followUps: false, twistMinute: 20 });
		expect(ok.warnings).toEqual([]);
		const bad = migrateData({ schema: 1, settings: { interviewDate: "2026-02-30", targetDomains: "recsys, ads", anchors: [1], twistMinute: -5 } });
		expect(bad.data.settings).toMatchObject({ interviewDate: null, targetDomains: ["recsys", "ads"], anchors: [], twistMinute: 25 });
		expect(bad.warnings).toHaveLength(3);
	});
	it("does not mutate the defaults", () => {
		const a = migrateData(null).data;
		a.settings.installFolder = "Changed";
		expect(DEFAULT_SETTINGS.installFolder).toBe("ML System Design");
	});
});

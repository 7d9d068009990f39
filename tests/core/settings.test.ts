import { DEFAULT_SETTINGS, migrateData as migrate, parseDataText } from "../../src/core/settings";

const migrateData = (raw: unknown) => migrate(raw, { configDir: ".obsidian" });

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

describe("data file robustness (issue 11)", () => {
	it("checks every folder setting on load with the path policy, and names the setting", () => {
		const r = migrateData({ schema: 1, settings: { installFolder: "../outside", practiceFolder: ".obsidian/x", personalFolder: "a/../../b" } });
		expect(r.data.settings.installFolder).toBe(DEFAULT_SETTINGS.installFolder);
		expect(r.data.settings.practiceFolder).toBe(DEFAULT_SETTINGS.practiceFolder);
		expect(r.data.settings.personalFolder).toBe(DEFAULT_SETTINGS.personalFolder);
		expect(r.rejected).toEqual({ installFolder: "../outside", practiceFolder: ".obsidian/x", personalFolder: "a/../../b" });
		expect(r.warnings.join("\n")).toMatch(/Setting "practiceFolder" ".obsidian\/x" is inside a hidden or configuration folder/);
		expect(r.warnings.join("\n")).toMatch(/Setting "personalFolder" "a\/..\/..\/b" points outside the vault/);
		// A custom config folder is refused too.
		expect(migrate({ schema: 1, settings: { practiceFolder: "cfg/p" } }, { configDir: "cfg" }).rejected).toEqual({ practiceFolder: "cfg/p" });
	});
	it("keeps settings keys and top-level keys it does not know (written by a newer version)", () => {
		const r = migrateData({ schema: 1, settings: { installFolder: "Prep", futureOption: { a: 1 } }, futureTop: [1, 2] });
		expect((r.data.settings as unknown as Record<string, unknown>).futureOption).toEqual({ a: 1 });
		expect((r.data as unknown as Record<string, unknown>).futureTop).toEqual([1, 2]);
		expect(JSON.parse(JSON.stringify(r.data)).settings.futureOption).toEqual({ a: 1 });
	});
	it("marks the record lost for a list, a number, an unreadable file or a damaged record, never fresh", () => {
		expect(migrateData([1, 2]).recordLost).toBe(true);
		expect(migrateData(7).recordLost).toBe(true);
		expect(migrate(null, { configDir: ".obsidian", unreadable: true }).recordLost).toBe(true);
		expect(migrateData({ schema: 1, install: { folder: "../x", files: {} } }).recordLost).toBe(true);
		const partial = migrateData({ schema: 1, install: { folder: "F", files: { "A.md": "abc123", "../evil.md": "abc", "B.md": 5 } } });
		expect(partial.data.install.files).toEqual({ "A.md": "abc123" });
		expect(partial.recordLost).toBe(true);
		expect(migrateData(null).recordLost).toBeUndefined();
	});
	it("reads data.json text with a byte-order mark, and reports an empty or torn file", () => {
		expect(parseDataText("\uFEFF{\"schema\":1}")).toEqual({ raw: { schema: 1 } });
		expect(parseDataText("")).toEqual({ error: "the file is empty" });
		expect("error" in parseDataText("{\"schema\":1,\"inst")).toBe(true);
	});
});

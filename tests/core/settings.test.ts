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
	it("does not mutate the defaults", () => {
		const a = migrateData(null).data;
		a.settings.installFolder = "Changed";
		expect(DEFAULT_SETTINGS.installFolder).toBe("ML System Design");
	});
});

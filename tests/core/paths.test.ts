import fc from "fast-check";
import { fileNameProblem, normalizeVaultPath, sanitizeNoteName, uniqueNotePath, validateFolderSetting } from "../../src/core/paths";

describe("sanitizeNoteName", () => {
	it("always yields a name valid on every OS (property)", () => {
		fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
			expect(fileNameProblem(sanitizeNoteName(s))).toBeNull();
		}), { numRuns: 2000 });
	});
	it("keeps readable names as they are", () => {
		expect(sanitizeNoteName("Design a feed: v2?")).toBe("Design a feed v2");
		expect(sanitizeNoteName("   ")).toBe("Untitled");
		expect(sanitizeNoteName("CON")).toBe("CON note");
	});
});

describe("uniqueNotePath", () => {
	it("adds a number until the path is free", () => {
		const taken = new Set(["F/A.md", "F/A 2.md"]);
		expect(uniqueNotePath("F", "A", (p) => taken.has(p))).toBe("F/A 3.md");
	});
});

describe("validateFolderSetting", () => {
	it("normalises good folders", () => {
		expect(validateFolderSetting(" Notes//ML/ ", ".obsidian")).toEqual({ folder: "Notes/ML" });
	});
	it.each([
		["", "empty"], ["../outside", "outside"], ["/abs", "absolute"], ["C:\\x", "absolute"],
		[".obsidian/plugins", "hidden"], ["a/../../b", "outside"], ["bad:name", "not allowed"],
	])("refuses %j", (raw, why) => {
		const r = validateFolderSetting(raw, ".obsidian");
		expect("error" in r && r.error).toContain(why);
	});
	it("refuses a custom config folder", () => {
		expect("error" in validateFolderSetting("config/x", "config")).toBe(true);
	});
	it("never lets a normalised folder contain .. (property)", () => {
		fc.assert(fc.property(fc.array(fc.constantFrom("a", "..", ".", "b c", "/", "\\"), { maxLength: 8 }), (parts) => {
			const r = validateFolderSetting(parts.join(""), ".obsidian");
			if ("folder" in r) expect(r.folder.split("/")).not.toContain("..");
		}));
	});
});

describe("normalizeVaultPath", () => {
	it("matches Obsidian's normalizePath on common inputs", () => {
		expect(normalizeVaultPath("/a\\b//c/")).toBe("a/b/c");
		expect(normalizeVaultPath("")).toBe("/");
	});
});

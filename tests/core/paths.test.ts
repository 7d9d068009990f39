import fc from "fast-check";
import { checkVaultPath, fileNameProblem, normalizeVaultPath, sanitizeNoteName, uniqueNotePath, validateConfigDir, validateFolderSetting } from "../../src/core/paths";

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

describe("the path policy (issue 11 attacks)", () => {
	it.each([
		["../outside", "outside"], ["a/../../x", "outside"], ["..\\..\\x", "outside"], ["a\\..\\..\\x", "outside"], [".. /x", "outside"],
		["/", "absolute"], ["/etc", "absolute"], ["\\\\server\\share", "absolute"], ["C:x", "absolute"], ["c:\\x", "absolute"], ["~/x", "absolute"],
		[".obsidian", "configuration"], [".obsidian/plugins/x", "configuration"], ["Notes/.git/x", "hidden"],
		["CON", "reserved"], ["nul.md", "reserved"], ["Notes/COM1", "reserved"], ["LPT9.txt", "reserved"], ["aux", "reserved"],
		["Notes.", "dot or a space"], ["Notes /x", "dot or a space"], ["a\u0000b", "control character"], ["a\nb", "control character"],
	])("refuses %j and names it", (raw, why) => {
		const r = checkVaultPath(raw, ".obsidian", "installFolder");
		expect("error" in r).toBe(true);
		if ("error" in r) {
			expect(r.error).toContain(why);
			expect(r.error).toContain("installFolder");
		}
	});
	it("accepts ordinary folders, also with spaces, Unicode and dots inside names", () => {
		for (const ok of ["ML System Design", "Prep/ML 2026", "Études/Système", "v1.2 notes/x"]) expect("path" in checkVaultPath(ok, ".obsidian")).toBe(true);
	});
	it("checks the config folder given to mlsd", () => {
		expect(validateConfigDir(".obsidian")).toEqual({ dir: ".obsidian" });
		expect(validateConfigDir(".config-x/")).toEqual({ dir: ".config-x" });
		for (const bad of ["../x", "..", ".", "/abs", "a/b", "", "CON", "x\u0000"]) expect("error" in validateConfigDir(bad)).toBe(true);
	});
	it("fuzz: 12,000 generated paths never crash, and every accepted path stays inside the vault; every rejection names its input", () => {
		const segment = fc.oneof(
			fc.constantFrom("..", ".", "", " ", "CON", "nul.md", "com1", ".obsidian", ".git", "a.", "b ", "~", "C:", "\\", "/", "\u0000", "ok", "Notes", "é", "a b", "x\ty"),
			fc.string({ maxLength: 12 }),
		);
		const pathArb = fc.oneof(
			fc.array(segment, { maxLength: 8 }).chain((parts) => fc.constantFrom("/", "\\").map((sep) => parts.join(sep))),
			fc.string({ maxLength: 60 }),
			fc.anything().map((v) => v as unknown as string),
		);
		fc.assert(fc.property(pathArb, fc.constantFrom(".obsidian", ".cfg"), (raw, configDir) => {
			const r = checkVaultPath(raw, configDir, "Setting \"x\"");
			if ("path" in r) {
				const parts = r.path.split("/");
				expect(parts.some((s) => s === ".." || s === "." || s === "" || s.startsWith("."))).toBe(false);
				expect(r.path).not.toMatch(/^[a-z]:|^[\\/~]|\\/i);
				for (const s of parts) expect(fileNameProblem(s)).toBeNull();
				expect(parts[0]).not.toBe(configDir);
			} else {
				expect(r.error).toContain("Setting \"x\"");
			}
		}), { numRuns: 12_000 });
	});
});

/**
 * Fuzz (issue 11): generated data files, records, base stores and planner
 * inputs. Nothing may throw; whatever is refused says what and where.
 * 3,000 data files, 2,500 planner inputs and 2,000 merges here, and 12,000 paths in paths.test.ts.
 */
import fc from "fast-check";
import { contentHash } from "../../src/core/hash";
import { emptyBases, planInstall, readBases, type InstallRecord, type TargetState } from "../../src/core/install";
import { baseTokens, mergeNote } from "../../src/core/merge";
import { FOLDER_KEYS, migrateData, parseDataText } from "../../src/core/settings";
import { joinPath } from "../../src/core/paths";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";

const folderish = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("../x", "a/../../b", "..\\x", "/", "C:\\x", ".obsidian", "CON", "Notes.", "ok", "ML System Design", "a\u0000b"));
const settingsArb = fc.dictionary(fc.oneof(fc.constantFrom(...FOLDER_KEYS, "mockMinutes", "newCasesPerDay", "promptFilters", "__proto__", "future"), fc.string({ maxLength: 8 })), fc.oneof(folderish, fc.anything({ maxDepth: 2, maxKeys: 4 })), { maxKeys: 6 });
const recordArb = fc.oneof(
	fc.anything({ maxDepth: 2, maxKeys: 4 }),
	fc.record({ folder: fc.oneof(folderish, fc.anything({ maxDepth: 2, maxKeys: 4 })), templateVersion: fc.anything({ maxDepth: 2, maxKeys: 4 }), files: fc.oneof(fc.dictionary(folderish, fc.oneof(fc.stringMatching(/^[0-9a-f]{1,28}$/), fc.anything({ maxDepth: 2, maxKeys: 4 })), { maxKeys: 5 }), fc.anything({ maxDepth: 2, maxKeys: 4 })), inProgress: fc.anything({ maxDepth: 2, maxKeys: 4 }) }, { requiredKeys: [] }),
);
const dataArb = fc.oneof(
	fc.anything({ maxDepth: 2, maxKeys: 4 }),
	fc.record({ schema: fc.oneof(fc.constant(1), fc.anything({ maxDepth: 2, maxKeys: 4 })), settings: fc.oneof(settingsArb, fc.anything({ maxDepth: 2, maxKeys: 4 })), install: recordArb, welcomeDone: fc.anything({ maxDepth: 2, maxKeys: 4 }), timer: fc.anything({ maxDepth: 2, maxKeys: 4 }) }, { requiredKeys: [] }),
);

describe("fuzz: data files", () => {
	it("3,000 generated data.json values and texts: no crash; every refused setting is named", () => {
		fc.assert(fc.property(dataArb, fc.string({ maxLength: 40 }), (raw, text) => {
			for (const parsed of [parseDataText(text), parseDataText(JSON.stringify(raw) ?? "")]) {
				expect("raw" in parsed || typeof parsed.error === "string").toBe(true);
			}
			const r = migrateData(raw, { configDir: ".obsidian" });
			for (const key of FOLDER_KEYS) {
				expect(typeof r.data.settings[key]).toBe("string");
				if (r.rejected?.[key] !== undefined) expect(r.warnings.some((w) => w.includes(`"${key}"`))).toBe(true);
			}
			expect(Array.isArray(r.warnings) && r.warnings.every((w) => typeof w === "string" && w.length > 0)).toBe(true);
			for (const [path, hash] of Object.entries(r.data.install.files)) {
				expect(path.split("/")).not.toContain("..");
				expect(typeof hash).toBe("string");
			}
			JSON.stringify(r.data);
			readBases(raw);
		}), { numRuns: 3000 });
	});
});

describe("fuzz: the install planner", () => {
	it("2,500 generated templates, records and vault states: no crash; every blocked note is named with a reason", () => {
		const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("", "- [ ] a\n- [x] b\n", "## My notes\nx\n", "q::a <!--SR:!2026-01-01,1,250-->\n"));
		const state: fc.Arbitrary<TargetState> = fc.oneof(
			fc.constant<TargetState>({ kind: "missing" }),
			fc.string({ maxLength: 30 }).map((reason) => ({ kind: "blocked", reason: reason || "blocked" }) as TargetState),
			text.map((t) => ({ kind: "file", text: t, hash: contentHash(t) }) as TargetState),
		);
		fc.assert(fc.property(
			fc.array(fc.tuple(folderish, text), { minLength: 1, maxLength: 6 }),
			fc.array(state, { minLength: 6, maxLength: 6 }),
			fc.boolean(), fc.boolean(), fc.boolean(),
			(files, states, useRecord, lost, recreate) => {
				const t = makeTemplate(files.map(([p, c]) => makeTemplateFile(p, c, null)));
				const existing = new Map<string, TargetState>();
				t.files.forEach((f, i) => existing.set(`F/${f.path}`.replace(/\/+/g, "/"), states[i % states.length]!));
				const record: InstallRecord = useRecord ? { folder: "F", templateVersion: "", files: Object.fromEntries(t.files.slice(0, 3).map((f) => [f.path, f.hash.slice(0, 10)])) } : { folder: "", templateVersion: "", files: {} };
				const bases = emptyBases();
				for (const f of t.files.slice(0, 2)) bases.notes[f.path] = { [f.hash.slice(0, 10)]: baseTokens(f.content + "\nold") };
				const plan = planInstall(t, "F", record, existing, { bases, recordLost: lost, recreateMissing: recreate });
				expect(plan.actions).toHaveLength(t.files.length);
				for (const a of plan.actions) {
					if (a.kind === "blocked") {
						expect(typeof a.reason).toBe("string");
						expect(a.reason!.length).toBeGreaterThan(0);
						expect(a.target).toBe(joinPath("F", a.path));
					}
					if (a.kind === "create" || a.kind === "update" || a.kind === "complete") expect(a.text).toBe(a.file.content);
					if (a.kind === "merge") expect(typeof a.text).toBe("string");
				}
			},
		), { numRuns: 2500 });
	});
	it("2,000 generated merges never throw and never drop a line the user wrote", () => {
		const lines = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "- [ ] t", "- [x] t", "## My notes", "<!--SR:!2026-01-01,1,250-->", "q::a")), { maxLength: 12 });
		fc.assert(fc.property(lines, lines, lines, (base, mine, theirs) => {
			const r = mergeNote(baseTokens(base.join("\n")), mine.join("\n"), theirs.join("\n"));
			const out = r.text ?? r.partial;
			// Lines the user wrote (not in the base) are all in the result; a tick may sit on the new version's line.
			for (const l of mine) if (l.trim() !== "" && !base.includes(l) && !/^- \[[ x]\] t$/.test(l)) expect(out).toContain(l);
		}), { numRuns: 2000 });
	});
});

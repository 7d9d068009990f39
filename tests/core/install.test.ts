import fc from "fast-check";
import { contentHash } from "../../src/core/hash";
import {
	completeJournal, EMPTY_RECORD, emptyBases, installTemplate, isTruncationOf, planInstall, RecordWriteError, summarizeCounts, UNKNOWN_BASE,
	type BaseStore, type InstallRecord, type JournalEntry, type InstallResult, type PlanOptions, type TargetState,
} from "../../src/core/install";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";
import type { EmbeddedTemplate } from "../../src/core/types";
import { MemoryVault } from "../helpers/MemoryVault";

const FOLDER = "ML System Design";
const PATHS = ["A.md", "Concepts/B.md", "Concepts/C.md", "Case studies/D.md", "Views/E.base"];

/** A note whose intro changes with every version and whose second task changes every other version. */
function body(p: string, version: number): string {
	return `---\ntype: moc\n---\n# ${p}\n\nIntro of ${p}, version ${version}.\n\nStable line one.\nStable line two.\n\n- [ ] Task A\n- [ ] Task B, revision ${Math.floor(version / 2)}\n\nThe end.\n`;
}
function template(version: number, paths = PATHS): EmbeddedTemplate {
	return makeTemplate(paths.map((p) => makeTemplateFile(p, body(p, version), { type: "moc" })));
}
const target = (p: string): string => `${FOLDER}/${p}`;

interface State {
	record: InstallRecord;
	bases: BaseStore;
	journal?: JournalEntry[];
}

/**
 * One install as the plugin runs it: journaled merges are finished first;
 * the record, bases and journal persist through the io callbacks. With
 * `crash`, the at-th note write is cut off after `keep` characters and the
 * process dies there: nothing after it is written or saved.
 */
async function run(vault: MemoryVault, t: EmbeddedTemplate, state: State, options: PlanOptions = {}, crash?: { at: number; keep: number }): Promise<InstallResult & State> {
	let record = state.record;
	let bases = state.bases;
	let journal = state.journal ?? [];
	if (journal.length > 0) {
		await completeJournal(vault, journal);
		journal = [];
	}
	let dead = false;
	const alive = (): void => {
		if (dead) throw new Error("killed");
	};
	const create = vault.create;
	const replace = vault.replace;
	if (crash) {
		let count = 0;
		const tear = (p: string, c: string): boolean => {
			if (++count !== crash.at) return false;
			vault.files.set(p, c.slice(0, crash.keep % (c.length + 1)));
			dead = true;
			return true;
		};
		vault.create = async (p, c) => {
			alive();
			if (!vault.files.has(p) && tear(p, c)) alive();
			return create.call(vault, p, c);
		};
		vault.replace = async (p, h, c) => {
			alive();
			if (vault.files.has(p) && contentHash(vault.files.get(p)!) === h && tear(p, c)) alive();
			return replace.call(vault, p, h, c);
		};
	}
	try {
		const r = await installTemplate(vault, t, FOLDER, record, {
			saveRecord: async (next) => {
				alive();
				record = next;
			},
			saveBases: async (b) => {
				alive();
				bases = b;
			},
			beforeMerges: async (entries) => {
				alive();
				journal = entries;
			},
			afterMerges: async (unfinished) => {
				alive();
				journal = unfinished;
			},
		}, { bases, ...options });
		return { ...r, record, bases, journal };
	} finally {
		vault.create = create;
		vault.replace = replace;
	}
}
const fresh = (): State => ({ record: EMPTY_RECORD, bases: emptyBases() });
const file = (text: string): TargetState => ({ kind: "file", text, hash: contentHash(text) });

describe("planInstall", () => {
	it("classifies every case", () => {
		const t = template(2);
		const old = template(1);
		const h = (p: string) => old.files.find((f) => f.path === p)!.hash;
		const record: InstallRecord = { folder: FOLDER, templateVersion: "old", files: { "A.md": h("A.md"), "Concepts/B.md": h("Concepts/B.md"), "Concepts/C.md": h("Concepts/C.md") } };
		const existing = new Map<string, TargetState>([
			[target("A.md"), file(body("A.md", 1))], // untouched since install → update
			[target("Concepts/B.md"), file("my own B")], // edited, no base stored → conflict, offered
			// C deleted by the user → keep deleted
			[target("Case studies/D.md"), file("user's D")], // user's own file, never installed → clash
			[target("Views/E.base"), file(body("Views/E.base", 2))], // already identical → unchanged
		]);
		const plan = planInstall(t, FOLDER, record, existing);
		expect(Object.fromEntries(plan.actions.map((a) => [a.path, a.kind]))).toEqual({
			"A.md": "update", "Concepts/B.md": "conflict", "Concepts/C.md": "keep-deleted",
			"Case studies/D.md": "skip-clash", "Views/E.base": "unchanged",
		});
		expect(plan.actions.find((a) => a.path === "Concepts/B.md")!.offer).toBe(true);
	});
	it("ignores a record made for another folder", () => {
		const plan = planInstall(template(1), FOLDER, { folder: "Elsewhere", templateVersion: "", files: { "A.md": "x" } }, new Map());
		expect(plan.actions.every((a) => a.kind === "create")).toBe(true);
	});
	it("blocks a shipped path the path policy refuses, naming it", () => {
		const t = makeTemplate([makeTemplateFile("../escape.md", "x", null), makeTemplateFile("CON.md", "x", null), makeTemplateFile("ok.md", "x", null)]);
		const plan = planInstall(t, FOLDER, EMPTY_RECORD, new Map());
		expect(plan.actions.map((a) => a.kind)).toEqual(["blocked", "blocked", "create"]);
		expect(plan.actions[0]!.reason).toMatch(/outside the vault/);
		expect(plan.actions[1]!.reason).toMatch(/CON\.md.*reserved/);
	});
});

describe("isTruncationOf", () => {
	it("recognises a cut-off write: a strict prefix, also ending in NUL bytes or a broken character", () => {
		const full = "# Note\n\nSome text é.\n";
		expect(isTruncationOf("", full)).toBe(true);
		expect(isTruncationOf("# Note\n\nSo", full)).toBe(true);
		expect(isTruncationOf("# Note\n\nSome text \uFFFD", full)).toBe(true);
		expect(isTruncationOf("# Note\n\0\0\0\0", full)).toBe(true);
		expect(isTruncationOf(full, full)).toBe(false);
		expect(isTruncationOf("# Note\n\nMine", full)).toBe(false);
	});
});

describe("installTemplate", () => {
	it("installs, then a second identical run writes nothing", async () => {
		const vault = new MemoryVault();
		const first = await run(vault, template(1), fresh());
		expect(first.counts).toMatchObject({ created: 5, updated: 0 });
		expect(Object.keys(first.bases.notes)).toHaveLength(5);
		const writes = vault.writes;
		const second = await run(vault, template(1), first);
		expect(second.counts).toMatchObject({ created: 0, updated: 0, merged: 0, keptEdited: 0, keptDeleted: 0, skippedClash: 0, unchanged: 5 });
		expect(vault.writes).toBe(writes);
	});

	it("updates untouched notes and merges a tick, an SR comment, My notes and a separate edit into the new version", async () => {
		const vault = new MemoryVault();
		const v1 = await run(vault, template(1), fresh());
		const a = target("A.md");
		const edited = body("A.md", 1)
			.replace("- [ ] Task A", "- [x] Task A")
			.replace("- [ ] Task B, revision 0", "- [x] Task B, revision 0 <!--SR:!2026-03-01,3,250-->")
			.replace("Stable line two.", "Stable line two, with my remark.")
			+ "\n## My notes\nAsked at my last interview.\n";
		vault.files.set(a, edited);
		const up = await run(vault, template(2), v1);
		expect(up.counts).toMatchObject({ updated: 4, merged: 1, conflicts: 0 });
		const merged = vault.files.get(a)!;
		expect(merged).toContain("Intro of A.md, version 2.");
		expect(merged).toContain("- [x] Task A");
		expect(merged).toContain("- [x] Task B, revision 1 <!--SR:!2026-03-01,3,250-->");
		expect(merged).toContain("Stable line two, with my remark.");
		expect(merged).toMatch(/\n## My notes\nAsked at my last interview\.\n$/);
		expect(up.record.files["A.md"]).toBe(template(2).files[0]!.hash);
		// Running the update again changes nothing.
		const writes = vault.writes;
		const again = await run(vault, template(2), up);
		expect(vault.writes).toBe(writes);
		expect(again.counts).toMatchObject({ merged: 0, updated: 0, keptEdited: 1 });
	});

	it("keeps the user's note untouched on a true conflict, offers the new version, and writes no markers", async () => {
		const vault = new MemoryVault();
		const v1 = await run(vault, template(1), fresh());
		const a = target("A.md");
		const mine = body("A.md", 1).replace("Intro of A.md, version 1.", "My own introduction.");
		vault.files.set(a, mine);
		const up = await run(vault, template(2), v1);
		expect(vault.files.get(a)).toBe(mine);
		const action = up.actions.find((x) => x.path === "A.md")!;
		expect(action).toMatchObject({ kind: "conflict", offer: true });
		expect(action.partial).toContain("My own introduction.");
		expect(action.partial).not.toMatch(/<<<<<<<|>>>>>>>/);
		expect(up.record.files["A.md"]).toBe(v1.record.files["A.md"]);
		// The base of the conflicting note is kept, so a later version can still merge.
		expect(up.bases.notes["A.md"]?.[v1.record.files["A.md"]!]).toBeDefined();
	});

	it("never overwrites a user's file that was there first", async () => {
		const vault = new MemoryVault({ [target("A.md")]: "mine" });
		const r = await run(vault, template(1), fresh());
		expect(r.counts.skippedClash).toBe(1);
		expect(vault.files.get(target("A.md"))).toBe("mine");
		expect(summarizeCounts(r.counts)).toMatch(/skipped 1/);
	});

	it("finishes an install a crash cut off: the in-progress record makes missing notes ours to create", async () => {
		const t = template(1);
		const vault = new MemoryVault({ [target("A.md")]: t.files[0]!.content, [target("Concepts/B.md")]: t.files[1]!.content.slice(0, 30) });
		const record: InstallRecord = { folder: FOLDER, templateVersion: "", files: {}, inProgress: t.version };
		const r = await run(vault, t, { record, bases: emptyBases() });
		expect(r.counts).toMatchObject({ created: 3, completed: 1, unchanged: 1, missing: 0 });
		for (const f of t.files) expect(vault.files.get(target(f.path))).toBe(f.content);
		expect(r.record.inProgress).toBeUndefined();
	});

	it("treats a file that exists under another letter case as the user's, and completes", async () => {
		const vault = new MemoryVault({ [target("a.md")]: "mine" });
		const create = vault.create.bind(vault);
		// A case-insensitive file system, as on macOS and Windows.
		vault.create = (path, content) => ([...vault.files.keys()].some((p) => p.toLowerCase() === path.toLowerCase()) ? Promise.reject(new Error("File already exists.")) : create(path, content));
		const r = await run(vault, template(1), fresh());
		expect(r.counts).toMatchObject({ created: 4, skippedClash: 1 });
		expect(vault.files.get(target("a.md"))).toBe("mine");
		expect(r.record.files["A.md"]).toBeUndefined();
	});

	it("isolates a failed write: the note is named, the rest completes, and the next run finishes it (every k)", async () => {
		const t = template(1);
		for (let k = 1; k <= PATHS.length; k++) {
			const vault = new MemoryVault();
			vault.failOnWrite = k;
			const r = await run(vault, t, fresh());
			expect(r.counts).toMatchObject({ created: PATHS.length - 1, failed: 1 });
			const failed = r.actions.find((a) => a.kind === "failed")!;
			expect(failed.target).toBe(target(PATHS[k - 1]!));
			expect(failed.reason).toMatch(/ENOSPC/);
			const again = await run(vault, t, r);
			expect(again.counts.created).toBe(1);
			for (const f of t.files) expect(vault.files.get(target(f.path))).toBe(f.content);
			expect(Object.keys(again.record.files)).toHaveLength(PATHS.length);
		}
	});

	it("stops before writing any note when the record cannot be saved", async () => {
		const vault = new MemoryVault();
		await expect(installTemplate(vault, template(1), FOLDER, EMPTY_RECORD, {
			saveRecord: () => Promise.reject(new Error("EACCES: permission denied")),
		})).rejects.toThrow(RecordWriteError);
		expect(vault.files.size).toBe(0);
		expect(vault.folders.size).toBe(0);
	});

	it("completes a note an interrupted write cut off instead of taking it for the user's edit", async () => {
		const vault = new MemoryVault();
		const v1 = await run(vault, template(1), fresh());
		const t2 = template(2);
		const b = t2.files[1]!;
		// Updating B was cut off half-way (a crash or a full disk), leaving NUL bytes at the end.
		vault.files.set(target(b.path), b.content.slice(0, 40) + "\0\0\0");
		const r = await run(vault, t2, v1);
		expect(r.actions.find((a) => a.path === b.path)!.kind).toBe("complete");
		expect(vault.files.get(target(b.path))).toBe(b.content);
	});

	it("never loses a save that lands between reading a note and writing it (compare-and-swap)", async () => {
		const vault = new MemoryVault();
		const v1 = await run(vault, template(1), fresh());
		const a = target("A.md");
		vault.beforeReplace = (path) => {
			if (path === a) vault.files.set(a, "saved by the user just now");
		};
		const r = await run(vault, template(2), v1);
		expect(vault.files.get(a)).toBe("saved by the user just now");
		const action = r.actions.find((x) => x.target === a)!;
		expect(action.kind).toBe("changed");
		expect(action.reason).toMatch(/changed while installing/);
		expect(r.record.files["A.md"]).toBe(v1.record.files["A.md"]);
	});

	it("names and skips a folder, a special file, an oversized or unreadable file at a note's path, and a file where a folder must be", async () => {
		const vault = new MemoryVault({ [target("Concepts")]: "a file named Concepts", [target("Case studies/D.md")]: "x".repeat(6 * 1024 * 1024) });
		vault.folders.add(target("A.md"));
		vault.special.add(target("Views/E.base"));
		const r = await run(vault, template(1), fresh());
		const by = Object.fromEntries(r.actions.map((a) => [a.path, a]));
		expect(by["A.md"]).toMatchObject({ kind: "blocked", reason: "a folder is at this path" });
		expect(by["Views/E.base"]!.reason).toMatch(/not a regular file/);
		expect(by["Case studies/D.md"]!.reason).toMatch(/larger than 5 MB/);
		expect(by["Concepts/B.md"]).toMatchObject({ kind: "failed" });
		expect(by["Concepts/B.md"]!.reason).toMatch(/"ML System Design\/Concepts" is a file/);
		expect(vault.files.get(target("Concepts"))).toBe("a file named Concepts");
		const unreadable = new MemoryVault();
		unreadable.fault = (op, path) => (op === "read" && path.endsWith("B.md") ? new Error("EIO: i/o error") : null);
		await run(unreadable, template(1), fresh());
		unreadable.files.set(target("Concepts/B.md"), "x");
		const r2 = await run(unreadable, template(1), fresh());
		expect(r2.actions.find((a) => a.path === "Concepts/B.md")).toMatchObject({ kind: "blocked", reason: "could not be read: EIO: i/o error" });
	});

	it("after a lost record: rebuilds it from the notes, keeps deleted notes deleted, recreates them only when asked", async () => {
		const vault = new MemoryVault();
		const t1 = template(1);
		const v1 = await run(vault, t1, fresh());
		vault.files.delete(target("Concepts/C.md")); // deleted by the user
		vault.files.set(target("A.md"), body("A.md", 1).replace("Stable line one.", "Stable line one, mine."));
		// The record is lost (torn data.json); the stored bases survive.
		const t2 = template(2);
		const r = await run(vault, t2, { record: EMPTY_RECORD, bases: v1.bases }, { recordLost: true });
		expect(r.plan.rebuilt).toBe(true);
		expect(vault.files.has(target("Concepts/C.md"))).toBe(false);
		expect(r.counts).toMatchObject({ missing: 1, merged: 1, updated: 3 });
		expect(vault.files.get(target("A.md"))).toContain("Stable line one, mine.");
		expect(vault.files.get(target("A.md"))).toContain("version 2");
		expect(r.record.files["Concepts/C.md"]).toBe(UNKNOWN_BASE);
		// The next run trusts the rebuilt record: the missing note stays deleted.
		const next = await run(vault, t2, r);
		expect(next.counts.keptDeleted).toBe(1);
		expect(vault.files.has(target("Concepts/C.md"))).toBe(false);
		// Asked to, it recreates it.
		const { [`Concepts/C.md`]: _gone, ...rest } = next.record.files;
		void _gone;
		const asked = await run(vault, t2, { record: { ...next.record, files: rest }, bases: next.bases });
		expect(asked.counts.created).toBe(1);
	});

	it("after a lost record and lost bases: keeps notes it cannot recognise and offers the new version", async () => {
		const vault = new MemoryVault();
		await run(vault, template(1), fresh());
		vault.files.set(target("A.md"), "my rewritten A");
		vault.files.delete(target("Concepts/B.md"));
		const r = await run(vault, template(2), fresh(), { recordLost: true });
		expect(r.plan.rebuilt).toBe(true);
		expect(vault.files.get(target("A.md"))).toBe("my rewritten A");
		expect(r.actions.find((a) => a.path === "A.md")).toMatchObject({ kind: "conflict", offer: true });
		expect(r.counts.missing).toBe(1);
		expect(vault.files.has(target("Concepts/B.md"))).toBe(false);
	});
});

// Model-based property test: random sequences of user actions, template
// upgrades and interrupted writes never lose a user byte or bring back a
// deleted note; every shipped change that does not overlap an edit lands;
// re-running is a no-op.
type Op =
	| { op: "install" }
	| { op: "edit"; i: number; line: number }
	| { op: "tick"; i: number }
	| { op: "delete"; i: number }
	| { op: "clash"; i: number; text: string }
	| { op: "upgrade" }
	| { op: "add-file" }
	| { op: "crash"; at: number; keep: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.constant<Op>({ op: "install" }),
	fc.record({ op: fc.constant("edit" as const), i: fc.nat(7), line: fc.nat(14) }),
	fc.record({ op: fc.constant("tick" as const), i: fc.nat(7) }),
	fc.record({ op: fc.constant("delete" as const), i: fc.nat(7) }),
	fc.record({ op: fc.constant("clash" as const), i: fc.nat(7), text: fc.string({ minLength: 1, maxLength: 20 }) }),
	fc.constant<Op>({ op: "upgrade" }),
	fc.constant<Op>({ op: "add-file" }),
	fc.record({ op: fc.constant("crash" as const), at: fc.integer({ min: 1, max: 5 }), keep: fc.nat(200) }),
);

describe("install lifecycle (property)", () => {
	it("loses no user byte over 300 random sequences, keeps deletions, and repeats are no-ops", async () => {
		let n = 0;
		await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 20 }), async (ops) => {
			const vault = new MemoryVault();
			let state = fresh();
			let version = 1;
			let paths = PATHS.slice(0, 3);
			const clashes = new Map<string, string>(); // vault path → the user's own file
			const userLines = new Map<string, Set<string>>(); // vault path → lines the user added
			const deleted = new Set<string>();
			let crash: { at: number; keep: number } | null = null;
			for (const step of [...ops, { op: "install" } as Op]) {
				const pathAt = (i: number) => target(paths[i % paths.length]!);
				if (step.op === "install") {
					const t = template(version, paths);
					if (crash) {
						// The run dies mid-write: what it saved before (the in-progress record, the journal) is what the next run finds.
						const r = await run(vault, t, state, {}, crash);
						state = { record: r.record, bases: r.bases, journal: r.journal };
						crash = null;
					}
					const last = await run(vault, t, state);
					state = last;
					for (const [p, text] of clashes) expect(vault.files.get(p)).toBe(text);
					for (const p of deleted) expect(vault.files.has(p)).toBe(false);
					for (const [p, lines] of userLines) {
						const text = vault.files.get(p);
						if (text !== undefined) for (const l of lines) expect(text).toContain(l);
					}
					for (const f of t.files) {
						const p = target(f.path);
						if (!clashes.has(p) && !deleted.has(p) && !userLines.has(p)) expect(vault.files.get(p)).toBe(f.content);
						// A note the user edited away from the shipped lines gets every non-overlapping change: here the intro line.
						const a = last.actions.find((x) => x.target === p)!;
						if (a.kind === "merge") expect(vault.files.get(p)).toContain(`version ${version}.`);
					}
					const writes = vault.writes;
					const again = await run(vault, t, state);
					expect(vault.writes).toBe(writes);
					expect(again.counts.created + again.counts.updated + again.counts.merged).toBe(0);
					state = again;
				} else if (step.op === "edit" || step.op === "tick") {
					const p = pathAt(step.i);
					const text = vault.files.get(p);
					if (text !== undefined && !clashes.has(p)) {
						const lines = text.split("\n");
						if (step.op === "edit") {
							const mine = `My line ${n++}`;
							lines.splice(Math.min(step.line, lines.length - 1), 0, mine);
							(userLines.get(p) ?? userLines.set(p, new Set()).get(p)!).add(mine);
						} else {
							const i = lines.findIndex((l) => l.startsWith("- [ ] Task A"));
							if (i >= 0) lines[i] = lines[i]!.replace("- [ ]", "- [x]");
							if (i >= 0) (userLines.get(p) ?? userLines.set(p, new Set()).get(p)!).add("- [x] Task A");
						}
						vault.files.set(p, lines.join("\n"));
					}
				} else if (step.op === "delete") {
					const p = pathAt(step.i);
					if (vault.files.has(p)) {
						vault.files.delete(p);
						clashes.delete(p);
						userLines.delete(p);
						// Only a shipped note the plugin installed counts as "deleted by the user";
						// deleting one's own clashing file frees the path for the shipped note.
						if (state.record.files[p.slice(FOLDER.length + 1)] !== undefined) deleted.add(p);
					}
				} else if (step.op === "clash") {
					const p = pathAt(step.i);
					if (!vault.files.has(p) && !deleted.has(p) && state.record.files[p.slice(FOLDER.length + 1)] === undefined) {
						vault.files.set(p, step.text);
						clashes.set(p, step.text);
					}
				} else if (step.op === "upgrade") version++;
				else if (step.op === "add-file" && paths.length < PATHS.length) paths = PATHS.slice(0, paths.length + 1);
				else if (step.op === "crash") crash = { at: step.at, keep: step.keep };
			}
		}), { numRuns: 300 });
	}, 120_000);
});

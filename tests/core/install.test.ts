import fc from "fast-check";
import { EMPTY_RECORD, installTemplate, InstallWriteError, planInstall, summarizeCounts, type InstallRecord } from "../../src/core/install";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";
import type { EmbeddedTemplate } from "../../src/core/types";
import { MemoryVault } from "../helpers/MemoryVault";

const FOLDER = "ML System Design";
const PATHS = ["A.md", "Concepts/B.md", "Concepts/C.md", "Case studies/D.md", "Views/E.base"];

function template(version: number, paths = PATHS): EmbeddedTemplate {
	return makeTemplate(paths.map((p) => makeTemplateFile(p, `---\ntype: moc\n---\n${p} v${version}\n`, { type: "moc" })));
}
const target = (p: string): string => `${FOLDER}/${p}`;

async function run(vault: MemoryVault, t: EmbeddedTemplate, record: InstallRecord): Promise<{ record: InstallRecord; counts: ReturnType<typeof summarize> }> {
	let saved = record;
	const r = await installTemplate(vault, t, FOLDER, record, async (next) => {
		saved = next;
	});
	return { record: saved, counts: summarize(r.counts) };
}
const summarize = (c: { created: number; updated: number; keptEdited: number; keptDeleted: number; skippedClash: number }) => c;

describe("planInstall", () => {
	it("classifies every case", () => {
		const t = template(2);
		const h = (p: string) => t.files.find((f) => f.path === p)!.hash;
		const record: InstallRecord = { folder: FOLDER, templateVersion: "old", files: { "A.md": "old-a", "Concepts/B.md": "old-b", "Concepts/C.md": "old-c" } };
		const existing = new Map([
			[target("A.md"), "old-a"], // untouched since install → update
			[target("Concepts/B.md"), "user-b"], // edited → keep
			// C deleted by the user → keep deleted
			[target("Case studies/D.md"), "user-d"], // user's own file, never installed → clash
			[target("Views/E.base"), h("Views/E.base")], // already identical → unchanged
		]);
		const plan = planInstall(t, FOLDER, record, existing);
		expect(Object.fromEntries(plan.actions.map((a) => [a.path, a.kind]))).toEqual({
			"A.md": "update", "Concepts/B.md": "keep-edited", "Concepts/C.md": "keep-deleted",
			"Case studies/D.md": "skip-clash", "Views/E.base": "unchanged",
		});
	});
	it("ignores a record made for another folder", () => {
		const plan = planInstall(template(1), FOLDER, { folder: "Elsewhere", templateVersion: "", files: { "A.md": "x" } }, new Map());
		expect(plan.actions.every((a) => a.kind === "create")).toBe(true);
	});
});

describe("installTemplate", () => {
	it("installs, then a second identical run writes nothing", async () => {
		const vault = new MemoryVault();
		const first = await run(vault, template(1), EMPTY_RECORD);
		expect(first.counts).toMatchObject({ created: 5, updated: 0 });
		const writes = vault.writes;
		const second = await run(vault, template(1), first.record);
		expect(second.counts).toMatchObject({ created: 0, updated: 0, keptEdited: 0, keptDeleted: 0, skippedClash: 0 });
		expect(vault.writes).toBe(writes);
	});

	it("updates untouched notes and keeps edited ones after a template upgrade", async () => {
		const vault = new MemoryVault();
		const { record } = await run(vault, template(1), EMPTY_RECORD);
		vault.files.set(target("A.md"), "my notes");
		const up = await run(vault, template(2), record);
		expect(up.counts).toMatchObject({ updated: 4, keptEdited: 1 });
		expect(vault.files.get(target("A.md"))).toBe("my notes");
		expect(vault.files.get(target("Concepts/B.md"))).toContain("v2");
	});

	it("never overwrites a user's file that was there first", async () => {
		const vault = new MemoryVault({ [target("A.md")]: "mine" });
		const r = await run(vault, template(1), EMPTY_RECORD);
		expect(r.counts.skippedClash).toBe(1);
		expect(vault.files.get(target("A.md"))).toBe("mine");
		expect(summarizeCounts({ ...r.counts, unchanged: 0 })).toMatch(/skipped 1/);
	});

	it("adopts files that already match the template (a crash after writing, or a copied vault)", async () => {
		const t = template(1);
		const vault = new MemoryVault({ [target("A.md")]: t.files[0]!.content });
		const r = await run(vault, t, EMPTY_RECORD);
		expect(r.counts.created).toBe(4);
		expect(r.record.files["A.md"]).toBe(t.files[0]!.hash);
	});

	it("treats a file that exists under another letter case as the user's, and completes", async () => {
		const vault = new MemoryVault({ [target("a.md")]: "mine" });
		const create = vault.create.bind(vault);
		// A case-insensitive file system, as on macOS and Windows.
		vault.create = (path, content) => ([...vault.files.keys()].some((p) => p.toLowerCase() === path.toLowerCase()) ? Promise.reject(new Error("File already exists.")) : create(path, content));
		const r = await run(vault, template(1), EMPTY_RECORD);
		expect(r.counts).toMatchObject({ created: 4, skippedClash: 1 });
		expect(vault.files.get(target("a.md"))).toBe("mine");
		expect(r.record.files["A.md"]).toBeUndefined();
	});

	it("stops on a failed write naming the file, and the next run completes (every k)", async () => {
		const t = template(1);
		for (let k = 1; k <= PATHS.length; k++) {
			const vault = new MemoryVault();
			vault.failOnWrite = k;
			let saved: InstallRecord = EMPTY_RECORD;
			await expect(installTemplate(vault, t, FOLDER, EMPTY_RECORD, async (r) => {
				saved = r;
			})).rejects.toThrow(InstallWriteError);
			expect(vault.files.size).toBe(k - 1);
			const again = await run(vault, t, saved);
			expect(again.counts.created).toBe(PATHS.length - (k - 1));
			for (const f of t.files) expect(vault.files.get(target(f.path))).toBe(f.content);
			expect(Object.keys(again.record.files)).toHaveLength(PATHS.length);
		}
	});
});

// Model-based property test: random sequences of user actions and template
// upgrades never lose or overwrite a user byte, and re-running is a no-op.
type Op =
	| { op: "install" }
	| { op: "edit"; i: number; text: string }
	| { op: "delete"; i: number }
	| { op: "clash"; i: number; text: string }
	| { op: "upgrade" }
	| { op: "add-file" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.constant<Op>({ op: "install" }),
	fc.record({ op: fc.constant("edit" as const), i: fc.nat(7), text: fc.string({ minLength: 1, maxLength: 20 }) }),
	fc.record({ op: fc.constant("delete" as const), i: fc.nat(7) }),
	fc.record({ op: fc.constant("clash" as const), i: fc.nat(7), text: fc.string({ minLength: 1, maxLength: 20 }) }),
	fc.constant<Op>({ op: "upgrade" }),
	fc.constant<Op>({ op: "add-file" }),
);

describe("install lifecycle (property)", () => {
	it("loses no user byte over 1,000 random sequences, and repeats are no-ops", async () => {
		await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
			const vault = new MemoryVault();
			let record: InstallRecord = EMPTY_RECORD;
			let version = 1;
			let paths = PATHS.slice(0, 3);
			const userOwned = new Map<string, string>(); // vault path → the user's bytes
			const userDeleted = new Set<string>();
			for (const step of [...ops, { op: "install" } as Op]) {
				const pathAt = (i: number) => target(paths[i % paths.length]!);
				if (step.op === "install") {
					const t = template(version, paths);
					record = (await run(vault, t, record)).record;
					for (const [p, text] of userOwned) expect(vault.files.get(p)).toBe(text);
					for (const p of userDeleted) if (!userOwned.has(p)) expect(vault.files.has(p)).toBe(false);
					for (const f of t.files) {
						const p = target(f.path);
						if (!userOwned.has(p) && !userDeleted.has(p)) expect(vault.files.get(p)).toBe(f.content);
					}
					const writes = vault.writes;
					const again = await run(vault, t, record);
					expect(vault.writes).toBe(writes);
					expect(again.counts.created + again.counts.updated).toBe(0);
					record = again.record;
				} else if (step.op === "edit") {
					const p = pathAt(step.i);
					if (vault.files.has(p)) {
						vault.files.set(p, step.text);
						userOwned.set(p, step.text);
					}
				} else if (step.op === "delete") {
					const p = pathAt(step.i);
					if (vault.files.has(p)) {
						vault.files.delete(p);
						userOwned.delete(p);
						// Only a shipped note the plugin installed counts as "deleted by the user";
						// deleting one's own clashing file frees the path for the shipped note.
						if (record.files[p.slice(FOLDER.length + 1)] !== undefined) userDeleted.add(p);
					}
				} else if (step.op === "clash") {
					const p = pathAt(step.i);
					if (!vault.files.has(p)) {
						vault.files.set(p, step.text);
						userOwned.set(p, step.text);
						userDeleted.delete(p);
					}
				} else if (step.op === "upgrade") version++;
				else if (step.op === "add-file" && paths.length < PATHS.length) paths = PATHS.slice(0, paths.length + 1);
			}
		}), { numRuns: 1000 });
	});
});

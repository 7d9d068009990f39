import { runDoctor, type DoctorFile, type DoctorPorts } from "../../src/core/doctor";
import { parseYaml } from "../../src/cli/frontmatter";

const ports: DoctorPorts = { parseYaml };
const rules = async (files: DoctorFile[]) => (await runDoctor(files, ports)).issues.map((i) => `${i.path}:${i.line ?? "-"}:${i.rule}`);

const moc = (body: string, extra = "") => `---\ntags: [mlsd/moc]\n${extra}---\n${body}\n`;

describe("runDoctor", () => {
	it("passes a small valid vault", async () => {
		expect(await rules([
			{ path: "A.md", text: moc("[[B]] and [[B#Part]]") },
			{ path: "B.md", text: moc("## Part\n[[A]]") },
		])).toEqual([]);
	});
	it("reports orphans, duplicate names and aliases that shadow other notes", async () => {
		expect(await rules([
			{ path: "A.md", text: moc("[[B]]", "aliases:\n  - B\n") },
			{ path: "B.md", text: moc("[[A]]") },
			{ path: "x/B.md", text: moc("") },
			{ path: "Lonely.md", text: moc("") },
		])).toEqual(["A.md:3:alias", "Lonely.md:-:orphan", "x/B.md:-:duplicate-name", "x/B.md:-:orphan"]);
	});
	it("checks concept notes against the contract", async () => {
		const concept = "---\ntags: [mlsd/concept]\ncategory: metric\n---\nShort.\n## How it works\n## Flashcards\nQ::A\n";
		const out = await rules([{ path: "C.md", text: concept }, { path: "M.md", text: moc("[[C]]") }]);
		expect(out).toEqual(expect.arrayContaining(["C.md:5:section", "C.md:5:length", "C.md:5:flashcards", "C.md:5:links"]));
	});
	it("reports wrong property values at their line", async () => {
		const out = await runDoctor([{ path: "S.md", text: "---\ntags: [mlsd/case-study]\ndomain: cooking\ndifficulty: medium\nprompts: []\n---\n" }], ports);
		expect(out.issues.filter((i) => i.rule === "properties").map((i) => [i.line, i.message])).toEqual([
			[3, expect.stringContaining("\"domain\" is \"cooking\"")],
			[5, expect.stringContaining("\"prompts\" must be a list")],
		]);
	});
	it("finds a paragraph repeated across notes", async () => {
		const para = "This paragraph is long enough to count as prose because it has well over twenty five words in it, and it says the same thing in two notes, which the vault must not do.";
		expect(await rules([
			{ path: "A.md", text: moc(`[[B]]\n\n${para}`) },
			{ path: "B.md", text: moc(`[[A]]\n\n${para}`) },
		])).toEqual(["B.md:-:duplicate-paragraph"]);
	});
	it("validates bases and canvases", async () => {
		const out = await rules([
			{ path: "V.base", text: "views:\n  - type: spreadsheet\n    name: X\n" },
			{ path: "F.canvas", text: JSON.stringify({ nodes: [{ id: "a", type: "text", text: "[[Nope]]", x: 0, y: 0, width: 1, height: 1 }], edges: [{ id: "e", fromNode: "a", toNode: "b" }] }) },
		]);
		expect(out.sort()).toEqual(["F.canvas:1:broken-link", "F.canvas:1:canvas", "V.base:1:base"]);
	});
});

describe("runDoctor on a user's vault (content standard for shipped notes only)", () => {
	const SHIPPED = new Set(["Shipped/A.md", "Shipped/B.md"]);
	const run = (files: DoctorFile[]) => runDoctor(files, ports, { standard: SHIPPED });
	const view = (issues: { path: string; rule: string; severity?: string }[]) => issues.map((i) => `${i.path}:${i.rule}:${i.severity ?? "error"}`);
	const shipped = [
		{ path: "Shipped/A.md", text: moc("[[B]]") },
		{ path: "Shipped/B.md", text: moc("[[A]]") },
	];

	it("does not hold a short personal note to the shipped standard, and practice notes are not orphans", async () => {
		const r = await run([
			...shipped,
			{ path: "Mine/Case.md", text: "---\ntags: [mlsd/case-study]\ndomain: marketplace\ndifficulty: Hard\nprompts: [Design a matching system.]\n---\nShort.\n" },
			{ path: "Practice/P.md", text: "---\ntags: [mlsd/practice]\ncase: \"[[Case]]\"\ndate: 2026-01-20\n---\n" },
		]);
		expect(view(r.issues)).toEqual([]);
		expect(r.summary).toMatchObject({ notes: 4, shipped: 2, errors: 0 });
	});

	it("errors only for what breaks a command; the rest of a personal note is a warning", async () => {
		const r = await run([
			...shipped,
			{ path: "Mine/Case.md", text: "---\ntags: [mlsd/case-study, mlsd/domain/recsys]\ndomain: marketplace\ndifficulty: medium\nprompts: [Design ...]\n---\n[[Nowhere]]\n" },
			{ path: "Mine/Step.md", text: "---\ntags: [mlsd/checklist]\nstep: eight\n---\n" },
			{ path: "Mine/Bad yaml.md", text: "---\ntags: [mlsd/concept\n---\n" },
			{ path: "Mine/Not ours.md", text: "---\ntags: [unclosed\n---\n[[Nowhere]]\n" },
		]);
		expect(view(r.issues).sort()).toEqual([
			"Mine/Bad yaml.md:frontmatter:error",
			"Mine/Case.md:broken-link:warning",
			"Mine/Case.md:domain-tag:warning",
			"Mine/Case.md:prompts:warning",
			"Mine/Step.md:properties:error",
		]);
		expect(r.issues.find((i) => i.rule === "domain-tag")?.message).toMatch(/"domain: marketplace" wins over the tag mlsd\/domain\/recsys/);
		expect(r.issues.find((i) => i.rule === "prompts")?.message).toMatch(/Never drawn: the "prompts" are still the template's placeholders/);
	});

	it("a broken link inside a shipped note is an error; links from notes that are not ours keep shipped notes from being orphans", async () => {
		const r = await run([
			{ path: "Shipped/A.md", text: moc("[[Gone]]") },
			{ path: "Shipped/B.md", text: moc("") },
			{ path: "Diary.md", text: "Today I read [[A]] and [[B]].\n" },
		]);
		expect(view(r.issues)).toEqual(["Shipped/A.md:broken-link:error"]);
	});

	it("ignores a note with only a type: of ours, and mentions it as info", async () => {
		const r = await run([...shipped, { path: "Philosophy/Being.md", text: "---\ntype: concept\n---\nShort, no links, no cards.\n" }]);
		expect(view(r.issues)).toEqual(["Philosophy/Being.md:untagged:info"]);
		expect(r.summary).toMatchObject({ notes: 2, untagged: 1, errors: 0 });
	});

	it("reports a canvas that is null, a list, or holds null nodes, and a malformed base, without crashing", async () => {
		for (const text of ["null", "[]", "7", "{\"nodes\":[null,{\"id\":1}],\"edges\":[null]}"]) {
			const r = await run([...shipped, { path: "Shipped/V.canvas", text }]);
			expect(r.issues.some((i) => i.path === "Shipped/V.canvas" && i.rule === "canvas")).toBe(true);
		}
		for (const text of ["null", "views: [unclosed", "- a\n- b\n", "views:\n  - null\n", "filters: 3\nviews:\n  - {type: table, name: T}\n"]) {
			const r = await run([...shipped, { path: "Mine/V.base", text }]);
			expect(r.issues.filter((i) => i.path === "Mine/V.base").map((i) => `${i.rule}:${i.severity}`)).toEqual(expect.arrayContaining(["base:info"]));
			expect(r.summary.errors).toBe(0);
		}
	});
});

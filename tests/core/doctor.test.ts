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

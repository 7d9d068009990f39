import { mlsd, treeHash } from "../helpers/cli";

const FIXTURE = "tests/fixtures/broken-vault";

describe("mlsd doctor", () => {
	it("reports each problem with file and line, exits 1 and changes nothing", () => {
		const before = treeHash(FIXTURE);
		const r = mlsd("doctor", FIXTURE, "--strict");
		expect(r.code).toBe(1);
		const lines = r.stdout.split("\n");
		expect(lines).toEqual(expect.arrayContaining([
			expect.stringMatching(/^Malformed\.md:3: \[frontmatter\] The properties are not valid YAML/),
			expect.stringMatching(/^Links\.md:6: \[broken-link\] \[\[Missing note\]\]/),
			expect.stringMatching(/^Links\.md:7: \[broken-heading-link\] \[\[Target#No such heading\]\]/),
			expect.stringMatching(/^Diagram\.md:10: \[diagram\] The Mermaid diagram does not parse/),
		]));
		expect(r.stdout).toContain("4 problems found.");
		expect(treeHash(FIXTURE)).toBe(before);
	});
	it("prints a machine-readable report with --json", () => {
		const r = mlsd("doctor", FIXTURE, "--json", "--strict");
		const report = JSON.parse(r.stdout) as { summary: { notes: number; diagrams: number }; issues: { path: string; line: number; rule: string }[] };
		// Malformed.md is named, but a note whose properties do not parse is not counted as one of ours.
		expect(report.summary).toMatchObject({ notes: 3, diagrams: 1 });
		expect(report.issues.map((i) => `${i.path}:${i.line}:${i.rule}`).sort()).toEqual([
			"Diagram.md:10:diagram", "Links.md:6:broken-link", "Links.md:7:broken-heading-link", "Malformed.md:3:frontmatter",
		]);
	});
	it("explains a missing folder and bad usage", () => {
		expect(mlsd("doctor", "no/such/folder")).toMatchObject({ code: 1, stderr: expect.stringContaining("is not a folder") });
		expect(mlsd("frobnicate").code).toBe(2);
	});
});

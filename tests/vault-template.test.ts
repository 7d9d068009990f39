/** The shipped vault is part of the product: every rule of the content contract holds. */
import { mlsd } from "./helpers/cli";

interface Report {
	summary: { notes: number; byType: Record<string, number>; diagrams: number; links: number; words: number };
	issues: { path: string; line: number | null; rule: string; message: string }[];
}

let report: Report;
beforeAll(() => {
	const r = mlsd("doctor", "vault-template", "--json");
	report = JSON.parse(r.stdout) as Report;
});

describe("vault-template", () => {
	it("passes every doctor check: schema, sections, lengths, links, heading links, orphans, diagrams, bases, canvas", () => {
		expect(report.issues.map((i) => `${i.path}:${i.line ?? ""} [${i.rule}] ${i.message}`)).toEqual([]);
	});
	it("has exactly seven framework steps and the promised amount of content", () => {
		const t = report.summary.byType;
		expect(t["framework-step"]).toBe(7);
		expect(t.concept).toBeGreaterThanOrEqual(80);
		expect(t["case-study"]).toBeGreaterThanOrEqual(3);
		expect(t.template).toBeGreaterThanOrEqual(3);
		expect(t.checklist).toBeGreaterThanOrEqual(1);
		expect(report.summary.diagrams).toBeGreaterThanOrEqual(t["case-study"]!);
	});
});

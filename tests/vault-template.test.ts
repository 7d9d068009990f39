/** The shipped vault is part of the product: every rule of the content contract holds, in the promised amount. */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { parseFrontmatter } from "../src/cli/frontmatter";
import { mlsd } from "./helpers/cli";

interface Report {
	summary: { notes: number; byType: Record<string, number>; diagrams: number; links: number; words: number };
	issues: { path: string; line: number | null; rule: string; message: string }[];
}

function notes(dir = "vault-template"): { path: string; data: Record<string, unknown> }[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		if (statSync(p).isDirectory()) return notes(p);
		if (!p.endsWith(".md")) return [];
		const r = parseFrontmatter(readFileSync(p, "utf8"));
		return "data" in r && r.data ? [{ path: p, data: r.data }] : [];
	});
}

let report: Report;
beforeAll(() => {
	report = JSON.parse(mlsd("doctor", "vault-template", "--json").stdout) as Report;
});

describe("vault-template", () => {
	it("passes every doctor check: schema, sections, lengths, links, heading links, orphans, diagrams, repeats, bases, canvas", () => {
		expect(report.issues.map((i) => `${i.path}:${i.line ?? ""} [${i.rule}] ${i.message}`)).toEqual([]);
	});

	it("has the framework, concepts, templates and maps", () => {
		const t = report.summary.byType;
		expect(t["framework-step"]).toBe(7);
		expect(t.concept).toBeGreaterThanOrEqual(160);
		expect(t.template).toBeGreaterThanOrEqual(3);
		expect(t.checklist).toBeGreaterThanOrEqual(1);
		expect(t.moc).toBeGreaterThanOrEqual(5);
		expect(t.twist).toBeGreaterThanOrEqual(3);
	});

	it("has twist notes that each fit a shipped domain or any, with a model answer", () => {
		const twists = notes().filter((n) => n.data.type === "twist");
		for (const t of twists) {
			const fits = Array.isArray(t.data.fits) ? t.data.fits : [t.data.fits];
			expect(fits.length).toBeGreaterThan(0);
			for (const f of fits) expect(["any", "recsys", "search", "ads", "vision", "nlp", "genai", "trust-safety", "fraud-risk", "forecasting", "maps-logistics", "speech", "infra"]).toContain(f);
		}
	});

	it("covers every concept category", () => {
		const categories = new Set(notes().filter((n) => n.data.type === "concept").map((n) => n.data.category));
		expect([...categories].sort()).toEqual([
			"data", "evaluation", "genai", "infra", "interview-craft", "metric", "model", "monitoring", "responsible-ai", "serving", "training",
		]);
	});

	it("has at least 18 classic cases across 8 domains and 14 generative-AI cases, each with a diagram", () => {
		const cases = notes().filter((n) => n.data.type === "case-study");
		const classic = cases.filter((c) => c.data.domain !== "genai");
		expect(classic.length).toBeGreaterThanOrEqual(18);
		expect(new Set(classic.map((c) => c.data.domain)).size).toBeGreaterThanOrEqual(8);
		expect(cases.length - classic.length).toBeGreaterThanOrEqual(14);
		expect(report.summary.diagrams).toBeGreaterThanOrEqual(cases.length);
		for (const c of cases) expect((c.data.prompts as string[]).length).toBeGreaterThanOrEqual(3);
	});

	it("tags every note with the nested tags the contract names", () => {
		const missing: string[] = [];
		for (const n of notes()) {
			const tags = (n.data.tags as string[] | undefined) ?? [];
			const need =
				n.data.type === "case-study" ? ["mlsd/case-study", `mlsd/domain/${String(n.data.domain)}`]
				: n.data.type === "concept" ? ["mlsd/concept", `mlsd/concept/${String(n.data.category)}`]
				: n.data.type === "framework-step" ? ["mlsd/framework-step"]
				: n.data.type === "moc" ? ["mlsd/moc"]
				: n.data.type === "twist" ? ["mlsd/twist"] : [];
			for (const t of need) if (!tags.includes(t)) missing.push(`${n.path}: ${t}`);
		}
		expect(missing).toEqual([]);
	});

	it("budgets the seven steps to a 45-minute interview", () => {
		const steps = notes().filter((n) => n.data.type === "framework-step").sort((a, b) => (a.data.step as number) - (b.data.step as number));
		expect(steps.map((s) => s.data.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(steps.reduce((n, s) => n + (s.data.minutes as number), 0)).toBe(45);
	});
});

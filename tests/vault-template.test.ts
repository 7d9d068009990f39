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

/** The content standard of the two breadth and depth issues, read straight from the note text. */
describe("vault-template content standard", () => {
	const SHIPPED_DOMAINS = ["recsys", "search", "ads", "vision", "nlp", "genai", "trust-safety", "fraud-risk", "forecasting", "maps-logistics", "speech", "infra"];
	const text = (p: string): string => readFileSync(p, "utf8");
	const section = (t: string, heading: string): string | null => {
		const lines = t.split("\n");
		const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
		if (start < 0) return null;
		const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
		return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
	};
	const diagrams = (t: string): number => (t.match(/^```mermaid\s*$/gm) ?? []).length;
	const cases = () => notes().filter((n) => n.data.type === "case-study");

	it("has at least 70 cases, every shipped domain at least 4 and infra at least 5", () => {
		const all = cases();
		expect(all.length).toBeGreaterThanOrEqual(70);
		const byDomain = new Map<string, number>();
		for (const c of all) byDomain.set(String(c.data.domain), (byDomain.get(String(c.data.domain)) ?? 0) + 1);
		const short = SHIPPED_DOMAINS.filter((d) => (byDomain.get(d) ?? 0) < (d === "infra" ? 5 : 4));
		expect(short).toEqual([]);
	});

	it("gives every case a timed 45-minute path, adjacent problems, further reading and two diagrams", () => {
		const problems: string[] = [];
		for (const c of cases()) {
			const t = text(c.path);
			const path45 = section(t, "In 45 minutes");
			const items = path45 ? path45.split("\n").filter((l) => /^\d+\.\s/.test(l)) : [];
			if (items.length < 5 || items.length > 9) problems.push(`${c.path}: ${items.length} lines in "In 45 minutes"`);
			if (items.some((l) => !/\d+\s*(?:[-–]\s*\d+\s*)?min/.test(l))) problems.push(`${c.path}: a line without a minute mark`);
			if (path45 && path45.split(/\s+/).filter(Boolean).length > 450) problems.push(`${c.path}: "In 45 minutes" over 450 words`);
			const adjacent = section(t, "Adjacent problems") ?? "";
			const adjacentItems = Math.max((adjacent.match(/^\s*[-*]\s/gm) ?? []).length, (adjacent.match(/^\*\*/gm) ?? []).length);
			if (adjacentItems < 3) problems.push(`${c.path}: ${adjacentItems} adjacent problems`);
			const reading = section(t, "Further reading") ?? "";
			const refs = (reading.match(/^\s*(?:[-*]|\d+\.)\s/gm) ?? []).length;
			if (refs < 3) problems.push(`${c.path}: ${refs} further reading items`);
			if (diagrams(t) < 2) problems.push(`${c.path}: ${diagrams(t)} diagrams`);
		}
		expect(problems).toEqual([]);
	});

	it("draws a diagram in every framework step and at least 180 in the vault", () => {
		const steps = notes().filter((n) => n.data.type === "framework-step");
		expect(steps.filter((s) => diagrams(text(s.path)) < 1).map((s) => s.path)).toEqual([]);
		expect(report.summary.diagrams).toBeGreaterThanOrEqual(180);
	});

	it("has at least 195 concepts that meet the concept rule", () => {
		const concepts = notes().filter((n) => n.data.type === "concept");
		const meeting = concepts.filter((c) => {
			const t = text(c.path);
			const body = t.replace(/^---[\s\S]*?\n---\n/, "");
			const cards = (section(t, "Flashcards") ?? "").split("\n").filter((l) => l.includes("::"));
			return body.split(/\s+/).filter(Boolean).length >= 250 && cards.length >= 1 && section(t, "See also") !== null;
		});
		expect(concepts.length - meeting.length).toBe(0);
		expect(meeting.length).toBeGreaterThanOrEqual(195);
	});

	it("logs a review of every shipped note in docs/content-review", () => {
		const reviewed = new Set<string>();
		for (const f of readdirSync("docs/content-review")) {
			for (const line of readFileSync(join("docs/content-review", f), "utf8").split("\n")) {
				if (line.startsWith("### ")) reviewed.add(line.slice(4).trim().replace(/`/g, "").replace(/\.md$/, "").toLowerCase());
			}
		}
		const all = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? all(join(dir, n)) : n.endsWith(".md") ? [n.slice(0, -3)] : []));
		expect(all("vault-template").filter((n) => !reviewed.has(n.toLowerCase()))).toEqual([]);
	});

	it("maps every chapter of both books to a note, and credits the framework's origin", () => {
		const map = text("vault-template/Maps/Book chapter map.md");
		const rows = map.split("\n").filter((l) => /^\| \d+ \|/.test(l));
		expect(rows.length).toBe(22);
		for (const r of rows) expect(r).toMatch(/\[\[[^\]]+\]\]/);
		expect(text("vault-template/Framework/ML system design framework.md")).toMatch(/Aminian and Alex Xu/);
	});
});


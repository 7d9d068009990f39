import { Catalog, toRecord, type CaseRecord } from "../../src/core/catalog";
import { checklistToMarkdown, buildChecklist } from "../../src/core/checklist";
import { instantiateTemplate } from "../../src/core/newNote";
import { practiceNote } from "../../src/core/practice";
import { candidateCases, drawPrompt, DEFAULT_FILTERS, type PromptFilters } from "../../src/core/prompt";
import { seededRng } from "../../src/core/rng";
import { splitFrontmatter } from "../../src/core/markdown";
import { stringifyYaml } from "../../src/cli/frontmatter";
import { parse } from "yaml";

const caseFm = (domain: string, difficulty: string, prompts = ["Design X.", "Build X."]) => ({ tags: ["mlsd/case-study"], domain, difficulty, prompts, concepts: ["[[Feature store]]"] });

function catalog(): Catalog {
	return Catalog.from([
		toRecord("S/Feed.md", caseFm("recsys", "medium"), "shipped"),
		toRecord("S/Ads.md", caseFm("ads", "hard"), "shipped"),
		toRecord("Mine/Podcasts.md", caseFm("recsys", "easy", ["Recommend podcasts."]), "personal"),
		toRecord("Mine/Broken.md", { tags: ["mlsd/case-study"], domain: "", difficulty: "Medium" }, "personal"),
		toRecord("Mine/Unrelated.md", { type: "meeting" }, "personal"),
		toRecord("P/p1.md", { tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-11-20" }, "personal"),
	]);
}
const filters = (f: Partial<PromptFilters>): PromptFilters => ({ ...DEFAULT_FILTERS, twist: false, ...f });

describe("catalog", () => {
	it("keeps valid notes, names broken ones, ignores other types", () => {
		const c = catalog();
		expect(c.cases().map((x) => x.name)).toEqual(["Ads", "Feed", "Podcasts"]);
		expect(c.skipped()).toEqual([{ path: "Mine/Broken.md", type: "case-study", problems: expect.arrayContaining([expect.stringMatching(/domain/), expect.stringMatching(/prompts/)]) }]);
		expect(c.get("Mine/Unrelated.md")).toBeUndefined();
		expect(c.caseByName("feed")?.concepts).toEqual(["Feature store"]);
	});
	it("follows updates, renames and deletions incrementally", () => {
		const c = catalog();
		const v = c.version;
		c.set("Mine/Broken.md", toRecord("Mine/Broken.md", caseFm("speech", "easy"), "personal"));
		expect(c.skipped()).toEqual([]);
		expect(c.caseByName("Broken")?.domain).toBe("speech");
		c.remove("S/Ads.md");
		expect(c.caseByName("Ads")).toBeUndefined();
		expect(c.version).toBe(v + 2);
	});
});

describe("drawPrompt", () => {
	it("the same seed gives the same draw; different seeds cover every case", () => {
		const a = drawPrompt(catalog(), filters({}), seededRng(42), "2026-11-22", []);
		const b = drawPrompt(catalog(), filters({}), seededRng(42), "2026-11-22", []);
		expect(a).toEqual(b);
		const seen = new Set<string>();
		for (let s = 0; s < 200; s++) {
			const r = drawPrompt(catalog(), filters({}), seededRng(s), "2026-11-22", []);
			if ("draw" in r) seen.add(r.draw.caseName);
		}
		expect([...seen].sort()).toEqual(["Ads", "Feed", "Podcasts"]);
	});
	it("a personal case written only with properties can be drawn", () => {
		const r = drawPrompt(catalog(), filters({ source: "personal" }), seededRng(1), "2026-11-22", []);
		expect(r).toEqual({ draw: expect.objectContaining({ caseName: "Podcasts", prompt: "Recommend podcasts.", twist: null }) });
	});
	it("filters by domain and difficulty", () => {
		for (let s = 0; s < 50; s++) {
			const r = drawPrompt(catalog(), filters({ domain: "recsys", difficulty: "medium" }), seededRng(s), "2026-11-22", []);
			expect("draw" in r && r.draw.caseName).toBe("Feed");
		}
	});
	it("names the filter that emptied the pool", () => {
		const r = drawPrompt(catalog(), filters({ domain: "recsys", difficulty: "hard" }), seededRng(1), "2026-11-22", []);
		expect(r).toEqual({ error: expect.stringContaining('difficulty "hard" (2 matched') });
		const none = drawPrompt(new Catalog(), filters({}), seededRng(1), "2026-11-22", []);
		expect("error" in none && none.error).toMatch(/no case studies/);
	});
	it("skips cases practised within N days", () => {
		const pool = candidateCases(catalog(), filters({ domain: "recsys", skipPractisedDays: 3 }), "2026-11-22");
		expect("cases" in pool && pool.cases.map((c) => c.name)).toEqual(["Podcasts"]);
		const later = candidateCases(catalog(), filters({ domain: "recsys", skipPractisedDays: 3 }), "2026-11-23");
		expect("cases" in later && later.cases).toHaveLength(2);
	});
	it("adds a twist that fits the case when asked, and names its note", () => {
		const twist = { name: "Twist - Traffic", path: "T/Twist - Traffic.md", fits: ["any"], text: "Traffic grows 10x." };
		const r = drawPrompt(catalog(), filters({ twist: true }), seededRng(3), "2026-11-22", [twist]);
		expect("draw" in r && r.draw).toMatchObject({ twist: "Traffic grows 10x.", twistNote: "Twist - Traffic", twistNotice: null });
	});
});

const step = (n: number, items: string[]) => ({
	name: `Step ${n} - S${n}`, step: n, minutes: 5,
	text: `---\ntype: framework-step\n---\nIntro\n## Checklist\n${items.map((i) => `- [ ] ${i}`).join("\n")}\n## Next step\n- [ ] not an item\n`,
});

describe("buildChecklist", () => {
	it("orders steps, puts a user's items under their step, then the case's own", () => {
		const sections = buildChecklist({
			steps: [step(2, ["b1"]), step(1, ["a1", "a2"])],
			extras: [{ name: "My data checks", step: 2, text: "---\ntype: checklist\nstep: 2\n---\n## Checklist\n- [ ] mine\n" }],
			caseNote: { name: "Feed", text: "## Checklist\n- [x] case item\n" },
		});
		expect(sections.map((s) => [s.title, s.items.map((i) => i.text)])).toEqual([
			["Step 1: S1", ["a1", "a2"]], ["Step 2: S2", ["b1", "mine"]], ["Specific to Feed", ["case item"]],
		]);
		const md = checklistToMarkdown(sections);
		expect(md).toContain("## Step 2: S2 (5 min)\n\n- [ ] b1\n- [ ] mine *(from [[My data checks]])*");
		expect(md).not.toContain("not an item");
	});
});

describe("practiceNote", () => {
	const text = practiceNote({
		draw: { caseName: "Feed", casePath: "S/Feed.md", domain: "recsys", difficulty: "medium", prompt: "Design \"X\": now.", twist: "No labels.", twistNote: "Twist - No labels" },
		date: "2026-11-22",
		steps: [{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 }, { step: 2, name: "Step 2 - Framing", minutes: 40 }],
		checklist: [{ title: "Step 1: Clarifying requirements", source: "Step 1 - Clarifying requirements", minutes: 5, items: [{ text: "Asked", from: "Step 1 - Clarifying requirements" }] }],
		totalMinutes: 45,
	}, stringifyYaml);
	it("has valid practice properties", () => {
		const yaml = splitFrontmatter(text).yaml!;
		expect(parse(yaml)).toEqual({
			type: "practice", case: "[[Feed]]", prompt: 'Design "X": now.', twist: "No labels.", "twist-note": "[[Twist - No labels]]",
			"session-date": "2026-11-22", "interview-minutes": 45, "mlsd-rating": null, tags: ["mlsd/practice"],
		});
		expect(yaml).not.toMatch(/^(date|rating|due):/m);
	});
	it("hides the twist in a folded callout that links its model answer", () => {
		expect(text).toContain("> [!warning]- Twist: open it once your design hangs together\n> No labels.\n>\n> After the session: [[Twist - No labels#Model answer|model answer to this twist]]");
	});
	it("hides the reference case until the folded callout is opened", () => {
		const lines = text.split("\n");
		const calloutAt = lines.findIndex((l) => l.startsWith("> [!example]-"));
		expect(calloutAt).toBeGreaterThan(0);
		const outside = lines.filter((_, i) => i < calloutAt);
		expect(outside.join("\n")).not.toContain("[[Feed]]\n");
		expect(outside.some((l) => l.includes("![[Feed]]") || /^\[\[Feed\]\]/.test(l))).toBe(false);
		expect(lines.slice(calloutAt).filter((l) => l.includes("Feed]]")).every((l) => l.startsWith(">"))).toBe(true);
	});
	it("plans time per step and scaffolds an answer per step", () => {
		expect(text).toContain("| 1. Clarifying requirements | 5 | 5 |");
		expect(text).toContain("| 2. Framing | 40 | 45 |");
		expect(text).toContain("### 2. Framing (40 min)");
		expect(text).toContain("- [ ] Asked");
	});
});

describe("instantiateTemplate", () => {
	it("turns a template into a note of its kind with the title", () => {
		const t = "---\ntype: template\ntemplate-for: case-study\ndomain: recsys\ndifficulty: medium\nprompts:\n  - Design ...\n---\n# Case study title\n\n## Prompt\n";
		const out = instantiateTemplate(t, "case-study", "Podcast recs", { parse, stringify: stringifyYaml });
		// The template marker goes; the kind's tag is what makes the new note take part (no "type:" is claimed).
		expect(out).toBe("---\ndomain: recsys\ndifficulty: medium\nprompts:\n  - Design ...\ntags:\n  - mlsd/case-study\n---\n# Podcast recs\n\n## Prompt\n");
		const rec = toRecord("x.md", { tags: ["mlsd/case-study"], domain: "recsys", difficulty: "medium", prompts: ["Design ..."] }, "personal");
		// A valid case study, whose template placeholder is never offered as a question.
		expect(rec && "record" in rec && (rec.record as CaseRecord).type).toBe("case-study");
		expect(rec && "record" in rec && (rec.record as CaseRecord).prompts).toEqual([]);
	});
});

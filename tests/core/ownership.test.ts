/** Only our notes are ours: kinds come from mlsd/ tags; values are read the way users write them. */
import { Catalog, toRecord, type CaseRecord } from "../../src/core/catalog";
import { buildChecklist, noteChecklist } from "../../src/core/checklist";
import { dayOf, isRealDate } from "../../src/core/dates";
import { instantiateProperties, instantiateTemplate } from "../../src/core/newNote";
import { stringifyYaml } from "../../src/cli/frontmatter";
import { parse } from "yaml";
import { candidateCases, DEFAULT_FILTERS, domainChoices, drawPrompt } from "../../src/core/prompt";
import { seededRng } from "../../src/core/rng";
import { kindsOf, noteKind, noteTags } from "../../src/core/schema";
import { migrateData } from "../../src/core/settings";
import { addKindTag, legacyNotes } from "../../src/core/tagMigration";
import { inlineTags, splitFrontmatter } from "../../src/core/markdown";

const record = (fm: Record<string, unknown>, inline: string[] = []) => {
	const r = toRecord("Mine/N.md", fm, "personal", inline);
	return r && "record" in r ? r.record : r;
};

describe("a note's kind", () => {
	it("comes from an mlsd/<kind> tag, never from type:", () => {
		expect(record({ type: "concept", category: "metric" })).toBeNull();
		expect(record({ type: "template" })).toBeNull();
		expect(record({ type: "case-study", domain: "search", difficulty: "easy", prompts: ["Design search."] })).toBeNull();
		expect(record({ tags: ["mlsd/concept"] })).toMatchObject({ type: "concept" });
		expect(record({ type: "meeting", tags: "mlsd/concept, philosophy" })).toMatchObject({ type: "concept" });
	});
	it("reads tags as Obsidian does: lists or text, with or without #, any case, nested, in the body too", () => {
		expect(noteTags({ tags: ["#MLSD/Concept", "x"], tag: "a b,c" })).toEqual(["mlsd/concept", "x", "a", "b", "c"]);
		expect(noteKind(["mlsd/concept/metric"])).toBe("concept");
		expect(noteKind(["mlsd/step"])).toBe("framework-step");
		expect(noteKind(["mlsd/domain/recsys", "mlsd/flashcard-reviews", "mlsd"])).toBeNull();
		expect(noteKind(["mlsd/case-study", "mlsd/template"])).toBe("template");
		expect(kindsOf(["mlsd/concept", "mlsd/case-study"])).toEqual(["concept", "case-study"]);
		expect(inlineTags("Body #mlsd/concept and #2026 and `#mlsd/practice` \n```\n#mlsd/case-study\n```\n# Heading")).toEqual(["mlsd/concept"]);
		expect(record({}, ["#mlsd/concept"])).toMatchObject({ type: "concept" });
	});
});

describe("a personal case study", () => {
	it("takes any domain and case-insensitive values", () => {
		const c = record({ tags: ["mlsd/case-study"], domain: "Marketplace", difficulty: "MEDIUM", prompts: "Design a marketplace." }) as CaseRecord;
		expect(c).toMatchObject({ domain: "marketplace", difficulty: "medium", prompts: ["Design a marketplace."] });
		const cat = Catalog.from([toRecord("Mine/M.md", { tags: ["mlsd/case-study"], domain: "Marketplace", difficulty: "Medium", prompts: ["Design a marketplace."] }, "personal")]);
		const r = drawPrompt(cat, { ...DEFAULT_FILTERS, domain: "marketplace", difficulty: "medium", twist: false }, seededRng(1), "2026-01-31", []);
		expect(r).toEqual({ draw: expect.objectContaining({ caseName: "M", domain: "marketplace" }) });
		expect(domainChoices(["marketplace", "ads", "recsys", "zoo"], "Cooking")).toEqual(["recsys", "ads", "cooking", "marketplace", "zoo"]);
	});
	it("with only the template's placeholder prompts is named as not drawn, with the reason", () => {
		const cat = Catalog.from([toRecord("Mine/New.md", { tags: ["mlsd/case-study"], domain: "ads", difficulty: "easy", prompts: ["Design ...", "How would you ..."] }, "personal")]);
		expect(cat.undrawable()).toEqual([{ path: "Mine/New.md", name: "New", reason: expect.stringMatching(/still the template's placeholders/) }]);
		const pool = candidateCases(cat, DEFAULT_FILTERS, "2026-01-31");
		expect(pool).toEqual({ error: expect.stringMatching(/Not drawn: "New" \(its "prompts" are still the template's placeholders/) });
	});
	it("remembers a filter on any domain, and reads old settings case-insensitively", () => {
		const { data } = migrateData({ schema: 1, settings: { promptFilters: { domain: "Marketplace", difficulty: "Hard" } } }, { configDir: ".obsidian" });
		expect(data.settings.promptFilters).toMatchObject({ domain: "marketplace", difficulty: "hard" });
	});
});

describe("checklist notes", () => {
	it("contribute their items with or without a Checklist heading; code blocks never do", () => {
		const sections = buildChecklist({
			steps: [{ name: "Step 3 - Data", step: 3, minutes: 8, text: "## Checklist\n- [ ] Shipped item\n" }],
			extras: [
				{ name: "No heading", step: 3, text: "---\ntags: [mlsd/checklist]\nstep: 3\n---\n- [ ] Mine one\n```\n- [ ] not an item\n```\n- [x] Mine two\n" },
				{ name: "With heading", step: 3, text: "- [ ] ignored, outside the section\n## Checklist\n- [ ] Mine three\n" },
			],
			caseNote: null,
		});
		expect(sections[0]!.items.map((i) => i.text)).toEqual(["Shipped item", "Mine one", "Mine two", "Mine three"]);
		// A step note or a case still contributes only its Checklist section.
		expect(noteChecklist("- [ ] loose\n")).toEqual([]);
	});
});

describe("dates", () => {
	it("are real calendar dates", () => {
		expect([dayOf("2026-01-31"), dayOf("2024-02-29"), dayOf("2026-01-31T10:00"), dayOf(" 2026-01-05 ")]).toEqual(["2026-01-31", "2024-02-29", "2026-01-31", "2026-01-05"]);
		expect([dayOf("2026-13-45"), dayOf("2026-02-30"), dayOf("2025-02-29"), dayOf("2026-00-10"), dayOf("2026-1-5"), dayOf(20260131), dayOf(null)]).toEqual([null, null, null, null, null, null, null]);
		expect(isRealDate("2026-01-31T10:00")).toBe(false);
		const r = toRecord("P.md", { tags: ["mlsd/practice"], case: "[[X]]", date: "2026-13-45" }, "personal");
		expect(r).toEqual({ skipped: { path: "P.md", type: "practice", problems: [expect.stringMatching(/"date" is "2026-13-45", which is not a real date/)] } });
	});
});

describe("new notes from templates", () => {
	const T = "---\ntype: template\ntemplate-for: concept\ncategory: model\ntags:\n  - mlsd/template\n  - mlsd/concept\n  - my/own\n---\n# Title\n";
	const yaml = { parse, stringify: stringifyYaml };
	it("drop the template marker and keep the kind's tag and the user's own tags", () => {
		const out = instantiateTemplate(T, "concept", "Beam search", yaml);
		expect(out).toBe("---\ncategory: model\ntags:\n  - mlsd/concept\n  - my/own\n---\n# Beam search\n");
		expect(record({ tags: ["mlsd/concept", "my/own"], category: "model" })).toMatchObject({ type: "concept" });
	});
	it("handle flow lists, text tags and notes without tags", () => {
		expect(instantiateProperties({ tags: ["mlsd/template", "mlsd/checklist", "x"] }, "checklist")).toEqual({ tags: ["mlsd/checklist", "x"] });
		expect(instantiateProperties({ tags: "mlsd/template" }, "case-study")).toEqual({ tags: ["mlsd/case-study"] });
		expect(instantiateProperties({ tags: "#mlsd/template, keep" }, "case-study")).toEqual({ tags: ["keep", "mlsd/case-study"] });
		expect(instantiateProperties({ step: 3 }, "checklist")).toEqual({ step: 3, tags: ["mlsd/checklist"] });
		expect(instantiateProperties({ tags: ["#mlsd/template", "keep", null], step: 3, type: "Template" }, "checklist")).toEqual({ tags: ["keep", "mlsd/checklist"], step: 3 });
		const flow = instantiateTemplate("---\ntags: [mlsd/template, mlsd/checklist, x]\nstep: 3\n---\n# T\n", "checklist", "Mine", yaml);
		expect(parse(splitFrontmatter(flow).yaml!)).toEqual({ tags: ["mlsd/checklist", "x"], step: 3 });
	});
	it("write titles and properties with YAML's special characters that read back the same", () => {
		const T2 = '---\ntemplate-for: case-study\nprompts:\n  - "Design: a #1 feed"\nnote: "it\'s \\"quoted\\"\\nand two lines"\ntags: [mlsd/template]\n---\n# Title\n\n## Prompt\n';
		const out = instantiateTemplate(T2, "case-study", "Ads: $& #1", yaml);
		expect(parse(splitFrontmatter(out).yaml!)).toEqual({ prompts: ["Design: a #1 feed"], note: 'it\'s "quoted"\nand two lines', tags: ["mlsd/case-study"] });
		expect(splitFrontmatter(out).body).toBe("# Ads: $& #1\n\n## Prompt\n");
	});
	it("name a template whose properties are not valid YAML", () => {
		expect(() => instantiateTemplate("---\ntags: [unclosed\n---\n# T\n", "concept", "X", yaml)).toThrow();
		expect(() => instantiateTemplate("---\n- a list\n---\n# T\n", "concept", "X", yaml)).toThrow(/not a list of names and values/);
	});
});

describe("notes from 0.1 (type: and no tag)", () => {
	it("are listed with their kind, suggested when inside the plugin's folders", () => {
		const found = legacyNotes([
			{ path: "ML System Design practice/P.md", frontmatter: { type: "practice" } },
			{ path: "Philosophy/Being.md", frontmatter: { type: "Concept" } },
			{ path: "Tagged.md", frontmatter: { type: "concept", tags: ["mlsd/concept"] } },
			{ path: "Inline.md", frontmatter: { type: "concept" }, inlineTags: ["#mlsd/concept"] },
			{ path: "Meeting.md", frontmatter: { type: "meeting" } },
			{ path: "None.md", frontmatter: undefined },
		], ["ML System Design", "ML System Design practice"]);
		expect(found).toEqual([
			{ path: "ML System Design practice/P.md", kind: "practice", suggested: true },
			{ path: "Philosophy/Being.md", kind: "concept", suggested: false },
		]);
	});
	it("get the tag added to their properties, keeping every other tag", () => {
		const fm: Record<string, unknown> = { type: "concept", tags: "philosophy, reading" };
		expect(addKindTag(fm, "concept")).toBe(true);
		expect(fm).toEqual({ type: "concept", tags: ["philosophy", "reading", "mlsd/concept"] });
		expect(addKindTag(fm, "concept")).toBe(false);
		const empty: Record<string, unknown> = { type: "practice" };
		addKindTag(empty, "practice");
		expect(empty.tags).toEqual(["mlsd/practice"]);
	});
});

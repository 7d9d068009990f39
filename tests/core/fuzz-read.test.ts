/**
 * Fuzzing the read side (fast-check): generated property sets and notes go
 * through the catalog, the prompt draw (with twist notes), the checklist
 * builder, progress, schedules and today's plan, the flashcard reader and log, and doctor. Nothing may throw, and
 * every note left out is named by its path with a reason.
 *
 * Counts: 10,000 property sets (first property) plus 500 vaults of 1 to 10
 * notes each (second property, about 2,750 notes, each read as a file and as
 * Obsidian's metadata cache would hand it over): over 12,000 in all.
 */
import fc from "fast-check";
import { stringify } from "yaml";
import { Catalog, toRecord, type RecordResult, type SkippedNote } from "../../src/core/catalog";
import { checklistFromCatalog } from "../../src/core/checklist";
import { runDoctor } from "../../src/core/doctor";
import { cardsInNote, cardStates, dueCards, parseReviewLog, weakestSteps } from "../../src/core/flashcards";
import { inlineTags, splitFrontmatter } from "../../src/core/markdown";
import { progressSummary } from "../../src/core/progress";
import { DEFAULT_FILTERS, drawPrompt } from "../../src/core/prompt";
import { todaysPlan } from "../../src/core/plan";
import { nextDueCase } from "../../src/core/review";
import { twistsFromCatalog } from "../../src/core/twists";
import { seededRng } from "../../src/core/rng";
import { NOTE_TYPES, type Frontmatter } from "../../src/core/types";
import { parseYaml } from "../../src/cli/frontmatter";
import { recordFromText } from "../../src/cli/vaultCatalog";

const KIND_TAGS = [...NOTE_TYPES.map((k) => `mlsd/${k}`), "mlsd/step", "#mlsd/case-study", "MLSD/Concept", "mlsd/concept/metric", "mlsd/domain/recsys", "mlsd/flashcard-reviews", "mlsd/", "mlsd"];
const dateLike = fc.oneof(
	fc.constantFrom("2026-01-20", "2026-13-45", "2026-02-30", "2024-02-29", "2025-02-29", "0000-00-00", "2026-01-20T10:00", "soon", "", "9999-12-31", " 2026-01-05 "),
	fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid" : d.toISOString())),
);
const scalar = fc.oneof(
	fc.string({ maxLength: 20 }),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	dateLike,
	fc.constantFrom("[[Feed]]", "[[Feed|x]]", "Design ...", "Medium", "RecSys", "again", "Good", "easy", "any"),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }));
const tags = fc.oneof(fc.array(fc.oneof(fc.constantFrom(...KIND_TAGS), fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 4 }), fc.constantFrom(...KIND_TAGS), value);

const anyPropertySet: fc.Arbitrary<Frontmatter> = fc
	.record(
		{
			tags, tag: tags, type: fc.oneof(fc.constantFrom(...NOTE_TYPES), value),
			domain: value, difficulty: value, prompts: value, concepts: value, category: value,
			step: fc.oneof(fc.integer({ min: -2, max: 9 }), value), minutes: fc.oneof(fc.double({ min: -5, max: 90 }), value),
			case: value, date: fc.oneof(dateLike, value), rating: value, due: fc.oneof(dateLike, value),
			"step-scores": fc.oneof(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null), fc.double()), { maxLength: 9 }), value),
			"step-minutes": value, "step-overrun": value, "copy-of": value, fits: value, aliases: value,
		},
		{ requiredKeys: [] },
	)
	.chain((fm) => fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 2 }).map((extra) => ({ ...extra, ...fm })));

/** Property sets close to valid ones of each kind, with one value replaced at random: where the edge cases are. */
const nearlyValid: fc.Arbitrary<Frontmatter> = fc
	.tuple(
		fc.constantFrom<Frontmatter>(
			{ tags: ["mlsd/case-study"], domain: "Marketplace", difficulty: "Medium", prompts: ["Design a marketplace.", "Design ..."], concepts: ["[[Feed]]"] },
			{ tags: "mlsd/practice", case: "[[Feed]]", date: "2026-01-20", rating: "good", "step-scores": [1, 2, null, 4] },
			{ tags: ["mlsd/step"], step: 3, minutes: 7.5 },
			{ tags: ["mlsd/checklist"], step: "2" },
			{ tags: ["mlsd/concept", "mlsd/concept/metric"], category: "Metric" },
			{ tags: ["mlsd/template", "mlsd/case-study"], "template-for": "case-study" },
		),
		fc.constantFrom("tags", "domain", "difficulty", "prompts", "step", "minutes", "case", "date", "rating", "step-scores", "none"),
		value,
	)
	.map(([fm, key, v]) => (key === "none" ? { ...fm } : { ...fm, [key]: v }));

const propertySet = fc.oneof(anyPropertySet, nearlyValid);

const line = fc.oneof(
	fc.constantFrom("## Checklist", "## Flashcards", "## Concepts to know", "## My notes", "# Title", "```", "```mermaid", "~~~", "<!--SR:!2026-01-20,3,250-->", "#mlsd/concept", "#mlsd/practice", "- [ ] item", "- [x] done", "* [ ]", "Q::A", "Q:::A", "::", ":::", "`a::b`", "[[Feed]]", "[[Calibration#Flashcards]]", "[[]]", "[[Step 1|s]]", "---"),
	fc.string({ maxLength: 40 }),
	fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("::", ":::"), fc.string({ maxLength: 10 })).map(([a, s, b]) => `${a}${s}${b}`),
	fc.string({ maxLength: 12 }).map((s) => `- [ ] ${s}`),
);
const body = fc.array(line, { maxLength: 14 }).map((l) => l.join("\n"));

/** A note's full text: YAML from the properties, or YAML text that may be broken. */
const noteText = fc.oneof(
	fc.tuple(propertySet, body).map(([fm, b]) => `---\n${safeYaml(fm)}---\n${b}`),
	fc.tuple(fc.string({ maxLength: 60 }), body).map(([y, b]) => `---\n${y}\n---\n${b}`),
	body,
	fc.constantFrom("", "---", "---\n", "---\ntags: [mlsd/case-study\n---\n", "\uFEFF---\ntags: [mlsd/concept]\n---\nQ::A", "---\r\ntags: [mlsd/practice]\r\ndate: 2026-13-45\r\n---\r\n"),
);

function safeYaml(fm: Frontmatter): string {
	try {
		return stringify(fm);
	} catch {
		return "broken: [\n";
	}
}

const kindsSeen = new Map<string, number>();

function expectNamed(skipped: readonly SkippedNote[], paths: ReadonlySet<string>): void {
	for (const s of skipped) {
		expect(paths.has(s.path)).toBe(true);
		expect(s.problems.length).toBeGreaterThan(0);
		for (const p of s.problems) expect(typeof p === "string" && p.length > 5).toBe(true);
	}
}

describe("fuzzing the read commands", () => {
	it("10,000 property sets: a record or a named skip, never a throw", () => {
		fc.assert(
			fc.property(propertySet, fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), (fm, inline) => {
				const r = toRecord("Mine/Note.md", fm, "personal", inline);
				if (r && "skipped" in r) expectNamed([r.skipped], new Set(["Mine/Note.md"]));
				if (r && "record" in r) kindsSeen.set(r.record.type, (kindsSeen.get(r.record.type) ?? 0) + 1);
				const c = Catalog.from([r]);
				c.cases();
				c.undrawable();
			}),
			{ numRuns: 10_000, seed: 20261205 },
		);
		// The generator reaches real records of the kinds commands read, not only rejections.
		for (const k of ["case-study", "practice", "framework-step", "checklist", "concept"]) expect(kindsSeen.get(k) ?? 0).toBeGreaterThan(20);
	});

	it("500 generated vaults through prompt, checklist, progress, schedules, flashcards and doctor", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(noteText, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 10 }),
				fc.integer({ min: 0, max: 2 ** 31 - 1 }),
				fc.record({ domain: fc.option(fc.constantFrom("recsys", "Marketplace", "", "x")), difficulty: fc.option(fc.constantFrom("easy", "Medium", "zzz")) }),
				async (notes, seed, filters) => {
					const texts = new Map<string, string>();
					const unreadablePaths = new Set<string>();
					const results: RecordResult[] = [];
					notes.forEach(([text, shipped, unreadable], i) => {
						const path = `${i % 3 === 0 ? "Framework" : "Mine"}/Note ${i}.md`;
						texts.set(path, text);
						if (unreadable) unreadablePaths.add(path);
						results.push(recordFromText(path, text, shipped ? "shipped" : "personal"));
						// The same note as Obsidian's metadata cache hands it over: properties and inline tags.
						const parsed = parseYaml(splitFrontmatter(text).yaml ?? "");
						const fm = "value" in parsed && parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value) ? (parsed.value as Frontmatter) : null;
						toRecord(path, fm, "personal", inlineTags(splitFrontmatter(text).body));
					});
					const paths = new Set(texts.keys());
					const catalog = Catalog.from(results);
					expectNamed(catalog.skipped(), paths);

					const today = "2026-01-31";
					const twists = await twistsFromCatalog(catalog, (p) => (unreadablePaths.has(p) ? null : texts.get(p) ?? null));
					const draw = drawPrompt(catalog, { ...DEFAULT_FILTERS, ...filters }, seededRng(seed), today, twists);
					expect("draw" in draw || ("error" in draw && draw.error.length > 10)).toBe(true);

					const unreadable: SkippedNote[] = [];
					const chosen = catalog.cases()[0] ?? null;
					await checklistFromCatalog(catalog, chosen, (p) => {
						if (unreadablePaths.has(p)) throw new Error("EACCES: permission denied");
						return texts.get(p) ?? "";
					}, unreadable);
					expectNamed(unreadable, paths);

					const summary = progressSummary(catalog, texts, today);
					expectNamed(summary.skipped, paths);
					const plan = { interviewDate: seed % 3 === 0 ? null : seed % 3 === 1 ? "2026-02-19" : "2025-12-01", targetDomains: filters.domain ? [filters.domain] : [], anchors: catalog.cases().slice(0, 2).map((c) => c.name).concat(["Nowhere"]) };
					nextDueCase(catalog, today, { newPerDay: 1, plan, domain: filters.domain ?? null });
					const study = todaysPlan(catalog, { today, plan, newPerDay: 2, domain: filters.domain ?? null, cardsDue: null });
					expect(typeof study.daysLeft === "number" || study.daysLeft === null).toBe(true);
					weakestSteps(catalog, texts);

					const cards = [...texts].flatMap(([p, t]) => cardsInNote({ name: p, path: p }, t));
					const log = parseReviewLog([...texts.values()].join("\n"));
					dueCards(cards, log.reviews, { now: new Date("2026-01-31T12:00:00Z"), newPerDay: 5 }, cardStates(log.reviews));

					const files = [...texts].map(([path, text]) => ({ path, text }));
					files.push({ path: "Views/X.canvas", text: notes[0]![0] }, { path: "Views/X.base", text: notes[0]![0] });
					const standard = seed % 2 === 0 ? ("all" as const) : new Set([...paths].filter((_, i) => i % 2 === 0));
					const report = await runDoctor(files, { parseYaml }, { standard });
					for (const issue of report.issues) {
						expect(files.some((f) => f.path === issue.path)).toBe(true);
						expect(issue.message.length).toBeGreaterThan(5);
					}
				},
			),
			{ numRuns: 500, seed: 20261205 },
		);
	});
});

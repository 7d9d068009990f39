/** Catalog.deferred: the cold build only sorts notes by type; records are made per type on first use. */
import fc from "fast-check";
import { Catalog, isPlaceholderPrompt, toRecord, type CaseRecord } from "../../src/core/catalog";
import { difficultyOf, domainOf, linkTargetOf, textList, validateProperties } from "../../src/core/schema";

describe("deferred catalog", () => {
	const fm = (i: number): Record<string, unknown> | null => {
		switch (i % 7) {
			case 0: return { tags: ["mlsd/case-study"], domain: "ads", difficulty: "easy", prompts: [`Design ${i}.`] };
			case 1: return { tags: ["mlsd/concept"], category: "model" };
			case 2: return { tags: ["mlsd/concept"], category: "nonsense" };
			case 3: return { tags: ["mlsd/practice"], case: "[[X]]", date: "2026-01-02" };
			case 4: return { tags: ["mlsd/framework-step"], step: (i % 7) + 1, minutes: 5 };
			case 5: return { type: "concept", tags: ["journal"] };
			default: return null;
		}
	};
	const byPath = <T extends { path: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.path.localeCompare(b.path));
	const origin = (p: string): "shipped" | "personal" => (p.startsWith("S/") ? "shipped" : "personal");

	it("gives the same answers as a catalog built eagerly, whatever is asked first and whatever changes", () => {
		fc.assert(fc.property(
			fc.array(fc.nat(60), { maxLength: 40 }),
			fc.array(fc.tuple(fc.constantFrom("cases", "skipped", "concepts", "get", "size", "set", "remove"), fc.nat(60)), { maxLength: 12 }),
			(ids, ops) => {
				const notes = [...new Set(ids)].map((i) => ({ path: `${i % 2 ? "S" : "M"}/N${i}.md`, frontmatter: fm(i) }));
				const eager = Catalog.from(notes.map((n) => toRecord(n.path, n.frontmatter, origin(n.path))));
				const lazy = Catalog.deferred(notes, origin);
				for (const [op, i] of ops) {
					const path = `${i % 2 ? "S" : "M"}/N${i}.md`;
					if (op === "set") for (const c of [eager, lazy]) c.set(path, toRecord(path, fm(i + 1), origin(path)));
					if (op === "remove") for (const c of [eager, lazy]) c.remove(path);
					if (op === "cases") expect(lazy.cases()).toEqual(eager.cases());
					if (op === "concepts") expect(byPath(lazy.ofType("concept"))).toEqual(byPath(eager.ofType("concept")));
					if (op === "skipped") expect(lazy.skipped(["concept"])).toEqual(eager.skipped(["concept"]));
					if (op === "get") expect(lazy.get(path)).toEqual(eager.get(path));
					if (op === "size") expect(lazy.size).toBe(eager.size);
				}
				expect(byPath(lazy.all())).toEqual(byPath(eager.all()));
				expect(lazy.skipped()).toEqual(eager.skipped());
			},
		), { numRuns: 200 });
	});

	it("makes no record of a type nobody asked for", () => {
		const notes = [{ path: "a.md", frontmatter: { tags: ["mlsd/framework-step"], step: 99, minutes: 5 } }, { path: "b.md", frontmatter: { tags: ["mlsd/case-study"], domain: "ads", difficulty: "easy", prompts: ["Design it."] } }];
		const c = Catalog.deferred(notes, () => "personal");
		expect(c.skipped(["case-study"])).toEqual([]);
		expect(c.cases().map((x) => x.name)).toEqual(["b"]);
		expect(c.skipped().map((s) => s.path)).toEqual(["a.md"]);
	});
});

describe("a case study's record", () => {
	/** Values users put in a case's properties: good ones, odd spellings, and wrong types. */
	const value = fc.oneof(
		fc.constantFrom("ads", " RecSys ", "Medium", "hard", "", "  ", "Design ...", "Design a feed.", "[[Concept]]", " [[A|a]] "),
		fc.string({ maxLength: 6 }),
		fc.constantFrom(null, undefined, 3, true, {}),
		fc.array(fc.oneof(fc.constantFrom("Design ...", "Design a feed.", "", " ", "[[B]]"), fc.string({ maxLength: 4 }), fc.constantFrom(null, 7)), { maxLength: 3 }),
	);

	it("is made exactly when validateProperties finds nothing wrong, and names what it finds", () => {
		fc.assert(fc.property(fc.record({ domain: value, difficulty: value, prompts: value, concepts: value }, { requiredKeys: [] }), (props) => {
			const fm = { tags: ["mlsd/case-study"], ...props } as Record<string, unknown>;
			const problems = validateProperties(fm, "case-study").map((p) => p.message);
			const result = toRecord("Cases/X.md", fm, "personal");
			if (problems.length > 0) expect(result).toEqual({ skipped: { path: "Cases/X.md", problems, type: "case-study" } });
			else {
				expect(result && "record" in result).toBe(true);
				const r = (result as { record: CaseRecord }).record;
				expect(r.domain).toBe(domainOf(fm.domain));
				expect(r.difficulty).toBe(difficultyOf(fm.difficulty));
				expect(r.prompts.length + r.placeholderPrompts).toBe(textList(fm.prompts).filter((p) => p.trim() !== "").length);
				expect(r.prompts.every((p) => p === p.trim() && p !== "" && !isPlaceholderPrompt(p))).toBe(true);
				expect(r.concepts).toEqual(textList(fm.concepts).map(linkTargetOf).filter((c) => c !== ""));
				expect(r.name).toBe("X");
			}
		}), { numRuns: 2000 });
	});
});

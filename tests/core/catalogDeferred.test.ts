/** Catalog.deferred: the cold build only sorts notes by type; records are made per type on first use. */
import fc from "fast-check";
import { Catalog, toRecord } from "../../src/core/catalog";

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

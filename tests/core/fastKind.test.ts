/**
 * The fast path that sorts a large vault's notes by kind from cached metadata
 * (kindBitsOf, recordTypeOfNote, Catalog.fromMetadata) must give exactly the
 * answers of the full parse (noteTags + noteKind, recordTypeOf, toRecord).
 */
import fc from "fast-check";
import { Catalog, recordTypeOf, recordTypeOfNote, toRecord } from "../../src/core/catalog";
import { ASK_FULL_PARSE, inlineTagsOf, kindBitsOfTag, kindOfNote, mentionsPrefix, noteTypeOf, type TaggedNote } from "../../src/core/schema";
import { NOTE_TYPES } from "../../src/core/types";

/** Tag texts that users write, and the odd ones the fast path must hand over or reject. */
const kindHeads = [...NOTE_TYPES, "step", "domain", "flashcard-reviews", "", "constructor", "__proto__", "Case-Study", "CONCEPT", "chec\u212Alist", "Step"];
const tagText: fc.Arbitrary<string> = fc.oneof(
	fc.tuple(
		fc.constantFrom("mlsd/", "#mlsd/", "MLSD/", "#MLSD/", "##mlsd/", "Mlsd/", " mlsd/", "x/mlsd/", "mlsd//", "mlsd"),
		fc.constantFrom(...kindHeads),
		fc.constantFrom("", "/model", "/Sub/Deep", "/", " ", ",", ", mlsd/template", " #mlsd/concept", "\u00a0"),
	).map(([a, b, c]) => a + b + c),
	fc.constantFrom("journal", "#journal", "2026", "", " ", "a, b", "mlsd/concept,mlsd/case-study", "#MLSD/Case-Study", "mlsd/step mlsd/template", "mlſd/concept", "xmlsd/concept", "mlsd\\concept"),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => `mlsd/${s}`),
);
/** A property value where tags may sit: a text, a list (with stray values), or something else entirely. */
const tagValue: fc.Arbitrary<unknown> = fc.oneof(
	tagText,
	fc.array(fc.oneof({ weight: 4, arbitrary: tagText }, { weight: 1, arbitrary: fc.constantFrom(null, 3, true, ["mlsd/concept"], { tag: "mlsd/concept" }) }), { maxLength: 4 }),
	fc.constantFrom(undefined, null, 7, false, { mlsd: "concept" }),
);
const frontmatter: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ tags: tagValue, tag: tagValue, type: fc.constantFrom(...NOTE_TYPES, "meeting"), "copy-of": fc.constantFrom("[[Case]]", null, ""), category: fc.constant("model") }, { requiredKeys: [] }) },
	{ weight: 1, arbitrary: fc.constantFrom(null, undefined, "tags: mlsd/concept", ["mlsd/concept"], 12) },
);
const note: fc.Arbitrary<TaggedNote> = fc.record({
	frontmatter: frontmatter as fc.Arbitrary<TaggedNote["frontmatter"]>,
	tags: fc.option(fc.array(tagText.map((t) => ({ tag: t })), { maxLength: 3 }), { nil: undefined }),
}, { requiredKeys: [] });

describe("the fast kind test", () => {
	it("finds 'mlsd/' in any case exactly where /mlsd\\//i does", () => {
		fc.assert(fc.property(fc.oneof(tagText, fc.string(), fc.string({ unit: "binary", maxLength: 10 })), (s) => {
			expect(mentionsPrefix(s)).toBe(/mlsd\//i.test(s));
		}), { numRuns: 2000 });
	});

	it("gives a note the kind the full parse gives, or hands the note over to it", () => {
		fc.assert(fc.property(note, (n) => {
			const fm = n.frontmatter;
			expect(kindOfNote(n)).toBe(noteTypeOf((fm ?? null) as never, inlineTagsOf(n)));
			expect(recordTypeOfNote(n)).toBe(recordTypeOf(fm, inlineTagsOf(n)));
		}), { numRuns: 3000 });
	});

	it("answers the usual tags itself and hands over the unusual ones", () => {
		const head = (s: string): number => kindBitsOfTag(s);
		expect(head("mlsd/concept")).toBeGreaterThan(0);
		expect(head("#mlsd/case-study")).toBeGreaterThan(0);
		expect(head("mlsd/concept/model")).toBeGreaterThan(0);
		expect(head("mlsd/domain/recsys")).toBe(0);
		expect(head("journal")).toBe(0);
		for (const odd of ["#MLSD/Case-Study", "mlsd/concept, mlsd/template", "##mlsd/concept", " mlsd/concept"]) expect(head(odd)).toBe(ASK_FULL_PARSE);
	});

	it("reads the tricky notes as the content contract says", () => {
		const cases: [TaggedNote | null, string | null][] = [
			[{ frontmatter: { tags: "mlsd/concept, philosophy" } }, "concept"],
			[{ frontmatter: { tags: "#MLSD/Case-Study" } }, "case-study"],
			[{ frontmatter: { tag: ["#MLSD/Case-Study", "x"] } }, "case-study"],
			[{ frontmatter: { tags: ["mlsd/step"] } }, "framework-step"],
			[{ frontmatter: { tags: ["mlsd/case-study", "mlsd/template"] } }, "template"],
			[{ frontmatter: { tags: ["mlsd/concept", "mlsd/case-study"] } }, "case-study"],
			[{ frontmatter: null, tags: [{ tag: "#mlsd/practice" }] }, "practice"],
			[{ frontmatter: {}, tags: [{ tag: "#MLSD/Twist" }] }, "twist"],
			[{ frontmatter: { type: "concept", category: "metric" } }, null],
			[{ frontmatter: { tags: [3, null, { x: 1 }] } }, null],
			[{ frontmatter: { tags: 42 } }, null],
			[{ frontmatter: { tags: ["mlsd/concept"], "copy-of": "[[A]]" } }, null],
			[{ frontmatter: ["mlsd/concept"] as never }, null],
			[{ frontmatter: null }, null],
			[null, null],
			[{ frontmatter: { tags: ["mlsd/domain/recsys", "mlsd/flashcard-reviews", "mlsd"] } }, null],
		];
		for (const [n, want] of cases) {
			expect(recordTypeOfNote(n)).toBe(want);
			expect(recordTypeOf(n?.frontmatter, inlineTagsOf(n))).toBe(want);
		}
	});
});

describe("a catalog built from cached metadata", () => {
	const paths = (ids: number[]): string[] => [...new Set(ids)].map((i) => `${i % 3 ? "S" : "M"}/N${i}.md`);
	const origin = (p: string): "shipped" | "personal" => (p.startsWith("S/") ? "shipped" : "personal");
	const props = (i: number): Record<string, unknown> => ({ domain: "ads", difficulty: "easy", prompts: [`Design ${i}.`, "Design ..."], concepts: ["[[A]]", " B "], step: (i % 7) + 1, minutes: 5, case: "[[X]]", date: "2026-01-02", fits: "any", category: "model" });
	const byPath = <T extends { path: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.path < b.path ? -1 : 1));

	it("holds what toRecord makes of every note, whatever is asked first and whatever changes", () => {
		fc.assert(fc.property(
			fc.array(fc.tuple(fc.nat(50), note), { maxLength: 30 }),
			fc.array(fc.tuple(fc.constantFrom("cases", "skipped", "get", "size", "set", "remove", "kind", "rename", "change"), fc.nat(50), note), { maxLength: 10 }),
			(entries, ops) => {
				const seen = new Set<string>();
				const files: { path: string; note: TaggedNote }[] = [];
				for (const [i, n] of entries) {
					const path = paths([i])[0]!;
					if (seen.has(path)) continue;
					seen.add(path);
					const fm = n.frontmatter && typeof n.frontmatter === "object" && !Array.isArray(n.frontmatter) ? { ...props(i), ...n.frontmatter } : n.frontmatter;
					files.push({ path, note: { ...n, frontmatter: fm } });
				}
				const eager = Catalog.from(files.map((f) => toRecord(f.path, f.note.frontmatter, origin(f.path), inlineTagsOf(f.note))));
				const lazy = Catalog.fromMetadata(files, (f) => f.note, origin);
				for (const [op, i, n] of ops) {
					const path = paths([i])[0]!;
					if (op === "set") for (const c of [eager, lazy]) c.set(path, toRecord(path, n.frontmatter, origin(path), inlineTagsOf(n)));
					if (op === "remove") for (const c of [eager, lazy]) c.remove(path);
					// As in Obsidian: a renamed file's object takes its new path, and the catalog is told (CatalogService).
					const f = files.length > 0 ? files[i % files.length]! : undefined;
					if (op === "rename" && f && seen.has(f.path) && !seen.has(path)) {
						const from = f.path;
						seen.delete(from);
						seen.add(path);
						f.path = path;
						for (const c of [eager, lazy]) {
							c.remove(from);
							c.set(path, toRecord(path, f.note.frontmatter, origin(path), inlineTagsOf(f.note)));
						}
					}
					// A note edited: its cached metadata changes, then "changed" reaches the catalog.
					if (op === "change" && f && seen.has(f.path)) {
						f.note = n;
						for (const c of [eager, lazy]) c.set(f.path, toRecord(f.path, n.frontmatter, origin(f.path), inlineTagsOf(n)));
					}
					if (op === "cases") expect(lazy.cases()).toEqual(eager.cases());
					if (op === "kind") for (const t of NOTE_TYPES) expect(byPath(lazy.ofType(t))).toEqual(byPath(eager.ofType(t)));
					if (op === "skipped") expect(lazy.skipped(["case-study", "practice"])).toEqual(eager.skipped(["case-study", "practice"]));
					if (op === "get") expect(lazy.get(path)).toEqual(eager.get(path));
					if (op === "size") expect(lazy.size).toBe(eager.size);
				}
				expect(byPath(lazy.all())).toEqual(byPath(eager.all()));
				expect(lazy.skipped()).toEqual(eager.skipped());
			},
		), { numRuns: 300 });
	});

	it("keeps a change made before a kind's records were made, and forgets a removed note", () => {
		const concept = (extra: Record<string, unknown> = {}): TaggedNote => ({ frontmatter: { tags: ["mlsd/concept"], ...extra } });
		const files = [{ path: "a.md", note: concept() }, { path: "b.md", note: concept() }, { path: "c.md", note: { frontmatter: null, tags: [{ tag: "#mlsd/concept" }] } }];
		const c = Catalog.fromMetadata(files, (f) => f.note, () => "personal");
		c.set("a.md", toRecord("a.md", { tags: ["mlsd/twist"], fits: "any" }, "personal"));
		c.remove("b.md");
		expect(c.ofType("concept").map((r) => r.path)).toEqual(["c.md"]);
		expect(c.ofType("twist").map((r) => r.path)).toEqual(["a.md"]);
		expect(c.get("b.md")).toBeUndefined();
		expect(c.size).toBe(2);
	});
});
